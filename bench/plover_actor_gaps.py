"""Actor gaps on the PLOVER gold-standard records: for each sentence the engine codes with no
event or the wrong type, does each gold source/target actorText span get an actor?

    .venv/bin/python bench/plover_actor_gaps.py [--all] [--list]

Misses are counted by pattern (the shape of the gold span), so resolution rules can be aimed at
the commonest shapes.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from eventwire.actors.kb import load_kb
from eventwire.actors.resolve import resolve_actors
from eventwire.coding.coder import code_events
from eventwire.coding.ontology import current_type
from eventwire.evaluate.plover import load_records
from eventwire.nlp.pipeline import parse

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def pattern(span: str) -> str:
    """A coarse shape of a gold actor span: demonym/name + head noun, possessive, plural..."""
    kb = load_kb()
    words = span.replace("'s", " 's").split()
    shape = []
    for w in words:
        low = w.lower().strip(",.")
        if kb.demonym(low):
            shape.append("DEM")
        elif kb.lookup(w.strip(",.")):
            shape.append("NAME")
        elif low in ("the", "a", "an"):
            continue
        elif low in kb.roles:
            shape.append("ROLE")
        elif low in ("and", "of", "'s"):
            shape.append(low)
        elif w[:1].isupper():
            shape.append("Cap")
        else:
            shape.append("w")
    return " ".join(shape) or "?"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--all", action="store_true", help="every sentence, not only the wrong ones")
    ap.add_argument("--list", action="store_true", help="print each missed span")
    args = ap.parse_args()
    misses: Counter[str] = Counter()
    spans = found = sentences = 0
    for rec in load_records(DATA):
        doc = parse(rec["text"])
        table = resolve_actors(doc)
        events = code_events(doc, table)
        top = max(events, key=lambda e: e.confidence).type if events else None
        gold = current_type(rec["event"])
        if top == gold and not args.all:
            continue
        sentences += 1
        for side in ("source", "target"):
            sides = rec.get(side)
            for g in sides if isinstance(sides, list) else []:  # "" or None: no actor
                text: str = g.get("actorText") or ""
                start = rec["text"].find(text)
                if not text or start < 0:
                    continue
                spans += 1
                actor_id = table.actor_at(start, start + len(text))
                if actor_id is not None:
                    found += 1
                    continue
                misses[pattern(text)] += 1
                if args.list:
                    _show(rec, side, g, top, gold)
    print(f"sentences {sentences}  gold spans {spans}  with actor {found}  missed {spans - found}")
    for shape, n in misses.most_common(30):
        print(f"{n:4d}  {shape}")


def _show(rec: dict[str, Any], side: str, g: dict[str, Any], top: str | None, gold: str) -> None:
    print(f"  {side:6s} {g.get('actorText')!r:40s} {g.get('code')}/{g.get('sector')}"
          f"  [{top} vs {gold}]  {rec['text'][:100]}")  # fmt: skip


if __name__ == "__main__":
    main()
