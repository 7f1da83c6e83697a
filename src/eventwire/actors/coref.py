"""Within-document references, by rule: pronouns, role nouns, type nouns, "its".

No packaged coreference model works offline, so these rules are deliberately narrow: each
links a reference to an actor already named in the document, or leaves it alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire.actors.builder import Builder, Proto
from eventwire.actors.kb import Entity, Role

PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
FEMININE = frozenset({"she", "her", "hers", "herself"})
DETERMINERS = frozenset({"the"})
# general nouns that refer back to the most recent state
STATE_NOUNS = frozenset({"country", "government", "state", "nation"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def resolve_references(
    doc: Doc,
    b: Builder,
    role_spans: list[tuple[Span, Role]],
    kb_hits: dict[int, tuple[Span, Entity, str]],
    title_roles: set[int],
    claimed: set[int],
) -> None:
    _role_nouns(doc, b, role_spans, kb_hits, title_roles, claimed)
    _type_nouns(doc, b, claimed)
    _pronouns(doc, b, claimed)
    _its(doc, b, claimed)
    _they(doc, b, claimed)
    _possessed_government(doc, b, claimed)


PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})


def _they(doc: Doc, b: Builder, claimed: set[int]) -> None:
    """they/their -> a collective named in a subject of this or the previous sentence
    ("The Coast Guard said their ...", "USCIRF criticised ... They released")."""
    sents = list(doc.sents)
    index = {s.start: n for n, s in enumerate(sents)}
    for tok in doc:
        if tok.lower_ not in PLURAL_PRONOUNS or tok.i in claimed:
            continue
        n = index[tok.sent.start]
        proto = _subject_actor(b, tok.sent, before=tok.i)
        if proto is None and n > 0:
            proto = _subject_actor(b, sents[n - 1], before=sents[n - 1].end)
        if proto is not None:
            b.mention(proto, tok.idx, tok.idx + len(tok))
            claimed.add(tok.i)


def _subject_actor(b: Builder, sent: Span, before: int) -> Proto | None:
    """The last non-person actor inside a subject phrase of `sent` ending before `before`."""
    found: Proto | None = None
    for tok in sent:
        if tok.i >= before or tok.dep_ not in SUBJECTS or tok.lower_ in PLURAL_PRONOUNS:
            continue
        sub = list(tok.subtree)
        lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1])
        for start, end, proto in b.ordered_mentions():
            if lo <= start and end <= hi and proto.kind != "person":
                found = proto
                if start <= tok.idx < end:
                    break  # the head itself names the actor
    return found


def _possessed_government(doc: Doc, b: Builder, claimed: set[int]) -> None:
    """ "their government", "its government" -> the state the possessive stands for."""
    for tok in doc[1:]:
        pron = doc[tok.i - 1]
        if tok.lower_ not in STATE_NOUNS or pron.lower_ not in ("their", "its") or tok.i in claimed:
            continue
        for start, _end, proto in b.ordered_mentions():
            if start == pron.idx and proto.kind == "state":
                b.mention(proto, pron.idx, tok.idx + len(tok))
                claimed.add(tok.i)
                break


def _before(b: Builder, char: int, want: set[str] | None = None, kind: str | None = None,
            not_gender: str | None = None) -> Proto | None:  # fmt: skip
    """The actor mentioned last before `char` (optionally among keys, of a kind, or not of
    a gender)."""
    best: Proto | None = None
    for start, end, proto in b.ordered_mentions():
        if start >= char:
            break
        if end > char:
            continue
        if (want is None or proto.key in want) and (kind is None or proto.kind == kind):
            if not_gender is None or proto.gender != not_gender:
                best = proto
    return best


def _other_gender(pronoun: Token) -> str:
    return "m" if pronoun.lower_ in FEMININE else "f"


def _fits(proto: Proto | None, pronoun: Token) -> Proto | None:
    return proto if proto is not None and proto.gender != _other_gender(pronoun) else None


def _role_nouns(
    doc: Doc,
    b: Builder,
    role_spans: list[tuple[Span, Role]],
    kb_hits: dict[int, tuple[Span, Entity, str]],
    title_roles: set[int],
    claimed: set[int],
) -> None:
    """ "the Secretary General", "The NATO Secretary General", "the minister" -> the last
    person holding that role (matching the named body or country when one is given)."""
    for sp, role in role_spans:
        if role.refers != "person" or sp.start in title_roles:
            continue
        if any(i in claimed for i in range(sp.start, sp.end)):
            continue
        k = sp.start - 1
        modifier: Entity | None = None
        if k in kb_hits:
            modifier = kb_hits[k][1]
            k = kb_hits[k][0].start - 1
        if k < 0 or doc[k].lower_ not in DETERMINERS:
            continue
        holders = {
            p.key
            for p in b.protos.values()
            if p.kind == "person"
            and p.role is not None
            and (p.role.lower() == role.role.lower() or p.role.lower().endswith(sp.text.lower()))
            and (modifier is None or _belongs(p, modifier))
        }
        if not holders:
            continue
        proto = _before(b, sp.start_char, holders) or min(
            (b.protos[h] for h in holders), key=lambda p: p.first
        )
        b.mention(proto, doc[k].idx, sp.end_char)
        claimed.update(range(k, sp.end))


def _belongs(proto: Proto, entity: Entity) -> bool:
    return proto.affiliation == entity.name or proto.country == entity.country is not None


def _type_nouns(doc: Doc, b: Builder, claimed: set[int]) -> None:
    """ "the alliance" -> NATO when NATO is named before; "the country" -> the last state."""
    for tok in doc[1:]:
        det = doc[tok.i - 1]
        if tok.i in claimed or det.lower_ not in DETERMINERS or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ == "compound" or (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of"):
            continue  # "the alliance members", "the country of origin"
        noun = tok.lower_
        proto: Proto | None = None
        if noun in b.kb.type_nouns:
            keys = {f"kb:{e}" for e in b.kb.type_nouns[noun]}
            proto = _before(b, tok.idx, keys)
        elif noun in STATE_NOUNS:
            proto = _before(b, tok.idx, kind="state")
        elif noun in b.kb.org_nouns:
            words = b.kb.org_nouns[noun]
            named = {
                p.key for p in b.protos.values()
                if p.kind == "organisation" and words & set(p.name.lower().split())
            }  # fmt: skip
            proto = _before(b, tok.idx, named) if named else None
        if proto is not None:
            b.mention(proto, det.idx, tok.idx + len(tok))
            claimed.update((det.i, tok.i))


def _pronouns(doc: Doc, b: Builder, claimed: set[int]) -> None:
    """he/his/she/her -> the last person named; a pronoun in a fronted phrase before any
    person ("During his visit, Rutte ...") -> the subject that follows (cataphora)."""
    for tok in doc:
        if tok.lower_ not in PERSON_PRONOUNS or tok.i in claimed:
            continue
        other = _other_gender(tok)
        proto = _fits(_cataphor(doc, b, tok), tok) or _before(
            b, tok.idx, kind="person", not_gender=other
        )
        if proto is None:
            proto = _fits(_first_after_in_sentence(b, tok), tok)
        if proto is not None:
            b.mention(proto, tok.idx, tok.idx + len(tok))
            claimed.add(tok.i)


def _person_at(b: Builder, token: Token) -> Proto | None:
    for start, end, proto in b.ordered_mentions():
        if start <= token.idx < end and proto.kind == "person":
            return proto
    return None


def _cataphor(doc: Doc, b: Builder, tok: Token) -> Proto | None:
    root = tok.sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.i <= tok.i:
        return None
    # the pronoun hangs off a phrase that precedes the subject and attaches to the root
    node = tok
    while node.head.i != node.i and node.head.i != root.i:
        node = node.head
    if node.dep_ not in ("prep", "advcl", "npadvmod", "advmod") or node.i > subject.i:
        return None
    return _person_at(b, subject)


def _first_after_in_sentence(b: Builder, tok: Token) -> Proto | None:
    for start, _end, proto in b.ordered_mentions():
        if tok.idx < start < tok.sent.end_char and proto.kind == "person":
            return proto
    return None


def _its(doc: Doc, b: Builder, claimed: set[int]) -> None:
    """ "The alliance has bolstered its presence": its -> the subject of its clause."""
    for tok in doc:
        if tok.lower_ != "its" or tok.i in claimed:
            continue
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
        # "agreed to expand its presence": the subject sits on the governing verb
        while subject is None and head.dep_ in ("xcomp", "conj") and head.head.i != head.i:
            head = head.head
            subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
        if subject is None:
            continue
        for start, end, proto in b.ordered_mentions():
            if start <= subject.idx < end and proto.kind != "person":
                b.mention(proto, tok.idx, tok.idx + len(tok))
                claimed.add(tok.i)
                break
