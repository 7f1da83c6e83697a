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
    article_event_id: str = Field(description="the event's id in that article (e1, ...)")
    reports: int = Field(description="how many articles report the event")


class EventsPage(BaseModel):
    rows: list[EventRow]
    total: int = Field(description="events matching the filters, on all pages")
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
    undated: int = Field(description="matching events without a date (in no period)")
    less_precise: int = Field(
        description="matching events dated less precisely than the granularity (in no period)"
    )


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
    count: int = Field(description="events located in the country, or with an actor of it")


class PlaceCount(BaseModel):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    count: int


class Places(BaseModel):
    by: str = Field(description="location or actor: what the country counts count")
    countries: list[CountryCount]
    places: list[PlaceCount]
    unplaced: int = Field(description="matching events without a place")


class EventType(BaseModel):
    type: str
    quad: str = Field(description="the type's family: verbal/material cooperation/conflict")
    definition: str


class DyadSide(BaseModel):
    term: str = Field(description="the actor name or code, or country, as asked")
    country: str | None = Field(description="the country code the term names, if any")


class DyadRow(BaseModel):
    period: str = Field(description="YYYY-MM (month) or YYYY (year)")
    direction: str = Field(description="a_to_b, b_to_a or joint")
    quad_class: int = Field(description="GDELT QuadClass 1-4 from the CAMEO root")
    events: int
    goldstein_mean: float | None = Field(description="mean Goldstein value, -10 to +10")
    goldstein_sum: float | None


class DyadEvent(_Open):
    id: str
    date: str | None
    direction: str
    type: str
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    source: list[str]
    target: list[str]
    counted: bool = Field(description="false for negated, hypothetical and future events")
    evidence: str
    article_id: str


class NotInPeriods(BaseModel):
    undated: int = Field(description="counted events without a date")
    less_precise: int = Field(description="counted events dated less precisely (a year only)")
    not_counted: int = Field(description="negated, hypothetical or future events")


class Dyad(BaseModel):
    a: DyadSide
    b: DyadSide
    granularity: str
    axis: list[str] = Field(description="every period from the first to the last, empty ones too")
    rows: list[DyadRow] = Field(description="non-empty (period, direction, quad_class) cells")
    totals: dict[str, int] = Field(description="counted events per direction, dated or not")
    not_in_periods: NotInPeriods
    events_total: int
    events: list[DyadEvent] = Field(description="the evidence list, oldest first")


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
