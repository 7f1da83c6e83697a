"""Who and when on the held-out sets under bench/holdout/whowhen* (issue 12): the same
actor and date measures `eventwire evaluate` reports for dev-gold and train-gold, on articles
written for this check.

    .venv/bin/python bench/holdout_whowhen.py [--set whowhen2] [--detail]
    .venv/bin/python bench/holdout_whowhen.py --all [whowhen5 dev-gold ...]

`--all` prints one line per set (every whowhen set, then ../shared's dev-gold and train-gold
when present): recall, actor precision, country, code share, dates, matched events, event F1.
It never prints a set's errors, so a blind set stays blind.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventwire.evaluate.devgold import _gold_match as gold_match
from eventwire.evaluate.devgold import (
    actor_forms,
    analyze_gold_doc,
    gold_forms,
    load_devgold,
    matching_actor,
    score_devgold,
)

HOLDOUT = Path(__file__).resolve().parent / "holdout"
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
MEASURES = ("docs", "actor_recall", "actor_country_accuracy", "actor_code_share",
            "actors_with_country", "date_accuracy", "events_matched")  # fmt: skip
TABLE = (
    ("recall", "actor_recall"), ("prec", "actor_precision"),
    ("country", "actor_country_accuracy"), ("code", "actor_code_share"),
    ("dates", "date_accuracy"), ("matched", "events_matched"), ("ev_f1", "event_f1"),
)  # fmt: skip


def set_folders(names: list[str]) -> dict[str, Path]:
    """Every whowhen set, then dev-gold and train-gold if ../shared is beside the repo."""
    folders = {p.name: p for p in sorted(HOLDOUT.glob("whowhen*")) if (p / "gold").is_dir()}
    for name in ("dev-gold", "train-gold"):
        if (SHARED_DATA / name / "gold").is_dir():
            folders[name] = SHARED_DATA / name
    if names:
        unknown = sorted(set(names) - set(folders))
        if unknown:
            raise SystemExit(f"unknown set(s): {', '.join(unknown)}")
        folders = {n: folders[n] for n in names}
    return folders


def print_table(names: list[str]) -> None:
    print(f"{'set':<12}" + "".join(f"{head:>9}" for head, _ in TABLE))
    for name, folder in set_folders(names).items():
        scores = score_devgold(folder)
        print(f"{name:<12}" + "".join(f"{scores[key]:>9}" for _, key in TABLE), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="whowhen", help="a folder under bench/holdout")
    ap.add_argument("--detail", action="store_true",
                    help="every gold actor and its match, then the actors no gold actor matches")
    ap.add_argument("--all", nargs="*", metavar="SET", help="one line per set (default: all)")
    args = ap.parse_args()
    if args.all is not None:
        print_table(args.all)
        return
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
            golds = [gold_forms(g) for g in doc.gold["actors"]]
            for a, f in zip(pred["actors"], forms, strict=True):
                if not any(f & g for g in golds):  # what lowers actor precision
                    print(f"  FALSE {a['name']} ({a['kind']} {a['country']} {a['code']})")
            for e in pred["events"]:
                sentence = e["evidence"]["sentence"][:70]
                print(f"  {e['type']} {e['date']} ({e['date_source']}) {sentence}")
            for g in doc.gold["events"]:  # the matched events whose date is wrong
                hit = next((e for e in pred["events"] if gold_match(e, [g]) is not None), None)
                if hit is not None and hit["date"] != g["date"]:
                    print(f"  DATE gold {g['date']} engine {hit['date']} ({hit['date_source']}) "
                          f"{g['type']}: {hit['evidence']['sentence'][:70]}")


if __name__ == "__main__":
    main()
