"""`kill -9` of `ingest` at many points: how many the store survives.

Run from the repo root:  .venv/bin/python bench/crash_safety.py [--writes 9] [--random 6]

Sixteen articles (the demo corpus twice, each copy its own text) are ingested once cleanly,
counting INSERT statements and commits (tests/crash_points.py). Then `ingest` runs again on
a fresh store and is killed with SIGKILL: `--writes` times right after an INSERT (spread
evenly over all of them, so inside open transactions) or a commit, and `--random` times at
a random moment after its first article is committed. After each kill the store must open,
hold every article with all the rows it has in the clean run or none of them, hold no
event without a report, and a second `ingest` must store the rest, each article exactly
once. Then `--races` times two `ingest` processes start together on one store: one must be
refused with E041 (or run after the other) and the store must be complete.

Prints each kill point (articles stored when killed, problems found) and
`kill points survived: N/M`. Figures, not a test; tests/test_crash_safety.py runs five
points in CI.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # tests.crash_points: one definition of points and checks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=9, help="kills at an INSERT or commit")
    parser.add_argument("--random", type=int, default=6, help="kills at a random moment")
    parser.add_argument("--races", type=int, default=2, help="two ingests on one store")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()

    from tests.crash_points import (
        article_rows,
        counting,
        ingest_command,
        kill_after,
        kill_at_write,
        problems,
        write_articles,
    )
    from typer.testing import CliRunner

    from eventwire.cli import app

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="eventwire-crash-") as tmp:
        folder = Path(tmp)
        inputs = write_articles(folder / "in", copies=2)
        clean = folder / "clean.duckdb"
        with counting() as counts:  # in this process, to count its writes
            run = CliRunner().invoke(app, ["ingest", *map(str, inputs), "--db", str(clean),
                                           "--published", "2025-03-11"])  # fmt: skip
        assert run.exit_code == 0, run.output
        reference = article_rows(clean)
        inserts, commits = counts["insert"], counts["commit"]
        print(f"{len(inputs)} articles; a clean run makes {inserts} INSERTs and {commits} "
              f"commits; load average {os.getloadavg()[0]:.1f}")  # fmt: skip

        points: list[tuple[str, float]] = []
        for n in range(args.writes):
            if n % 4 == 3:
                points.append(("commit", 2 + (n * (commits - 2)) // args.writes))
            else:
                points.append(("insert", 1 + (n * inserts) // args.writes))
        points += [("random", rng.uniform(0.0, 1.2)) for _ in range(args.random)]

        survived = finished = 0
        for n, (kind, at) in enumerate(points):
            db = folder / f"kill-{n}.duckdb"
            start = time.perf_counter()
            if kind == "random":
                status = kill_after(db, inputs, at)
                where = f"after {at:.2f} s"
            else:
                status = kill_at_write(db, inputs, kind, int(at))
                where = f"at {kind} {int(at)}"
            stored = len(article_rows(db))
            found = problems(db, reference)
            rerun = subprocess.run(ingest_command(db, inputs), capture_output=True, text=True)
            if rerun.returncode != 0 or article_rows(db) != reference:
                found.append(f"re-run: exit {rerun.returncode}, store differs from a clean run")
            survived += not found
            finished += status == 0  # a random kill that came after the end
            print(f"kill {n + 1:>2} {where:<16} exit {status:>3}  {stored:>2} stored before, "
                  f"{time.perf_counter() - start:5.1f} s  {'; '.join(found) or 'ok'}",
                  flush=True)  # fmt: skip

        races_ok = 0
        for n in range(args.races):
            db = folder / f"race-{n}.duckdb"
            procs = [subprocess.Popen(ingest_command(db, inputs), stderr=subprocess.PIPE,
                                      text=True) for _ in range(2)]  # fmt: skip
            runs = [(p.communicate()[1], p.returncode) for p in procs]
            refused = [err for err, status in runs if status == 2]
            ok = sorted(s for _, s in runs) in ([0, 0], [0, 2]) and all(
                " E041 " in err for err in refused
            ) and article_rows(db) == reference
            races_ok += ok
            print(f"race {n + 1}: exits {[s for _, s in runs]}, "
                  f"{'E041 for the second' if refused else 'one after the other'}: "
                  f"{'ok' if ok else 'FAILED'}")  # fmt: skip
        print(f"kill points survived: {survived}/{len(points)} ({finished} ended before their "
              f"kill); two ingests on one store: "
              f"{races_ok}/{args.races} refused or serialised, never corrupt")  # fmt: skip


if __name__ == "__main__":
    main()
