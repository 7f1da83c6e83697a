"""`kill -9` of `ingest` at chosen and at random moments, and what the store must look like
afterwards. Shared by tests/test_crash_safety.py and bench/crash_safety.py.

Two kinds of kill point:
- at a write: `python -m tests.crash_points insert N ingest ...` runs the real CLI with
  `duckdb.connect` wrapped so that the process sends itself SIGKILL right after its N-th
  INSERT statement (inside an open transaction: rows written, nothing committed), or with
  `commit N` right after its N-th commit. The wrapper counts statements, whatever way the
  store batches them, so the kill points hold for any implementation of the store.
- at a random moment: the test starts `ingest`, waits until the first article is
  committed, and sends SIGKILL after a random delay.

Afterwards the store must open, hold every article either with all its rows or not at all
(counted per table against a clean run of the same inputs), and hold no event without a
report; running `ingest` again must store each article exactly once.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from tests.fuzz_targets import demo_texts

REPO_ROOT = Path(__file__).resolve().parents[1]
# articles per store transaction in these runs: ingest's own batch (64) would store the
# sixteen test articles in one transaction, leaving no kill point between two commits
SAVE_BATCH = 4
# the tables holding an article's rows; `events` is shared between articles, checked apart
PER_ARTICLE = ("actors", "mentions", "quotes", "event_reports", "places", "facts")
_STATEMENT = re.compile(r"\s*(\w+)")


def write_articles(folder: Path, copies: int = 2) -> list[Path]:
    """The demo articles, `copies` times each, each copy with its own closing line (its own
    text, so its own article id); dated, so every event can be stored."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, text in enumerate(demo_texts()):
        for copy in range(copies):
            path = folder / f"{n:02d}-{copy}.txt"
            path.write_text(f"{text.rstrip()}\n\nThis is copy {copy} of report {n}.\n", "utf-8")
            paths.append(path)
    return paths


class CountingConnection:
    """A DuckDB connection that counts INSERT statements and commits, and can SIGKILL its
    own process right after the `kill_at`-th one of `kind` ("insert" or "commit")."""

    counts: dict[str, int] = {"insert": 0, "commit": 0}

    def __init__(self, con: Any, kind: str | None = None, kill_at: int = 0) -> None:
        self._con = con
        self._kind = kind
        self._kill_at = kill_at

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)

    def _seen(self, kind: str) -> None:
        self.counts[kind] += 1
        if kind == self._kind and self.counts[kind] == self._kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    def _statement(self, sql: Any) -> None:
        match = _STATEMENT.match(sql) if isinstance(sql, str) else None
        word = match[1].upper() if match else ""
        if word == "INSERT":
            self._seen("insert")
        elif word in ("COMMIT", "END"):
            self._seen("commit")

    def execute(self, sql: Any, *args: Any, **kwargs: Any) -> Any:
        result = self._con.execute(sql, *args, **kwargs)
        self._statement(sql)
        return result

    def executemany(self, sql: Any, *args: Any, **kwargs: Any) -> Any:
        result = self._con.executemany(sql, *args, **kwargs)
        self._statement(sql)
        return result

    def commit(self) -> Any:
        result = self._con.commit()
        self._seen("commit")
        return result


@contextmanager
def counting(kind: str | None = None, kill_at: int = 0) -> Iterator[dict[str, int]]:
    """Every `duckdb.connect` in this process counts its writes (and may kill at one), and
    `ingest` stores SAVE_BATCH articles per transaction."""
    import eventwire.cli

    real, real_batch = duckdb.connect, eventwire.cli.SAVE_BATCH
    CountingConnection.counts = {"insert": 0, "commit": 0}

    def connect(*args: Any, **kwargs: Any) -> Any:
        return CountingConnection(real(*args, **kwargs), kind, kill_at)

    duckdb.connect = connect  # type: ignore[assignment]
    eventwire.cli.SAVE_BATCH = SAVE_BATCH
    try:
        yield CountingConnection.counts
    finally:
        duckdb.connect = real
        eventwire.cli.SAVE_BATCH = real_batch


def ingest_command(db: Path, inputs: list[Path], kind: str | None = None, at: int = 0) -> list[str]:
    """The command line of an `ingest` subprocess (SAVE_BATCH articles per transaction),
    killed at a write when `kind` is given."""
    args = ["ingest", *map(str, inputs), "--db", str(db), "--published", "2025-03-11"]
    return [sys.executable, "-m", "tests.crash_points", kind or "none", str(at), *args]


def kill_at_write(db: Path, inputs: list[Path], kind: str, at: int) -> int:
    """Run ingest until it kills itself at its `at`-th `kind`; its exit status."""
    run = subprocess.run(
        ingest_command(db, inputs, kind, at), cwd=REPO_ROOT, capture_output=True, timeout=600
    )
    return run.returncode


def kill_after(db: Path, inputs: list[Path], delay: float) -> int:
    """Start ingest, wait until its first article is committed (the WAL grows past the
    schema's), SIGKILL it `delay` seconds later; its exit status (0 if it finished first)."""
    wal = Path(f"{db}.wal")
    with subprocess.Popen(
        ingest_command(db, inputs), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    ) as proc:
        schema_size, deadline = None, time.monotonic() + 300
        while proc.poll() is None and time.monotonic() < deadline:
            size = wal.stat().st_size if wal.exists() else 0
            if schema_size is None and size:
                schema_size = size
            elif schema_size is not None and size > schema_size:
                break
            time.sleep(0.01)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        return proc.wait()


def article_rows(db: Path) -> dict[str, tuple[int, ...]]:
    """Article id -> its row count in `articles` and in each of PER_ARTICLE (opening the
    store as a writer would, which replays DuckDB's write-ahead log)."""
    from eventwire.store import Store

    counts: dict[str, list[int]] = {}
    tables = [("articles", "id")] + [(t, "article_id") for t in PER_ARTICLE]
    with Store(db) as store:
        for i, (table, key) in enumerate(tables):
            for aid, n in store.con.execute(  # constant names
                f"SELECT {key}, count(*) FROM {table} GROUP BY {key}"
            ).fetchall():
                counts.setdefault(aid, [0] * (len(PER_ARTICLE) + 1))[i] = n
    return {aid: tuple(c) for aid, c in counts.items()}


def problems(db: Path, reference: dict[str, tuple[int, ...]]) -> list[str]:
    """What is wrong with the store after a crash: an article with other row counts than in
    the clean run (rows without their article among them), events without reports or the
    reverse."""
    from eventwire.store import Store

    out = []
    for aid, counts in article_rows(db).items():
        if counts != reference.get(aid):
            out.append(f"article {aid[:12]} half-written: {counts}, not {reference.get(aid)}")
    with Store(db) as store:
        (orphans,) = store.con.execute(
            "SELECT count(*) FROM events WHERE event_key NOT IN"
            " (SELECT event_key FROM event_reports)"
        ).fetchone() or (0,)
        (missing,) = store.con.execute(
            "SELECT count(DISTINCT event_key) FROM event_reports WHERE event_key NOT IN"
            " (SELECT event_key FROM events)"
        ).fetchone() or (0,)
    if orphans or missing:
        out.append(f"{orphans} events without a report, {missing} reports without an event")
    return out


if __name__ == "__main__":  # python -m tests.crash_points KIND N <eventwire arguments>
    from eventwire.cli import app

    kind, at = sys.argv[1], int(sys.argv[2])
    with counting(kind, at):
        sys.argv = ["eventwire", *sys.argv[3:]]
        app()
