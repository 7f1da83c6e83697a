"""Watching RSS/Atom feeds: poll, fetch the articles not stored yet, analyse, store, sleep.

A link whose URL is stored is not fetched again; a fetched article whose text is stored
(the same story under another URL) is not analysed, and its link is not fetched again while
the watch runs. Nor is a link that failed for a reason that will not change (not English,
no article text); one that failed on the network (E021, E022) is tried at the next poll. A feed
that cannot be read is reported and polled again next time. Ctrl-C ends the watch between
two steps: a document being saved is stored whole or not at all (one transaction).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventwire.errors import EventwireError, InputError
from eventwire.ingest.sources import article_from_bytes, feed_links, fetch_url

if TYPE_CHECKING:
    import httpx

    from eventwire.store.db import Store

RETRIED = frozenset({"E021", "E022"})  # network failures: the next poll tries again
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")
_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """'90s', '10m', '1h', '1d' or plain seconds; InputError E062 otherwise."""
    m = _DURATION.fullmatch(text.strip().lower())
    seconds = float(m[1]) * _SECONDS[m[2]] if m else 0.0
    if seconds <= 0:
        raise InputError("E062", f"--every {text}", "a duration such as 90s, 10m, 1h or 1d")
    return seconds


@dataclass(slots=True)
class WatchSummary:
    polls: int = 0
    stored: int = 0
    already_stored: int = 0
    failed: int = 0
    events: int = 0
    interrupted: bool = False
    passed_over: set[str] = field(default_factory=set)  # links not fetched again this watch

    def counts(self) -> dict[str, int]:
        return {
            "polls": self.polls,
            "stored": self.stored,
            "already stored": self.already_stored,
            "failed": self.failed,
            "events": self.events,
        }


def watch_feeds(
    feeds: Sequence[str],
    store: Store,
    *,
    every: float,
    max_polls: int | None = None,
    allow_private: bool = False,
    report: Callable[[str], None] = lambda line: None,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> WatchSummary:
    """Poll `feeds` every `every` seconds, `max_polls` times (None: until Ctrl-C), storing
    each new article. `report` gets one line per failure and per poll."""
    summary = WatchSummary()
    try:
        while max_polls is None or summary.polls < max_polls:
            if summary.polls:
                sleep(every)
            before = summary.counts()
            for feed in feeds:
                for link in _links(feed, allow_private, transport, report):
                    if link not in summary.passed_over:
                        _take(link, store, summary, allow_private, transport, report)
            summary.polls += 1
            now = summary.counts()
            report(
                f"poll {summary.polls}: "
                + ", ".join(f"{now[k] - before[k]} {k}" for k in now if k != "polls")
            )
    except KeyboardInterrupt:
        summary.interrupted = True
    return summary


def _take(
    link: str,
    store: Store,
    summary: WatchSummary,
    allow_private: bool,
    transport: httpx.BaseTransport | None,
    report: Callable[[str], None],
) -> None:
    """Fetch, analyse and store one linked article unless it is stored already."""
    from eventwire.scale.work import Failure, analyze_item

    if store.has_url(link):
        summary.already_stored += 1
        return
    try:
        data, content_type = fetch_url(link, allow_private=allow_private, transport=transport)
        article = article_from_bytes(data, link, content_type, url=link)
        if store.has_article(article.id):
            summary.already_stored += 1
            summary.passed_over.add(link)
            return
        outcome = analyze_item(article)  # a bug on one article is its error, not the watch's
        if isinstance(outcome, Failure):
            raise outcome.error()
        if store.save(outcome):
            summary.stored += 1
            summary.events += len(outcome.events)
    except EventwireError as err:
        summary.failed += 1
        if not (isinstance(err, InputError) and err.code in RETRIED):
            summary.passed_over.add(link)
        report(f"skipped {err}")


def _links(
    feed: str,
    allow_private: bool,
    transport: httpx.BaseTransport | None,
    report: Callable[[str], None],
) -> list[str]:
    try:
        data, _ = fetch_url(feed, allow_private=allow_private, transport=transport)
        return feed_links(data)
    except InputError as err:
        if err.source == "<feed>":  # feed_links does not know the feed's address
            err = InputError(err.code, feed, err.detail)
        report(f"feed not read: {err}")
        return []
