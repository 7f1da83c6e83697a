"""How the trained coder's out-of-fold figures grow with the number of training articles.

For each of the 5 folds (training/data/folds.tsv), the coder is fitted on a seeded random
share of the other folds' articles (the PLOVER sentences always whole, as `eventwire
evaluate` trains) and codes the fold's articles; all folds are scored together, as the
`oof` section scores them. Each share is drawn with several seeds; the spread between
seeds says how much of a step is the draw. The slope at the full share is what one more
batch of articles like these would be worth.

Usage: .venv/bin/python bench/learning_curve.py [--shares 0.25 0.5 0.75 1] [--seeds 3]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from statistics import mean

from eventwire.evaluate.run import default_data_dir
from eventwire.training.corpus import load_gold, parse_all
from eventwire.training.fit import Example, make_examples, news
from eventwire.training.folds import read_folds
from eventwire.training.oof import out_of_fold
from eventwire.training.plover import PLOVER_SET, load_plover, parse_sentences

KEYS = ("event_f1", "event_type_f1", "target_accuracy")


def subsample(
    examples: list[Example], folds: dict[str, int], share: float, seed: int
) -> list[Example]:
    """The PLOVER sentences and a seeded share of each fold's articles. Every article
    stays in the test folds: only what the other folds train on shrinks."""
    rng = random.Random(seed)
    keep: set[str] = set()
    for k in sorted(set(folds.values())):
        ids = sorted(ex.id for ex in news(examples) if folds.get(ex.id) == k)
        keep |= set(rng.sample(ids, max(1, round(share * len(ids)))))
    return [ex for ex in examples if ex.domain == PLOVER_SET or ex.id in keep]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--shares", type=float, nargs="+", default=[0.25, 0.5, 0.75, 1.0])
    ap.add_argument("--seeds", type=int, default=3)
    args = ap.parse_args()
    data = args.data or default_data_dir()
    articles = make_examples(parse_all(load_gold(data)))
    sentences = make_examples(parse_sentences(load_plover(data)), PLOVER_SET)
    folds = read_folds()
    print("share  train articles/fold  " + "  ".join(f"{k:>15}" for k in KEYS))
    for share in args.shares:
        runs = []
        for seed in range(1 if share >= 1 else args.seeds):
            trained = {ex.id for ex in subsample(articles + sentences, folds, share, seed)}
            runs.append(out_of_fold(articles + sentences, folds=folds, train_ids=trained))
        n_train = round(share * len(news(articles)) * 4 / 5)
        cells = []
        for key in KEYS:
            values = [r[key] for r in runs]
            spread = f"±{(max(values) - min(values)) / 2:.3f}" if len(values) > 1 else "      "
            cells.append(f"{mean(values):.3f} {spread}")
        print(f"{share:5.2f}  {n_train:19d}  " + "  ".join(f"{c:>15}" for c in cells))


if __name__ == "__main__":
    main()
