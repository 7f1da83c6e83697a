"""The `eventwire` command: thin wrappers over the library functions."""

from __future__ import annotations

import csv
import functools
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from eventwire.errors import EventwireError, InputError
from eventwire.model import AnalyzedDocument, Article


class _App(typer.Typer):
    """A Typer app whose commands report an `EventwireError` as its one line (exit 2), never
    as a traceback, wherever in the command it is raised (a locked or missing database, a
    missing output folder, ...)."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Any]:
        register = super().command(*args, **kwargs)

        def decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
            @functools.wraps(fn)
            def run(*a: Any, **kw: Any) -> Any:
                try:
                    return fn(*a, **kw)
                except EventwireError as e:
                    raise _fail(e) from None

            register(run)
            return fn

        return decorator


app = _App(
    help="News about international affairs in; coded events, traceable to their sentences, out.",
    no_args_is_help=True,
    add_completion=False,
)
# piped output gets a wide table instead of Rich's 80-column default ($COLUMNS still wins)
_WIDTH = shutil.get_terminal_size(fallback=(160, 24)).columns
out = Console(width=_WIDTH)
# stderr carries file names, URLs and messages quoting them: user text, never Rich markup
err = Console(stderr=True, width=_WIDTH, markup=False)

DEFAULT_DB = Path("eventwire.duckdb")
SAVE_BATCH = 64  # analysed articles per store transaction
DbOption = Annotated[Path, typer.Option("--db", help="DuckDB file.")]


class DocFormat(StrEnum):
    json = "json"
    text = "text"


class CoderName(StrEnum):
    rules = "rules"
    learned = "learned"


# the event coder: the rules by default; `learned` is the trained coder (docs/coding.md)
CoderOption = Annotated[
    CoderName | None,
    typer.Option(
        envvar="EVENTWIRE_CODER",
        help="Event coder: rules (default) or learned (the trained coder).",
        show_default=False,
    ),
]


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


def _say(tag: str, message: object) -> None:
    """One line on stderr: a red tag, then the message as plain text (it names user inputs,
    which may hold `[/x]` and must not be parsed as Rich markup)."""
    err.print(Text.assemble((tag, "red"), " ", str(message)), highlight=False, soft_wrap=True)


def _fail(error: Exception, code: int = 2) -> typer.Exit:
    _say("error", error)
    return typer.Exit(code)


@app.command()
def analyze(
    source: Annotated[str, typer.Argument(help="File (text or HTML), URL, or - for stdin.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD, when the page lacks it.")
    ] = None,
    url: Annotated[str | None, typer.Option(help="The article's URL, for the record.")] = None,
    format: Annotated[DocFormat, typer.Option("--format", "-f")] = DocFormat.text,
    allow_private: Annotated[
        bool, typer.Option(help="Allow fetching URLs on private or loopback addresses.")
    ] = False,
    explain: Annotated[
        bool,
        typer.Option(help="Show, per event, the trigger, the rule and how each part was chosen."),
    ] = False,
    coder: CoderOption = None,
) -> None:
    """Analyse one article and print its actors, quotes, events, places and facts."""
    from eventwire.analysis import analyze as run_analysis
    from eventwire.ingest.sources import read_article
    from eventwire.report import print_report

    try:
        article = read_article(source, published=published, url=url, allow_private=allow_private)
        doc = run_analysis(article, coder=coder)
    except EventwireError as e:
        raise _fail(e) from None
    if format is DocFormat.json:
        sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        print_report(doc, out)
    if explain:
        from eventwire.coding.explain import render_explanations

        render_explanations(doc, err if format is DocFormat.json else out)


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}", markup=False),  # a file name or URL
        console=err,
        transient=False,
    )


def _ingest_items(specs: list[str]) -> list[str | Article | InputError]:
    """Files, directories, URLs and stdin as specs; JSON Lines and WARC files as their
    articles."""
    from eventwire.ingest.sources import expand_sources
    from eventwire.ingest.warc import is_warc, read_warc_articles
    from eventwire.scale.jsonl import is_jsonl, read_jsonl_articles

    items: list[str | Article | InputError] = []
    for spec in specs:
        if is_jsonl(spec):
            items.extend(read_jsonl_articles(spec))
        elif is_warc(spec):
            items.extend(read_warc_articles(spec))
        else:
            items.extend(expand_sources([spec]))
    return items


def ingest_sources(
    specs: list[str],
    db: Path,
    *,
    published: dict[str, str] | None = None,
    allow_private: bool = False,
    workers: int = 1,
    default_published: str | None = None,
) -> dict[str, int]:
    """Analyse and store each source; a bad one is reported and skipped. Returns counts.

    Articles are read and checked against the store in this process, so a stored article
    is never analysed again; analysis runs on `workers` processes; writes stay here."""
    from eventwire.ingest.sources import read_article
    from eventwire.scale.pool import analyze_many, start_early
    from eventwire.scale.readahead import read_ahead
    from eventwire.store.db import Store

    if workers > 1:
        start_early()
    try:
        items = _ingest_items(specs)
    except InputError as e:
        raise _fail(e) from None
    summary = {"stored": 0, "already stored": 0, "failed": 0, "events": 0}
    with Store(db) as store, _progress() as progress:
        task = progress.add_task("ingest", total=len(items), current="")

        def skip(error: EventwireError | None, outcome: str) -> None:
            summary[outcome] += 1
            if error is not None:
                _say("skipped", error)
            progress.advance(task)

        def read(item: str | Article | InputError) -> Article:
            if isinstance(item, InputError):
                raise item
            if isinstance(item, Article):
                return item
            date = (published or {}).get(Path(item).name)
            return read_article(item, published=date, allow_private=allow_private)

        def new_articles() -> Iterator[Article]:
            for item, reading in read_ahead(items, read):
                if isinstance(item, str):
                    progress.update(task, current=item if "://" in item else Path(item).name)
                try:
                    article = reading.result()
                except EventwireError as e:
                    skip(e, "failed")
                    continue
                article.published = article.published or default_published
                if store.has_article(article.id):
                    skip(None, "already stored")
                    continue
                yield article

        pending: list[AnalyzedDocument] = []

        def save_pending() -> None:  # one transaction for the lot; each article whole or not
            for doc, saved in zip(pending, store.save_many(pending), strict=True):
                if isinstance(saved, EventwireError):
                    skip(saved, "failed")
                elif saved:
                    summary["stored"] += 1
                    summary["events"] += len(doc.events)
                    progress.advance(task)
                else:  # the same text twice in one batch
                    skip(None, "already stored")
            pending.clear()

        try:
            results = analyze_many(new_articles(), workers=workers, total=len(items))
            for _label, result in results:
                if isinstance(result, EventwireError):
                    skip(result, "failed")
                else:
                    pending.append(result)
                    if len(pending) >= SAVE_BATCH:
                        save_pending()
        finally:  # on Ctrl-C too: what is analysed is kept
            save_pending()
    return summary


def _print_summary(summary: dict[str, int]) -> None:
    err.print(", ".join(f"{n} {what}" for what, n in summary.items()), highlight=False)


@app.command()
def ingest(
    sources: Annotated[
        list[str] | None,
        typer.Argument(help="Files, directories, URLs, -, .jsonl, .warc(.gz)."),
    ] = None,
    db: DbOption = DEFAULT_DB,
    allow_private: Annotated[bool, typer.Option(help="Allow private/loopback URLs.")] = False,
    workers: Annotated[int, typer.Option(min=1, help="Analysis processes.")] = 1,
    published: Annotated[
        str | None,
        typer.Option(
            help="YYYY-MM-DD for articles that state no date of their own (no story.meta.json "
            "sidecar, page date or dated dateline)."
        ),
    ] = None,
    watch: Annotated[
        list[str] | None,
        typer.Option(metavar="FEED", help="RSS/Atom feed URL to poll (repeatable)."),
    ] = None,
    every: Annotated[str, typer.Option(help="Time between polls: 90s, 10m, 1h.")] = "10m",
    max_polls: Annotated[
        int | None, typer.Option(min=1, help="Stop after N polls (default: until Ctrl-C).")
    ] = None,
    coder: CoderOption = None,
) -> None:
    """Analyse articles (files, folders, URLs, -, .jsonl, the HTML pages of a .warc or
    .warc.gz crawl) and store them; stored ones are skipped. A file's sidecar
    story.meta.json ({"published", "title", "url"}) is read too. Exits 1 when any item
    failed (the others are stored). With --watch, then poll feeds for new articles until
    Ctrl-C."""
    if not sources and not watch:
        raise _fail(InputError("E010", "ingest", "give sources to read or --watch FEED"))
    if published is not None:
        from eventwire.ingest.text import check_date

        check_date(published, "--published")  # an EventwireError is reported as one line
    if coder is not None:  # read by the analysis in this process and in pool workers
        from eventwire.analysis import CODER_ENV

        os.environ[CODER_ENV] = coder
    failed = 0
    if sources:
        summary = ingest_sources(
            sources, db, allow_private=allow_private, workers=workers,
            default_published=published,
        )  # fmt: skip
        _print_summary(summary)
        failed = summary["failed"]
    if watch:
        from eventwire.ingest.watch import parse_duration, watch_feeds
        from eventwire.store.db import Store

        seconds = parse_duration(every)
        with Store(db) as store:
            err.print(f"watching {len(watch)} feed(s) every {every}; Ctrl-C stops")
            result = watch_feeds(
                watch, store, every=seconds, max_polls=max_polls, allow_private=allow_private,
                report=lambda line: err.print(line, highlight=False, soft_wrap=True),
            )  # fmt: skip
        _print_summary(result.counts())
        failed += result.failed
        if result.interrupted:
            err.print("stopped (Ctrl-C); everything stored so far is kept")
    if failed:  # the others are stored; a script must still see the failures
        raise typer.Exit(1)


@app.command()
def demo(db: DbOption = DEFAULT_DB) -> None:
    """Ingest the embedded demo corpus and print its events."""
    from eventwire.demo import demo_dir, demo_published

    summary = ingest_sources([str(demo_dir())], db, published=demo_published())
    _print_summary(summary)
    events(db=db, limit=100, offset=0, sort="-date")


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[
        str | None, typer.Option(help="Actor name or code (source or target).")
    ] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    country: Annotated[
        str | None, typer.Option(help="Country (name or code) of an actor or the place.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    text: Annotated[str | None, typer.Option(help="Words in the evidence sentence.")] = None,
    min_confidence: Annotated[float | None, typer.Option(help="Lowest confidence.")] = None,
    limit: Annotated[int, typer.Option(help="Rows per page (1 to 10000).")] = 100,
    offset: Annotated[int, typer.Option(help="Rows to skip: the next page starts here.")] = 0,
    sort: Annotated[
        str, typer.Option(help="date, -date (newest), confidence, -confidence, reports, type.")
    ] = "-date",
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """List stored events, filtered, a page at a time; says which rows of how many it shows."""
    from eventwire.store.db import Store
    from eventwire.store.queries import MAX_LIMIT, check_filters, count_events, resolve_country
    from eventwire.store.queries import events as query_events

    if not db.exists():
        raise _fail(InputError("E010", str(db), "run `eventwire ingest` first"))
    if not 1 <= limit <= MAX_LIMIT:
        raise _fail(InputError("E062", f"--limit {limit}", f"from 1 to {MAX_LIMIT}"))
    if offset < 0:
        raise _fail(InputError("E062", f"--offset {offset}", "0 or more"))
    filters = {"actor": actor, "type": type.upper() if type else None, "country": country,
               "since": since, "until": until, "text": text, "min_confidence": min_confidence}
    try:
        check_filters(type=type, since=since, until=until, sort=sort)
        filters["country"] = resolve_country(country) if country else None
        with Store(db, read_only=True) as store:
            rows = query_events(store, limit=limit, offset=offset, sort=sort, **filters)
            total = count_events(store, **filters)
    except EventwireError as e:
        raise _fail(e) from None
    _print_rows(rows, format)
    end = offset + len(rows)
    shown = f"{offset + 1}-{end}" if rows else "none"
    more = f"; --offset {end} for the next page" if end < total else ""
    err.print(f"showing {shown} of {total} events{more}", highlight=False)


class DyadPeriod(StrEnum):
    month = "month"
    year = "year"


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="An actor (name or code) or a country (name or code).")],
    b: Annotated[str, typer.Argument(help="The other actor or country.")],
    db: DbOption = DEFAULT_DB,
    by: Annotated[DyadPeriod, typer.Option("--by", help="Count by month or year.")] = (
        DyadPeriod.month
    ),
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """Events between two actors or countries, both ways: counts by period and QuadClass with
    their Goldstein intensity, and the evidence of each (docs/data-dictionary.md, Dyads)."""
    from eventwire.store.db import Store
    from eventwire.store.dyads import dyad as query_dyad

    if not db.exists():
        raise _fail(InputError("E010", str(db), "run `eventwire ingest` first"))
    with Store(db, read_only=True) as store:
        result = query_dyad(store, a, b, granularity=by.value)
    if format is TableFormat.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2, default=str) + "\n")
    elif format is TableFormat.csv:
        _print_rows(result["rows"], format)
    else:
        from eventwire.report import dyad_tables

        counts, evidence, line = dyad_tables(result)
        out.print(counts)
        out.print(evidence)
        out.print(line, highlight=False, markup=False, soft_wrap=True)


def _print_rows(rows: list[dict[str, Any]], format: TableFormat) -> None:
    if format is TableFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
    elif format is TableFormat.csv:
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    else:
        from eventwire.report import events_table

        out.print(events_table(rows))


@app.command()
def export(
    out_path: Annotated[
        Path, typer.Argument(metavar="OUT", help="Output file: .csv, .parquet or .jsonl.")
    ],
    format: Annotated[
        ExportFormat | None, typer.Option("--format", "-f", help="Default: OUT's suffix.")
    ] = None,
    table: Annotated[
        str, typer.Option(help="events (one row per event; docs/data-dictionary.md) or a table.")
    ] = "events",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export events, one row per event with documented columns (or a store table), with
    DuckDB's own writers (Parquet, CSV, JSON Lines)."""
    from eventwire.store.db import Store
    from eventwire.store.export import export as run_export

    if not db.exists():
        raise _fail(InputError("E010", str(db), "run `eventwire ingest` first"))
    try:
        with Store(db, read_only=True) as store:
            n = run_export(store, format.value if format else None, out_path, table=table)
    except EventwireError as e:
        raise _fail(e) from None
    err.print(f"{n} rows written to {out_path}", highlight=False)


@app.command()
def evaluate(
    data: Annotated[
        Path | None, typer.Option(help="The gold data folder (default: ../shared/data).")
    ] = None,
    detail: Annotated[bool, typer.Option(help="Per-type tables.")] = False,
    skip: Annotated[
        list[str] | None,
        typer.Option(
            help="Gold sets to skip (devgold, actors_dates, oof, holdout, plover, extraction, "
            "geowebnews)."
        ),
    ] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write scores as JSON.")] = None,
) -> None:
    """Score the engine on the gold sets and compare with the pinned floors."""
    from eventwire.evaluate.run import SECTIONS, default_data_dir, print_scores, run_evaluation

    if unknown := sorted(set(skip or []) - set(SECTIONS)):
        raise typer.BadParameter(
            f"unknown gold set(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}",
            param_hint="--skip",
        )
    data_dir = data or default_data_dir()
    if not data_dir.is_dir():
        raise _fail(InputError("E010", str(data_dir), "gold data folder; pass --data"))
    scores = run_evaluation(data_dir, skip=set(skip or []), progress=_progress())
    failures = print_scores(scores, out, detail=detail)
    if json_out:
        json_out.write_text(json.dumps(scores, indent=2, default=str))
    if failures:
        raise typer.Exit(1)


@app.command()
def train(
    data: Annotated[
        Path | None, typer.Option(help="The gold data folder (default: ../shared/data).")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(help="Model file to write (default: the package's coding/data)."),
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="Date recorded in the model (default: today).")
    ] = None,
) -> None:
    """Fit the event coder on the gold folders and write the model (seeded, reproducible)."""
    from eventwire.coding.linear import MODEL_FILE
    from eventwire.evaluate.run import default_data_dir
    from eventwire.training.fit import train as run_training
    from eventwire.training.petrarch_convert import package_data_dir

    data_dir = data or default_data_dir()
    if not data_dir.is_dir():
        raise _fail(InputError("E010", str(data_dir), "gold data folder; pass --data"))
    target = out or package_data_dir() / MODEL_FILE
    with _progress() as progress:
        task = progress.add_task("parsing the gold articles", total=None, current="")
        model = run_training(data_dir, target, date=date, on_doc=lambda _: progress.advance(task))
    meta = model.meta
    err.print(
        f"trained on {meta['articles']} articles ({meta['gold_events']} gold events); "
        f"{sum(len(m.weights) for m in (model.event, model.source, model.target))} weights "
        f"written to {target}",
        highlight=False,
    )


@app.command("convert-petrarch")
def convert_petrarch(
    petrarch: Annotated[
        Path | None,
        typer.Option(help="PETRARCH2 dictionaries (default: ../shared/data/petrarch2)."),
    ] = None,
    plover: Annotated[
        Path | None,
        typer.Option(
            help="CAMEO2PLOVER table (default: ../shared/data/plover/CAMEO2PLOVER-2021.txt)."
        ),
    ] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out", help="Output folder (default: the package's coding/data)."),
    ] = None,
) -> None:
    """Convert PETRARCH2's CAMEO verb dictionary into the coder's candidate-trigger tables."""
    from eventwire.evaluate.run import default_data_dir
    from eventwire.training.petrarch_convert import convert, package_data_dir

    petrarch = petrarch or default_data_dir() / "petrarch2"
    plover = plover or default_data_dir() / "plover" / "CAMEO2PLOVER-2021.txt"
    for path in (petrarch / "CAMEO.2.0.txt", plover):
        if not path.is_file():
            raise _fail(InputError("E010", str(path), "pass --petrarch / --plover"))
    counts = convert(petrarch, plover, out_dir or package_data_dir())
    err.print(", ".join(f"{n} {k}" for k, n in counts.items()), highlight=False)


@app.command("ray")
def ray_job(
    inputs: Annotated[
        list[str], typer.Argument(help="JSONL, Parquet or text/HTML files or folders.")
    ],
    out_dir: Annotated[Path, typer.Option("--out", help="Empty folder for the Parquet output.")],
    address: Annotated[
        str | None, typer.Option(help="Ray cluster address; default: a local Ray.")
    ] = None,
    concurrency: Annotated[int, typer.Option(min=1, help="Analysis actors.")] = 2,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch.")] = 16,
    load: Annotated[bool, typer.Option(help="Load the output into --db afterwards.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Analyse shards on a Ray cluster (pip install 'eventwire[distributed]')."""
    from eventwire.scale.ray_job import iter_ray_output, load_ray_output, run_ray_job
    from eventwire.scale.work import ScaleError
    from eventwire.store.db import Store

    try:
        import ray

        ray.init(address=address, include_dashboard=False, log_to_driver=False)
        summary = run_ray_job(inputs, out_dir, batch_size=batch_size, concurrency=concurrency)
    except (ImportError, ScaleError) as e:
        raise _fail(InputError("E070", "ray", str(e))) from None
    for _label, result in iter_ray_output(out_dir):
        if isinstance(result, EventwireError):
            _say("failed", result)
    counts = ", ".join(f"{n} {k}" for k, n in summary.items() if k != "output")
    err.print(f"{counts}; Parquet in {out_dir}", highlight=False)
    if load:
        with Store(db) as store:
            err.print(f"{load_ray_output(out_dir, store)} documents stored in {db}")


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind; loopback only by default.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(help="Enable POST /api/articles; clients send 'Authorization: Bearer TOKEN'."),
    ] = None,
    allow_remote: Annotated[
        bool, typer.Option(help="Allow a non-loopback --host (put it behind auth).")
    ] = False,
) -> None:
    """Serve the HTTP API and the web explorer (read-only unless --token is given)."""
    from eventwire.api.app import serve as run_server

    try:
        run_server(db, host, port, token, allow_remote=allow_remote)
    except ValueError as e:
        raise _fail(InputError("E063", f"--host {host}", str(e))) from None


if __name__ == "__main__":  # pragma: no cover
    app()
