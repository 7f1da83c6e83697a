"""Where articles come from: files, directories, stdin ("-"), http(s) URLs, RSS/Atom feeds."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from eventwire.errors import InputError
from eventwire.ingest.decode import check_english, decode_bytes, looks_like_html
from eventwire.ingest.fetch import fetch_url
from eventwire.ingest.html import article_from_html
from eventwire.ingest.text import article_from_text, check_date, clean_field
from eventwire.model import Article

__all__ = ["expand_sources", "feed_links", "fetch_url", "is_url", "read_article", "read_bytes"]

ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm", ".md"})
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(spec: str) -> bool:
    return _URL.match(spec) is not None


def _read_stream(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError("E013", source, f"more than {max_bytes} bytes")
    return data


def open_file(path: str | Path) -> BinaryIO:
    """A local file opened for reading in binary; InputError E010 naming it otherwise."""
    name = str(path)
    try:
        return open(path, "rb")  # noqa: SIM115 - the caller closes it
    except FileNotFoundError:
        raise InputError("E010", name) from None
    except IsADirectoryError:
        raise InputError("E010", name, "is a directory, not a file") from None
    except OSError as err:
        raise InputError("E010", name, err.strerror or type(err).__name__) from None


def _read_file(spec: str, max_bytes: int) -> bytes:
    path = Path(spec)
    try:
        if path.is_dir():
            raise InputError("E010", spec, "is a directory, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError("E013", spec, f"{size} bytes, limit {max_bytes}")
        with path.open("rb") as stream:
            return _read_stream(stream, spec, max_bytes)
    except FileNotFoundError:
        raise InputError("E010", spec) from None
    except OSError as err:
        raise InputError("E010", spec, err.strerror or type(err).__name__) from None


def read_bytes(
    spec: str,
    *,
    allow_private: bool = False,
    timeout: float = 10.0,
    max_bytes: int = 20_000_000,
    stdin: BinaryIO | None = None,
) -> tuple[bytes, str | None]:
    """The raw bytes of a source and its Content-Type (None unless fetched over HTTP)."""
    if spec == "-":
        return _read_stream(stdin if stdin is not None else sys.stdin.buffer, spec, max_bytes), None
    if is_url(spec):
        return fetch_url(spec, allow_private=allow_private, timeout=timeout, max_bytes=max_bytes)
    return _read_file(spec, max_bytes), None


def read_article(
    spec: str,
    *,
    published: str | None = None,
    url: str | None = None,
    allow_private: bool = False,
    timeout: float = 10.0,
    max_bytes: int = 20_000_000,
    stdin: BinaryIO | None = None,
) -> Article:
    """Read one article from a file path, "-" (stdin) or an http(s) URL.

    Raises InputError (E010-E016, E020-E023, E030) with one line naming `spec`.
    """
    data, content_type = read_bytes(
        spec, allow_private=allow_private, timeout=timeout, max_bytes=max_bytes, stdin=stdin
    )
    if url is None and is_url(spec):
        url = spec
    meta = sidecar_meta(spec) if spec != "-" and not is_url(spec) else {}
    article = article_from_bytes(
        data, spec, content_type, published=published or meta.get("published"),
        url=url or meta.get("url"), title=meta.get("title"),
    )  # fmt: skip
    article.title = clean_field(meta.get("title") or "") or article.title  # HTML's too
    return article


def sidecar_path(spec: str) -> Path:
    """The metadata file beside an article file: story.txt -> story.meta.json."""
    path = Path(spec)
    return path.with_name(f"{path.stem}.meta.json")


def sidecar_meta(spec: str) -> dict[str, str]:
    """The article's sidecar metadata (`published`, `title`, `url`), {} when there is none;
    E031 when it is no JSON object of strings, E030 when its date is malformed."""
    path = sidecar_path(spec)
    if not path.is_file():
        return {}
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError("E031", str(path), str(err).splitlines()[0]) from None
    if not isinstance(meta, dict):
        raise InputError("E031", str(path), type(meta).__name__)
    out = {k: meta[k] for k in ("published", "title", "url") if meta.get(k) is not None}
    if any(not isinstance(v, str) for v in out.values()):
        raise InputError("E031", str(path), "published, title and url must be strings")
    if "published" in out:
        check_date(out["published"], str(path))
    return out


def article_from_bytes(
    data: bytes,
    source: str,
    content_type: str | None = None,
    *,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Article:
    """Decode raw bytes, read them as HTML or scraped text, and check they are English.
    `title`, a title stated beside the bytes, is no part of a text's body."""
    text = decode_bytes(data, source, content_type)
    if not text.strip():
        raise InputError("E011", source)
    if looks_like_html(text, content_type):
        article = article_from_html(text, published=published, url=url, source=source)
    else:
        article = article_from_text(
            text, published=published, url=url, source=source, title=title
        )
    check_english(article.text, source)
    return article


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def expand_sources(specs: Iterable[str]) -> Iterator[str]:
    """Expand directories into their article files (sorted, recursive, no hidden files);
    files, URLs and "-" pass through unchanged (a missing file is reported when read)."""
    for spec in specs:
        path = Path(spec)
        if spec == "-" or is_url(spec) or not path.is_dir():
            yield spec
            continue
        files = (
            p
            for p in path.rglob("*")
            if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file() and not _hidden(p, path)
        )
        for file in sorted(files):
            yield str(file)


def _local(tag: object) -> str:
    """An element's name without its namespace ("{ns}link", and "atom:link" when a broken
    feed never declared the prefix); "" for comments and processing instructions. Not
    `etree.QName`, which raises ValueError on names that recovery leaves, like "guid:"."""
    return tag.rpartition("}")[2].rpartition(":")[2] if isinstance(tag, str) else ""


def feed_links(xml: bytes) -> list[str]:
    """Item links of an RSS 0.9x/1.0/2.0 or Atom feed, in feed order, without duplicates.
    Malformed XML raises InputError E015."""
    # no entity resolution and no network: a feed is untrusted input
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(xml, parser)
    except (etree.XMLSyntaxError, ValueError) as err:
        raise InputError("E015", "<feed>", f"not a feed: {err}") from None
    if root is None:
        raise InputError("E015", "<feed>", "not a feed: no XML root")
    links: list[str] = []
    for item in root.iter():
        try:
            link = _item_link(item)
        except UnicodeDecodeError:  # recovery keeps what lxml cannot decode ("&#xD800;")
            continue
        if link:
            links.append(link)
    return [u for u in dict.fromkeys(links) if is_url(u)]  # dict keeps first-seen order


def _item_link(item: etree._Element) -> str | None:
    """The link of an RSS item or an Atom entry; None for any other element."""
    name = _local(item.tag)
    if name == "item":  # RSS: <link>URL</link>, else a permalink <guid>
        link = next((c for c in item if _local(c.tag) == "link"), None)
        guid = next((c for c in item if _local(c.tag) == "guid"), None)
        if link is not None and (link.text or "").strip():
            return (link.text or "").strip()
        if guid is not None and guid.get("isPermaLink", "true") == "true":
            return (guid.text or "").strip()
    elif name == "entry":  # Atom: <link href rel="alternate"> (rel defaults to alternate)
        for child in item:
            if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
                return (child.get("href") or "").strip()
    return None
