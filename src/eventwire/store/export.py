"""Export events (or a store table) through DuckDB's own writers: Parquet, CSV, JSON Lines.

`events` is the flat table of store/flat.py, documented column by column in
docs/data-dictionary.md; the other names are the store's tables as they are. In CSV every
list is a JSON array (`["Kosovo","Serbia"]`); Parquet and JSON Lines keep lists as lists.
The format follows the file's suffix (.csv, .parquet, .jsonl, optionally .gz for CSV and
JSON Lines) or the caller's `fmt`; a suffix that contradicts `fmt` is refused (E060).

DuckDB's COPY takes the output path as a literal, not a bound parameter, so the path is
made absolute, checked for NUL, and quoted as an SQL string literal (single quotes doubled):
whatever the path contains, it stays one literal. An absolute local path also cannot be read
as an s3:// or http:// URL. The table name comes from an allow-list.

The file is written under a temporary name in the target directory and moved into place
with os.replace, so a failed export never leaves a half-written file behind.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import InputError
from eventwire.store.db import TABLES, Store
from eventwire.store.flat import flat_events_sql

FORMATS: dict[str, str] = {
    "parquet": "FORMAT PARQUET",
    "csv": "FORMAT CSV, HEADER",
    "jsonl": "FORMAT JSON",  # newline-delimited unless ARRAY true
}
SUFFIXES: dict[str, str] = {".parquet": "parquet", ".csv": "csv", ".jsonl": "jsonl",
                            ".ndjson": "jsonl"}  # fmt: skip


def export_format(out: Path | str, fmt: str | None = None) -> str:
    """The format to write `out` in: `fmt`, or the one its suffix names (E060 when neither
    names a known format, or when the suffix names another)."""
    name = Path(out).name.lower()
    base = name.removesuffix(".gz")
    by_suffix = SUFFIXES.get(Path(base).suffix)
    if by_suffix == "parquet" and base != name:
        by_suffix = None  # Parquet compresses inside the file, never as .gz
    if fmt is not None and fmt not in FORMATS:
        raise InputError("E060", str(out), f"format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt is not None and by_suffix is not None and fmt != by_suffix:
        raise InputError("E060", str(out), f"the name says {by_suffix}, the format says {fmt}")
    chosen = fmt or by_suffix
    if chosen is None:
        raise InputError(
            "E060", str(out), "name the file .csv, .parquet or .jsonl, or give a format"
        )
    return chosen


def export_sql(
    con: duckdb.DuckDBPyConnection, table: str, fmt: str, filters: dict[str, Any] | None = None
) -> tuple[str, list[Any]]:
    """The SELECT that writes `table` in `fmt`: the flat events (matching `filters`, see
    store.queries.where), or a store table with its lists as JSON text when the format is
    CSV. The name comes from an allow-list (E062)."""
    if table not in TABLES:
        raise InputError("E062", f"table={table}", f"one of {', '.join(TABLES)}")
    if table == "events":
        return flat_events_sql(con, csv=fmt == "csv", filters=filters)
    columns = con.execute(f"DESCRIBE SELECT * FROM {table}").fetchall()
    cols = [
        f'to_json("{name}") AS "{name}"' if fmt == "csv" and kind.endswith("]") else f'"{name}"'
        for name, kind, *_ in columns
    ]
    return f"SELECT {', '.join(cols)} FROM {table}", []


def sql_literal(path: Path) -> str:
    """`path` as a single-quoted SQL string literal."""
    text = str(path)
    if "\x00" in text:
        raise ValueError("output path contains a NUL character")
    return "'" + text.replace("'", "''") + "'"


def export(store: Store, fmt: str | None, out: Path | str, table: str = "events") -> int:
    """Write `table` to `out` as `fmt` (None: as the suffix says); the number of rows."""
    fmt = export_format(out, fmt)
    select, params = export_sql(store.con, table, fmt)
    out = Path(out).absolute()
    if not out.parent.is_dir():
        raise InputError("E010", str(out.parent), "output directory")
    # keep the real name as the suffix so DuckDB's extension-based choices (.gz) still apply
    tmp = out.with_name(f".tmp-{uuid.uuid4().hex}-{out.name}")
    sql = f"COPY ({select}) TO {sql_literal(tmp)} ({FORMATS[fmt]})"
    try:
        row = store.con.execute(sql, params).fetchone()
        os.replace(tmp, out)
    except duckdb.Error as exc:
        raise InputError("E040", str(out), str(exc).splitlines()[0]) from None
    finally:
        tmp.unlink(missing_ok=True)
    return int(row[0]) if row else 0
