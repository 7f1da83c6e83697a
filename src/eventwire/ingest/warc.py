"""WARC input: the HTML pages of a web crawl (`.warc` or `.warc.gz`), read with warcio.

Only `response` records with HTTP status 200 and an HTML body are articles; requests,
metadata, redirects, errors, images and PDFs are skipped without a word, as a crawl holds
far more of them than of pages. A page that is HTML but no article (empty, not English)
is yielded as its one-line error, labelled `path#N` (the archive's N-th record, counting
every record from 1, compressed or not), and the archive goes on. A damaged archive (bad
gzip, truncated record) ends with E017 after every record before the damage.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import InputError
from eventwire.model import Article

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
MAX_PAGE_BYTES = 20_000_000


def is_warc(spec: str) -> bool:
    return spec.lower().endswith(WARC_SUFFIXES)


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One HTML response of an archive, before extraction."""

    source: str  # path#N: the N-th record of the archive
    url: str | None
    content_type: str | None
    body: bytes
    offset: int
    length: int  # bytes of the record in the stream read (its gzip member, when compressed)


def _is_html(content_type: str | None) -> bool:
    # a missing type is left to the HTML sniffing of `article_from_bytes`
    return content_type is None or content_type.split(";")[0].strip().lower() in HTML_TYPES


def warc_pages(stream: BinaryIO, name: str) -> Iterator[WarcPage | InputError]:
    """The HTML 200 responses of a WARC stream in archive order; a page over the size
    limit is yielded as E013, damage ends the stream with E017."""
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream)
    number = 0
    while True:
        try:
            record = next(records, None)
            if record is None:
                break
            number += 1
            http = record.http_headers
            keep = (
                record.rec_type == "response"
                and http is not None
                and http.get_statuscode() == "200"
                and _is_html(http.get_header("Content-Type"))
            )
            body = record.content_stream().read(MAX_PAGE_BYTES + 1) if keep else b""
            missing = _unread(record.raw_stream)
            offset, length = records.get_record_offset(), records.get_record_length()
        except Exception as err:  # noqa: BLE001 - warcio raises zlib, EOF and its own errors
            yield InputError("E017", name, f"{type(err).__name__}: {err}".strip(": "))
            return
        if record.format != "warc":  # warcio reads anything as old ARC lines: not a crawl
            yield InputError("E017", name, f"no WARC record at {offset}")
            return
        if missing or not record.rec_type:  # a block or the headers cut short
            yield InputError("E017", name, f"record at {offset} cut short")
            return
        if not keep:
            continue
        source = f"{name}#{number}"
        if len(body) > MAX_PAGE_BYTES:
            yield InputError("E013", source, f"page over {MAX_PAGE_BYTES} bytes")
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        yield WarcPage(source, url, http.get_header("Content-Type"), body, offset, length)
    # warcio ends quietly at a record whose headers are cut off: bytes left over say so
    size = _size(stream)
    if size is not None and size > records.offset:
        yield InputError("E017", name, f"{size - records.offset} bytes after the last record")


def _unread(raw: object) -> int:
    """Read the record's block to its end; how many of its declared bytes were missing."""
    from warcio.limitreader import LimitReader

    while raw.read(1 << 16):  # type: ignore[attr-defined]
        pass
    return raw.limit if isinstance(raw, LimitReader) else 0


def _size(stream: BinaryIO) -> int | None:
    try:
        return stream.seek(0, io.SEEK_END)
    except (OSError, ValueError):
        return None  # a pipe: its length is unknown


def page_article(page: WarcPage) -> Article:
    """Extract the page's article as `ingest` reads an HTML file; InputError otherwise."""
    from eventwire.ingest.sources import article_from_bytes

    return article_from_bytes(page.body, page.source, page.content_type, url=page.url)


def read_warc_articles(path: str | Path) -> Iterator[Article | InputError]:
    """The articles of a WARC file, in archive order; each bad page is yielded as its error.
    A missing or unreadable file raises InputError E010."""
    from eventwire.ingest.sources import open_file

    name = str(path)
    with open_file(path) as stream:
        for page in warc_pages(stream, name):
            if isinstance(page, InputError):
                yield page
                continue
            try:
                yield page_article(page)
            except InputError as err:
                yield err


def record_article(record: bytes, source: str) -> Article:
    """The article of one archive record given as its own bytes (a gzip member or an
    uncompressed record cut at its offset): how the Ray job ships a page to an actor."""
    for page in warc_pages(io.BytesIO(record), source):
        if isinstance(page, InputError):
            raise page
        return page_article(WarcPage(source, page.url, page.content_type, page.body, 0, 0))
    raise InputError("E015", source, "no HTML response in the record")
