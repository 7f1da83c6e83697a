"""Actor errors on dev-gold: for each gold event found with the right type, the gold
source/target against the predicted ones; quote speakers; predicted actors matching no gold one.

    .venv/bin/python bench/actor_errors.py [--doc ID] [--only-wrong] [--actors]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from eventwire.coding.score import evidence_overlaps, names_match, normalise
from eventwire.evaluate.devgold import actor_forms, analyze_gold_doc, gold_forms, load_devgold
from eventwire.nlp.scoring import texts_match

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev-gold"


def _label(actor: dict[str, Any]) -> str:
    forms = sorted({m["text"] for m in actor["mentions"]})[:4]
    return f"{actor['name']} [{actor['kind']}] {forms}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--doc")
    ap.add_argument("--only-wrong", action="store_true")
    ap.add_argument("--actors", action="store_true", help="list unmatched predicted actors")
    args = ap.parse_args()
    total = ok = q_total = q_ok = 0
    for doc in load_devgold(DATA):
        if args.doc and doc.id != args.doc:
            continue
        pred = analyze_gold_doc(doc)
        by_id = {a["id"]: a for a in pred["actors"]}
        aliases = {a["name"]: (a["name"], *a.get("aliases", [])) for a in doc.gold["actors"]}
        print(f"=== {doc.id}")
        for g in doc.gold["events"]:
            hits = [
                e
                for e in pred["events"]
                if e["type"] == g["type"]
                and evidence_overlaps(e["evidence"]["sentence"], g["evidence"])
            ]
            if not hits:
                continue
            for side in ("source", "target"):
                if g[side] is None:
                    continue
                total += 1
                predicted = [by_id[i] for e in hits for i in e[side] if i in by_id]
                good = any(
                    names_match((a["name"], *(m["text"] for m in a["mentions"])), aliases[g[side]])
                    for a in predicted
                )
                ok += good
                if good and args.only_wrong:
                    continue
                mark = "ok " if good else "BAD"
                shown = "; ".join(_label(a) for a in predicted) or "-"
                print(f"  {mark} {g['type']:8} {side}: gold={g[side]!r} pred={shown}")
                print(f"        {g['evidence'][:150]}")
        for gq in doc.gold["quotes"]:
            hit = next((q for q in pred["quotes"] if texts_match(q["text"], gq["text"])), None)
            if hit is None:
                continue
            q_total += 1
            actor = by_id.get(hit.get("speaker") or "")
            names = {normalise(n).lower() for n in aliases.get(gq["speaker"], (gq["speaker"],))}
            forms = set()
            if actor is not None:
                forms = {normalise(actor["name"]).lower()}
                forms |= {normalise(m["text"]).lower() for m in actor["mentions"]}
            good = bool(forms & names)
            q_ok += good
            if not good:
                shown = _label(actor) if actor else "-"
                print(f"  BAD quote: gold={gq['speaker']!r} pred={shown} :: {gq['text'][:60]}")
        if args.actors:
            golds = [gold_forms(a) for a in doc.gold["actors"]]
            for a in pred["actors"]:
                if not any(g & actor_forms(a) for g in golds):
                    print(f"  extra actor: {_label(a)}")
    print(f"arguments {ok}/{total}  speakers {q_ok}/{q_total}")


if __name__ == "__main__":
    main()
