"""The flat event export: documented columns, typed CSV, the same rows in every format.

Regression tests for issue 13: `export events.csv` wrote Parquet into a .csv file, CSV lists
came out as DuckDB literals (`[Kofi Mensah-Darko]`, `[NULL]`), CAMEO codes lost their leading
zero, and the rows had no evidence, URL, publication date or report count.
"""

from __future__ import annotations

import csv
import json
import math
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest

from eventwire.coding.lexicon import lexicon
from eventwire.coding.ontology import goldstein, quad_class
from eventwire.errors import InputError
from eventwire.model import Actor, AnalyzedDocument, Article, Event, Evidence, Fact
from eventwire.store import Store
from eventwire.store.export import export, export_format
from eventwire.store.flat import COLUMNS, LIST_COLUMNS, death_count, flat_events_sql
from tests.conftest import REPO_ROOT

pd = pytest.importorskip("pandas")
DICTIONARY = REPO_ROOT / "docs" / "data-dictionary.md"
VISIT = "Ghana's president Kofi Mensah-Darko met Chancellor Stefan Albrecht in Berlin."
CLASH = "Security forces opened fire on protesters, killing 14 people, including six children."
MARCH = "Thousands of protesters marched through the capital."


def _ev(text: str, start: int, trigger: str) -> Evidence:
    at = text.index(trigger)
    return Evidence(text, start, start + len(text), trigger, start + at, start + at + len(trigger))


def _people_fact(text: str, start: int, number: str, quantity: float, unit: str) -> Fact:
    at = text.index(number)
    evidence = Evidence(text, start, start + len(text), number, start + at,
                        start + at + len(number))  # fmt: skip
    return Fact(None, quantity, unit, False, evidence)


def visit_doc(url: str, published: str) -> AnalyzedDocument:
    text = f"{VISIT} {CLASH} {MARCH}"
    clash_at, march_at = text.index(CLASH), text.index(MARCH)
    return AnalyzedDocument(
        Article(text, title="Ghana and Germany; a clash in Accra", url=url, published=published),
        actors=[
            Actor("a1", "Kofi Mensah-Darko", "person", country="GHA", code="GHA", sector="GOV"),
            Actor("a2", "Stefan Albrecht", "person", country="DEU", code="DEU", sector="GOV"),
            Actor("a3", "protesters", "group", sector="CVL"),
        ],
        events=[
            Event("e1", "CONSULT", _ev(VISIT, 0, "met"), ["a1"], ["a2"], cameo="046",
                  contexts=["diplomatic"], date="2026-03-10", date_text="on Tuesday",
                  date_source="text", confidence=0.8, rule="con01"),
            Event("e2", "ASSAULT", _ev(CLASH, clash_at, "opened fire"), [], ["a3"],
                  cameo="190", date="2026-03", date_source="text", confidence=0.6),
            Event("e3", "PROTEST", _ev(MARCH, march_at, "marched"), ["a3"], [], cameo="141"),
        ],
        facts=[_people_fact(CLASH, clash_at, "14", 14, "people"),
               _people_fact(CLASH, clash_at, "six", 6, "children")],
    )  # fmt: skip


@pytest.fixture
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with Store(tmp_path_factory.mktemp("db") / "x.duckdb") as s:
        s.save(visit_doc("https://example.org/one", "2026-03-11"))
        # a second article repeats the visit: one event, two reports
        again = "Kofi Mensah-Darko met Stefan Albrecht."
        s.save(AnalyzedDocument(
            Article(again, published="2026-03-12"),
            actors=[Actor("a1", "Kofi Mensah-Darko", "person", code="GHA"),
                    Actor("a2", "Stefan Albrecht", "person", code="DEU")],
            events=[Event("e1", "CONSULT", _ev(again, 0, "met"), ["a1"], ["a2"], cameo="046",
                          date="2026-03-10", date_source="text")],
        ))  # fmt: skip
        yield s


def dictionary() -> list[tuple[str, str]]:
    """(column, type) of every row of the data dictionary's column table."""
    rows = re.findall(r"^\| ([a-z0-9_]+) \| ([a-z ]+) \|", DICTIONARY.read_text("utf-8"), re.M)
    return [(column, kind) for column, kind in rows if column != "column"]


DUCKDB_TYPES = {
    "text": {"VARCHAR"}, "integer": {"INTEGER", "BIGINT"}, "number": {"DOUBLE"},
    "boolean": {"BOOLEAN"}, "date": {"DATE"}, "list of text": {"VARCHAR[]"},
}  # fmt: skip


def test_data_dictionary_documents_every_column_with_its_type(store: Store) -> None:
    documented = dictionary()
    assert [c for c, _ in documented] == list(COLUMNS)
    sql, params = flat_events_sql(store.con)
    described = store.con.execute(f"DESCRIBE {sql}", params).fetchall()
    actual = {name: kind for name, kind, *_ in described}
    assert list(actual) == list(COLUMNS)
    for column, kind in documented:
        assert actual[column] in DUCKDB_TYPES[kind], (column, kind, actual[column])


def read_csv_as_documented(path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run the data dictionary's own pandas snippet on `path`."""
    block = re.search(r"```python\n(.*?)```", DICTIONARY.read_text("utf-8"), re.S)
    assert block is not None
    monkeypatch.chdir(path.parent)
    path.rename(path.parent / "events.csv")
    scope: dict[str, Any] = {}
    exec(block[1], scope)  # noqa: S102 - the documented recipe, run as a user would
    return scope["events"]


def test_csv_reads_back_typed_with_the_documented_recipe(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "events.csv"
    assert export(store, None, out) == 3
    frame = read_csv_as_documented(out, monkeypatch)
    assert list(frame.columns) == list(COLUMNS)
    visit = frame[frame.plover_type == "CONSULT"].iloc[0]
    assert visit.cameo == "046" and visit.cameo_root == "04"
    assert visit.actor1_names == ["Kofi Mensah-Darko"] and visit.actor2_codes == ["DEU"]
    assert visit.actor1_countries == ["GHA"] and visit.actor1_sectors == ["GOV"]
    assert visit.plover_contexts == ["diplomatic"]
    assert visit.event_date == "2026-03-10" and visit.date_source == "text"
    assert visit.num_reports == 2 and visit.num_articles == 2
    assert visit.evidence == VISIT and visit.trigger == "met"
    assert visit.article_url == "https://example.org/one"
    assert visit.published == pd.Timestamp("2026-03-11")
    assert visit.quad_class == 1 and visit.goldstein == 7.0
    march = frame[frame.plover_type == "PROTEST"].iloc[0]
    assert march.actor1_codes == [None] and march.actor2_names == []
    assert pd.isna(march.event_date) and pd.isna(march.date_source)
    assert march.quad_class == 3 and march.goldstein == -6.5
    dtypes = frame.dtypes
    assert str(dtypes["quad_class"]) == "int64" and str(dtypes["num_reports"]) == "int64"
    assert str(dtypes["goldstein"]) == "float64" and str(dtypes["historical"]) == "bool"
    assert str(dtypes["fatalities"]) == "Int64"
    assert str(dtypes["published"]).startswith("datetime64")


def test_csv_cells_hold_json_lists_and_string_codes(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    export(store, None, out)
    assert not out.read_bytes().startswith(b"PAR1")
    rows = list(csv.DictReader(out.read_text("utf-8").splitlines()))
    by_type = {r["plover_type"]: r for r in rows}
    assert by_type["CONSULT"]["actor1_names"] == '["Kofi Mensah-Darko"]'
    assert by_type["PROTEST"]["actor1_codes"] == "[null]"
    assert by_type["CONSULT"]["cameo"] == "046"
    for row in rows:
        for column in LIST_COLUMNS:
            assert isinstance(json.loads(row[column]), list)


def _normal(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()[:10]
    if hasattr(value, "isoformat"):  # pandas Timestamp
        return value.isoformat()[:10]
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        return _normal(value.tolist())
    if isinstance(value, list):
        return [_normal(v) for v in value]
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def test_same_rows_in_all_three_formats(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables: dict[str, list[dict[str, Any]]] = {}
    for fmt in ("parquet", "jsonl", "csv"):
        folder = tmp_path / fmt
        folder.mkdir()
        out = folder / f"events.{fmt}"
        assert export(store, fmt, out) == 3
        if fmt == "parquet":
            frame = pd.read_parquet(out)
            records = frame.to_dict("records")
        elif fmt == "jsonl":
            records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
        else:
            records = read_csv_as_documented(out, monkeypatch).to_dict("records")
        tables[fmt] = [{k: _normal(v) for k, v in r.items()} for r in records]
    assert tables["parquet"] == tables["jsonl"] == tables["csv"]
    assert [r["cameo"] for r in tables["parquet"]] == ["190", "046", "141"]  # by date


def test_fatalities_come_from_the_sentence_that_states_them(store: Store) -> None:
    sql, params = flat_events_sql(store.con)
    cur = store.con.execute(f"SELECT plover_type, fatalities FROM ({sql})", params)
    rows = dict(cur.fetchall())
    assert rows == {"CONSULT": None, "ASSAULT": 14, "PROTEST": None}


@pytest.mark.parametrize(
    ("sentence", "number", "dead"),
    [
        ("Gunmen killed 3 villagers and wounded 40 others.", "3", 3),
        ("Gunmen killed 3 villagers and wounded 40 others.", "40", None),
        ("At least 12 people were killed in the blast.", "12", 12),
        ("The attack left 9 dead.", "9", 9),
        ("The death toll rose to 31 on Sunday.", "31", 31),
        ("Police arrested 86 protesters.", "86", None),
        ("Some 200 soldiers crossed the border.", "200", None),
    ],
)
def test_death_count(sentence: str, number: str, dead: int | None) -> None:
    at = sentence.index(number)
    assert death_count(sentence, [(at, at + len(number), float(number))]) == dead


def test_death_count_takes_the_total_not_the_sum() -> None:
    numbers = [(CLASH.index("14"), CLASH.index("14") + 2, 14.0),
               (CLASH.index("six"), CLASH.index("six") + 3, 6.0)]  # fmt: skip
    assert death_count(CLASH, numbers) == 14


def test_goldstein_and_quad_class() -> None:
    assert goldstein("046") == 7.0 and goldstein("190") == -10.0 and goldstein("0874") == 10.0
    assert goldstein("0463") == goldstein("046")  # an unlisted code takes its parent's value
    assert goldstein(None) is None
    missing = {row.cameo for row in lexicon() if goldstein(row.cameo) is None}
    assert missing == set()
    assert [quad_class(c, "AGREE") for c in ("05", "06", "09", "10", "14", "15", "20")] == [
        1, 2, 2, 3, 3, 4, 4]  # fmt: skip
    # no CAMEO code: the PLOVER type's own quad
    assert quad_class(None, "PROTEST") == 4 and quad_class(None, "REQUEST") == 3


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [("e.csv", None, "csv"), ("e.CSV", None, "csv"), ("e.parquet", None, "parquet"),
     ("e.jsonl", None, "jsonl"), ("e.ndjson", None, "jsonl"), ("e.csv.gz", None, "csv"),
     ("e.jsonl.gz", "jsonl", "jsonl"), ("e.txt", "csv", "csv"), ("e", "parquet", "parquet")],
)  # fmt: skip
def test_format_follows_the_suffix(name: str, fmt: str | None, expected: str) -> None:
    assert export_format(name, fmt) == expected


@pytest.mark.parametrize(
    ("name", "fmt"), [("events.csv", "parquet"), ("events.parquet", "csv"), ("events.txt", None),
                      ("events", None), ("events.parquet.gz", None), ("e.csv", "xlsx")],
)  # fmt: skip
def test_a_mismatched_or_unknown_format_is_refused(
    store: Store, tmp_path: Path, name: str, fmt: str | None
) -> None:
    with pytest.raises(InputError, match="E060"):
        export(store, fmt, tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_compressed_csv(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv.gz"
    assert export(store, None, out) == 3
    frame = pd.read_csv(out, dtype={"cameo": "string"})
    assert sorted(frame.cameo) == ["046", "141", "190"]


def test_raw_tables_keep_json_lists_in_csv(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "reports.csv"
    assert export(store, None, out, table="event_reports") == 4
    rows = list(csv.DictReader(out.read_text("utf-8").splitlines()))
    assert {r["source_ids"] for r in rows} == {'["a1"]', "[]", '["a3"]'}


def test_parquet_keeps_types(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    export(store, None, out)
    with duckdb.connect() as con:
        described = con.execute(
            "DESCRIBE SELECT * FROM read_parquet(?)", [str(out)]
        ).fetchall()
    kinds = {name: kind for name, kind, *_ in described}
    assert kinds["cameo"] == "VARCHAR" and kinds["published"] == "DATE"
    assert kinds["actor1_names"] == "VARCHAR[]" and kinds["quad_class"] == "INTEGER"
