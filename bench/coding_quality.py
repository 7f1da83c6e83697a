"""Event-coding quality on ../shared/data, with the errors behind the figures.

The scores are those of `eventwire evaluate` (dev-gold documents through the whole pipeline,
PLOVER gold sentences by the type of the top event); this script reuses the evaluate
functions and adds, with --verbose, predicted vs gold events per document and the PLOVER
confusions.

Usage: .venv/bin/python bench/coding_quality.py [--verbose] [--doc ID]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from eventwire.coding.ontology import current_type
from eventwire.coding.score import event_scores
from eventwire.evaluate.devgold import (
    analyze_gold_doc,
    events_with_names,
    load_devgold,
    score_devgold,
)
from eventwire.evaluate.plover import current_mode, load_records, score_plover, top_event
from eventwire.evaluate.run import default_data_dir


def _names(side: list[list[str]]) -> list[str]:
    return [n[0] for n in side]


def show_devgold(data_dir: Path, only: str | None) -> dict[str, Any]:
    docs = [d for d in load_devgold(data_dir / "dev-gold") if only in (None, d.id)]
    cache: dict[str, dict[str, Any]] = {}

    def analyze(doc: Any) -> dict[str, Any]:
        cache[doc.id] = analyze_gold_doc(doc)
        return cache[doc.id]

    scores = score_devgold(data_dir / "dev-gold", docs=docs, analyze_doc=analyze)
    for doc in docs:
        pred = cache[doc.id]
        named = events_with_names(pred)
        one = event_scores(named, doc.gold["events"], doc.gold["actors"])
        print(f"{doc.id}: type={one['type']} strict={one['strict']}")
        for e, n in zip(pred["events"], named, strict=True):
            flags = "".join(
                f for f, on in (("H", e["historical"]), ("N", e["negated"]), ("F", e["future"]))
                if on
            )  # fmt: skip
            print(
                f"   PRED {e['type']:<9} {_names(n['source'])} -> {_names(n['target'])} "
                f"[{e['rule']} '{e['evidence']['trigger']}' {flags}] | "
                f"{e['evidence']['sentence'][:90]}"
            )
        for g in doc.gold["events"]:
            print(f"   GOLD {g['type']:<9} {g['source']} -> {g['target']} | {g['evidence'][:90]}")
    return scores


def show_plover(data_dir: Path) -> dict[str, Any]:
    confusion: Counter[tuple[str, str]] = Counter()
    for rec in load_records(data_dir):
        gold = current_type(rec["event"])
        found = top_event(rec["text"])
        top = found[0] if found else None
        confusion[(gold, top or "-")] += 1
        if top != gold:
            print(f"   {gold} -> {top} | {rec['text'][:110]}")
        elif found and rec.get("mode") and found[1] != current_mode(gold, rec["mode"]):
            gold_mode = current_mode(gold, rec["mode"])
            print(f"   {gold} mode {gold_mode} -> {found[1]} | {rec['text'][:90]}")
    print([f"{g}->{p}: {n}" for (g, p), n in confusion.most_common(30) if g != p])
    return score_plover(data_dir)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--doc", help="one dev-gold document id")
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()
    data_dir = args.data or default_data_dir()
    if args.verbose or args.doc:
        dev = show_devgold(data_dir, args.doc)
    else:
        dev = score_devgold(data_dir / "dev-gold")
    print("dev-gold:", json.dumps({k: v for k, v in dev.items() if k != "per_type"}))
    if args.doc:
        return
    plover = show_plover(data_dir) if args.verbose else score_plover(data_dir)
    print("PLOVER gold sentences:", json.dumps({k: v for k, v in plover.items()}))


if __name__ == "__main__":
    main()
