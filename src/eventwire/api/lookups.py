"""Reads the API needs beyond `store.queries`: one event with its reports, country names."""

from __future__ import annotations

from typing import Any

from eventwire.store import Store

_EVENT_SQL = """
    SELECT event_key AS id, type, mode, contexts, cameo, date, source_names, target_names,
           source_codes, target_codes, location_name, location_country, location_lat,
           location_lon, historical, negated, hypothetical, future, confidence, rule
    FROM events WHERE event_key = ?"""

_REPORTS_SQL = """
    SELECT r.article_id, r.event_id, a.title, a.url,
           strftime(a.published, '%Y-%m-%d') AS published, r.date_text, r.confidence,
           r.sentence, r.start_char AS start, r.end_char AS "end", r.trigger,
           r.trigger_start, r.trigger_end
    FROM event_reports r JOIN articles a ON a.id = r.article_id
    WHERE r.event_key = ? ORDER BY r.seq"""


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """The de-duplicated event and every article report of it, or None."""
    cur = store.con.execute(_EVENT_SQL, [event_id])
    row = cur.fetchone()
    if row is None:
        return None
    event = dict(zip([d[0] for d in cur.description], row, strict=True))
    loc = {k: event.pop(f"location_{k}") for k in ("name", "country", "lat", "lon")}
    event["location"] = loc if loc["name"] is not None else None
    cur = store.con.execute(_REPORTS_SQL, [event_id])
    names = [d[0] for d in cur.description]
    reports = []
    for r in cur.fetchall():
        rep = dict(zip(names, r, strict=True))
        rep["evidence"] = {
            k: rep.pop(k)
            for k in ("sentence", "start", "end", "trigger", "trigger_start", "trigger_end")
        }
        reports.append(rep)
    event["reports"] = reports
    return event


def country_info(code: str) -> tuple[str | None, int | None]:
    """(name, ISO numeric) of a country code from the actors knowledge base; (None, None)
    for codes that are not countries (IGO, EUR, ...)."""
    from eventwire.actors.kb import load_kb

    entity = load_kb().entities.get(code.upper())
    if entity is None or entity.kind != "state":
        return None, None
    return entity.name, entity.iso_numeric
