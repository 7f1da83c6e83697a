"""The who-and-when sets under bench/holdout (issue 12) are gated like the gold sets: each
set's actor and date scores must stay at or above the floors pinned under `whowhen` in
src/eventwire/evaluate/floors.json. The sets ship with the repository, so this gate runs
without ../shared.

Only sets whose errors have been read (in sample) are pinned. A blind set gets its floors
when it is read; until then a failing floor would be a reason to look at it."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluate.devgold import score_devgold
from eventwire.evaluate.floors import check_floors, load_floors

HOLDOUT = Path(__file__).resolve().parents[1] / "bench" / "holdout"
GATED = load_floors()["whowhen"]


@pytest.mark.parametrize("name", sorted(GATED))
def test_whowhen_set_at_or_above_floors(name: str) -> None:
    scores = score_devgold(HOLDOUT / name)
    assert scores["docs"] >= 5
    assert check_floors({name: scores}, {name: GATED[name]}) == []


def test_every_gated_set_is_in_the_repository_with_gold() -> None:
    for name in GATED:
        docs = sorted((HOLDOUT / name / "docs").glob("*.txt"))
        gold = sorted((HOLDOUT / name / "gold").glob("*.json"))
        assert docs and [d.stem for d in docs] == [g.stem for g in gold], name
