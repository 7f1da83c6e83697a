"""Read-side queries over a Store, shaped for the CLI and the HTTP API.

Every query takes the same keyword filters (see `where`), built in one place; user values
only ever reach DuckDB as bound parameters, and anything spliced into SQL text (sort order,
date precision) comes from an allow-list in this module.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

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

    actor: a source or target name or code, case-insensitive. country: a source/target code
    or the location's country. since/until: YYYY, YYYY-MM or YYYY-MM-DD, inclusive, against
    the first day of the event's date (until "2023-02" includes all of February). text: a
    substring of the evidence sentence of any report, matched literally.
    """
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    if actor:
        clauses.append(
            "EXISTS (SELECT 1 FROM unnest(e.source_names || e.target_names || e.source_codes"
            " || e.target_codes) AS u(v) WHERE lower(u.v) = lower(?))"
        )
        params.append(actor)
    if type:
        clauses.append("e.type = upper(?)")
        params.append(type)
    if country:
        clauses.append(
            "(upper(e.location_country) = upper(?) OR EXISTS (SELECT 1 FROM"
            " unnest(e.source_codes || e.target_codes) AS u(v) WHERE upper(u.v) = upper(?)))"
        )
        params += [country, country]
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
        SELECT e.event_key AS id, e.type, e.mode, e.cameo, e.date,
               array_to_string(e.source_names, '; ') AS source,
               array_to_string(e.target_names, '; ') AS target,
               e.location_name AS location, e.historical, e.negated, e.confidence,
               r.evidence, r.article_id, r.reports
        FROM events e
        JOIN (SELECT event_key, arg_min(sentence, seq) AS evidence,
                     arg_min(article_id, seq) AS article_id, count(*) AS reports
              FROM event_reports GROUP BY event_key) r ON r.event_key = e.event_key
        WHERE {cond}
        ORDER BY {SORTS[sort]}, e.event_key
        LIMIT ? OFFSET ?"""
    return _dicts(store, sql, [*params, *_page(limit, offset)])


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
        WHERE {cond} AND e.date_start IS NOT NULL AND length(e.date) >= ?
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


def country_counts(store: Store, *, limit: int = 1000, **filters: Any) -> list[dict[str, Any]]:
    """Events per country involved: an actor's code (source or target) or the location's
    country, each event counted once per country. Non-country codes (IGO, ...) are kept;
    the caller knows which codes are countries."""
    cond, params = where(**filters)
    sql = f"""
        SELECT code AS country, count(*) AS events FROM (
            SELECT DISTINCT e.event_key, unnest(list_concat(
                coalesce(e.source_codes, []), coalesce(e.target_codes, []),
                CASE WHEN e.location_country IS NULL THEN [] ELSE [e.location_country] END
            )) AS code
            FROM events e WHERE {cond}
        ) WHERE code IS NOT NULL
        GROUP BY code ORDER BY events DESC, code
        LIMIT ? OFFSET ?"""
    return _dicts(store, sql, [*params, *_page(limit, 0)])


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
