"""Event scores on bench/holdout: invented articles with gold events written before the engine
was run on them, and never used for tuning (see bench/holdout/README.md).

The same strict and type-level matching as dev-gold (`coding.score.event_scores`), computed
by machine: a gold side lists acceptable names (any one matches), optional gold events are
left out, and a report of a gold event from another sentence counts as a false event. So
these figures are somewhat harsher than the hand judgments of bench/holdout/score.py.

Usage: .venv/bin/python bench/holdout_score.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from eventwire.analysis import analyze
from eventwire.coding.score import _prf, event_scores
from eventwire.evaluate.devgold import events_with_names

HOLDOUT = Path(__file__).resolve().parent / "holdout"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list predicted and gold events")
    args = parser.parse_args()
    gold = json.loads((HOLDOUT / "gold.json").read_text(encoding="utf-8"))
    published = json.loads((HOLDOUT / "published.json").read_text(encoding="utf-8"))
    totals = {"n_pred": 0, "n_gold": 0, "type": 0, "strict": 0}
    files = sorted(k for k in gold if k.endswith(".txt"))
    for name in files:
        text = (HOLDOUT / name).read_text(encoding="utf-8")
        record = analyze(text, published=published.get(name)).to_dict()
        pred = events_with_names(record)
        golds, gold_actors = gold_events(gold[name])
        scores = event_scores(pred, golds, gold_actors)
        print(f"{name}: strict {scores['strict']}  type {scores['type']}")
        if args.verbose:
            for e in pred:
                src = [n[0] for n in e["source"]]
                tgt = [n[0] for n in e["target"]]
                print(f"   PRED {e['type']:<9} {src} -> {tgt} | {e['evidence']['sentence'][:80]}")
            for g in golds:
                sides = f"{g['source']} -> {g['target']}"
                print(f"   GOLD {g['type']:<9} {sides} | {g['evidence'][:80]}")
        for key in ("n_pred", "n_gold"):
            totals[key] += scores[key]
        for key in ("type", "strict"):
            totals[key] += scores[key]["tp"]
    n_pred, n_gold = totals["n_pred"], totals["n_gold"]
    print(f"all ({len(files)} articles, {n_pred} predicted pairs, {n_gold} gold):")
    for key in ("strict", "type"):
        print(f"  {key}: tp {totals[key]} {_prf(totals[key], n_pred, n_gold)}")


if __name__ == "__main__":
    main()
