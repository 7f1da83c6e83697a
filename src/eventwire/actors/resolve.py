"""Who is who: named actors, titled people, group phrases, then references (coref.py).

`resolve_actors(doc)` is the entry point; every later stage reads the `ActorTable` it returns.
Order matters: group and government phrases claim their words first, then titles attach roles
to people, then names (knowledge base first, spaCy NER second), then references.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from eventwire.actors import coref
from eventwire.actors.builder import Builder, Proto
from eventwire.actors.codes import finish_codes
from eventwire.actors.collectives import collectives, counted_names, placed_residents
from eventwire.actors.descriptors import described_organisations
from eventwire.actors.embassies import embassy_actors
from eventwire.actors.federated import (
    acting_divisions,
    breakaway_entities,
    federated_actors,
    governed_divisions,
    regional_governments,
)
from eventwire.actors.filters import (
    is_place_name,
    modifier_names,
    not_an_actor,
    placed_names,
)
from eventwire.actors.gender import person_gender
from eventwire.actors.glossed import gloss_nouns, glossed_names
from eventwire.actors.institutions import national_actors, national_names
from eventwire.actors.kb import (
    IGO_CODES,
    Entity,
    KnowledgeBase,
    Role,
    data_rows,
    load_kb,
    normalise,
    split_cell,
)
from eventwire.actors.known import KnownActor, KnownHit, known_hits, load_known
from eventwire.actors.national import (
    agent_prefixed,
    mislabelled_places,
    national_prefix,
    no_owner,
    place_state,
    read_story,
    stance_prefixed,
)
from eventwire.actors.nationality import OWNER_LINKS, infer_nationality
from eventwire.actors.offices import offices
from eventwire.actors.peoples import TRIBAL, tribal_names, with_names
from eventwire.actors.table import ActorTable
from eventwire.nlp.pipeline import doc_ents, doc_text

NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})
# a capital after these prepositions is a place ("talks in Belgrade"), not a government
LOCATIVE = frozenset({"in", "at", "to", "near", "into", "across", "outside", "inside", "around",
                      "from", "via", "toward", "towards", "through", "over"})  # fmt: skip
# bare plural nouns that name an acting collective without any modifier ("protesters")
BARE_GROUP_SECTORS = frozenset({"CVL", "REB", "UAF", "PRM", "REF", "OPP", "LEG", "LAB", "COP"})
# singular nouns that name a collective ("the opposition")
SINGULAR_GROUPS = frozenset({"opposition"})
# a state's institutions that act under their bare noun ("police fired", "the court ruled"),
# of the place written before them ("Northamptonshire police", "a Paris court")
BARE_INSTITUTIONS = frozenset({"police", "gendarmerie", "court", "parliament", "senate"})
# the last word of a party's or movement's name
BODY_NOUNS = frozenset({"party", "movement", "front", "coalition", "bloc"})
# titles that are part of how a person is named
NAME_TITLES = frozenset({"Pope", "Queen", "King"})
POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
# a title's complement before the name ("Ambassador to the United Nations X")
TITLE_PREPS = frozenset({"of", "to", "for"})
# the prepositions before a minister's portfolio, and the words joining its parts
PORTFOLIO_PREPS = frozenset({"for", "of"})
PORTFOLIO_JOINERS = frozenset({"and", "&"})
# lower-case words between a state and its role noun ("Russian civilian advisers")
INNER = frozenset({"amod", "compound"})
# lower-case words no name contains: "Sweida after Druze-Bedouin clashes" is two things
NAME_BREAKS = frozenset({
    "after", "although", "amid", "as", "because", "before", "but", "despite", "during",
    "if", "since", "than", "though", "until", "when", "whereas", "while",
})  # fmt: skip
# a small place the text names as one: "the village of X", "X island"
SMALL_PLACE_NOUNS = frozenset({
    "hamlet", "island", "islet", "river", "settlement", "village",
})  # fmt: skip
# a body's noun: alone it names no person ("the head of the OSCE Mission")
ORG_NOUNS = frozenset({
    "administration", "agency", "army", "assembly", "authority", "board", "bureau",
    "cabinet", "command", "commission", "committee", "congress", "council", "court",
    "department", "directorate", "embassy", "government", "institute", "intelligence",
    "league", "ministry", "mission", "navy", "office", "parliament", "police",
    "secretariat", "senate", "tribunal", "union",
})  # fmt: skip
# a state's land forces by their nouns: "the army" of a state the text called its military
ARMY_NOUNS = frozenset({"army", "military"})
# the last word of a body's name, never of a person's ("the U.N. Assistance Mission",
# "the Kachin Independence Army"): a run of names that ends in one names no person
BODY_NAME_ENDS = ORG_NOUNS | frozenset({
    "alliance", "association", "battalion", "brigade", "centre", "center", "coalition",
    "corps", "federation", "force", "forces", "front", "guard", "movement", "organisation",
    "organization", "party", "programme", "program", "service", "services",
})  # fmt: skip
# what may stand between a name and its title in apposition ("X, a spokesman for",
# "X, the group's vice director of"): articles, and the owner before the title
APPOSITION_OPENERS = frozenset({"a", "an", "the", "its", "his", "her", "their"})


@functools.cache
def _matchers(vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher, dict[str, tuple[str, str]]]:
    """Alias matcher (case-sensitive) and role matcher (lower case), built once per vocab."""
    kb = load_kb()
    forms = kb.surface_forms()
    names = PhraseMatcher(vocab, attr="ORTH")
    label: dict[str, tuple[str, str]] = {}
    from eventwire.nlp.pipeline import load_nlp

    make = load_nlp().make_doc
    for form, value in forms.items():
        # the index holds lower-case keys for long names: match their usual capitalisations
        variants = {form} if form.isupper() or "." in form else {form, form.title()}
        for original in _original_forms(kb, form):
            variants.add(original)
        for v in variants:
            label[v] = value
            names.add(v, [make(v)])
    roles = PhraseMatcher(vocab, attr="LOWER")
    for phrase in kb.roles:
        roles.add(phrase, [make(phrase)])
    return names, roles, label


@functools.cache
def _originals() -> dict[str, set[str]]:
    """Lower-cased form -> the spellings written in the TSVs ("u.s." -> {"U.S."})."""
    from eventwire.actors import kb as kbmod

    out: dict[str, set[str]] = {}
    for file, cols in (
        ("countries.tsv", ("name", "aliases", "demonyms", "capitals")),
        ("organisations.tsv", ("name", "aliases")),
        ("groups.tsv", ("name", "aliases")),
        ("national_bodies.tsv", ("name", "aliases")),
    ):
        for row in kbmod.data_rows(file):
            for col in cols:
                for form in kbmod.split_cell(row[col]):
                    form = normalise(form)
                    out.setdefault(form.lower(), set()).add(form)
    return out


def _original_forms(kb: KnowledgeBase, form: str) -> set[str]:
    return _originals().get(form.lower(), set())


def resolve_actors(
    doc: Doc, published: str | None = None, dateline: str | None = None
) -> ActorTable:
    """The actors of a parsed article; `published` (YYYY-MM-DD) picks the dictionary codes
    valid on the article's date, `dateline` (cut from the body by the cleaner) may name the
    state the story is about."""
    kb = load_kb()
    b = Builder(doc_text(doc), kb)
    names, roles, label = _matchers(doc.vocab)
    kb_spans = filter_spans([Span(doc, s, e, label=m) for m, s, e in names(doc)])
    kb_spans = [
        sp for sp in kb_spans
        if not _inside_longer_name(sp) and not _stance_prefix(sp) and not _in_caps_compound(sp)
    ]  # fmt: skip
    kb_hits: dict[int, tuple[Span, Entity, str]] = {}
    for span, entity, how in _longer_names_first(
        [(sp, *label[doc.vocab.strings[sp.label]]) for sp in kb_spans], kb
    ):
        for i in range(span.start, span.end):
            kb_hits[i] = (span, entity, how)
    # "the Kenyan-led mission", "Rwandan-backed rebels": the demonym names the state that
    # leads or backs the phrase, not its owner, and no mention of the state acting
    for i in [
        i for i, h in kb_hits.items() if h[2] == "demonym" and agent_prefixed(doc, h[0].end - 1)
    ]:
        kb_hits.pop(i, None)
    _shared_names(kb_hits, kb, b)
    role_spans = [
        (sp, kb.roles[doc.vocab.strings[sp.label]])
        for sp in filter_spans([Span(doc, s, e, label=m) for m, s, e in roles(doc)])
    ]
    # "the Rapid Support Forces (RSF)": the article's own RSF, not the knowledge base's
    own_acronyms = _own_acronyms(doc, kb) if kb_hits else set()  # once per document
    for i in [i for i, h in kb_hits.items() if h[0].text in own_acronyms]:
        kb_hits.pop(i, None)
    # "Fort Belknap Indian Community": one body, and its "Indian" no mention of India
    tribal = tribal_names(doc, {i for i, h in kb_hits.items() if h[1].kind != "state"})
    for i in [i for sp in tribal for i in range(sp.start, sp.end)]:
        kb_hits.pop(i, None)
    opening = _dateline(doc)  # a dateline still in the text (the cleaner cuts an article's)
    claimed: set[int] = set(opening)  # tokens already explained by a phrase
    places = [e for e in doc_ents(doc) if e.label_ in ("GPE", "LOC")]
    # whom "the national police" belongs to; "Georgia" of a US story is no country
    story = read_story(kb_hits, opening, places + mislabelled_places(doc_ents(doc), kb_hits),
                       dateline)  # fmt: skip
    kb_spans = [sp for sp in kb_spans if sp.start in kb_hits]
    home = story.home
    named = [e for e in doc_ents(doc) if e.label_ in NAMED_LABELS or e.label_ == "EVENT"]
    whole = [_whole_body_name(e) for e in named]  # an event's name stays no actor
    whole = [e for e in whole if not _inside_longer_body(e, whole)]
    trimmed = [_trim(e) for e in whole if e.label_ != "EVENT"]
    ents = [_as_body(e) for e in trimmed if e is not None and len(e)]
    known = [h for h in known_hits(doc) if not any(i in kb_hits for i in _tokens(h.span))]
    ents = _known_names(ents, known)
    ents = with_names(ents, tribal)
    # "Moldovan Deputy Prime Minister X": a demonym NER took for a person is the title's
    titles = {sp.start for sp, r in role_spans if r.refers == "person"}
    ents = [e for e in ents if not (e.label_ == "PERSON" and e.end in titles
                                    and kb.demonym(e.text) is not None)]  # fmt: skip
    ents = [e for e in ents if not _inside_body_name(e, kb_hits)]
    ents = [e for e in ents if not _portfolio(e, role_spans, kb_hits)]
    # "Sri Lankan police", "Papua New Guinean troops": a demonym of several words NER took
    # for a name is no person or body of its own
    ents = [e for e in ents if not (e.label_ in DEMONYM_MISLABELS and len(e) > 1
                                    and kb.demonym(e.text))]  # fmt: skip
    ents = _spelled_out_names(doc, ents, role_spans, kb_hits)
    org_tokens = {i for e in ents if e.label_ == "ORG" for i in range(e.start, e.end)}

    ents = _appositive_people(ents, role_spans, kb_hits)
    ents = _named_before_title(doc, ents, role_spans, kb_hits)
    ents = _titled_names(doc, ents, role_spans, kb_hits)
    ents = _whole_names(doc, ents, role_spans, kb_hits)
    ents = [e for e in ents if not _kind_of_group(e, role_spans)]
    ents = [_bracketed_acronym(_body_not_person(e)) for e in ents if not _no_person_name(e)]
    ents = [e for e in ents if not (e.label_ == "PERSON" and len(e) == 1 and _people_word(e[0]))]
    small_places = _small_places(doc)
    ents = [e for e in ents if not (e.label_ in ("ORG", "PERSON") and e.text in small_places)]
    # "near Kyaukphyu", "the Guerguerat crossing": a name used only as a place
    placed = placed_names(doc, [e for e in ents if e.start not in titles and not _body_words(e)])
    ents = [e for e in ents if e.text not in placed or e.start in titles]
    # "Bedouin fighters", "an Afar town": a people's name as a modifier names no one
    known_at = {i for h in known for i in _tokens(h.span)}
    modifiers = modifier_names(doc, ents) - {e.text for e in ents if e.start in known_at}
    ents = [e for e in ents if e.text not in modifiers]
    regional_governments(doc, b, story, claimed)  # before "Puno" is read as an organisation
    acting_divisions(doc, b, story, claimed)
    breakaway_entities(doc, b, story, claimed)
    title_roles = _people(doc, b, ents, role_spans, kb_hits, claimed)
    embassy_actors(doc, b, kb_hits, claimed)  # "China's embassy in X": no mention of China
    _group_phrases(doc, b, role_spans, kb_hits, claimed, org_tokens, title_roles, home)
    _coordinated_organs(doc, b, kb_spans, kb_hits, claimed)
    _named(doc, b, ents, kb_spans, kb_hits, role_spans, claimed, home)
    _state_services(doc, b, role_spans, claimed)
    federated_actors(doc, b, ents, story, claimed)
    national = national_names(doc, story, kb_hits)
    national_actors(doc, b, national, claimed)
    glossed_names(doc, b, kb_hits, claimed)  # before "the three European powers" is a collective
    collectives(doc, b, kb_hits, claimed)
    offices(doc, b, kb_hits, claimed)
    described_organisations(doc, b, kb_hits, claimed)
    _attach_known(b, known, published)
    coref.resolve_references(doc, b, role_spans, kb_hits, title_roles, claimed)
    _attach_known(b, known, published)  # names first mentioned by a reference
    if home is not None:
        _home_state_nouns(doc, b, home, claimed)
    infer_nationality(doc, b, story, published, national)
    _leaders_governments(doc, b)
    governed_divisions(doc, b, story)
    counted_names(doc, b)
    placed_residents(doc, b)
    finish_codes(b, published)
    return b.table()


@functools.cache
def _shared() -> dict[str, tuple[str, ...]]:
    rows = data_rows("shared_names.tsv")
    return {r["name"].lower(): tuple(split_cell(r["states"])) for r in rows}


def _shared_names(
    kb_hits: dict[int, tuple[Span, Entity, str]], kb: KnowledgeBase, b: Builder
) -> None:
    """ "Congolese" in a story that names the Democratic Republic of the Congo, and not the
    Republic, by a name of its own: a name two states share (shared_names.tsv, which the
    knowledge base gives to one) means the one the story names otherwise, if only one. A
    demonym so chosen is kept on the builder for the nationality rules ("a Congolese
    lawyer")."""
    shared = _shared()
    named = {e.id for sp, e, _ in kb_hits.values() if normalise(sp.text).lower() not in shared}
    for i, (span, entity, how) in list(kb_hits.items()):
        states = shared.get(normalise(span.text).lower(), ())
        chosen = [s for s in states if s in named]
        if entity.id in states and len(chosen) == 1 and chosen[0] != entity.id:
            kb_hits[i] = (span, kb.entities[chosen[0]], how)
            if how == "demonym":
                b.demonyms[normalise(span.text).lower()] = kb.entities[chosen[0]]


# NER labels under which a bare demonym may come ("Sri Lankan" PERSON, ORG or NORP)
DEMONYM_MISLABELS = frozenset({"PERSON", "ORG", "NORP"})


def _inside_body_name(ent: Span, kb_hits: dict[int, tuple[Span, Entity, str]]) -> bool:
    """A person NER found inside a knowledge-base body's name ("Ansharut Daulah" of
    "Jamaah Ansharut Daulah") is no person: the body's name wins."""
    hit = kb_hits.get(ent.start)
    if ent.label_ != "PERSON" or hit is None or hit[1].kind != "organisation":
        return False
    return hit[0].start <= ent.start and ent.end <= hit[0].end and len(hit[0]) > len(ent)


# nouns for a state's government named after its leader ("the Trump administration")
LEADER_GOVERNMENTS = frozenset({"administration", "government"})


HOME_STATE_NOUNS = frozenset({"authorities", "government"})


def _home_state_nouns(doc: Doc, b: Builder, home: Entity, claimed: set[int]) -> None:
    """ "urged the authorities to investigate" in a story about one state that names no
    state before it as an actor (the dateline does not act): that state's government."""
    for tok in doc[1:]:
        if tok.lower_ not in HOME_STATE_NOUNS or tok.i in claimed or doc[tok.i - 1].lower_ != "the":
            continue
        if tok.dep_ == "compound" or (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of"):
            continue  # "the government forces", "the government of X"
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
            continue
        b.mention_entity(home, doc[tok.i - 1].idx, tok.idx + len(tok))
        claimed.add(tok.i)


def _leaders_governments(doc: Doc, b: Builder) -> None:
    """ "the Trump administration", "the Netanyahu government": the government of the state
    whose leader's name is written before the noun (a known office holder, or a person
    holding a government office of that state in the text)."""
    for tok in doc[1:]:
        if tok.lower_ not in LEADER_GOVERNMENTS or tok.tag_ != "NN":
            continue
        name = doc[tok.i - 1]
        person = next(
            (p for _, e, p in b.mentions_at(name.idx)
             if p.kind == "person" and e == name.idx + len(name)),
            None,
        )  # fmt: skip
        if person is None or person.country is None:
            continue
        if person.known is None and person.sector != "GOV":
            continue
        state = b.kb.entities.get(person.country)
        if state is None or state.kind != "state":
            continue
        start = min(s for s, e in person.spans if s <= name.idx < e)
        b.mention(b.entity_proto(state), start, tok.idx + len(tok))


def _demonym_as_state(span: Span) -> bool:
    """ "The British relinquished control", "the French said": a demonym after "the" and
    before a verb stands for its state (the parse often reads it as an adjective)."""
    doc = span.doc
    if span.start == 0 or span.end >= len(doc) or doc[span.start - 1].lower_ != "the":
        return False
    after = doc[span.end]  # a finite verb: "tulip" in "the Dutch tulip growers" may parse VBP
    return after.tag_ in ("VBD", "VBZ", "MD") or after.pos_ == "AUX"


def _paired_state(span: Span, kb_hits: dict[int, tuple[Span, Entity, str]]) -> bool:
    """ "Saudi and U.S. mediators": a demonym joined by "and" to a state's own name stands,
    like it, for its state."""
    root = span.root
    pair = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        pair.append(root.head)
    return any(
        t.i in kb_hits and kb_hits[t.i][2] != "demonym" and kb_hits[t.i][1].kind == "state"
        for t in pair
    )


def _tokens(span: Span) -> range:
    return range(span.start, span.end)


# NER labels of names that may contain a country's name without naming the country
# ("New Jersey", "Sudesh Amman")
LONGER_NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC"})


def _inside_longer_name(span: Span) -> bool:
    """A knowledge-base name inside a longer name names no state: after a capitalised word
    ("Jersey" in "New Jersey", the capital "Amman" in the person "Sudesh Amman"), or inside
    the name of another place ("Mexico City"). NER's "Hong Kong Carrie Lam" keeps its state."""
    from eventwire.geo.gazetteer import get_gazetteer

    doc = span.doc
    ent = _entity_at(span.doc, span.start)
    if ent is None or ent.end < span.end:
        return False
    if ent.label_ not in LONGER_NAME_LABELS or len(ent) == len(span):
        return False
    before = doc[span.start - 1] if span.start > ent.start else None
    if before is not None and before.is_alpha and before.is_title and not before.is_stop:
        return True
    if ent.label_ == "PERSON":
        return False
    places = get_gazetteer().lookup(ent.text)
    return bool(places) and not any(p.kind == "country" for p in places)


def _entity_at(doc: Doc, i: int) -> Span | None:
    """The named entity holding token `i`, read from the tokens' IOB tags (`doc.ents`
    builds every entity's span on each access: a cost per call, on every name)."""
    label = doc[i].ent_type_
    if not label:
        return None
    start, end = i, i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=label)


def _stance_prefix(span: Span) -> bool:
    """ "the pro-Beijing camp", "pro-Russian separatists": a stance toward a state, neither
    a mention of it nor a nationality."""
    return stance_prefixed(span.doc, span.start)


def _known_names(ents: list[Span], known: list[KnownHit]) -> list[Span]:
    """Dictionary names NER missed or mislabelled become entities of the dictionary's kind
    ("Nicola Sturgeon" tagged ORG is a PERSON); a longer NER entity around one stays."""
    added = []
    for hit in known:
        label = "PERSON" if hit.actors[0].kind == "person" and not _body_name(hit.span) else "ORG"
        inside = [e for e in ents if e.start <= hit.span.start and hit.span.end <= e.end]
        if any(e.label_ == label or len(e) > len(hit.span) for e in inside):
            continue
        added.append(Span(hit.span.doc, hit.span.start, hit.span.end, label=label))
    return _with_added(ents, added)


def _with_added(ents: list[Span], added: list[Span]) -> list[Span]:
    """NER's entities with `added` in place of those they overlap, in text order."""
    if not added:
        return ents
    kept = [e for e in ents if not any(a.start < e.end and e.start < a.end for a in added)]
    return sorted(kept + added, key=lambda e: e.start)


def _body_name(span: Span) -> bool:
    """A name ending in a body's noun ("Kurdistan Regional Government"), which the
    dictionary may file among people, names a body."""
    role = load_kb().roles.get(span[-1].lower_)
    return role is not None and role.refers != "person" and span[-1].is_title


def _attach_known(b: Builder, known: list[KnownHit], day: str | None) -> None:
    """The dictionary entry of each actor a known name mentions: the one valid on the
    article's date among namesakes; the dictionary's full name where the text gives less
    ("Obama" is Barack Obama)."""
    mentions = b.ordered_mentions() if known else []
    for hit in known:
        proto = _proto_at(mentions, hit.span.start_char, hit.span.end_char)
        if proto is None or proto.kind not in ("person", "organisation") or proto.known:
            continue
        filed = "person" if proto.kind == "organisation" and _body_name(hit.span) else proto.kind
        entry = _valid_entry(hit.actors, filed, day) or _valid_entry(hit.actors, proto.kind, day)
        if entry is None or entry not in load_known().named(proto.name):
            continue  # "Johnson" of another Johnson than the article's Boris Johnson
        proto.known = entry
        if proto.kind == "person" and len(entry.name.split()) > len(proto.name.split()):
            written = _written_full_name(b.text, entry)
            proto.name = written or entry.name


def _proto_at(mentions: list[tuple[int, int, Proto]], start: int, end: int) -> Proto | None:
    for s, e, proto in mentions:
        if s <= start and end <= e:
            return proto
    return None


def _valid_entry(actors: tuple[KnownActor, ...], kind: str, day: str | None) -> KnownActor | None:
    """One entry of this kind: the only one, or the only one with a code on `day`."""
    fitting = [a for a in actors if a.kind == kind]
    if len(fitting) > 1 and day is not None:
        fitting = [a for a in fitting if a.code_on(day) is not None] or fitting
    if len({a.code_on(day) and a.code_on(day)[:3] for a in fitting}) == 1:  # type: ignore[index]
        return fitting[0]
    return None


def _written_full_name(text: str, entry: KnownActor) -> str | None:
    """The dictionary's full name as the article spells it ("Erdoğan"), when it does."""
    from eventwire.actors.known import fold

    folded = fold(text)
    i = folded.find(fold(entry.name))
    return text[i : i + len(entry.name)] if i >= 0 and len(folded) == len(text) else None


# the dash that ends a dateline ("LOKOJA, Nigeria — The agency said ...")
DATELINE_DASHES = frozenset({"\u2014", "\u2013", "--"})


def _dateline(doc: Doc) -> range:
    """Tokens of the dateline that opens the story: a place in capitals, maybe followed by
    its country, before a dash. It says where the story was filed, so it names no actor
    ("UNITED NATIONS —" is the headquarters, not the organisation acting)."""
    for tok in doc[:8]:
        if tok.text in DATELINE_DASHES:
            head = [t for t in doc[: tok.i] if t.is_alpha]
            if head and head[0].is_upper and "\n" not in doc[: tok.i].text:
                return range(0, tok.i)
            break
    return range(0)


def _appositive_people(
    ents: list[Span], role_spans: list[tuple[Span, Role]], kb_hits: dict[int, Any]
) -> list[Span]:
    """A name in apposition to a person's title is a person, whatever NER called it
    ("Ghana's foreign minister, Ama Owusu-Bekoe, said": NER tags the name ORG)."""
    title_heads = {
        i for sp, r in role_spans if r.refers == "person" for i in (sp.end - 1, sp.root.i)
    }  # fmt: skip
    out: list[Span] = []
    for ent in ents:
        if out and out[-1].label_ == "PERSON" and ent.start < out[-1].end:
            continue  # taken into the name before it
        if ent.label_ != "PERSON":
            ent = _name_run(ent, kb_hits)
        root = ent.root
        titled = (root.dep_ == "appos" and root.head.i in title_heads) or any(
            c.dep_ == "appos" and c.i in title_heads for c in root.children
        )
        if (
            titled
            and ent.label_ != "PERSON"
            and not any(i in kb_hits for i in range(ent.start, ent.end))
        ):
            ent = Span(ent.doc, ent.start, ent.end, label="PERSON")
        out.append(ent)
    return out


def _name_run(ent: Span, kb_hits: dict[int, Any]) -> Span:
    """ "the U.N. envoy for Yemen, Marta Ruiz Ochoa, said": NER took the given name for a
    place and left the surnames out; the name in apposition is the whole run of capitalised
    proper nouns that the parser hangs on its last word (kept only if it is a titled name)."""
    doc = ent.doc
    end = ent.end
    while (
        end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title
        and doc[end].is_alpha and end not in kb_hits
    ):  # fmt: skip
        end += 1
    if end == ent.end or not ent.end <= doc[ent.end - 1].head.i < end:
        return ent
    if doc[end - 1].dep_ != "appos":
        return ent
    return Span(doc, ent.start, end, label=ent.label_)


def _named_before_title(
    doc: Doc,
    ents: list[Span],
    role_spans: list[tuple[Span, Role]],
    kb_hits: dict[int, Any],
) -> list[Span]:
    """Names NER missed or cut before a person's title in apposition ("Aung Ko Ko, a
    spokesman for the group, said", "Pak Son Il, a deputy director of the party's
    committee, warned"): the run of capitalised names just before ", a <title>" is a person,
    when the title is a person's and something of or for whom follows it, or the parse puts
    the title in apposition to the run."""
    by_token = {i: e for e in ents for i in range(e.start, e.end)}
    added: list[Span] = []
    for sp, role in role_spans:
        if role.refers != "person":
            continue
        k = sp.start
        while k > 0 and (doc[k - 1].lower_ in APPOSITION_OPENERS or doc[k - 1].is_lower
                         and doc[k - 1].dep_ in ("amod", "compound")):  # fmt: skip
            k -= 1
        if k == sp.start or k < 3 or doc[k - 1].text != ",":
            continue
        after = doc[sp.end] if sp.end < len(doc) else None
        appositive = sp.root.dep_ == "appos"
        if not appositive and (after is None or after.lower_ not in ("of", "for", "at")):
            continue
        end = k - 1
        start = end
        while start > 0 and _run_name_word(doc[start - 1]):
            start -= 1
        # the tagger reads an unfamiliar first name opening a sentence as a verb or noun
        if start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha:
            first = doc[start - 1]
            if _opens_sentence(first) and first.pos_ in ("VERB", "NOUN", "ADJ", "PROPN"):
                start -= 1
        if end - start < 2 or not _opens_sentence(doc[start]) and doc[start - 1].is_alpha:
            continue
        if doc[end - 1].lower_ in BODY_NAME_ENDS or any(i in kb_hits for i in range(start, end)):
            continue
        inside = {by_token[i] for i in range(start, end) if i in by_token}
        if any(e.label_ != "PERSON" or e.start < start or e.end > end for e in inside):
            continue
        added.append(Span(doc, start, end, label="PERSON"))
    return _with_added(ents, added)


def _run_name_word(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha


def _longer_names_first(
    hits: list[tuple[Span, str, str]], kb: KnowledgeBase
) -> list[tuple[Span, Entity, str]]:
    """A short name inside a longer state name the text also uses means that longer state.

    An article that names the "Democratic Republic of Congo" and then says "Congo" means the
    same country, not the Republic of the Congo whose alias "Congo" also is; a writer who meant
    both would name the second one in full too. Only short forms that are not the entity's own
    full name move ("Sudan" next to "South Sudan" stays Sudan).
    """
    entities = [(span, kb.entities[entity_id], how) for span, entity_id, how in hits]
    named_in_full = {e.id for span, e, how in entities if _fold(span.text) == _fold(e.name)}
    longer = [(span, e) for span, e, how in entities if how == "name" and len(span) > 1]
    out: list[tuple[Span, Entity, str]] = []
    for span, entity, how in entities:
        words = [t.lower_ for t in span]
        if how == "name" and entity.kind == "state" and entity.id not in named_in_full:
            for other_span, other in longer:
                if other.id != entity.id and other.kind == "state" and len(other_span) > len(span):
                    if _contains_words([t.lower_ for t in other_span], words):
                        entity = other
                        break
        out.append((span, entity, how))
    return out


def _contains_words(longer: list[str], words: list[str]) -> bool:
    n = len(words)
    return any(longer[i : i + n] == words for i in range(len(longer) - n + 1))


def _as_body(ent: Span) -> Span:
    """ "the United Georgia party": a name NER took for a place or a people that ends in a
    party's or movement's noun names that body."""
    if ent.label_ in ("GPE", "LOC", "NORP") and len(ent) > 1 and ent[-1].lower_ in BODY_NOUNS:
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    if _party_after(ent):  # "the ruling Civic Dawn party": NER's name stops before "party"
        return Span(ent.doc, ent.start, ent.end + 1, label="ORG")
    return ent


PARTY_NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "NORP"})


def _party_after(ent: Span) -> bool:
    """A name followed by the lower-case noun "party" it modifies ("Civic Dawn party"); a
    lone demonym or party word ("Democratic party") is no name of its own."""
    doc = ent.doc
    if ent.label_ not in PARTY_NAME_LABELS or ent.end >= len(doc):
        return False
    party = doc[ent.end]
    if party.text != "party" or ent.root.head.i != party.i:
        return False
    return ent.label_ != "NORP" or len(ent) > 1


def _party_name(doc: Doc, start: int, end: int) -> bool:
    """ "Civic Dawn party": a proper name and the lower-case noun "party" after it."""
    return end - start > 1 and doc[end - 1].text == "party" and doc[end - 2].pos_ == "PROPN"


# the last word of an institution's name: NER may call "the Paris Police Prefecture" an event
INSTITUTION_HEADS = frozenset({
    "prefecture", "office", "board", "commission", "ministry", "council", "agency",
    "department", "authority", "bureau", "directorate", "command", "secretariat",
})  # fmt: skip


# nouns that, after an intergovernmental body's name, make a longer body's name ("the OSCE
# Mission", "the UN Office"); with INSTITUTION_HEADS
BODY_NOUNS_AFTER = frozenset({"mission", "force", "forces", "delegation", "operation", "office"})

# words that link a body's name to the place or field it serves ("Mission to Moldova")
NAME_LINKS = frozenset({"to", "in", "for", "of", "on"})


def _whole_body_name(ent: Span) -> Span:
    """A body's name NER cut short or mislabelled, made whole: an event-labelled name
    ending in an institution's noun is a body; an ORG starts at the capitalised words after
    "the" that run into it ("The Financial Oversight and Management Board" where NER found
    "Management Board"); "the Liaison Office of China's central government" runs on to the
    noun its possessive state qualifies."""
    doc = ent.doc
    label = ent.label_
    if label == "EVENT":
        if len(ent) < 2 or ent[-1].lower_ not in INSTITUTION_HEADS or not ent[-1].is_title:
            return ent
        label = "ORG"
    if label != "ORG":
        return ent
    start, end = ent.start, ent.end
    k = start
    while k > 0 and not doc[k - 1].ent_type_ and doc[k - 1].lower_ != "the" and (
        doc[k - 1].is_title or (doc[k - 1].lower_ in ("and", "&") and k - 2 >= 0
                                and doc[k - 2].is_title)  # fmt: skip
    ):
        k -= 1
    if k < start and k > 0 and doc[k - 1].lower_ == "the" and doc[k].is_title:
        start = k
    # "the OSCE Mission to" + "Moldova": a name NER cut after its linking word runs on over
    # the capitalised words that follow
    if end - start > 1 and doc[end - 1].lower_ in NAME_LINKS and end < len(doc):
        k = end
        while k < len(doc) and doc[k].is_title and doc[k].pos_ == "PROPN":
            k += 1
        end = k if k > end else end
    end = _joined_remit(doc, start, end)
    last = doc[end - 1]
    if last.text in POSSESSIVE and end - 2 > start:
        owner = doc[end - 2]
        head = owner.head
        of = head.head
        if (owner.dep_ == "poss" and head.i >= end and head.dep_ == "pobj" and of.lower_ == "of"
                and start <= of.i < end and head.i - end < 4
                and all(t.is_lower for t in doc[end : head.i + 1])):  # fmt: skip
            end = head.i + 1
    return Span(doc, start, end, label=label)


def _breaks_name(tok: Token) -> bool:
    """A word no name runs over: a line break (a headline's last word and the dateline's
    city after it), or a lower-case conjunction or temporal preposition ("X after Y
    clashes"); "of", "for", "and", "in" may join a body's name and do not cut it."""
    return "\n" in tok.text or tok.is_lower and tok.lower_ in NAME_BREAKS


def _body_noun(word: str) -> bool:
    """A noun that heads a body's name: an institution's, a gloss or descriptor noun
    ("bank", "court"), or a group or body role ("police", "army")."""
    if word in INSTITUTION_HEADS or word in BODY_NOUNS or word in gloss_nouns():
        return True
    role = load_kb().roles.get(word)
    return role is not None and role.refers != "person"


def _inside_longer_body(ent: Span, ents: list[Span]) -> bool:
    """NER's body inside another's name made whole ("the Prevention of Vice" of "the
    Ministry for the Propagation of Virtue and the Prevention of Vice")."""
    return ent.label_ == "ORG" and any(
        o.label_ == "ORG" and o.start <= ent.start and ent.end <= o.end and len(o) > len(ent)
        for o in ents
    )


def _joined_remit(doc: Doc, start: int, end: int) -> int:
    """ "the Ministry for the Propagation of Virtue" + "and the Prevention of Vice": a body
    named by its noun and its remit ("Ministry of", "Commission for") whose name NER cut at
    an "and" runs on over the capitalised words of the second part of the remit, unless
    they name a body or a place of their own ("and the Interior Ministry"); NER's body for
    the second part alone ("the Prevention of Vice") is part of the name."""
    k = start + (doc[start].lower_ == "the")
    if k + 1 >= end or doc[k].lower_ not in INSTITUTION_HEADS or doc[k + 1].lower_ not in (
        "of", "for"
    ):
        return end
    at = end
    if at + 1 >= len(doc) or doc[at].lower_ != "and" or not doc[end - 1].is_title:
        return end
    at += 1 + (doc[at + 1].lower_ == "the")
    last = None
    while at < len(doc) and doc[at].ent_type_ in ("", "ORG") and (
        doc[at].is_title and doc[at].is_alpha or doc[at].lower_ in ("of", "for", "the")
    ):
        if doc[at].is_title:
            if _body_noun(doc[at].lower_):
                return end  # "and the Central Bank": a second body
            last = at
        at += 1
    return last + 1 if last is not None else end


def _trim(ent: Span) -> Span | None:
    """Drop a leading article, a trailing possessive and anything from an opening bracket
    or a word no name runs over (`_breaks_name`)."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    for i in range(start, end):
        if doc[i].text == "(" or _breaks_name(doc[i]) and i > start:
            end = i
            break
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=ent.label_)


# ---------------------------------------------------------------- people and their titles


def _titled_names(
    doc: Doc,
    ents: list[Span],
    role_spans: list[tuple[Span, Role]],
    kb_hits: dict[int, tuple[Span, Entity, str]],
) -> list[Span]:
    """Names NER missed after a title ("President of Ukraine Volodymyr Zelenskyy",
    "Princess Ubolratana Mahidol"): a run of capitalised words becomes a PERSON."""
    by_token = {i: e for e in ents for i in range(e.start, e.end)}
    added: list[Span] = []
    for sp, role in role_spans:
        if role.refers != "person":
            continue
        k = sp.end
        # "of Ukraine", "of Amnesty International", "to the United Nations"
        if k < len(doc) and doc[k].lower_ in TITLE_PREPS:
            j = k + 1 + (k + 1 < len(doc) and doc[k + 1].lower_ == "the")
            if j in kb_hits and kb_hits[j][2] == "name":  # not "of the Tunisian League"
                k = kb_hits[j][0].end
                # "head of the OSCE Mission": the name runs on over the body's noun
                nxt = doc[k] if k < len(doc) else None
                if nxt is not None and nxt.lower_ in INSTITUTION_HEADS | BODY_NOUNS_AFTER:
                    k = max(k + 1, by_token[j].end if j in by_token else k + 1)
            elif j in by_token and by_token[j].label_ == "ORG":
                k = by_token[j].end
            elif doc[k].lower_ in PORTFOLIO_PREPS:
                k = _after_portfolio(doc, k + 1)
        end = k
        while end < len(doc) and (
            doc[end].pos_ == "PROPN"
            and doc[end].is_title
            or (doc[end].text == "-" and end + 1 < len(doc) and not doc[end].whitespace_)
            or (end > k and doc[end - 1].text == "-" and doc[end].is_alpha)
        ):
            end += 1
        if end - k < 1 or k in kb_hits or doc[end - 1].lower_ in BODY_NAME_ENDS:
            continue
        if any(by_token.get(i) is not None and by_token[i].label_ == "PERSON"
               for i in range(k, end)):  # fmt: skip
            continue
        if end - k == 1 and doc[k].i + 1 < len(doc) and doc[k + 1].pos_ == "PROPN":
            continue
        added.append(Span(doc, k, end, label="PERSON"))
    return _with_added(ents, added)


def _after_portfolio(doc: Doc, k: int) -> int:
    """ "Deputy Prime Minister for Reintegration Vitalie Rusnac", "Minister for Foreign and
    European Affairs Ana Dobre": the capitalised words after "for" or "of" name the portfolio
    and then the person; a name written after a title is a given name and a surname, so the
    last two words of three or more are the name."""
    end = k
    while end < len(doc) and (
        doc[end].pos_ == "PROPN" and doc[end].is_title
        or (doc[end].lower_ in PORTFOLIO_JOINERS and end > k and doc[end - 1].is_title)
    ):
        end += 1
    name = doc[end - 2 : end]
    if end - k < 3 or not all(t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON") for t in name):
        return k - 1  # the preposition: no name follows the portfolio
    return end - 2


# the last word of a title whose capitalised words before it name a portfolio, not a body
PORTFOLIO_TITLES = frozenset({"minister", "secretary"})


def _portfolio(
    ent: Span, role_spans: list[tuple[Span, Role]], kb_hits: dict[int, tuple[Span, Entity, str]]
) -> bool:
    """ "Mines and Energy Minister X", "Trade Secretary X": capitalised words NER took for a
    body right before a minister's title are the portfolio, no body the person speaks for
    (a body's name ends in its noun: "Palestinian Authority Minister X", "Interior Ministry
    spokesman X"; a knowledge-base body or party stays one)."""
    if ent.label_ != "ORG" or ent[-1].lower_ in BODY_NAME_ENDS:
        return False
    if any(i in kb_hits for i in range(ent.start, ent.end)):
        return False
    return any(
        sp.start == ent.end and r.refers == "person" and sp[-1].lower_ in PORTFOLIO_TITLES
        for sp, r in role_spans
    )


def _name_word(doc: Doc, i: int, taken: set[int], kb_hits: dict[int, Any]) -> bool:
    tok = doc[i]
    return (
        tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha
        and i not in taken and i not in kb_hits
        and tok.lower_ not in load_kb().title_genders
    )  # fmt: skip


def _whole_names(
    doc: Doc,
    ents: list[Span],
    role_spans: list[tuple[Span, Role]],
    kb_hits: dict[int, tuple[Span, Entity, str]],
) -> list[Span]:
    """Names NER split ("Arnel" + "dela Vega", "Zine El Abidine" + "Ben Ali",
    "Graciano" + "Mijares"): grow a PERSON over adjacent capitalised name words and join
    PERSONs that touch."""
    roles = {i for sp, r in role_spans if r.refers == "person" for i in range(sp.start, sp.end)}
    taken = {i for sp, _ in role_spans for i in range(sp.start, sp.end)}
    taken |= {i for e in ents if e.label_ != "PERSON" for i in range(e.start, e.end)}
    out: list[Span] = []
    for ent in ents:
        if ent.label_ != "PERSON":
            out.append(ent)
            continue
        start, end = ent.start, ent.end
        # a lower-case particle opening the entity ("dela Vega") asks for a given name
        if doc[start].is_lower and start > 0 and _name_word(doc, start - 1, taken, kb_hits):
            start -= 1
        # a given name between a title and the rest ("Superintendent Yolanda" + "Yu Hoi-kwan")
        elif start > 1 and _name_word(doc, start - 1, taken, kb_hits) and start - 2 in roles:
            start -= 1
        while end < len(doc) and _name_word(doc, end, taken, kb_hits):
            end += 1
        end = _hyphened_syllable(doc, end)
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "PERSON" and prev.end >= start:
            out[-1] = Span(doc, prev.start, max(end, prev.end), label="PERSON")
            continue
        out.append(Span(doc, start, end, label="PERSON"))
    return out


def _hyphened_syllable(doc: Doc, end: int) -> int:
    """A given name joined by a hyphen belongs to the name NER cut before it ("Kim Young" +
    "-soo"): "-" and a word written without spaces run the name on, unless the word makes
    the name an agent ("X-backed")."""
    if (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and doc[end + 1].lower_ not in _agent_suffixes()
    ):
        return end + 2
    return end


@functools.cache
def _agent_suffixes() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in data_rows("agent_words.tsv"))


def _people(
    doc: Doc,
    b: Builder,
    ents: list[Span],
    role_spans: list[tuple[Span, Role]],
    kb_hits: dict[int, tuple[Span, Entity, str]],
    claimed: set[int],
) -> set[int]:
    """Person actors from PERSON entities, with role and affiliation from titles and
    appositions. Returns the start tokens of role spans used as titles."""
    role_end = {sp.end: (sp, r) for sp, r in role_spans if r.refers == "person"}
    role_start = {sp.start: (sp, r) for sp, r in role_spans if r.refers == "person"}
    title_roles: set[int] = set()
    persons = []
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        # "Superintendent Graciano": a title tagged as part of the name
        start = ent.start
        while start < ent.end - 1 and any(
            sp.start == start and sp.end <= ent.end - 1 for sp, _ in role_spans
        ):
            start = next(sp.end for sp, _ in role_spans if sp.start == start)
        span = Span(doc, start, ent.end, label="PERSON")
        if load_kb().lookup(span.text) or not_an_actor(span.text) or not _proper(span):
            continue
        if normalise(span.text).lower() in load_kb().capitals:  # a capital is no person
            continue
        if _as_means(span) or _glossed_thing(span):
            continue
        persons.append(span)
    full = [p for p in persons if len(p) > 1]
    # a place NER took for a person ("Jolo"), unless it is part of a name or has a title
    persons = [
        p for p in persons
        if not is_place_name(p.text) or p.start in role_end or _part_of_full(p, full)
    ]  # fmt: skip
    full = [p for p in persons if len(p) > 1]
    for span in sorted(full, key=lambda s: s.start) + [p for p in persons if len(p) == 1]:
        proto = _person_proto(b, span, full)
        proto.gender = proto.gender or person_gender(span, proto.name, b.kb)
        role, affiliation, title_start = _title(
            doc, span, role_end, role_start, kb_hits, title_roles
        )
        if title_start is not None:
            # "French President Emmanuel Macron" as one mention: a subject headed by the
            # title word resolves to the person, the inner "French" still to France
            b.mention(proto, doc[title_start].idx, span.end_char)
        if role is not None and proto.role is None:
            proto.role, proto.sector = role.role, role.sector
            if role.role in NAME_TITLES and not proto.name.startswith(role.role):
                proto.name = f"{role.role} {proto.name}"
        if affiliation is not None and proto.country is None and proto.affiliation is None:
            if affiliation.kind == "state":
                proto.country, proto.code = affiliation.country, affiliation.code
            else:
                proto.affiliation = affiliation.name
                proto.country = None if affiliation.international else affiliation.country
                proto.code = affiliation.code
        b.mention(proto, span.start_char, span.end_char)
        claimed.update(range(span.start, span.end))
    return title_roles


@functools.lru_cache(maxsize=8192)  # called for every token of every article
def _fold(text: str) -> str:
    """Surname key: no diacritics, lower case ("Erdoğan" and "Erdogan", "Al-Quaety")."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _proper(span: Span) -> bool:
    return any(t.is_alpha and t.text[:1].isupper() for t in span)


def _part_of_full(span: Span, full: list[Span]) -> bool:
    key = _fold(span.text)
    return len(span) == 1 and any(key in (_fold(o[-1].text), _fold(o[0].text)) for o in full)


def _person_proto(b: Builder, span: Span, full: list[Span]) -> Proto:
    text = " ".join(span.text.split())
    if len(span) == 1:
        # a surname or first name alone: the person named in full elsewhere in the document
        key = _fold(span.text)
        for other in full:
            if key in (_fold(other[-1].text), _fold(other[0].text)):
                return b.protos.get(f"per:{_name(other)}") or Proto(
                    key=f"per:{_name(other)}", name=_name(other), kind="person"
                )
    return b.protos.get(f"per:{text}") or Proto(key=f"per:{text}", name=text, kind="person")


def _name(span: Span) -> str:
    return " ".join(span.text.split())


def _title(
    doc: Doc,
    span: Span,
    role_end: dict[int, tuple[Span, Role]],
    role_start: dict[int, tuple[Span, Role]],
    kb_hits: dict[int, tuple[Span, Entity, str]],
    title_roles: set[int],
) -> tuple[Role | None, Entity | None, int | None]:
    """The person's title, the body or state it is held in, and the token where a title
    written before the name starts."""
    role: Role | None = None
    affiliation: Entity | None = None
    title_start: int | None = None
    # "NATO Secretary General Mark Rutte", "President of the United States Donald Trump"
    i = span.start
    of_entity = None
    if i - 1 in kb_hits and kb_hits[i - 1][2] != "capital":
        hit = kb_hits[i - 1][0]
        j = hit.start - (2 if hit.start >= 2 and doc[hit.start - 1].lower_ == "the" else 1)
        if j >= 1 and doc[j].lower_ == "of":
            of_entity, i = kb_hits[i - 1][1], j
    if i in role_end:
        sp, role = role_end[i]
        title_roles.add(sp.start)
        affiliation = of_entity or _modifier_entity(doc, sp.start, kb_hits)
        title_start = _modifier_start(doc, sp.start, kb_hits)
    # "Minister of Information X", "US Ambassador to the United Nations X"
    elif (complemented := _title_with_complement(doc, i, role_end)) is not None:
        sp, role = complemented
        title_roles.add(sp.start)
        affiliation = _modifier_entity(doc, sp.start, kb_hits) or _of_entity(doc, sp.end, kb_hits)
        title_start = _modifier_start(doc, sp.start, kb_hits)
    # "The Vice President, Mike Pence,", "Turkey's foreign minister, Selim Aydin,"
    elif i >= 1 and doc[i - 1].text == "," and _in_apposition(span, role_end.get(i - 1)):
        sp, role = role_end[i - 1]
        title_roles.add(sp.start)
        affiliation = _modifier_entity(doc, sp.start, kb_hits) or _of_entity(doc, sp.end, kb_hits)
    # "Peru's ambassador to the United Nations, X,": a title with its complement before the
    # comma, the name in apposition to the title or (as the parser hangs it) its complement
    elif (
        i >= 2
        and doc[i - 1].text == ","
        and (complemented := _title_with_complement(doc, i - 1, role_end)) is not None
        and doc[complemented[0].end].lower_ == "to"  # an envoy's; "of" bodies are read below
        and span.root.dep_ == "appos"
        and complemented[0].start <= span.root.head.i < i - 1
    ):
        sp, role = complemented
        title_roles.add(sp.start)
        affiliation = _modifier_entity(doc, sp.start, kb_hits)
    # "the president of the ECOWAS Commission, X,": the name in apposition to the body
    elif (of_body := _title_of_body_before(span, role_end)) is not None and (
        (body := _of_entity(doc, of_body[0].end, kb_hits)) is not None
        and body.kind == "organisation"
    ):  # (a state's branch, "the head of Zambia's Amnesty International", is read later)
        sp, role = of_body
        title_roles.add(sp.start)
        affiliation = _of_entity(doc, sp.end, kb_hits)
    # "Mark Rutte, the NATO Secretary General," / "X, the current prime minister of Y"
    elif span.end < len(doc) and doc[span.end].text == ",":
        k = span.end + 1
        while (
            k < len(doc)
            and k not in role_start
            and (doc[k].lower_ in ("the", "a", "an") or doc[k].is_lower and doc[k].dep_ in INNER)
        ):  # "the caretaker prime minister", "the current prime minister"
            k += 1
        mod = None
        if k in kb_hits:
            mod = kb_hits[k][1]
            k = kb_hits[k][0].end
        if k in role_start:
            sp, role = role_start[k]
            title_roles.add(sp.start)
            affiliation = mod or _of_entity(doc, sp.end, kb_hits)
    # "Crown Prince Mohammad bin Salman of Saudi Arabia"
    if affiliation is None:
        affiliation = _of_entity(doc, span.end, kb_hits)
    return role, affiliation, title_start


def _title_with_complement(
    doc: Doc, start: int, role_end: dict[int, tuple[Span, Role]]
) -> tuple[Span, Role] | None:
    """A title whose complement stands between it and the name: "Minister of Information
    X", "Ambassador to the United Nations X" (capitalised words, "of", "to", "for", "the",
    "and")."""
    for j in range(start - 1, max(0, start - 8), -1):
        tok = doc[j]
        if tok.lower_ in TITLE_PREPS and j in role_end and j + 1 < start:
            return role_end[j]
        if not (tok.lower_ in TITLE_PREPS or tok.lower_ in ("the", "and") or tok.is_title):
            return None
    return None


def _title_of_body_before(
    span: Span, role_end: dict[int, tuple[Span, Role]]
) -> tuple[Span, Role] | None:
    """The title of "the chairman of the X Commission, Name," where the parser hangs the
    name on the body, not on the title."""
    root = span.root
    if root.dep_ != "appos" or root.head.i >= span.start:
        return None
    body = root.head
    prep = body.head
    if body.dep_ != "pobj" or prep.lower_ != "of" or prep.i < 1:
        return None
    title = role_end.get(prep.i)
    if title is None or title[0][-1].i != prep.head.i:
        return None
    return title


def _in_apposition(span: Span, title: tuple[Span, Role] | None) -> bool:
    """A name set off by a comma after its title ("The Vice President, Mike Pence,")."""
    if title is None:
        return False
    head = title[0][-1]
    root = span.root
    return (root.dep_ == "appos" and root.head.i == head.i) or (
        head.dep_ == "appos" and span.start <= head.head.i < span.end
    )


def _modifier_start(doc: Doc, start: int, kb_hits: dict[int, tuple[Span, Entity, str]]) -> int:
    """Where a title starts once its modifier is included ("Greece's foreign minister")."""
    k = start - 1
    if k >= 0 and doc[k].text in POSSESSIVE:
        k -= 1
    if k in kb_hits and kb_hits[k][2] != "capital":
        return kb_hits[k][0].start
    return start


def _modifier_entity(
    doc: Doc, start: int, kb_hits: dict[int, tuple[Span, Entity, str]]
) -> Entity | None:
    """The entity named just before position `start` ("Serbian", "NATO", "Greece's")."""
    k = start - 1
    if k >= 0 and doc[k].text in POSSESSIVE:
        k -= 1
    if k in kb_hits and kb_hits[k][2] != "capital":
        return kb_hits[k][1]
    return None


def _of_entity(doc: Doc, k: int, kb_hits: dict[int, tuple[Span, Entity, str]]) -> Entity | None:
    """ "of Saudi Arabia", "for Puerto Rico": the body or state a title is held in."""
    if k < len(doc) and doc[k].lower_ in ("of", "for"):
        k += 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        if k in kb_hits and kb_hits[k][2] == "name":
            return kb_hits[k][1]
    return None


# ---------------------------------------------------------------- groups and governments


def _group_phrases(
    doc: Doc,
    b: Builder,
    role_spans: list[tuple[Span, Role]],
    kb_hits: dict[int, tuple[Span, Entity, str]],
    claimed: set[int],
    org_tokens: set[int],
    title_roles: set[int],
    home: Entity | None = None,
) -> None:
    """ "Serbian forces", "Bosnian Serb leaders", "EU and US officials", "the Iraqi
    government", "protesters": collectives and governments named by a role noun; "the
    national police" is the `home` state's, as a demonym would make it."""
    bare: list[tuple[Span, Role]] = []
    for sp, role in role_spans:
        if role.refers == "person" or sp.start in title_roles:
            continue
        if any(i in claimed for i in range(sp.start, sp.end)):
            continue  # inside a phrase already resolved ("leaders of the opposition bloc")
        if role.phrase in SINGULAR_GROUPS and sp.root.dep_ == "compound":
            continue  # "opposition supporters": what the group is, read by collectives.py
        in_org = sp.start in org_tokens  # not "Members of Parliament" after its "Parliament"
        if in_org and sp[0].is_title and role.refers == "group":
            continue  # "the Iraqi Security Forces": a proper name, NER's ORG wins
        mods, start = _modifiers(doc, sp.start, kb_hits, capitals=role.refers == "state")
        if not mods and home is not None:
            k = national_prefix(doc, sp.start)
            if k is None and role.sector == "MIL":
                k = _government_prefix(doc, sp)
            if k is not None and not any(i in claimed for i in range(k, sp.start)):
                mods, start = [(doc[k : sp.start], home)], k
        if not mods and role.refers == "state" and _bloc_governments(doc, b, sp, role, claimed):
            continue
        if not mods and role.refers == "state":
            of = _of_entity(doc, sp.end, kb_hits)
            if of is not None and of.kind == "state":  # "the government of Iraq"
                end = sp.end + (3 if doc[sp.end + 1].lower_ == "the" else 2)
                end = kb_hits[end - 1][0].end
                b.mention_entity(of, sp.start_char, doc[end - 1].idx + len(doc[end - 1]))
                claimed.update(range(sp.start, end))
            continue
        if role.refers == "group" and _school(doc, b, sp, role, mods, start, home, claimed):
            continue
        if role.refers == "state":
            if len(mods) == 1:
                b.mention_entity(mods[0][1], doc[start].idx, sp.end_char)
            elif len({e.id for _, e in mods}) > 1:  # "the Turkish and Greek sides": both
                states = [b.entity_proto(e) for _, e in mods]
                b.mention_compound(states, doc[start].idx, sp.end_char)
            claimed.update(range(start, sp.end))
            continue
        if not mods and _members_of(doc, b, sp, role, role_spans, kb_hits, claimed):
            continue
        if not mods and role.phrase in BARE_INSTITUTIONS:
            bare.append((sp, role))  # after the named ones: "police" may be "Hong Kong police"
            continue
        if not mods:
            # the noun heads the phrase: "members" of "members of parliament"
            plural = sp.root.tag_ in ("NNS", "NNPS") or sp[-1].tag_ in ("NNS", "NNPS")
            plural = plural or role.phrase in SINGULAR_GROUPS
            ethnic = _ethnic_start(doc, sp.start)
            if plural and (role.sector in BARE_GROUP_SECTORS or ethnic < sp.start):
                # "protesters"; "Western diplomats", "Serb forces": a people without a state;
                # "climate activists", "pro-democracy lawmakers": what the group is for
                people = ethnic < sp.start
                ethnic = ethnic if people else _cause_start(doc, sp, claimed)
                # "Kurdish and Sunni lawmakers": two groups, each named by its own word
                words = _coordinated_people(doc, ethnic) if people else []
                first = words[0].i if words else ethnic
                tail = ethnic  # the words after the people word: "members of parliament"
                while tail < sp.start and doc[tail].is_title and doc[tail].ent_type_ == "NORP":
                    tail += 1
                names = [f"{w.text} {doc[tail : sp.end].text}" for w in words]
                names.append(" ".join(doc[ethnic : sp.end].text.split()))
                if not people:  # "Climate activists" opening a sentence
                    names = [names[0][:1].lower() + names[0][1:]]
                group = [
                    b.protos.get(f"grp::{n}")
                    or Proto(key=f"grp::{n}", name=n, kind="group", sector=role.sector)
                    for n in (" ".join(n.split()) for n in names)
                ]
                if len(group) > 1:
                    b.mention_compound(group, doc[first].idx, sp.end_char)
                else:
                    b.mention(group[0], doc[first].idx, sp.end_char)
                claimed.update(range(first, sp.end))
            continue
        protos: list[Proto] = []
        joined = _joined_role(doc, sp, role_spans, claimed) if len(mods) == 1 else None
        if joined is not None:  # "Pakistani police and soldiers": one group of one state
            sp = doc[sp.start : joined.end]
        for mod_span, entity in mods:
            name = doc[start : sp.end].text if len(mods) == 1 else f"{mod_span.text} {sp.text}"
            key = f"grp:{entity.id}:{role.role}" + (f":{joined.text.lower()}" if joined else "")
            protos.append(
                b.protos.get(key)
                or Proto(
                    key=key,
                    name=" ".join(name.split()),
                    kind="group",
                    country=None if entity.international else entity.country,
                    affiliation=entity.name if entity.kind == "organisation" else None,
                    code=entity.code,
                    sector=role.sector,
                )
            )
        if len({p.key for p in protos}) > 1:  # "Hungarian and Romanian officials": both act
            b.mention_compound(protos, doc[start].idx, sp.end_char)
        else:
            b.mention(protos[0], doc[start].idx, sp.end_char)
        claimed.update(range(start, sp.end))
    for sp, role in bare:
        _bare_institution(doc, b, sp, role, claimed)


def _state_services(
    doc: Doc, b: Builder, role_spans: list[tuple[Span, Role]], claimed: set[int]
) -> None:
    """ "the navy had seized three boats", "the army seized power": a state's armed service
    named by its noun alone, acting or acted on, belongs to the one state whose armed forces
    the text has named ("Ruritania's military bombed ..."). The army or military is that
    actor; another service ("the navy") is its own, named with the state ("Ruritania navy")."""
    for sp, role in role_spans:
        if role.sector != "MIL" or role.refers != "group" or len(sp) != 1 or sp.start < 1:
            continue
        if doc[sp.start - 1].lower_ != "the" or sp.root.tag_ != "NN":
            continue
        if any(i in claimed for i in range(sp.start - 1, sp.end)):
            continue
        dep, head = sp.root.dep_, sp.root.head.lower_
        if dep not in ("nsubj", "nsubjpass", "dobj", "pobj") or (
            dep == "pobj" and head not in ("by", "against", "with")
        ):
            continue
        forces = [p for p in b.protos.values() if p.kind in ("group", "organisation")
                  and p.country and p.sector == "MIL" and p.first < sp.start_char]  # fmt: skip
        if len({p.country for p in forces}) != 1:
            continue
        noun = sp.text.lower()
        same = [p for p in forces if p.name.lower().endswith(noun)]
        if not same and noun in ARMY_NOUNS:
            same = [p for p in forces if p.name.lower().split()[-1] in ARMY_NOUNS]
        if same:
            proto = same[0]
        elif noun in ARMY_NOUNS:
            continue
        else:
            state = b.kb.entities.get(forces[0].country or "")
            if state is None:
                continue
            proto = Proto(
                key=f"grp:{state.id}:{role.role}", name=f"{state.name} {noun}", kind="group",
                country=state.country, code=state.code, sector=role.sector,
            )  # fmt: skip
        b.mention(proto, doc[sp.start - 1].idx, sp.end_char)
        claimed.update(range(sp.start - 1, sp.end))


@functools.cache
def _school_nouns() -> frozenset[str]:
    return frozenset(r["noun"] for r in data_rows("school_nouns.tsv"))


def _school(
    doc: Doc,
    b: Builder,
    sp: Span,
    role: Role,
    mods: list[tuple[Span, Entity]],
    start: int,
    home: Entity | None,
    claimed: set[int],
) -> bool:
    """ "bombed a police academy", "the Nigerian military academy": a group's noun before a
    school noun (school_nouns.tsv) names a body that trains it, an organisation of the state
    its modifier names, else of the story's state."""
    noun = sp.root.head
    if sp.root.dep_ not in INNER or noun.i != sp.end or noun.lower_ not in _school_nouns():
        return False
    if noun.i in claimed or len(mods) > 1:
        return False
    state = mods[0][1] if mods else home
    if state is not None and state.kind != "state":
        state = None
    first = start if mods else sp.start
    name = " ".join(doc[first : noun.i + 1].text.split())
    if not mods:
        name = name[:1].lower() + name[1:]
    key = f"org:{name.lower()}"
    proto = b.protos.get(key) or Proto(key=key, name=name, kind="organisation", sector=role.sector)
    if state is not None and proto.country is None:
        proto.country, proto.code = state.country, state.code
        proto.country_basis = None if mods else "story"
    b.mention(proto, doc[first].idx, noun.idx + len(noun))
    claimed.update(range(first, noun.i + 1))
    return True


def _bloc_governments(doc: Doc, b: Builder, sp: Span, role: Role, claimed: set[int]) -> bool:
    """ "Western governments", "Arab governments": the governments of a bloc or people with
    no state of its own are a group actor of no country."""
    if sp.root.tag_ not in ("NNS", "NNPS"):
        return False
    start = _ethnic_start(doc, sp.start)
    if start == sp.start or any(i in claimed for i in range(start, sp.end)):
        return False
    name = " ".join(doc[start : sp.end].text.split())
    key = f"grp::{name}"
    proto = b.protos.get(key) or Proto(key=key, name=name, kind="group", sector=role.sector)
    b.mention(proto, doc[start].idx, sp.end_char)
    claimed.update(range(start, sp.end))
    return True


def _government_prefix(doc: Doc, sp: Span) -> int | None:
    """ "government troops", "Government forces": the noun "government" right before a
    military group noun makes it the story's state's military; where "government" starts."""
    k = sp.start - 1
    if k < 0 or doc[k].lower_ != "government" or doc[k].head.i != sp.root.i:
        return None
    return k if doc[k].dep_ in INNER else None


def _joined_role(
    doc: Doc, sp: Span, role_spans: list[tuple[Span, Role]], claimed: set[int]
) -> Span | None:
    """The second group noun of "police and soldiers" after a state's modifier: a bare
    role noun of a group joined to this one by "and", sharing its modifier."""
    if sp.end + 1 >= len(doc) or doc[sp.end].lower_ != "and":
        return None
    for other, role in role_spans:
        if other.start == sp.end + 1 and role.refers == "group" and other.root.dep_ == "conj" \
                and other.root.head.i == sp.root.i and other.start not in claimed:  # fmt: skip
            return other
    return None


def _kind_of_group(ent: Span, role_spans: list[tuple[Span, Role]]) -> bool:
    """ "Riot police fired ...": one capitalised word opening a sentence, tagged a person,
    that modifies the group noun after it says what kind of group it is; no person."""
    if ent.label_ != "PERSON" or len(ent) != 1 or not _opens_sentence(ent[0]):
        return False
    head = ent.root.head
    if ent.root.dep_ not in INNER or head.i != ent.end or not head.is_lower:
        return False
    return any(sp.start == ent.end and role.refers == "group" for sp, role in role_spans)


def _in_caps_compound(span: Span) -> bool:
    """ "PORT-AU-PRINCE": a word joined by hyphens inside an all-caps place name (a
    dateline's city) is part of that name, no acronym of a body ("PKK-YPG" stays two)."""
    doc = span.doc
    if not span.text.isupper():
        return False
    start, end = span.start, span.end
    while start >= 2 and _caps_joined(doc[start - 2], doc[start - 1]):
        start -= 2
    while end + 1 < len(doc) and _caps_joined(doc[end - 1], doc[end]):
        end += 2
    if end - start < 3:
        return False
    return is_place_name(doc[start:end].text)


def _caps_joined(left: Token, hyphen: Token) -> bool:
    """An all-caps word `left` joined by `hyphen` to an all-caps word, with no space."""
    if hyphen.text != "-" or left.whitespace_ or hyphen.whitespace_:
        return False
    if hyphen.i + 1 >= len(hyphen.doc):
        return False
    right = hyphen.doc[hyphen.i + 1]
    return left.is_alpha and left.is_upper and right.is_alpha and right.is_upper


def _small_places(doc: Doc) -> set[str]:
    """Names the text itself calls a small place: "the village of X", "the island of X",
    "X island", "the X river". NER's PERSON or ORG for them is a mislabel. A region or
    province is left alone, as one may act; so is a town, for now (dropping one moved the
    out-of-fold target accuracy below its floor)."""
    found: set[str] = set()
    for tok in doc:
        if tok.lower_ not in SMALL_PLACE_NOUNS or not tok.is_lower:
            continue
        if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of":
            end = tok.i + 2
            while end < len(doc) and doc[end].is_title and doc[end].is_alpha:
                end += 1
            if end > tok.i + 2:
                found.add(doc[tok.i + 2 : end].text)
        start = tok.i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha:
            start -= 1
        if start < tok.i and (start == 0 or not doc[start - 1].is_sent_end):
            found.add(doc[start : tok.i].text)
    return found


def _body_words(ent: Span) -> bool:
    """A name with a body's word ("the Legislative Council", "the House of Lords") or one the
    knowledge base knows: a body even where the text says "in" it ("a trial in the Senate")."""
    kb = load_kb()
    if kb.lookup(ent.text) is not None:
        return True
    return any(
        t.lower_ in ORG_NOUNS or t.lower_ in BODY_NOUNS or t.lower_ == "house"
        or (t.lower_ in kb.roles and kb.roles[t.lower_].refers != "person")
        for t in ent
    )  # fmt: skip


def _no_person_name(ent: Span) -> bool:
    """One word NER tagged PERSON that names no one: a body's noun alone ("Mission",
    "Council"), or a common noun opening a sentence or a quotation ("Missiles struck ...",
    '"Missiles will not ...'), unless it is a surname of a person named in full."""
    if ent.label_ != "PERSON" or len(ent) != 1:
        return False
    tok = ent[0]
    if tok.lower_ in ORG_NOUNS:
        return True
    if not _opens_sentence(tok) and not _opens_quote(tok):
        return False
    if any(e.label_ == "PERSON" and len(e) > 1 and tok.text in e.text.split()
           for e in doc_ents(tok.doc)):  # fmt: skip
        return False  # '"Banks has been fair"' after "Carol Banks": her surname
    if tok.tag_ in ("NN", "NNS"):
        return True
    # '"Missiles will not solve it," he said': a plural noun
    return tok.tag_ in ("NNPS", "NNP") and _plural_of_noun(tok.lower_)


def _opens_quote(tok: Token) -> bool:
    """The first word of a quotation, capitalised as such ('"Missiles will not ...')."""
    return tok.i > 0 and (tok.nbor(-1).tag_ == "``" or tok.nbor(-1).text in ('"', "\u201c"))


def _body_not_person(ent: Span) -> Span:
    """Names NER tagged PERSON that end in a body's noun ("the U.S. Central Command", "the
    U.N. Assistance Mission") name that body, never a person."""
    if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].is_title:
        if ent[-1].lower_ in BODY_NAME_ENDS:
            return _whole_body_name(Span(ent.doc, ent.start, ent.end, label="ORG"))
    return ent


def _plural_of_noun(word: str) -> bool:
    nouns = _english_nouns()
    return any(word.endswith(end) and word[: len(word) - len(end)] + add in nouns
               for end, add in (("ies", "y"), ("es", ""), ("s", "")))  # fmt: skip


@functools.cache
def _english_nouns() -> frozenset[str]:
    from eventwire.nlp.pipeline import load_nlp

    lookups = load_nlp().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    return frozenset(lookups.get_table("lemma_index").get("noun", ()))


def _bracketed_acronym(ent: Span) -> Span:
    """ "the Regional Stabilisation Mission (RSM)": an all-caps acronym in brackets names a
    body, never a person; so does the same acronym anywhere else in the text."""
    if ent.label_ != "PERSON" or len(ent) != 1 or not _acronym(ent.text):
        return ent
    return Span(ent.doc, ent.start, ent.end, label="ORG") if _bracketed(ent) else ent


def _acronym(text: str) -> bool:
    return len(text) >= 2 and text.isalpha() and text.isupper()


def _bracketed(ent: Span) -> bool:
    doc = ent.doc
    return any(
        t.text == ent.text and 0 < t.i < len(doc) - 1
        and doc[t.i - 1].text == "(" and doc[t.i + 1].text == ")"
        for t in doc
    )  # fmt: skip


def _opens_sentence(tok: Token) -> bool:
    if tok.is_sent_start:
        return True
    return tok.i > 0 and tok.nbor(-1).is_space and (tok.i == 1 or bool(tok.nbor(-1).is_sent_start))


def _kind_word(doc: Doc, sp: Span, claimed: set[int]) -> int:
    """Start of "riot police", "traffic police": a common noun before an institution's noun
    that says which of its kind (a capitalised one only opening a sentence); else `sp.start`."""
    k = sp.start - 1
    if k < 0 or k in claimed or doc[k].dep_ != "compound" or doc[k].head.i != sp.root.i:
        return sp.start  # a noun, not an adjective: "the final court" is the court
    word = doc[k]
    if not word.is_alpha or (not word.is_lower and not _opens_sentence(word)):
        return sp.start
    if word.pos_ != "NOUN" and not (word.pos_ == "PROPN" and _opens_sentence(word)):
        return sp.start
    if word.ent_type_ in ("GPE", "LOC", "NORP", "ORG"):
        return sp.start
    return k


def _bare_institution(doc: Doc, b: Builder, sp: Span, role: Role, claimed: set[int]) -> None:
    """ "police fired", "Northamptonshire police", "a Paris court": a state's institution
    named by its noun, in the state of the place written right before it; else the one
    named fully elsewhere in the text ("Hong Kong police"), else (as a national sector) the
    story's state's."""
    place = next(
        (e for e in doc_ents(doc) if e.end == sp.start and e.label_ in ("GPE", "LOC")), None
    )
    start = place.start if place is not None else sp.start
    if any(i in claimed for i in range(start, sp.start)):
        start, place = sp.start, None
    end = sp.end
    kind = _kind_word(doc, sp, claimed) if place is None else sp.start
    if place is None:  # "police in Ethiopia's Oromia region": the place after it says whose
        end, place = _place_after(doc, sp, claimed)
    claim = range(min(start, kind), end)
    if kind < sp.start:  # "riot police in Georgia": named by their kind, placed by the place
        start, end = kind, sp.end
    name = " ".join(doc[start:end].text.split())
    key = f"inst::{name.lower()}"
    named = {p.key: p for p in b.protos.values() if p.kind == "group" and p.sector == role.sector
             and p.name.lower().endswith(" " + role.phrase)}  # fmt: skip
    proto = b.protos.get(key) or (named.popitem()[1] if place is None and len(named) == 1 else None)
    if proto is None:
        state = place_state(place) if place is not None else None
        proto = Proto(
            key=key,
            name=name if place is not None else name.lower(),
            kind="group",
            country=state.country if state is not None else None,
            sector=role.sector,
        )
    b.mention(proto, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
    claimed.update(claim)


PLACES = frozenset({"GPE", "LOC"})


def _place_after(doc: Doc, sp: Span, claimed: set[int]) -> tuple[int, Span | None]:
    """End of "police in Lagos" or "police in Nigeria's Lagos state" and the first place
    named there (the state it is in); `sp.end` and None when no such phrase follows."""
    if sp.end + 1 >= len(doc) or doc[sp.end].lower_ != "in" or doc[sp.end].head.i != sp.root.i:
        return sp.end, None
    pobj = next((c for c in doc[sp.end].children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.right_edge.i - sp.end > 5:
        return sp.end, None
    end = pobj.right_edge.i + 1
    places = [e for e in doc_ents(doc) if sp.end < e.start and e.end <= end and e.label_ in PLACES]
    if not places or any(i in claimed for i in range(sp.end, end)):
        return sp.end, None
    return end, places[0]


def _modifiers(
    doc: Doc, end: int, kb_hits: dict[int, tuple[Span, Entity, str]], *, capitals: bool = False
) -> tuple[list[tuple[Span, Entity]], int]:
    """Entities premodifying a noun: walk left over names, demonyms, adjectives and 'and';
    a possessor ("Iraq's parliament") too, and a capital when `capitals` ("the Khartoum
    government": the seat stands for the state)."""
    mods: list[tuple[Span, Entity]] = []
    k = end - 1
    start = end
    if k >= 1 and doc[k].text in POSSESSIVE and k - 1 in kb_hits:
        hit, entity, how = kb_hits[k - 1]
        if how != "capital" or capitals:
            return [(hit, entity)], hit.start
    while k >= 0:
        tok = doc[k]
        if k in kb_hits and (kb_hits[k][2] != "capital" or capitals):
            hit, entity, _ = kb_hits[k]
            mods.append((hit, entity))
            start = k = hit.start
            k -= 1
        elif tok.lower_ in ("and", "&") and mods:
            k -= 1
        elif not mods and tok.is_lower and tok.pos_ in ("ADJ", "NOUN") and tok.dep_ in INNER:
            k -= 1  # "Russian civilian advisers", "Iraq's interim government"
        elif tok.ent_type_ == "NORP" or (tok.pos_ == "ADJ" and tok.is_title):
            start = k  # "Bosnian Serb leaders": an ethnic word inside the phrase
            k -= 1
        else:
            break
    mods.reverse()
    return mods, start if mods else end


MEMBER_PREPS = frozenset({"of", "from"})


def _members_of(
    doc: Doc,
    b: Builder,
    sp: Span,
    role: Role,
    role_spans: list[tuple[Span, Role]],
    kb_hits: dict[int, tuple[Span, Entity, str]],
    claimed: set[int],
) -> bool:
    """ "Leaders of the X coalition", "doctors from two American aid groups": people of a
    body are a group of its state when the body names one, else of the named body alone. A
    body with neither a state nor a name ("leaders of the world") is no actor."""
    if sp[-1].tag_ not in ("NNS", "NNPS") or sp.end >= len(doc):
        return False
    prep = doc[sp.end]
    if prep.lower_ not in MEMBER_PREPS or prep.head.i != sp[-1].i:
        return False
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.i in claimed or pobj.i in kb_hits:
        return False  # "leaders of Iraq": the state's own group, left to the name pass
    body = doc[prep.i + 1 : pobj.i + 1]
    inner = [kb_hits[i][1] for i in range(body.start, body.end) if i in kb_hits]
    state = next((e for e in inner if e.kind == "state"), None)
    named = any(t.pos_ == "PROPN" and t.is_title for t in body)
    if state is None and not named:
        return False
    end = body.end
    start = _ethnic_start(doc, sp.start)  # "Druze inhabitants of ...": the people is named
    if any(i in claimed for i in range(start, sp.start)):
        start = sp.start
    # "leaders of the opposition coalition" are the opposition's: the body's own role wins
    sector = next(
        (r.sector for s, r in role_spans if r.refers == "group" and body.start <= s.start
         and s.end <= end),
        role.sector,
    )  # fmt: skip
    if state is None:  # "(Freedom)": a gloss in brackets is no part of the group's name
        words = [t.text_with_ws for t in doc[start:end] if t.text not in ("(", ")")]
        name = " ".join("".join(words).split())
    else:
        name = " ".join(doc[start:end].text.split())
    # "troops of the Southern African Development Community mission": the body acts too,
    # and its people are its own (an international body's carry no state)
    org = next((e for e in inner if e.kind == "organisation"), None) if state is None else None
    key = f"grp:{state.id if state else ''}:{name.lower()}"
    proto = b.protos.get(key) or Proto(
        key=key,
        name=name,
        kind="group",
        country=state.country if state else None,
        affiliation=org.name if org is not None else None,
        code=state.code if state else None,
        sector=sector,
    )
    if org is not None:
        if org.international:
            proto.code = org.code
        at = next(kb_hits[i][0] for i in range(body.start, body.end)
                  if i in kb_hits and kb_hits[i][1] is org)  # fmt: skip
        b.mention_entity(org, at.start_char, at.end_char)
    b.mention(proto, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
    # "soldiers of the Ruritanian Armed Forces": a body NER names acts too; the name pass
    # makes it an actor of its own
    claimed.update(range(start, end if org is not None or not _named_body(body) else prep.i))
    return True


def _named_body(body: Span) -> bool:
    """The words after "of" are one proper name NER tags a body ("the Border Guard"), also
    one that runs on past the noun the parse ends them with ("the Ministry" + "for the
    Propagation of Virtue")."""
    ents = [e for e in body.doc.ents if e.label_ == "ORG" and e.start < body.end
            and e.end > body.start]  # fmt: skip
    return len(ents) == 1 and ents[0].end >= body.end and ents[0].start <= body.start + 1 \
        and ents[0].start >= body.start  # fmt: skip


def _cause_start(doc: Doc, sp: Span, claimed: set[int]) -> int:
    """Start of the words before a group noun that say what the group is for ("climate
    activists", "pro-democracy lawmakers", "abortion-rights demonstrators"): modifiers of
    the phrase, written before it, that name no actor."""
    k = sp.start
    while k > 0 and k - 1 not in claimed:
        tok = doc[k - 1]
        if not (k <= tok.head.i < sp.end) or tok.dep_ in ("det", "poss", "nummod", "case", "neg"):
            break  # "and not civilians": a negation says what the group is not
        if tok.is_punct and tok.text != "-" or tok.ent_type_ in ("PERSON", "ORG", "GPE"):
            break
        k -= 1
    while k < sp.start and (doc[k].text == "-" or doc[k].pos_ == "ADJ" and k == sp.start - 1):
        k += 1  # no dangling hyphen; "young activists" is no cause
    return k


def _ethnic_start(doc: Doc, end: int) -> int:
    """Start of the ethnic or bloc words right before `end` ("Western", "Serb", "Muslim"):
    words NER tags NORP, or bloc words, that name no state in the knowledge base. Lower-case
    adjectives between them and the noun belong to the phrase ("Ibo traditional elders")."""
    blocs = load_kb().bloc_words
    inner = end
    while inner > 0 and doc[inner - 1].is_lower and doc[inner - 1].pos_ == "ADJ":
        inner -= 1
    k = inner
    while (
        k > 0
        and doc[k - 1].is_title
        and (doc[k - 1].ent_type_ == "NORP" or doc[k - 1].lower_ in blocs)
    ):
        k -= 1
    if k == inner and inner < end and k > 0 and _people_word(doc[k - 1]):
        k -= 1
    return k if k < inner else end


def _people_word(tok: Token) -> bool:
    """ "Bedouin tribal fighters", "Karen armed groups": one capitalised word NER took for a
    person's name, written before the lower-case adjectives of a plural group noun, names
    the people the group is of (no person's name comes before "tribal fighters")."""
    if tok.ent_type_ != "PERSON" or tok.ent_iob_ != "B" or not tok.is_alpha:
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.ent_iob_ == "I" or not nxt.is_lower or nxt.pos_ != "ADJ":
        return False
    return tok.head.tag_ in ("NNS", "NNPS") and tok.dep_ in ("amod", "compound", "nmod")


def _coordinated_people(doc: Doc, start: int) -> list[Token]:
    """The people words coordinated before the one at `start`: "Kurdish" of "both Kurdish
    and Sunni lawmakers", "Shia" and "Kurdish" of "Shia, Kurdish and Sunni lawmakers"."""
    blocs = load_kb().bloc_words
    out: list[Token] = []
    k = start
    while k > 1 and doc[k - 1].lower_ in ("and", ","):
        j = k - 2 if doc[k - 2].text != "," else k - 3  # "Shia, Kurdish, and Sunni"
        word = doc[j] if j >= 0 else None
        if word is None or not word.is_title:
            break
        if word.ent_type_ != "NORP" and word.lower_ not in blocs:
            break
        out.insert(0, word)
        k = j
    return out


# ---------------------------------------------------------------- names


def _named(
    doc: Doc,
    b: Builder,
    ents: list[Span],
    kb_spans: list[Span],
    kb_hits: dict[int, tuple[Span, Entity, str]],
    role_spans: list[tuple[Span, Role]],
    claimed: set[int],
    home: Entity | None = None,
) -> None:
    # a title inside a name is no body ("State" in "Secretary of State"); a body noun is
    # ("Parliament", "the US Air Force")
    role_tokens = {
        i for sp, r in role_spans if r.refers == "person" for i in range(sp.start, sp.end)
    }
    acronyms: dict[str, Proto] = {}
    person_tokens: dict[str, Proto] = {}
    for p in list(b.protos.values()):
        if p.kind == "person":
            for part in p.name.split():
                if part[-1:].isupper() or len(part) <= 2 or part in NAME_TITLES:
                    continue  # initials and titles are no surnames
                if part[:1].isupper() or "-" in part:  # "al-Quaety" too
                    person_tokens.setdefault(_fold(part), p)
    # knowledge-base names: countries, bodies, groups; capitals only as governments
    orgs_at: dict[int, list[Span]] = {}  # token -> the ORG names over it, looked up per name
    for ent in ents:
        for i in range(ent.start, ent.end) if ent.label_ == "ORG" else ():
            orgs_at.setdefault(i, []).append(ent)
    for span in kb_spans:
        if any(i in claimed for i in range(span.start, span.end)):
            continue
        _, entity, how = kb_hits[span.start]  # the entity after _longer_names_first
        if how == "demonym" and not (_demonym_as_state(span) or _paired_state(span, kb_hits)):
            continue  # a modifier: actors only when it heads a phrase (_group_phrases)
        if how == "capital" and not _capital_is_actor(span):
            continue
        if how == "capital":
            entity = _seated_body(span, kb_hits) or entity
        if _inside_larger_org(span, orgs_at.get(span.start, []), kb_spans):
            continue
        if _credited(span, entity):  # "(Reuters)": the dateline's credit, no actor
            claimed.update(range(span.start, span.end))
            continue
        spelled = _spelled_out(b, span) if span.text.isupper() else None
        if spelled is not None and spelled.key != f"kb:{entity.id}":
            # "the Rapid Support Forces ... the RSF": the article's own body, not the
            # knowledge base's other RSF (Reporters Without Borders)
            b.mention(spelled, span.start_char, span.end_char)
        else:
            b.mention_entity(entity, span.start_char, span.end_char)
        claimed.update(range(span.start, span.end))
    products = {e.text for e in ents if e.label_ == "ORG" and _model_follows(e)}
    for ent in ents:
        if any(i in claimed for i in range(ent.start, ent.end)):
            continue
        if ent.label_ != "ORG" or is_place_name(ent.text):
            continue
        if not_an_actor(ent.text) and ent.kb_id_ != TRIBAL:  # "Fort Peck Tribes" act
            continue
        if _as_means(ent) or _glossed_thing(ent) or _product(ent, products):
            continue
        ent = _split_person(doc, b, ent, claimed)
        if _title_of_person(doc, b, ent, role_spans, claimed):
            continue
        if not _proper(ent):  # "royal command", "-led": NER noise, not a name
            continue
        if any(i in role_tokens for i in range(ent.start, ent.end)) and not any(
            t.is_title for t in ent if t.i not in role_tokens and not t.is_stop
        ):
            continue  # "State" in "Secretary of State"
        if _fold(ent.text) in person_tokens:  # a surname NER took for an organisation
            p = person_tokens[_fold(ent.text)]
            b.mention(p, ent.start_char, ent.end_char)
            claimed.update(range(ent.start, ent.end))
            continue
        # "NTC" after "National Telecommunications Commission (NTC)", or spelled out earlier
        spelled = acronyms.get(ent.text) or (_spelled_out(b, ent) if ent.text.isupper() else None)
        if spelled is not None:
            b.mention(spelled, ent.start_char, ent.end_char)
            claimed.update(range(ent.start, ent.end))
            continue
        end = _seat(doc, ent)
        party = _party_name(doc, ent.start, end)  # "X party" is the party X
        name = " ".join(doc[ent.start : end - party].text.split())
        inner = [kb_hits[i][1] for i in range(ent.start, ent.end) if i in kb_hits]
        country = next((e.country for e in inner if e.kind == "state"), None)
        if _opens_with_igo(ent, kb_hits):  # "OSCE Mission to Serbia": no Serbian body
            country = None
        owner = _owner_state(b, ent, kb_hits)
        if owner is not None:  # "China's Taiwan Affairs Office": China's, not Taiwan's
            country = owner.country
        key = f"org:{name.lower()}"
        proto = b.protos.get(key) or Proto(
            key=key, name=_with_possessor(ent, name, kb_hits) if owner else name,
            kind="organisation", country=country, code=None, sector="PTY" if party else None,
        )  # fmt: skip
        national = _national_institution(ent, role_spans) if country is None else None
        if home is not None and national is not None and proto.country is None:
            # "the National Police" of a story about one state: that state's police
            proto.country, proto.code, proto.sector = home.country, home.code, national.sector
            proto.country_basis = "story"
        b.mention(proto, ent.start_char, doc[end - 1].idx + len(doc[end - 1]))
        claimed.update(range(ent.start, end))
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            short = doc[end + 1].text
            if short.isupper() and short.isalpha():
                acronyms[short] = proto
    # surnames NER missed or mislabelled ("Rutte's visit", "Mensah-Darko told reporters")
    for tok in doc:
        if tok.i in claimed or not tok.text[:1].isupper():
            continue
        words = _surname_at(doc, tok)
        if _fold(words.text) not in person_tokens:
            continue
        b.mention(person_tokens[_fold(words.text)], words.start_char, words.end_char)
        claimed.update(range(words.start, words.end))


def _with_possessor(ent: Span, name: str, kb_hits: dict[int, tuple[Span, Entity, str]]) -> str:
    """A state's body named with its possessor is called so ("Chad's Defence Ministry"):
    its common name alone ("Defence Ministry") does not say whose it is."""
    doc = ent.doc
    i = ent.start - 1
    if i < 1 or doc[i].text not in ("'s", "\u2019s") or i - 1 not in kb_hits:
        return name
    owner = kb_hits[i - 1][0]
    return f"{' '.join(doc[owner.start : ent.start].text.split())} {name}".replace(" 's", "'s")


def _owner_state(
    b: Builder, ent: Span, kb_hits: dict[int, tuple[Span, Entity, str]]
) -> Entity | None:
    """The state a possessive or demonym right before a body's name names as its owner
    ("China's Taiwan Affairs Office", "the Russian Black Sea Fleet Command"): it beats a
    state named inside the name. A stance ("pro-Beijing") owns nothing."""
    doc = ent.doc
    i = ent.start - 1
    if i >= 0 and doc[i].text in ("'s", "\u2019s"):
        i -= 1
    if i < 0 or doc[i].dep_ not in OWNER_LINKS or not ent.start <= doc[i].head.i < ent.end:
        return None
    if no_owner(doc, i):
        return None
    hit = kb_hits.get(i)
    if hit is not None and hit[1].kind == "state" and not hit[1].international:
        return hit[1]
    people = b.demonym_at(doc[i])
    if people is not None and people.kind == "state" and people.country:
        return people
    return None


NAME_JOINERS = frozenset({"and", "of", "&"})


def _coordinated_organs(
    doc: Doc,
    b: Builder,
    kb_spans: list[Span],
    kb_hits: dict[int, tuple[Span, Entity, str]],
    claimed: set[int],
) -> None:
    """ "the AU Peace and Security Council": a knowledge-base body's name ("Security
    Council") that ends a longer name joined by "and" is not that body but the longer name's
    own, an organ of the body its name opens with ("AU"), if any."""
    for span in kb_spans:
        entity = kb_hits[span.start][1]
        k = span.start - 1
        if entity.kind != "organisation" or k < 1 or doc[k].lower_ != "and":
            continue
        if not doc[k - 1].is_title or any(i in claimed for i in range(span.start, span.end)):
            continue
        if k - 1 in kb_hits or doc[k - 1].ent_type_:
            continue  # "Israel and Hezbollah": two names joined, not one
        start = k
        while start > 0 and (doc[start - 1].is_title or doc[start - 1].is_upper
                             or doc[start - 1].lower_ in NAME_JOINERS):  # fmt: skip
            start -= 1
        while doc[start].lower_ in NAME_JOINERS or doc[start].lower_ == "the":
            start += 1
        if any(i in claimed for i in range(start, span.start)) or doc[start].is_sent_start:
            continue  # an opening word is capitalised anyway
        parent = kb_hits[start][1] if start in kb_hits else None
        name = " ".join(doc[start : span.end].text.split())
        key = f"org:{name.lower()}"
        proto = b.protos.get(key) or Proto(key=key, name=name, kind="organisation")
        if parent is not None and parent.kind == "organisation":
            proto.affiliation, proto.code = parent.name, parent.code
        elif parent is not None and parent.kind == "state":
            proto.country, proto.code = parent.country, parent.code
        b.mention(proto, doc[start].idx, span.end_char)
        claimed.update(range(start, span.end))


def _spelled_out_names(
    doc: Doc,
    ents: list[Span],
    role_spans: list[tuple[Span, Role]],
    kb_hits: dict[int, tuple[Span, Entity, str]],
) -> list[Span]:
    """ "The Royal Solomon Islands Police Force (RSIPF) said": title-case words whose
    initials spell the acronym bracketed after them, and whose last word is a body's noun
    (a group or body role, a gloss or descriptor noun: "Force", "Ministry", "Agency"), are
    one body's name even where NER found none or only a piece of it."""
    roles = load_kb().roles
    heads = set(gloss_nouns())
    heads |= {p for p, r in roles.items() if r.refers != "person" and " " not in p}
    spans = []
    for tok in doc[2:-1]:
        short = tok.text
        if tok.nbor(-1).text != "(" or tok.nbor(1).text != ")" or not _acronym(short):
            continue
        if len(short) > 6 or tok.i - 2 in kb_hits or doc[tok.i - 2].lower_ not in heads:
            continue
        start = _initials_start(doc, tok.i - 1, short)
        if start is None or any(kb_hits[i][1].kind != "state" for i in range(start, tok.i - 1)
                                if i in kb_hits):  # fmt: skip
            continue
        spans.append(Span(doc, start, tok.i - 1, label="ORG"))
    if not spans:
        return ents
    kept = [e for e in ents if not any(e.start < sp.end and sp.start < e.end for sp in spans)]
    return sorted(kept + spans, key=lambda e: e.start)


def _initials_start(doc: Doc, end: int, short: str) -> int | None:
    """Where the title-case words ending before `end` start whose initials (joiners such as
    "of", "and" left out) spell `short`; None when they do not."""
    k, letters = end, ""
    while k > 0 and len(letters) < len(short):
        word = doc[k - 1]
        if word.lower_ in ACRONYM_JOINERS and letters:
            k -= 1
            continue
        if not word.is_title or not word.is_alpha:
            return None
        letters = word.text[0] + letters
        k -= 1
    return k if letters == short and doc[k].lower_ not in ACRONYM_JOINERS else None


def _own_acronyms(doc: Doc, kb: KnowledgeBase) -> set[str]:
    """Acronyms the text spells out in brackets ("Rapid Support Forces (RSF)") as another
    name than the knowledge base's body of that acronym (Reporters Without Borders)."""
    own = set()
    for tok in doc[1:-1]:
        short = tok.text
        if tok.nbor(-1).text != "(" or tok.nbor(1).text != ")" or not short.isupper():
            continue
        if not (2 <= len(short) <= 6 and short.isalpha()):
            continue
        known = kb.lookup(short)
        words = [t.text for t in doc[max(tok.i - 1 - 2 * len(short), 0) : tok.i - 1]]
        capitals = [w for w in words if w[:1].isupper()][-len(short) :]
        if known is None or "".join(w[0] for w in capitals).upper() != short:
            continue
        # the knowledge base's body spelled another way ("U.N. Office for the Coordination
        # of Humanitarian Affairs") has the same words
        if not all(w.lower() in known.name.lower().split() for w in capitals):
            own.add(short)
    return own


ACRONYM_JOINERS = frozenset({"of", "the", "for", "and", "&", "de", "des", "du", "la", "el"})


def _spelled_out(b: Builder, span: Span) -> Proto | None:
    """The organisation or group named in full before an acronym whose initials it spells
    ("Rapid Support Forces" ... "RSF"); None when none or several do."""
    letters = span.text.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha()):
        return None
    found = [
        p for p in b.protos.values()
        if p.kind in ("organisation", "group") and p.first < span.start_char
        and len(p.name.split()) == len(letters) + sum(
            w.lower() in ACRONYM_JOINERS for w in p.name.split())
        and "".join(w[0] for w in p.name.split() if w.lower() not in ACRONYM_JOINERS).upper()
        == letters
    ]  # fmt: skip
    return found[0] if len(found) == 1 else None


def _national_institution(ent: Span, role_spans: list[tuple[Span, Role]]) -> Role | None:
    """The institution role ending a name that opens with "National" ("National Police",
    "National Assembly" when "assembly" is a body noun), else None."""
    if ent[0].lower_ != "national":
        return None
    for sp, role in role_spans:
        if role.refers != "person" and sp.end == ent.end and sp.start > ent.start:
            return role
    return None


def _surname_at(doc: Doc, tok: Token) -> Span:
    """The token, or the hyphenated name it opens ("Mensah-Darko" is three tokens)."""
    end = tok.i + 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        if doc[end].whitespace_ or not doc[end + 1].text[:1].isupper():
            break
        end += 2
    return doc[tok.i : end]


# a platform after these is the means of a message ("wrote on Twitter", "via Instagram")
MEANS_PREPS = frozenset({"on", "via", "through", "over"})
MEANS_VERBS = frozenset({"use", "post"})


def _as_means(span: Span) -> bool:
    """ "posted on Instagram", "used Instagram to thank supporters": a medium, not an actor."""
    if not load_kb().is_means(span.text):
        return False
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in MEANS_PREPS:
        return True
    return root.dep_ == "dobj" and root.head.lemma_ in MEANS_VERBS


def _credited(span: Span, entity: Entity) -> bool:
    """A news organisation in brackets, the dateline's credit ("BEIRUT, June 3 (Reuters) -"):
    the channel of the news, not an actor in it."""
    if entity.sector != "JRN" or entity.code in IGO_CODES or entity.code == "NGO":
        return False
    doc = span.doc
    return 0 < span.start and span.end < len(doc) and (
        doc[span.start - 1].text == "(" and doc[span.end].text == ")"
    )


def _glossed_thing(span: Span) -> bool:
    """ "Islambol [full of Islam]", "Ayasofya [Haghia Sophia]": a name glossed by an editor
    with a translation or with the name of a thing is a word or a thing, not an actor."""
    doc = span.doc
    k = span.end
    if k >= len(doc) or doc[k].text != "[":
        return False
    close = next((t.i for t in doc[k + 1 : k + 12] if t.text == "]"), None)
    if close is None or close == k + 1:
        return False
    inner = doc[k + 1 : close]
    return inner[0].is_lower or not_an_actor(inner.text)


def _model_follows(ent: Span) -> bool:
    """ "a Volvo XC90", "Boeing 737": a maker's name before a model designation."""
    doc = ent.doc
    if ent.end >= len(doc):
        return False
    nxt = doc[ent.end]
    return any(c.isdigit() for c in nxt.text) and nxt.ent_type_ not in ("DATE", "TIME")


def _product(ent: Span, products: set[str]) -> bool:
    """A maker's name that stands for a vehicle or product: before a model designation, or
    with an article once the document has used it so ("the Volvo had come from ...")."""
    if _model_follows(ent):
        return True
    doc = ent.doc
    article = ent.start > 0 and doc[ent.start - 1].lower_ in ("a", "an", "the")
    return article and ent.text in products


def _split_person(doc: Doc, b: Builder, ent: Span, claimed: set[int]) -> Span:
    """ "told NPR Hamza bin Laden had ...": NER fused a body's name with a person named in
    full elsewhere; the person keeps the tail, the rest stays a name (or nothing)."""
    text = " ".join(ent.text.split())
    for p in b.protos.values():
        if p.kind != "person" or len(p.name.split()) < 2 or not text.endswith(" " + p.name):
            continue
        tail = doc.char_span(ent.end_char - len(p.name), ent.end_char)
        if tail is None or tail.start <= ent.start:
            continue
        if doc[tail.start - 1].lower_ in ACRONYM_JOINERS:
            continue  # "National Assembly of Republika Srpska": the body of that name
        b.mention(p, tail.start_char, tail.end_char)
        claimed.update(range(tail.start, tail.end))
        return Span(doc, ent.start, tail.start, label=ent.label_)
    return ent


def _title_of_person(
    doc: Doc, b: Builder, ent: Span, role_spans: list[tuple[Span, Role]], claimed: set[int]
) -> bool:
    """ "Coast Guard Commandant Admiral X": a body's name ending in a title held by the
    person who follows is that person's title, not an organisation."""
    role = next(
        (r for sp, r in role_spans
         if r.refers == "person" and sp.end == ent.end and sp.start > ent.start),
        None,
    )  # fmt: skip
    if role is None or ent.end >= len(doc):
        return False
    limit = doc[min(ent.end + 2, len(doc) - 1)].idx
    for start, end, proto in b.ordered_mentions(ent.end_char, limit + 1):
        if proto.kind == "person" and ent.end_char <= start <= limit:
            body = " ".join(doc[ent.start : ent.end - len(role.phrase.split())].text.split())
            proto.role = proto.role or role.role
            proto.affiliation = proto.affiliation or body
            b.mention(proto, ent.start_char, end)
            claimed.update(range(ent.start, ent.end))
            return True
    return False


SEATED = frozenset({"embassy", "consulate", "mission", "office", "delegation"})
# "the US Embassy in London", "the OSCE Mission to Moldova"
SEAT_PREPS = frozenset({"in", "to"})


def _seat(doc: Doc, ent: Span) -> int:
    """End of an organisation's name with its seat: "the US Embassy in London" is one body,
    distinct from the embassy elsewhere; "the American Civil Liberties Union of Montana" is
    the chapter of a state or province, not the national body (a country after "of" is
    no chapter's: "the Red Cross of Kenya" is named so anyway by NER)."""
    k = ent.end
    if k + 1 < len(doc) and doc[k].lower_ == "of" and doc[k + 1].ent_type_ in ("GPE", ""):
        end = k + 2
        while end < len(doc) and doc[end].is_title and doc[end].ent_type_ in ("GPE", ""):
            end += 1
        name = doc[k + 1 : end].text
        if doc[k + 1].is_title and load_kb().lookup(name) is None and is_place_name(name):
            return end
    seated = ent[-1]
    if len(ent) > 1 and seated.lower_ in SEAT_PREPS and ent[-2].lower_ in SEATED:
        k, seated = ent.end - 1, ent[-2]  # NER took the preposition, not the place
    if seated.lower_ in SEATED and k + 1 < len(doc) and doc[k].lower_ in SEAT_PREPS:
        nxt = doc[k + 1]
        if nxt.ent_type_ == "GPE" and nxt.is_title:
            end = k + 2
            while end < len(doc) and doc[end].ent_type_ == "GPE" and doc[end].ent_iob_ == "I":
                end += 1
            return end
        state = load_kb().lookup(nxt.text) if nxt.ent_type_ in ("", "ORG") and nxt.is_title \
            else None  # fmt: skip
        if state is not None and state.kind == "state":  # "the OSCE Mission to Moldova"
            return k + 2
    return ent.end


def _capital_is_actor(span: Span) -> bool:
    """ "Belgrade said" is Serbia's government; "in Belgrade" is a place."""
    root = span.root
    if root.dep_ == "compound":
        return False
    return not (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE)


def _seated_body(span: Span, kb_hits: dict[int, tuple[Span, Entity, str]]) -> Entity | None:
    """ "Brussels has chosen confrontation" in an article naming the EU: a capital that seats
    a body stands for that body, not for its state, where the body is named too."""
    kb = load_kb()
    body = kb.seats.get(normalise(span.text).lower())
    if body is None:
        return None
    named = any(how != "capital" and body in (e.id, e.parent) for _, e, how in kb_hits.values())
    return kb.entities[body] if named else None


def _inside_larger_org(span: Span, ents: list[Span], kb_spans: list[Span]) -> bool:
    """ "United States" inside "the United States Department of Transportation"."""
    for ent in ents:
        if ent.label_ != "ORG" or not (ent.start <= span.start and span.end <= ent.end):
            continue
        if (ent.start, ent.end) == (span.start, span.end):
            return False
        # the ORG must not itself be explained by knowledge-base names
        covered = sum(len(k) for k in kb_spans if ent.start <= k.start and k.end <= ent.end)
        if covered < len(ent) and not load_kb().is_region(ent.text):
            return not _located_body(span, ent)
    return False


def _opens_with_igo(ent: Span, kb_hits: dict[int, tuple[Span, Entity, str]]) -> bool:
    """A name that opens with an intergovernmental body's name or acronym and goes on
    ("OSCE Mission to Serbia", "UN Office in Geneva"): a part of that body, whatever
    place the rest names (nationality._body_of_igo gives it the body's code)."""
    first = ent.start + (ent.doc[ent.start].lower_ == "the")
    hit = kb_hits.get(first)
    if hit is None or hit[0].start != first or hit[0].end >= ent.end:
        return False
    return hit[1].kind == "organisation" and hit[1].code in IGO_CODES


def _located_body(span: Span, ent: Span) -> bool:
    """ "the ruling Democratic Rally in Cyprus": NER took the body's place into its name."""
    doc = span.doc
    if span.start != ent.start + (doc[ent.start].lower_ == "the") or span.end >= ent.end:
        return False
    return doc[span.end].lower_ == "in" and is_place_name(doc[span.end + 1 : ent.end].text)
