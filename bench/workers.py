"""`ingest --workers 2` against `--workers 1` on the same corpus: speed-up and memory.

Run from the repo root:  .venv/bin/python bench/workers.py [--repeat 3] [--workers 2]
One process, not pinned: the modes alternate pass by pass (ABBA), each pass ingesting the
bench corpus (bench/corpus.py, 100+ articles) into a fresh database through
`eventwire.cli.ingest_sources`, what `eventwire ingest` runs; best pass wins. A pass with a
pool pays for spawning its workers and loading the model in each; that start is timed
apart on two short articles and shown, and the speed-up is given with and without it.
Peak RSS per worker is the largest resident size any worker process reached.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import throughput  # noqa: F401 - first: one BLAS/OpenMP thread per process, no torch
from corpus import build_corpus


def children_peak_rss_mib() -> float:
    """Largest peak RSS of any child process waited for so far (the pool's workers)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def cpu_seconds() -> float:
    """User + system CPU of this process and of the children waited for (pool workers)."""
    me, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes per mode (best wins)")
    parser.add_argument("--workers", type=int, default=2, help="pool size to compare with 1")
    args = parser.parse_args(argv)

    ingest_sources = throughput.quiet_ingest()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = build_corpus(Path(tmp) / "corpus")
        files = [str(p) for p in corpus.files]
        print(
            f"corpus: {len(files)} files ({corpus.note}); {os.cpu_count()} CPUs; "
            f"load average {throughput.load_average()}"
        )

        cpu: dict[int, float] = {}

        def one_pass(workers: int, specs: list[str]) -> tuple[float, dict[str, int]]:
            db = Path(tmp) / f"{time.time_ns()}.duckdb"
            cpu_before = cpu_seconds()
            start = time.perf_counter()
            summary = ingest_sources(specs, db, published=corpus.published, workers=workers)
            seconds = time.perf_counter() - start
            cpu[workers] = cpu_seconds() - cpu_before  # the last pass's: all alike but noise
            return seconds, summary

        one_pass(1, files[:5])  # warm-up: this process loads the model and its tables
        start_s = min(one_pass(args.workers, files[:2])[0] for _ in range(2))
        rss_after_start = children_peak_rss_mib()
        best: dict[int, float] = {}
        summaries: dict[int, dict[str, int]] = {}
        for round_ in range(args.repeat):
            order = (1, args.workers) if round_ % 2 == 0 else (args.workers, 1)
            for workers in order:
                seconds, summaries[workers] = one_pass(workers, files)
                best[workers] = min(best.get(workers, seconds), seconds)
                print(
                    f"  round {round_ + 1}: --workers {workers}: {seconds:6.2f} s wall, "
                    f"{cpu[workers]:6.2f} s CPU (this process and its workers)"
                )
        worker_rss = children_peak_rss_mib()

    one, many = best[1], best[args.workers]
    print(f"\ningest --workers 1: {one:.2f} s ({summaries[1]})")
    print(f"ingest --workers {args.workers}: {many:.2f} s ({summaries[args.workers]})")
    print(f"pool start ({args.workers} workers spawned, model loaded in each): {start_s:.2f} s")
    print(
        f"CPU per pass: {cpu[1]:.2f} s with 1 worker, {cpu[args.workers]:.2f} s with "
        f"{args.workers} (the extra is the workers' start): the speed-up an idle machine "
        f"allows is about {args.workers * cpu[1] / cpu[args.workers]:.2f}x"
    )
    print(f"speed-up, {args.workers} workers vs 1: {one / many:.2f}x (goal >= 1.8x, 2 idle cores)")
    if many > start_s:
        print(f"speed-up without the pool's start: {one / (many - start_s):.2f}x")
    print(
        f"peak RSS per worker: {worker_rss:.0f} MiB (goal <= 700; "
        f"{rss_after_start:.0f} MiB after start and two articles)"
    )
    print(f"load average at the end: {throughput.load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
