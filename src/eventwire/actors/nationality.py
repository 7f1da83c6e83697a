"""Nationality from context, for people, bodies and groups the title left without a country.

Each rule reads evidence the text states about the actor; with none, the actor keeps no
country (a name is no nationality). Strongest first:
1. what describes the person's name: a body or state named in the title before the name
   or in an apposition after it ("Indonesian National Police spokesperson X", "X, president
   of the Tunisian League for ...", "X, a spokesman for the Iraqi Security Forces"): its
   country, and the body becomes the affiliation;
2. the place a person or group is from or in ("a retired nurse from Texas", "protesters in
   Baghdad"), when NER calls it a place and the gazetteer knows it;
3. a known name's dictionary entry (`actors/known.py`): its country on the article's date;
4. a national office in a story about one state: "President Fernández", "the Senate" in a
   story whose dateline names Argentina, or whose state names (directly, or through places
   in it) Argentina dominates (`national.main_state`);
5. a named person or body nothing else places, in a story about one state: that state
   (the annotators' reading of local stories: a witness, a lawyer, a campaign group).

Before 4 and 5 (issue 12, branch issue-12f): an international body in the description
("KFOR commander X", "X, a researcher for Amnesty International", "Its secretary-general,
X" after the body) makes an official of no state, unless a state owns that branch
("Argentina's Amnesty International"); a bare body noun in the title refers back to the
last body of its kind ("a ministry spokeswoman" after "Vietnam's foreign ministry");
"A spokeswoman, X," speaks for the previous sentence's body; "a spokesman for a Swedish
retailer" is Swedish; "Ambassador X" is the envoy the text described earlier with a state
("the U.S. ambassador"); a crew takes the flag of the vessels named with it; a place before
a title the tagger ran into the name ("Chihuahua Governor X") places the person.

Round 11 (branch issue-i12h): an envoy's "to X" names the receiving side, so "Peru's
ambassador to the U.N." is Peruvian; a body whose name opens with an intergovernmental body's
("United Nations Verification Mission in X", "OSCE Mission to X") takes its code and no
state, and so does its head; a place the gazetteer does not know takes the one state the
text names it with ("Armenia's Tavush province", "Kirants, an Armenian village"); a person
described only by a local trade ("X, a farmer") right after a sentence whose subject is a
local group with a state is one of that group.

Round 13 (branch issue-i12m): a title's owner (a possessive or compound before the title
noun, or its "of" phrase) outranks its remit (its "in/for/on/to/at/over" phrase): UNICEF's
representative in Chad and the U.N. envoy for Yemen are of no state, Russia's envoy for
Syria is Russian; "X, who heads the U.N. mission in Haiti" is the U.N.'s official; a special
envoy or representative nothing places is sent to the story's state, not of it.

Round 14 (branch issue-i12q): an official nothing else places who speaks in the capital of
a state the story names ("Energy Minister X told reporters in Brasilia", "she said in Santo
Domingo") is of that state, before the story's state is given to them; a relative clause
saying what body a person leads, heads, chairs or runs, and where ("X, who leads a farmers'
cooperative in Y"), places the person in Y's state when the story names that state. A body's
gloss says whose it is: an acronym glossed as "the U.N. peacekeeping mission in the country"
is the U.N.'s, "a unit under Russia's Defence Ministry" is Russian, and so is a body whose
"Russian fighters" the text names (`_glossed_owner`); "the state energy company X" is of the
state named before those words, else of the story's state (`_state_company`).
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from eventwire.actors.builder import Builder, Proto
from eventwire.actors.collectives import collective_nouns, is_collective, is_local
from eventwire.actors.filters import is_place_name
from eventwire.actors.kb import IGO_CODES, INTERNATIONAL_CODES, Entity, NationalBody, data_rows
from eventwire.actors.known import PARTICLES
from eventwire.actors.national import Story, no_owner
from eventwire.actors.offices import is_holders_office
from eventwire.nlp.pipeline import doc_ents

# bodies first, then people (who may speak for them), then groups
KIND_ORDER = {"organisation": 0, "person": 1, "group": 2}
# clauses inside a name's phrase that describe something else ("X, who met Y of Z")
CLAUSES = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "cc", "parataxis"})
PLACE_PREPS = frozenset({"from", "in", "of"})
# the links by which a place describes a name ("a nurse from Texas", "Doug Collins of
# Georgia", "New Jersey governor X"), not "his trip to Warsaw"
PLACE_LINKS = frozenset({"compound", "amod", "nmod", "poss", "pobj", "appos", "npadvmod"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
# NER labels of a person's name (NER often calls an unknown person's name a body)
NAME_LABELS = frozenset({"PERSON", "ORG"})
# NER labels a body's name may carry ("Crow Tribe" PERSON, "Blackfeet" NORP); not a place's
BODY_LABELS = frozenset({"ORG", "PERSON", "NORP", "FAC"})
# the kinds of named actors a story about one state places in that state
LOCAL_KINDS = frozenset({"person", "organisation"})
# sectors of offices a state's own people hold (not a body's: director, spokesperson)
NATIONAL_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP"})
# role words that are offices of a body as often as of a state
BODY_ROLES = frozenset({"Director", "Spokesperson", "Head", "Chairman", "Chairwoman", "Chief",
                        "Official", "Secretary General", "Commissioner", "Leader",
                        "Special Representative"})  # fmt: skip
# people and groups who act where the story happens: "protesters" in a story about Hong Kong
# protest there ("settlers" or "migrants" may come from elsewhere)
LOCAL_ROLES = frozenset({"Protester", "Protesters", "Activists", "Civilians", "Residents",
                         "Villagers", "Inhabitants", "Gunmen", "Assailants", "Attackers",
                         "Opposition", "Opposition Leaders", "Organisers", "Organizers",
                         "Unions", "Trade Unions", "Labour Unions", "Labor Unions"})  # fmt: skip
# institutions a bare name means in a story about one state ("the Senate", "Congress")
NATIONAL_BODIES = frozenset(
    {"senate", "congress", "parliament", "house", "house of representatives", "house of commons",
     "supreme court", "constitutional court", "national assembly", "police", "army", "navy",
     "military", "cabinet", "coast guard", "national guard", "air force", "police force",
     "national police", "high court", "court of appeal", "appeals court", "legislative council",
     "legislative assembly", "council of ministers", "election commission",
     "electoral commission", "central bank", "judiciary", "national security council",
     "foreign ministry", "interior ministry", "defence ministry", "defense ministry",
     "justice ministry", "health ministry", "ministry of foreign affairs", "ministry of defence",
     "ministry of defense", "ministry of the interior", "ministry of health", "ministry of justice"}
)  # fmt: skip
# words of a legislature's name ("Parliament of Iraq", "the Iraqi parliament")
LEGISLATURE_WORDS = frozenset({"parliament", "congress", "senate", "legislature", "assembly"})
# a legislature named bare ("the Parliament")
LEGISLATURE_NAMES = LEGISLATURE_WORDS | {"house of representatives", "national assembly"}
# offices held in a state's parties and faiths as well as in its government: in a story about
# one state, "opposition leader X" and "archbishop X" are of that state
HOME_SECTORS = NATIONAL_SECTORS | {"OPP", "REL"}


def infer_nationality(
    doc: Doc,
    b: Builder,
    story: Story,
    day: str | None,
    national: dict[int, tuple[Span, NationalBody, str]] | None = None,
) -> None:
    """Set country (and affiliation) on actors that have none: from what the text says of
    them (`national`: tokens naming a state's party or body, `institutions.national_names`),
    else from a known name's dictionary entry on `day`, else from a national office."""
    from eventwire.actors.codes import known_country

    home = story.home
    mentions = b.ordered_mentions()
    at: dict[int, Proto] = {}  # token -> the actor a mention there names
    spans: dict[str, list[Span]] = {}
    for start, end, proto in mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        spans.setdefault(proto.key, []).append(span)
        for i in range(span.start, span.end):
            at.setdefault(i, proto)
    bodies = {p.name: p for p in b.protos.values() if p.kind == "organisation"}
    legislature = _one_legislature(b)
    # bodies first: a person takes the country of the body they speak for
    for proto in sorted(b.protos.values(), key=lambda p: KIND_ORDER.get(p.kind, 3)):
        if proto.country is not None or proto.kind == "state" or proto.code is not None:
            continue
        for span in spans.get(proto.key, []):
            if not span.text[:1].isupper() and proto.kind != "group":
                continue
            if proto.kind == "person" and _title_place(b, proto, span):
                break
            if proto.kind == "person" and _described_by(at, proto, span, national or {}):
                break
            if proto.kind == "person" and _heads_international_body(at, proto, span):
                break
            if proto.kind == "person" and _body_referred_to(b, at, proto, span):
                break
            if proto.kind == "person" and _head_of_its_body(b, at, proto, span):
                break
            if proto.kind == "group" and _qualified(b, proto, span, national or {}):
                break
            if proto.kind == "group" and _crew_of_vessel(b, proto, span):
                break
            if proto.kind == "group" and _members_of_body(b, at, proto, span):
                break
            if proto.kind == "organisation" and _body_of_igo(b, proto, span):
                break
            if proto.kind == "organisation" and _owner_of_body(b, at, proto, span):
                break
            if proto.kind == "organisation" and _glossed_owner(b, at, proto, span):
                break
            if proto.kind == "organisation" and _state_company(b, at, proto, span, home):
                break
            if proto.kind != "state" and _international_description(span, proto):
                break
            if proto.kind == "organisation" and _union_of_states(proto):
                break
            if proto.kind == "organisation" and _place_in_name(span, proto):
                break
            if proto.kind == "organisation" and _entity_in_name(b, proto, span, day):
                break
            if _placed(span, proto, story, b):
                break
            if proto.kind == "person" and _leads_body_in_place(span, proto, story):
                break
        if proto.country is None and proto.code is None and proto.kind in ("organisation", "group"):
            _acts_in_state(b, at, proto, spans.get(proto.key, []), story)
        if proto.code in IGO_CODES and proto.country is None:
            continue  # an intergovernmental body's mission, office, force or head: of no state
        body = bodies.get(proto.affiliation or "")
        if proto.country is None and body is not None and body.country is not None:
            proto.country = body.country  # "Coast Guard Commandant X" of the Coast Guard
            proto.country_basis = body.country_basis
        elif proto.country is None and body is not None and body.code in IGO_CODES:
            proto.code = body.code  # "Its head, X" after a UN mission: an official of no state
            continue
        office = b.kb.offices.get(proto.role or "") if proto.affiliation is None else None
        if proto.country is None and proto.kind == "person" and office is not None:
            proto.country = _in_territory(office, home)  # "Secretary of State X": USA
        if proto.country is None and proto.known is not None:
            proto.country = _in_territory(known_country(proto.known, day), home)
            proto.country_basis = "dictionary"
        if proto.country is None and proto.kind == "person" and proto.role in ENVOY_ROLES:
            _envoy_named_before(doc, b, at, proto, spans.get(proto.key, []))
        if proto.country is None and proto.kind == "person" and proto.role in DIVISION_ROLES:
            _head_of_division_named(at, proto, spans.get(proto.key, []))
        if proto.country is None and proto.kind == "person" and proto.role is not None:
            _speaks_in_capital(b, at, proto, spans.get(proto.key, []), story)
        if proto.country is None and home is not None and _national(proto, b):
            _office_of_state_just_named(b, at, proto, spans.get(proto.key, []), home)
        if proto.country is None and home is not None and _national(proto, b):
            proto.country, proto.country_basis = home.country, "story"
        if proto.country is None and legislature is not None and _legislative(proto):
            proto.country = legislature  # "Sunni members of parliament" of "the Parliament of Iraq"
        if proto.kind == "organisation" and proto.country is None and home is not None:
            if _local_name(proto, spans.get(proto.key, [])):  # before the people who speak for it
                proto.country, proto.country_basis = home.country, "story"
    # then what other actors' countries say: "Greek prime minister A and energy minister B"
    for proto in sorted(b.protos.values(), key=lambda p: p.first):
        if proto.country is None and proto.kind == "person" and proto.code is None:
            any(_paired_title(span, proto, at) for span in spans.get(proto.key, []))
        if proto.country is None and proto.kind == "person" and proto.affiliation is None:
            _one_of_local_group(b, at, proto, spans.get(proto.key, []))  # groups are placed
    # last, a named person nothing placed is of the story's state
    for proto in b.protos.values():
        if proto.country is not None or proto.kind == "state" or proto.code is not None:
            continue
        if home is not None and _local_name(proto, spans.get(proto.key, [])):
            proto.country, proto.country_basis = home.country, "story"


def _official_of_igo(proto: Proto, body: Proto | Entity) -> bool:
    """`proto` serves an international body: its code, no state."""
    proto.code = body.code
    proto.affiliation = proto.affiliation or body.name
    return True


def _serves(proto: Proto, other: Proto) -> bool:
    """`proto` is of `other`'s state and, where `other` is a body, serves it."""
    proto.country, proto.country_basis = other.country, other.country_basis
    if other.kind == "organisation":
        proto.affiliation = proto.affiliation or other.name
    return True


def _in_territory(country: str | None, home: Entity | None) -> str | None:
    """A story about a territory keeps its people and offices from its sovereign state: a
    Hong Kong politician the dictionary calls Chinese, Puerto Rico's Secretary of State."""
    if home is not None and home.sovereign is not None and country == home.sovereign:
        return home.country
    return country


DESCRIPTIONS_KEY = "eventwire.actors.descriptions"


def _description(span: Span) -> list[Token]:
    """Tokens that describe a name: its modifiers and appositions (and, for a name in
    apposition to a title, that title's phrase), without clauses about other things. Read
    once per name: several rules ask for the same name's description."""
    cache: dict[tuple[int, int], list[Token]] = span.doc.user_data.setdefault(DESCRIPTIONS_KEY, {})
    key = (span.start, span.end)
    if key not in cache:
        cache[key] = _read_description(span)
    return list(cache[key])


def _read_description(span: Span) -> list[Token]:
    root = span.root
    heads = [root] + ([_appositive_head(span)] if root.dep_ == "appos" else [])
    title = _title_misparsed(span) if root.dep_ == "conj" else None
    heads += [title] if title is not None else []
    heads += [c for c in root.children if c.dep_ == "appos"]
    out: list[Token] = []
    for head in heads:
        stack = [c for c in head.children if c.i not in range(span.start, span.end)]
        if head is not root:
            out.append(head)
        while stack:
            tok = stack.pop()
            if tok.dep_ in CLAUSES or tok.i in range(span.start, span.end):
                continue
            out.append(tok)
            stack.extend(tok.children)
    # a title written before the name ("Indonesian National Police spokesperson X")
    out += [t for t in span.doc[max(0, span.start - 6) : span.start] if t.head.i in
            range(span.start, span.end) or t.head in out]  # fmt: skip
    return sorted({t for t in out if not _receiving_side(t)}, key=lambda t: t.i)


# verbs of a relative clause that gives a person's post ("X, who heads the U.N. mission")
HEAD_VERBS = frozenset({"head", "lead", "chair", "direct", "run", "command"})


def _heads_international_body(at: dict[int, Proto], proto: Proto, span: Span) -> bool:
    """"Special Representative X, who heads the U.N. mission in Haiti": a person a relative
    clause says heads an international body's mission or office is its official, of no
    state (the host state in the clause's "in" phrase is the remit)."""
    for clause in span.root.children:
        if clause.dep_ != "relcl" or clause.lemma_ not in HEAD_VERBS:
            continue
        for obj in (c for c in clause.children if c.dep_ == "dobj"):
            for tok in obj.subtree:
                other = at.get(tok.i)
                if other is None or other.kind != "organisation":
                    continue
                if other.code in IGO_CODES and other.country is None:
                    return _official_of_igo(proto, other)
    return False


# an envoy's title, whose "to X" / "at X" names the state or body that receives the envoy
ENVOY_WORDS = frozenset({"ambassador", "ambassadors", "envoy", "envoys", "emissary", "emissaries",
                         "representative", "representatives", "delegate", "delegates", "consul",
                         "consuls", "attache", "attaché", "chargé", "charge"})  # fmt: skip
ENVOY_PREPS = frozenset({"to", "at"})


def _envoy_of(tok: Token) -> Token | None:
    """The envoy title whose "to"/"at" phrase `tok` is the object of ("ambassador to the
    U.N."), if any."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ENVOY_PREPS:
        return None
    return prep.head if prep.head.lower_ in ENVOY_WORDS else None


# the links from a title down to the last noun of its phrase ("envoy to the organisations
# in Vienna"), which the parser may take for the head of a name set off by commas after it
TITLE_PHRASE_LINKS = frozenset({"prep", "pobj", "compound", "amod"})


def _title_misparsed(span: Span) -> Token | None:
    """"Russia's envoy to the organisations in Vienna, X, said": a name set off by commas
    after a title's phrase, which the parser joined to the phrase's last noun ("Vienna")
    instead of the title. The title it describes, if the phrase climbs to a person's title."""
    from eventwire.actors.kb import load_kb

    doc = span.doc
    if span.root.dep_ not in ("conj", "appos") or span.start < 2 or doc[span.start - 1].text != ",":
        return None
    if span.end < len(doc) and doc[span.end].text not in (",", "said", "told"):
        return None
    roles = load_kb().roles
    tok = span.root.head
    for _ in range(8):
        role = roles.get(tok.lower_)
        if role is not None and role.refers == "person" and tok.pos_ == "NOUN":
            return tok
        if tok.dep_ not in TITLE_PHRASE_LINKS or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _appositive_head(span: Span) -> Token:
    """What the name is in apposition to; "Peru's ambassador to the U.N., X", where the
    parser hangs the name on the receiving body, is the envoy's title."""
    head = span.root.head
    return _envoy_of(head) or _title_misparsed(span) or head


# a body sent to work in a state: its "to X" / "in X" names where it works, not whose it is
# ("the head of the OSCE Mission to Moldova", "the chief of the monitoring mission in Mali")
MISSION_WORDS = frozenset({"mission", "missions", "delegation", "delegations", "operation",
                           "operations", "observers", "monitors"})  # fmt: skip
MISSION_PREPS = frozenset({"to", "in"})


def _receiving_side(tok: Token) -> bool:
    """A token in an envoy's "to X" phrase or a mission's "to X" / "in X" phrase: X receives
    the envoy or hosts the mission, which belongs to the sending state or body ("Peru's
    ambassador to Chile" is Peruvian; the head of the OSCE Mission to Moldova is no
    Moldovan)."""
    for t in [tok, *tok.ancestors]:
        if t.dep_ == "prep" and t.lower_ in ENVOY_PREPS and t.head.lower_ in ENVOY_WORDS:
            return True
        if t.dep_ == "prep" and t.lower_ in MISSION_PREPS and t.head.lower_ in MISSION_WORDS:
            return True
    return False


# the prepositions of a title's remit: the place or matter its holder works in or on, not
# whose official the holder is ("UNICEF's representative in Chad", "the U.N. envoy for
# Yemen", "the rapporteur on human rights in X", "the EU's envoy to the talks")
REMIT_PREPS = frozenset({"in", "for", "on", "to", "at", "over"})


def _remit_depth(tok: Token, inside: set[int]) -> int:
    """How many remit phrases of the title `tok` lies inside: 0 for the title's owner (a
    possessive, compound or "of"/"from" phrase), 1 for a place or body in its "in"/"for"
    phrase, 2 for one inside that. An owner outranks a remit: UNICEF's representative in
    Chad is UNICEF's, Russia's envoy for Syria is Russia's, and a place still counts when
    the title has no owner ("the police chief in Kabul, X")."""
    depth = 0
    for t in [tok, *tok.ancestors]:
        if t.i not in inside:
            break
        if t.dep_ == "prep" and t.lower_ in REMIT_PREPS:
            depth += 1
    return depth


def _described_by(
    at: dict[int, Proto],
    proto: Proto,
    span: Span,
    national: dict[int, tuple[Span, NationalBody, str]],
) -> bool:
    """The nearest body, state or party word in the name's description gives its country
    ("Republican congressman X")."""
    described = _description(span)
    # "IGAD executive secretary X" where the parser hung the body's acronym elsewhere: the
    # name right before the lower-case title words that open the person's phrase
    k = span.start - 1
    while k >= 0 and span.doc[k].is_lower and span.doc[k].pos_ in ("NOUN", "ADJ"):
        k -= 1
    title = span.doc[k + 1 : span.start]
    if k >= 0 and len(title) and title[-1].pos_ == "NOUN" and span.doc[k].is_upper and at.get(k):
        described = [span.doc[k], *described]
    inside = {t.i for t in described}
    order = sorted(described, key=lambda t: (_remit_depth(t, inside), abs(t.i - span.start)))
    for tok in order:
        if tok.i in national and at.get(tok.i) is None:
            body = national[tok.i][1]
            proto.country = body.country
            proto.affiliation = proto.affiliation or body.name
            proto.sector = proto.sector or body.sector
            return True
        other = at.get(tok.i)
        if other is None or other is proto or other.kind == "person":
            continue
        if other.kind == "organisation" and other.code in INTERNATIONAL_CODES:
            # "KFOR commander X", "the EU's foreign policy chief, X", "X, a researcher for
            # Amnesty International": an international body's official has no state
            proto.affiliation = proto.affiliation or other.name
            branch = _branch_state(at, tok)
            if branch is None:
                proto.code = other.code
            else:  # "the director of Argentina's Amnesty International": the national branch
                proto.country, proto.country_basis = branch.country, branch.country_basis
            return True
        if other.country is None or other.kind == "group" and other.sector not in NATIONAL_SECTORS:
            continue  # "a member of the Tunisian Parliament": a state's institution counts
        proto.country, proto.country_basis = other.country, other.country_basis
        if other.kind == "organisation" and proto.affiliation is None:
            proto.affiliation = other.name
            if proto.role in BODY_ROLES:  # a charity's spokesperson is no government's
                proto.sector = other.sector
        return True
    return False


# a body named by its common noun in a title ("a ministry spokeswoman", "an army
# spokeswoman"), and the sector of the actor it refers back to
BODY_NOUN_SECTORS = {"ministry": "GOV", "government": "GOV", "embassy": "GOV", "army": "MIL",
                     "military": "MIL", "navy": "MIL", "police": "COP"}  # fmt: skip


def _body_referred_to(b: Builder, at: dict[int, Proto], proto: Proto, span: Span) -> bool:
    """"Vietnam's foreign ministry protested ... A ministry spokeswoman, X, said": a bare
    body noun in a person's title refers back to the last body of that kind named in this
    sentence or the one before (its name holds the noun, or it is a body or group of the
    noun's sector), whose state it gives."""
    described = _description(span)
    nouns = [t for t in described if t.lower_ in BODY_NOUN_SECTORS and t.is_lower
             and t.i not in at and (t.dep_ in ("compound", "nmod", "amod") or (
                 t.dep_ == "pobj" and t.head.lower_ in ("for", "of")))]  # fmt: skip
    if not nouns:
        return _spokesperson_of_previous_subject(b, at, proto, span, described)
    noun = nouns[0]
    sent = noun.sent
    first = span.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    sector = BODY_NOUN_SECTORS[noun.lower_]
    for start, end, other in b.mentions_backward(noun.idx, first):
        if other is proto or other.country is None or other.kind == "person":
            continue
        text = b.text[start:end].lower()
        if noun.lower_ in text.split() or (other.kind != "state" and other.sector == sector):
            proto.country, proto.country_basis = other.country, other.country_basis
            if other.kind != "state":
                proto.affiliation = proto.affiliation or other.name
            return True
    return False


def _spokesperson_of_previous_subject(
    b: Builder, at: dict[int, Proto], proto: Proto, span: Span, described: list[Token]
) -> bool:
    """"The State Department said ... A spokeswoman, X, said": a spokesperson whose title
    names no body speaks for the body the sentence before told of as its subject."""
    if proto.role != "Spokesperson" or any(t.i in at for t in described) or span.sent.start == 0:
        return False
    if not any(t.lower_ in ("a", "an") for t in described):
        return False  # "the spokeswoman" may be anyone's named before
    root = span.doc[span.sent.start - 1].sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    other = at.get(subject.i) if subject is not None else None
    if other is None or other.kind not in ("organisation", "state") or other.country is None:
        return False
    return _serves(proto, other)


def _subject_before(sent: Span) -> Token | None:
    """The subject of the main clause of the sentence before `sent` (None for the first)."""
    if sent.start == 0:
        return None
    before = sent.doc[sent.start - 1].sent
    return next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _head_of_its_body(b: Builder, at: dict[int, Proto], proto: Proto, span: Span) -> bool:
    """"The mission said ... Its commander, X, said", "Kenya sent police. Its president, X":
    a title owned by "its" names the officer of the body or state "its" takes up: the
    subject of the sentence before when that is a body or state, else the last body named
    there (a plural group is no "it"). The officer takes its state, or its code and no
    state when it is an international body."""
    if proto.known is not None or span.sent.start == 0:
        return False
    anchor = _appositive_head(span) if span.root.dep_ == "appos" else span.root
    pronoun = next((c for c in anchor.children if c.dep_ == "poss" and c.lower_ == "its"), None)
    if pronoun is None or any(t.i in at for t in _description(span) if t.i != pronoun.i):
        return False
    before = span.doc[span.sent.start - 1].sent
    subject = _subject_before(span.sent)
    other = at.get(subject.i) if subject is not None else None
    if other is None or other.kind not in ("organisation", "state"):
        other = next((p for _, _, p in b.mentions_backward(pronoun.idx, before.start_char)
                      if p.kind == "organisation" and p is not proto), None)  # fmt: skip
    if other is None:
        return False
    if other.country is None and other.code in INTERNATIONAL_CODES:
        return _official_of_igo(proto, other)  # an international mission's commander
    if other.country is None:
        return False
    return _serves(proto, other)


# a state's envoy abroad: "the U.S. ambassador" and, later, "Ambassador X" are one person
ENVOY_ROLES = frozenset({"Ambassador", "Envoy", "Special Envoy"})
# titles of people a state or body sends to another state: no sign of the story's state
SENT_ROLES = frozenset({"Envoy", "Special Envoy", "Special Representative"})


def _envoy_named_before(
    doc: Doc, b: Builder, at: dict[int, Proto], proto: Proto, spans: list[Span]
) -> None:
    """"Mexico summoned the U.S. ambassador ... Ambassador Robert Keane met officials": an
    envoy the text names only by title is the one it earlier described by the title and a
    state (one state only), not the story's state's."""
    if not spans:
        return
    first = min(sp.start for sp in spans)
    word = (proto.role or "").lower().split()[-1]
    states = set()
    for tok in doc[:first]:
        if tok.lower_ != word or at.get(tok.i) is not None:
            continue
        for c in tok.children:
            other = at.get(c.i)
            people = b.demonym_at(c)
            if other is not None and other.kind == "state" and c.dep_ in ("compound", "poss"):
                states.add(other.country)
            elif people is not None and c.dep_ == "amod":
                states.add(people.country)
    if len(states) == 1:
        proto.country = states.pop()


# the people aboard a vessel, and the vessels whose flag they share
CREW_WORDS = frozenset({"crew", "crews", "sailors", "seafarers", "seamen", "fishermen"})
VESSEL_NOUNS = frozenset({"boat", "boats", "ship", "ships", "vessel", "vessels", "trawler",
                          "trawlers", "tanker", "tankers", "freighter", "freighters"})  # fmt: skip


def _crew_of_vessel(b: Builder, proto: Proto, span: Span) -> bool:
    """"seized four Vietnamese fishing boats and detained 38 crew members": a crew is of
    the state whose demonym marks the vessels named with it in the sentence."""
    if not CREW_WORDS & set(proto.name.lower().split()):
        return False
    states = set()
    for tok in span.sent:
        if tok.lower_ not in VESSEL_NOUNS:
            continue
        for c in tok.children:
            people = b.demonym_at(c) if c.dep_ == "amod" else None
            if people is not None and people.kind == "state":
                states.add(people.country)
    if len(states) != 1:
        return False
    proto.country = states.pop()
    return True


def _title_place(b: Builder, proto: Proto, span: Span) -> bool:
    """"Chihuahua Governor Esteban Carrasco" where the tagger took the place and title for
    part of the name: the place the name's words before a title word name."""
    from eventwire.actors.national import place_state_of_name

    words = list(span)
    at = next((i for i, t in enumerate(words) if i > 0 and t.is_title and (role := b.kb.roles.get(
        t.lower_)) is not None and role.refers == "person"), None)  # fmt: skip
    if at is None or not all(t.is_title and t.is_alpha for t in words[:at]):
        return False
    name = " ".join(t.text for t in words[:at])
    if b.demonym(name) is not None or not is_place_name(name):
        return False  # a demonym is read elsewhere; a surname is no place
    state = place_state_of_name(name)
    if state is None or state.international:
        return False
    proto.country = state.country
    return True


# offices at the head of a province or region
DIVISION_ROLES = frozenset({"Governor", "Regional Governor", "Premier"})


def _head_of_division_named(at: dict[int, Proto], proto: Proto, spans: list[Span]) -> None:
    """"The Murmansk regional government said ..., and Governor X called ...": a governor
    named without a place, in a sentence where one province or region acts, is its
    governor, of its state (federated.py makes such divisions state actors)."""
    if not spans:
        return
    sent = min(spans, key=lambda sp: sp.start).sent
    regions = {o.country for t in sent if (o := at.get(t.i)) is not None
               and o.key.startswith("fed:") and o.country}  # fmt: skip
    if len(regions) == 1:
        proto.country = regions.pop()


def _local_group(b: Builder, proto: Proto) -> bool:
    """A group of people who act where they live: "residents of X", "farmers"."""
    for word in proto.name.lower().replace("-", " ").split():
        role = b.kb.roles.get(word)
        kind = collective_nouns().get(word)
        if (role is not None and role.role in LOCAL_ROLES) or (kind is not None and kind.local):
            return True
    return False


def _plural(noun: Token) -> str:
    lemma = noun.lemma_.lower()
    return lemma[:-3] + "men" if lemma.endswith("man") else lemma + "s"


def _one_of_local_group(b: Builder, at: dict[int, Proto], proto: Proto, spans: list[Span]) -> None:
    """"Residents of X, an Armenian village, held a rally ... 'quote,' said Y, a farmer": a
    person the text describes only as one of a local trade or as a resident ("a farmer",
    "a villager"), first named in the sentence right after one whose subject is a local
    group with a state, is one of that group, of its state."""
    if not spans or proto.known is not None or proto.role is not None:
        return
    first = min(spans, key=lambda sp: sp.start)
    nouns = [t for t in _description(first) if t.pos_ == "NOUN" and t.dep_ == "appos"
             and any(c.lower_ in ("a", "an") for c in t.children)]  # fmt: skip
    trade = any(
        (kind := collective_nouns().get(_plural(n))) is not None and kind.local
        or (role := b.kb.roles.get(_plural(n))) is not None and role.role in LOCAL_ROLES
        for n in nouns
    )
    sent = first.sent
    if not trade or sent.start == 0:
        return
    subject = _subject_before(sent)
    group = at.get(subject.i) if subject is not None else None
    if group is not None and group.kind == "group" and group.country and _local_group(b, group):
        proto.country = group.country


def _office_of_state_just_named(
    b: Builder, at: dict[int, Proto], proto: Proto, spans: list[Span], home: Entity
) -> None:
    """"Japan protested on Tuesday. Foreign Minister X said ...": a government office
    named without its state, first mentioned right after a sentence whose subject is
    another state than the story's, and in a sentence naming no state, is that state's."""
    if proto.kind != "person" or proto.sector != "GOV" or not spans:
        return
    first = min(spans, key=lambda sp: sp.start)
    sent = first.sent
    if sent.start == 0 or any((o := at.get(t.i)) is not None and o.kind == "state" for t in sent):
        return
    if any(b.demonym_at(t) is not None for t in sent):
        return
    subject = _subject_before(sent)
    other = at.get(subject.i) if subject is not None else None
    if other is not None and other.kind == "state" and other.country not in (None, home.country):
        proto.country = other.country


def _speaks_in_capital(
    b: Builder, at: dict[int, Proto], proto: Proto, spans: list[Span], story: Story
) -> None:
    """ "Energy Minister X told reporters in Brasilia that ...", "she said in Santo Domingo":
    an official nothing else places, who speaks in the capital of a state the story names,
    is of that state (officials speak at home unless the text says whose they are)."""
    from eventwire.nlp.quotes import speech_verbs

    verbs = speech_verbs()
    for span in spans:
        tok = span.root
        if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in verbs:
            continue
        verb = tok.head
        heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "dative"))]
        for prep in (c for h in heads for c in h.children if c.dep_ == "prep"):
            if prep.lower_ != "in":
                continue
            for place in (c for c in prep.children if c.dep_ == "pobj"):
                left = place.i  # "Santo Domingo", which NER may leave untagged
                while left > prep.i + 1 and place.doc[left - 1].dep_ == "compound":
                    left -= 1
                state = b.kb.capital(place.doc[left : place.i + 1].text)
                if state is not None and state.id in story.named and state.country:
                    proto.country = state.country
                    return


# verbs of leading a body: "X, who leads a farmers' cooperative in Y"
LEADING_VERBS = frozenset({"lead", "head", "chair", "run", "direct"})


def _leads_body_in_place(span: Span, proto: Proto, story: Story) -> bool:
    """ "X, who leads a farmers' cooperative in Y", "X, who runs a clinic in Y": the body a
    person leads, in a place of a state the story names, places the person there (only such
    a clause: other relative clauses say what a person did, not where they belong)."""
    from eventwire.actors.national import place_state_of_name

    for clause in (c for c in span.root.children if c.dep_ == "relcl"):
        if clause.lemma_.lower() not in LEADING_VERBS:
            continue
        for body in (c for c in clause.children if c.dep_ == "dobj"):
            preps = [c for c in body.children if c.dep_ == "prep" and c.lower_ in ("in", "at")]
            preps += [c for c in clause.children if c.dep_ == "prep" and c.lower_ == "in"]
            for place in (t for p in preps for t in p.children if t.dep_ == "pobj"):
                left = place.i  # "San Pedro": the compound words of the place's name
                while left > 0 and place.doc[left - 1].dep_ == "compound":
                    left -= 1
                name = place.doc[left : place.i + 1]
                if not place.is_title or not all(t.pos_ == "PROPN" for t in name):
                    continue
                state = place_state_of_name(name.text)
                if state is not None and state.id in story.named and state.country:
                    proto.country = state.country
                    return True
    return False


def _branch_state(at: dict[int, Proto], tok: Token) -> Proto | None:
    """A state that owns the body named at `tok` ("Argentina's Amnesty International")."""
    body = at.get(tok.i)
    inside = [t for t in tok.sent if at.get(t.i) is body]
    for t in inside:
        for c in t.children:
            state = at.get(c.i)
            if c.dep_ in ("poss", "compound", "amod") and state and state.kind == "state":
                return state
    return None


def _qualified(
    b: Builder, proto: Proto, span: Span, national: dict[int, tuple[Span, NationalBody, str]]
) -> bool:
    """A demonym or a party word inside a group's phrase ("Republican national security
    experts", "Iraqi protesters" where no earlier pass read it)."""
    for tok in span:
        if no_owner(tok.doc, tok.i):
            continue  # "Rwandan-backed rebels": backed by Rwanda, not Rwanda's
        state = b.demonym_at(tok)
        country = national[tok.i][1].country if tok.i in national else None
        country = country or (state.country if state is not None else None)
        if country is not None:
            proto.country = country
            return True
    return False


def _placed(span: Span, proto: Proto, story: Story, b: Builder) -> bool:
    """ "a nurse from Texas", "protesters in Baghdad", "Northamptonshire police chief",
    "Italian economic development minister X", "the Greek gas supplier DEPA", "a
    Berlin-based charity": the place or the demonym that the actor's description names."""
    if proto.kind != "group":
        # "a spokesman for a Swedish retailer": the people of the body one speaks for
        tokens = [t for t in _description(span) if _describes_as_place(t, span) or (
            b.demonym_at(t) is not None
            and _describes_as_place(t, span, PLACE_PREPS | {"for"}))]  # fmt: skip
        tokens.sort(key=lambda t: abs(t.i - span.start))
    else:  # "protesters in Baghdad", "owners from the border state of Texas"
        # not "a few kilometres from the Chinese city of X": a distance, no whereabouts
        tokens = [t for c in span.root.children if c.dep_ == "prep"
                  and c.lower_ in PLACE_PREPS for t in c.children if t.dep_ == "pobj"
                  and not any(m.dep_ == "npadvmod" for m in c.children)]  # fmt: skip
        tokens += [t for p in tokens for c in p.children if c.dep_ == "prep" and c.lower_ == "of"
                   for t in c.children if t.dep_ == "pobj"]  # fmt: skip
    for tok in tokens:
        if no_owner(tok.doc, tok.i):
            continue
        people = b.demonym_at(tok)
        if people is not None and proto.kind != "group":
            proto.country = people.country
            return True
        place = next((e for e in doc_ents(tok.doc) if e.start <= tok.i < e.end), None)
        country = _state_named_with_place(b, tok) if tok.pos_ == "PROPN" else None
        if country is not None and (place is None or story.state_of(place) is None):
            proto.country = country  # "Residents of X, an Armenian village": unknown places
            return True
        if place is None or place.label_ not in PLACE_LABELS and not is_place_name(place.text):
            continue  # NER calls "Abu Dhabi" of "Abu Dhabi Media" an organisation
        state = story.state_of(place)
        if state is not None:
            proto.country = state.country
            return True
    return False


# nouns for a place inside a state: "Armenia's Tavush province", "an Armenian village"
LOCALITY_NOUNS = frozenset({"village", "town", "city", "province", "region", "district",
                            "county", "municipality", "commune", "oblast", "governorate",
                            "prefecture", "island", "valley", "border town", "hamlet"})  # fmt: skip


def _state_named_with_place(b: Builder, tok: Token) -> str | None:
    """The one state the text names with a place the gazetteer may not know, wherever it
    names it: "Armenia's Tavush province", "Kirants, an Armenian village", "the Armenian
    village of Kirants"."""
    states = set()
    doc = tok.doc
    for t in (doc[i] for i in _proper_nouns(doc).get(tok.text, ())):
        nouns = [c for c in t.children if c.dep_ == "appos" and c.lower_ in LOCALITY_NOUNS]
        if t.dep_ == "compound" and t.head.lower_ in LOCALITY_NOUNS:
            nouns.append(t.head)  # "Tavush province"
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in LOCALITY_NOUNS:
            nouns.append(t.head.head)  # "the Armenian village of Kirants"
        for noun in nouns:
            for c in noun.children:
                if c.dep_ == "poss":
                    entity = b.kb.lookup(c.text)
                elif c.dep_ in ("amod", "compound") and c.text[:1].isupper():
                    entity = b.demonym_at(c)
                else:
                    continue
                if entity is not None and entity.kind == "state":
                    states.add(entity.country)
    return states.pop() if len(states) == 1 else None


PROPER_NOUNS_KEY = "eventwire.actors.proper_nouns"


def _proper_nouns(doc: Doc) -> dict[str, list[int]]:
    """Where each proper noun's text occurs, indexed once per document (a place's mentions
    are looked up for every actor described by a place)."""
    index: dict[str, list[int]] | None = doc.user_data.get(PROPER_NOUNS_KEY)
    if index is None:
        index = {}
        for t in doc:
            if t.pos_ == "PROPN":
                index.setdefault(t.text, []).append(t.i)
        doc.user_data[PROPER_NOUNS_KEY] = index
    return index


def _body_of_igo(b: Builder, proto: Proto, span: Span) -> bool:
    """"United Nations Verification Mission in Colombia", "OSCE Mission to Moldova", "AU
    Peace and Security Council": a body whose name opens with the name or acronym of an
    intergovernmental body the knowledge base knows is part of it, of no state; a place in
    the rest of the name is where it works, not its state."""
    words = [t for t in span if not (t.i == span.start and t.lower_ == "the")]
    if len(words) < 2:
        return False
    for n in range(min(len(words) - 1, 8), 0, -1):
        igo = b.kb.lookup(span.doc[words[0].i : words[n - 1].i + 1].text)
        if igo is not None and igo.kind == "organisation" and igo.code in IGO_CODES:
            return _official_of_igo(proto, igo)
    return False


# the links by which a body's own phrase names the state or body it belongs to: "China's
# Taiwan Affairs Office", "the Chinese Taiwan Affairs Office", "the Eastern Theatre Command
# of the People's Liberation Army"
OWNER_LINKS = frozenset({"poss", "amod", "compound"})


def _owner_of_body(b: Builder, at: dict[int, Proto], proto: Proto, span: Span) -> bool:
    """A state or a body with a state that the body's own phrase names as its owner: a
    possessive or a demonym before the name ("China's Taiwan Affairs Office", "the Russian
    Baltic Fleet Command"), or "of" a body or state after it ("the Eastern Theatre Command of
    the People's Liberation Army", "the Border Guard Service of Ukraine"). That owner beats a
    place inside the name (Taiwan of "Taiwan Affairs Office") and the story's state."""
    doc = span.doc
    inside = range(span.start, span.end)
    heads = {t.i for t in span if t.head.i not in inside or t.head.i == t.i}
    for tok in span[0].doc[max(0, span.start - 4) : span.start]:
        if tok.dep_ not in OWNER_LINKS or tok.head.i not in heads:
            continue
        if no_owner(doc, tok.i):
            continue
        if _organ_of_igo(at, proto, tok):
            return True  # "the IAEA's Board of Governors", "the U.N. watchdog's board"
        owner = at.get(tok.i)
        if owner is not None and owner is not proto and owner.kind == "state" and owner.country:
            proto.country = owner.country  # "China's Taiwan Affairs Office"
            return True
        people = b.demonym_at(tok)
        if people is not None and people.kind == "state" and people.country:
            proto.country = people.country  # "the Chinese Taiwan Affairs Office"
            return True
    for i in heads:
        for prep in doc[i].children:
            if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i in inside:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and _organ_of_igo(at, proto, obj):
                    return True  # "the Board of Governors of the IAEA"
                owner = at.get(obj.i) if obj.dep_ == "pobj" else None
                if owner is None or owner is proto or owner.country is None:
                    continue
                if owner.kind in ("state", "organisation") or owner.sector in NATIONAL_SECTORS:
                    proto.country = owner.country  # "... Command of the People's Liberation Army"
                    return True
    return False


# what a body's gloss says it is part of: "a unit under Russia's Defence Ministry", "a
# subsidiary of Gazprom", "a brigade within the army"
PART_PREPS = frozenset({"under", "of", "within"})
# the sectors of armed members who name the body they fight in ("Russian fighters of X")
ARMED_SECTORS = frozenset({"MIL", "REB", "PRM", "UAF"})


def _glossed_owner(b: Builder, at: dict[int, Proto], proto: Proto, span: Span) -> bool:
    """What the text glosses a body as, or who fights in it: "The U.N. peacekeeping mission
    in the country, MINUSCA," is the U.N.'s, of no state; "the X Corps, a unit under Russia's
    Defence Ministry" is Russian; "Russian fighters of the X Corps" make it Russian. Each
    beats the story's state and the places the body acts in."""
    root = span.root
    inside = range(span.start, span.end)
    anchors = [_appositive_head(span)] if root.dep_ == "appos" else []
    anchors += [c for c in root.children if c.dep_ == "appos"]
    for head in (h for h in anchors if h.i not in inside):
        for c in head.children:
            owner = at.get(c.i)
            if c.dep_ in OWNER_LINKS and owner is not None and owner is not proto:
                if owner.code in IGO_CODES and owner.country is None:
                    return _official_of_igo(proto, owner)  # "the U.N. peacekeeping mission ..., X"
            if c.dep_ != "prep" or c.lower_ not in PART_PREPS:
                continue
            for obj in (o for o in c.children if o.dep_ == "pobj"):
                owner = at.get(obj.i)
                if owner is None or owner is proto or owner.country is None:
                    continue
                if owner.kind in ("state", "organisation") or owner.sector in NATIONAL_SECTORS:
                    proto.country = owner.country  # "a unit under Russia's Defence Ministry"
                    return True
    of = root.head
    if root.dep_ == "pobj" and of.lower_ == "of" and of.head.i not in inside:
        noun = of.head
        group = at.get(noun.i)
        if group is None or group.kind != "group" or group.sector not in ARMED_SECTORS:
            return False
        for c in noun.children:
            people = b.demonym_at(c) if c.dep_ in ("amod", "compound") else None
            if people is not None and people.kind == "state" and people.country:
                proto.country = people.country  # "Russian fighters of the X Corps"
                return True
    return False


@functools.cache
def _state_owned_words() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in data_rows("state_owned_words.tsv"))


def _state_company(
    b: Builder, at: dict[int, Proto], proto: Proto, span: Span, home: Entity | None
) -> bool:
    """ "the state energy company X", "Russia's state-owned gas company X", "the Kazakh
    state oil firm X": a company the words before its name call a state's belongs to the
    state named before those words, else to the story's state."""
    doc = span.doc
    k = span.start - 1
    if k < 0 or doc[k].lower_ not in b.kb.org_descriptors:
        return False
    words: list[str] = []
    k -= 1
    while k >= 0 and (doc[k].is_lower and doc[k].pos_ not in ("DET", "ADP", "PRON")
                      or doc[k].text == "-" or doc[k].lower_ in _state_owned_words()):
        words.insert(0, doc[k].lower_)
        k -= 1
    # "state - owned" is one word, and a demonym may stand first ("the Kazakh state ...")
    text = " ".join(words).replace(" - ", "-")
    if not set(text.split()) & _state_owned_words():
        return False
    owner = at.get(k) if k >= 0 else None
    if k >= 1 and doc[k].text in ("'s", "\u2019s"):
        owner = at.get(k - 1)
    if owner is not None and owner.kind == "state" and owner.country:
        proto.country = owner.country  # "Russia's state-owned gas company X"
        return True
    people = b.demonym_at(doc[k]) if k >= 0 else None
    if people is not None and people.kind == "state" and people.country:
        proto.country = people.country  # "the Kazakh state oil firm X"
        return True
    if k >= 0 and doc[k].lower_ not in ("the", "a", "an") or home is None:
        return False
    proto.country, proto.country_basis = home.country, "story"
    return True


@functools.cache
def _international_words() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in data_rows("international_words.tsv"))


# "troops from the multinational force", "the commander of a multinational force"
MEMBER_PREPS = frozenset({"of", "from"})


def _international_description(span: Span, proto: Proto) -> bool:
    """A word for "across states" that describes the noun the name stands for, or that
    noun's owner: "the Kenyan-led Multinational Security Support mission (MSS)", "the
    international community's High Representative, X", "X, commander of the multinational
    force": a body or official of no state, wherever it works (code IGO). A state that
    owns the phrase says more ("Kenya's international envoy"), so such a phrase is left."""
    if proto.code is not None:
        return False
    anchors = {span.root.i}
    if span.root.dep_ == "appos":
        anchors.add(_appositive_head(span).i)
    inner = [t for t in span if proto.kind == "group" and t.i != span.root.i]
    for tok in inner + _description(span):
        if tok.lower_ not in _international_words():
            continue
        if tok.dep_ not in ("amod", "compound") and tok.i not in anchors:
            continue
        # the noun the word describes: its head ("an international force"), or the head of
        # a name it opens ("Multinational Security Support mission"), not the noun a
        # described noun modifies in turn ("an international law expert")
        t = tok if tok.i in anchors else tok.head
        while tok.dep_ == "compound" and t.dep_ == "compound" and t.i not in anchors:
            t = t.head
        # which is the name's noun, its owner or the body its members are of
        while t.i not in anchors and t.head.i != t.i and (
            t.dep_ == "poss" or t.dep_ == "pobj" and t.head.lower_ in MEMBER_PREPS
            or t.dep_ == "prep" and t.lower_ in MEMBER_PREPS
        ):
            t = t.head
        if t.i not in anchors:
            continue
        if tok.lower_ == "international" and tok.is_title and not tok.head.is_lower:
            continue  # "the International Institute for Strategic Studies": a proper name
        head = span.doc[t.i]
        owners = [c for c in head.children if c.dep_ == "poss" and c.i != tok.i and c.lower_
                  not in ("its", "their") and not any(d.i == tok.i for d in c.subtree)]
        if owners:
            continue  # "Kenya's international envoy": Kenya's
        proto.code, proto.country = "IGO", None
        return True
    return False


# the plural that closes the name of a body of several states ("Alliance of Sahel States")
STATES_NOUNS = frozenset({"states", "nations", "countries", "republics", "governments"})


def _union_of_states(proto: Proto) -> bool:
    """"the Alliance of Sahel States", "the League of Arab States", "the Union of South
    American Nations": a body whose name ends "of ... States" (or Nations, Countries) joins
    several states and belongs to none of them (code IGO)."""
    words = proto.name.split()
    if len(words) < 3 or words[-1].lower() not in STATES_NOUNS or "of" not in words[1:-1]:
        return False
    if not all(w[:1].isupper() or w in ("of", "and", "the") for w in words):
        return False
    proto.code, proto.country = "IGO", None
    return True


def _members_of_body(b: Builder, at: dict[int, Proto], proto: Proto, span: Span) -> bool:
    """"militants of the Sahel Brigade (SB)", "troops from the X mission": members of a
    named body the text placed take its state (or its international code)."""
    doc = span.doc
    bodies: list[Proto] = []
    for prep in span.root.children:
        if prep.dep_ != "prep" or prep.lower_ not in MEMBER_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            phrase = doc[obj.left_edge.i : obj.right_edge.i + 1]
            words = [t for t in phrase if t.lower_ != "the" and t.text not in ("(", ")")]
            name = " ".join(t.text for t in words)
            bodies += [p for p in b.protos.values() if p.name == name and p is not proto]
            bodies += [o for t in phrase if (o := at.get(t.i)) is not None and o is not proto]
            end = phrase.end
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
                gloss = at.get(end + 1)  # "militants of the Sahel Brigade (SB)"
                bodies += [gloss] if gloss is not None and gloss is not proto else []
    for body in bodies:
        if body.kind not in ("organisation", "group"):
            continue
        if body.country is not None:
            proto.country, proto.country_basis = body.country, body.country_basis
            return True
        if body.code in IGO_CODES:
            proto.code = body.code
            return True
    return False


@functools.cache
def _armed_verbs() -> frozenset[str]:
    return frozenset(r["lemma"].lower() for r in data_rows("armed_verbs.tsv"))


# prepositions that place an action ("attacked a base in X", "burned tankers near Y")
WHERE_PREPS = frozenset({"in", "near", "at", "across", "inside", "around", "outside"})
# links from a name up to the subject phrase it is part of ("fighters of the X (XB)")
SUBJECT_PHRASE_LINKS = frozenset({"appos", "pobj", "prep", "compound", "poss", "conj"})


def _acts_in_state(
    b: Builder, at: dict[int, Proto], proto: Proto, spans: list[Span], story: Story
) -> None:
    """"The X Front attacked an army base in Mali's Kidal region", "Fighters of the X
    Front (XF) stormed a police station in Y" (Y in Haiti), "its fighters had burned 30
    tankers near Y": a body or group of no known state that, as the subject of an armed
    action, acts in places of one state only is of that state; the story's state is no
    evidence against it."""
    states: set[str] = set()
    for span in spans:
        tok = span.root
        while tok.dep_ in SUBJECT_PHRASE_LINKS and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb = tok.head
        if verb.lemma_.lower() not in _armed_verbs():
            continue
        for t in verb.subtree:
            if t.dep_ != "pobj" or t.head.lower_ not in WHERE_PREPS:
                continue
            states |= _states_of_place(b, at, t, story)
    if len(states) == 1:
        proto.country, proto.country_basis = states.pop(), None


def _states_of_place(b: Builder, at: dict[int, Proto], tok: Token, story: Story) -> set[str]:
    """The states a place phrase names: a state ("in Mali"), a state owning the place ("in
    Mali's Kidal region", "in northern Mali"), a place the gazetteer puts in a state."""
    out: set[str] = set()
    for t in tok.subtree:
        other = at.get(t.i)
        if other is not None and other.kind == "state" and other.country:
            out.add(other.country)
            continue
        place = next((e for e in doc_ents(t.doc) if e.start <= t.i < e.end), None)
        if place is not None and place.label_ in PLACE_LABELS and place.root.i == t.i:
            state = story.state_of(place)
            if state is not None and state.country and not state.international:
                out.add(state.country)
    return out


def _organ_of_igo(at: dict[int, Proto], proto: Proto, tok: Token) -> bool:
    """`tok` heads the phrase of an intergovernmental body that owns the body `proto` ("the
    IAEA's Board of Governors", "the U.N. nuclear watchdog's Board of Governors", "NATO's
    Military Committee"): `proto` is that body's organ, of no state, even where the story
    happens in the state that hosts it."""
    for t in [tok, *(c for c in tok.children if c.dep_ in ("compound", "nmod", "amod"))]:
        owner = at.get(t.i)
        if owner is None or owner is proto or owner.kind != "organisation":
            continue
        if owner.code in IGO_CODES and owner.country is None:
            return _official_of_igo(proto, owner)
    return False


def _place_in_name(span: Span, proto: Proto) -> bool:
    """A place in a body's name ("Abu Dhabi Media", "Western Mindanao Command", "Medical
    University of Gdansk"): a country, region or large city the gazetteer knows by exactly
    that name."""
    from eventwire.actors.national import place_state_of_name

    words = [t for t in span if t.is_alpha and t.text[:1].isupper() and t.lower_ not in PARTICLES]
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            run = words[i : i + n]
            if run[-1].i - run[0].i != n - 1:
                continue
            if run[0].i > span.start and run[0].nbor(-1).lower_ in PARTICLES:
                continue  # "Jacqueline De León": a surname, not the Mexican city
            name = span.doc[run[0].i : run[-1].i + 1].text
            state = place_state_of_name(name) if is_place_name(name) else None
            if state is not None and not state.international:
                proto.country = state.country
                return True
    return False


# the words of a body's name before what it is of: "National Assembly of Republika Srpska"
BODY_OF = (" of the ", " of ")


def _entity_in_name(b: Builder, proto: Proto, span: Span, day: str | None) -> bool:
    """ "The National Assembly of Republika Srpska", "the Parliament of Kurdistan Region":
    a body of an entity the text or the dictionaries place in a state (a sub-state entity,
    a state's region) is of that state."""
    from eventwire.actors.codes import known_country
    from eventwire.actors.known import load_known

    text = " ".join(span.text.split())
    cut = next(((text.index(sep), sep) for sep in BODY_OF if sep in text), None)
    if cut is None or not text[:1].isupper():
        return False
    rest = text[cut[0] + len(cut[1]) :]
    if not rest[:1].isupper():
        return False
    countries: set[str | None] = {p.country for p in b.protos.values()
                 if p is not proto and p.country is not None and p.kind in ("state", "organisation")
                 and (p.name == rest or rest in p.spans.values())}  # fmt: skip
    if not countries:
        countries = {known_country(e, day) for e in load_known().named(rest)}
    countries.discard(None)
    if len(countries) != 1:
        return False
    proto.country = countries.pop()
    return True


def _describes_as_place(tok: Token, span: Span, preps: frozenset[str] = PLACE_PREPS) -> bool:
    """The token reaches the name (or the title it is in apposition to) through modifiers
    and from/in/of phrases only."""
    anchors = set(range(span.start, span.end))
    if span.root.dep_ == "appos":
        anchors.add(_appositive_head(span).i)
    while tok.i not in anchors:
        linked = tok.dep_ in PLACE_LINKS or (tok.dep_ == "prep" and tok.lower_ in preps)
        if not linked or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _national(proto: Proto, b: Builder) -> bool:
    """A national office holder or institution, or people acting where the story happens
    (protesters, assailants), of the story's state when it has one."""
    if proto.affiliation is not None:
        return False
    if proto.kind == "group" and proto.name.split()[0].lower() in b.kb.bloc_words:
        return False  # "Western envoys": a bloc's, named as such, not the story's state
    if proto.kind == "person":
        if proto.role in LOCAL_ROLES:
            return True
        return proto.sector in HOME_SECTORS and proto.role not in BODY_ROLES
    if proto.kind == "organisation":  # "the Senate", "the National Telecommunications Commission"
        if is_holders_office(proto):  # "the regional prosecutor's office"
            return True
        return proto.name.lower() in NATIONAL_BODIES or proto.name.startswith("National ")
    if is_collective(proto):
        return is_local(proto)  # "supporters" act where the story is; "foreign powers" not
    # "activists", or "climate activists" by its noun
    words = proto.name.lower().replace("-", " ").split()  # "counter-protesters" too
    # "gunmen from the X gang coalition", "fighters of the X": the members' noun heads it
    cut = next((i for i, w in enumerate(words) if w in MEMBER_PREPS and i > 0), len(words))
    noun = words[cut - 1]
    role = b.kb.roles.get(proto.name.lower()) or b.kb.roles.get(noun)
    local = role is not None and role.role in LOCAL_ROLES
    return proto.kind == "group" and (proto.sector in NATIONAL_SECTORS or local)


# a body's first name word that places it above or across states, not in the story's state
BEYOND_STATE_WORDS = frozenset({"european", "african", "asian", "arab", "international",
                                "inter-american", "pan-african", "world", "global"})  # fmt: skip


def _local_name(proto: Proto, spans: list[Span]) -> bool:
    """A person or body the text names, whom nothing else places: of the state the story is
    about, as the gold annotators read local stories (a mayor's aide, a witness, a lawyer, a
    campaign group, a broadcaster). A dictionary entry without a country (an armed group's
    leader, a foreign newspaper) or a body they speak for says more, so either keeps them out;
    news organisations of other states are knowledge-base bodies with their own country."""
    if proto.kind not in LOCAL_KINDS or proto.affiliation is not None or proto.known is not None:
        return False
    if proto.kind == "person" and proto.role in SENT_ROLES:
        return False  # "Special Representative X": sent to the story's state, not of it
    if proto.kind == "organisation" and proto.name.split()[0].lower() in BEYOND_STATE_WORDS:
        return False  # "the European Border and Coast Guard Agency": no body of the story's state
    labels = NAME_LABELS if proto.kind == "person" else BODY_LABELS
    return any(sp.text[:1].isupper() and sp.root.ent_type_ in labels for sp in spans)


def _one_legislature(b: Builder) -> str | None:
    """The state of the only legislature the story names with its state, if one: a body or
    group ("Parliament of Iraq", "Iraqi lawmakers"), or a mention of the state itself
    ("the Parliament of Lebanon" where NER saw no body)."""
    states = set()
    for p in b.protos.values():
        if p.country is None or p.kind == "person":
            continue
        words = {w for text in [p.name, *p.spans.values()] for w in text.lower().split()}
        if (p.kind != "state" and p.sector == "LEG") or LEGISLATURE_WORDS & words:
            states.add(p.country)
    return states.pop() if len(states) == 1 else None


def _legislative(proto: Proto) -> bool:
    """Lawmakers, or a legislature named bare: of the one legislature the story names."""
    if proto.kind == "organisation":
        return proto.name.lower() in LEGISLATURE_NAMES
    return proto.sector == "LEG" and proto.affiliation is None


# words of a title written before a name ("energy minister", "Deputy Prime Minister")
TITLE_POS = frozenset({"NOUN", "PROPN", "ADJ"})


def _paired_title(span: Span, proto: Proto, at: dict[int, Proto]) -> bool:
    """ "Greek prime minister A and energy minister B": a title without a state, joined by
    "and" to a titled person of a state, shares that state. Both must be titled: in "Putin
    and Secretary of State Blinken" nothing makes the second title Russian."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and span.start - i <= 4 and doc[i].pos_ in TITLE_POS and i not in at:
        i -= 1
    titled = i < span.start - 1 or span[0].pos_ in ("NOUN", "ADJ")  # the title may be in it
    if not titled or i < 1 or doc[i].lower_ != "and":
        return False
    other = at.get(i - 1)
    if other is None or other is proto or other.kind != "person" or other.country is None:
        return False
    if other.role is None:
        return False
    proto.country, proto.country_basis = other.country, other.country_basis
    return True
