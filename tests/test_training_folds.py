"""The fixed split of the gold articles by document."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.training.corpus import GOLD_SETS
from eventwire.training.folds import FOLDS, assign_folds, read_folds


def test_assign_folds_is_seeded_and_balanced() -> None:
    ids = [f"doc-{i}" for i in range(23)]
    folds = assign_folds(ids)
    assert folds == assign_folds(list(reversed(ids)))  # input order does not matter
    sizes = [list(folds.values()).count(k) for k in range(FOLDS)]
    assert max(sizes) - min(sizes) <= 1
    assert assign_folds(ids, seed=1) != folds


def test_shipped_folds_cover_every_gold_article_once(shared_data: Path) -> None:
    folds = read_folds()
    gold = {p.stem for name in GOLD_SETS for p in (shared_data / name / "gold").glob("*.json")}
    assert set(folds) == gold
    assert len(gold) == 55
    assert set(folds.values()) == set(range(FOLDS))


@pytest.mark.parametrize("fold", range(FOLDS))
def test_each_fold_holds_a_fifth_of_the_articles(fold: int) -> None:
    assert list(read_folds().values()).count(fold) == 11
