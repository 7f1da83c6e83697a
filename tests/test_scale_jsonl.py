"""JSONL input: one article a line; a bad line is yielded as an error naming path:line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.model import Article
from eventwire.scale.jsonl import is_jsonl, read_jsonl_articles

BODY = (
    "The foreign ministers of Carpathia and Moldavia met in Vienna on Tuesday and agreed to "
    "reopen the border crossings closed since the spring."
)

GERMAN = (
    "Die Außenminister der beiden Länder haben sich am Dienstag in Wien getroffen und sich "
    "darauf geeinigt, die Grenzübergänge wieder zu öffnen, die seit dem Frühjahr geschlossen "
    "sind. Der Sprecher der Regierung sagte, dass die Gespräche in der nächsten Woche mit den "
    "Vertretern der Nachbarstaaten und der Europäischen Union fortgesetzt werden sollen."
)


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reads_fields_and_names_each_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            json.dumps({"text": BODY, "title": "Crossings to reopen", "id": "c-9",
                        "url": "https://example.org/c9", "published": "2024-03-05"}),
            "",  # blank lines are skipped, but still counted
            json.dumps({"text": BODY + " Trade resumed.", "id": 17}),
        ],
    )  # fmt: skip
    first, second = list(read_jsonl_articles(path))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Crossings to reopen"
    assert first.url == "https://example.org/c9" and first.published == "2024-03-05"
    assert first.text == BODY
    assert first.source == f"{path}:1 id=c-9"
    assert second.source == f"{path}:3 id=17"


@pytest.mark.parametrize(
    ("line", "code", "detail"),
    [
        ("{oops", "E014", "not JSON"),
        ("[1, 2]", "E014", "not an object"),
        (json.dumps({"title": "no body"}), "E015", '"text"'),
        (json.dumps({"text": "   "}), "E011", "empty"),
        (json.dumps({"text": BODY, "title": 5}), "E014", '"title" is int'),
        (json.dumps({"text": BODY, "published": "last week"}), "E030", "last week"),
        (json.dumps({"text": GERMAN}), "E016", ""),
    ],
)  # fmt: skip
def test_bad_line_is_an_error_and_the_file_goes_on(
    tmp_path: Path, line: str, code: str, detail: str
) -> None:
    path = _write(tmp_path, [json.dumps({"text": BODY}), line, json.dumps({"text": BODY})])
    results = list(read_jsonl_articles(path))
    assert [type(r) for r in results] == [Article, InputError, Article]
    err = results[1]
    assert isinstance(err, InputError)
    assert err.code == code and err.source.startswith(f"{path}:2")
    assert detail in str(err) and "\n" not in str(err)


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E010"):
        list(read_jsonl_articles(tmp_path / "none.jsonl"))


def test_suffixes() -> None:
    assert is_jsonl("a/b.jsonl") and is_jsonl("B.NDJSON") and not is_jsonl("a.json")
