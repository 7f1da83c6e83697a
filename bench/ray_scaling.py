"""Scaling efficiency of the Ray Data job: 1 analysis actor against 2, same corpus.

Run from the repo root:  .venv/bin/python bench/ray_scaling.py [--repeat 2] [--actors 2]
Starts a local Ray (actors + 1 logical CPUs, so reading and writing keep a slot beside the
actors), then runs `eventwire.scale.ray_job.run_ray_job` over the bench corpus
(bench/corpus.py) with 1 actor and with N, alternating, best pass wins. A pass includes
starting the actors (each loads the model), as a real job does. Efficiency is
(time with 1 actor) / (N x time with N). Peak RSS per actor is read from /proc (VmHWM of
the `ray::` worker processes) while the jobs run.
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import throughput  # noqa: F401 - first: one BLAS/OpenMP thread per process, no torch
from corpus import build_corpus


class PeakRss:
    """Samples the peak RSS (VmHWM) of every Ray map worker process until stopped."""

    def __init__(self) -> None:
        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    title = Path(f"/proc/{pid}/cmdline").read_bytes()
                    if not title.startswith(b"ray::") or b"Map" not in title:
                        continue
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        kib = int(line.split()[1])
                        self.peaks[int(pid)] = max(self.peaks.get(int(pid), 0), kib / 1024)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="passes per mode (best wins)")
    parser.add_argument("--actors", type=int, default=2, help="actors to compare with 1")
    parser.add_argument("--batch-size", type=int, default=8, help="documents per batch")
    args = parser.parse_args(argv)
    try:
        import ray
        import ray.data
    except ImportError:
        print("Ray Data is not installed (pip install 'eventwire[distributed]'): skipped")
        return 0
    from eventwire.scale.ray_job import run_ray_job

    with tempfile.TemporaryDirectory() as tmp:
        corpus = build_corpus(Path(tmp) / "corpus")
        print(
            f"corpus: {len(corpus.files)} files ({corpus.note}); {os.cpu_count()} CPUs; "
            f"load average {throughput.load_average()}"
        )
        start = time.perf_counter()
        ray.init(
            num_cpus=args.actors + 1, include_dashboard=False, log_to_driver=False,
            configure_logging=False,
        )  # fmt: skip
        ray.data.DataContext.get_current().enable_progress_bars = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)  # the figures, not the plan
        print(f"ray.init: {time.perf_counter() - start:.1f} s")
        best: dict[int, float] = {}
        summary: dict[str, object] = {}
        with PeakRss() as rss:
            for round_ in range(args.repeat):
                order = (1, args.actors) if round_ % 2 == 0 else (args.actors, 1)
                for actors in order:
                    out = Path(tmp) / f"out-{time.time_ns()}"
                    start = time.perf_counter()
                    summary = run_ray_job(
                        [str(corpus.folder)], out, batch_size=args.batch_size,
                        concurrency=actors, num_cpus=1.0,
                    )  # fmt: skip
                    seconds = time.perf_counter() - start
                    best[actors] = min(best.get(actors, seconds), seconds)
                    print(f"  round {round_ + 1}: {actors} actor(s): {seconds:6.2f} s")
        ray.shutdown()

    one, many = best[1], best[args.actors]
    print(f"\nray job, 1 actor: {one:.2f} s; {args.actors} actors: {many:.2f} s ({summary})")
    print(
        f"speed-up {one / many:.2f}x; scaling efficiency {one / (args.actors * many):.0%} "
        f"(1.0 = perfect; {os.cpu_count()} cores)"
    )
    if rss.peaks:
        print(f"peak RSS per actor: {max(rss.peaks.values()):.0f} MiB (largest of "
              f"{len(rss.peaks)} worker processes)")
    print(f"load average at the end: {throughput.load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
