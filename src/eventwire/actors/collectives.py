"""Collectives the text names by what they are: "conservative groups", "supporters",
"private property owners", "Republican national security experts", "the opposing military
political party", "Members of the House of Commons".

A phrase headed by a collective noun (collective_nouns.tsv) is a group actor where it acts or
is acted on: a subject, a direct object, or the object of "by", "against" or "with". Its name
is the phrase without articles, numbers and words of quantity ("Several conservative groups"
is "conservative groups"); "members" keeps what they are members of. Its country comes from
what the text says (nationality.py): a demonym, a party word or a place in the phrase, else,
for a group that acts where the story happens, the story's state.

A plural for people at large ("people", "women", "employees": counted_nouns.tsv) is a group
only where a number counts it and words say who they are ("two female employees") or the
crowd gathers or protests ("about 40 women gathered": crowd_verbs.tsv); counts in thousands
or millions are a population. Such a group, and a people counted by its demonym ("47
Haitians"), is named by its counted phrase (`counted_names`): uncounted, its name would mean
everyone of its kind.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.actors.builder import Builder, Proto
from eventwire.actors.coref import member_tokens
from eventwire.actors.kb import Entity, data_rows
from eventwire.nlp.pipeline import doc_ents

ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
ACTING_PREPS = frozenset({"by", "against", "with"})
# "an attack on a fuel convoy", "sanctions on defence companies", "fired on fishermen": what
# "on" follows makes its object the one acted on
ACTED_ON = frozenset({"attack", "assault", "raid", "strike", "ambush", "crackdown", "sanction",
                      "embargo", "ban", "impose", "fire", "open", "launch"})  # fmt: skip
MODIFIERS = frozenset({"amod", "compound", "nmod"})
# modifiers that count or quantify, no part of the group's name
QUANTITY = frozenset({"several", "many", "some", "other", "few", "numerous", "various", "more",
                      "most", "all", "both", "hundreds", "thousands", "dozens", "millions",
                      "tens", "scores", "over", "about", "around", "nearly", "almost"})  # fmt: skip
SINGULAR_TAGS = frozenset({"NN", "NNP"})


@dataclass(frozen=True, slots=True)
class Collective:
    noun: str
    sector: str
    local: bool  # acts where the story happens
    modified: bool  # the bare noun is too vague to be an actor
    trade: bool = False  # only a noun (the trade: "shipping companies") or a state says which


@functools.cache
def collective_nouns() -> dict[str, Collective]:
    rows = data_rows("collective_nouns.tsv")
    return {
        r["noun"]: Collective(
            r["noun"], r["sector"], r["local"] == "yes", r["modified"] in ("yes", "noun"),
            r["modified"] == "noun",
        )  # fmt: skip
        for r in rows
    }


@functools.cache
def counted_nouns() -> dict[str, Collective]:
    """Nouns for people that make a group only where a number counts them (counted_nouns.tsv)."""
    rows = data_rows("counted_nouns.tsv")
    return {r["noun"]: Collective(r["noun"], r["sector"], True, False) for r in rows}


def collectives(
    doc: Doc, b: Builder, kb_hits: dict[int, tuple[Span, Entity, str]], claimed: set[int]
) -> None:
    """Group actors for acting collectives no earlier pass has explained."""
    nouns = collective_nouns()
    for tok in doc:
        kind = nouns.get(tok.lower_)
        if kind is None and tok.lower_ in counted_nouns() and (
            _counted(tok) and (_described(tok) or _crowd_acts(tok)) or _peoples(b, tok)
        ):
            kind = counted_nouns()[tok.lower_]
        if kind is None or tok.i in claimed or tok.i in kb_hits or tok.ent_type_:
            continue
        if not tok.is_lower and not _opens_sentence(tok) and tok.lower_ != "members":
            continue  # a name ("Conservatives" the party is a party word, not this)
        if tok.tag_ in SINGULAR_TAGS and not kind.modified and tok.tag_ != "NNP":
            continue  # the tagger calls a capitalised plural opening a sentence NNP
        if not _acts(tok) or any(c.dep_ == "poss" for c in tok.children):
            continue  # "his supporters": the people around a person (coref._circles)
        if member_tokens(tok):
            continue  # "countries including Chile and Peru" act through their members
        start = _phrase_start(tok, claimed)
        end = _members_of(tok) if tok.lower_ == "members" else _placed_end(tok)
        if kind.modified and start == tok.i and (end == tok.i + 1 or _on_object(tok)):
            continue  # "an attack on a camp in X": a place, unless its kind is said
        if kind.trade and not _trade_said(tok, kb_hits):
            continue  # "state-owned companies", "large companies": no trade, no state
        words = doc[start:end]
        name = " ".join(words.text.split())
        if _opens_sentence(doc[start]) and doc[start].pos_ != "PROPN":
            name = name[:1].lower() + name[1:]
        key = f"coll:{kind.noun}:{name.lower()}"
        proto = b.protos.get(key) or Proto(key=key, name=name, kind="group", sector=kind.sector)
        # "three Ugandan traders" where NER took the demonym for a name of its own
        people = [b.kb.demonym_at(c) for c in tok.children
                  if c.dep_ in MODIFIERS and c.i < start]  # fmt: skip
        # "U.S. defence companies": a state's name among the modifiers
        people += [kb_hits[c.i][1] for c in tok.children
                   if c.dep_ in MODIFIERS and c.i < start and c.i in kb_hits]  # fmt: skip
        state = next((e for e in people if e is not None and e.kind == "state"), None)
        if proto.country is None and state is not None:
            proto.country = state.country
        placed = _place_state(words) if end > tok.i + 1 and proto.country is None else None
        if placed is None and proto.country is None and kind.local:
            placed = _clause_place(tok)
        if placed is not None and not placed.international:
            proto.country = placed.country
        count = _count_of(tok)  # "Tens of thousands of students staged": the count acts
        first = count.left_edge.i if count is not None and count.left_edge.i < start else start
        if any(i in claimed for i in range(first, start)):
            first = start
        b.mention(proto, doc[first].idx, words.end_char)
        claimed.update(range(start, end))


def is_collective(proto: Proto) -> bool:
    return proto.key.startswith("coll:")


def is_local(proto: Proto) -> bool:
    """A collective that acts where the story happens ("supporters", "conservative groups")."""
    if not is_collective(proto):
        return False
    noun = proto.key.split(":")[1]
    kind = collective_nouns().get(noun) or counted_nouns().get(noun)
    return kind is not None and kind.local


def _acts(tok: Token) -> bool:
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in ACTING_DEPS:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != tok.head.i:
        count = tok.head.head  # "Hundreds of truck drivers blocked ...": the count acts
        if count.lower_ in QUANTITY or count.like_num:
            return _acts(count)
    if tok.dep_ == "pobj" and tok.head.lower_ == "on":
        return _acted_on(tok.head)
    return tok.dep_ == "pobj" and tok.head.lower_ in ACTING_PREPS


# counts of a population or a mass, not of a group that acts together ("a million people
# live there", "thousands of people tried to cross")
MASS_COUNTS = frozenset({"thousand", "thousands", "million", "millions", "billion", "billions"})


def _mass(tok: Token) -> bool:
    """A word of a count in thousands or more: "thousands", "million", "50,000"."""
    if tok.lower_ in MASS_COUNTS:
        return True
    digits = tok.text.replace(",", "")
    return digits.isdigit() and int(digits) >= 1000


def _counted(tok: Token) -> bool:
    """ "47 people", "two female employees", "hundreds of women", "several hundred people";
    not counted in thousands or millions (MASS_COUNTS)."""
    words = list(tok.doc[max(tok.left_edge.i, tok.i - 8):tok.i])
    count = _count_of(tok)
    if count is not None:
        words += list(count.subtree)
    if any(_mass(w) for w in words):
        return False
    if count is not None and count.lower_ not in QUANTITY - COUNT_NOUNS:
        return True
    return any(c.dep_ == "nummod" and c.like_num and c.lower_ != "one" for c in tok.children)


def _described(tok: Token) -> bool:
    """ "two female employees", "three strike leaders": words that say who they are."""
    return any(c.dep_ in MODIFIERS and c.i < tok.i and not c.like_num and c.is_alpha
               for c in tok.children)  # fmt: skip


# a demonym before these names the whole people ("Afghan people"), no group of it
WHOLE_PEOPLE = frozenset({"people", "persons"})


def _peoples(b: Builder, tok: Token) -> bool:
    """ "barred Afghan women from working": a demonym says whose women, men or employees
    they are."""
    if tok.lower_ in WHOLE_PEOPLE:
        return False
    return any(c.dep_ in MODIFIERS and c.i < tok.i and b.kb.demonym_at(c) is not None
               for c in tok.children)  # fmt: skip


def _crowd_acts(tok: Token) -> bool:
    """ "about 40 women gathered", "hundreds of people marched": the counted crowd is the
    subject of a verb of gathering or protest (crowd_verbs.tsv)."""
    count = _count_of(tok) or tok
    while count.dep_ == "conj" and count.head is not count:
        count = count.head
    return count.dep_ == "nsubj" and count.head.lemma_.lower() in _crowd_verbs()


@functools.cache
def _crowd_verbs() -> frozenset[str]:
    return frozenset(r["lemma"] for r in data_rows("crowd_verbs.tsv"))


def _trade_said(tok: Token, kb_hits: dict[int, tuple[Span, Entity, str]]) -> bool:
    """A noun modifier names the trade ("shipping companies"), or a state or demonym the
    owner ("U.S. defence companies", "Chinese companies")."""
    for c in tok.children:
        if c.dep_ not in MODIFIERS or c.i > tok.i:
            continue
        if c.dep_ == "compound" and c.is_lower and c.is_alpha or c.i in kb_hits:
            return True
    return False


def _on_object(tok: Token) -> bool:
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "on"


def _count_of(tok: Token) -> Token | None:
    """The count a collective is counted by, where the count stands in the sentence for it:
    "Hundreds of truck drivers", "Tens of thousands of students"."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.head.i == tok.head.i:
        return None
    count = tok.head.head
    while count.dep_ == "pobj" and count.head.lower_ == "of" and count.head.head.like_num is False \
            and count.head.head.lower_ in QUANTITY:  # fmt: skip
        count = count.head.head  # "tens" of "tens of thousands"
    return count if count.lower_ in QUANTITY or count.like_num else None


def _acted_on(on: Token) -> bool:
    """ "on" after an attack or sanction: "an attack on X", "imposed sanctions on X", also
    past the attacker ("an attack by rebels on X")."""
    head = on.head
    if head.lemma_.lower() in ACTED_ON:
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "by":
        return head.head.head.lemma_.lower() in ACTED_ON
    return False


def _phrase_start(tok: Token, claimed: set[int]) -> int:
    """The first word of the modifiers before the noun, articles and quantities left out
    ("Several conservative groups" -> "conservative groups")."""
    mods = [c for c in tok.children if c.dep_ in MODIFIERS and c.i < tok.i]
    start = min((c.left_edge.i for c in mods), default=tok.i)
    doc = tok.doc
    while start < tok.i and (
        doc[start].lower_ in QUANTITY
        or doc[start].like_num
        or doc[start].pos_ in ("DET", "PUNCT")
        or start in claimed
    ):
        start += 1
    verb = tok.head  # "fire on striking oil workers": a participle the parser took for a verb
    if tok.dep_ == "dobj" and verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.i == start - 1 \
            and not any(c.dep_ in ("prt", "dative", "xcomp") for c in verb.children):  # fmt: skip
        start = verb.i  # not "cutting farmers off from their fields": a verb and its object
    return start


def _opens_sentence(tok: Token) -> bool:
    """First word of its sentence, also after the blank line that opens a paragraph."""
    if tok.is_sent_start:
        return True
    return tok.i > 0 and tok.nbor(-1).is_space and (tok.i == 1 or bool(tok.nbor(-1).is_sent_start))


# "fishermen from the town of Masinloc": the kind of place before its name
PLACE_NOUNS = frozenset({"town", "city", "village", "province", "region", "island", "district"})


def _placed_end(tok: Token) -> int:
    """End of "fishermen in Natuna", "farmers from the village of X": the place they are in
    or come from names which ones they are ("from" may hang on a count before them)."""
    doc = tok.doc
    k = tok.i + 1
    if k + 1 < len(doc) and doc[k].lower_ == "at" and doc[k].head.i == tok.i:
        return _workplace_end(doc, k + 1) or tok.i + 1
    if k + 1 >= len(doc) or doc[k].lower_ not in ("in", "from", "on"):
        return tok.i + 1
    if doc[k].lower_ in ("in", "on") and doc[k].head.i != tok.i:
        return tok.i + 1
    at = k + 1
    named = at + 2 < len(doc) and doc[at].lower_ == "the" and doc[at + 1].lower_ in PLACE_NOUNS \
        and doc[at + 2].lower_ == "of"  # fmt: skip
    at += 3 if named else 0
    place = next((e for e in doc_ents(doc) if e.start == at), None)
    if place is None and doc[at].ent_type_ == "":
        place = _unlabelled_place(doc, at)
    elif place is not None and place.label_ in ("ORG", "PERSON") and _known_place(place.text):
        place = Span(doc, place.start, place.end, label="GPE")  # a place NER took for a name
    # after "the town of" any name is a place, whatever NER called it
    if place is None or place.label_ not in ("GPE", "LOC") and not named:
        return tok.i + 1
    return place.end


def _workplace_end(doc: Doc, at: int) -> int | None:
    """End of "workers at the Zawiya refinery", "staff at Mokpo port": a workplace named by
    its proper name and its kind (workplace_nouns.tsv) says which ones they are."""
    at += at < len(doc) and doc[at].lower_ == "the"
    end = at
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
        end += 1
    if end == at or end >= len(doc) or doc[end].lower_ not in _workplace_nouns():
        return None
    return end + 1


@functools.cache
def _workplace_nouns() -> frozenset[str]:
    from eventwire.actors.kb import data_rows

    return frozenset(r["noun"] for r in data_rows("workplace_nouns.tsv"))


def _known_place(name: str) -> bool:
    """A name the gazetteer places in a state and the knowledge base knows as no actor."""
    from eventwire.actors.kb import load_kb
    from eventwire.actors.national import place_state_of_name

    return load_kb().lookup(name) is None and place_state_of_name(name) is not None


def _unlabelled_place(doc: Doc, at: int) -> Span | None:
    """ "fishermen in Mokha" where NER found no entity: the capitalised proper nouns at `at`
    that the gazetteer knows as a place."""
    from eventwire.actors.national import place_state_of_name

    end = at
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title \
            and doc[end].ent_type_ == "":  # fmt: skip
        end += 1
    if end == at or place_state_of_name(doc[at:end].text) is None:
        return None
    return Span(doc, at, end, label="GPE")


def _place_state(words: Span) -> Entity | None:
    """The state of the place a collective's name ends with ("fishermen in Natuna"), by the
    gazetteer."""
    from eventwire.actors.national import place_state

    place = next((e for e in doc_ents(words.doc) if e.end == words.end), None)
    if place is None:
        k = words.end - 1
        while k > words.start and words.doc[k - 1].pos_ == "PROPN" and words.doc[k - 1].is_title:
            k -= 1
        place = _unlabelled_place(words.doc, k) if k > words.start else None
    return place_state(place) if place is not None and place.start > words.start else None


def _clause_place(tok: Token) -> Entity | None:
    """ "In Tehran, hundreds of students rallied", "veterans marched in Sarajevo": a local
    group acts in the place its verb is said to happen in."""
    from eventwire.actors.national import place_state

    verb = tok
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for pobj in prep.children:
            place = next((e for e in doc_ents(tok.doc) if e.start <= pobj.i < e.end), None)
            if pobj.dep_ == "pobj" and place is not None and place.label_ == "GPE":
                return place_state(place)
    return None


def _members_of(tok: Token) -> int:
    """End of "members of the House of Commons", "Members of Parliament"."""
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if prep is None:
        return tok.i + 1
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or not pobj.text[:1].isupper():
        return tok.i + 1
    return pobj.right_edge.i + 1


# words of a count that carry no number ("hundreds of", "dozens of", "tens of thousands of")
COUNT_NOUNS = frozenset({"hundreds", "thousands", "dozens", "tens", "scores", "millions"})
# words that hedge or bound a number ("about 40", "at least 14", "more than 100,000")
HEDGES = frozenset({"about", "around", "nearly", "almost", "some", "over", "roughly", "several",
                    "approximately", "least", "than", "up", "to", "a", "few", "only", "just",
                    "at", "more", "fewer", "less", "estimated", "an"})  # fmt: skip


def counted_names(doc: Doc, b: Builder) -> None:
    """ "Soldiers detained 47 Haitians", "about 40 women gathered": a people by its demonym,
    or a counted noun's group, first written with its count is named by the counted phrase,
    the way a reader refers to it ("the 47 Haitians"); uncounted, or counted in thousands
    or more (a population: "more than 50,000 ethnic Hungarians"), it keeps its name."""
    counted: list[tuple[int, str | None, Proto]] = []  # (end, number, group)
    for proto in list(b.protos.values()):
        if not proto.spans or not _named_by_count(proto):
            continue
        start, end = min(proto.spans)
        span = doc.char_span(start, end, alignment_mode="expand")
        first = _counted_start(doc, start, end)
        if span is None or first is None or any(_mass(t) for t in doc[first : span.end]):
            continue
        if proto.key.startswith("coll:"):  # "two female employees in X": the count and noun
            noun = proto.key.split(":")[1]
            end = next((t.idx + len(t) for t in span if t.lower_ == noun), end)
        name = " ".join(b.text[doc[first].idx : end].split())
        if _opens_sentence(doc[first]):
            name = name[:1].lower() + name[1:]
        proto.name = name
        counted.append((end, _number_of(doc, first, span.end), proto))
    _the_counted(doc, b, counted)


# what "the three" may name after it when it takes up a counted group ("the three men")
TAKEN_UP = frozenset({"men", "women", "people", "ones"})


def _number_of(doc: Doc, first: int, end: int) -> str | None:
    return next((t.lower_ for t in doc[first:end] if t.like_num), None)


def _the_counted(doc: Doc, b: Builder, counted: list[tuple[int, str | None, Proto]]) -> None:
    """ "detained three strike leaders ... charged the three ... release the three men":
    "the" and the same number, alone or before "men", "women", "people" or the group's
    noun, take up the last group counted so before it."""
    for tok in doc[1:]:
        if not tok.like_num or doc[tok.i - 1].lower_ != "the" or tok.lower_ == "one":
            continue
        earlier = [p for end, n, p in counted if n == tok.lower_ and end <= tok.idx]
        if not earlier:
            continue
        proto = earlier[-1]
        noun = proto.key.split(":")[1] if proto.key.startswith("coll:") else ""
        last = tok
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (nxt.lower_ in TAKEN_UP or nxt.lower_ == noun):
            last = nxt
        elif nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            continue  # "the three companies": other things counted
        if b.covered(tok.idx, last.idx + len(last)):
            continue
        b.mention(proto, doc[tok.i - 1].idx, last.idx + len(last))


def _named_by_count(proto: Proto) -> bool:
    """A group that, without its count, would name people at large: a people by its demonym
    ("Haitians" of "47 Haitians") or a counted noun ("about 40 women")."""
    if proto.kind != "group":
        return False
    parts = proto.key.split(":")
    return parts[0] == "people" or parts[0] == "coll" and parts[1] in counted_nouns()


def _counted_start(doc: Doc, start: int, end: int) -> int | None:
    """The first token of the count of the group mentioned at [start, end), or None when no
    number counts it: the count may open the mention ("hundreds of oil workers") or stand
    just before it ("47" of "47 Haitians", "about 40" of "about 40 women")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    k = span.start
    if _count_word(doc[k]) and k + 1 < span.end:
        return _hedged(doc, k)  # the mention opens with its count
    while k > 0 and _count_word(doc[k - 1]):
        k -= 1
    return _hedged(doc, k) if k < span.start else None


def _hedged(doc: Doc, k: int) -> int:
    while k > 0 and doc[k - 1].lower_ in HEDGES:
        k -= 1
    return k


def _count_word(tok: Token) -> bool:
    """A number ("47", "three", "several hundred") or a count noun with its "of"
    ("hundreds of"); "one" counts a person, not a group."""
    if tok.like_num:
        return tok.lower_ != "one" and tok.pos_ in ("NUM", "ADJ", "DET")
    if tok.lower_ in COUNT_NOUNS:
        return True
    return tok.lower_ == "of" and tok.i > 0 and tok.nbor(-1).lower_ in COUNT_NOUNS


# people named by where they live: the place is part of who they are
RESIDENT_NOUNS = frozenset({"residents", "villagers", "inhabitants", "townspeople"})


def placed_residents(doc: Doc, b: Builder) -> None:
    """ "In Mukalla, hundreds of residents demonstrated", "villagers protested in X": people
    named by where they live, first named without their place, are the residents of the
    place their clause happens in ("residents in X"), of its state."""
    from eventwire.actors.national import place_state

    for proto in b.protos.values():
        if proto.kind != "group" or proto.name.lower() not in RESIDENT_NOUNS or not proto.spans:
            continue
        span = doc.char_span(*min(proto.spans), alignment_mode="expand")
        if span is None:
            continue
        place = _opening_place(span.root) or _verb_place(span.root)
        if place is None:
            continue
        state = place_state(place)
        if state is None or state.international:
            continue
        proto.name = f"{proto.name} in {' '.join(place.text.split())}"
        proto.country = proto.country or state.country


def _opening_place(tok: Token) -> Span | None:
    """ "In X, residents ...": the place the sentence opens by placing itself in."""
    sent = tok.sent
    k = sent.start
    while k < tok.i and (tok.doc[k].is_space or tok.doc[k].is_punct):
        k += 1
    if tok.doc[k].lower_ != "in":
        return None
    place = next((e for e in doc_ents(tok.doc) if e.start == k + 1), None)
    if place is None or place.label_ != "GPE" or place.end >= tok.i:
        return None
    return place if tok.doc[place.end].text == "," else None


def _verb_place(tok: Token) -> Span | None:
    """ "residents protested in X": the place of the verb the group is the subject of."""
    count = _count_of(tok) or tok
    if count.dep_ != "nsubj":
        return None
    for prep in count.head.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for pobj in prep.children:
            place = next((e for e in doc_ents(tok.doc) if e.start <= pobj.i < e.end), None)
            if pobj.dep_ == "pobj" and place is not None and place.label_ == "GPE":
                return place
    return None
