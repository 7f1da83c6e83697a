"""Per-rule precision of the event coder on ../shared/data, written to
src/eventwire/coding/data/rule_precision.tsv, from which the coder takes its confidence.

Type-level: a predicted event is right when a gold event of the same type cites an
overlapping sentence (dev-gold documents through the whole pipeline; PLOVER gold sentences,
where every event of the sentence is compared with the sentence's gold type). Precision is
smoothed with one pseudo-count at the row's prior: (right + prior) / (predicted + 1).

Usage: .venv/bin/python bench/rule_precision.py [--data DIR] [--dry-run]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from eventwire.coding.lexicon import PRECISION_FILE, by_id
from eventwire.coding.ontology import current_type
from eventwire.coding.score import evidence_overlaps
from eventwire.evaluate.devgold import analyze_gold_doc, load_devgold
from eventwire.evaluate.plover import load_records
from eventwire.evaluate.run import default_data_dir

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "coding" / "data"


def tally(data_dir: Path) -> tuple[Counter[str], Counter[str]]:
    from eventwire.actors.resolve import resolve_actors
    from eventwire.coding.coder import code_events
    from eventwire.nlp.pipeline import parse

    predicted: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for doc in load_devgold(data_dir / "dev-gold"):
        gold = doc.gold["events"]
        for e in analyze_gold_doc(doc)["events"]:
            rule = e["rule"] or "-"
            predicted[rule] += 1
            right[rule] += any(
                g["type"] == e["type"]
                and evidence_overlaps(e["evidence"]["sentence"], g["evidence"])
                for g in gold
            )
    for rec in load_records(data_dir):
        gold_type = current_type(rec["event"])
        parsed = parse(rec["text"])
        for event in code_events(parsed, resolve_actors(parsed)):
            rule = event.rule or "-"
            predicted[rule] += 1
            right[rule] += event.type == gold_type
    return predicted, right


def table(predicted: Counter[str], right: Counter[str]) -> list[tuple[str, int, int, float]]:
    rows = by_id()
    out = []
    for rule in sorted(predicted):
        if rule not in rows:
            continue
        prior = rows[rule].conf
        smoothed = (right[rule] + prior) / (predicted[rule] + 1)
        out.append((rule, predicted[rule], right[rule], round(smoothed, 3)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--dry-run", action="store_true", help="print, do not write")
    args = parser.parse_args()
    rows = table(*tally(args.data or default_data_dir()))
    lines = ["rule\tpredicted\tright\tprecision"]
    lines += [f"{r}\t{n}\t{k}\t{p}" for r, n, k, p in rows]
    text = "\n".join(lines) + "\n"
    if args.dry_run:
        print(text, end="")
        return
    (OUT / PRECISION_FILE).write_text(text, encoding="utf-8")
    print(f"wrote {len(rows)} rules to {OUT / PRECISION_FILE}")


if __name__ == "__main__":
    main()
