"""Watching feeds: new articles stored, stored ones skipped by URL (not even fetched) and by
text, failures reported and the watch going on, Ctrl-C ending it cleanly."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.errors import InputError
from eventwire.ingest.watch import parse_duration, watch_feeds
from eventwire.store.db import Store

# a public address literal: the address guard passes it without DNS, the mock answers it
SITE = "http://93.184.216.34"

PAGES = {
    "/talks": (
        "Carpathia and Moldavia resume talks",
        "The prime ministers of Carpathia and Moldavia met in the border town of Vlasta on "
        "Friday and agreed to resume talks on the disputed river islands, a spokesman said.",
    ),
    "/lima": (
        "Police arrest protesters in Lima",
        "Police in Lima arrested forty protesters on Saturday after a march against the new "
        "mining law turned violent, officials said.",
    ),
    "/sanctions": (
        "EU sanctions Belarus officials",
        "The European Union imposed sanctions on Belarus on Monday, freezing the assets of "
        "twelve officials accused of rigging the election.",
    ),
    "/de": (
        "Die Minister treffen sich",
        "Die Außenminister der beiden Länder haben sich am Freitag in der Hauptstadt getroffen "
        "und über die Lage an der Grenze gesprochen, sagte ein Sprecher der Regierung.",
    ),
}
PAGES["/talks-again"] = PAGES["/talks"]  # the same story under a second URL


def _html(path: str) -> bytes:
    title, text = PAGES[path]
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{text}</p>"
        "</article></body></html>"
    ).encode()


def _rss(paths: list[str], base: str = SITE) -> bytes:
    items = "".join(f"<item><title>{p}</title><link>{base}{p}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


class Site:
    """A news site whose feed grows from one poll to the next; counts every request."""

    def __init__(self, editions: list[list[str]]) -> None:
        self.editions = editions
        self.polls = 0
        self.requests: list[str] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        self.requests.append(path)
        if path == "/feed.xml":
            edition = self.editions[min(self.polls, len(self.editions) - 1)]
            self.polls += 1
            return httpx.Response(200, content=_rss(edition), headers={"Content-Type": "text/xml"})
        if path == "/down":
            return httpx.Response(503)
        return httpx.Response(200, content=_html(path), headers={"Content-Type": "text/html"})


def test_durations() -> None:
    assert [parse_duration(t) for t in ("90s", "10m", "1h", "1d", "45")] == [
        90, 600, 3600, 86400, 45,
    ]  # fmt: skip
    for bad in ("", "10x", "-5m", "0m", "m"):
        with pytest.raises(InputError, match="E062"):
            parse_duration(bad)


def test_polls_store_new_articles_only(tmp_path: Path) -> None:
    site = Site(
        [
            ["/talks", "/lima"],
            ["/sanctions", "/talks", "/lima", "/talks-again", "/de", "/down"],
            ["/sanctions", "/talks", "/lima", "/talks-again", "/de", "/down"],
        ]
    )
    lines: list[str] = []
    sleeps: list[float] = []
    with Store(tmp_path / "w.duckdb") as store:
        summary = watch_feeds(
            [f"{SITE}/feed.xml"], store, every=600, max_polls=3,
            report=lines.append, transport=httpx.MockTransport(site.handle), sleep=sleeps.append,
        )  # fmt: skip
        urls = {r[0] for r in store.con.execute("SELECT url FROM articles").fetchall()}
    assert urls == {f"{SITE}/talks", f"{SITE}/lima", f"{SITE}/sanctions"}
    assert summary.polls == 3 and sleeps == [600, 600] and not summary.interrupted
    assert summary.stored == 3 and summary.events > 0
    # a stored URL is not fetched again, nor the same story under a second URL, nor a page
    # that failed for good (German); a network failure (503) is tried again
    assert [site.requests.count(p) for p in ("/talks", "/lima", "/talks-again", "/de")] == [
        1, 1, 1, 1,
    ]  # fmt: skip
    assert site.requests.count("/down") == 2
    assert summary.already_stored == 3 + 3  # poll 2: talks, lima, talks-again; 3: sanctions too
    assert summary.failed == 3  # de once, down twice
    assert any(line.startswith("skipped E016") for line in lines)
    assert any("E021" in line and "HTTP 503" in line for line in lines)
    assert lines[-1] == "poll 3: 0 stored, 3 already stored, 1 failed, 0 events"


def test_ctrl_c_stops_cleanly(tmp_path: Path) -> None:
    site = Site([["/talks"], ["/lima"]])

    def interrupt(seconds: float) -> None:
        raise KeyboardInterrupt

    with Store(tmp_path / "w.duckdb") as store:
        summary = watch_feeds(
            [f"{SITE}/feed.xml"], store, every=60,
            transport=httpx.MockTransport(site.handle), sleep=interrupt,
        )  # fmt: skip
        assert summary.interrupted and summary.polls == 1 and summary.stored == 1
        assert store.has_url(f"{SITE}/talks") and not store.has_url(f"{SITE}/lima")


def test_unreadable_feed_is_reported_and_polled_again(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"\x00\x01 not a feed")

    lines: list[str] = []
    with Store(tmp_path / "w.duckdb") as store:
        summary = watch_feeds(
            [f"{SITE}/feed.xml"], store, every=1, max_polls=2, report=lines.append,
            transport=httpx.MockTransport(handler), sleep=lambda s: None,
        )  # fmt: skip
    assert summary.polls == 2 and summary.stored == 0
    assert sum(line.startswith(f"feed not read: E015 {SITE}/feed.xml") for line in lines) == 2


# --- the command, against a server on 127.0.0.1 ------------------------------------------


@pytest.fixture()
def local_site() -> Iterator[str]:
    site = Site([["/talks", "/lima"]])

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            path = self.path
            body = _rss(["/talks", "/lima"], base) if path == "/feed.xml" else _html(path)
            site.requests.append(path)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml" if "feed" in path
                             else "text/html")  # fmt: skip
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_ingest_watch_command(local_site: str, tmp_path: Path) -> None:
    db = str(tmp_path / "w.duckdb")
    feed = f"{local_site}/feed.xml"
    refused = CliRunner().invoke(app, ["ingest", "--watch", feed, "--max-polls", "1", "--db", db])
    assert "E020" in refused.output  # loopback refused unless allowed
    args = ["ingest", "--watch", feed, "--every", "1s", "--max-polls", "2", "--allow-private"]
    result = CliRunner().invoke(app, [*args, "--db", db])
    assert result.exit_code == 0, result.output
    assert "poll 1: 2 stored" in result.output
    assert "poll 2: 0 stored, 2 already stored" in result.output
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 2


def test_ingest_needs_sources_or_a_feed() -> None:
    result = CliRunner().invoke(app, ["ingest"])
    assert result.exit_code == 2 and "--watch FEED" in result.output
