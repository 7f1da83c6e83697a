"""Event scores on bench/holdout (`eventwire.evaluate.holdout`), with the predicted and gold
events of each article. `eventwire evaluate` reports the same totals.

Usage: .venv/bin/python bench/holdout_score.py [--verbose]
"""

from __future__ import annotations

import argparse
from typing import Any

from eventwire.evaluate.holdout import default_holdout_dir, score_holdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list predicted and gold events")
    args = parser.parse_args()

    def show(name: str, pred: list[Any], golds: list[Any], scores: dict[str, Any]) -> None:
        print(f"{name}: strict {scores['strict']}  type {scores['type']}")
        if not args.verbose:
            return
        for e in pred:
            src = [n[0] for n in e["source"]]
            tgt = [n[0] for n in e["target"]]
            print(f"   PRED {e['type']:<9} {src} -> {tgt} | {e['evidence']['sentence'][:80]}")
        for g in golds:
            print(f"   GOLD {g['type']:<9} {g['source']} -> {g['target']} | {g['evidence'][:80]}")

    totals = score_holdout(default_holdout_dir(), on_doc=show)
    print(
        f"all ({totals['docs']} articles, {totals['events_predicted']} predicted pairs, "
        f"{totals['events_gold']} gold):"
    )
    for key, prefix in (("strict", "event"), ("type", "event_type")):
        figures = {k: totals[f"{prefix}_{k}"] for k in ("precision", "recall", "f1")}
        print(f"  {key}: {figures}")


if __name__ == "__main__":
    main()
