"""Out-of-fold figures of the trained coder over the gold articles.

For each of the 5 folds of `data/folds.tsv`, the coder is fitted (weights and thresholds)
on the other folds' articles and codes this fold's articles; the events of all folds are
then scored together as dev-gold is scored (`evaluate.devgold.score_events`): strict and
type-level P/R/F1, target right when gold has one, per type. Articles without a fold are
left out and counted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventwire.coding.learned import decode
from eventwire.evaluate.devgold import EventTally, event_summary, score_events
from eventwire.training.fit import Example, Settings, fit_model, record
from eventwire.training.folds import FOLDS, read_folds


def out_of_fold(
    examples: list[Example],
    settings: Settings | None = None,
    *,
    folds: dict[str, int] | None = None,
    on_fold: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    settings = settings or Settings()
    folds = folds if folds is not None else read_folds()
    tally = EventTally()
    per_fold: dict[str, dict[str, float]] = {}
    thresholds: dict[str, list[float]] = {}
    for k in range(FOLDS):
        train = [ex for ex in examples if ex.id in folds and folds[ex.id] != k]
        test = [ex for ex in examples if folds.get(ex.id) == k]
        if not train or not test:
            continue
        model = fit_model(train, settings)
        fold_tally = EventTally()
        for ex in test:
            pred = record(decode(ex.feats, model, merge=settings.merge), ex)
            score_events(pred, ex.gold, tally)
            score_events(pred, ex.gold, fold_tally)
        one = event_summary(fold_tally)
        per_fold[str(k)] = {"strict_f1": one["event_f1"], "type_f1": one["event_type_f1"]}
        thresholds[str(k)] = [model.event.threshold, model.source.threshold, model.target.threshold]
        if on_fold is not None:
            on_fold(k)
    summary = event_summary(tally)
    return {
        "docs": sum(1 for ex in examples if ex.id in folds),
        "left_out": sorted(ex.id for ex in examples if ex.id not in folds),
        **summary,
        "per_fold": per_fold,
        "thresholds": thresholds,
    }
