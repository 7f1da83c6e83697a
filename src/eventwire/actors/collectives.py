"""Collectives the text names by what they are: "conservative groups", "supporters",
"private property owners", "Republican national security experts", "the opposing military
political party", "Members of the House of Commons".

A phrase headed by a collective noun (collective_nouns.tsv) is a group actor where it acts or
is acted on: a subject, a direct object, or the object of "by", "against" or "with". Its name
is the phrase without articles, numbers and words of quantity ("Several conservative groups"
is "conservative groups"); "members" keeps what they are members of. Its country comes from
what the text says (nationality.py): a demonym, a party word or a place in the phrase, else,
for a group that acts where the story happens, the story's state.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.actors.builder import Builder, Proto
from eventwire.actors.coref import member_tokens
from eventwire.actors.kb import Entity, data_rows

ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
ACTING_PREPS = frozenset({"by", "against", "with"})
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


@functools.cache
def collective_nouns() -> dict[str, Collective]:
    return {
        r["noun"]: Collective(r["noun"], r["sector"], r["local"] == "yes", r["modified"] == "yes")
        for r in data_rows("collective_nouns.tsv")
    }


def collectives(
    doc: Doc, b: Builder, kb_hits: dict[int, tuple[Span, Entity, str]], claimed: set[int]
) -> None:
    """Group actors for acting collectives no earlier pass has explained."""
    nouns = collective_nouns()
    for tok in doc:
        kind = nouns.get(tok.lower_)
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
        if kind.modified and start == tok.i and end == tok.i + 1:
            continue
        words = doc[start:end]
        name = " ".join(words.text.split())
        if _opens_sentence(doc[start]) and doc[start].pos_ != "PROPN":
            name = name[:1].lower() + name[1:]
        key = f"coll:{kind.noun}:{name.lower()}"
        proto = b.protos.get(key) or Proto(key=key, name=name, kind="group", sector=kind.sector)
        # "three Ugandan traders" where NER took the demonym for a name of its own
        people = [b.kb.demonym(c.text) for c in tok.children
                  if c.dep_ in MODIFIERS and c.i < start and c.text[:1].isupper()]  # fmt: skip
        state = next((e for e in people if e is not None and e.kind == "state"), None)
        if proto.country is None and state is not None:
            proto.country = state.country
        placed = _place_state(words) if end > tok.i + 1 and proto.country is None else None
        if placed is not None and not placed.international:
            proto.country = placed.country
        b.mention(proto, words.start_char, words.end_char)
        claimed.update(range(start, end))


def is_collective(proto: Proto) -> bool:
    return proto.key.startswith("coll:")


def is_local(proto: Proto) -> bool:
    """A collective that acts where the story happens ("supporters", "conservative groups")."""
    if not is_collective(proto):
        return False
    kind = collective_nouns().get(proto.key.split(":")[1])
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
    return tok.dep_ == "pobj" and tok.head.lower_ in ACTING_PREPS


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
    if k + 1 >= len(doc) or doc[k].lower_ not in ("in", "from"):
        return tok.i + 1
    if doc[k].lower_ == "in" and doc[k].head.i != tok.i:
        return tok.i + 1
    at = k + 1
    named = at + 2 < len(doc) and doc[at].lower_ == "the" and doc[at + 1].lower_ in PLACE_NOUNS \
        and doc[at + 2].lower_ == "of"  # fmt: skip
    at += 3 if named else 0
    place = next((e for e in doc.ents if e.start == at), None)
    # after "the town of" any name is a place, whatever NER called it
    if place is None or place.label_ not in ("GPE", "LOC") and not named:
        return tok.i + 1
    return place.end


def _place_state(words: Span) -> Entity | None:
    """The state of the place a collective's name ends with ("fishermen in Natuna"), by the
    gazetteer."""
    from eventwire.actors.national import place_state

    place = next((e for e in words.doc.ents if e.end == words.end), None)
    return place_state(place) if place is not None and place.start > words.start else None


def _members_of(tok: Token) -> int:
    """End of "members of the House of Commons", "Members of Parliament"."""
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if prep is None:
        return tok.i + 1
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or not pobj.text[:1].isupper():
        return tok.i + 1
    return pobj.right_edge.i + 1
