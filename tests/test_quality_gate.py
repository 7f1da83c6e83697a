"""The quality gate: scores on the gold sets must stay at or above the floors pinned in
src/eventwire/evaluate/floors.json (floors only go up). Extraction has its own gate test.

Event coding is gated out of fold (`oof`: each of the 5 folds coded by a model trained on
the other four; `oof.rules`: the rule coder, the pipeline's default, on the same articles) and
on bench/holdout (both coders); dev-gold's in-sample event figures are not gated."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluate.floors import check_floors, load_floors
from eventwire.evaluate.run import run_evaluation

GATED_HERE = ("devgold", "actors_dates", "oof", "holdout", "plover", "geowebnews")


@pytest.fixture(scope="module")
def scores(shared_data: Path) -> dict:
    return run_evaluation(shared_data, skip={"extraction"})


@pytest.mark.parametrize("section", GATED_HERE)
def test_scores_at_or_above_floors(scores: dict, section: str) -> None:
    floors = load_floors()
    assert floors.get(section), f"no floors pinned for {section}"
    assert check_floors({section: scores[section]}, {section: floors[section]}) == []


def test_event_coding_is_gated_out_of_fold_not_in_sample() -> None:
    floors = load_floors()
    assert {"event_f1", "event_type_f1", "target_accuracy"} <= set(floors["oof"])
    assert {"plover_type_accuracy", "plover_mode_accuracy"} <= set(floors["oof"])
    assert {"event_f1", "event_type_f1", "target_accuracy"} <= set(floors["oof"]["rules"])
    assert {"event_f1", "event_type_f1"} <= set(floors["holdout"])
    assert {"event_f1", "event_type_f1"} <= set(floors["holdout"]["learned"])
    assert not {"event_f1", "event_type_f1", "argument_accuracy"} & set(floors["devgold"])


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


def test_oof_covers_every_gold_article_and_each_set(scores: dict) -> None:
    oof = scores["oof"]
    assert oof["docs"] == 55 and oof["left_out"] == 0
    assert oof["events_gold"] == 374
    assert oof["train_gold"]["events_gold"] + oof["dev_gold"]["events_gold"] == 374
    assert set(oof["per_fold"]) == {"0", "1", "2", "3", "4"}
    assert oof["plover_sentences"] == scores["plover"]["sentences"] == 322
    rules = oof["rules"]  # the pipeline's default coder, scored on the same articles
    assert rules["events_gold"] == 374 and rules["dev_gold"]["events_gold"] == 90
    assert rules["dev_gold"]["event_f1"] == scores["devgold"]["event_f1"]
