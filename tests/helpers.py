"""Small helpers shared by the tests (fixtures live in conftest.py)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from eventwire.actors.table import ActorTable
from eventwire.model import Actor, Event, Evidence
from eventwire.nlp.dates import date_events


def actor_at_text(table: ActorTable, text: str, needle: str, nth: int = 0) -> Actor | None:
    """The actor the table gives for the nth occurrence of `needle` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    actor_id = table.actor_at(start, start + len(needle))
    return table.get(actor_id) if actor_id else None


def one_actor(table: ActorTable, name: str) -> Actor:
    """The one actor named `name`; fails listing every actor otherwise."""
    found = [a for a in table if a.name == name]
    assert len(found) == 1, [(a.name, a.kind, a.country, a.code) for a in table]
    return found[0]


def dated_event(
    doc: Any, sentence: str, trigger: str, published: str | None, event_type: str = "REQUEST"
) -> Event:
    """An event of `sentence` (in the parsed `doc`) triggered by `trigger`, dated as the
    pipeline dates it against `published`."""
    start = doc.text.index(sentence)
    t_start = doc.text.index(trigger, start)
    ev = Evidence(sentence, start, start + len(sentence), trigger, t_start, t_start + len(trigger))
    event = Event("e1", event_type, ev)
    date_events([event], doc, published)
    return event


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """uvicorn serving an ASGI app on 127.0.0.1 and a free port, in a thread; its base URL."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
