"""The fixed split of the gold articles (and of the PLOVER gold sentences) by document."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.datafiles import tsv_records
from eventwire.training.corpus import GOLD_SETS
from eventwire.training.folds import FOLDS, FOLDS_FILE, assign_folds, read_folds
from eventwire.training.plover import PLOVER_SET, load_plover


def test_assign_folds_is_seeded_and_balanced() -> None:
    ids = [f"doc-{i}" for i in range(23)]
    folds = assign_folds(ids)
    assert folds == assign_folds(list(reversed(ids)))  # input order does not matter
    sizes = [list(folds.values()).count(k) for k in range(FOLDS)]
    assert max(sizes) - min(sizes) <= 1
    assert assign_folds(ids, seed=1) != folds


def _by_set() -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for r in tsv_records("eventwire.training", FOLDS_FILE):
        out.setdefault(r["set"], {})[r["doc"]] = int(r["fold"])
    return out


def test_shipped_folds_cover_every_gold_article_and_sentence_once(shared_data: Path) -> None:
    by_set = _by_set()
    articles = {d: f for name in GOLD_SETS for d, f in by_set[name].items()}
    gold = {p.stem for name in GOLD_SETS for p in (shared_data / name / "gold").glob("*.json")}
    assert set(articles) == gold and len(gold) == 55
    assert set(by_set[PLOVER_SET]) == {d.id for d in load_plover(shared_data)}
    assert len(read_folds()) == 55 + len(by_set[PLOVER_SET])
    # the articles' folds were dealt on their own: adding the sentences moved none
    assert articles == assign_folds(sorted(gold))


@pytest.mark.parametrize("fold", range(FOLDS))
def test_each_fold_holds_a_fifth_of_the_articles_and_of_the_sentences(fold: int) -> None:
    by_set = _by_set()
    articles = [f for name in GOLD_SETS for f in by_set[name].values()]
    assert articles.count(fold) == 11
    sentences = list(by_set[PLOVER_SET].values())
    assert abs(sentences.count(fold) - len(sentences) / FOLDS) < 1
