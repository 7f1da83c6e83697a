"""read_ahead: inputs read on a thread ahead of the caller, in order, errors kept per item;
_shrinking_batches: the pool's chunks shrink towards the end so workers finish together."""

from __future__ import annotations

import threading

import pytest

from eventwire.scale.pool import _Item, _shrinking_batches
from eventwire.scale.readahead import read_ahead


def test_reads_come_back_in_input_order_with_each_error_on_its_own_item() -> None:
    def read(n: int) -> int:
        if n == 3:
            raise ValueError("unreadable 3")
        return n * 10

    seen = []
    for item, reading in read_ahead(range(6), read, depth=2):
        try:
            seen.append((item, reading.result()))
        except ValueError as e:
            seen.append((item, str(e)))
    assert seen == [(0, 0), (1, 10), (2, 20), (3, "unreadable 3"), (4, 40), (5, 50)]


def test_reading_runs_ahead_of_the_caller_on_another_thread() -> None:
    # the caller holds item 0 until item 2 has been read: only a reader running ahead,
    # on a thread of its own, can get there
    third_read = threading.Event()
    threads = set()

    def read(n: int) -> int:
        threads.add(threading.current_thread().name)
        if n == 2:
            third_read.set()
        return n

    reads = read_ahead(range(5), read, depth=3)
    first, reading = next(reads)
    assert third_read.wait(timeout=10)
    assert (first, reading.result()) == (0, 0)
    assert [n for n, _ in reads] == [1, 2, 3, 4]
    assert threads and all(name.startswith("eventwire-read") for name in threads)


def test_closing_early_stops_reading_what_was_not_started() -> None:
    started = []

    def read(n: int) -> int:
        started.append(n)
        return n

    reads = read_ahead(range(1000), read, depth=4)
    next(reads)
    reads.close()
    assert len(started) <= 6  # the window and the one in hand, not the thousand


def test_depth_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="depth"):
        list(read_ahead([1], lambda n: n, depth=0))


def test_chunks_shrink_to_single_items_at_the_end_and_keep_every_item_in_order() -> None:
    items = [_Item(str(n), n, None) for n in range(105)]
    parts = list(_shrinking_batches(items, 8, workers=2, total=105))
    sizes = [len(p) for p in parts]
    assert [it.item for p in parts for it in p] == list(range(105))
    assert max(sizes) == 8 and sizes[-4:] == [1, 1, 1, 1]
    assert sizes == sorted(sizes, reverse=True)


def test_a_total_below_the_real_count_still_sends_every_item() -> None:
    items = [_Item(str(n), n, None) for n in range(10)]
    parts = list(_shrinking_batches(items, 8, workers=2, total=3))
    assert [it.item for p in parts for it in p] == list(range(10))
