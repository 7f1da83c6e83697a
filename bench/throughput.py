"""Throughput and memory of eventwire on one core: spaCy alone vs the whole pipeline.

Run from the repo root:  .venv/bin/python bench/throughput.py [--texts DIR] [--repeat N]
Everything runs in this one process, the modes alternating pass by pass; see
bench/README.md for what each figure means.
"""

from __future__ import annotations

import os
import sys

# Thread pools size themselves at import time, so pin them before numpy/spaCy load:
# one core means one thread, or the figures measure contention, not eventwire.
for _var in (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "BLIS_NUM_THREADS",
):
    os.environ[_var] = "1"
# thinc imports torch opportunistically; a None entry makes that import fail fast, so the
# benchmark stays torch-free (the pipeline never needs it) even where torch is installed.
sys.modules.setdefault("torch", None)  # type: ignore[arg-type]

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from dataclasses import asdict, dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
NEWS_TEXTS = (SHARED_DATA / "train-gold" / "docs", SHARED_DATA / "dev-gold" / "docs")


@dataclass(slots=True)
class Corpus:
    name: str
    paths: list[Path]
    texts: list[str]
    published: list[str | None]

    @property
    def words(self) -> int:
        return sum(len(t.split()) for t in self.texts)


@dataclass(slots=True)
class Measurement:
    mode: str
    runs: list[float] = field(default_factory=list)  # wall seconds per pass over the corpus
    cpu_runs: list[float] = field(default_factory=list)  # this process's CPU seconds per pass
    articles: int = 0
    words: int = 0
    peak_rss_mib: float = 0.0  # process peak so far, read right after this mode ran

    @property
    def best(self) -> float:
        return min(self.runs)

    @property
    def best_cpu(self) -> float:
        return min(self.cpu_runs) if self.cpu_runs else float("nan")

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    def articles_per_s(self) -> float:
        return self.articles / self.best

    def words_per_s(self) -> float:
        return self.words / self.best

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(
            best_s=self.best,
            median_s=self.median,
            articles_per_s=self.articles_per_s(),
            words_per_s=self.words_per_s(),
        )
        return out


def peak_rss_mib() -> float:
    # ru_maxrss is KiB on Linux and bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def current_rss_mib() -> float | None:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def pin_to_one_core(cpu: int | None) -> int | None:
    """Pin this process to one CPU (the first one allowed, unless told which)."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0))
    target = cpu if cpu is not None else allowed[0]
    os.sched_setaffinity(0, {target})
    return target


def default_texts_dirs() -> list[Path]:
    """The news texts of ../shared/data (train-gold and dev-gold), else the demo corpus."""
    found = [d for d in NEWS_TEXTS if d.is_dir()]
    if found:
        return found
    from eventwire.demo import demo_dir

    return [demo_dir()]


def load_corpus(directories: Sequence[Path], limit: int | None) -> Corpus:
    paths = sorted(p for d in directories for p in d.glob("*.txt"))[:limit]
    if not paths:
        raise SystemExit(f"no *.txt files in {', '.join(map(str, directories))}")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    return Corpus(
        " + ".join(f"{d.parent.name}/{d.name}" for d in directories),
        paths,
        texts,
        [_published_for(p) for p in paths],
    )


def _published_for(path: Path) -> str | None:
    """The stated publication date, if the corpus records one (dev-gold meta or demo map)."""
    meta = path.with_suffix(".meta.json")
    if meta.is_file():
        value = json.loads(meta.read_text(encoding="utf-8")).get("published")
        return value if isinstance(value, str) else None
    published = path.parent / "published.json"
    if published.is_file():
        value = json.loads(published.read_text(encoding="utf-8")).get(path.name)
        return value if isinstance(value, str) else None
    return None


def measure(mode: str, corpus: Corpus, repeat: int, one_pass: Callable[[], object]) -> Measurement:
    return measure_alternating({mode: one_pass}, corpus, repeat)[0]


def measure_alternating(
    modes: dict[str, Callable[[], object]], corpus: Corpus, repeat: int
) -> list[Measurement]:
    """`repeat` rounds of one pass per mode, the order reversed every other round (ABBA),
    so a burst of load from elsewhere falls on every mode alike; best pass wins."""
    results = {m: Measurement(m, articles=len(corpus.texts), words=corpus.words) for m in modes}
    for round_ in range(repeat):
        order = list(modes) if round_ % 2 == 0 else list(reversed(modes))
        for mode in order:
            start, cpu = time.perf_counter(), time.process_time()
            modes[mode]()
            results[mode].runs.append(time.perf_counter() - start)
            results[mode].cpu_runs.append(time.process_time() - cpu)
            results[mode].peak_rss_mib = max(results[mode].peak_rss_mib, peak_rss_mib())
    return list(results.values())


def quiet_ingest() -> Callable[..., dict[str, int]]:
    """`eventwire.cli.ingest_sources` (what `eventwire ingest` runs), its progress bar muted."""
    import io

    from rich.console import Console

    import eventwire.cli as cli

    cli.err = Console(file=io.StringIO(), width=100)
    return cli.ingest_sources


def ingest_pass(corpus: Corpus, workers: int = 1) -> Callable[[], object]:
    """One `eventwire ingest` of the corpus files into a fresh database, in this process:
    reading, cleaning, parsing, every stage and the store's writes (progress bar muted)."""
    import tempfile

    ingest_sources = quiet_ingest()
    published = {p.name: d for p, d in zip(corpus.paths, corpus.published, strict=True) if d}

    def one_pass() -> object:
        with tempfile.TemporaryDirectory() as tmp:
            return ingest_sources(
                [str(p) for p in corpus.paths], Path(tmp) / "bench.duckdb",
                published=published, workers=workers,
            )  # fmt: skip

    return one_pass


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def measure_stages(
    corpus: Corpus,
    repeat: int,
    analyze: Callable[..., object],
    coder: str | None = None,
    mode: str = "stages after parse",
) -> Measurement:
    """The pipeline with every text parsed beforehand: what eventwire adds to spaCy. Each
    pass starts from a clean parse (the stages' per-document caches are emptied). `coder`
    names the event coder (default: the pipeline's)."""
    import eventwire.analysis as analysis

    docs: dict[str, Any] = {}  # keyed by the cleaned text the pipeline parses
    parse = analysis.parse

    def parsed(text: str) -> Any:
        doc = docs.get(text)
        if doc is None:
            doc = docs[text] = parse(text)
        doc.user_data.clear()
        return doc

    def stages_pass() -> None:
        for text, published in zip(corpus.texts, corpus.published, strict=True):
            analyze(text, published=published, coder=coder)

    analysis.parse = parsed  # type: ignore[assignment]
    try:
        stages_pass()  # warm-up: parses every text once
        return measure(mode, corpus, repeat, stages_pass)
    finally:
        analysis.parse = parse  # type: ignore[assignment]


def import_analyze() -> tuple[Callable[..., object] | None, str | None]:
    try:
        from eventwire.analysis import analyze
    except Exception as exc:  # any stage failing to import means: spaCy only
        return None, f"{type(exc).__name__}: {exc}"
    return analyze, None


def print_table(
    results: Sequence[Measurement], baseline: Measurement | None, out: Any = sys.stdout
) -> None:
    header = (
        f"{'mode':<22}{'best s':>9}{'median s':>10}{'CPU s':>8}{'articles/s':>12}"
        f"{'words/s':>10}{'x spaCy':>9}{'peak MiB':>10}"
    )
    print(header, file=out)
    print("-" * len(header), file=out)
    for m in results:
        ratio = f"{m.best / baseline.best:.2f}" if baseline else "-"
        print(
            f"{m.mode:<22}{m.best:>9.3f}{m.median:>10.3f}{m.best_cpu:>8.2f}"
            f"{m.articles_per_s():>12.2f}"
            f"{m.words_per_s():>10.0f}{ratio:>9}{m.peak_rss_mib:>10.0f}",
            file=out,
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--texts",
        type=Path,
        action="append",
        default=None,
        help="directory of *.txt articles, repeatable (default: the train-gold and dev-gold "
        "news texts of ../shared/data if present, else the bundled demo corpus)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per mode (best wins)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N files")
    parser.add_argument(
        "--batch-size", type=int, default=None, help="batch size of raw spaCy's nlp.pipe "
        "(default: spaCy's own, 1000: the whole corpus in one batch)"
    )
    parser.add_argument("--cpu", type=int, default=None, help="CPU to pin to (default: first)")
    parser.add_argument("--no-pin", action="store_true", help="do not pin to one core")
    parser.add_argument("--spacy-only", action="store_true", help="skip the whole pipeline")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT", help="write results")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    cpu = None if args.no_pin else pin_to_one_core(args.cpu)
    dirs = args.texts or default_texts_dirs()
    corpus = load_corpus(dirs, args.limit)
    rss_start = peak_rss_mib()

    start = time.perf_counter()
    import spacy

    from eventwire.nlp.pipeline import MODEL_NAMES, load_nlp

    nlp = load_nlp()
    load_s = time.perf_counter() - start
    # raw spaCy: the model as spaCy ships it, none of eventwire's changes
    raw = spacy.load(next(n for n in MODEL_NAMES if importlib.util.find_spec(n)))
    rss_loaded = peak_rss_mib()

    print(
        f"corpus {corpus.name}: {len(corpus.texts)} articles, {corpus.words} words; "
        f"model {nlp.meta.get('name')} {nlp.meta.get('version')} loaded in {load_s:.2f}s; "
        f"cpu {cpu if cpu is not None else 'unpinned'}; repeat {args.repeat}; "
        f"load average {load_average()}"
    )

    # Import the stages now so a broken tree is reported before minutes of timing.
    pipeline_error: str | None = None
    analyze = None
    if args.spacy_only:
        pipeline_error = "skipped (--spacy-only)"
    else:
        analyze, pipeline_error = import_analyze()
        if analyze is None:
            sys.stdout.flush()  # keep the note after the header when both streams are piped
            print(
                f"NOTE: eventwire.analysis could not be imported ({pipeline_error}); "
                "measuring spaCy only.",
                file=sys.stderr,
            )

    # Warm-up: first calls fill vocab/string stores and caches the timed runs must not pay for.
    for text in corpus.texts:
        raw(text)

    def spacy_per_text() -> None:
        for text in corpus.texts:
            raw(text)

    def spacy_pipe() -> None:
        for _doc in raw.pipe(corpus.texts, batch_size=args.batch_size):
            pass

    modes: dict[str, Callable[[], object]] = {
        "spacy nlp(text)": spacy_per_text,
        "spacy nlp.pipe": spacy_pipe,
    }
    if analyze is not None:
        ingest = ingest_pass(corpus)
        try:
            ingest()  # warm-up: lazy tables (gazetteer, lexicons) load here, untimed
        except Exception as exc:
            pipeline_error = f"{type(exc).__name__}: {exc}"
            sys.stdout.flush()
            print("\nNOTE: the pipeline failed in warm-up; spaCy figures only.", file=sys.stderr)
            traceback.print_exc()
        else:
            modes["ingest (whole)"] = ingest
    results = measure_alternating(modes, corpus, args.repeat)
    if "ingest (whole)" in modes and analyze is not None:
        results.append(measure_stages(corpus, args.repeat, analyze))
        results.append(
            measure_stages(corpus, args.repeat, analyze, "learned", "stages, trained coder")
        )
    baseline = results[1]  # spaCy's own batched parse: the throughput spaCy users get
    fastest_wall = min(m.best for m in results[:2])  # raw spaCy at its best, either way
    fastest_cpu = min(m.best_cpu for m in results[:2])

    print()
    print_table(results, baseline)
    rss_now = current_rss_mib()
    print(
        f"\npeak RSS: {rss_start:.0f} MiB before load, {rss_loaded:.0f} MiB after loading both "
        f"models, {peak_rss_mib():.0f} MiB at end"
        + (f" (current {rss_now:.0f} MiB)" if rss_now is not None else "")
    )
    ratio = None
    if len(results) == 5:
        ingest_m, stages, learned = results[2], results[3], results[4]
        ratio = fastest_wall / ingest_m.best
        print(
            f"whole pipeline / raw spaCy throughput: {ratio:.2f} (ingest of the files, store "
            "writes included, against the faster of raw spaCy's two modes on the same texts; "
            "goal >= 0.8)"
        )
        print(
            f"the same in CPU time: {fastest_cpu / ingest_m.best_cpu:.2f} (steadier than wall "
            "time on a shared machine: waiting for a core is not counted)"
        )
        print(
            f"eventwire's stages after the parse: {1000 * stages.best / stages.articles:.1f} "
            f"ms/article, {stages.best / baseline.best:.1%} of spaCy's time (the parse's noise "
            "left out; take --repeat 8 or more on a shared machine), with the rule coder "
            f"(the default); with the trained coder: {1000 * learned.best / learned.articles:.1f}"
            " ms/article"
        )
    print(f"load average at the end: {load_average()}")

    if args.json is not None:
        report = {
            "corpus": {
                "dirs": [str(d) for d in dirs],
                "articles": len(corpus.texts),
                "words": corpus.words,
            },
            "model": {"name": nlp.meta.get("name"), "version": nlp.meta.get("version")},
            "load_s": load_s,
            "cpu": cpu,
            "repeat": args.repeat,
            "python": platform.python_version(),
            "rss_mib": {"before_load": rss_start, "after_load": rss_loaded, "peak": peak_rss_mib()},
            "results": [m.to_dict() for m in results],
            "pipeline_over_spacy": ratio,
            "pipeline_over_spacy_cpu": (
                fastest_cpu / results[2].best_cpu if len(results) == 5 else None
            ),
            "pipeline_error": pipeline_error,
            "load_average": os.getloadavg(),
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
