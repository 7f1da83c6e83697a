"""States, provinces and regions of a federation as actors: "a lawsuit filed by Texas",
"the state of Pennsylvania", "Quebec sued Ottawa", "Michigan's final certification".

They are of kind `state`, with the country and code of their federation (the CAMEO
dictionaries, too, list a federation's states as names of the country). A place named as
where something happens ("rallies in Texas") or as a modifier ("Texas governor X",
"Kenosha, Wisconsin") is no actor. The gazetteer says which names are such divisions.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire.actors.builder import Builder, Proto
from eventwire.actors.kb import Entity, load_kb
from eventwire.actors.national import Story

# where a name acts or is acted on, not where something happens
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "poss"})
# "filed by Texas", "a lawsuit against Montana", "talks with Ontario"
ACTING_PREPS = frozenset({"by", "against", "with"})
# "the state of Pennsylvania"
DIVISION_NOUNS = frozenset({"state", "province", "commonwealth", "territory", "region"})
LABELS = frozenset({"GPE", "ORG", "PERSON", "NORP"})


def federated_actors(doc: Doc, b: Builder, ents: list[Span], story: Story,
                     claimed: set[int]) -> None:  # fmt: skip
    """Acting divisions of a federation become state actors of the federation."""
    untagged = _untagged_divisions(doc, story.home, claimed) if story.home is not None else []
    for ent in [*ents, *untagged]:
        if ent.label_ not in LABELS or any(i in claimed for i in range(ent.start, ent.end)):
            continue
        federation = federation_of(ent.text, story)
        if federation is None or not _acts(ent.root):
            continue
        name = " ".join(ent.text.split())
        key = f"fed:{name.lower()}"
        proto = b.protos.get(key) or Proto(
            key=key, name=name, kind="state", country=federation.country,
            code=federation.code, sector="GOV",
        )  # fmt: skip
        b.mention(proto, ent.start_char, ent.end_char)
        claimed.update(range(ent.start, ent.end))


def _untagged_divisions(doc: Doc, home: Entity, claimed: set[int]) -> list[Span]:
    """"Ontario backed the suit" where the tagger found no entity: a lone capitalised
    proper noun outside every entity, not opening a name, that the gazetteer knows only as
    a division of the story's own federation, read as the GPE it is."""
    spans = []
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.ent_type_ or not tok.is_title or tok.i in claimed:
            continue
        if any(c.dep_ == "compound" for c in tok.children) or tok.dep_ == "compound":
            continue  # part of a longer name
        span = Span(doc, tok.i, tok.i + 1, label="GPE")
        federation = federation_of(tok.text, Story())
        if federation is not None and federation.id == home.id:
            spans.append(span)
    return spans


def federation_of(name: str, story: Story) -> Entity | None:
    """The federation a state, province or region of this name belongs to; None for a
    country's name (unless the story uses it for a federated state: "Georgia") and for
    names of divisions in several countries."""
    from eventwire.geo.gazetteer import get_gazetteer

    if name.lower() in story.federated:
        return story.federated[name.lower()]
    entries = get_gazetteer().lookup(name)
    if any(e.kind == "country" for e in entries):
        return None
    countries = {e.country for e in entries if e.kind == "admin" and e.country}
    if len(countries) != 1:
        return None
    return load_kb().entities.get(countries.pop())


def _acts(root: Token) -> bool:
    while root.dep_ == "conj" and root.head is not root:
        root = root.head  # "Ohio and Michigan asked ...": as the first conjunct
    if root.dep_ in ACTING_DEPS:
        return True
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in ACTING_PREPS:
        return True
    return prep.lower_ == "of" and prep.head.lower_ in DIVISION_NOUNS
