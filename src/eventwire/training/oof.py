"""Out-of-fold figures of the trained coder over the gold articles.

For each of the 5 folds of `data/folds.tsv`, the coder is fitted (weights and thresholds)
on the other folds' articles and codes this fold's articles; the events of all folds are
then scored together as dev-gold is scored (`evaluate.devgold.score_events`): strict and
type-level P/R/F1, target right when gold has one, per type; and the same per gold set,
since the rules the coder reads as features were written against dev-gold (its figures are
not those of unseen news) while train-gold was never tuned on. Articles without a fold are
left out and listed.

The rule coder is scored on the same articles (`rules`, per gold set too), side by side: it
is not trained, so its figures need no folds, but dev-gold is in-sample for it (its rules
were written against those articles).

PLOVER gold sentences (when given) are folded the same way: each fold's model is trained on
the other folds' sentences too, and codes this fold's sentences; `plover_type_accuracy` and
`plover_mode_accuracy` are their out-of-fold figures (the top event of each sentence, as the
`plover` section scores the shipped model).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.coding.coder import rule_coder
from eventwire.coding.learned import decode
from eventwire.evaluate.devgold import EventTally, event_summary, score_events
from eventwire.evaluate.plover import PloverTally, top_of
from eventwire.training.corpus import gold_set_of, load_gold, parse_all
from eventwire.training.fit import Example, Settings, fit_model, make_examples, news, record
from eventwire.training.folds import FOLDS, read_folds
from eventwire.training.plover import PLOVER_SET, load_plover, parse_sentences

# the headline figures repeated per gold set
SET_KEYS = ("event_f1", "event_type_f1", "target_accuracy", "events_gold", "events_predicted")
# the rule coder's figures beside them
RULE_KEYS = (
    "event_precision", "event_recall", "event_f1", "event_type_f1", "target_accuracy",
    "events_gold", "events_predicted",
)  # fmt: skip
# the PLOVER sentences' out-of-fold figures, as oof.plover_<key>
PLOVER_KEYS = ("sentences", "type_accuracy", "mode_accuracy", "mode_sentences")


def out_of_fold(
    examples: list[Example],
    settings: Settings | None = None,
    *,
    folds: dict[str, int] | None = None,
    groups: dict[str, str] | None = None,
    on_fold: Callable[[int], None] | None = None,
    train_ids: set[str] | None = None,
) -> dict[str, Any]:
    """OOF scores of the examples; `groups` (doc id -> group name) adds a block per group.
    Examples of another domain (PLOVER sentences) are trained on in the other folds and
    scored by their top event. `train_ids` limits what the folds train on (every example
    is still tested in its own fold): bench/learning_curve.py."""
    settings = settings or Settings()
    folds = folds if folds is not None else read_folds()
    tally = EventTally()
    sentences = PloverTally()
    by_group: dict[str, EventTally] = {}
    per_fold: dict[str, dict[str, float]] = {}
    for k in range(FOLDS):
        train = [ex for ex in examples if ex.id in folds and folds[ex.id] != k]
        if train_ids is not None:
            train = [ex for ex in train if ex.id in train_ids]
        test = [ex for ex in examples if folds.get(ex.id) == k]
        if not news(train) or not test:
            continue
        model = fit_model(train, settings)
        fold_tally = EventTally()
        for ex in (ex for ex in test if ex.domain == PLOVER_SET):
            gold = ex.gold["events"][0]["type"]
            sentences.add(gold, ex.parsed.gold.meta.get("mode"), top_of(decode(ex.feats, model)))
        for ex in news(test):
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
    articles = news(examples)
    out: dict[str, Any] = {
        "docs": sum(1 for ex in articles if ex.id in folds),
        "left_out": len([ex for ex in articles if ex.id not in folds]),
        **event_summary(tally),
        "per_fold": per_fold,
    }
    if sentences.sentences:
        plover = sentences.summary()
        out |= {f"plover_{key}": plover[key] for key in PLOVER_KEYS}
    for name, group in sorted(by_group.items()):
        summary = event_summary(group)
        out[name.replace("-", "_")] = {key: summary[key] for key in SET_KEYS}
    return out


def rule_scores(
    examples: list[Example],
    *,
    folds: dict[str, int] | None = None,
    groups: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The rule coder's headline figures on the folded articles, as `out_of_fold` scores the
    trained coder's (with a block per group)."""
    folds = folds if folds is not None else read_folds()
    tally = EventTally()
    by_group: dict[str, EventTally] = {}
    for ex in news(examples):
        if ex.id not in folds:
            continue
        p = ex.parsed
        pred = record(rule_coder(p.doc, p.actors, p.quotes), ex)
        score_events(pred, ex.gold, tally)
        if groups is not None and ex.id in groups:
            score_events(pred, ex.gold, by_group.setdefault(groups[ex.id], EventTally()))
    summary = event_summary(tally)
    out: dict[str, Any] = {key: summary[key] for key in RULE_KEYS}
    for name, group in sorted(by_group.items()):
        one = event_summary(group)
        out[name.replace("-", "_")] = {key: one[key] for key in SET_KEYS}
    return out


def score_oof(
    data_dir: Path,
    *,
    settings: Settings | None = None,
    on_doc: Callable[[str], None] | None = None,
    on_fold: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Parse the gold articles (and the PLOVER sentences, when the settings train on them)
    once and score the trained coder out of fold, the rule coder beside it (`rules`)."""
    settings = settings or Settings()
    docs = load_gold(data_dir)
    examples = make_examples(parse_all(docs, on_doc))
    if settings.plover_weight > 0:
        examples += make_examples(parse_sentences(load_plover(data_dir)), PLOVER_SET)
    groups = gold_set_of(data_dir, docs)
    out = out_of_fold(examples, settings, groups=groups, on_fold=on_fold)
    out["rules"] = rule_scores(examples, groups=groups)
    return out
