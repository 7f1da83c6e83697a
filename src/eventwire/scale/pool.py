"""`analyze_many`: the pipeline over a local process pool, results in input order.

Workers are forked from a fork server (spawned where there is none, as on Windows): a
fresh, single-threaded process, so forking is safe beside the CLI's progress thread, which
loads the spaCy model and the tables once (`eventwire.scale.preload`) before it forks any
worker; each worker starts with them in memory. Workers exit when the main process dies,
even by SIGKILL. Items go to workers in chunks of at most `PARSE_BATCH`, which a worker parses
together (`nlp.pipe`); with the number of items known, chunks shrink towards the end, so
that the workers finish together. Store writes stay with the caller, in the main
process. A worker process that dies (segfault, OOM kill) breaks the whole pool: the chunks
then in flight are re-run one at a time in a fresh pool, and a chunk that kills a worker
again item by item, so only the item that kills a worker is reported as failed.
"""

from __future__ import annotations

import itertools
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
from typing import Any

from eventwire.errors import EventwireError
from eventwire.model import AnalyzedDocument, Article
from eventwire.scale.work import PARSE_BATCH, Failure, analyze_chunk, item_label

Result = tuple[str, AnalyzedDocument | EventwireError]
# a task takes an item (or a chunk of them), its date and allow_private
Task = Callable[[Any, str | None, bool], Any]
CHUNKS_PER_WORKER = 2  # with the total known: each chunk at most 1/(workers x this) of the rest

# futures in flight per worker: enough to keep both busy while the oldest (whose result is
# awaited first) runs long; bounded for long inputs
IN_FLIGHT_PER_WORKER = 3


@dataclass(frozen=True, slots=True)
class _Item:
    label: str
    item: Any  # str | Article, or a chunk: tuple[_Item, ...]
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


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["eventwire.scale.preload"])  # read when the server starts
    return context


def start_early() -> None:
    """Start the fork server now, so that it loads the model (about 2 s) while the caller
    opens its store and reads its first inputs, instead of after (the pool starts it at
    its first task otherwise). Without a fork server (Windows) this does nothing."""
    if isinstance(_context(), multiprocessing.context.ForkServerContext):
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _start(workers: int, init: Callable[[], None]) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_context(),
        initializer=_start_worker,
        initargs=(init,),
    )


def _as_result(label: str, outcome: Any) -> Any:
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
    total: int | None = None,
) -> Iterator[Result]:
    """Analyse each item; yield `(label, document or error)` in input order.

    An item is a source spec (path, URL, "-") read as `ingest` reads it, or an `Article`
    already read (from JSONL, say; labelled by its `source`). `published` maps a spec or
    its file name to a YYYY-MM-DD date. A failing item yields its one-line error
    (`InputError`, or `ItemError` for anything unexpected) and the batch goes on.
    `workers=1` runs in this process, without a pool. `total`, the number of items when
    known, sizes the pool's chunks so the workers finish together.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    queue = (_Item(item_label(i), i, _date(i, published)) for i in items)
    if workers == 1:
        for part in _batches(queue, PARSE_BATCH):
            yield from _results(part, _run_chunk(part, None, allow_private))
        return
    yield from _pooled_chunks(queue, workers, allow_private, PARSE_BATCH, total=total)


def _batches(queue: Iterable[_Item], size: int) -> Iterator[tuple[_Item, ...]]:
    it = iter(queue)
    while part := tuple(itertools.islice(it, size)):
        yield part


def _shrinking_batches(
    queue: Iterable[_Item], size: int, workers: int, total: int
) -> Iterator[tuple[_Item, ...]]:
    """Batches of at most `size` that shrink as the end nears (guided scheduling): each
    holds at most a (workers x CHUNKS_PER_WORKER)-th of the items not yet sent, so the last
    chunks are single articles and no worker waits long for the other's last batch."""
    it = iter(queue)
    left = total  # an estimate: items skipped before the pool (stored, unreadable) count too
    while True:
        share = left // (workers * CHUNKS_PER_WORKER)
        part = tuple(itertools.islice(it, max(1, min(size, share))))
        if not part:
            return
        left -= len(part)
        yield part


def _results(
    part: tuple[_Item, ...], outcomes: list[AnalyzedDocument | Failure]
) -> Iterator[Result]:
    for it, outcome in zip(part, outcomes, strict=True):
        yield _as_result(it.label, outcome)


def _run_chunk(
    part: tuple[_Item, ...], _published: str | None, allow_private: bool
) -> list[AnalyzedDocument | Failure]:
    return analyze_chunk([(it.item, it.published) for it in part], allow_private)


def _pooled_chunks(
    queue: Iterable[_Item],
    workers: int,
    allow_private: bool,
    size: int,
    task: Task = _run_chunk,
    init: Callable[[], None] = _init_worker,
    total: int | None = None,
) -> Iterator[Result]:
    """Chunks of at most `size` through the pool (shrinking towards the end when the
    number of items, `total`, is known), results item by item. A chunk whose worker died
    twice (one item kills it) is run again an item at a time, so only that item fails."""
    sent: deque[tuple[_Item, ...]] = deque()
    batches = (
        _batches(queue, size) if total is None
        else _shrinking_batches(queue, size, workers, total)
    )  # fmt: skip

    def chunks() -> Iterator[_Item]:
        for part in batches:
            sent.append(part)  # _pooled answers in input order: popleft pairs them
            yield _Item(part[0].label, part, None)

    for _label, outcome in _pooled(chunks(), workers, allow_private, task, init):
        part = sent.popleft()
        if isinstance(outcome, list):
            yield from _results(part, outcome)
        elif len(part) > 1:
            yield from _pooled_chunks(part, workers, allow_private, 1, task, init)
        else:
            yield part[0].label, outcome


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
