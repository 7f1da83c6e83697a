"""Export through DuckDB's writers: readable back, right row counts, safe paths, atomic."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from eventwire.errors import InputError
from eventwire.model import Actor, AnalyzedDocument, Article, Event, Evidence
from eventwire.store import Store
from eventwire.store.export import export, sql_literal

READERS = {"parquet": "read_parquet", "csv": "read_csv", "jsonl": "read_json"}


def _doc(i: int) -> AnalyzedDocument:
    sentence = f"Country {i} accused its neighbour, it's said."
    return AnalyzedDocument(
        Article(f"Article {i}.", published=f"2024-01-{i + 1:02d}"),
        actors=[Actor("a1", f"Country {i}", "state", code="AAA"),
                Actor("a2", "Neighbour", "state", code="BBB")],
        events=[Event("e1", "ACCUSE", Evidence(sentence, 0, len(sentence)), ["a1"], ["a2"],
                      date=f"2024-01-{i + 1:02d}", contexts=["political"]),
                Event("e2", "REJECT", Evidence(sentence, 0, 9), ["a2"], ["a1"])],
    )  # fmt: skip


@pytest.fixture
def store(tmp_path_factory: pytest.TempPathFactory):
    # the database lives apart from tmp_path, so tests can list exactly what export wrote
    with Store(tmp_path_factory.mktemp("db") / "x.duckdb") as s:
        for i in range(3):
            s.save(_doc(i))
        yield s


def read_back(path: Path, fmt: str) -> list[tuple]:
    with duckdb.connect() as con:
        sql = f"SELECT * FROM {READERS[fmt]}(?)"
        return con.execute(sql, [str(path)]).fetchall()


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
@pytest.mark.parametrize("table", ["events", "event_reports", "actors"])
def test_export_reads_back(store: Store, tmp_path: Path, fmt: str, table: str) -> None:
    out = tmp_path / f"{table}.{fmt}"
    n = export(store, fmt, out, table=table)
    assert n == store.counts()[table] > 0
    rows = read_back(out, fmt)
    assert len(rows) == n
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".tmp-")] == []


def test_jsonl_is_one_object_per_line(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    n = export(store, "jsonl", out)
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == n and all(line.startswith("{") for line in lines)


def test_quotes_in_the_path_stay_one_literal(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "it's'); DROP TABLE events; --.parquet"
    n = store.counts()["events"]
    assert export(store, "parquet", out) == n == 6
    assert len(read_back(out, "parquet")) == n
    assert store.counts()["events"] == n  # the table is still there
    assert sql_literal(Path("/a'b")) == "'/a''b'"
    with pytest.raises(ValueError):
        sql_literal(Path("/a\x00b"))


def test_export_from_read_only_store(store: Store, tmp_path: Path) -> None:
    path = Path(store.path)
    store.close()
    with Store(path, read_only=True) as ro:
        assert export(ro, "csv", tmp_path / "ro.csv", table="articles") == 3


@pytest.mark.parametrize(
    ("fmt", "table", "code"),
    [("xlsx", "events", "E060"), ("csv", "schema_version", "E062"), ("csv", "events; --", "E062")],
)
def test_bad_format_or_table(
    store: Store, tmp_path: Path, fmt: str, table: str, code: str
) -> None:
    with pytest.raises(InputError, match=code):
        export(store, fmt, tmp_path / "x", table=table)
    assert list(tmp_path.glob("x*")) == []


def test_missing_directory(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E010"):
        export(store, "csv", tmp_path / "nope" / "x.csv")


def test_failed_export_keeps_old_file_and_leaves_no_temp(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "keep.csv"
    out.write_text("old\n", "utf-8")

    def fail(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        export(store, "csv", out)
    assert out.read_text("utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.csv"]
