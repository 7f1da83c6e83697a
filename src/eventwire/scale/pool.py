"""`analyze_many`: the pipeline over a local process pool, results in input order.

Workers are spawned (safe beside the CLI's progress thread, same on every OS) and load the
spaCy model once, in the pool initializer; they exit when the main process dies, even by
SIGKILL. Store writes stay with the caller, in the main process. A worker process that dies
(segfault, OOM kill) breaks the whole pool: the items then in flight are re-run one at a
time in a fresh pool, so only the item that kills a worker again is reported as failed.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import EventwireError
from eventwire.model import AnalyzedDocument, Article
from eventwire.scale.work import Failure, analyze_item, item_label

Result = tuple[str, AnalyzedDocument | EventwireError]
Task = Callable[[str | Article, str | None, bool], AnalyzedDocument | Failure]

# futures in flight per worker: enough to keep workers busy, bounded for long inputs
IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True, slots=True)
class _Item:
    label: str
    item: str | Article
    published: str | None


def _init_worker() -> None:
    # Ctrl-C is the main process's to handle; it shuts the pool down
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from eventwire.nlp.pipeline import load_nlp

    load_nlp()


def _exit_with_parent() -> None:
    """Exit this worker when the process that spawned it ends, however it ends. A pool
    worker waits on its call queue, whose write end it holds too, so a main process killed
    with SIGKILL (no shutdown) left every worker waiting forever, each with a model loaded.
    The parent sentinel is a pipe that only the parent holds open: it reads EOF when the
    parent is gone, on every OS, without polling."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()  # returns once the sentinel is ready: the parent has exited
        os._exit(1)

    threading.Thread(target=watch, name="eventwire-parent-watch", daemon=True).start()


def _start_worker(init: Callable[[], None]) -> None:
    _exit_with_parent()  # before `init`: loading the model takes seconds
    init()


def _start(workers: int, init: Callable[[], None]) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(init,),
    )


def _as_result(label: str, outcome: AnalyzedDocument | Failure) -> Result:
    return label, outcome.error() if isinstance(outcome, Failure) else outcome


def _date(item: str | Article, published: Mapping[str, str] | None) -> str | None:
    if not published or not isinstance(item, str):
        return None
    return published.get(item, published.get(Path(item).name))


def analyze_many(
    items: Iterable[str | Article],
    *,
    workers: int,
    published: Mapping[str, str] | None = None,
    allow_private: bool = False,
) -> Iterator[Result]:
    """Analyse each item; yield `(label, document or error)` in input order.

    An item is a source spec (path, URL, "-") read as `ingest` reads it, or an `Article`
    already read (from JSONL, say; labelled by its `source`). `published` maps a spec or
    its file name to a YYYY-MM-DD date. A failing item yields its one-line error
    (`InputError`, or `ItemError` for anything unexpected) and the batch goes on.
    `workers=1` runs in this process, without a pool.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    queue = (_Item(item_label(i), i, _date(i, published)) for i in items)
    if workers == 1:
        for it in queue:
            yield _as_result(it.label, analyze_item(it.item, it.published, allow_private))
        return
    yield from _pooled(queue, workers, allow_private, analyze_item, _init_worker)


def _pooled(
    queue: Iterable[_Item],
    workers: int,
    allow_private: bool,
    task: Task,
    init: Callable[[], None],
) -> Iterator[Result]:
    """The pool loop; `task` and `init` are parameters so tests can make a worker die."""
    pending = iter(queue)
    in_flight: deque[tuple[_Item, Future[AnalyzedDocument | Failure]]] = deque()
    pool = _start(workers, init)
    try:
        while True:
            while len(in_flight) < workers * IN_FLIGHT_PER_WORKER:
                it = next(pending, None)
                if it is None:
                    break
                in_flight.append((it, _submit(pool, task, it, allow_private)))
            if not in_flight:
                return
            it, future = in_flight[0]
            try:
                outcome = future.result()
            except BrokenProcessPool:
                suspects = [i for i, _ in in_flight]
                in_flight.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _start(workers, init)
                for suspect in suspects:
                    outcome, pool = _isolated(pool, workers, suspect, allow_private, task, init)
                    yield _as_result(suspect.label, outcome)
                continue
            except Exception as err:  # noqa: BLE001 - e.g. a result that cannot be unpickled
                outcome = Failure(f"E050 {it.label}: internal error ({type(err).__name__}: {err})")
            in_flight.popleft()
            yield _as_result(it.label, outcome)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(
    pool: ProcessPoolExecutor, task: Task, it: _Item, allow_private: bool
) -> Future[AnalyzedDocument | Failure]:
    """Submit one item. A worker that died a moment ago breaks the pool before its future
    does, and then `submit` itself raises: the item gets a broken future, so the recovery
    below runs it again with the others in flight instead of the batch stopping."""
    try:
        return pool.submit(task, it.item, it.published, allow_private)
    except BrokenProcessPool as err:
        broken: Future[AnalyzedDocument | Failure] = Future()
        broken.set_exception(err)
        return broken


def _isolated(
    pool: ProcessPoolExecutor,
    workers: int,
    it: _Item,
    allow_private: bool,
    task: Task,
    init: Callable[[], None],
) -> tuple[AnalyzedDocument | Failure, ProcessPoolExecutor]:
    """Run one item alone; if the pool breaks now, this item is the one that broke it."""
    try:
        return pool.submit(task, it.item, it.published, allow_private).result(), pool
    except BrokenProcessPool:
        pool.shutdown(wait=True, cancel_futures=True)
        died = Failure(f"E050 {it.label}: internal error (the worker process died)")
        return died, _start(workers, init)
    except Exception as err:  # noqa: BLE001 - as in _pooled
        return Failure(f"E050 {it.label}: internal error ({type(err).__name__}: {err})"), pool
