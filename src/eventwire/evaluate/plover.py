"""Sentence-level event-type accuracy on the PLOVER gold-standard records.

The records are coded in PLOVER 0.5; older category names map to the current types through
`coding.ontology.current_type` (DEMAND → REQUEST, DISAPPROVE → ACCUSE, ...). A sentence is
right when the engine's most confident event has the gold type (the shipped trained coder;
the sentences are not among its training articles, but the rules it reads as features were
written against them). Mode accuracy is measured on
the sentences typed right whose gold record names a mode, with PLOVER 0.5 mode names mapped to
the current ones (`coding/data/old_modes.tsv`).
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.datafiles import tsv_records

GSR_PATH = Path("plover") / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"


def load_records(data_dir: Path) -> list[dict[str, Any]]:
    records = json.loads((data_dir / GSR_PATH).read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT"]


def top_event(text: str) -> tuple[str, str | None] | None:
    """(type, mode) of the most confident event of a sentence, None when nothing is coded."""
    from eventwire.actors.resolve import resolve_actors
    from eventwire.coding.learned import code_article
    from eventwire.nlp.pipeline import parse
    from eventwire.nlp.quotes import find_quotes

    doc = parse(text)
    actors = resolve_actors(doc)
    events = code_article(doc, actors, find_quotes(doc, actors))
    if not events:
        return None
    top = max(events, key=lambda e: e.confidence)
    return top.type, top.mode


def top_event_type(text: str) -> str | None:
    top = top_event(text)
    return top[0] if top else None


def current_mode(etype: str, mode: str) -> str:
    return _renamed_modes().get((etype, mode), mode)


@functools.cache
def _renamed_modes() -> dict[tuple[str, str], str]:
    """(type, PLOVER 0.5 mode) -> the current manual's name, read once."""
    return {
        (r["type"], r["old"]): r["current"]
        for r in tsv_records("eventwire.coding", "old_modes.tsv")
    }


def score_plover(data_dir: Path, *, on_record: Callable[[], None] | None = None) -> dict[str, Any]:
    from eventwire.coding.ontology import current_type

    records = load_records(data_dir)
    right = coded = moded = mode_right = 0
    per_type: dict[str, Counter[str]] = {}
    for rec in records:
        gold = current_type(rec["event"])
        found = top_event(rec["text"])
        top = found[0] if found else None
        coded += top is not None
        right += top == gold
        if found and top == gold and rec.get("mode"):
            moded += 1
            mode_right += found[1] == current_mode(gold, rec["mode"])
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
        "mode_sentences": moded,
        "mode_accuracy": round(mode_right / moded, 3) if moded else 0.0,
        "per_type": {
            k: {"gold": v["gold"], "accuracy": round(v["right"] / v["gold"], 3)}
            for k, v in sorted(per_type.items())
        },
    }
