"""Where `ingest` spends its time: per stage, over a folder of 100+ articles, on one core.

Run from the repo root:  .venv/bin/python bench/profile_ingest.py [--cprofile 25]
One process: builds the corpus (bench/corpus.py), warms up on a few articles (model and
tables load there), then runs `ingest` (eventwire.cli.ingest_sources, what the command runs)
over the whole folder into a fresh database with a timer around every stage, and prints
seconds and milliseconds per article per stage. `--cprofile N` adds the N functions with the
most own time. Process start (imports, model load) is timed apart, in subprocesses.
"""

from __future__ import annotations

import argparse  # noqa: E402
import cProfile  # noqa: E402
import functools  # noqa: E402
import importlib  # noqa: E402
import os  # noqa: E402
import pstats  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from collections.abc import Callable, Iterator, Sequence  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import throughput  # noqa: F401 - first: pins BLAS/OpenMP pools to one thread, keeps torch out
from corpus import BenchCorpus, build_corpus  # noqa: E402

# (stage, module, attribute): each wrapped where the pipeline looks it up. A name the tree
# no longer has is left out of the table (the script outlives refactorings).
STAGES: tuple[tuple[str, str, str], ...] = (
    ("read + clean (files, HTML)", "eventwire.ingest.sources", "read_article"),
    ("parse (spaCy)", "eventwire.analysis", "parse"),
    ("parse (spaCy)", "eventwire.nlp.pipeline", "parse_many"),
    ("actors", "eventwire.analysis", "resolve_actors"),
    ("quotes", "eventwire.analysis", "find_quotes"),
    ("dates", "eventwire.analysis", "date_events"),
    ("geo", "eventwire.analysis", "geoparse"),
    ("geo", "eventwire.analysis", "locate_events"),
    ("facts", "eventwire.analysis", "find_facts"),
    ("store (DuckDB writes)", "eventwire.store.db", "Store.save"),
    ("store (DuckDB writes)", "eventwire.store.db", "Store.save_many"),
    ("store (DuckDB writes)", "eventwire.store.db", "Store.has_article"),
)


@contextmanager
def stage_timers(totals: dict[str, float]) -> Iterator[None]:
    """Wrap every stage function with a wall-clock timer; nested calls are billed once."""
    undo: list[Callable[[], Any]] = []
    active: list[str] = []

    def timed(stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if active:  # inside another timed stage: its time is already billed
                return fn(*args, **kwargs)
            active.append(stage)
            start = time.perf_counter()
            try:
                result = fn(*args, **kwargs)
                if isinstance(result, Iterator):  # a generator: time its consumption
                    result = list(result)
                return result
            finally:
                totals[stage] += time.perf_counter() - start
                active.pop()

        return wrapper

    for stage, module_name, attr in STAGES:
        owner: Any = importlib.import_module(module_name)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = owner.__dict__.get(name)
        if original is None:
            continue
        setattr(owner, name, timed(stage, original))
        undo.append(functools.partial(setattr, owner, name, original))
    # the event coder is looked up by name in this table at call time, so wrap it there
    coders: dict[str, Any] = importlib.import_module("eventwire.analysis").CODERS
    for name, coder in list(coders.items()):
        coders[name] = timed("coding", coder)
        undo.append(functools.partial(coders.__setitem__, name, coder))
    try:
        yield
    finally:
        for restore in reversed(undo):
            restore()


def run_ingest(corpus: BenchCorpus, db: Path, files: Sequence[Path], workers: int = 1) -> Any:
    ingest_sources = throughput.quiet_ingest()
    return ingest_sources(
        [str(p) for p in files], db, published=corpus.published, workers=workers
    )


def start_cost(repeat: int) -> dict[str, float]:
    """Best-of-N seconds for a fresh interpreter to import the CLI, and to run `ingest` on
    one short article (imports, model load, one parse, one write)."""
    exe = str(Path(sys.executable).with_name("eventwire"))
    with tempfile.TemporaryDirectory() as tmp:
        story = Path(tmp) / "story.txt"
        story.write_text(
            "Ministers meet in Vienna\n\nThe foreign ministers of Austria and Slovenia met in "
            "Vienna on Monday and agreed to resume talks on their border.\n",
            encoding="utf-8",
        )
        commands = {
            "import eventwire.cli": [sys.executable, "-c", "import eventwire.cli"],
            "eventwire ingest (1 article)": [exe, "ingest", str(story), "--db", ""],
        }
        best: dict[str, float] = {}
        for _ in range(repeat):
            for name, command in commands.items():
                if command[-1] == "":
                    command = [*command[:-1], str(Path(tmp) / f"{time.time_ns()}.duckdb")]
                start = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True)
                took = time.perf_counter() - start
                best[name] = min(best.get(name, took), took)
    return best


def print_profile(totals: dict[str, float], wall: float, articles: int) -> None:
    print(f"{'stage':<28}{'seconds':>9}{'ms/article':>12}{'share':>8}")
    print("-" * 57)
    rows = sorted(totals.items(), key=lambda kv: -kv[1])
    other = wall - sum(totals.values())
    for stage, seconds in [*rows, ("other (ingest loop, ids)", other)]:
        print(
            f"{stage:<28}{seconds:>9.2f}{1000 * seconds / articles:>12.1f}"
            f"{seconds / wall:>8.1%}"
        )
    print(f"{'total':<28}{wall:>9.2f}{1000 * wall / articles:>12.1f}{1:>8.0%}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cprofile", type=int, default=0, metavar="N",
                        help="also print the N functions with the most own time")
    parser.add_argument("--start-repeat", type=int, default=3,
                        help="runs of the process-start measurement (best wins; 0 skips)")
    parser.add_argument("--no-pin", action="store_true", help="do not pin to one core")
    parser.add_argument("--html-pages", type=int, default=50,
                        help="HTML pages in the corpus beside the news texts (0: texts only)")
    args = parser.parse_args(argv)

    cpu = None if args.no_pin else throughput.pin_to_one_core(None)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = build_corpus(Path(tmp) / "corpus", html_pages=args.html_pages)
        files = corpus.files
        print(f"corpus: {len(files)} files ({corpus.note}); cpu {cpu}; "
              f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        run_ingest(corpus, Path(tmp) / "warm.duckdb", files[:5])  # model and tables load here
        totals: dict[str, float] = defaultdict(float)
        profiler = cProfile.Profile() if args.cprofile else None
        with stage_timers(totals):
            start = time.perf_counter()
            if profiler:
                profiler.enable()
            summary = run_ingest(corpus, Path(tmp) / "bench.duckdb", files)
            if profiler:
                profiler.disable()
            wall = time.perf_counter() - start
    print(f"ingest: {summary}\n")
    print_profile(totals, wall, len(files))
    if profiler:
        print()
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("tottime").print_stats(args.cprofile)
    if args.start_repeat:
        print("\nprocess start, best of", args.start_repeat)
        for name, seconds in start_cost(args.start_repeat).items():
            print(f"  {name:<30}{seconds:>6.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
