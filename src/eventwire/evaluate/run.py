"""`eventwire evaluate`: every gold set in ../shared/data, scored in one run, against floors."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from eventwire.evaluate.floors import check_floors

SECTIONS = ("devgold", "actors_dates", "oof", "holdout", "plover", "extraction", "geowebnews")
# who and when (issue 12) is scored over both document-level gold sets
ACTOR_DATE_SETS = ("dev-gold", "train-gold")
# the pipeline runs its default coder (the rules); the trained coder is scored beside it
LEARNED = "learned"
SIDE_BY_SIDE_HOLDOUT = ("event_precision", "event_recall", "event_f1", "event_type_f1")
SIDE_BY_SIDE_PLOVER = ("type_accuracy", "mode_accuracy")


def default_data_dir() -> Path:
    """$EVENTWIRE_DATA, else ../shared/data from the working directory or from the checkout."""
    if env := os.environ.get("EVENTWIRE_DATA"):
        return Path(env)
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        candidate = base.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared" / "data"


def run_evaluation(
    data_dir: Path,
    *,
    skip: set[str] | None = None,
    progress: Progress | None = None,
    holdout_dir: Path | None = None,
) -> dict[str, Any]:
    """Scores per gold set: {"devgold": {...}, "oof": {...}, ...} with run seconds.

    Every section runs the pipeline with its default coder (the rules; $EVENTWIRE_CODER
    names another). `oof` is the trained coder judged out of fold over the gold articles
    (each fold's model never saw its articles) with the rule coder's figures on the same
    articles under `oof.rules`; `holdout` and `plover` score the trained coder too, under
    `learned` (in-sample on the PLOVER sentences, which are among its training data)."""
    skip = skip or set()
    unknown = skip - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown gold set(s) {sorted(unknown)}; choose from {SECTIONS}")
    scores: dict[str, Any] = {}

    def step(name: str, total: int | None) -> Any:
        if progress is None:
            return None
        return progress.add_task(name, total=total, current="")

    def advance(task: Any) -> None:
        if progress is not None and task is not None:
            progress.advance(task)

    analysed: dict[str, dict[str, Any]] = {}  # gold doc id -> pipeline output, shared

    def analyse(doc: Any) -> dict[str, Any]:
        from eventwire.evaluate.devgold import analyze_gold_doc

        if doc.id not in analysed:
            analysed[doc.id] = analyze_gold_doc(doc)
        return analysed[doc.id]

    with progress if progress is not None else _nullcontext():
        if "devgold" not in skip:
            from eventwire.evaluate.devgold import load_devgold, score_devgold

            docs = load_devgold(data_dir / "dev-gold")
            task = step("dev-gold", len(docs))
            t0 = time.perf_counter()
            scores["devgold"] = score_devgold(
                data_dir / "dev-gold", docs=docs, on_doc=lambda _: advance(task),
                analyze_doc=analyse,
            )  # fmt: skip
            scores["devgold"]["seconds"] = round(time.perf_counter() - t0, 1)
        if "actors_dates" not in skip:
            from eventwire.evaluate.devgold import load_devgold, score_actors_dates

            sets = {name: load_devgold(data_dir / name) for name in ACTOR_DATE_SETS}
            task = step("actors and dates", sum(len(d) for d in sets.values()))
            t0 = time.perf_counter()
            scores["actors_dates"] = score_actors_dates(
                sets, analyze_doc=analyse, on_doc=lambda _: advance(task)
            )
            scores["actors_dates"]["seconds"] = round(time.perf_counter() - t0, 1)
        if "oof" not in skip:
            from eventwire.training.folds import FOLDS
            from eventwire.training.oof import score_oof

            parsing = step("gold articles parsed (out-of-fold)", None)
            folds = step("folds trained and scored", FOLDS)
            t0 = time.perf_counter()
            scores["oof"] = score_oof(
                data_dir, on_doc=lambda _: advance(parsing), on_fold=lambda _: advance(folds)
            )
            scores["oof"]["seconds"] = round(time.perf_counter() - t0, 1)
        if "holdout" not in skip:
            from eventwire.evaluate.holdout import default_holdout_dir, score_holdout

            task = step("bench/holdout", None)
            t0 = time.perf_counter()
            folder = holdout_dir or default_holdout_dir()
            scores["holdout"] = score_holdout(folder)
            learned = score_holdout(folder, coder=LEARNED)
            scores["holdout"][LEARNED] = {k: learned[k] for k in SIDE_BY_SIDE_HOLDOUT}
            scores["holdout"]["seconds"] = round(time.perf_counter() - t0, 1)
            advance(task)
        if "plover" not in skip:
            from eventwire.evaluate.plover import load_records, score_plover

            task = step("PLOVER sentences", len(load_records(data_dir)))
            t0 = time.perf_counter()
            scores["plover"] = score_plover(data_dir, on_record=lambda: advance(task))
            learned = score_plover(data_dir, coder=LEARNED)  # in sample: its training data
            scores["plover"][LEARNED] = {k: learned[k] for k in SIDE_BY_SIDE_PLOVER}
            scores["plover"]["seconds"] = round(time.perf_counter() - t0, 1)
        if "extraction" not in skip:
            from eventwire.evaluate.extraction import compare_extraction

            task = step("extraction (zyte)", None)
            scores["extraction"] = compare_extraction(data_dir / "extraction" / "zyte")
            advance(task)
        if "geowebnews" not in skip:
            from eventwire.geo.score import geowebnews_scores

            task = step("GeoWebNews", None)
            t0 = time.perf_counter()
            scores["geowebnews"] = geowebnews_scores(data_dir / "geo" / "geowebnews")
            scores["geowebnews"]["seconds"] = round(time.perf_counter() - t0, 1)
            advance(task)
    return scores


class _nullcontext:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def print_scores(scores: dict[str, Any], console: Console, *, detail: bool = False) -> list[str]:
    """Print a table per gold set and the floor check; returns the floor failures."""
    from eventwire.evaluate.floors import load_floors

    floors = load_floors()
    for section, values in scores.items():
        table = Table(title=section)
        table.add_column("score")
        table.add_column("value", justify="right")
        table.add_column("floor", justify="right")
        for name, value in _flatten(values):
            floor = _lookup(floors.get(section, {}), name)
            table.add_row(name, _fmt(value), _fmt(floor) if floor is not None else "")
        console.print(table)
        if detail:
            for key in ("per_type", "by_type", "per_fold"):
                if isinstance(values.get(key), dict):
                    console.print(
                        _per_type_table(f"{section} {key.replace('_', ' ')}", values[key])
                    )
    # a gold set skipped on purpose is not a failure; the test suite gates every set
    failures = check_floors(scores, {k: v for k, v in floors.items() if k in scores})
    for line in failures:
        console.print(f"[red]below floor[/red] {line}", highlight=False)
    if not failures:
        console.print("all scores at or above their floors")
    return failures


def _flatten(values: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = []
    for key, value in values.items():
        if key in ("per_type", "by_type", "missed", "per_fold"):
            continue
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            rows.extend(_flatten(value, f"{name}."))
        elif isinstance(value, int | float | str) or value is None:
            rows.append((name, value))
    return rows


def _lookup(floors: dict[str, Any], dotted: str) -> Any:
    node: Any = floors
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node if isinstance(node, int | float) else None


def _per_type_table(title: str, per_type: dict[str, dict[str, Any]]) -> Table:
    columns = sorted({k for row in per_type.values() for k in row})
    table = Table(title=title)
    table.add_column("type" if title.endswith("type") else "")
    for c in columns:
        table.add_column(c, justify="right")
    for name, row in per_type.items():
        table.add_row(name, *(_fmt(row.get(c, "")) for c in columns))
    return table
