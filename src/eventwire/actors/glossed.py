"""Names the text glosses by what they are, where NER found no body: "EUFOR, the European
Union peacekeeping force, said", "Aspides, the EU's naval mission in the Red Sea", "the three
European powers, known as the E3", "a coalition of Gulf states (dubbed the Quad)".

A capitalised name in apposition with a noun phrase headed by an organisation noun
(gloss_nouns.tsv, and the class nouns of org_descriptors.tsv) is an organisation; a name a
plural gloss of states is "known as", "called" or "dubbed" is a group of them. Later bare
uses of the name are the same actor; a state or place in the gloss gives its country.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from eventwire.actors.builder import Builder, Proto
from eventwire.actors.descriptors import _locate, _repeats
from eventwire.actors.filters import is_place_name, not_an_actor
from eventwire.actors.kb import Entity, data_rows

# NER labels a glossed name may carry (an unknown acronym is often a product or a work)
NAME_LABELS = frozenset({"", "ORG", "PRODUCT", "WORK_OF_ART"})
ARTICLES = frozenset({"the", "a", "an"})
# words inside a gloss before its head noun
GLOSS_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})
# "known as the E3", "dubbed the Quad", "called Aukus"
NAMING = {"known": "as", "dubbed": "", "called": ""}
MAX_NAME = 5
NAME_PARTICLES = frozenset({"of", "for", "and", "&", "de", "du", "la", "al"})


@functools.cache
def gloss_nouns() -> dict[str, str]:
    nouns = {r["noun"]: r["kind"] for r in data_rows("gloss_nouns.tsv")}
    for r in data_rows("org_descriptors.tsv"):
        nouns.setdefault(r["noun"], "organisation")
    return nouns


def glossed_names(
    doc: Doc, b: Builder, kb_hits: dict[int, tuple[Span, Entity, str]], claimed: set[int]
) -> None:
    nouns = gloss_nouns()
    for tok in doc:
        if tok.text == ",":
            name = _name_before(doc, tok.i, kb_hits, claimed)
            gloss = _gloss_after(doc, tok.i + 1, nouns) if name is not None else None
            if name is not None and gloss is not None and _appositive(name, gloss):
                _glossed(doc, b, name, gloss, nouns[gloss.root.lower_], kb_hits, claimed, False)
        elif tok.lower_ in NAMING and _opening(tok) is not None:
            _named_as(doc, b, tok, nouns, kb_hits, claimed)


def _capitalised(tok: Token) -> bool:
    """A word of a name: a proper noun, an acronym ("EUFOR", "E3"), or a capitalised noun
    the tagger did not know ("Aspides")."""
    if not tok.text[:1].isupper() or not (tok.is_alpha or tok.text.isalnum()):
        return False
    if tok.tag_ in ("NNP", "NNPS") or (tok.is_upper and len(tok) > 1):
        return True
    return tok.pos_ == "NOUN" and tok.is_title


def _name_before(
    doc: Doc, comma: int, kb_hits: dict[int, tuple[Span, Entity, str]], claimed: set[int]
) -> Span | None:
    start = comma
    while start > 0 and comma - start < MAX_NAME and _capitalised(doc[start - 1]):
        start -= 1
        if doc[start].is_sent_start:
            break
    if start == comma or _longer_name(doc, start):
        return None
    return _usable(doc[start:comma], kb_hits, claimed)


def _longer_name(doc: Doc, start: int) -> bool:
    """The run ends a longer name: "Just Stop Traffic" (a capitalised word of another part of
    speech before it), "Party of Working People" (a particle between capitalised words)."""
    if start == 0:
        return False
    before = doc[start - 1]
    if before.is_alpha and before.text[:1].isupper():
        return True
    return before.lower_ in NAME_PARTICLES and start > 1 and doc[start - 2].text[:1].isupper()


def _usable(
    span: Span, kb_hits: dict[int, tuple[Span, Entity, str]], claimed: set[int]
) -> Span | None:
    """A name no earlier pass explained, that is no place, thing or title."""
    from eventwire.actors.kb import load_kb

    if any(t.i in claimed or t.i in kb_hits or t.ent_type_ not in NAME_LABELS for t in span):
        return None
    kb = load_kb()
    if any(t.lower_ in kb.roles or t.lower_ in gloss_nouns() for t in span):
        return None
    text = " ".join(span.text.split())
    if not_an_actor(text) or is_place_name(text) or kb.lookup(text) is not None:
        return None
    return span


def _gloss_after(doc: Doc, k: int, nouns: dict[str, str]) -> Span | None:
    """ "the European Union peacekeeping force", "the EU's naval mission": an article, then
    modifiers (names and possessives among them), then the head noun."""
    if k >= len(doc) or doc[k].lower_ not in ARTICLES:
        return None
    end = k + 1
    while end < len(doc) and (
        doc[end].pos_ in GLOSS_POS or doc[end].tag_ == "POS" or doc[end].text == "-"
    ):
        end += 1
    head = doc[end - 1]
    if end == k + 1 or not head.is_lower or head.lower_ not in nouns:
        return None
    if end < len(doc) and doc[end].tag_ == "POS":
        return None  # "the force's commander": what the gloss is of
    return doc[k:end]


def _appositive(name: Span, gloss: Span) -> bool:
    """The gloss describes the name: the parser says so, or the gloss is closed off by a
    comma, a full stop or a preposition, as an apposition is."""
    head = gloss.root
    if head.dep_ == "appos" and name.start <= head.head.i < name.end:
        return True
    doc = gloss.doc
    if gloss.end >= len(doc):
        return True
    nxt = doc[gloss.end]
    return nxt.text in (",", ".", ";", ")") or nxt.pos_ == "ADP"


def _opening(tok: Token) -> int | None:
    """The comma or bracket that opens "known as ..." ("also known as" too)."""
    k = tok.i - 1
    if k > 0 and tok.doc[k].lower_ == "also":
        k -= 1
    return k if k > 0 and tok.doc[k].text in (",", "(") else None


def _named_as(
    doc: Doc,
    b: Builder,
    tok: Token,
    nouns: dict[str, str],
    kb_hits: dict[int, tuple[Span, Entity, str]],
    claimed: set[int],
) -> None:
    """ "the three European powers, known as the E3": the gloss before, the name after."""
    k = tok.i + 1
    if NAMING[tok.lower_]:
        if k >= len(doc) or doc[k].lower_ != NAMING[tok.lower_]:
            return
        k += 1
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    end = k
    while end < len(doc) and end - k < MAX_NAME and _capitalised(doc[end]):
        end += 1
    if end == k:
        return
    name = _usable(doc[k:end], kb_hits, claimed)
    opening = _opening(tok)
    head = doc[opening - 1] if opening is not None and opening > 0 else tok
    if name is None or not head.is_lower or head.lower_ not in nouns:
        return
    gloss = doc[head.left_edge.i : head.i + 1]
    if any(t.i in claimed for t in gloss):
        return
    _glossed(doc, b, name, gloss, nouns[head.lower_], kb_hits, claimed, True)


def _glossed(
    doc: Doc,
    b: Builder,
    name: Span,
    gloss: Span,
    kind: str,
    kb_hits: dict[int, tuple[Span, Entity, str]],
    claimed: set[int],
    mention_gloss: bool,
) -> None:
    text = " ".join(name.text.split())
    key = f"org:{text.lower()}"
    proto = b.protos.get(key) or Proto(
        key=key, name=text, kind="group" if kind == "group" else "organisation"
    )
    b.mention(proto, name.start_char, name.end_char)
    claimed.update(range(name.start, name.end))
    if mention_gloss:  # "the three European powers": the group itself, named before its name
        b.mention(proto, gloss.start_char, gloss.end_char)
        claimed.update(range(gloss.start, gloss.end))
    if kind == "organisation":
        _locate(gloss[:-1], proto, kb_hits)
    _repeats(doc, b, proto, [t.text for t in name], claimed)
