"""The actors of one document and the spans that mention them.

Every later stage (quotes, coding, facts) asks this table which actor a token or a
character span refers to, so resolution decisions are made in one place.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from spacy.tokens import Span, Token

from eventwire.model import Actor, Mention


class ActorTable:
    def __init__(self) -> None:
        self.actors: list[Actor] = []
        self._by_id: dict[str, Actor] = {}
        # sorted (start, end, actor_id) of every mention, for span lookups
        self._spans: list[tuple[int, int, str]] = []
        # (start, end) -> ids of a mention that names several actors at once ("both parties")
        self._compounds: dict[tuple[int, int], tuple[str, ...]] = {}

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors)

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str) -> Actor:
        return self._by_id[actor_id]

    def add(self, actor: Actor) -> Actor:
        """Add an actor; its id is assigned here (a1, a2, ...) when empty."""
        if not actor.id:
            actor.id = f"a{len(self.actors) + 1}"
        if actor.id in self._by_id:
            raise ValueError(f"duplicate actor id {actor.id}")
        self.actors.append(actor)
        self._by_id[actor.id] = actor
        for m in actor.mentions:
            bisect.insort(self._spans, (m.start, m.end, actor.id))
        return actor

    def link(self, actor_id: str, start: int, end: int, text: str) -> None:
        """Record that text[start:end] mentions the actor (idempotent)."""
        actor = self._by_id[actor_id]
        if any(m.start == start and m.end == end for m in actor.mentions):
            return
        actor.mentions.append(Mention(text=text, start=start, end=end))
        actor.mentions.sort(key=lambda m: m.start)
        bisect.insort(self._spans, (start, end, actor_id))

    def link_compound(self, actor_ids: list[str], start: int, end: int, text: str) -> None:
        """Record that text[start:end] mentions several actors together ("both parties" for
        Kosovo and Serbia); `actor_at` returns the first, `actors_at` all of them."""
        ids = tuple(dict.fromkeys(actor_ids))
        if not ids:
            return
        for actor_id in ids:
            self.link(actor_id, start, end, text)
        self._compounds[(start, end)] = ids

    def actors_at(self, start: int, end: int) -> list[str]:
        """Every actor the best mention covering [start, end) names: several for a compound
        mention, else the one `actor_at` gives (or none)."""
        found = self._best(start, end)
        if found is None:
            return []
        span, actor_id = found
        return list(self._compounds.get(span, (actor_id,)))

    def actor_at(self, start: int, end: int) -> str | None:
        """The actor whose mention best covers the character span [start, end): the
        shortest mention containing it, else the longest overlapping one."""
        found = self._best(start, end)
        if found is None:
            return None
        span, actor_id = found
        return self._compounds.get(span, (actor_id,))[0]

    def _best(self, start: int, end: int) -> tuple[tuple[int, int], str] | None:
        best: tuple[int, tuple[int, int], str] | None = None
        overlap: tuple[int, tuple[int, int], str] | None = None
        i = bisect.bisect_right(self._spans, (end, 1 << 62, ""))
        for m_start, m_end, actor_id in reversed(self._spans[:i]):
            if m_end <= start:
                # spans are sorted by start; earlier ones may still be long, keep scanning
                # only within a bounded window
                if start - m_start > 400:
                    break
                continue
            length = m_end - m_start
            if m_start <= start and end <= m_end:
                if best is None or length < best[0]:
                    best = (length, (m_start, m_end), actor_id)
            elif overlap is None or length > overlap[0]:
                overlap = (length, (m_start, m_end), actor_id)
        chosen = best or overlap
        return (chosen[1], chosen[2]) if chosen is not None else None

    def actor_for_token(self, token: Token) -> str | None:
        return self.actor_at(token.idx, token.idx + len(token.text))

    def actor_for_span(self, span: Span) -> str | None:
        return self.actor_at(span.start_char, span.end_char)

    def actors_for_token(self, token: Token) -> list[str]:
        return self.actors_at(token.idx, token.idx + len(token.text))
