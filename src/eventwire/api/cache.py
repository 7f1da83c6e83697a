"""Whole answers to repeated reads, kept until the store changes.

Each read costs a few DuckDB queries (about a millisecond of planning and execution each)
and their conversion to JSON: 5-18 ms of CPU a request. 50 clients asking for the explorer's
pages saturated a 2-core machine, and requests queued for seconds. The data cannot change
under a read-only server (DuckDB lets no process write a file another holds open), and a
writable one counts its writes (`Database.generation`), so an answer is reused as long as the
generation it was made at is current.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# GET routes answered from the store alone (/api/export streams whole tables: not kept)
CACHED_PREFIXES = (
    "/api/events", "/api/actors", "/api/timeline", "/api/network", "/api/places",
    "/api/articles/",
)  # fmt: skip

Key = tuple[str, bytes, bool]  # path, query string, gzip accepted


class Generation(Protocol):
    generation: int


class ResponseCache:
    """ASGI middleware keeping the 200 answers of `CACHED_PREFIXES` GETs, least recently
    used out first, up to `max_bytes` of bodies. Put it inside the host check and outside
    compression, so a kept answer is checked like any other and is not compressed again.
    Start messages are copied on the way in and out: an outer layer adds headers to them."""

    def __init__(self, app: ASGIApp, store: Generation, max_bytes: int) -> None:
        self.app = app
        self.store = store
        self.max_bytes = max_bytes
        self.size = 0
        self.entries: OrderedDict[Key, tuple[int, Message, bytes]] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not path.startswith(CACHED_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        accepts = b"".join(v for k, v in scope["headers"] if k == b"accept-encoding")
        key: Key = (path, scope.get("query_string", b""), b"gzip" in accepts)
        generation = self.store.generation  # before the read: a write during it voids it
        kept = self.entries.get(key)
        if kept is not None and kept[0] == generation:
            self.entries.move_to_end(key)
            await send({**kept[1], "headers": list(kept[1]["headers"])})  # outer layers add
            await send({"type": "http.response.body", "body": kept[2]})
            return
        start: Message | None = None
        body: list[bytes] = []
        size = 0

        async def keep(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                ok = message["status"] == 200
                start = {**message, "headers": list(message["headers"])} if ok else None
            elif message["type"] == "http.response.body" and start is not None:
                body.append(message.get("body", b""))
                size += len(body[-1])
                if size > self.max_bytes // 8:
                    start = None  # too big to be worth keeping
                elif not message.get("more_body", False):
                    self._put(key, generation, start, b"".join(body))
            await send(message)

        await self.app(scope, receive, keep)

    def _put(self, key: Key, generation: int, start: Message, body: bytes) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old[2])
        self.entries[key] = (generation, start, body)
        self.size += len(body)
        while self.size > self.max_bytes and self.entries:
            _, (_, _, dropped) = self.entries.popitem(last=False)
            self.size -= len(dropped)
