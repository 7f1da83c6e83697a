"""Event scores on bench/holdout: invented articles with gold events written before the engine
was run on them, and never used for tuning (see bench/holdout/README.md).

The same strict and type-level matching as dev-gold (`coding.score.event_scores`): a gold
side lists acceptable names (any one matches), optional gold events are left out, and a
report of a gold event from another sentence counts as a false event. So these figures are
somewhat harsher than the hand judgments of bench/holdout/score.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.coding.score import _prf, event_scores
from eventwire.evaluate.devgold import events_with_names


def default_holdout_dir() -> Path:
    """bench/holdout in the checkout this package runs from."""
    return Path(__file__).resolve().parents[3] / "bench" / "holdout"


def gold_events(events: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Required gold events in dev-gold form, and the gold actors giving each side's
    acceptable names."""
    out: list[dict[str, Any]] = []
    actors: list[dict[str, Any]] = []
    for e in events:
        if e.get("optional"):
            continue
        sides: dict[str, str | None] = {}
        for key in ("source", "target"):
            names = e.get(key) or []
            names = [names] if isinstance(names, str) else names
            sides[key] = names[0] if names else None
            if names:
                actors.append({"name": names[0], "aliases": names[1:]})
        out.append({"type": e["type"], **sides, "evidence": e["evidence"]})
    return out, actors


def score_holdout(
    folder: Path,
    *,
    on_doc: Callable[[str, list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]], None]
    | None = None,
    coder: str | None = None,
) -> dict[str, Any]:
    """Strict and type-level P/R/F1 over the held-out articles, through the whole pipeline
    (with the named coder, default the pipeline's). `on_doc(name, predicted, gold, scores)`
    sees each article's events."""
    from eventwire.analysis import analyze

    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    published = json.loads((folder / "published.json").read_text(encoding="utf-8"))
    totals = {"n_pred": 0, "n_gold": 0, "type": 0, "strict": 0}
    files = sorted(k for k in gold if k.endswith(".txt"))
    for name in files:
        text = (folder / name).read_text(encoding="utf-8")
        doc = analyze(text, published=published.get(name), coder=coder)
        pred = events_with_names(doc.to_dict())
        golds, gold_actors = gold_events(gold[name])
        scores = event_scores(pred, golds, gold_actors)
        if on_doc is not None:
            on_doc(name, pred, golds, scores)
        for key in ("n_pred", "n_gold"):
            totals[key] += scores[key]
        for key in ("type", "strict"):
            totals[key] += scores[key]["tp"]
    strict = _prf(totals["strict"], totals["n_pred"], totals["n_gold"])
    typed = _prf(totals["type"], totals["n_pred"], totals["n_gold"])
    return {
        "docs": len(files),
        "events_gold": totals["n_gold"],
        "events_predicted": totals["n_pred"],
        "event_precision": strict["precision"],
        "event_recall": strict["recall"],
        "event_f1": strict["f1"],
        "event_type_precision": typed["precision"],
        "event_type_recall": typed["recall"],
        "event_type_f1": typed["f1"],
    }
