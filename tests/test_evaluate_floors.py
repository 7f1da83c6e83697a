"""Floors pinned in the repo: a score below, or missing for, a pinned floor fails the gate."""

from __future__ import annotations

from typing import Any

from eventwire.evaluate import check_floors, load_floors

FLOORS = {"devgold": {"event_f1": 0.5}, "extraction": {"ours": {"f1": 0.9, "recall": 0.8}}}


def test_scores_at_or_above_their_floors_pass() -> None:
    scores = {"devgold": {"event_f1": 0.5}, "extraction": {"ours": {"f1": 0.95, "recall": 0.8}}}
    assert check_floors(scores, FLOORS) == []


def test_each_score_below_its_floor_is_one_message() -> None:
    scores = {"devgold": {"event_f1": 0.4}, "extraction": {"ours": {"f1": 0.89, "recall": 0.7}}}
    failures = check_floors(scores, FLOORS)
    assert len(failures) == 3
    assert any(f.startswith("devgold.event_f1:") and "0.5" in f for f in failures)
    assert any(f.startswith("extraction.ours.f1:") for f in failures)


def test_tolerance_is_only_float_noise() -> None:
    floors = {"s": {"f1": 0.3}}
    assert check_floors({"s": {"f1": 0.1 + 0.2 - 1e-12}}, floors) == []
    assert check_floors({"s": {"f1": 0.3 - 1e-6}}, floors) != []


def test_a_missing_score_for_a_pinned_floor_fails() -> None:
    failures = check_floors({"devgold": {"event_f1": 0.9}}, FLOORS)
    assert sorted(failures) == [
        "extraction.ours.f1: no score (floor 0.9)",
        "extraction.ours.recall: no score (floor 0.8)",
    ]
    skipped: dict[str, Any] = {"skipped": "not importable"}
    scores = {"devgold": {"event_f1": 0.9}, "extraction": {"ours": skipped}}
    assert len(check_floors(scores, FLOORS)) == 2


def test_non_numeric_scores_are_missing() -> None:
    assert check_floors({"s": {"f1": None}}, {"s": {"f1": 0.1}}) != []
    assert check_floors({"s": {"f1": True}}, {"s": {"f1": 0.1}}) != []


def test_scores_without_a_floor_are_not_checked() -> None:
    assert check_floors({"s": {"f1": 0.0, "seconds": 99.0}}, {"s": {}}) == []


def test_packaged_floors_are_scores_between_zero_and_one() -> None:
    floors = load_floors()
    assert {"devgold", "plover", "extraction", "geowebnews"} <= set(floors)

    values = _leaves(floors)
    assert values, "no floor is pinned"
    assert all(isinstance(v, float) and 0.0 <= v <= 1.0 for v in values)
    # pinned figures are rounded down to 3 decimals
    assert all(round(v, 3) == v for v in values)


def test_packaged_floors_are_the_default() -> None:
    floors = load_floors()
    assert check_floors({}) == check_floors({}, floors)
    assert len(check_floors({})) == len(_leaves(floors))


def _leaves(tree: dict[str, Any]) -> list[Any]:
    return [x for v in tree.values() for x in (_leaves(v) if isinstance(v, dict) else [v])]
