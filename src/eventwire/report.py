"""Readable Rich reports. Article text is untrusted: it goes into `Text` objects, never markup."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from eventwire.model import AnalyzedDocument


def _flags(event: Any) -> str:
    names = ("historical", "negated", "hypothetical", "future")
    return ",".join(n for n in names if getattr(event, n))


def print_report(doc: AnalyzedDocument, console: Console) -> None:
    art = doc.article
    console.print(Text(art.title or "(no title)", style="bold"))
    meta = f"by {art.author or 'unknown'} · published {art.published or 'not stated'}"
    console.print(Text(meta, style="dim"))
    if art.removed:
        console.print(Text(f"removed as site junk: {len(art.removed)} lines", style="dim"))

    names = {a.id: a.name for a in doc.actors}
    places = {p.id: p.name for p in doc.places}

    def who(ids: list[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids) or "—"

    table = Table(title=f"Events ({len(doc.events)})", show_lines=True)
    for col in ("type", "source", "target", "date", "place", "flags", "evidence"):
        table.add_column(col, overflow="fold", ratio=4 if col == "evidence" else 1)
    for e in doc.events:
        evidence = Text(e.evidence.sentence)
        if e.evidence.trigger_start is not None and e.evidence.trigger_end is not None:
            evidence.stylize(
                "bold yellow",
                e.evidence.trigger_start - e.evidence.start,
                e.evidence.trigger_end - e.evidence.start,
            )
        table.add_row(
            Text(e.type + (f"/{e.mode}" if e.mode else "")),
            Text(who(e.source)),
            Text(who(e.target)),
            Text(e.date or "—"),
            Text(places.get(e.location or "", "—")),
            Text(_flags(e)),
            evidence,
        )
    console.print(table)

    actors = Table(title=f"Actors ({len(doc.actors)})")
    for col in ("id", "name", "kind", "code", "sector", "role", "mentions"):
        actors.add_column(col, overflow="fold")
    for a in doc.actors:
        actors.add_row(
            *(Text(str(v or "—")) for v in (a.id, a.name, a.kind, a.code, a.sector, a.role)),
            Text(str(len(a.mentions))),
        )
    console.print(actors)

    if doc.quotes:
        quotes = Table(title=f"Quotes ({len(doc.quotes)})")
        quotes.add_column("speaker")
        quotes.add_column("quote", overflow="fold")
        for q in doc.quotes:
            kind = (
                "" if q.direct and not q.partial else (" (partial)" if q.partial else " (reported)")
            )
            quotes.add_row(Text(names.get(q.speaker or "", "—")), Text(q.text + kind))
        console.print(quotes)

    if doc.places or doc.facts:
        where = Table(title="Places and facts")
        where.add_column("what")
        where.add_column("detail", overflow="fold")
        for p in doc.places:
            coords = f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None and p.lon is not None else "?"
            where.add_row(Text(f"place: {p.name}"), Text(f"{p.kind} {p.country or ''} {coords}"))
        for f in doc.facts:
            approx = "~" if f.approx else ""
            where.add_row(
                Text(f"fact: {f.subject_text or '?'}"), Text(f"{approx}{f.quantity:g} {f.unit}")
            )
        console.print(where)


def events_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(rows)} events", show_lines=False)
    cols = ("date", "type", "source", "target", "location", "evidence")
    for col in cols:
        if col in ("date", "type"):
            table.add_column(col, no_wrap=True)
        else:
            table.add_column(col, overflow="fold", ratio=4 if col == "evidence" else 1)
    for row in rows:
        cells = {c: str(row.get(c) or "—") for c in cols}
        if row.get("date") and row.get("date_source") in ("published", "dateline"):
            cells["date"] += f" ({row['date_source']})"  # the text does not date it
        table.add_row(*(Text(cells[c]) for c in cols))
    return table


def dyad_tables(result: dict[str, Any]) -> tuple[Table, Table, str]:
    """The dyad's counts per period (empty periods shown), its evidence list, and a line
    saying what the periods leave out."""
    from eventwire.coding.ontology import QUAD_CLASSES

    def side(s: dict[str, Any]) -> str:
        named = s["country"] and s["country"] != s["term"].upper()
        return s["term"] + (f" ({s['country']})" if named else "")

    a, b = side(result["a"]), side(result["b"])
    arrows = {"a_to_b": f"{a} → {b}", "b_to_a": f"{b} → {a}", "joint": f"{a} + {b}"}
    counts = Table(title=f"{a} – {b}, events by {result['granularity']} and QuadClass")
    for col in ("period", "direction", *QUAD_CLASSES.values(), "Goldstein mean"):
        counts.add_column(col, justify="left" if col in ("period", "direction") else "right")
    cells: dict[tuple[str, str], dict[int, dict[str, Any]]] = {}
    for row in result["rows"]:
        cells.setdefault((row["period"], row["direction"]), {})[row["quad_class"]] = row
    for period in result["axis"]:
        directions = [d for d in arrows if (period, d) in cells]
        if not directions:
            counts.add_row(period, Text("no events", style="dim"), *("0" for _ in QUAD_CLASSES), "")
        for d in directions:
            by_quad = cells[(period, d)]
            n = sum(r["events"] for r in by_quad.values())
            total = sum((r["goldstein_sum"] or 0.0) for r in by_quad.values())
            counts.add_row(
                period, Text(arrows[d]),
                *(str(by_quad[q]["events"]) if q in by_quad else "0" for q in QUAD_CLASSES),
                f"{total / n:+.1f}",
            )  # fmt: skip
    evidence = Table(title=f"Evidence ({result['events_total']} events)", show_lines=False)
    for col in ("date", "direction", "type", "Goldstein", "evidence"):
        evidence.add_column(col, overflow="fold", ratio=4 if col == "evidence" else None)
    for ev in result["events"]:
        flags = [f for f in ("negated", "hypothetical", "future") if ev[f]]
        note = Text(f" [not counted: {', '.join(flags)}]", style="dim") if flags else Text("")
        evidence.add_row(
            Text(ev["date"] or "—"), Text(arrows[ev["direction"]]),
            Text(f"{ev['type']} ({ev['cameo'] or '—'})"),
            Text("—" if ev["goldstein"] is None else f"{ev['goldstein']:+.1f}"),
            Text(ev["evidence"]) + note,
        )  # fmt: skip
    gone = result["not_in_periods"]
    totals = result["totals"]
    line = (
        f"{sum(totals.values())} events counted ({totals['a_to_b']} {arrows['a_to_b']}, "
        f"{totals['b_to_a']} {arrows['b_to_a']}, {totals['joint']} joint); not in any "
        f"{result['granularity']}: {gone['undated']} undated, {gone['less_precise']} dated "
        f"less precisely; {gone['not_counted']} not counted (negated, hypothetical or future)"
    )
    return counts, evidence, line
