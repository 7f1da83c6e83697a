"""Event-coding quality on ../shared/data: dev-gold (type-level and strict P/R/F1) and the
PLOVER gold sentences (per-sentence type accuracy of the top event).

Usage: .venv/bin/python bench/coding_quality.py [--verbose]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from eventwire.actors.table import ActorTable
from eventwire.coding.coder import code_events
from eventwire.coding.ner_actors import ner_actor_table
from eventwire.coding.ontology import current_type
from eventwire.coding.score import event_scores
from eventwire.model import Event
from eventwire.nlp.pipeline import parse

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def actor_table(doc: Doc) -> ActorTable:
    """The actors stage when it exists, else the NER stand-in."""
    try:
        from eventwire.actors.resolve import resolve_actors
    except ImportError:
        return ner_actor_table(doc)
    return resolve_actors(doc)


def as_dict(event: Event, actors: ActorTable) -> dict[str, Any]:
    def names(ids: list[str]) -> list[list[str]]:
        out = []
        for actor_id in ids:
            actor = actors.get(actor_id)
            out.append([actor.name, *(m.text for m in actor.mentions)])
        return out

    return {
        "type": event.type,
        "evidence": event.evidence.sentence,
        "source": names(event.source),
        "target": names(event.target),
    }


def dev_gold(verbose: bool) -> dict[str, Any]:
    preds: list[dict[str, Any]] = []
    golds: list[dict[str, Any]] = []
    actors_all: list[dict[str, Any]] = []
    for gold_path in sorted((SHARED / "dev-gold" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        text = (SHARED / "dev-gold" / "docs" / f"{gold_path.stem}.txt").read_text("utf-8")
        doc = parse(text)
        actors = actor_table(doc)
        doc_preds = [as_dict(e, actors) for e in code_events(doc, actors)]
        if verbose:
            score = event_scores(doc_preds, gold["events"], gold["actors"])
            print(f"{gold_path.stem}: {score['type']} strict={score['strict']['f1']}")
            for p in doc_preds:
                src = [s[0] for s in p["source"]]
                tgt = [t[0] for t in p["target"]]
                print(f"   PRED {p['type']} {src} {tgt} | {p['evidence'][:90]}")
            for g in gold["events"]:
                print(f"   GOLD {g['type']} {g['source']} {g['target']} | {g['evidence'][:90]}")
        # tag sentences with the document so evidence never matches across documents
        preds += [{**p, "evidence": f"[{gold_path.stem}] {p['evidence']}"} for p in doc_preds]
        golds += [{**g, "evidence": f"[{gold_path.stem}] {g['evidence']}"} for g in gold["events"]]
        actors_all += gold["actors"]
    return event_scores(preds, golds, actors_all)


def plover_gold(verbose: bool) -> dict[str, Any]:
    path = SHARED / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"
    records = [r for r in json.loads(path.read_text("utf-8")) if r["event"] != "DOCUMENT"]
    right = covered = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for rec in records:
        gold_type = current_type(rec["event"])
        doc = parse(rec["text"])
        events = code_events(doc, ner_actor_table(doc))
        top = max(events, key=lambda e: e.confidence).type if events else None
        covered += top is not None
        right += top == gold_type
        confusion[(gold_type, top or "-")] += 1
        if verbose and top != gold_type:
            print(f"   {gold_type} -> {top} | {rec['text'][:100]}")
    if verbose:
        print(confusion.most_common(25))
    return {
        "sentences": len(records),
        "with_event": covered,
        "type_accuracy": round(right / len(records), 3),
        "accuracy_when_coded": round(right / covered, 3) if covered else 0.0,
    }


def main() -> None:
    verbose = "--verbose" in sys.argv
    print("dev-gold:", json.dumps(dev_gold(verbose)))
    print("PLOVER gold sentences:", json.dumps(plover_gold(verbose)))


if __name__ == "__main__":
    main()
