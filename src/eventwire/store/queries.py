"""Read-side queries over a Store, shaped for the CLI and the HTTP API.

Every query takes the same keyword filters (see `where`), built in one place; user values
only ever reach DuckDB as bound parameters, and anything spliced into SQL text (sort order,
date precision) comes from an allow-list in this module.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from eventwire.errors import InputError
from eventwire.model import PLOVER_TYPES
from eventwire.store.db import Store, period_start

MAX_LIMIT = 10_000
MAX_OFFSET = 2**63 - 1  # DuckDB's OFFSET is a BIGINT: a larger one is a database error

# sort name -> ORDER BY text; event_key last so paging is stable
SORTS: dict[str, str] = {
    "date": "e.date_start ASC NULLS LAST",
    "-date": "e.date_start DESC NULLS LAST",
    "confidence": "e.confidence ASC",
    "-confidence": "e.confidence DESC",
    "reports": "r.reports ASC",
    "-reports": "r.reports DESC",
    "type": "e.type ASC",
}

# timeline granularity -> minimum length of the stored date (YYYY=4, YYYY-MM=7, YYYY-MM-DD=10):
# an event dated only "2023" is not put into January's bin
GRANULARITY: dict[str, int] = {"day": 10, "week": 10, "month": 7, "year": 4}


def check_filters(
    *,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    sort: str | None = None,
) -> None:
    """Refuse a filter no query can answer, instead of silently matching nothing: an unknown
    PLOVER type (E061), a malformed date (E030), an unknown sort order (E062)."""
    if type and type.upper() not in PLOVER_TYPES:
        raise InputError("E061", f"type={type}", f"type must be one of {', '.join(PLOVER_TYPES)}")
    for name, value in (("since", since), ("until", until)):
        try:
            period_start(value)
        except ValueError as exc:
            raise InputError("E030", f"{name}={value}", str(exc)) from None
    if sort is not None and sort not in SORTS:
        raise InputError("E062", f"sort={sort}", f"sort must be one of {', '.join(SORTS)}")


# the actors a de-duplicated event names, through every article that reported it
_EVENT_ACTORS = """
    FROM event_reports x JOIN actors a ON a.article_id = x.article_id
     AND list_contains(x.source_ids || x.target_ids, a.id)
    WHERE x.event_key = e.event_key"""
# an undated event shows the article date it falls back to (date_source says which)
DATE_SHOWN = "coalesce(e.date, strftime(e.date_start, '%Y-%m-%d'))"


def where(
    *,
    actor: str | None = None,
    type: str | None = None,  # the API's name for the PLOVER type, shadowing is harmless
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
    min_confidence: float | None = None,
) -> tuple[str, list[Any]]:
    """The WHERE clause (over `events e`) and its parameters for the shared filters.

    actor: a source or target actor's name, a person's surname, a CAMEO code or the body an
    actor belongs to (`NATO` finds Rutte's events), case-insensitive; a knowledge-base alias
    means its entity ("North Atlantic Treaty Organization" is NATO). country: an actor's
    country (ISO alpha-3) or the start of its CAMEO code (ISR finds ISRGOV), or the
    location's country. since/until: YYYY, YYYY-MM or YYYY-MM-DD, inclusive, against the
    first day of the event's date, or of the article date an undated event falls back to
    (until "2023-02" includes all of February). text: a substring of the evidence sentence
    of any report, matched literally.
    """
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    if actor:
        terms = actor_terms(actor)
        clauses.append(
            "(EXISTS (SELECT 1 FROM unnest(e.source_names || e.target_names || e.source_codes"
            " || e.target_codes) AS u(v) WHERE list_contains(?, lower(u.v)))"
            f" OR EXISTS (SELECT 1 {_EVENT_ACTORS} AND (list_contains(?, lower(a.name))"
            " OR list_contains(?, lower(a.code)) OR list_contains(?, lower(a.affiliation))"
            " OR (a.kind = 'person' AND list_contains(?, lower(string_split(a.name, ' ')[-1])))"
            ")))"
        )
        params += [terms] * 5
    if type:
        clauses.append("e.type = upper(?)")
        params.append(type)
    if country:
        clauses.append(
            "(upper(e.location_country) = upper(?) OR EXISTS (SELECT 1 FROM"
            " unnest(e.source_codes || e.target_codes) AS u(v) WHERE starts_with(upper(u.v),"
            f" upper(?))) OR EXISTS (SELECT 1 {_EVENT_ACTORS} AND upper(a.country) = upper(?)))"
        )
        params += [country, country, country]
    if since:
        clauses.append("e.date_start >= ?")
        params.append(period_start(since))
    if until and (end := _period_end(until)) is not None:
        clauses.append("e.date_start < ?")
        params.append(end)
    if text:
        clauses.append(
            "EXISTS (SELECT 1 FROM event_reports x WHERE x.event_key = e.event_key"
            " AND x.sentence ILIKE ? ESCAPE '\\')"
        )
        params.append(f"%{_like_escape(text)}%")
    if min_confidence is not None:
        clauses.append("e.confidence >= ?")
        params.append(float(min_confidence))
    return " AND ".join(clauses), params


def actor_terms(actor: str) -> list[str]:
    """The lower-case forms an --actor value matches: itself, and the name and code of the
    knowledge-base entity it is an alias of."""
    from eventwire.actors.kb import load_kb

    terms = {" ".join(actor.split()).lower()}
    entity = load_kb().lookup(actor)
    if entity is not None:
        terms.add(entity.name.lower())
        if entity.kind == "state":  # "Kosovo" finds KSV and XKX
            terms |= {entity.id.lower(), (entity.code or entity.id).lower()}
    return sorted(terms)


def events(
    store: Store,
    *,
    limit: int = 100,
    offset: int = 0,
    sort: str = "date",
    **filters: Any,
) -> list[dict[str, Any]]:
    """Events matching the filters, one row per de-duplicated event."""
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {sorted(SORTS)}, not {sort!r}")
    cond, params = where(**filters)
    sql = f"""
        SELECT e.event_key AS id, e.type, e.mode, e.cameo, {DATE_SHOWN} AS date, e.date_source,
               array_to_string(e.source_names, '; ') AS source,
               array_to_string(e.target_names, '; ') AS target,
               e.location_name AS location, e.historical, e.negated, e.confidence,
               r.evidence, r.article_id, r.article_event_id, r.reports
        FROM events e
        JOIN (SELECT event_key, arg_min(sentence, seq) AS evidence,
                     arg_min(article_id, seq) AS article_id,
                     arg_min(event_id, seq) AS article_event_id, count(*) AS reports
              FROM event_reports GROUP BY event_key) r ON r.event_key = e.event_key
        WHERE {cond}
        ORDER BY {SORTS[sort]}, e.event_key
        LIMIT ? OFFSET ?"""
    return _dicts(store, sql, [*params, *_page(limit, offset)])


def resolve_country(term: str) -> str:
    """The code a country filter matches: a country's name, alias or code ('Serbia', 'US',
    'SRB'), or any three-letter actor code (IGO, EUR); E064 for anything else."""
    from eventwire.actors.kb import country_code

    code = country_code(term)
    if code is not None:
        return code
    if re.fullmatch(r"[A-Za-z]{3}", term.strip()):
        return term.strip().upper()
    raise InputError("E064", f"country={term}", "give a country's name or its alpha-3 code")


def count_events(store: Store, **filters: Any) -> int:
    """How many events match the filters (for "showing N of M")."""
    cond, params = where(**filters)
    row = store.con.execute(f"SELECT count(*) FROM events e WHERE {cond}", params).fetchone()
    return int(row[0]) if row else 0


def timeline(
    store: Store, granularity: str = "month", *, by_type: bool = False, **filters: Any
) -> list[dict[str, Any]]:
    """Event counts per period (ISO date of the period's first day), oldest first.

    Only events dated at least as precisely as the granularity are counted.
    """
    if granularity not in GRANULARITY:
        raise ValueError(f"granularity must be one of {sorted(GRANULARITY)}")
    cond, params = where(**filters)
    type_col = ", e.type" if by_type else ""
    sql = f"""
        SELECT strftime(date_trunc(?, e.date_start), '%Y-%m-%d') AS period{type_col},
               count(*) AS count
        FROM events e
        WHERE {cond} AND e.date_start IS NOT NULL AND length({DATE_SHOWN}) >= ?
        GROUP BY ALL ORDER BY ALL"""
    return _dicts(store, sql, [granularity, *params, GRANULARITY[granularity]])


def network(store: Store, *, limit: int = 1000, **filters: Any) -> list[dict[str, Any]]:
    """Source -> target actor pairs per event type, weighted by the number of events."""
    cond, params = where(**filters)
    sql = f"""
        SELECT s.name AS source, t.name AS target, e.type, count(*) AS weight
        FROM events e, unnest(e.source_names) AS s(name), unnest(e.target_names) AS t(name)
        WHERE {cond}
        GROUP BY ALL ORDER BY weight DESC, source, target, e.type
        LIMIT ? OFFSET ?"""
    return _dicts(store, sql, [*params, *_page(limit, 0)])


def places_counts(store: Store, *, limit: int = 1000, **filters: Any) -> list[dict[str, Any]]:
    """Event locations with their event counts, most frequent first."""
    cond, params = where(**filters)
    sql = f"""
        SELECT e.location_name AS name, e.location_country AS country,
               e.location_lat AS lat, e.location_lon AS lon, count(*) AS events
        FROM events e
        WHERE {cond} AND e.location_name IS NOT NULL
        GROUP BY ALL ORDER BY events DESC, name
        LIMIT ? OFFSET ?"""
    return _dicts(store, sql, [*params, *_page(limit, 0)])


COUNTRY_OF = {"location": "located in the country", "actor": "with an actor of the country"}


def country_counts(
    store: Store, *, by: str = "location", limit: int = 1000, **filters: Any
) -> list[dict[str, Any]]:
    """Events per country, each event counted once per country: by="location", events
    located in the country; by="actor", events with a source or target actor of the country
    (ISO alpha-3). Actors without a country (international bodies and their officials) are
    left out."""
    if by not in COUNTRY_OF:
        raise ValueError(f"by must be one of {', '.join(COUNTRY_OF)}")
    cond, params = where(**filters)
    codes = (
        "SELECT event_key, location_country AS code FROM f"
        if by == "location"
        else """SELECT f.event_key, a.country AS code FROM f
            JOIN event_reports x ON x.event_key = f.event_key
            JOIN actors a ON a.article_id = x.article_id
             AND list_contains(x.source_ids || x.target_ids, a.id)"""
    )
    sql = f"""
        WITH f AS (SELECT e.event_key, e.location_country FROM events e WHERE {cond})
        SELECT code AS country, count(DISTINCT event_key) AS events FROM (
            {codes}
        ) WHERE code IS NOT NULL
        GROUP BY code ORDER BY events DESC, code
        LIMIT ? OFFSET ?"""
    return _dicts(store, sql, [*params, *_page(limit, 0)])


def date_precision_counts(store: Store, **filters: Any) -> dict[str, int]:
    """Matching events by how precisely they are dated: undated, year, month, day."""
    cond, params = where(**filters)
    sql = f"""
        SELECT CASE length(e.date) WHEN 4 THEN 'year' WHEN 7 THEN 'month' WHEN 10 THEN 'day'
                    ELSE 'undated' END AS precision, count(*) AS events
        FROM events e WHERE {cond} GROUP BY ALL"""
    counts = {"undated": 0, "year": 0, "month": 0, "day": 0}
    counts.update({r["precision"]: int(r["events"]) for r in _dicts(store, sql, params)})
    return counts


def actors(
    store: Store, *, limit: int = 100, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    """Actors (name, code) of matching events, with how often each is source and target."""
    cond, params = where(**filters)
    sql = f"""
        WITH f AS (SELECT e.source_names, e.source_codes, e.target_names, e.target_codes
                   FROM events e WHERE {cond}),
        sides AS (
            SELECT unnest(source_names) AS name, unnest(source_codes) AS code,
                   1 AS src, 0 AS tgt FROM f
            UNION ALL
            SELECT unnest(target_names), unnest(target_codes), 0, 1 FROM f)
        SELECT name, code, sum(src)::BIGINT AS as_source, sum(tgt)::BIGINT AS as_target,
               count(*) AS events
        FROM sides GROUP BY name, code
        ORDER BY events DESC, name, code NULLS LAST
        LIMIT ? OFFSET ?"""
    return _dicts(store, sql, [*params, *_page(limit, offset)])


def _dicts(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = store.con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _page(limit: int, offset: int) -> tuple[int, int]:
    for name, value in (("limit", limit), ("offset", offset)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{name} must be a non-negative integer")
    if offset > MAX_OFFSET:
        raise ValueError(f"offset must be at most {MAX_OFFSET}")
    return min(limit, MAX_LIMIT), offset


def _period_end(value: str) -> date | None:
    """The first day after a YYYY, YYYY-MM or YYYY-MM-DD period; None past year 9999."""
    start = period_start(value)
    assert start is not None
    try:
        if len(value) == 4:
            return start.replace(year=start.year + 1)
        if len(value) == 7:
            return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return start + timedelta(days=1)
    except (ValueError, OverflowError):
        return None  # the period runs to the end of the calendar: no upper bound


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
