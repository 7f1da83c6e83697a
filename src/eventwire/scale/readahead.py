"""`read_ahead`: read the next inputs on a thread while the caller works on the current one.

`ingest` reads and cleans its inputs in the main process (it must: a stored article is
checked by its id, which needs the text). Read there one at a time, the reading waits for
the pool: with `--workers 2` nothing was read while the fork server loaded the model (about
2 s), and the cleaning of HTML then took a core from the workers. On a thread, reading runs
while the main thread waits (on the fork server, on a worker's result, on a URL) and on a
core the parse does not use. Reading is I/O and lxml; it takes the GIL only in part.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# inputs read before the caller asks for them. Enough to keep reading through the fork
# server's start (about 2 s; the bench corpus reads at about 90 articles/s): at 32, reading
# stopped halfway through it, and `--workers 2` took 9.5 s instead of 9.0 s. Bounded: at
# most this many cleaned texts wait in memory (each at most 20 MB read; news is ~10 KB).
READ_AHEAD = 128


def read_ahead(
    items: Iterable[T], read: Callable[[T], R], depth: int = READ_AHEAD
) -> Iterator[tuple[T, Future[R]]]:
    """Yield `(item, future of read(item))` in input order, with up to `depth` reads started
    ahead on one background thread. `future.result()` returns the read or raises its error.
    Closing the iterator early (an error, Ctrl-C) cancels the reads not yet started."""
    if depth < 1:
        raise ValueError(f"depth must be at least 1, got {depth}")
    window: deque[tuple[T, Future[R]]] = deque()
    reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="eventwire-read")
    try:
        for item in items:
            window.append((item, reader.submit(read, item)))
            if len(window) > depth:
                yield window.popleft()
        while window:
            yield window.popleft()
    finally:
        reader.shutdown(wait=True, cancel_futures=True)
