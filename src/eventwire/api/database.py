"""The API's handle on the store: per-request cursors, a query timer and one writer lock.

DuckDB lets one process open a file read-write or many open it read-only. Read-only (the
default) the API holds one read-only connection; with a write token it holds the single
read-write connection, and writes are serialised by a lock. Either way every request reads
through its own cursor (DuckDB cursors are independent connections to the same database),
so a slow query in one request never blocks another, and a timer interrupts a cursor whose
query runs past the time limit.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from eventwire.model import AnalyzedDocument
from eventwire.store import Store


class QueryTimeout(Exception):
    """A query ran past `query_time_limit_ms` and was interrupted."""


class Database:
    def __init__(self, path: Path, *, writable: bool, time_limit_ms: int) -> None:
        self.path = Path(path)
        self.writable = writable
        self.time_limit_ms = time_limit_ms
        if not writable and not self.path.exists():
            Store(self.path).close()  # a fresh file gets its schema, then is reopened read-only
        self._root = Store(self.path, read_only=not writable)
        self._write_lock = threading.Lock()

    def close(self) -> None:
        self._root.close()

    def _view(self) -> Store:
        """A Store sharing the root's database through a fresh cursor of its own."""
        view = copy.copy(self._root)
        view.con = self._root.con.cursor()
        return view

    @contextmanager
    def reader(self, time_limit_ms: int | None = None) -> Iterator[Store]:
        """A Store for one request; QueryTimeout when its queries run past the limit."""
        view = self._view()
        fired = threading.Event()

        def stop() -> None:
            fired.set()
            view.con.interrupt()

        limit = self.time_limit_ms if time_limit_ms is None else time_limit_ms
        timer = threading.Timer(limit / 1000, stop)
        timer.daemon = True
        timer.start()
        try:
            yield view
        except duckdb.Error as exc:
            if fired.is_set():
                raise QueryTimeout(f"query interrupted after {limit} ms") from exc
            raise
        finally:
            timer.cancel()
            view.con.close()

    @contextmanager
    def streamer(self) -> Iterator[Store]:
        """A Store for a streamed export: no time limit (its cost is volume, not the query)."""
        view = self._view()
        try:
            yield view
        finally:
            view.con.close()

    def save(self, doc: AnalyzedDocument) -> bool:
        """Store a document (False when already stored); one writer at a time."""
        if not self.writable:
            raise PermissionError("the API was started read-only")
        with self._write_lock:
            view = self._view()
            try:
                return view.save(doc)
            finally:
                view.con.close()
