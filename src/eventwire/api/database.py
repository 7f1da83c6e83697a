"""The API's handle on the store: per-thread cursors, a query timer and one writer lock.

DuckDB lets one process open a file read-write or many open it read-only. Read-only (the
default) the API holds one read-only connection; with a write token it holds the single
read-write connection, and writes are serialised by a lock. Either way each worker thread
reads through a cursor of its own (DuckDB cursors are independent connections to the same
database), so a slow query in one request never blocks another, and a timer interrupts a
cursor whose query runs past the time limit. The cursor is made once per thread, not per
request: a fresh one cost 0.5-4 ms of CPU a request in its first queries.
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
        self._local = threading.local()  # .view: this thread's Store
        self._views: list[Store] = []  # every thread's, to close them with the root
        self._views_lock = threading.Lock()
        self.generation = 0  # stored documents so far: answers made before a write are stale

    def close(self) -> None:
        for view in self._views:
            view.con.close()
        self._root.close()

    def _view(self) -> Store:
        """A Store sharing the root's database through a fresh cursor of its own."""
        view = copy.copy(self._root)
        view.con = self._root.con.cursor()
        return view

    def _thread_view(self) -> Store:
        view: Store | None = getattr(self._local, "view", None)
        if view is None:
            view = self._local.view = self._view()
            with self._views_lock:
                self._views.append(view)
        return view

    @contextmanager
    def reader(self, time_limit_ms: int | None = None) -> Iterator[Store]:
        """A Store for one request, on this thread's cursor; QueryTimeout when its queries
        run past the limit."""
        view = self._thread_view()
        fired = threading.Event()
        guard = threading.Lock()  # a timer firing late must not stop this cursor's next query
        done = False

        def stop() -> None:
            with guard:
                if not done:
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
            with guard:
                done = True
            timer.cancel()

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
                saved = view.save(doc)
            finally:
                view.con.close()
            self.generation += saved
            return saved
