"""Unnamed national institutions: "the national police", "the country's parliament".

In a story about one state, "national" before an institution noun, or "the country's" /
"the nation's" as its possessor, names that state's institution, just as a demonym does
("the Azerbaijani parliament"). The state is the one the dateline names, else the one that
clearly dominates the state names of the text; with no such state the phrase stays unowned.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from eventwire.actors.kb import Entity

POSSESSIVE = frozenset({"'s", "\u2019s"})
# "the country's", "the nation's": the state the story is about
HOME_NOUNS = frozenset({"country", "nation"})
# mentions the leading state needs, and how many times the runner-up's it must have
MIN_MENTIONS = 2
DOMINANCE = 2


def main_state(
    kb_hits: dict[int, tuple[Span, Entity, str]],
    dateline: range,
    places: Sequence[Span] = (),
) -> Entity | None:
    """The state the story is about: the one its dateline names, else the state named
    (by name, demonym or capital, or through a place in it: "Northamptonshire", "Texas") at
    least twice and twice as often as any other."""
    for i in dateline:
        if i in kb_hits and kb_hits[i][1].kind == "state":
            return kb_hits[i][1]
    counts: Counter[str] = Counter()
    states: dict[str, Entity] = {}
    seen: set[int] = set()
    for span, entity, _ in kb_hits.values():
        if entity.kind != "state" or entity.international or span.start in seen:
            continue
        seen.add(span.start)
        counts[entity.id] += 1
        states[entity.id] = entity
    for span in places:
        state = place_state(span)
        if state is not None and not any(i in kb_hits for i in range(span.start, span.end)):
            counts[state.id] += 1
            states[state.id] = state
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0][1] < DOMINANCE * ranked[1][1]:
        return None
    return states[ranked[0][0]]


def dateline_state(dateline: str | None) -> Entity | None:
    """The state a wire dateline names: "LOKOJA, Nigeria", "BRUSSELS" (a capital), not
    "UNITED NATIONS" (a body's seat, no state)."""
    from eventwire.actors.kb import load_kb

    kb = load_kb()
    place = (dateline or "").split("(")[0]
    for part in reversed([p.strip() for p in place.split(",") if p.strip()]):
        found = kb.lookup(part) or kb.capital(part.title())
        if found is not None and found.kind == "state":
            return found
    return None


def place_state(span: Span) -> Entity | None:
    """The state of a place NER found, by the gazetteer (a region, province or city)."""
    return _place_state(span.text)


@functools.lru_cache(maxsize=4096)
def _place_state(name: str) -> Entity | None:
    from eventwire.actors.kb import load_kb
    from eventwire.geo.gazetteer import get_gazetteer
    from eventwire.geo.locate import resolve_name

    entry = resolve_name(name, None, get_gazetteer())
    if entry is None or entry.country is None:
        return None
    return load_kb().entities.get(entry.country)


def national_prefix(doc: Doc, start: int) -> int | None:
    """Where "national" (over other lower-case adjectives) or "the country's" begins before
    an institution noun at `start`; None when neither is there."""
    k = start - 1
    while k >= 0 and doc[k].is_lower and doc[k].pos_ == "ADJ" and doc[k].lower_ != "national":
        k -= 1
    if k >= 0 and doc[k].lower_ == "national":
        return k
    k = start - 1
    if k >= 2 and doc[k].text in POSSESSIVE and doc[k - 1].lower_ in HOME_NOUNS:
        if doc[k - 2].lower_ in ("the", "this"):
            return k - 1  # the phrase is "country's parliament", without its article
    return None
