"""Latency of the HTTP API under concurrent clients: p50/p95/p99, throughput, errors.

Run from the repo root:
  .venv/bin/python bench/api_load.py                                  # issue 15's run
  .venv/bin/python bench/api_load.py --db /tmp/load.duckdb --clients 10 50 --modes mix
  .venv/bin/python bench/api_load.py --seconds 20                     # timed runs instead

1. Builds a store of `--articles` (1,000: over 5,000 events) articles, unless `--db` names
   one that exists: the demo corpus is analysed once, then each copy gets its own text
   (hence its own id) and a publication date and event dates shifted by its number of days,
   so copies add articles, events and reports rather than re-reporting the same events.
   Records go in through `Store.save`, as `ingest` stores them.
2. Starts `eventwire serve` on 127.0.0.1 (a real uvicorn process, as a user runs it).
3. For each mode and client count, runs that many concurrent clients (asyncio + httpx, one
   keep-alive connection each) until `--requests` (3,000) requests are answered, after one
   untimed pass over the request list. The requests are what the explorer asks for, over
   every GET route, with ids, types, actors and dyads taken from the store: event pages
   (plain, by type, by actor, by text, sorted, paged), one event's reports, one article's
   document, actors, timelines, networks, places, types, dyads and a filtered export; some
   60 distinct URLs. Mode `mix` cycles through them (a repeated URL is answered from the
   API's response cache, as when people look at the same views); mode `unique` adds a
   parameter the API ignores, different on every request, so no answer is reused and
   every request runs its queries.
4. Prints per run: requests, throughput, p50/p95/p99/max latency, errors, the server
   process's CPU milliseconds per request (Linux; other load disturbs it far less than the
   latencies) and the load average; with `--by-route`, p50/p99 per route. The last line
   sums up the p99s for `make bench`.

The client runs on the same (2-core) machine and takes CPU from the server: compare figures
taken the same way, not with another machine's. Figures, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import datetime as dt
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

REPO_ROOT = Path(__file__).resolve().parents[1]
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _shift(value: str | None, days: int) -> str | None:
    if value is None or not _ISO_DAY.fullmatch(value):
        return value  # a year or a month stays as stated
    return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()


def build_store(path: Path, articles: int) -> None:
    """`articles` synthetic articles: the demo corpus analysed once, copied with shifted
    dates and their own text."""
    from eventwire.analysis import analyze
    from eventwire.demo import demo_files, demo_published
    from eventwire.ingest.sources import read_article
    from eventwire.store import Store

    published = demo_published()
    docs = [analyze(read_article(str(p), published=published.get(p.name))) for p in demo_files()]
    with Store(path) as store:
        for n in range(articles):
            doc = copy.deepcopy(docs[n % len(docs)])
            days = n // len(docs) * 3
            doc.article.text += f"\n\n(Copy {n} of this report.)"  # offsets before it hold
            doc.article.published = _shift(doc.article.published, days)
            for event in doc.events:
                event.date = _shift(event.date, days)
            store.save(doc)
        counts = store.counts()
    print(f"store {path}: {counts['articles']} articles, {counts['events']} events, "
          f"{counts['event_reports']} reports")  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1").status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a process so far (Linux /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def request_mix(base: str) -> list[str]:
    """The explorer's requests over every GET route, with ids and names from the store."""
    rows = httpx.get(f"{base}/api/events", params={"limit": 1000}).json()["rows"]
    types = sorted({r["type"] for r in rows}, key=lambda t: -sum(r["type"] == t for r in rows))
    actors = [a["name"] for a in httpx.get(f"{base}/api/actors?limit=12").json()["rows"]]
    edges = httpx.get(f"{base}/api/network").json()["edges"]
    pairs = list(dict.fromkeys((e["source"], e["target"]) for e in edges))[:4]
    picks = rows[:: max(1, len(rows) // 10)][:10]
    rare = types[-1]  # the type with fewest events: a small export
    return [
        "/api/events?limit=100", "/api/events?limit=100&offset=100", "/api/events?sort=-date",
        "/api/events?sort=-reports&limit=50", "/api/events?sort=-confidence&limit=50",
        "/api/events?text=said&limit=50", "/api/events?country=Serbia",
        "/api/events?since=2025-06&until=2025-12",
        *[f"/api/events?type={t}&limit=50" for t in types[:5]],
        *[f"/api/events?actor={quote(a)}&sort=-date" for a in actors[:6]],
        "/api/actors?limit=100", *[f"/api/actors?type={t}" for t in types[:3]],
        "/api/timeline", "/api/timeline?granularity=year", "/api/timeline?granularity=day",
        *[f"/api/timeline?actor={quote(a)}" for a in actors[:2]],
        "/api/network", *[f"/api/network?type={t}" for t in types[:3]],
        "/api/places", "/api/places?by=actor", f"/api/places?type={types[0]}",
        "/api/types",
        *[f"/api/dyads?a={quote(s)}&b={quote(t)}" for s, t in pairs],
        *[f"/api/events/{r['id']}" for r in picks],
        *[f"/api/articles/{r['article_id']}" for r in picks],
        f"/api/export?type={rare}&format=jsonl",
    ]  # fmt: skip


def route_of(path: str) -> str:
    """/api/events/abc?x=1 -> /api/events/{id}; /api/events?x=1 -> /api/events."""
    route = path.split("?", 1)[0]
    parts = route.split("/")
    return "/".join(parts[:3] + ["{id}"]) if len(parts) > 3 else route


async def _client(
    base: str, paths: list[str], start: int, plan: dict[str, float], unique: bool,
    latencies: list[tuple[str, float]], errors: list[str],
) -> None:  # fmt: skip
    """Requests in a loop until the run's request count or its end time is reached."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        i = start
        while plan["sent"] < plan["requests"] and time.perf_counter() < plan["stop_at"]:
            plan["sent"] += 1
            path = paths[i % len(paths)]
            i += 1
            if unique:  # a parameter the API ignores: no two requests are the same URL
                path += f"{'&' if '?' in path else '?'}_={plan['sent']:.0f}-{start}"
            begin = time.perf_counter()
            try:
                r = await client.get(path)
                if r.status_code != 200:
                    errors.append(f"{r.status_code} {path}")
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__} {path}")
            latencies.append((path, time.perf_counter() - begin))


async def run_load(
    base: str, paths: list[str], clients: int, *, requests: int | None = None,
    seconds: float | None = None, unique: bool = False,
) -> dict[str, object]:  # fmt: skip
    """`clients` concurrent clients until `requests` are answered (or `seconds` pass)."""
    latencies: list[tuple[str, float]] = []
    errors: list[str] = []
    start = time.perf_counter()
    plan = {"sent": 0.0, "requests": float(requests or 10**12),
            "stop_at": start + seconds if seconds else float("inf")}  # fmt: skip
    await asyncio.gather(
        *(_client(base, paths, n, plan, unique, latencies, errors) for n in range(clients))
    )
    elapsed = time.perf_counter() - start
    times = sorted(t for _, t in latencies)
    q = statistics.quantiles(times, n=100, method="inclusive")
    return {
        "clients": clients, "requests": len(times), "per_s": len(times) / elapsed,
        "p50": q[49], "p95": q[94], "p99": q[98], "max": times[-1], "errors": errors,
        "latencies": latencies,
    }  # fmt: skip


def print_routes(latencies: list[tuple[str, float]]) -> None:
    by_route: dict[str, list[float]] = {}
    for path, t in latencies:
        by_route.setdefault(route_of(path), []).append(t)
    for route, times in sorted(by_route.items()):
        times.sort()
        p99 = statistics.quantiles(times, n=100, method="inclusive")[98] if len(times) > 1 else 0
        print(f"    {route:<24} {len(times):>5} requests  p50 {statistics.median(times):.3f} s"
              f"  p99 {p99:.3f} s")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[50])
    parser.add_argument("--requests", type=int, default=3000, help="answered requests per run")
    parser.add_argument("--seconds", type=float, help="timed runs of this length instead")
    parser.add_argument("--modes", nargs="+", choices=["mix", "unique"], default=["mix", "unique"])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--db", type=Path, help="existing store to serve (default: build one)")
    parser.add_argument("--by-route", action="store_true", help="p50/p99 per route too")
    args = parser.parse_args()

    db = args.db or Path(tempfile.mkdtemp(prefix="eventwire-load-")) / "events.duckdb"
    if not db.exists():
        build_store(db, args.articles)
    port = free_port()
    server = start_server(db, port)
    summary = []
    try:
        base = f"http://127.0.0.1:{port}"
        paths = request_mix(base)
        events = httpx.get(f"{base}/api/events?limit=1").json()["total"]
        print(f"server pid {server.pid}, {os.cpu_count()} CPUs; {events} events; "
              f"{len(paths)} distinct requests over {len({route_of(p) for p in paths})} routes")
        print(f"{'mode':<6} {'clients':>7} {'requests':>8} {'req/s':>7} {'p50 s':>7} "
              f"{'p95 s':>7} {'p99 s':>7} {'max s':>7} {'errors':>6} {'CPU ms/req':>10} "
              f"{'load':>5}")  # fmt: skip
        for mode in args.modes:
            for clients in args.clients:
                unique = mode == "unique"
                asyncio.run(run_load(base, paths, 10, requests=len(paths), unique=unique))
                cpu_before = cpu_seconds(server.pid)
                m = asyncio.run(run_load(base, paths, clients, requests=None if args.seconds
                                         else args.requests, seconds=args.seconds,
                                         unique=unique))  # fmt: skip
                cpu_after = cpu_seconds(server.pid)
                cpu = "n/a"
                if cpu_before is not None and cpu_after is not None:
                    cpu = f"{(cpu_after - cpu_before) / m['requests'] * 1000:.1f}"
                errors = m["errors"]
                assert isinstance(errors, list)
                load = os.getloadavg()[0]
                print(f"{mode:<6} {m['clients']:>7} {m['requests']:>8} {m['per_s']:>7.1f} "
                      f"{m['p50']:>7.3f} {m['p95']:>7.3f} {m['p99']:>7.3f} {m['max']:>7.3f} "
                      f"{len(errors):>6} {cpu:>10} {load:>5.1f}", flush=True)  # fmt: skip
                for error in sorted(set(errors))[:5]:
                    print(f"    error: {error}")
                if args.by_route:
                    print_routes(m["latencies"])  # type: ignore[arg-type]
                summary.append(f"{mode} p99 {m['p99']:.3f} s at {m['per_s']:.0f} req/s, "
                               f"{len(errors)} errors")  # fmt: skip
    finally:
        server.terminate()
        server.wait()
        if args.db is None:  # the store built for this run
            shutil.rmtree(db.parent, ignore_errors=True)
    print(f"load: {events} events, {args.clients[-1]} clients, {args.requests} requests: "
          f"{'; '.join(summary)} (load average {os.getloadavg()[0]:.1f})")  # fmt: skip


if __name__ == "__main__":
    main()
