"""Sentence-level event-type accuracy on the PLOVER gold-standard records.

The records are coded in PLOVER 0.5; older category names map to the current types through
`coding.ontology.current_type` (DEMAND → REQUEST, DISAPPROVE → ACCUSE, ...). A sentence is
right when the engine's most confident event has the gold type.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

GSR_PATH = Path("plover") / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"


def load_records(data_dir: Path) -> list[dict[str, Any]]:
    records = json.loads((data_dir / GSR_PATH).read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT"]


def top_event_type(text: str) -> str | None:
    from eventwire.actors.resolve import resolve_actors
    from eventwire.coding.coder import code_events
    from eventwire.nlp.pipeline import parse

    doc = parse(text)
    events = code_events(doc, resolve_actors(doc))
    return max(events, key=lambda e: e.confidence).type if events else None


def score_plover(data_dir: Path, *, on_record: Callable[[], None] | None = None) -> dict[str, Any]:
    from eventwire.coding.ontology import current_type

    records = load_records(data_dir)
    right = coded = 0
    per_type: dict[str, Counter[str]] = {}
    for rec in records:
        gold = current_type(rec["event"])
        top = top_event_type(rec["text"])
        coded += top is not None
        right += top == gold
        t = per_type.setdefault(gold, Counter())
        t["gold"] += 1
        t["right"] += top == gold
        if on_record:
            on_record()
    return {
        "sentences": len(records),
        "with_event": coded,
        "type_accuracy": round(right / len(records), 3) if records else 0.0,
        "accuracy_when_coded": round(right / coded, 3) if coded else 0.0,
        "per_type": {
            k: {"gold": v["gold"], "accuracy": round(v["right"] / v["gold"], 3)}
            for k, v in sorted(per_type.items())
        },
    }
