"""The flat event table: one row per de-duplicated event, with GDELT/ACLED-style columns.

Every column is documented in docs/data-dictionary.md (a test keeps the two in step). The
row takes its attributes from the event's first report (the one the `events` table keeps),
its counts from all reports. Derived columns are computed here, never stored, so a change
of the Goldstein table or of the fatality rule applies to old stores too:
- quad_class and goldstein from the CAMEO code (coding.ontology, data/goldstein.tsv);
- fatalities from the numeric facts stated in an event's evidence sentence (`death_count`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import duckdb

from eventwire.coding.ontology import event_types, goldstein, quad, quad_class
from eventwire.nlp.quantities import fact_units
from eventwire.store.queries import where

# column -> SQL over: events e, first report f, counts n, articles a, scale s, deaths d
_SELECT: tuple[tuple[str, str], ...] = (
    ("event_id", "e.event_key"),
    ("plover_type", "e.type"),
    ("plover_mode", "e.mode"),
    ("plover_contexts", "coalesce(e.contexts, [])"),
    ("cameo", "e.cameo"),
    ("cameo_root", "left(e.cameo, 2)"),
    ("quad_class", "s.quad_class"),
    ("goldstein", "s.goldstein"),
    ("actor1_names", "coalesce(e.source_names, [])"),
    ("actor1_codes", "coalesce(e.source_codes, [])"),
    ("actor1_countries", "{actors:source_ids:country}"),
    ("actor1_sectors", "{actors:source_ids:sector}"),
    ("actor2_names", "coalesce(e.target_names, [])"),
    ("actor2_codes", "coalesce(e.target_codes, [])"),
    ("actor2_countries", "{actors:target_ids:country}"),
    ("actor2_sectors", "{actors:target_ids:sector}"),
    ("event_date", "e.date"),
    ("date_source", "e.date_source"),
    ("date_text", "f.date_text"),
    ("place_name", "e.location_name"),
    ("place_country", "e.location_country"),
    ("lat", "e.location_lat"),
    ("lon", "e.location_lon"),
    ("historical", "e.historical"),
    ("negated", "e.negated"),
    ("hypothetical", "e.hypothetical"),
    ("future", "e.future"),
    ("confidence", "e.confidence"),
    ("evidence", "f.sentence"),
    ("trigger", "f.trigger"),
    ("article_id", "f.article_id"),
    ("article_url", "a.url"),
    ("article_title", "a.title"),
    ("published", "a.published"),
    ("num_reports", "n.num_reports"),
    ("num_articles", "n.num_articles"),
    ("fatalities", "d.fatalities"),
    ("rule", "e.rule"),
)
COLUMNS: tuple[str, ...] = tuple(name for name, _ in _SELECT)
LIST_COLUMNS: tuple[str, ...] = (
    "plover_contexts", "actor1_names", "actor1_codes", "actor1_countries", "actor1_sectors",
    "actor2_names", "actor2_codes", "actor2_countries", "actor2_sectors",
)  # fmt: skip

# the attribute of each actor of a side, in the side's order, from the first report's article
_ACTOR_ATTR = (
    "coalesce((SELECT list(x.{attr} ORDER BY u.i) FROM (SELECT unnest(f.{ids}) AS id,"
    " generate_subscripts(f.{ids}, 1) AS i) u LEFT JOIN actors x"
    " ON x.article_id = f.article_id AND x.id = u.id), [])"
)
_ACTOR_REF = re.compile(r"\{actors:(\w+):(\w+)\}")


def flat_events_sql(
    con: duckdb.DuckDBPyConnection, *, csv: bool = False, filters: dict[str, Any] | None = None
) -> tuple[str, list[Any]]:
    """The SELECT of the flat event rows (ordered by event date, then id) and its parameters.

    csv: list columns as JSON text (`["Kosovo","Serbia"]`, `[null]`), as a CSV cell must be.
    filters: the shared filters of store.queries.where (the explorer's current view).
    """
    cond, cond_params = where(**(filters or {}))
    scale_sql, scale_params = scale_values(con)
    deaths_sql, deaths_params = _values(
        ("event_key", "fatalities"), ("VARCHAR", "INTEGER"), sorted(fatalities(con).items())
    )
    columns = []
    for name, sql in _SELECT:
        sql = _ACTOR_REF.sub(lambda m: _ACTOR_ATTR.format(ids=m[1], attr=m[2]), sql)
        if csv and name in LIST_COLUMNS:
            sql = f"to_json({sql})"
        columns.append(f"{sql} AS {name}")
    sql = f"""
        WITH f AS (SELECT * FROM event_reports
                   QUALIFY row_number() OVER (PARTITION BY event_key ORDER BY seq) = 1),
        n AS (SELECT event_key, count(*) AS num_reports,
                     count(DISTINCT article_id) AS num_articles
              FROM event_reports GROUP BY event_key),
        s AS ({scale_sql}),
        d AS ({deaths_sql})
        SELECT {", ".join(columns)}
        FROM events e
        JOIN f ON f.event_key = e.event_key
        JOIN n ON n.event_key = e.event_key
        LEFT JOIN articles a ON a.id = f.article_id
        LEFT JOIN s ON s.cameo IS NOT DISTINCT FROM e.cameo AND s.type = e.type
        LEFT JOIN d ON d.event_key = e.event_key
        WHERE {cond}
        ORDER BY e.date_start NULLS LAST, e.event_key"""
    return sql, [*scale_params, *deaths_params, *cond_params]


def scale_values(con: duckdb.DuckDBPyConnection) -> tuple[str, list[Any]]:
    """A SELECT of (cameo, type, quad_class, goldstein) for every pair stored in `events`:
    the derived scales are computed in Python, from the one table that defines them."""
    pairs = con.execute("SELECT DISTINCT cameo, type FROM events").fetchall()
    rows = [(c, t, quad_class(c, t), goldstein(c)) for c, t in pairs]
    return _values(
        ("cameo", "type", "quad_class", "goldstein"), ("VARCHAR", "VARCHAR", "INTEGER", "DOUBLE"),
        rows,
    )  # fmt: skip


def _values(
    names: Sequence[str], types: Sequence[str], rows: Sequence[Sequence[Any]]
) -> tuple[str, list[Any]]:
    """A SELECT over literal rows, every value a bound parameter (no rows: an empty SELECT)."""
    if not rows:
        cols = ", ".join(f"NULL::{t} AS {n}" for n, t in zip(names, types, strict=True))
        return f"SELECT {cols} WHERE FALSE", []
    casts = ", ".join(f"?::{t}" for t in types)
    body = ", ".join(f"({casts})" for _ in rows)
    return f"SELECT * FROM (VALUES {body}) AS v({', '.join(names)})", [v for r in rows for v in r]


# words that say what happened to the people a number counts; the nearest one decides
_DEATH_WORDS = frozenset(
    "kill kills killed killing dead die died dies dying death deaths toll lives fatalities "
    "fatality".split()
)
_OTHER_CASUALTY_WORDS = frozenset(
    "wound wounds wounded wounding injure injured injuring injuries hurt arrested arresting "
    "detained displaced evacuated rescued missing abducted kidnapped hospitalised hospitalized "
    "fled".split()
)
_WINDOW = 4  # words either side of the number
_WORD = re.compile(r"[A-Za-z]+|\d[\d,.]*")


def death_count(sentence: str, numbers: Sequence[tuple[int, int, float]]) -> int | None:
    """The largest count of dead the sentence states, or None.

    numbers: (start, end, quantity) of counts of people in the sentence (offsets into it).
    A number counts the dead when the casualty word nearest to it, within four words either
    side, is a word of death: "killing 14 people", "14 people were killed", "12 dead", "the
    death toll rose to 9"; not "killed 3 and wounded 40" for the 40. Several death counts in
    one sentence are often a total and its part ("14 people, including six children"), so the
    largest is taken, never the sum.
    """
    found: list[int] = []
    for start, end, quantity in numbers:
        before = [w.lower() for w in _WORD.findall(sentence[:start])][-_WINDOW:][::-1]
        after = [w.lower() for w in _WORD.findall(sentence[end:])][:_WINDOW]
        for i in range(_WINDOW):
            near = [w[i] for w in (before, after) if i < len(w)]
            cues = [w for w in near if w in _DEATH_WORDS or w in _OTHER_CASUALTY_WORDS]
            if cues:
                if cues[0] in _DEATH_WORDS:
                    found.append(int(quantity))
                break
    return max(found) if found else None


def fatalities(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """event key -> the largest count of dead stated in any report's evidence sentence, for
    events of material conflict (an ASSAULT's sentence, not a condemnation's)."""
    units = sorted({unit for category, unit in fact_units().values()
                    if category in ("people", "troops")})  # fmt: skip
    types = sorted(t for t in event_types() if quad(t) == "material conflict")
    rows = con.execute(
        f"""SELECT r.event_key, r.sentence, list([fa.trigger_start - r.start_char,
                   fa.trigger_end - r.start_char, fa.quantity])
            FROM event_reports r JOIN facts fa
              ON fa.article_id = r.article_id AND fa.start_char = r.start_char
            WHERE fa.trigger_start IS NOT NULL
              AND fa.unit IN ({", ".join("?" for _ in units)})
              AND r.type IN ({", ".join("?" for _ in types)})
            GROUP BY ALL""",
        [*units, *types],
    ).fetchall()
    out: dict[str, int] = {}
    for key, sentence, numbers in rows:
        count = death_count(sentence, [(int(a), int(b), q) for a, b, q in numbers])
        if count is not None:
            out[key] = max(count, out.get(key, 0))
    return out
