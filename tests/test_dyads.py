"""Dyads: the events between two actors or countries, both ways, by period and QuadClass."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.model import Actor, AnalyzedDocument, Article, Event, Evidence
from eventwire.store import Store
from eventwire.store.dyads import dyad

SENTENCES = [
    # (type, cameo, sources, targets, date, flags)
    ("ACCUSE", "112", ["Armenia"], ["Azerbaijan"], "2024-01-15", {}),
    ("ASSAULT", "190", ["Azerbaijani troops"], ["Armenia"], "2024-03-02", {}),
    ("CONSULT", "046", ["Armenia", "Azerbaijan"], [], "2024-03-20", {}),  # joint
    ("AGREE", "030", ["Azerbaijan"], ["Armenia"], "2024", {}),  # a year only
    ("REJECT", "120", ["Armenia"], ["Azerbaijan"], None, {}),  # undated
    ("THREATEN", "130", ["Azerbaijan"], ["Armenia"], "2024-03-03", {"negated": True}),
    ("ASSAULT", "190", ["Azerbaijan"], ["Georgia"], "2024-03-05", {}),  # another dyad
    ("AGREE", "030", ["Armenia", "Azerbaijan"], ["Russia"], "2024-03-21", {}),  # not joint
]
CODES = {"Armenia": "ARM", "Azerbaijan": "AZE", "Azerbaijani troops": "AZEMIL",
         "Georgia": "GEO", "Russia": "RUS"}  # fmt: skip


def caucasus_doc() -> AnalyzedDocument:
    names = sorted({n for _, _, s, t, _, _ in SENTENCES for n in s + t})
    ids = {name: f"a{i}" for i, name in enumerate(names, 1)}
    text, events = "", []
    for i, (etype, cameo, sources, targets, date, flags) in enumerate(SENTENCES, 1):
        sentence = f"Sentence {i} says {etype.lower()} happened."
        start = len(text)
        text += sentence + " "
        events.append(Event(
            f"e{i}", etype, Evidence(sentence, start, start + len(sentence)),
            [ids[n] for n in sources], [ids[n] for n in targets], cameo=cameo, date=date,
            **flags,
        ))  # fmt: skip
    actors = [Actor(ids[n], n, "state", code=CODES[n]) for n in names]
    return AnalyzedDocument(Article(text.strip(), published="2024-04-01"), actors=actors,
                            events=events)  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dyads") / "events.duckdb"
    with Store(path) as store:
        store.save(caucasus_doc())
    return path


@pytest.fixture
def store(db: Path) -> Any:
    with Store(db, read_only=True) as s:
        yield s


def test_both_directions_joint_and_what_no_month_holds(store: Store) -> None:
    result = dyad(store, "Armenia", "Azerbaijan")
    assert result["a"] == {"term": "Armenia", "country": "ARM"}
    assert result["axis"] == ["2024-01", "2024-02", "2024-03"]  # February is empty, and shown
    cells = {(r["period"], r["direction"], r["quad_class"]): r["events"] for r in result["rows"]}
    assert cells == {
        ("2024-01", "a_to_b", 3): 1,  # ACCUSE 112: verbal conflict
        ("2024-03", "b_to_a", 4): 1,  # ASSAULT by Azerbaijani troops (AZEMIL starts with AZE)
        ("2024-03", "joint", 1): 1,  # CONSULT between the two
    }
    assert result["totals"] == {"a_to_b": 2, "b_to_a": 2, "joint": 1}
    assert result["not_in_periods"] == {"undated": 1, "less_precise": 1, "not_counted": 1}
    types = [(e["type"], e["direction"], e["counted"]) for e in result["events"]]
    assert ("THREATEN", "b_to_a", False) in types  # negated: listed, never counted
    assert all(e["type"] != "ASSAULT" or "Georgia" not in e["target"] for e in result["events"])
    assert len(types) == result["events_total"] == 6
    assert all(e["evidence"].startswith("Sentence ") for e in result["events"])


def test_goldstein_intensity_per_cell(store: Store) -> None:
    rows = dyad(store, "ARM", "AZE")["rows"]
    by_type = {(r["direction"], r["quad_class"]): r for r in rows}
    assert by_type[("b_to_a", 4)]["goldstein_mean"] == -10.0
    assert by_type[("joint", 1)]["goldstein_sum"] == 7.0
    assert by_type[("a_to_b", 3)]["goldstein_mean"] == -2.0


def test_swapping_the_sides_swaps_the_directions(store: Store) -> None:
    ab, ba = dyad(store, "Armenia", "Azerbaijan"), dyad(store, "Azerbaijan", "Armenia")
    swap = {"a_to_b": "b_to_a", "b_to_a": "a_to_b", "joint": "joint"}
    assert sorted((r["period"], swap[r["direction"]], r["events"]) for r in ab["rows"]) == sorted(
        (r["period"], r["direction"], r["events"]) for r in ba["rows"]
    )


def test_by_year_and_terms_by_name_code_or_actor(store: Store) -> None:
    yearly = dyad(store, "armenia", "Azerbaijani troops", granularity="year")
    assert yearly["b"]["country"] is None  # an actor name, not a country
    assert [(r["period"], r["direction"]) for r in yearly["rows"]] == [("2024", "b_to_a")]
    assert dyad(store, "Armenia", "Narnia")["events"] == []
    assert dyad(store, "Armenia", "Azerbaijan", type="ASSAULT")["totals"]["b_to_a"] == 1


def test_cli_dyad(db: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(app, ["dyad", "Armenia", "Azerbaijan", "--db", str(db)])
    assert table.exit_code == 0, table.output
    assert "2024-02" in table.stdout and "no events" in table.stdout  # the empty month
    assert "Armenia (ARM) → Azerbaijan (AZE)" in table.stdout
    assert "1 undated, 1 dated less precisely; 1 not counted" in table.stdout
    raw = runner.invoke(app, ["dyad", "Armenia", "Azerbaijan", "--db", str(db), "-f", "json"])
    with Store(db, read_only=True) as store:
        expected = dyad(store, "Armenia", "Azerbaijan")
    assert json.loads(raw.stdout) == json.loads(json.dumps(expected, default=str))
