"""The actor knowledge base: countries, international bodies, armed groups, roles, regions.

Loaded once per process from the TSV files in `data/` (see data/README.md) and indexed by
lower-cased alias, so every lookup is a dict access.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.datafiles import tsv_records
from eventwire.model import ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Token

DATA = Path(__file__).resolve().parent / "data"

# PLOVER codes for international non-state entities: their officials carry no country
INTERNATIONAL_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
# codes of intergovernmental bodies (UN system, EU, others): their missions, offices and
# officials have no state
IGO_CODES = frozenset({"IGO", "UNO", "EUR"})

# a demonym of several words has at most this many tokens ("Papua New Guinean",
# "Bissau - Guinean" as tokenised)
DEMONYM_TOKENS = 4


def demonym_at(tok: Token, lookup: Callable[[str], Entity | None]) -> Entity | None:
    """The entity `lookup` gives the longest capitalised run of words ending at `tok` (see
    `KnowledgeBase.demonym_at`)."""
    found = demonym_run(tok, lookup)
    return found[1] if found is not None else None


def demonym_run(
    tok: Token, lookup: Callable[[str], Entity | None]
) -> tuple[int, Entity] | None:
    """Where the longest capitalised run of words ending at `tok` that `lookup` knows
    starts, and what it gives."""
    if not tok.text[:1].isupper():
        return None
    doc = tok.doc
    for start in range(max(0, tok.i - DEMONYM_TOKENS + 1), tok.i):
        words = doc[start : tok.i + 1]
        if not any(w.is_stop for w in words) and all(
                w.text[:1].isupper() or w.text == "-" for w in words):  # fmt: skip
            found = lookup(words.text)
            if found is not None:
                return start, found
    found = lookup(tok.text)
    return (tok.i, found) if found is not None else None


@dataclass(frozen=True, slots=True)
class Entity:
    id: str  # ISO alpha-3 country code, or the organisation/group key in its TSV
    name: str
    kind: ActorKind
    code: str | None  # CAMEO actor code: the country's (KSV for Kosovo), IGO, UNO, ...
    country: str | None  # ISO alpha-3 (XKX for Kosovo)
    sector: str | None = None
    parent: str | None = None  # entity id of the body it belongs to (KFOR -> NATO)
    type_nouns: tuple[str, ...] = ()
    iso_numeric: int | None = None  # countries only; None where ISO assigns none (Kosovo)
    sovereign: str | None = None  # a dependent territory's state (Hong Kong: CHN)

    @property
    def international(self) -> bool:
        return self.code in INTERNATIONAL_CODES


@dataclass(frozen=True, slots=True)
class Role:
    phrase: str  # lower case, as matched in text
    role: str  # canonical display form
    sector: str
    refers: str  # person | group | state
    country: str | None = None  # the one state whose office this is ("Taoiseach": IRL)


@dataclass(frozen=True, slots=True)
class NationalBody:
    """A state's institution or party that other states have one of the same name of
    ("Democratic Party", "Labour Party"), or a party whose members the text may name."""

    id: str
    name: str
    country: str
    kind: str  # body | party
    sector: str
    members: tuple[str, ...] = ()  # "Democrats", "Democratic"


@dataclass(slots=True)
class KnowledgeBase:
    entities: dict[str, Entity] = field(default_factory=dict)
    # lower-cased alias -> entity id; names, aliases and abbreviations
    aliases: dict[str, str] = field(default_factory=dict)
    # acronyms match case-sensitively ("US" is a country, "us" a pronoun)
    acronyms: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # lower demonym -> country code
    capitals: dict[str, str] = field(default_factory=dict)  # lower capital -> country code
    # lower capital -> id of a body seated there that the capital stands for ("Brussels": EU)
    seats: dict[str, str] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    # display role -> the one state whose office it is ("Secretary of State": USA)
    offices: dict[str, str] = field(default_factory=dict)
    type_nouns: dict[str, list[str]] = field(default_factory=dict)  # noun -> entity ids
    regions: frozenset[str] = frozenset()
    # gender evidence for pronouns: given names (as written), titles and relation nouns (lower)
    given_genders: dict[str, str] = field(default_factory=dict)
    title_genders: dict[str, str] = field(default_factory=dict)
    relation_genders: dict[str, str] = field(default_factory=dict)
    # "the network" -> words an organisation's name must contain to be its antecedent
    org_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    # "broadcaster X", "the oil company X": class nouns that introduce an organisation's name
    org_descriptors: frozenset[str] = frozenset()
    # names that are things, not actors: by last word ("Airport"), first word ("Mount") or
    # whole name ("UTC"), lower case
    non_actors: dict[str, frozenset[str]] = field(default_factory=dict)
    # "both parties", "the two leaders": plural noun -> kind of the pair it takes up ("any")
    pair_nouns: dict[str, str] = field(default_factory=dict)
    # "his associates": nouns for the people around a person, a group actor of its own
    circle_nouns: frozenset[str] = frozenset()
    # "Western diplomats", "Muslim hackers": words for a bloc or people with no state of its own
    bloc_words: frozenset[str] = frozenset()
    # ids of the entities that are one state's institutions or parties ("the White House")
    national_ids: set[str] = field(default_factory=set)
    # a national body's or party's name (as written) that several states use -> their rows
    shared_bodies: dict[str, list[NationalBody]] = field(default_factory=dict)
    # a word for a party's members or its adjective, as written -> the parties
    party_members: dict[str, list[NationalBody]] = field(default_factory=dict)
    # alias -> every entity id that claimed it; an alias claimed twice is left out of the index
    ambiguous: dict[str, set[str]] = field(default_factory=dict)

    def cameo(self, country: str) -> str:
        """The CAMEO code of an ISO alpha-3 country code (the same but for Kosovo: KSV)."""
        entity = self.entities.get(country)
        return entity.code or country if entity is not None else country

    def lookup(self, text: str) -> Entity | None:
        """The entity a name, alias or abbreviation denotes (not demonyms, not capitals)."""
        key = normalise(text)
        if key in self.acronyms:
            return self.entities[self.acronyms[key]]
        entity_id = self.aliases.get(key.lower())
        return self.entities[entity_id] if entity_id else None

    def demonym(self, text: str) -> Entity | None:
        code = self.demonyms.get(normalise(text).lower())
        return self.entities[code] if code else None

    def demonym_at(self, tok: Token) -> Entity | None:
        """The demonym that ends at `tok`, read with the capitalised words before it that
        make one demonym with it ("South Sudanese", "Papua New Guinean", "Bissau-Guinean"),
        longest first: "Sudanese" in "South Sudanese" is no Sudan. None when `tok` ends none
        (a demonym's first word, "South", is none of its own)."""
        return demonym_at(tok, self.demonym)

    def capital(self, text: str) -> Entity | None:
        code = self.capitals.get(normalise(text).lower())
        return self.entities[code] if code else None

    def is_region(self, text: str) -> bool:
        return normalise(text).lower() in self.regions

    def is_means(self, text: str) -> bool:
        """A platform that is no actor where it is the means ("posted on Instagram")."""
        return normalise(text).lower() in self.non_actors.get("means", frozenset())

    def is_non_actor(self, text: str) -> bool:
        """A name of a thing, not of an actor ("José Martí International Airport", "UTC")."""
        words = normalise(text).lower().split()
        if not words:
            return False
        if self._denomination(words):
            return False  # "the Orthodox Church" is a faith's body, not a building
        return (
            " ".join(words) in self.non_actors["whole"]
            or (len(words) > 1 and words[-1] in self.non_actors["head"])
            or (len(words) > 1 and words[0] in self.non_actors["first"])
        )

    def _denomination(self, words: list[str]) -> bool:
        """ "Catholic Church", "Russian Orthodox Church": a head noun after nothing but
        denomination words and demonyms, one denomination word at least."""
        faith = self.non_actors.get("denomination", frozenset())
        before = words[:-1]
        if not before or words[-1] not in self.non_actors["head"]:
            return False
        return any(w in faith for w in before) and all(
            w in faith or w in self.demonyms for w in before
        )

    def surface_forms(self) -> dict[str, tuple[str, str]]:
        """Every string the text matcher should find: form -> (entity id, how)."""
        out: dict[str, tuple[str, str]] = {}
        for table, how in ((self.capitals, "capital"), (self.demonyms, "demonym")):
            for form, entity_id in table.items():
                out[form] = (entity_id, how)
        for form, entity_id in self.aliases.items():
            out[form] = (entity_id, "name")
        for form, entity_id in self.acronyms.items():
            out[form] = (entity_id, "name")
        return out


def normalise(text: str) -> str:
    """Collapse whitespace, drop a leading article and a trailing possessive."""
    text = " ".join(text.replace("\u2019", "'").split())
    if text[:4].lower() == "the ":
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text.strip()


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def data_rows(name: str) -> list[dict[str, str]]:
    """The records of one knowledge-base file (actors/data/<name>)."""
    return tsv_records("eventwire.actors", name)


def split_cell(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


class _Claims:
    """Collects alias -> entity claims so duplicates can be detected, not silently won."""

    def __init__(self) -> None:
        self.claims: dict[str, dict[str, set[str]]] = {}

    def add(self, table: str, form: str, entity_id: str) -> None:
        self.claims.setdefault(table, {}).setdefault(form, set()).add(entity_id)


@functools.cache
def load_kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    claims = _Claims()
    for row in data_rows("countries.tsv"):
        e = Entity(id=row["code"], name=row["name"], kind="state",
                   code=row["cameo"] or row["code"], country=row["code"], sector="GOV",
                   iso_numeric=int(row["iso_numeric"]) or None,
                   sovereign=row["sovereign"] or None)  # fmt: skip
        kb.entities[e.id] = e
        for alias in [e.name, *split_cell(row["aliases"])]:
            claims.add("alias", normalise(alias), e.id)
        for dem in split_cell(row["demonyms"]):
            claims.add("demonym", dem, e.id)
        for cap in split_cell(row["capitals"]):
            claims.add("capital", cap, e.id)
    for file in ("organisations.tsv", "groups.tsv"):
        for row in data_rows(file):
            e = Entity(
                id=row["id"],
                name=row["name"],
                kind="organisation",
                code=row["code"] or None,
                country=row["country"] or None,
                sector=row["sector"] or None,
                parent=row.get("parent") or None,
                type_nouns=tuple(split_cell(row.get("type_nouns"))),
            )
            if e.id in kb.entities:
                raise ValueError(f"duplicate entity id {e.id} in {file}")
            kb.entities[e.id] = e
            for alias in [e.name, *split_cell(row["aliases"])]:
                claims.add("alias", normalise(alias), e.id)
            for noun in e.type_nouns:
                kb.type_nouns.setdefault(noun.lower(), []).append(e.id)
    _national_bodies(kb, claims)
    # one namespace for names, demonyms and capitals: a form means one entity
    owners: dict[str, set[str]] = {}
    for claimed in claims.claims.values():
        for form, ids in claimed.items():
            owners.setdefault(form.lower(), set()).update(ids)
    for table, forms in claims.claims.items():
        for form, ids in forms.items():
            if len(owners[form.lower()]) > 1:
                kb.ambiguous[form] = owners[form.lower()]
                continue
            (entity_id,) = ids
            if table == "alias" and is_acronym(form):
                kb.acronyms[form] = entity_id
            elif table == "alias":
                kb.aliases[form.lower()] = entity_id
            elif table == "demonym":
                kb.demonyms[form.lower()] = entity_id
            else:
                kb.capitals[form.lower()] = entity_id
    for row in data_rows("roles.tsv"):
        kb.roles[row["phrase"].lower()] = Role(
            phrase=row["phrase"].lower(), role=row["role"], sector=row["sector"],
            refers=row["refers"], country=row["country"] or None,
        )  # fmt: skip
        if row["country"]:
            kb.offices[row["role"]] = row["country"]
    kb.regions = frozenset(normalise(r["name"]).lower() for r in data_rows("regions.tsv"))
    for row in data_rows("gender.tsv"):
        if row["use"] == "given":
            kb.given_genders[row["word"]] = row["gender"]
        elif row["use"] == "title":
            kb.title_genders[row["word"].lower()] = row["gender"]
        else:
            kb.relation_genders[row["word"].lower()] = row["gender"]
    for row in data_rows("org_nouns.tsv"):
        kb.org_nouns[row["noun"].lower()] = frozenset(
            w.lower() for w in split_cell(row["name_words"])
        )
    kb.org_descriptors = frozenset(r["noun"].lower() for r in data_rows("org_descriptors.tsv"))
    kb.pair_nouns = {r["noun"].lower(): r["kind"] for r in data_rows("pair_nouns.tsv")}
    kb.circle_nouns = frozenset(r["noun"].lower() for r in data_rows("circle_nouns.tsv"))
    for row in data_rows("seats.tsv"):
        if row["body"] not in kb.entities or row["capital"].lower() not in kb.capitals:
            raise ValueError(f"seats.tsv: unknown body or capital in {row}")
        kb.seats[row["capital"].lower()] = row["body"]
    kb.bloc_words = frozenset(r["word"].lower() for r in data_rows("bloc_words.tsv"))
    rows = data_rows("non_actors.tsv")
    kb.non_actors = {
        where: frozenset(r["word"].lower() for r in rows if r["where"] == where)
        for where in ("head", "first", "whole", "means", "denomination")
    }
    return kb


def _national_bodies(kb: KnowledgeBase, claims: _Claims) -> None:
    """national_bodies.tsv: a body or party whose name only one state uses is an entity of
    that state; names several states use, and party members' words, are kept apart."""
    for row in data_rows("national_bodies.tsv"):
        country = kb.entities[row["country"]]
        body = NationalBody(
            id=row["id"], name=row["name"], country=country.id, kind=row["kind"],
            sector=row["sector"], members=tuple(split_cell(row["members"])),
        )  # fmt: skip
        names = [row["name"], *split_cell(row["aliases"])]
        if row["shared"]:
            for name in names:
                kb.shared_bodies.setdefault(name, []).append(body)
        else:
            if body.id in kb.entities:
                raise ValueError(f"duplicate entity id {body.id} in national_bodies.tsv")
            kb.national_ids.add(body.id)
            kb.entities[body.id] = Entity(
                id=body.id, name=body.name, kind="organisation", code=country.code,
                country=country.id, sector=body.sector,
            )  # fmt: skip
            for name in names:
                claims.add("alias", normalise(name), body.id)
        for word in body.members:
            kb.party_members.setdefault(word, []).append(body)


def country_code(term: str) -> str | None:
    """The ISO alpha-3 code of the country a user names: a country's name, alias or
    abbreviation ('Serbia', 'US'), its alpha-3 code ('SRB', 'XKX') or its CAMEO code (KSV, or
    the older KOS, for Kosovo); None when the term names no country."""
    kb = load_kb()
    text = term.strip()
    code = {"KSV": "XKX", "KOS": "XKX"}.get(text.upper(), text.upper())
    entity = kb.entities.get(code) if len(code) == 3 else None
    if entity is None:
        entity = kb.lookup(text)
    return entity.id if entity is not None and entity.kind == "state" else None
