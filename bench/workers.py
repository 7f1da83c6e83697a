"""`eventwire ingest --workers 2` against `--workers 1` on the same corpus: speed-up, memory.

Run from the repo root:  .venv/bin/python bench/workers.py [--repeat 3] [--workers 2]
Runs the command as a user does, each pass a fresh process ingesting the bench corpus
(bench/corpus.py, 100+ articles) into a fresh database, so both sides pay their start
(imports, model, tables): in the main process with one worker, in every worker with a
pool. The modes alternate pass by pass (ABBA); the best pass of each wins. Also printed:
the CPU seconds of each pass (the command and its workers), which waiting for a core does
not inflate, and the peak RSS (VmHWM) of every worker process, read from /proc.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import throughput  # noqa: F401 - first: one BLAS/OpenMP thread per process, no torch
from corpus import build_corpus


def reap_orphans() -> None:
    """Become the reaper of orphaned descendants (Linux), so that the CPU of the pool's fork
    server and of the workers it forks, which the command does not wait for, is counted."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass  # elsewhere the CPU of forked workers goes uncounted


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _status(pid: int) -> dict[str, str]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return fields


def run(command: list[str]) -> tuple[float, float, list[float]]:
    """Wall seconds, CPU seconds (the process and its children) and the peak RSS in MiB of
    each child process of the command (its workers), sampled every 0.2 s."""
    peaks: dict[int, float] = {}
    cpu = children_cpu()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    parents = {str(process.pid)}  # the command, and its fork server once it has one

    def sample() -> None:
        while process.poll() is None:
            for name in filter(str.isdigit, os.listdir("/proc")):
                try:
                    status = _status(int(name))
                    cmdline = Path(f"/proc/{name}/cmdline").read_bytes()
                    if status.get("PPid") == str(process.pid) and b"forkserver" in cmdline:
                        parents.add(name)
                        continue  # the server itself is no worker
                    if status.get("PPid") in parents and "VmHWM" in status:
                        peak = int(status["VmHWM"].split()[0]) / 1024
                        peaks[int(name)] = max(peaks.get(int(name), 0.0), peak)
                except (OSError, ValueError):
                    continue
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    process.wait()
    wall = time.perf_counter() - start
    sampler.join()
    while True:  # the fork server, orphaned when the command ends, exits in a moment
        try:
            os.wait()
        except ChildProcessError:
            break
    # the pool's small helper (multiprocessing's resource tracker) is no worker
    workers = [p for p in peaks.values() if p > 100]
    return wall, children_cpu() - cpu, workers


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes per mode (best wins)")
    parser.add_argument("--workers", type=int, default=2, help="pool size to compare with 1")
    parser.add_argument("--html-pages", type=int, default=50,
                        help="HTML pages in the corpus beside the news texts (up to 181)")
    args = parser.parse_args(argv)
    exe = str(Path(sys.executable).with_name("eventwire"))
    reap_orphans()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = build_corpus(Path(tmp) / "corpus", html_pages=args.html_pages)
        print(
            f"corpus: {len(corpus.files)} files ({corpus.note}); {os.cpu_count()} CPUs; "
            f"load average {throughput.load_average()}"
        )
        wall: dict[int, float] = {}
        cpu: dict[int, float] = {}
        rss: list[float] = []
        for round_ in range(args.repeat):
            order = (1, args.workers) if round_ % 2 == 0 else (args.workers, 1)
            for workers in order:
                db = Path(tmp) / f"{time.time_ns()}.duckdb"
                command = [exe, "ingest", str(corpus.folder), "--db", str(db)]
                seconds, cpu_s, peaks = run([*command, "--workers", str(workers)])
                wall[workers] = min(wall.get(workers, seconds), seconds)
                cpu[workers] = min(cpu.get(workers, cpu_s), cpu_s)
                if workers > 1:
                    rss += peaks
                print(
                    f"  round {round_ + 1}: --workers {workers}: {seconds:6.2f} s wall, "
                    f"{cpu_s:6.2f} s CPU"
                )

    one, many = wall[1], wall[args.workers]
    print(f"\neventwire ingest --workers 1: {one:.2f} s, --workers {args.workers}: {many:.2f} s")
    print(f"speed-up, {args.workers} workers vs 1: {one / many:.2f}x (goal >= 1.8x, 2 idle cores)")
    print(
        f"CPU per pass: {cpu[1]:.2f} s with 1 worker, {cpu[args.workers]:.2f} s with "
        f"{args.workers} (the difference: each worker's start); an idle machine allows "
        f"about {args.workers * cpu[1] / cpu[args.workers]:.2f}x"
    )
    if rss:
        print(f"peak RSS per worker: {max(rss):.0f} MiB at most, {min(rss):.0f} MiB at least "
              f"(goal <= 700)")
    print(f"load average at the end: {throughput.load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
