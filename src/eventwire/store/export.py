"""Export a store table through DuckDB's own writers: Parquet, CSV, JSON Lines.

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

import duckdb

from eventwire.errors import InputError
from eventwire.store.db import TABLES, Store

FORMATS: dict[str, str] = {
    "parquet": "FORMAT PARQUET",
    "csv": "FORMAT CSV, HEADER",
    "jsonl": "FORMAT JSON",  # newline-delimited unless ARRAY true
}


def sql_literal(path: Path) -> str:
    """`path` as a single-quoted SQL string literal."""
    text = str(path)
    if "\x00" in text:
        raise ValueError("output path contains a NUL character")
    return "'" + text.replace("'", "''") + "'"


def export(store: Store, fmt: str, out: Path | str, table: str = "events") -> int:
    """Write `table` to `out` as `fmt`; returns the number of rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {sorted(FORMATS)}, not {fmt!r}")
    if table not in TABLES:
        raise ValueError(f"table must be one of {list(TABLES)}, not {table!r}")
    out = Path(out).absolute()
    if not out.parent.is_dir():
        raise InputError("E010", str(out.parent), "output directory")
    # keep the real name as the suffix so DuckDB's extension-based choices (.gz) still apply
    tmp = out.with_name(f".tmp-{uuid.uuid4().hex}-{out.name}")
    sql = f"COPY (SELECT * FROM {table}) TO {sql_literal(tmp)} ({FORMATS[fmt]})"
    try:
        row = store.con.execute(sql).fetchone()
        os.replace(tmp, out)
    except duckdb.Error as exc:
        raise InputError("E040", str(out), str(exc).splitlines()[0]) from None
    finally:
        tmp.unlink(missing_ok=True)
    return int(row[0]) if row else 0
