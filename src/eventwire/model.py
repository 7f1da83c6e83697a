"""Typed records that flow through the pipeline, and the `eventwire/1` JSON contract.

Offsets are character offsets into `Article.text` (end exclusive). Every record that states
something about the world carries the span of text that says so.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from types import NoneType, UnionType
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

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
    # the wire dateline cut from the body ("BRUSSELS, Feb 24 (Reuters)"); its date is the
    # publication date when no other is known
    dateline: str | None = None

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
            "dateline": self.dateline,
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
    country: str | None = None  # ISO alpha-3 (XKX for Kosovo)
    affiliation: str | None = None
    role: str | None = None
    # CAMEO actor code valid on the article's date: country + sector (ISRGOV, KSV for
    # Kosovo), or an international code (IGO, UNO, NGO...); None when unknown
    code: str | None = None
    sector: str | None = None  # GOV, MIL, OPP, REB, ...
    mentions: list[Mention] = field(default_factory=list)
    # how `country` is known: "text" (the article places the actor: a demonym, a place, an
    # office or body of a state), "dictionary" (the entry of the name in the actor
    # dictionaries, on the article's date) or "story" (only the one state the story is
    # about: its office holders and people nothing else places); None without a country
    country_basis: str | None = None


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
    # where `date` comes from: "text" (the text fixes it), or, for an event the text leaves
    # undated, what dates it in queries: "dateline" or "published" (the article's date);
    # None when nothing does (background, plans, no publication date)
    date_source: str | None = None
    location: str | None = None  # place id
    historical: bool = False
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    confidence: float = 0.0
    rule: str | None = None  # lexicon row that produced the event
    mentions: list[Evidence] = field(default_factory=list)  # further reports in the article
    why: dict[str, str] = field(default_factory=dict)  # provenance of each coding decision


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AnalyzedDocument:
        """Inverse of `to_dict` (Article.source is not in the contract, so it comes back None).

        Raises ValueError for another schema, an unknown key, or an article id that is not
        the hash of its text, so a document never silently loses or changes a field.
        """
        if data.get("schema") != SCHEMA:
            raise ValueError(f"schema {data.get('schema')!r}, expected {SCHEMA!r}")
        art = dict(data["article"])
        aid = art.pop("id", None)
        article = _build(Article, art)
        if aid is not None and aid != article.id:
            raise ValueError(f"article id {aid!r} is not the sha256 of its text")
        body = {k: v for k, v in data.items() if k not in ("schema", "article")}
        return _build(cls, {**body, "article": article})


def _fact_dict(fact: Fact) -> dict[str, Any]:
    out = asdict(fact)
    # integral quantities print as integers (4700, not 4700.0)
    if float(fact.quantity).is_integer():
        out["quantity"] = int(fact.quantity)
    return out


_T = TypeVar("_T")


def _build(cls: type[_T], data: Mapping[str, Any]) -> _T:
    """A dataclass from its `asdict` form, typed by the field annotations (recursively)."""
    hints = get_type_hints(cls)
    unknown = set(data) - set(hints)
    if unknown:
        raise ValueError(f"{cls.__name__}: unknown keys {sorted(unknown)}")
    return cls(**{k: _value(hints[k], v) for k, v in data.items()})


def _value(hint: Any, value: Any) -> Any:
    if value is None:
        return value
    origin = get_origin(hint)
    if origin in (Union, UnionType):  # X | None: the one non-None member
        return _value(next(a for a in get_args(hint) if a is not NoneType), value)
    if origin is list:
        (item,) = get_args(hint)
        return [_value(item, v) for v in value]
    if origin is dict:
        return dict(value)
    if hint is float and isinstance(value, int):
        return float(value)  # to_dict prints integral quantities as ints
    if isinstance(value, Mapping) and hasattr(hint, "__dataclass_fields__"):
        return _build(hint, value)
    return value
