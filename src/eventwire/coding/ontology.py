"""The PLOVER event ontology as data: types, CAMEO roots, quad categories, modes, contexts.

Authored from the PLOVER manual and the CAMEO-to-PLOVER table; kept in TSV files under
`data/` so a change of the ontology is a data change, not a code change.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from eventwire.datafiles import tsv_records
from eventwire.model import PLOVER_TYPES


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    cameo_roots: tuple[str, ...]
    quad: str  # verbal/material cooperation/conflict
    requires_recipient: bool
    actorless: bool  # may be coded with neither source nor target ("a bomb exploded")
    definition: str


def read_tsv(name: str) -> list[dict[str, str]]:
    """Records of a file in coding/data."""
    return tsv_records("eventwire.coding", name)


@functools.cache
def event_types() -> dict[str, EventType]:
    out: dict[str, EventType] = {}
    for row in read_tsv("types.tsv"):
        out[row["type"]] = EventType(
            name=row["type"],
            cameo_roots=tuple(row["cameo_roots"].split(",")),
            quad=row["quad"],
            requires_recipient=row["requires_recipient"] == "yes",
            actorless=row["actorless"] == "yes",
            definition=row["definition"],
        )
    if set(out) != set(PLOVER_TYPES):
        raise ValueError("types.tsv must list exactly model.PLOVER_TYPES")
    return out


def cameo_roots(type_name: str) -> tuple[str, ...]:
    return event_types()[type_name].cameo_roots


def quad(type_name: str) -> str:
    return event_types()[type_name].quad


# GDELT's QuadClass numbers for the four quads
QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
    4: "material conflict",
}  # fmt: skip


def quad_class(cameo: str | None, type_name: str) -> int:
    """GDELT's QuadClass of an event, from its CAMEO root as GDELT computes it: 01-05 verbal
    cooperation (1), 06-09 material cooperation (2), 10-14 verbal conflict (3), 15-20
    material conflict (4). An event without a numeric code takes its PLOVER type's quad
    (types.tsv). The two can differ: types.tsv calls CONCEDE (08) verbal and PROTEST (14)
    material, where the CAMEO roots say material (08) and verbal (14)."""
    root = cameo[:2] if cameo else ""
    if root.isdigit() and 1 <= int(root) <= 20:
        n = int(root)
        return 1 if n <= 5 else 2 if n <= 9 else 3 if n <= 14 else 4
    by_name = {name: number for number, name in QUAD_CLASSES.items()}
    return by_name[quad(type_name)]


@functools.cache
def _goldstein() -> dict[str, float]:
    return {row["cameo"]: float(row["goldstein"]) for row in read_tsv("goldstein.tsv")}


def goldstein(cameo: str | None) -> float | None:
    """Goldstein (1992) conflict-cooperation weight of a CAMEO code (-10..+10; see
    data/goldstein.tsv for the source), taken from the nearest listed parent code when the
    code itself is not listed; None without a code."""
    code = cameo or ""
    while len(code) >= 2:
        if code in _goldstein():
            return _goldstein()[code]
        code = code[:-1]
    return None


@functools.cache
def _modes() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in read_tsv("modes.tsv"):
        out.setdefault(row["type"], []).append(row["mode"])
    return {k: tuple(v) for k, v in out.items()}


def modes(type_name: str) -> tuple[str, ...]:
    """PLOVER modes of a type (empty for types without modes)."""
    return _modes().get(type_name, ())


@functools.cache
def contexts() -> tuple[str, ...]:
    return tuple(row["context"] for row in read_tsv("contexts.tsv"))


@functools.cache
def _old_types() -> dict[str, str]:
    return {row["old"]: row["current"] for row in read_tsv("old_types.tsv")}


def current_type(old_name: str) -> str:
    """Map a PLOVER 0.5 category (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT) to the current
    type; current names map to themselves."""
    name = old_name.strip().upper()
    if name in PLOVER_TYPES:
        return name
    if name in _old_types():
        return _old_types()[name]
    raise KeyError(f"unknown PLOVER category {old_name!r}")


def cameo_fits(type_name: str, cameo: str) -> bool:
    """A CAMEO code belongs to a type when it starts with one of the type's roots."""
    return any(cameo.startswith(root) for root in cameo_roots(type_name))
