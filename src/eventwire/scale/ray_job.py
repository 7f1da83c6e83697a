"""The cluster path: Ray Data reads shards, runs `analyze` in actors, writes Parquet.

Inputs are JSONL files (one article a line), Parquet files (columns text, title?, url?,
published?, id?), WARC crawls (.warc, .warc.gz) and .txt/.html/.htm/.md files, or folders
of them. Every input becomes a row (source, kind, payload), so one actor pool serves them
all; JSONL files are read whole and split here rather than by `read_json`, so a bad line is
an error row naming `path:line` instead of a failed job; a WARC file is cut into its HTML
responses, each row one record's own bytes, extracted in the actors. Each output row is one
document: its source, article id, the `eventwire/1` JSON and flat counts, or the one-line
error. Reading the output back (`iter_ray_output`, `load_ray_output`) needs DuckDB only.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.errors import EventwireError, InputError
from eventwire.ingest.sources import ARTICLE_SUFFIXES, article_from_bytes, is_url
from eventwire.ingest.warc import WARC_SUFFIXES, is_warc, record_article, warc_pages
from eventwire.model import AnalyzedDocument, Article
from eventwire.scale.jsonl import article_from_record, is_jsonl, parse_line, record_label
from eventwire.scale.work import Failure, ItemError, ScaleError, analyze_chunk, guarded

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

    from eventwire.store.db import Store

COUNTS = ("events", "actors", "quotes", "places", "facts")
RECORD_FIELDS = ("text", "title", "url", "published", "id")
_FETCH = 256  # rows per DuckDB fetch when reading the output back


def _ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401 - the [data] extra, not only ray core
    except ImportError as err:
        raise ScaleError(
            f"Ray Data is not installed ({err.name}): pip install 'eventwire[distributed]'"
        ) from None
    return ray


# -- reading inputs -----------------------------------------------------------------------


def _plan(inputs: list[str]) -> dict[str, list[str]]:
    """Input paths by kind; a folder contributes every file of a kind it holds."""
    plan: dict[str, list[str]] = {"jsonl": [], "parquet": [], "warc": [], "file": []}

    def add(path: str) -> None:
        suffix = Path(path).suffix.lower()
        kind = (
            "jsonl" if is_jsonl(path)
            else "parquet" if suffix == ".parquet"
            else "warc" if is_warc(path)
            else "file"
        )  # fmt: skip
        plan[kind].append(path)

    for spec in inputs:
        path = Path(spec)
        if is_url(spec) or path.is_file():  # remote URIs (s3://...) are routed by suffix
            add(spec)
        elif path.is_dir():
            known = ARTICLE_SUFFIXES | {".jsonl", ".ndjson", ".parquet"}
            for file in sorted(path.rglob("*")):
                parts = file.relative_to(path).parts
                wanted = file.suffix.lower() in known or file.name.lower().endswith(WARC_SUFFIXES)
                if wanted and file.is_file() and parts[0][0] != ".":
                    add(str(file))
        else:
            raise InputError("E010", spec)
    if not any(plan.values()):
        raise ScaleError(f"no JSONL, Parquet, WARC or article files in {', '.join(inputs)}")
    return plan


def _jsonl_rows(row: dict[str, Any]) -> list[dict[str, Any]]:
    # split on "\n" only, so line numbers match read_jsonl_articles
    lines = bytes(row["bytes"]).split(b"\n")
    return [
        {"source": f"{row['path']}:{n}", "kind": "jsonl", "payload": line}
        for n, line in enumerate(lines, start=1)
        if line.strip()
    ]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _parquet_row(row: dict[str, Any]) -> dict[str, Any]:
    record = {k: _plain(row[k]) for k in RECORD_FIELDS if row.get(k) is not None}
    payload = json.dumps(record, default=str).encode("utf-8")
    return {"source": record_label(record, str(row["path"])), "kind": "record", "payload": payload}


def _warc_rows(row: dict[str, Any]) -> list[dict[str, Any]]:
    data = bytes(row["bytes"])
    rows = []
    for page in warc_pages(io.BytesIO(data), str(row["path"])):
        if isinstance(page, InputError):  # shipped to an actor, which reports it as a row
            error = json.dumps([page.code, page.source, page.detail]).encode("utf-8")
            rows.append({"source": page.source, "kind": "error", "payload": error})
        else:
            record = data[page.offset : page.offset + page.length]
            rows.append({"source": page.source, "kind": "warc", "payload": record})
    return rows


def _file_row(row: dict[str, Any]) -> dict[str, Any]:
    return {"source": str(row["path"]), "kind": "file", "payload": bytes(row["bytes"])}


def _read(data: Any, plan: dict[str, list[str]]) -> Any:
    parts = []
    if plan["jsonl"]:
        parts.append(
            data.read_binary_files(plan["jsonl"], include_paths=True).flat_map(_jsonl_rows)
        )
    if plan["parquet"]:
        parts.append(data.read_parquet(plan["parquet"], include_paths=True).map(_parquet_row))
    if plan["warc"]:
        # Ray gunzips a .warc.gz as it reads: the rows are then uncompressed records
        warc = data.read_binary_files(plan["warc"], include_paths=True)
        parts.append(warc.flat_map(_warc_rows))
    if plan["file"]:
        parts.append(data.read_binary_files(plan["file"], include_paths=True).map(_file_row))
    return parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]


# -- the actor ----------------------------------------------------------------------------


def _article(kind: str, payload: bytes, source: str) -> Article:
    if kind == "jsonl":
        return parse_line(payload, source)
    if kind == "record":
        return article_from_record(json.loads(payload), source)
    if kind == "warc":
        return record_article(payload, source)
    if kind == "error":
        raise InputError(*json.loads(payload))
    return article_from_bytes(payload, source)


def output_schema() -> pa.Schema:
    import pyarrow as pa

    counts = [(name, pa.int32()) for name in COUNTS]
    return pa.schema(
        [("source", pa.string()), ("article_id", pa.string()), ("document", pa.string())]
        + [("error", pa.string()), *counts]
    )


class Analyzer:
    """The `map_batches` callable: one per Ray actor, so the model loads once per actor."""

    def __init__(self) -> None:
        from eventwire.nlp.pipeline import load_nlp

        load_nlp()

    def __call__(self, batch: dict[str, np.ndarray]) -> pa.Table:
        """One output row per input row; the batch's articles are parsed together."""
        import pyarrow as pa

        sources = [str(source) for source in batch["source"]]
        read = [
            guarded(source, partial(_article, str(kind), bytes(payload), source))
            for source, kind, payload in zip(sources, batch["kind"], batch["payload"], strict=True)
        ]
        analysed = iter(analyze_chunk([(a, None) for a in read if isinstance(a, Article)]))
        rows = [
            self.row(source, outcome if isinstance(outcome, Failure) else next(analysed))
            for source, outcome in zip(sources, read, strict=True)
        ]
        return pa.Table.from_pylist(rows, schema=output_schema())

    @staticmethod
    def row(source: str, outcome: AnalyzedDocument | Failure) -> dict[str, Any]:
        if isinstance(outcome, Failure):
            return {"source": source, "error": outcome.message} | dict.fromkeys(COUNTS, 0)
        doc = outcome
        return {
            "source": doc.article.source or source,
            "article_id": doc.article.id,
            "document": json.dumps(doc.to_dict(), ensure_ascii=False),
            "error": None,
        } | {name: len(getattr(doc, name)) for name in COUNTS}


# -- the job ------------------------------------------------------------------------------


def _actors(ray: Any, concurrency: int, num_cpus: float) -> int:
    # Actors hold their CPUs for the whole job; if they take them all, the read and write
    # tasks never get scheduled and the job hangs. Leave one CPU of the cluster free.
    spare = float(ray.cluster_resources().get("CPU", 1)) - 1
    return max(1, min(concurrency, int(spare // num_cpus)))


def run_ray_job(
    inputs: list[str],
    output_dir: str | Path,
    *,
    batch_size: int = 16,
    concurrency: int = 2,
    num_cpus: float = 1.0,
) -> dict[str, Any]:
    """Analyse `inputs` on the current Ray cluster (`ray.init` first, or Ray starts a local
    one) and write Parquet into `output_dir`, which must be empty or absent.

    `concurrency` actors of `num_cpus` CPUs each (spaCy is single-threaded), capped so one
    CPU stays free for reading and writing. Returns {"documents", "errors", "events",
    "output"}.
    """
    ray = _ray()
    output = Path(output_dir)
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise ScaleError(f"{output}: output folder is not empty")
    # one shard is one block, and a block goes to one actor: cut the rows into blocks of a
    # batch each (streaming, no shuffle), so one big JSONL or WARC shard feeds every actor
    ds = _read(ray.data, _plan(inputs)).repartition(target_num_rows_per_block=batch_size)
    ds = ds.map_batches(
        Analyzer,
        batch_size=batch_size,
        compute=ray.data.ActorPoolStrategy(size=_actors(ray, concurrency, num_cpus)),
        num_cpus=num_cpus,
        batch_format="numpy",
    )
    ds.write_parquet(str(output))
    return summarise(output)


def _parquet_glob(output_dir: str | Path) -> str:
    output = Path(output_dir)
    if not output.is_dir() or not any(output.glob("*.parquet")):
        raise ScaleError(f"{output}: no Parquet files (run the Ray job first)")
    return str(output / "*.parquet")


def summarise(output_dir: str | Path) -> dict[str, Any]:
    import duckdb

    sql = "SELECT count(document), count(error), coalesce(sum(events), 0) FROM read_parquet(?)"
    with duckdb.connect() as con:
        row = con.execute(sql, [_parquet_glob(output_dir)]).fetchone()
    documents, errors, events = row if row is not None else (0, 0, 0)
    return {
        "documents": int(documents),
        "errors": int(errors),
        "events": int(events),
        "output": str(output_dir),
    }


def iter_ray_output(
    output_dir: str | Path,
) -> Iterator[tuple[str, AnalyzedDocument | EventwireError]]:
    """Each output row as `(source, document or error)`, like `analyze_many`."""
    import duckdb

    with duckdb.connect() as con:
        cursor = con.execute(
            "SELECT source, document, error FROM read_parquet(?)", [_parquet_glob(output_dir)]
        )
        while rows := cursor.fetchmany(_FETCH):
            for source, document, error in rows:
                yield source, _document(source, document, error)


def _document(
    source: str, document: str | None, error: str | None
) -> AnalyzedDocument | EventwireError:
    if document is None:
        return ItemError(error or f"{source}: no document")
    try:
        doc = AnalyzedDocument.from_dict(json.loads(document))
    except (ValueError, KeyError, TypeError) as err:
        return ItemError(f"{source}: not an eventwire/1 document ({err})")
    doc.article.source = source  # provenance is not part of the JSON contract
    return doc


def load_ray_output(output_dir: str | Path, store: Store) -> int:
    """Save every document of a Ray job's output into `store`; returns how many were new.
    Error rows are skipped (iterate `iter_ray_output` to report them)."""
    saved = 0
    for _, doc in iter_ray_output(output_dir):
        if isinstance(doc, AnalyzedDocument) and store.save(doc):
            saved += 1
    return saved
