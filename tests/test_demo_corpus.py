"""The bundled demo corpus has the shape the CLI demo and the docs rely on."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from eventwire.demo import demo_dir, demo_files, demo_published

LATEST = dt.date(2026, 11, 28)
QUOTE = re.compile(r'["“][^"”]{3,}["”]')
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# Trailing site junk is part of the raw file on purpose; it is not body text.
JUNK = re.compile(
    r"^(\d+ comments?|you may also like|share this article|.*cookies.*)$", re.IGNORECASE
)

FILES = demo_files()


def _parts(path: Path) -> tuple[str, str, list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    paragraphs = [p.strip() for p in "\n".join(lines[4:]).split("\n\n") if p.strip()]
    return lines[0], lines[2], paragraphs


def _body(paragraphs: list[str]) -> str:
    kept = [p for p in paragraphs if not JUNK.match(p.splitlines()[0])]
    return "\n\n".join(kept)


def test_corpus_has_eight_articles() -> None:
    assert demo_dir().is_dir()
    assert len(FILES) == 8


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_headline_byline_body_shape(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].strip() and not lines[0].startswith("By ")
    assert lines[1] == "" and lines[3] == ""
    assert re.fullmatch(r"By [A-Z][\w'-]+( [\w'-]+)+", lines[2])
    _, _, paragraphs = _parts(path)
    assert len(paragraphs) >= 5


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_body_length_quotes_and_years(path: Path) -> None:
    _, _, paragraphs = _parts(path)
    body = _body(paragraphs)
    assert 150 <= len(body.split()) <= 300
    assert QUOTE.search(body), "no direct quote"
    assert re.search(r"\b(said|told reporters)\b", body)
    assert YEAR.search(body), "no background year"


def test_published_dates_cover_every_file() -> None:
    published = demo_published()
    assert set(published) == {p.name for p in FILES}
    for name, value in published.items():
        day = dt.date.fromisoformat(value)
        assert day.year == 2026 and day <= LATEST, name


def test_some_files_carry_site_junk() -> None:
    with_junk = [
        p for p in FILES if any(JUNK.match(x.strip()) for x in p.read_text("utf-8").splitlines())
    ]
    assert len(with_junk) >= 2
