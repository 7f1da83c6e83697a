"""Actors under construction: one record per actor key, mentions collected by span."""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.actors.kb import Entity, KnowledgeBase
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
    spans: dict[tuple[int, int], str] = field(default_factory=dict)  # (start, end) -> text
    # lower-case words the text describes an organisation with ("broadcast corporation"):
    # class nouns such as "the network" may refer back to it by them
    nouns: set[str] = field(default_factory=set)

    @property
    def first(self) -> int:
        return min(s for s, _ in self.spans) if self.spans else 1 << 62


class Builder:
    def __init__(self, text: str, kb: KnowledgeBase) -> None:
        self.text = text
        self.kb = kb
        self.protos: dict[str, Proto] = {}
        # (start, end) -> proto keys of a mention naming several actors ("both parties")
        self.compounds: dict[tuple[int, int], list[str]] = {}

    def mention(self, proto: Proto, start: int, end: int) -> Proto:
        proto = self.protos.setdefault(proto.key, proto)
        proto.spans.setdefault((start, end), self.text[start:end])
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
        return any(s < end and start < e for p in self.protos.values() for (s, e) in p.spans)

    def ordered_mentions(self) -> list[tuple[int, int, Proto]]:
        # a compound mention is no single antecedent for later references
        out = [
            (s, e, p)
            for p in self.protos.values()
            for (s, e) in p.spans
            if (s, e) not in self.compounds
        ]
        out.sort(key=lambda m: (m[0], m[1]))
        return out

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
                )
            )
            ids[proto.key] = table.actors[-1].id
        for (start, end), keys in sorted(self.compounds.items()):
            table.link_compound([ids[k] for k in keys], start, end, self.text[start:end])
        return table
