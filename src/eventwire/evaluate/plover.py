"""Sentence-level event-type accuracy on the PLOVER gold-standard records.

The records are coded in PLOVER 0.5; older category names map to the current types through
`coding.ontology.current_type` (DEMAND → REQUEST, DISAPPROVE → ACCUSE, ...). A sentence is
right when the engine's most confident event has the gold type (the pipeline's coder, the
rules by default, which were written against these sentences; `learned` is the trained coder,
for which they are training data: its figure here is in-sample, its out-of-fold figure is in
the `oof` section). Mode accuracy is measured on
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
from eventwire.model import Event

GSR_PATH = Path("plover") / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"


def load_records(data_dir: Path) -> list[dict[str, Any]]:
    records = json.loads((data_dir / GSR_PATH).read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT"]


def top_event(text: str, coder: str | None = None) -> tuple[str, str | None] | None:
    """(type, mode) of the most confident event of a sentence, None when nothing is coded;
    by the named coder (default: the pipeline's)."""
    from eventwire.actors.resolve import resolve_actors
    from eventwire.analysis import coder_named
    from eventwire.nlp.pipeline import parse
    from eventwire.nlp.quotes import find_quotes

    doc = parse(text)
    actors = resolve_actors(doc)
    return top_of(coder_named(coder)(doc, actors, find_quotes(doc, actors)))


def top_of(events: list[Event]) -> tuple[str, str | None] | None:
    """(type, mode) of the most confident of a sentence's events."""
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


class PloverTally:
    """Type accuracy of the top event per sentence, and mode accuracy on the sentences typed
    right whose record names a mode."""

    def __init__(self) -> None:
        self.sentences = self.coded = self.right = self.moded = self.mode_right = 0
        self.per_type: dict[str, Counter[str]] = {}

    def add(self, gold: str, mode: str | None, found: tuple[str, str | None] | None) -> None:
        top = found[0] if found else None
        self.sentences += 1
        self.coded += top is not None
        self.right += top == gold
        if found and top == gold and mode:
            self.moded += 1
            self.mode_right += found[1] == mode
        t = self.per_type.setdefault(gold, Counter())
        t["gold"] += 1
        t["right"] += top == gold

    def summary(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "with_event": self.coded,
            "type_accuracy": _ratio(self.right, self.sentences),
            "accuracy_when_coded": _ratio(self.right, self.coded),
            "mode_sentences": self.moded,
            "mode_accuracy": _ratio(self.mode_right, self.moded),
            "per_type": {
                k: {"gold": v["gold"], "accuracy": _ratio(v["right"], v["gold"])}
                for k, v in sorted(self.per_type.items())
            },
        }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def gold_of(record: dict[str, Any]) -> tuple[str, str | None]:
    """The record's type and mode in the current manual's names."""
    from eventwire.coding.ontology import current_type

    gold = current_type(record["event"])
    return gold, current_mode(gold, record["mode"]) if record.get("mode") else None


def score_plover(
    data_dir: Path, *, on_record: Callable[[], None] | None = None, coder: str | None = None
) -> dict[str, Any]:
    tally = PloverTally()
    for rec in load_records(data_dir):
        tally.add(*gold_of(rec), top_event(rec["text"], coder))
        if on_record:
            on_record()
    return tally.summary()
