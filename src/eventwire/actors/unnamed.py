"""Actors named by what they are, not by name: "a French minister", "the Palestinians",
"Iraqi Kurds". Run after role nouns have taken up the people named earlier, so "the Serbian
president" after "Serbian President Aleksandar Vucic" stays Vucic.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from eventwire.actors.builder import Builder, Proto
from eventwire.actors.kb import Entity, Role, demonym_run

POSSESSIVE = frozenset({"'s", "\u2019s"})
PLURAL = frozenset({"NNS", "NNPS"})
INDEFINITE = frozenset({"a", "an", "one", "another"})
# words before a nationality's plural that name a people ("ethnic Armenians")
PEOPLE_WORDS = frozenset({"ethnic"})


def _owner(
    doc: Doc, start: int, kb_hits: dict[int, tuple[Span, Entity, str]]
) -> tuple[int, Entity] | None:
    """The state or body named right before `start` ("French", "NATO", "Iraq's")."""
    k = start - 1
    if k >= 1 and doc[k].text in POSSESSIVE:
        k -= 1
    if k not in kb_hits or kb_hits[k][2] == "capital":
        return None
    hit, entity, _ = kb_hits[k]
    return hit.start, entity


def _indefinite_before(doc: Doc, start: int) -> bool:
    """An indefinite article before `start`, over lower-case adjectives ("a senior French
    minister")."""
    k = start - 1
    while k >= 0 and doc[k].is_lower and doc[k].pos_ == "ADJ":
        k -= 1
    return k >= 0 and doc[k].lower_ in INDEFINITE


def unnamed_holders(
    doc: Doc,
    b: Builder,
    role_spans: list[tuple[Span, Role]],
    kb_hits: dict[int, tuple[Span, Entity, str]],
    title_roles: set[int],
    claimed: set[int],
) -> None:
    """ "A French minister threatened ...": a title with its state or body and no name is
    an actor of its own, the holder of that office there."""
    for sp, role in role_spans:
        if role.refers != "person" or sp.start in title_roles:
            continue
        if any(i in claimed for i in range(sp.start, sp.end)) or sp[-1].pos_ != "NOUN":
            continue
        if sp.end < len(doc) and doc[sp.end].pos_ == "PROPN":
            continue  # a title before a name NER did not find
        owner = _owner(doc, sp.start, kb_hits)
        if owner is None or any(i in claimed for i in range(owner[0], sp.start)):
            continue
        # only an indefinite one is somebody new: "the American ambassador" is someone known
        # to the reader, too often the person a pronoun means to be taken as a new actor
        if not _indefinite_before(doc, owner[0]):
            continue
        start, entity = owner
        name = " ".join(doc[start : sp.end].text.split())
        proto = b.protos.get(f"one:{entity.id}:{role.role}") or Proto(
            key=f"one:{entity.id}:{role.role}",
            name=name,
            kind="person",
            country=None if entity.international else entity.country,
            affiliation=entity.name if entity.kind == "organisation" else None,
            role=role.role,
            code=entity.code,
            sector=role.sector,
        )
        b.mention(proto, doc[start].idx, sp.end_char)
        claimed.update(range(start, sp.end))


def peoples(doc: Doc, b: Builder, kb_hits: dict[int, tuple[Span, Entity, str]],
            claimed: set[int]) -> None:  # fmt: skip
    """ "The Palestinians reject ...", "Iraqi Kurds": a nationality or an ethnic group as a
    plural noun is a group actor, of the state its demonym names."""
    for tok in doc:
        if tok.i in claimed or tok.tag_ not in PLURAL or not tok.is_title:
            continue
        if tok.dep_ in ("compound", "amod"):
            continue  # "Palestinians' rights" still counts; "Kurds rally" does not
        # "Sri Lankans", "South Sudanese": a plural demonym, of one word or several
        run = demonym_run(tok, lambda w: b.kb.demonym(w[:-1]) if w.endswith("s") else None)
        entity = run[1] if run is not None else None
        start = run[0] if run is not None and not any(
            i in claimed for i in range(run[0], tok.i)) else tok.i  # fmt: skip
        if entity is None and tok.ent_type_ == "NORP" and b.kb.lookup(tok.text) is None:
            # "Iraqi Kurds": an ethnic group with the state it lives in
            owner = _owner(doc, tok.i, kb_hits)
            if owner is None or owner[1].kind != "state" or tok.i - 1 in claimed:
                continue
            start, entity = owner
        if entity is None or entity.kind != "state":
            continue
        if start > 0 and doc[start - 1].lower_ in PEOPLE_WORDS and start - 1 not in claimed:
            start -= 1  # "ethnic Armenians": a people, named so
        name = " ".join(doc[start : tok.i + 1].text.split())
        if start < tok.i and doc[start].is_sent_start:
            name = name[:1].lower() + name[1:]
        key = f"people:{entity.id}:{name.lower()}"
        proto = b.protos.get(key) or Proto(
            key=key, name=name, kind="group", country=entity.country, code=entity.code
        )
        b.mention(proto, doc[start].idx, tok.idx + len(tok))
        claimed.update(range(start, tok.i + 1))


# envoys a state sends: "the Cambodian ambassador" with no name stands for the state
ENVOY_ROLES = frozenset({"ambassador", "envoy", "special envoy"})


def definite_envoys(
    doc: Doc,
    b: Builder,
    role_spans: list[tuple[Span, Role]],
    kb_hits: dict[int, tuple[Span, Entity, str]],
    title_roles: set[int],
    claimed: set[int],
) -> None:
    """ "summoned the Cambodian ambassador": a definite envoy of a state, named by its demonym,
    where no person in the text holds that title, is a mention of the state that sent it.
    Run after role nouns have taken up the envoys named earlier."""
    held = {role.role.lower() for sp, role in role_spans if sp.start in title_roles}
    held |= {p.role.lower() for p in b.protos.values() if p.kind == "person" and p.role}
    for sp, role in role_spans:
        phrase = sp.text.lower()
        if phrase not in ENVOY_ROLES or role.role.lower() in held or sp.start in title_roles:
            continue
        if any(i in claimed for i in range(sp.start, sp.end)) or sp[-1].pos_ != "NOUN":
            continue
        if sp.end < len(doc) and doc[sp.end].pos_ == "PROPN":
            continue  # a title before a name NER did not find
        if any(c.dep_ == "appos" for c in sp.root.children):
            continue  # "the ambassador, X": a named person
        if sp.root.dep_ != "dobj":
            continue  # summoned, expelled, recalled: an act aimed at the state that sent them
        owner = _owner(doc, sp.start, kb_hits)
        if owner is None or owner[1].kind != "state":
            continue
        start, entity = owner
        if start == 0 or doc[start - 1].lower_ != "the" or start != sp.start - 1:
            continue  # "the Cambodian ambassador" ("Peru's envoy" is a mention of Peru)
        if start in claimed or b.covered(doc[start].idx, sp.end_char):
            continue
        b.mention_entity(entity, doc[start].idx, sp.end_char)
        claimed.update(range(start, sp.end))
