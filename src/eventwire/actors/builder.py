"""Actors under construction: one record per actor key, mentions collected by span."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire.actors.kb import Entity, KnowledgeBase, demonym_at
from eventwire.actors.known import KnownActor
from eventwire.actors.table import ActorTable
from eventwire.model import Actor, ActorKind, Mention


@dataclass(slots=True)
class Proto:
    key: str
    name: str
    kind: ActorKind
    country: str | None = None
    affiliation: str | None = None
    role: str | None = None
    code: str | None = None
    sector: str | None = None
    gender: str | None = None  # "f" | "m" when a given name, title or relation shows it
    known: KnownActor | None = None  # the dictionary entry the text names it by
    # how `country` was found when not from the text: "dictionary" or "story" (model.Actor)
    country_basis: str | None = None
    spans: dict[tuple[int, int], str] = field(default_factory=dict)  # (start, end) -> text
    # lower-case words the text describes an organisation with ("broadcast corporation"):
    # class nouns such as "the network" may refer back to it by them
    nouns: set[str] = field(default_factory=set)

    @property
    def first(self) -> int:
        return min(s for s, _ in self.spans) if self.spans else 1 << 62


Mentioned = tuple[int, int, Proto]  # (start, end, actor) of one mention


class Builder:
    def __init__(self, text: str, kb: KnowledgeBase) -> None:
        self.text = text
        self.kb = kb
        self.protos: dict[str, Proto] = {}
        # (start, end) -> proto keys of a mention naming several actors ("both parties")
        self.compounds: dict[tuple[int, int], list[str]] = {}
        # every mention, kept sorted as it comes: (start, end, proto's rank, proto); the rules
        # look up mentions near an offset, and a scan of all of them per lookup was quadratic
        self._index: list[tuple[int, int, int, Proto]] = []
        self._rank: dict[str, int] = {}  # proto key -> order of its first mention
        self._longest = 0
        # a shared demonym ("Congolese") -> the state it means in this text (resolve.py)
        self.demonyms: dict[str, Entity] = {}

    def demonym(self, text: str) -> Entity | None:
        """The state or people a demonym means in this text."""
        return self.demonyms.get(text.lower()) or self.kb.demonym(text)

    def demonym_at(self, tok: Token) -> Entity | None:
        """The state or people the demonym ending at `tok` means in this text, with the
        words before it that make one demonym with it ("South Sudanese": South Sudan)."""
        return demonym_at(tok, self.demonym)

    def mention(self, proto: Proto, start: int, end: int) -> Proto:
        proto = self.protos.setdefault(proto.key, proto)
        if (start, end) not in proto.spans:
            proto.spans[(start, end)] = self.text[start:end]
            rank = self._rank.setdefault(proto.key, len(self._rank))
            insort(self._index, (start, end, rank, proto))
            self._longest = max(self._longest, end - start)
        return proto

    def entity_proto(self, entity: Entity) -> Proto:
        key = f"kb:{entity.id}"
        if key in self.protos:
            return self.protos[key]
        parent = self.kb.entities.get(entity.parent) if entity.parent else None
        return Proto(
            key=key,
            name=entity.name,
            kind=entity.kind,
            country=None if entity.international else entity.country,
            affiliation=parent.name if parent else None,
            code=entity.code,
            sector=entity.sector,
        )

    def mention_entity(self, entity: Entity, start: int, end: int) -> Proto:
        return self.mention(self.entity_proto(entity), start, end)

    def mention_compound(self, protos: list[Proto], start: int, end: int) -> None:
        self.compounds[(start, end)] = [self.mention(p, start, end).key for p in protos]

    def covered(self, start: int, end: int) -> bool:
        """Does any mention (a compound one too) overlap [start, end)?"""
        lo = bisect_left(self._index, (start - self._longest + 1,))
        hi = bisect_left(self._index, (end,))
        return any(start < e for _, e, _, _ in self._index[lo:hi])

    def ordered_mentions(self, start: int = 0, end: int | None = None) -> list[Mentioned]:
        """Mentions by start, then end (then actor), of those starting in [start, end). A
        compound mention is no single antecedent for later references."""
        lo = bisect_left(self._index, (start,))
        hi = len(self._index) if end is None else bisect_left(self._index, (end,))
        return [(s, e, p) for s, e, _, p in self._index[lo:hi] if (s, e) not in self.compounds]

    def mentions_at(self, char: int) -> list[Mentioned]:
        """The ordered mentions whose span holds the character at offset `char`."""
        near = self.ordered_mentions(char - self._longest + 1, char + 1)
        return [m for m in near if char < m[1]]

    def mentions_backward(self, end: int, start: int = 0) -> Iterator[Mentioned]:
        """The ordered mentions starting in [start, end), last first, lazily: a search back
        for an antecedent stops at the first that fits instead of walking the whole text."""
        i = bisect_left(self._index, (end,))
        while i > 0:
            i -= 1
            s, e, _, p = self._index[i]
            if s < start:
                return
            if (s, e) not in self.compounds:
                yield s, e, p

    def table(self) -> ActorTable:
        """The actors, numbered a1, a2, ... in order of first mention."""
        table = ActorTable()
        ids: dict[str, str] = {}
        for proto in sorted(self.protos.values(), key=lambda p: p.first):
            spans = sorted(sp for sp in proto.spans.items() if sp[0] not in self.compounds)
            mentions = [Mention(text=t, start=s, end=e) for (s, e), t in spans]
            table.add(
                Actor(
                    id="",
                    name=proto.name,
                    kind=proto.kind,
                    country=proto.country,
                    affiliation=proto.affiliation,
                    role=proto.role,
                    code=proto.code,
                    sector=proto.sector,
                    mentions=mentions,
                    country_basis=(proto.country_basis or "text") if proto.country else None,
                )
            )
            ids[proto.key] = table.actors[-1].id
        for (start, end), keys in sorted(self.compounds.items()):
            table.link_compound([ids[k] for k in keys], start, end, self.text[start:end])
        return table
