"""A dyad over time: the events between two actors or countries, both ways, by period,
QuadClass and Goldstein intensity, with the evidence of each event.

A side term is an actor's name or code, or a country (name, alias or alpha-3 code): a
country matches every actor whose code is or starts with its code (SRB, SRBGOV). Directions:
`a_to_b` (A among the sources, B among the targets), `b_to_a`, and `joint`, both among the
sources of an event with no target ("the dialogue between Kosovo and Serbia").

Only events that happened are counted in the periods: negated, hypothetical and future
events are listed with `counted: false`, never added to a bar. Events dated less precisely
than the period (only a year, in a monthly view) or not at all are counted apart, and said.
"""

from __future__ import annotations

from typing import Any

from eventwire.actors.kb import country_code
from eventwire.store.db import Store
from eventwire.store.flat import scale_values
from eventwire.store.queries import where

DIRECTIONS = ("a_to_b", "b_to_a", "joint")
PERIOD_LENGTH = {"month": 7, "year": 4}  # characters of YYYY-MM / YYYY

_SIDE = (
    "EXISTS (SELECT 1 FROM (SELECT unnest(e.{side}_names) AS name,"
    " unnest(e.{side}_codes) AS code) u WHERE lower(u.name) = lower(?)"
    " OR upper(u.code) = upper(?) OR starts_with(upper(coalesce(u.code, '')), ?))"
)


def side_term(term: str) -> dict[str, Any]:
    """How a side is matched: the term as given and the country it names, if any."""
    return {"term": term, "country": country_code(term)}


def _side_sql(side: str, term: dict[str, Any]) -> tuple[str, list[Any]]:
    # a term that names no country cannot match a code prefix: '\x00' starts no code
    return _SIDE.format(side=side), [term["term"], term["term"], term["country"] or "\x00"]


def dyad(
    store: Store, a: str, b: str, *, granularity: str = "month", limit: int = 1000,
    **filters: Any,
) -> dict[str, Any]:
    """The events between `a` and `b` (see the module docstring) and their counts per
    period, direction and QuadClass, the periods running without gap from first to last.
    Counts cover every event; the list holds the first `limit` (`events_total` says all)."""
    if granularity not in PERIOD_LENGTH:
        raise ValueError(f"granularity must be one of {', '.join(PERIOD_LENGTH)}")
    sides = {"a": side_term(a), "b": side_term(b)}
    cond, params = where(**filters)
    tests, test_params = [], []
    for name, side in (("a_src", "source"), ("a_tgt", "target"), ("b_src", "source"),
                       ("b_tgt", "target")):  # fmt: skip
        sql, p = _side_sql(side, sides[name[0]])
        tests.append(f"{sql} AS {name}")
        test_params += p
    scale_sql, scale_params = scale_values(store.con)
    sql = f"""
        WITH m AS (
            SELECT e.*, {", ".join(tests)} FROM events e WHERE {cond}),
        d AS (
            SELECT m.*, CASE WHEN a_src AND b_tgt THEN 'a_to_b' WHEN b_src AND a_tgt
                             THEN 'b_to_a' WHEN a_src AND b_src AND len(m.target_names) = 0
                             THEN 'joint' END AS direction
            FROM m),
        s AS ({scale_sql}),
        r AS (SELECT event_key, arg_min(sentence, seq) AS evidence,
                     arg_min(article_id, seq) AS article_id, arg_min(trigger, seq) AS trigger
              FROM event_reports GROUP BY event_key)
        SELECT d.event_key AS id, d.date, d.direction, d.type, d.cameo, s.quad_class,
               s.goldstein, d.source_names AS source, d.target_names AS target,
               d.historical, d.negated, d.hypothetical, d.future,
               NOT (d.negated OR d.hypothetical OR d.future) AS counted,
               r.evidence, r.trigger, r.article_id
        FROM d JOIN r ON r.event_key = d.event_key
        LEFT JOIN s ON s.cameo IS NOT DISTINCT FROM d.cameo AND s.type = d.type
        WHERE d.direction IS NOT NULL
        ORDER BY d.date_start NULLS LAST, d.event_key"""
    cur = store.con.execute(sql, [*test_params, *params, *scale_params])
    names = [c[0] for c in cur.description]
    events = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    return {"a": sides["a"], "b": sides["b"], "granularity": granularity,
            **_periods(events, PERIOD_LENGTH[granularity]), "events_total": len(events),
            "events": events[:limit]}  # fmt: skip


def _periods(events: list[dict[str, Any]], length: int) -> dict[str, Any]:
    """Counts per (period, direction, quad_class) with the mean and summed Goldstein value,
    the axis of every period from first to last, the counted events per direction (dated or
    not), and the events no period holds."""
    cells: dict[tuple[str, str, int], list[float | None]] = {}
    undated = coarser = not_counted = 0
    for ev in events:
        if not ev["counted"]:
            not_counted += 1
        elif ev["date"] is None:
            undated += 1
        elif len(ev["date"]) < length:
            coarser += 1
        else:
            key = (ev["date"][:length], ev["direction"], ev["quad_class"])
            cells.setdefault(key, []).append(ev["goldstein"])
    rows = [
        {"period": period, "direction": direction, "quad_class": quad, "events": len(values),
         **_goldstein([v for v in values if v is not None])}
        for (period, direction, quad), values in sorted(cells.items())
    ]  # fmt: skip
    periods = sorted({period for period, _, _ in cells})
    axis = _axis(periods[0], periods[-1]) if periods else []
    counted = [ev for ev in events if ev["counted"]]
    totals = {d: sum(ev["direction"] == d for ev in counted) for d in DIRECTIONS}
    return {"axis": axis, "rows": rows, "totals": totals,
            "not_in_periods": {"undated": undated, "less_precise": coarser,
                               "not_counted": not_counted}}  # fmt: skip


def _goldstein(values: list[float]) -> dict[str, float | None]:
    """Mean and sum of the Goldstein values known (an event without a CAMEO code has none)."""
    if not values:
        return {"goldstein_mean": None, "goldstein_sum": None}
    return {"goldstein_mean": round(sum(values) / len(values), 2),
            "goldstein_sum": round(sum(values), 2)}  # fmt: skip


def _axis(first: str, last: str) -> list[str]:
    """Every period from `first` to `last` (YYYY or YYYY-MM), empty ones included."""
    if len(first) == 4:
        return [str(y) for y in range(int(first), int(last) + 1)]
    out = []
    year, month = int(first[:4]), int(first[5:7])
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
