"""Who and when on the held-out sets bench/holdout/whowhen and whowhen2 (issue 12): the same
actor and date measures `eventwire evaluate` reports for dev-gold and train-gold, on articles
written for this check and never tuned on.

    .venv/bin/python bench/holdout_whowhen.py [--set whowhen2] [--detail]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventwire.evaluate.devgold import (
    actor_forms,
    analyze_gold_doc,
    load_devgold,
    matching_actor,
    score_devgold,
)

HOLDOUT = Path(__file__).resolve().parent / "holdout"
MEASURES = ("docs", "actor_recall", "actor_country_accuracy", "actor_code_share",
            "actors_with_country", "date_accuracy", "events_matched")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="whowhen", help="a folder under bench/holdout")
    ap.add_argument("--detail", action="store_true", help="every gold actor and its match")
    args = ap.parse_args()
    folder = HOLDOUT / args.set
    docs = load_devgold(folder)
    preds = {d.id: analyze_gold_doc(d) for d in docs}
    scores = score_devgold(folder, docs=docs, analyze_doc=lambda d: preds[d.id])
    print(json.dumps({k: scores[k] for k in MEASURES}, indent=1))
    if args.detail:
        for doc in docs:
            pred = preds[doc.id]
            forms = [actor_forms(a) for a in pred["actors"]]
            print(f"== {doc.id}")
            for g in doc.gold["actors"]:
                m = matching_actor(g, pred["actors"], forms)
                found = f"{m['name']} {m['country']} {m['code']}" if m else "MISSED"
                print(f"  {g['name']} [{g['country']}] -> {found}")
            for e in pred["events"]:
                sentence = e["evidence"]["sentence"][:70]
                print(f"  {e['type']} {e['date']} ({e['date_source']}) {sentence}")


if __name__ == "__main__":
    main()
