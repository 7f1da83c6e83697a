"""Actor scores against gold actors (the dev-gold format): recall and precision by name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from eventwire.model import Actor

SCORED_KINDS = frozenset({"person", "organisation", "state", "group"})


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split()).lower()


def actor_scores(
    predicted_actors: Iterable[Actor], gold_actors: Iterable[Mapping[str, Any]]
) -> dict[str, float | int]:
    """A predicted actor matches a gold one when its name or any mention text equals the gold
    name or an alias (case-insensitive, whitespace collapsed)."""
    predicted = [a for a in predicted_actors if a.kind in SCORED_KINDS]
    gold = list(gold_actors)
    gold_forms = [{_norm(g["name"]), *(_norm(a) for a in g.get("aliases") or [])} for g in gold]
    matched_gold: set[int] = set()
    matched_pred = 0
    for actor in predicted:
        forms = {_norm(actor.name), *(_norm(m.text) for m in actor.mentions)}
        hits = [i for i, g in enumerate(gold_forms) if forms & g]
        if hits:
            matched_pred += 1
            matched_gold.update(hits)
    return {
        "gold": len(gold),
        "predicted": len(predicted),
        "matched_gold": len(matched_gold),
        "matched_predicted": matched_pred,
        "recall": len(matched_gold) / len(gold) if gold else 1.0,
        "precision": matched_pred / len(predicted) if predicted else 1.0,
    }
