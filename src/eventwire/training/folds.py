"""The fixed 5-fold split of the gold articles by document (data/folds.tsv), and of the
PLOVER gold sentences (each its own document), dealt separately so either list can grow
without moving the other's folds.

Made once with `python -m eventwire.training.folds` (seeded) and kept in the repository, so
every out-of-fold figure is measured on the same split. An article added to the gold
folders later gets no fold until the file is regenerated; `eventwire train` still trains on
it, and the out-of-fold evaluation says it left it out.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from eventwire.datafiles import tsv_records

FOLDS = 5
SEED = 11
FOLDS_FILE = "folds.tsv"


def assign_folds(doc_ids: list[str], k: int = FOLDS, seed: int = SEED) -> dict[str, int]:
    """Document id -> fold 0..k-1: a seeded shuffle of the sorted ids, dealt in turn."""
    ids = sorted(doc_ids)
    random.Random(seed).shuffle(ids)
    return {doc_id: i % k for i, doc_id in enumerate(ids)}


def read_folds() -> dict[str, int]:
    return {r["doc"]: int(r["fold"]) for r in tsv_records("eventwire.training", FOLDS_FILE)}


def write_folds(folds: dict[str, int], sets: dict[str, str], path: Path) -> None:
    lines = [
        "# Gold articles and PLOVER gold sentences with their cross-validation fold, by document;",
        f"# written by `python -m eventwire.training.folds` (seed {SEED}). Do not edit by hand.",
        "doc\tset\tfold",
        *(f"{d}\t{sets[d]}\t{f}" for d, f in sorted(folds.items(), key=lambda x: (x[1], x[0]))),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    from eventwire.evaluate.run import default_data_dir
    from eventwire.training.corpus import GOLD_SETS
    from eventwire.training.plover import PLOVER_SET, load_plover

    data_dir = Path(argv[0]) if argv else default_data_dir()
    sets = {
        p.stem: name
        for name in GOLD_SETS
        for p in sorted((data_dir / name / "gold").glob("*.json"))
    }
    folds = assign_folds(list(sets))
    sentences = [d.id for d in load_plover(data_dir)]
    folds |= assign_folds(sentences)
    sets |= dict.fromkeys(sentences, PLOVER_SET)
    out = Path(__file__).resolve().parent / "data" / FOLDS_FILE
    write_folds(folds, sets, out)
    print(f"{len(folds)} articles and sentences in {FOLDS} folds written to {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
