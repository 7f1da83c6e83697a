"""JSONL input: one article per line, `{"text": ..., "title"?, "url"?, "published"?, "id"?}`.

A bad line is yielded as an `InputError` naming `path:line`, never raised, so one bad line
does not end the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.ingest.sources import open_file
from eventwire.ingest.text import check_unicode
from eventwire.model import Article

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# one record may be as large as an article file (sources.read_bytes); a longer line is
# refused without being read into memory whole
MAX_LINE_BYTES = 20_000_000


def _optional_str(record: Mapping[str, Any], key: str, source: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and key == "id" and not isinstance(value, bool):
        return str(value)  # numeric corpus ids are common
    if not isinstance(value, str):
        raise InputError("E014", source, f'"{key}" is {type(value).__name__}, not a string')
    return check_unicode(value, source, key)


def record_label(record: Mapping[str, Any], where: str) -> str:
    """`where` plus the record's own id when it has one, for error messages and provenance."""
    rid = record.get("id")
    return f"{where} id={rid}" if isinstance(rid, str | int) and rid != "" else where


def article_from_record(record: Mapping[str, Any], source: str) -> Article:
    """Validate one record and clean its text as `ingest` cleans a .txt file."""
    from eventwire.ingest.decode import check_english
    from eventwire.ingest.text import article_from_text

    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("E015", source, 'no "text" string')
    if not text.strip():
        raise InputError("E011", source, '"text" is empty')
    title = _optional_str(record, "title", source)
    url = _optional_str(record, "url", source)
    published = _optional_str(record, "published", source)
    _optional_str(record, "id", source)
    # a stated title wins over a guessed headline, and is no part of the body
    article = article_from_text(text, published=published, url=url, source=source, title=title)
    check_english(article.text, source)
    return article


def parse_line(line: str | bytes, source: str) -> Article:
    """One JSONL line to an Article; InputError naming `source` otherwise."""
    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        raise InputError("E014", source, "not UTF-8") from None
    except json.JSONDecodeError as err:
        raise InputError("E014", source, f"not JSON: {err.msg} at column {err.colno}") from None
    if not isinstance(record, dict):
        raise InputError("E014", source, f"a JSON {type(record).__name__}, not an object")
    return article_from_record(record, record_label(record, source))


def read_jsonl_articles(path: str | Path) -> Iterator[Article | InputError]:
    """Articles of a JSONL file, in file order; each bad line is yielded as its error.

    Each article's `source` is `path:line` (plus ` id=...` when the line has an id). Blank
    lines are skipped. A missing or unreadable file raises InputError E010.
    """
    name = str(path)
    with open_file(path) as stream:
        number = 0
        while line := stream.readline(MAX_LINE_BYTES + 1):
            number += 1
            if len(line) > MAX_LINE_BYTES:
                while not line.endswith(b"\n") and (line := stream.readline(1 << 20)):
                    pass  # skip the rest of the line, a megabyte at a time
                detail = f"a line over {MAX_LINE_BYTES:,} bytes"
                yield InputError("E013", f"{name}:{number}", detail)
                continue
            if not line.strip():
                continue
            try:
                yield parse_line(line, f"{name}:{number}")
            except InputError as err:
                yield err


def is_jsonl(spec: str) -> bool:
    return Path(spec).suffix.lower() in JSONL_SUFFIXES
