"""The quality gate: scores on the gold sets must stay at or above the floors pinned in
src/eventwire/evaluate/floors.json (floors only go up). Extraction has its own gate test."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluate.floors import check_floors, load_floors
from eventwire.evaluate.run import run_evaluation

GATED_HERE = ("devgold", "actors_dates", "plover", "geowebnews")


@pytest.fixture(scope="module")
def scores(shared_data: Path) -> dict:
    return run_evaluation(shared_data, skip={"extraction"})


@pytest.mark.parametrize("section", GATED_HERE)
def test_scores_at_or_above_floors(scores: dict, section: str) -> None:
    floors = load_floors()
    assert floors.get(section), f"no floors pinned for {section}"
    assert check_floors({section: scores[section]}, {section: floors[section]}) == []


def test_devgold_scores_are_ratios_over_all_documents(scores: dict) -> None:
    dev = scores["devgold"]
    assert dev["docs"] == 15
    assert dev["events_gold"] == 90
    for name in ("event_f1", "quote_recall", "actor_recall", "place_recall", "fact_recall"):
        assert 0.0 <= dev[name] <= 1.0


def test_actor_and_date_scores_cover_both_gold_sets(scores: dict) -> None:
    who = scores["actors_dates"]
    assert who["docs"] == 55 and set(who["by_set"]) == {"dev-gold", "train-gold"}
    assert who["by_set"]["dev-gold"]["docs"] == 15 and who["by_set"]["train-gold"]["docs"] == 40
    assert who["by_set"]["dev-gold"]["date_accuracy"] == scores["devgold"]["date_accuracy"]
