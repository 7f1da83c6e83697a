"""Response and request shapes of the HTTP API (they document /openapi.json)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")  # new store columns pass through


class EventRow(_Open):
    id: str = Field(description="event key: the same in every article reporting the event")
    type: str = Field(description="PLOVER event type")
    mode: str | None = None
    cameo: str | None = None
    date: str | None = Field(
        None,
        description="YYYY, YYYY-MM or YYYY-MM-DD as stated, else the article date it falls "
        "back to (see date_source)",
    )
    date_source: str | None = Field(
        None, description="text | dateline | published: where the date comes from; null: undated"
    )
    source: str | None = Field(None, description="source actor names, '; '-separated")
    target: str | None = Field(None, description="target actor names, '; '-separated")
    location: str | None = None
    historical: bool
    negated: bool
    confidence: float
    evidence: str = Field(description="the sentence of the first report")
    article_id: str = Field(description="the first article reporting the event")
    reports: int = Field(description="how many articles report the event")


class EventsPage(BaseModel):
    rows: list[EventRow]
    limit: int
    offset: int
    next_offset: int | None = Field(description="offset of the next page; null on the last")


class ActorRow(_Open):
    name: str
    code: str | None = None
    as_source: int
    as_target: int
    events: int


class ActorsPage(BaseModel):
    rows: list[ActorRow]
    limit: int
    offset: int
    next_offset: int | None


class TimelineRow(BaseModel):
    period: str = Field(description="first day of the period, YYYY-MM-DD")
    type: str
    count: int


class Timeline(BaseModel):
    granularity: str
    rows: list[TimelineRow]


class Node(BaseModel):
    id: str = Field(description="actor name")
    count: int = Field(description="events the actor takes part in")


class Edge(BaseModel):
    source: str
    target: str
    type: str
    weight: int = Field(description="number of events of this type from source to target")


class Network(BaseModel):
    nodes: list[Node]
    edges: list[Edge]


class CountryCount(BaseModel):
    country: str = Field(description="ISO alpha-3 code (XKX for Kosovo)")
    name: str | None
    iso_numeric: int | None = Field(description="ISO 3166 numeric; null where none (Kosovo)")
    count: int = Field(description="events located in the country")


class PlaceCount(BaseModel):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    count: int


class Places(BaseModel):
    countries: list[CountryCount]
    places: list[PlaceCount]


class Report(_Open):
    article_id: str
    event_id: str
    title: str | None
    url: str | None
    published: str | None
    evidence: dict[str, Any]


class EventDetail(_Open):
    id: str
    type: str
    reports: list[Report]


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="raw or scraped article text")
    url: str | None = Field(
        None, description="the article's URL; fetched (public http/https only) when no text"
    )
    published: str | None = Field(
        None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="publication date, YYYY-MM-DD"
    )


class ArticleStored(BaseModel):
    id: str
    created: bool = Field(description="false when the article was already stored")
    events: int
    href: str


class ErrorBody(BaseModel):
    error: str
