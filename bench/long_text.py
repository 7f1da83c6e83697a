"""How analysis time grows with article length: one long article of 25k, 100k, 200k, ~1M chars.

Run from the repo root:  .venv/bin/python bench/long_text.py [--sizes 25000 100000] [--profile]

Each text is the demo articles' bodies, repeated until the size is reached, with the weekdays
rotated per repetition so the repeats are not word-for-word the same events. The script prints,
per size, the wall seconds of `eventwire.analysis.analyze`, seconds per 10k chars (flat when
the growth is linear), each stage's seconds, and the peak RSS. `--profile` adds the top
functions by cumulative time (cProfile) of the largest size. A size over the analysis cap
(`MAX_TEXT_CHARS`) reports the coded error instead of a time. Figures, not a test.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import resource
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
DEMO = REPO_ROOT / "src" / "eventwire" / "demo"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
STAGES = (
    "parse", "resolve_actors", "find_quotes", "code_events", "quote_events", "date_events",
    "geoparse", "locate_events", "find_facts",
)  # fmt: skip
_WEEKDAY = re.compile("|".join(WEEKDAYS))


def demo_bodies() -> list[str]:
    """The demo articles without headline and byline: paragraphs of wire prose."""
    bodies = []
    for path in sorted(DEMO.glob("*.txt")):
        paragraphs = path.read_text(encoding="utf-8").split("\n\n")
        bodies.append("\n\n".join(p for p in paragraphs[2:] if p.strip()))
    return bodies


def long_text(chars: int) -> str:
    """A headline, then demo bodies repeated (weekdays rotated each round) up to `chars`."""
    bodies = demo_bodies()
    parts = ["Regional Roundup: Talks, Sanctions and Strikes Across Three Continents"]
    size, round_ = len(parts[0]), 0
    while size < chars:
        for body in bodies:
            text = _WEEKDAY.sub(lambda m, k=round_: WEEKDAYS[(WEEKDAYS.index(m[0]) + k) % 7], body)
            parts.append(text)
            size += len(text) + 2
            if size >= chars:
                break
        round_ += 1
    return "\n\n".join(parts)[:chars].rsplit(" ", 1)[0] + "."


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_stages() -> tuple[dict[str, float], Callable[[], None]]:
    """Wrap the pipeline's stage functions (as `analysis` calls them) with timers."""
    import eventwire.analysis as analysis

    spent: dict[str, float] = defaultdict(float)
    originals = {name: getattr(analysis, name) for name in STAGES}

    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start

        return run

    for name, fn in originals.items():
        setattr(analysis, name, wrap(name, fn))

    def restore() -> None:
        for name, fn in originals.items():
            setattr(analysis, name, fn)

    return spent, restore


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 100_000, 200_000])
    parser.add_argument("--profile", action="store_true", help="cProfile the largest size")
    args = parser.parse_args()

    from eventwire.analysis import analyze
    from eventwire.errors import EventwireError

    analyze(long_text(3000), published="2025-03-11")  # load the model and the tables
    print(f"{'chars':>9} {'events':>7} {'seconds':>8} {'s/10k':>6} {'peak MiB':>9}  stages (s)")
    for chars in sorted(args.sizes):
        text = long_text(chars)
        spent, restore = timed_stages()
        profile = cProfile.Profile() if args.profile and chars == max(args.sizes) else None
        start = time.perf_counter()
        try:
            if profile:
                profile.enable()
            doc = analyze(text, published="2025-03-11")
        except EventwireError as exc:
            print(f"{len(text):>9} {'-':>7} {time.perf_counter() - start:>8.2f}   refused: {exc}")
            continue
        finally:
            if profile:
                profile.disable()
            restore()
        seconds = time.perf_counter() - start
        stages = " ".join(f"{k}={v:.2f}" for k, v in sorted(spent.items(), key=lambda kv: -kv[1]))
        print(
            f"{len(text):>9} {len(doc.events):>7} {seconds:>8.2f} "
            f"{seconds / len(text) * 10_000:>6.3f} {peak_rss_mib():>9.0f}  {stages}",
            flush=True,
        )
        if profile:
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(25)
            print(out.getvalue())


if __name__ == "__main__":
    main()
