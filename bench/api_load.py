"""Latency of the HTTP API under concurrent clients: p50/p95/p99 and throughput.

Run from the repo root:  .venv/bin/python bench/api_load.py [--clients 10 50] [--seconds 20]

1. Builds a store of `--articles` (200) articles, unless `--db` names one that exists: the
   demo corpus is analysed once, then each copy gets its own text (hence its own id) and a
   publication date and event dates shifted by its number of days, so copies add articles,
   events and reports rather than re-reporting the same events. Records go in through
   `Store.save`, as `ingest` stores them.
2. Starts `eventwire serve` on 127.0.0.1 (a real uvicorn process, as a user runs it).
3. For each client count, runs that many concurrent clients (asyncio + httpx, one keep-alive
   connection each) for `--seconds` after a short warm-up. Each client cycles through what
   the explorer asks for: event pages (plain, filtered by type and by actor, sorted), actors,
   timeline, network, places, one event's reports and one article's document. `--unique`
   adds a parameter the API ignores, different on every request, so no answer is reused.
4. Prints requests, throughput, p50/p95/p99/max latency and errors per client count, and
   the server process's CPU milliseconds per request (Linux), which other load on the
   machine disturbs far less than the latencies.

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
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
    """The explorer's requests, with ids and names taken from the store."""
    rows = httpx.get(f"{base}/api/events", params={"limit": 100}).json()["rows"]
    types = sorted({r["type"] for r in rows})
    actor = next(r["source"] for r in rows if r["source"]).split("; ")[0]
    return [
        "/api/events?limit=100",
        f"/api/events?type={types[0]}&limit=50",
        f"/api/events?actor={actor}&sort=-date",
        "/api/actors?limit=100",
        "/api/timeline",
        "/api/network",
        "/api/places",
        f"/api/events/{rows[len(rows) // 2]['id']}",
        f"/api/articles/{rows[-1]['article_id']}",
    ]


async def _client(
    base: str, paths: list[str], start: int, stop_at: float, record_from: float,
    latencies: list[float], errors: list[str], sent: list[int], unique: bool,
) -> None:  # fmt: skip
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        i = start
        while (now := time.perf_counter()) < stop_at:
            path = paths[i % len(paths)]
            i += 1
            sent[0] += 1
            if unique:  # a parameter the API ignores: no two requests are the same URL
                path += f"{'&' if '?' in path else '?'}_={sent[0]}"
            try:
                r = await client.get(path)
                ok = r.status_code == 200
            except httpx.HTTPError as exc:
                ok, r = False, None
                errors.append(type(exc).__name__)
            if now >= record_from:
                latencies.append(time.perf_counter() - now)
                if not ok and r is not None:
                    errors.append(f"{r.status_code} {path}")


async def run_load(
    base: str, paths: list[str], clients: int, seconds: float, unique: bool = False
) -> dict[str, float]:
    latencies: list[float] = []
    errors: list[str] = []
    sent = [0]
    start = time.perf_counter()
    record_from, stop_at = start + 2.0, start + 2.0 + seconds
    await asyncio.gather(
        *(
            _client(base, paths, n, stop_at, record_from, latencies, errors, sent, unique)
            for n in range(clients)
        )
    )
    latencies.sort()
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "clients": clients, "requests": len(latencies), "per_s": len(latencies) / seconds,
        "p50": q[49], "p95": q[94], "p99": q[98], "max": latencies[-1], "errors": len(errors),
        "all_requests": sent[0],
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 50])
    parser.add_argument("--seconds", type=float, default=20.0, help="measured seconds per run")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--db", type=Path, help="existing store to serve (default: build one)")
    parser.add_argument(
        "--unique", action="store_true", help="make every URL distinct (defeats any cache)"
    )
    args = parser.parse_args()

    db = args.db or Path(tempfile.mkdtemp(prefix="eventwire-load-")) / "events.duckdb"
    if not db.exists():
        build_store(db, args.articles)
    port = free_port()
    server = start_server(db, port)
    try:
        base = f"http://127.0.0.1:{port}"
        paths = request_mix(base)
        print(f"server pid {server.pid}, {os.cpu_count()} CPUs; {len(paths)} request kinds")
        print(f"{'clients':>7} {'requests':>8} {'req/s':>7} {'p50 s':>7} {'p95 s':>7} "
              f"{'p99 s':>7} {'max s':>7} {'errors':>6} {'server CPU ms/req':>17}")  # fmt: skip
        for clients in args.clients:
            cpu_before = cpu_seconds(server.pid)
            m = asyncio.run(run_load(base, paths, clients, args.seconds, args.unique))
            cpu_after = cpu_seconds(server.pid)
            cpu = "n/a"
            if cpu_before is not None and cpu_after is not None:  # warm-up requests included
                cpu = f"{(cpu_after - cpu_before) / m['all_requests'] * 1000:.1f}"
            print(f"{m['clients']:>7} {m['requests']:>8} {m['per_s']:>7.1f} {m['p50']:>7.3f} "
                  f"{m['p95']:>7.3f} {m['p99']:>7.3f} {m['max']:>7.3f} {m['errors']:>6} "
                  f"{cpu:>17}", flush=True)  # fmt: skip
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
