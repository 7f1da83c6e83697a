"""Where the trained coder loses, out of fold: the breakdown docs/coding.md quotes.

For each of the 5 folds (training/data/folds.tsv), a model fitted on the other folds (as
`eventwire evaluate` fits it, PLOVER sentences included) codes the fold's articles, and each
gold event is put in one bin:

- `no candidate`: no candidate of its type in its sentence (candidate recall);
- `rejected`: a candidate of its type is there, the event model does not accept it (or
  accepts another type for that word);
- `found`: an event of its type is coded in its sentence; then each side gold names is
  `right`, `empty`, `wrong` (the rules' reading or the argument model), or `unresolved`
  (no actor of the article matches the gold name).

Usage: .venv/bin/python bench/oof_errors.py [--data DIR] [--show no-candidate|rejected|sides]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from eventwire.coding.learned import Scores, decode
from eventwire.evaluate.devgold import evidence_overlaps
from eventwire.evaluate.run import default_data_dir
from eventwire.model import Event
from eventwire.training.align import gold_sides, matching_actors
from eventwire.training.corpus import load_gold, parse_all
from eventwire.training.fit import Example, Settings, fit_model, make_examples, news
from eventwire.training.folds import FOLDS, read_folds
from eventwire.training.plover import PLOVER_SET, load_plover, parse_sentences

SIDES = ("source", "target")


def _side_bin(ex: Example, names: tuple[str, ...] | None, hits: list[Event], side: str) -> str:
    if names is None:
        return "gold none, coded some" if any(getattr(h, side) for h in hits) else "gold none"
    ids = matching_actors(ex.parsed.actors, names)
    coded = {a for h in hits for a in getattr(h, side)}
    if ids & coded:
        return "right"
    if not ids:
        return "unresolved"
    by = "rules" if "rules" in hits[0].why.get(side, "") else "model"
    return f"{'empty' if not coded else 'wrong'} ({by})"


def breakdown(examples: list[Example], show: str | None) -> Counter[str]:
    folds = read_folds()
    bins: Counter[str] = Counter()
    for k in range(FOLDS):
        train = [ex for ex in examples if ex.id in folds and folds[ex.id] != k]
        test = [ex for ex in news(examples) if folds.get(ex.id) == k]
        if not test:
            continue
        model = fit_model(train, Settings())
        for ex in test:
            scores = Scores(ex.feats, model)
            cands = ex.feats.art.candidates
            events = decode(ex.feats, model, scores=scores)
            for g, sides in zip(ex.gold["events"], gold_sides(ex.gold), strict=True):
                same = [
                    i
                    for i, c in enumerate(cands)
                    if c.type == g["type"] and evidence_overlaps(c.evidence.sentence, g["evidence"])
                ]
                hits = [
                    e
                    for e in events
                    if e.type == g["type"] and evidence_overlaps(e.evidence.sentence, g["evidence"])
                ]
                if not hits:
                    what = "rejected" if same else "no candidate"
                    bins[what] += 1
                    if show == what.replace(" ", "-"):
                        best = max(same, key=lambda i: scores.events[i], default=None)
                        p = f"p={scores.events[best]:.2f} " if best is not None else ""
                        print(f"{what}: {g['type']} {p}| {g['evidence'][:110]}")
                    continue
                bins["found"] += 1
                for side in SIDES:
                    verdict = _side_bin(ex, getattr(sides, side), hits, side)
                    bins[f"{side}: {verdict}"] += 1
                    if show == "sides" and verdict.startswith(("empty", "wrong")):
                        print(f"{side} {verdict}: {g['type']} | {g['evidence'][:110]}")
    return bins


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--show", choices=("no-candidate", "rejected", "sides"), default=None)
    args = ap.parse_args()
    data = args.data or default_data_dir()
    examples = make_examples(parse_all(load_gold(data)))
    examples += make_examples(parse_sentences(load_plover(data)), PLOVER_SET)
    bins = breakdown(examples, args.show)
    total = bins["found"] + bins["rejected"] + bins["no candidate"]
    print(f"gold events: {total}")
    for key in sorted(bins):
        print(f"  {key}: {bins[key]}")


if __name__ == "__main__":
    main()
