"""WARC input: the HTML 200 responses of a crawl become articles; the rest is skipped,
a bad page is its own error, a damaged archive ends with E017 after the good pages."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.cli import app
from eventwire.errors import InputError
from eventwire.ingest.warc import is_warc, read_warc_articles, record_article, warc_pages
from eventwire.model import Article
from eventwire.store.db import Store


def _page(title: str, *paragraphs: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body>"
        f"<nav>Home | World | Sport</nav><article><h1>{title}</h1>{body}</article>"
        "<footer>Cookie settings</footer></body></html>"
    ).encode()


TALKS = _page(
    "Carpathia and Moldavia resume talks",
    "The prime ministers of Carpathia and Moldavia met in the border town of Vlasta on "
    "Friday and agreed to resume talks on the disputed river islands.",
    "It was the first meeting between the two leaders since the crisis began in the spring, "
    "and a government spokesman called it a good start.",
)
ARREST = _page(
    "Police arrest protesters in Lima",
    "Police in Lima arrested forty protesters on Saturday after a march against the new "
    "mining law turned violent, officials said.",
    "The interior minister said the arrested would appear before a judge on Monday.",
)
GERMAN = _page(
    "Die Minister treffen sich",
    "Die Außenminister der beiden Länder haben sich am Freitag in der Hauptstadt getroffen "
    "und über die Lage an der Grenze gesprochen, sagte ein Sprecher der Regierung.",
)


def _response(writer: WARCWriter, url: str, status: str, ctype: str, body: bytes) -> None:
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http
    )  # with its length given, warcio needs no temporary file (which it would leave open)
    writer.write_record(record)


def write_crawl(path: Path, *, gzip: bool = True) -> None:
    """A small crawl as a crawler writes one: info, request, pages, and what is no page."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = StatusAndHeaders("GET /talks HTTP/1.1", [("Host", "news.example.org")])
        writer.write_record(
            writer.create_warc_record(
                "https://news.example.org/talks", "request", length=0, http_headers=request
            )
        )
        _response(writer, "https://news.example.org/talks", "200 OK", "text/html; charset=utf-8",
                  TALKS)  # fmt: skip
        _response(writer, "https://news.example.org/logo.png", "200 OK", "image/png",
                  b"\x89PNG\r\n\x1a\n" + bytes(200))  # fmt: skip
        _response(writer, "https://news.example.org/gone", "404 Not Found", "text/html",
                  _page("Not found", "This page does not exist any more."))  # fmt: skip
        _response(writer, "https://news.example.org/old", "301 Moved Permanently", "text/html",
                  b"<html><body>moved</body></html>")  # fmt: skip
        _response(writer, "https://news.example.org/de", "200 OK", "text/html", GERMAN)
        _response(writer, "https://news.example.org/lima", "200 OK", "application/xhtml+xml",
                  ARREST)  # fmt: skip


@pytest.fixture()
def crawl(tmp_path: Path) -> Path:
    path = tmp_path / "crawl.warc.gz"
    write_crawl(path)
    return path


def test_suffixes() -> None:
    assert is_warc("a/crawl.warc.gz") and is_warc("CRAWL.WARC") and not is_warc("a.gz")


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_become_articles(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    write_crawl(path, gzip=gzip)
    items = list(read_warc_articles(path))
    assert len(items) == 3  # talks, the German page (its error), lima; nothing else
    talks, german, lima = items
    assert isinstance(talks, Article) and isinstance(lima, Article)
    assert talks.url == "https://news.example.org/talks"
    assert talks.title == "Carpathia and Moldavia resume talks"
    assert talks.text.startswith("The prime ministers of Carpathia")
    assert "Cookie settings" not in talks.text and "Home | World" not in talks.text
    assert lima.url == "https://news.example.org/lima" and "forty protesters" in lima.text
    assert talks.published is None  # the crawl date is not the publication date
    assert isinstance(german, InputError) and german.code == "E016"
    # labelled by their record's number in the archive: info, request, then the page
    assert (talks.source, german.source, lima.source) == (f"{path}#3", f"{path}#7", f"{path}#8")


def test_record_bytes_alone_give_the_same_article(crawl: Path) -> None:
    # the Ray job ships each page as its record's own bytes
    data = crawl.read_bytes()
    pages = [p for p in warc_pages(io.BytesIO(data), str(crawl)) if not isinstance(p, InputError)]
    by_file = [a for a in read_warc_articles(crawl) if isinstance(a, Article)]
    alone = []
    for page in pages:
        try:
            alone.append(record_article(data[page.offset : page.offset + page.length], page.source))
        except InputError as err:
            assert err.code == "E016"
    assert alone == by_file


@pytest.mark.parametrize("gzip", [True, False])
def test_damaged_archive_keeps_the_pages_before_the_damage(tmp_path: Path, gzip: bool) -> None:
    whole = tmp_path / "crawl.warc"
    write_crawl(whole, gzip=gzip)
    data = whole.read_bytes()
    lima = [p for p in warc_pages(io.BytesIO(data), "x") if not isinstance(p, InputError)][-1]
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    for end in (lima.offset + 10, lima.offset + lima.length // 2):  # in its headers, its body
        cut.write_bytes(data[:end])
        items = list(read_warc_articles(cut))
        assert [type(i) for i in items] == [Article, InputError, InputError]
        assert isinstance(items[-1], InputError) and items[-1].code == "E017"
        assert str(items[-1]).startswith(f"E017 {cut}: is not a readable WARC archive")


def test_not_a_warc_and_missing_file(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc"
    junk.write_text("this is not an archive\n" * 5)
    items = list(read_warc_articles(junk))
    assert len(items) == 1 and isinstance(items[0], InputError) and items[0].code == "E017"
    with pytest.raises(InputError, match="E010"):
        list(read_warc_articles(tmp_path / "missing.warc.gz"))


def test_ingest_a_crawl(crawl: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(crawl), "--db", str(db)])
    assert result.exit_code == 1, result.output  # one page failed; the others are stored
    assert "E016" in result.output and "2 stored" in result.output and "1 failed" in result.output
    with Store(db, read_only=True) as store:
        urls = {r[0] for r in store.con.execute("SELECT url FROM articles").fetchall()}
    assert urls == {"https://news.example.org/talks", "https://news.example.org/lima"}
    again = CliRunner().invoke(app, ["ingest", str(crawl), "--db", str(db)])
    assert "2 already stored" in again.output
