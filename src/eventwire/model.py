"""Typed records that flow through the pipeline, and the `eventwire/1` JSON contract.

Offsets are character offsets into `Article.text` (end exclusive). Every record that states
something about the world carries the span of text that says so.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA = "eventwire/1"

ActorKind = Literal["person", "organisation", "state", "group"]
PlaceKind = Literal["country", "admin", "city", "region", "other"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def article_id(text: str) -> str:
    """The article id: sha256 of the canonical (clean) body text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Article:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD, only when the page or the caller states it
    url: str | None = None
    language: str = "en"
    removed: list[str] = field(default_factory=list)  # site junk the cleaner dropped
    source: str | None = None  # where it was read from (path, URL, "-"); not part of the id

    @property
    def id(self) -> str:
        return article_id(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "author": self.author,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "removed": list(self.removed),
        }


@dataclass(slots=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    country: str | None = None  # PLOVER/ISO alpha-3 (KOS for Kosovo)
    affiliation: str | None = None
    role: str | None = None
    code: str | None = None  # PLOVER actor code: country code, IGO, ...; None when unknown
    sector: str | None = None  # GOV, MIL, OPP, REB, ...
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    speaker: str | None  # actor id
    text: str
    start: int
    end: int
    direct: bool = True
    partial: bool = False


@dataclass(slots=True)
class Evidence:
    sentence: str
    start: int
    end: int
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None


@dataclass(slots=True)
class Event:
    id: str
    type: str  # one of PLOVER_TYPES
    evidence: Evidence
    source: list[str] = field(default_factory=list)  # actor ids
    target: list[str] = field(default_factory=list)
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    cameo: str | None = None
    date: str | None = None  # YYYY | YYYY-MM | YYYY-MM-DD | None
    date_text: str | None = None
    location: str | None = None  # place id
    historical: bool = False
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    confidence: float = 0.0
    rule: str | None = None  # lexicon row that produced the event


@dataclass(slots=True)
class Place:
    id: str
    name: str
    country: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    kind: PlaceKind = "other"
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Fact:
    subject: str | None  # actor id, when the subject is a known actor
    quantity: float
    unit: str
    approx: bool
    evidence: Evidence
    subject_text: str | None = None


@dataclass(slots=True)
class AnalyzedDocument:
    article: Article
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.to_dict(),
            "actors": [asdict(a) for a in self.actors],
            "quotes": [asdict(q) for q in self.quotes],
            "events": [asdict(e) for e in self.events],
            "places": [asdict(p) for p in self.places],
            "facts": [_fact_dict(f) for f in self.facts],
        }


def _fact_dict(fact: Fact) -> dict[str, Any]:
    out = asdict(fact)
    # integral quantities print as integers (4700, not 4700.0)
    if float(fact.quantity).is_integer():
        out["quantity"] = int(fact.quantity)
    return out
