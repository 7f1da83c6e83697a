"""Scoring predicted events against gold events (dev-gold format).

A predicted event is expanded into one (source, target) pair per combination, as the gold
set codes one event per pair. A pair matches a gold event when the types are equal and the
evidence sentences overlap; strict matching also needs source and target names to agree.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

Names = tuple[str, ...]  # one actor: its name and the other forms it goes by


@functools.lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


@functools.lru_cache(maxsize=1 << 16)  # scorers compare the same sentences many times
def evidence_overlaps(a: str, b: str) -> bool:
    a, b = normalise(a), normalise(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    ta, tb = _tokens(a), _tokens(b)
    return len(ta & tb) / max(len(ta), len(tb), 1) >= 0.5


def _as_names(value: Any) -> Names | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _sentence(event: dict[str, Any]) -> str:
    ev = event.get("evidence", "")
    return ev.get("sentence", "") if isinstance(ev, dict) else str(ev)


def _pairs(event: dict[str, Any]) -> list[tuple[Names | None, Names | None]]:
    """(source, target) pairs; an entry in a source/target list is a name or a list of
    name forms."""

    def side(key: str) -> list[Names | None]:
        value = event.get(key)
        if value is None or value == []:
            return [None]
        if isinstance(value, str):
            return [(value,)]
        return [_as_names(v) for v in value]

    return [(s, t) for s in side("source") for t in side("target")]


def names_match(pred: Names | None, gold: Names | None) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    g = {normalise(x).lower() for x in gold}
    for p in pred:
        p = normalise(p).lower()
        if p in g or any(len(p) > 3 and (p in x or x in p) for x in g):
            return True
    return False


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def event_scores(
    pred_events: list[dict[str, Any]],
    gold_events: list[dict[str, Any]],
    gold_actors: Iterable[dict[str, Any]] = (),
) -> dict[str, Any]:
    """Type-level (type + evidence) and strict (also source and target) P/R/F1, matching
    one-to-one, greedily in order."""
    aliases: dict[str, Names] = {a["name"]: (a["name"], *a.get("aliases", [])) for a in gold_actors}
    preds = [(e["type"], _sentence(e), s, t) for e in pred_events for s, t in _pairs(e)]
    golds = []
    for e in gold_events:
        src = aliases.get(e["source"], (e["source"],)) if e.get("source") else None
        tgt = aliases.get(e["target"], (e["target"],)) if e.get("target") else None
        golds.append((e["type"], _sentence(e), src, tgt))

    def count(strict: bool) -> int:
        used: set[int] = set()
        tp = 0
        for ptype, psent, psrc, ptgt in preds:
            for i, (gtype, gsent, gsrc, gtgt) in enumerate(golds):
                if i in used or ptype != gtype or not evidence_overlaps(psent, gsent):
                    continue
                if strict and not (names_match(psrc, gsrc) and names_match(ptgt, gtgt)):
                    continue
                used.add(i)
                tp += 1
                break
        return tp

    type_tp, strict_tp = count(False), count(True)
    return {
        "n_pred": len(preds),
        "n_gold": len(golds),
        "type": {"tp": type_tp, **_prf(type_tp, len(preds), len(golds))},
        "strict": {"tp": strict_tp, **_prf(strict_tp, len(preds), len(golds))},
    }
