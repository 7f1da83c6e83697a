"""Out-of-fold figures of the trained coder over the gold articles.

For each of the 5 folds of `data/folds.tsv`, the coder is fitted (weights and thresholds)
on the other folds' articles and codes this fold's articles; the events of all folds are
then scored together as dev-gold is scored (`evaluate.devgold.score_events`): strict and
type-level P/R/F1, target right when gold has one, per type; and the same per gold set,
since the rules the coder reads as features were written against dev-gold (its figures are
not those of unseen news) while train-gold was never tuned on. Articles without a fold are
left out and listed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.coding.learned import decode
from eventwire.evaluate.devgold import EventTally, event_summary, score_events
from eventwire.training.corpus import gold_set_of, load_gold, parse_all
from eventwire.training.fit import Example, Settings, fit_model, make_examples, record
from eventwire.training.folds import FOLDS, read_folds

# the headline figures repeated per gold set
SET_KEYS = ("event_f1", "event_type_f1", "target_accuracy", "events_gold", "events_predicted")


def out_of_fold(
    examples: list[Example],
    settings: Settings | None = None,
    *,
    folds: dict[str, int] | None = None,
    groups: dict[str, str] | None = None,
    on_fold: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """OOF scores of the examples; `groups` (doc id -> group name) adds a block per group."""
    settings = settings or Settings()
    folds = folds if folds is not None else read_folds()
    tally = EventTally()
    by_group: dict[str, EventTally] = {}
    per_fold: dict[str, dict[str, float]] = {}
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
            if groups is not None and ex.id in groups:
                score_events(pred, ex.gold, by_group.setdefault(groups[ex.id], EventTally()))
        one = event_summary(fold_tally)
        per_fold[str(k)] = {
            "event_f1": one["event_f1"],
            "event_type_f1": one["event_type_f1"],
            "event_threshold": model.event.threshold,
            "source_threshold": model.source.threshold,
            "target_threshold": model.target.threshold,
        }
        if on_fold is not None:
            on_fold(k)
    out: dict[str, Any] = {
        "docs": sum(1 for ex in examples if ex.id in folds),
        "left_out": len([ex for ex in examples if ex.id not in folds]),
        **event_summary(tally),
        "per_fold": per_fold,
    }
    for name, group in sorted(by_group.items()):
        summary = event_summary(group)
        out[name.replace("-", "_")] = {key: summary[key] for key in SET_KEYS}
    return out


def score_oof(
    data_dir: Path,
    *,
    settings: Settings | None = None,
    on_doc: Callable[[str], None] | None = None,
    on_fold: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Parse the gold articles once and score the coder out of fold."""
    docs = load_gold(data_dir)
    examples = make_examples(parse_all(docs, on_doc))
    return out_of_fold(examples, settings, groups=gold_set_of(data_dir, docs), on_fold=on_fold)
