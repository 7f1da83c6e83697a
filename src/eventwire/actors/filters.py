"""Names that are not actors: places NER took for people or bodies, things, time zones.

NER labels "Jolo" or "Omsk" PERSON/ORG often enough in news; the gazetteer knows them as
places. Only exact place names count (not gazetteer aliases), and a city only when large,
so surnames that happen to be villages stay people. A name the text itself uses only as a
place ("the X crossing", "the border city of X", "X port") and never as one who acts
is no actor either, known to the gazetteer or not (`placed_names`, data/place_words.tsv). A
locative preposition alone ("near X", "escorted to X") is not taken as enough: measured, it
moved the trained coder's out-of-fold target accuracy below its floor (issue i12o).
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from eventwire.actors.kb import data_rows, load_kb
from eventwire.geo.gazetteer import get_gazetteer
from eventwire.geo.gazetteer import normalise as place_key

MIN_CITY = 100_000  # smaller towns share names with too many surnames
TARGET_PREPS = frozenset({"on", "against"})  # "an attack on the town of X"


@functools.lru_cache(maxsize=4096)
def is_place_name(text: str) -> bool:
    key = place_key(text)
    for entry in get_gazetteer().lookup(text):
        if place_key(entry.name) != key:
            continue
        if entry.kind in ("country", "admin", "region") or entry.population >= MIN_CITY:
            return True
    return False


def not_an_actor(text: str) -> bool:
    kb = load_kb()
    return kb.is_region(text) or kb.is_non_actor(text)


@functools.cache
def _place_words() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in data_rows("place_words.tsv"):
        out.setdefault(row["use"], set()).add(row["word"])
    return {use: frozenset(words) for use, words in out.items()}


def placed_names(doc: Doc, ents: list[Span]) -> set[str]:
    """Names NER tagged PERSON or ORG that the text only uses as places: a mention is
    described as a place ("the X crossing", "X port", "the border city of X", "the outskirts
    of X", and the names coordinated with one) and no mention acts (the subject of
    a verb other than "be", "lie" and the like, a passive's agent, a possessor, a polity with
    officials: "the governor of X")."""
    words = _place_words()
    out: set[str] = set()
    names = {e.text: tuple(t.text for t in e) for e in ents if e.label_ in ("PERSON", "ORG")}
    for text, tokens in names.items():
        kinds = {_mention_kind(doc[s:e], words) for s, e in _mentions(doc, tokens)}
        if "place" in kinds and "acts" not in kinds:
            out.add(text)
    return out


TEXT_INDEX_KEY = "eventwire.actors.token_texts"


def _positions(doc: Doc) -> dict[str, list[int]]:
    """Where each token text stands in the document, read once per document (both filters
    look names up in it; a Token is built on every doc[i])."""
    index: dict[str, list[int]] | None = doc.user_data.get(TEXT_INDEX_KEY)
    if index is None:
        index = {}
        for tok in doc:
            index.setdefault(tok.text, []).append(tok.i)
        doc.user_data[TEXT_INDEX_KEY] = index
    return index


def _mentions(doc: Doc, words: tuple[str, ...]) -> list[tuple[int, int]]:
    n = len(words)
    return [
        (i, i + n) for i in _positions(doc).get(words[0], [])
        if i + n <= len(doc) and tuple(t.text for t in doc[i : i + n]) == words
    ]  # fmt: skip


def _mention_kind(span: Span, words: dict[str, frozenset[str]]) -> str:
    doc = span.doc
    root = span.root
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text in ("'s", "\u2019s", "'", "\u2019"):
        return "acts"
    if root.dep_ == "poss":
        return "acts"
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ not in words.get("still", ()):
        return "acts"
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return "acts"
    if after is not None and after.is_lower and after.lower_ in words.get("after", ()):
        return "place"
    first = root
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    if first.dep_ != "pobj" or first.head.lower_ != "of":
        return "other"
    head = first.head.head
    if head.lower_ in load_kb().roles:
        return "acts"  # "the governor of X": a polity with its own officials
    if head.is_lower and head.lower_ in words.get("within", ()):
        return "place"
    if head.is_lower and head.lower_ in words.get("of", ()):
        # "visited the town of X", "a raid on the city of X": the place is the target
        return "acts" if head.dep_ == "dobj" or _target_prep(head.head) else "place"
    return "other"


def _target_prep(prep: Token) -> bool:
    """ "an attack on", "a raid against": a preposition after a noun that takes a target."""
    return prep.lower_ in TARGET_PREPS and prep.head.pos_ == "NOUN"


MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# "the Amal militia", "the Wagner group": before these nouns, after "the", a name names the body
BODY_HEADS = frozenset({
    "army", "brigade", "cartel", "faction", "front", "gang", "group", "militia", "movement",
    "network", "organisation", "organization", "party",
})  # fmt: skip


def modifier_names(doc: Doc, ents: list[Span]) -> set[str]:
    """One-word names NER tagged PERSON or ORG that the text only uses to modify a common
    noun: a people's or language group's name ("Bedouin fighters", "an Afar town", "the
    Anglophone regions", "Druze-Bedouin clashes"). The group it modifies may act; the word
    alone names no one. A word that is part of a longer name in the text (a person's
    surname: "the Smith campaign" after "John Smith"), or names one body ("the Amal
    militia") is left alone."""
    parts = {t.text for e in ents if len(e) > 1 and e.label_ == "PERSON" for t in e}
    out: set[str] = set()
    for text in {e.text for e in ents if e.label_ in ("PERSON", "ORG") and len(e) == 1}:
        if text in parts or not text[:1].isupper():
            continue
        found = [doc[i] for i in _positions(doc).get(text, [])]
        if found and all(_modifies_noun(t) and not _names_body(t) for t in found):
            out.add(text)
    return out


def _names_body(tok: Token) -> bool:
    """ "the Amal militia": the name of one body, not a people's ("a Hutu militia")."""
    head = tok.head
    return head.lower_ in BODY_HEADS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.children
    )


def _modifies_noun(tok: Token) -> bool:
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == "-" and not tok.whitespace_:
        return True  # "Druze-Bedouin clashes"
    if tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_:
        return True
    head = tok.head
    return (
        tok.dep_ in MODIFIER_DEPS
        and tok.i < head.i <= tok.i + 3
        and head.tag_ in ("NN", "NNS")
        and head.is_lower
    )
