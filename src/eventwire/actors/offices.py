"""Offices the text names by whose or what they are, without a proper name: "The regional
prosecutor's office charged the three", "the U.N. human rights office urged ...".

An "office" (lower case) that acts (the subject of its clause, or its agent after "by"),
after "the" and words that say what it is, is an organisation named by those words: an
office holder's title with its possessive ("the regional prosecutor's office", sector of
the title), or an international body's name and the office's remit ("the U.N. human rights
office", the body's code and no state). An office holder's office is of the story's state
where nothing else places it (nationality._national).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire.actors.builder import Builder, Proto
from eventwire.actors.kb import Entity

OFFICE_NOUNS = frozenset({"office"})


def offices(
    doc: Doc, b: Builder, kb_hits: dict[int, tuple[Span, Entity, str]], claimed: set[int]
) -> None:
    for tok in doc:
        if tok.lower_ not in OFFICE_NOUNS or tok.tag_ != "NN" or tok.i in claimed:
            continue
        if not _does(tok) or b.covered(tok.idx, tok.idx + len(tok)):
            continue
        found = _holders_office(doc, b, tok) or _bodys_office(doc, tok, kb_hits)
        if found is None:
            continue
        start, proto = found
        own = kb_hits[start][0].end if start in kb_hits else start  # the body's name
        if any(i in claimed for i in range(own, tok.i)):
            continue
        b.mention(proto, doc[start].idx, tok.idx + len(tok))
        claimed.update(range(start, tok.i + 1))


def _does(tok: Token) -> bool:
    """The office does what the clause says: its subject, or the agent after "by" (cited as
    a source, "citing the mayor's office", it is none)."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "nsubj":
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.dep_ == "agent"


def is_holders_office(proto: Proto) -> bool:
    """An office holder's office ("the regional prosecutor's office"): of the story's state
    where nothing else places it."""
    return proto.key.startswith("office::")


def _opening(doc: Doc, tok: Token) -> int | None:
    """First word after the article of the phrase the office heads ("the regional ...")."""
    k = tok.left_edge.i
    if doc[k].lower_ != "the" or k + 1 >= tok.i:
        return None
    return k + 1


def _holders_office(doc: Doc, b: Builder, tok: Token) -> tuple[int, Proto] | None:
    """ "the regional prosecutor's office": an office holder's title, possessive, before it."""
    start = _opening(doc, tok)
    if start is None or doc[tok.i - 1].tag_ != "POS" or tok.i - 2 < start:
        return None
    title = doc[tok.i - 2]
    role = b.kb.roles.get(title.lower_)
    if role is None or role.refers != "person" or not title.is_lower:
        return None
    if any(not (t.is_lower and t.is_alpha) for t in doc[start : tok.i - 2]):
        return None  # "the Prime Minister's office", "Smith's office": a person's, not a body
    name = doc[start : tok.i + 1].text
    key = f"office::{name.lower()}"
    return start, b.protos.get(key) or Proto(key=key, name=name, kind="organisation",
                                              sector=role.sector)  # fmt: skip


def _bodys_office(
    doc: Doc, tok: Token, kb_hits: dict[int, tuple[Span, Entity, str]]
) -> tuple[int, Proto] | None:
    """ "the U.N. human rights office": an international body's name, then the remit."""
    start = _opening(doc, tok)
    if start is None or start not in kb_hits:
        return None
    span, body, _ = kb_hits[start]
    if body.kind != "organisation" or not body.international or span.end >= tok.i:
        return None
    if any(not (t.is_lower and t.is_alpha) for t in doc[span.end : tok.i]):
        return None  # the remit is written in lower-case words
    name = " ".join(doc[start : tok.i + 1].text.split())
    key = f"office:{body.id}:{name.lower()}"
    return start, Proto(key=key, name=name, kind="organisation", affiliation=body.name,
                        code=body.code, sector=body.sector)  # fmt: skip
