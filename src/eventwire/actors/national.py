"""Where a story happens: the state it is about, and the names it uses for the states of a
federation rather than for a namesake country.

In a story about one state, "national" before an institution noun, or "the country's" /
"the nation's" as its possessor, names that state's institution, just as a demonym does
("the Azerbaijani parliament"). The state is the one the dateline names, else the one that
clearly dominates the state names of the text; with no such state the phrase stays unowned.
"Georgia" is the US state in a story whose other names and places are American, the
country where they are Georgian. A province or capital NER took for a person or body still
counts for its state (`mislabelled_places`, issue-i12m), so a story set in a state's province
is not given to a foreign partner it names in passing; a dateline names the story's state
only when the story names that state too ("BANGKOK (AP)" on a story about a neighbour is
the bureau's city).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from eventwire.actors.kb import Entity

POSSESSIVE = frozenset({"'s", "\u2019s"})
# "pro-Beijing", "anti-American": a stance toward a state, not the state
STANCE_PREFIXES = frozenset({"pro", "anti"})
# "the country's", "the nation's": the state the story is about
HOME_NOUNS = frozenset({"country", "nation"})
# mentions the leading state needs, and how many times the runner-up's it must have
MIN_MENTIONS = 2
DOMINANCE = 2


@dataclass(frozen=True, slots=True)
class Story:
    """The state a story is about (`home`, None when no state dominates it), the names it
    uses for a state or province of a federation (lower case -> the federation's entity),
    and every state it names (by name, demonym, capital, institution or place)."""

    home: Entity | None = None
    federated: dict[str, Entity] = field(default_factory=dict)
    named: frozenset[str] = frozenset()

    def state_of(self, place: Span) -> Entity | None:
        """The state a place NER found lies in ("Georgia" of a US story: the United States)."""
        return self.federated.get(place.text.lower()) or place_state(place)


def read_story(
    kb_hits: dict[int, tuple[Span, Entity, str]],
    dateline: range,
    places: Sequence[Span],
    dateline_text: str | None,
) -> Story:
    """Where the story happens. Knowledge-base hits of names it uses for federated states
    are removed from `kb_hits` ("Georgia" of a US story is no mention of the country)."""
    federated = federated_names(kb_hits, places)
    for i in [i for i, (span, _, _) in kb_hits.items() if span.text.lower() in federated]:
        del kb_hits[i]
    counts, _ = _state_counts(kb_hits, places, federated)
    filed = dateline_state(dateline_text)
    if filed is not None and not counts[filed.id]:
        filed = None  # "VIENNA (Reuters)" on a story that never names Austria: a bureau's city
    home = filed or main_state(kb_hits, dateline, places, federated)
    return Story(home, federated, frozenset(counts) | ({home.id} if home else set()))


def _state_counts(
    kb_hits: dict[int, tuple[Span, Entity, str]],
    places: Iterable[Span],
    federated: dict[str, Entity],
    leave_out: str = "",
) -> tuple[Counter[str], dict[str, Entity]]:
    """How often the text names each state, by name, demonym or capital, through one of its
    institutions ("the White House") or through a place in it ("Northamptonshire",
    "Texas"); `leave_out` is a name (lower case) not counted."""
    from eventwire.actors.kb import load_kb

    kb = load_kb()
    counts: Counter[str] = Counter()
    states: dict[str, Entity] = {}
    seen: set[int] = set()
    for span, entity, _ in kb_hits.values():
        named = entity.kind == "state" or entity.id in kb.national_ids
        if not named or entity.international or entity.country is None or span.start in seen:
            continue
        seen.add(span.start)
        if span.text.lower() != leave_out:
            counts[entity.country] += 1
            states[entity.country] = kb.entities[entity.country]
    for span in places:
        if span.text.lower() == leave_out or any(i in kb_hits for i in range(span.start, span.end)):
            continue
        state = federated.get(span.text.lower()) or place_state(span)
        if state is not None:
            counts[state.id] += 1
            states[state.id] = state
    return counts, states


# NER labels a province's or a capital's name may come under when the tagger misses it
# ("Rakhine" ORG, a capital PERSON)
MISLABELS = frozenset({"PERSON", "ORG", "NORP"})


def mislabelled_places(
    ents: Iterable[Span], kb_hits: dict[int, tuple[Span, Entity, str]]
) -> list[Span]:
    """Names NER took for a person or body that the gazetteer knows as a state's province
    or region by that very name, or as a state's capital: where the story happens counts
    for its state even when the tagger misses the place ("fighting in X state", "the
    junta in its capital"). A city of another name is left out (a surname may be a town)."""
    from eventwire.actors.kb import load_kb
    from eventwire.geo.gazetteer import get_gazetteer
    from eventwire.geo.gazetteer import normalise as place_key

    kb = load_kb()
    out = []
    for ent in ents:
        if ent.label_ not in MISLABELS or any(i in kb_hits for i in range(ent.start, ent.end)):
            continue
        for entry in get_gazetteer().lookup(ent.text):
            if entry.country is None:
                continue
            own = entry.kind == "admin" and place_key(entry.name) == place_key(ent.text)
            seat = kb.capital(entry.name) if entry.kind == "city" else None
            if own or seat is not None and seat.id == entry.country:
                out.append(ent)
                break
    return out


def main_state(
    kb_hits: dict[int, tuple[Span, Entity, str]],
    dateline: range,
    places: Sequence[Span] = (),
    federated: dict[str, Entity] | None = None,
) -> Entity | None:
    """The state the story is about: the one its dateline names, else the state named at
    least twice and twice as often as any other (or, when the story opens with it, more
    often than any other), else the one state whose institutions the
    text names without naming their state ("the White House", "the Pentagon"), at least
    twice: a story about US politics may name Ukraine more often than the United States. A
    territory's own state is no rival to it: a story about Hong Kong names China too."""
    for i in dateline:
        if i in kb_hits and kb_hits[i][1].kind == "state":
            return kb_hits[i][1]
    counts, states = _state_counts(kb_hits, places, federated or {})
    ranked = counts.most_common()
    if not ranked or ranked[0][1] < MIN_MENTIONS:
        return None
    leader = states[ranked[0][0]]
    rivals = [n for code, n in ranked[1:] if code != leader.sovereign]
    dominant = not rivals or ranked[0][1] >= DOMINANCE * rivals[0]
    if not dominant and _first_state(kb_hits) == leader.country:
        # the state the story opens with and names most: any lead is enough (a Myanmar
        # story naming China six times for Myanmar's seven is about Myanmar)
        dominant = ranked[0][1] > rivals[0]
    if dominant and (leader.sovereign is None or ranked[0][1] > counts[leader.sovereign]):
        return leader
    return _institutional_state(kb_hits)


def _first_state(kb_hits: dict[int, tuple[Span, Entity, str]]) -> str | None:
    """The state the text names first, by name or demonym or through one of its
    institutions ("The State Department ...")."""
    from eventwire.actors.kb import load_kb

    national = load_kb().national_ids
    for i in sorted(kb_hits):
        span, entity, how = kb_hits[i]
        if entity.id in national and entity.country is not None:
            return entity.country
        if entity.kind == "state" and not entity.international and how in ("name", "demonym"):
            return entity.country
    return None


def _institutional_state(kb_hits: dict[int, tuple[Span, Entity, str]]) -> Entity | None:
    from eventwire.actors.kb import load_kb

    kb = load_kb()
    owners = {
        span.start: entity.country for span, entity, _ in kb_hits.values()
        if entity.id in kb.national_ids
    }  # fmt: skip
    if len(owners) < MIN_MENTIONS or len(set(owners.values())) != 1:
        return None
    return kb.entities.get(next(iter(owners.values())) or "")


def federated_names(
    kb_hits: dict[int, tuple[Span, Entity, str]], places: Sequence[Span]
) -> dict[str, Entity]:
    """Country names the text uses for a federated state of the same name: "Georgia" where
    the text names the United States (or places in it) more often than the country Georgia
    by its other names, demonyms and places."""
    from eventwire.actors.kb import load_kb
    from eventwire.geo.gazetteer import get_gazetteer

    out: dict[str, Entity] = {}
    for span, entity, how in kb_hits.values():
        name = span.text.lower()
        if how != "name" or entity.kind != "state" or name in out:
            continue
        federations = {
            e.country for e in get_gazetteer().lookup(span.text)
            if e.kind == "admin" and e.country not in (None, entity.id)
        }  # fmt: skip
        if len(federations) != 1:
            continue
        (federation,) = federations
        counts, _ = _state_counts(kb_hits, places, {}, leave_out=name)
        if counts[federation] > counts[entity.id]:
            out[name] = load_kb().entities[federation]
    return out


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
    return place_state_of_name(span.text)


@functools.lru_cache(maxsize=4096)
def place_state_of_name(name: str) -> Entity | None:
    from eventwire.actors.kb import load_kb
    from eventwire.geo.gazetteer import get_gazetteer
    from eventwire.geo.locate import resolve_name

    gaz = get_gazetteer()
    entry = resolve_name(name, None, gaz)
    if entry is None or entry.country is None:
        return None
    # "Puno" is the Peruvian city's own name and only another spelling of Pune: a place
    # named by its own name wins over one named by an alternate name
    own = {e.country for e in gaz.lookup(name) if e.name.lower() == name.lower() and e.country}
    if len(own) == 1 and entry.country not in own and entry.name.lower() != name.lower():
        return load_kb().entities.get(own.pop())
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


@functools.cache
def _agent_words() -> frozenset[str]:
    from eventwire.actors.kb import data_rows

    return frozenset(r["word"].lower() for r in data_rows("agent_words.tsv"))


def agent_prefixed(doc: Doc, k: int) -> bool:
    """The name ending at token `k` is the agent of a hyphenated participle after it ("the
    Kenyan-led mission", "Rwandan-backed rebels"): it leads or backs the phrase, which is
    not its own."""
    return (k + 2 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_
            and doc[k + 2].lower_ in _agent_words())  # fmt: skip


def no_owner(doc: Doc, k: int) -> bool:
    """The state word at token `k` owns nothing of the phrase around it: a stance
    ("pro-Beijing") or an agent ("Kenyan-led")."""
    return stance_prefixed(doc, k) or agent_prefixed(doc, k)


def stance_prefixed(doc: Doc, k: int) -> bool:
    """The name at token `k` follows "pro-" or "anti-" ("the pro-Beijing camp")."""
    return k >= 2 and doc[k - 1].text == "-" and doc[k - 2].lower_ in STANCE_PREFIXES
