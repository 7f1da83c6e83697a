"""Organisations the text describes by what they are: "broadcast corporation Zentavo",
"broadcaster Acme TV", "Acme Holdings, the country's largest broadcaster", "X is a
television company". A name right after a class noun is an organisation even where NER
missed it, and the describing words let a later class noun ("the network", "the company")
refer back to it (coref._type_nouns).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire.actors.builder import Builder, Proto
from eventwire.actors.filters import is_place_name, not_an_actor
from eventwire.actors.kb import Entity
from eventwire.actors.national import place_state
from eventwire.nlp.pipeline import doc_ents

# NER labels a described name may carry: NER often takes an unknown company for a place
# (a real place is caught by the gazetteer); a person or date after a class noun is not the
# organisation's name ("broadcaster David Frost", "the firm Thursday")
NAME_LABELS = frozenset({"", "ORG", "PRODUCT", "WORK_OF_ART", "GPE", "LOC", "FAC"})
# lower-case words inside a body's name ("Cinema for Peace Foundation")
NAME_PARTICLES = frozenset({"for", "of"})
# legal-form words a full name adds to the short one ("Zentavo" / "Zentavo Corporation")
LEGAL_FORMS = frozenset({"corporation", "corp", "inc", "ltd", "limited", "plc", "llc",
                         "group", "company", "co", "holdings"})  # fmt: skip


def described_organisations(
    doc: Doc, b: Builder, kb_hits: dict[int, tuple[Span, Entity, str]], claimed: set[int]
) -> None:
    for tok in doc:
        if _is_descriptor(b, tok):
            _named_after(doc, b, tok, kb_hits, claimed)
    _appositive_names(doc, b, kb_hits, claimed)
    _possessed_by_state(doc, b, kb_hits, claimed)
    _predicated(doc, b)


def _is_descriptor(b: Builder, tok: Token) -> bool:
    # lower case, or capitalised only as a sentence's first word ("Broadcaster X said")
    cased = tok.is_lower or (bool(tok.is_sent_start) and tok.is_title)
    word = tok.lower_
    if tok.i >= 2 and tok.nbor(-1).text == "-" and not tok.nbor(-2).whitespace_:
        word = tok.nbor(-2).lower_ + word  # "non-profit"
    return word in b.kb.org_descriptors and cased and tok.tag_ == "NN"


def _proper(tok: Token) -> bool:
    # the tag, not the coarse POS: an unknown name is tagged NNP even where the parser
    # gives it another part of speech
    return tok.tag_ in ("NNP", "NNPS")


def _titled(tok: Token) -> bool:
    """A capitalised word of a name ("Music" of "Music for Peace Foundation" opening a
    sentence is tagged a common noun)."""
    return _proper(tok) or (tok.is_title and tok.is_alpha and tok.pos_ in ("NOUN", "PROPN"))


def _words(doc: Doc, start: int, noun: Token) -> set[str]:
    """The lower-case words describing the organisation, from `start` up to the class noun."""
    return {t.lower_ for t in doc[start : noun.i + 1] if t.is_lower and t.is_alpha}


def _name_run(doc: Doc, k: int) -> int:
    """End of the capitalised name starting at `k` ("Zentavo", "Acme Media Group")."""
    end = k
    while end < len(doc):
        tok = doc[end]
        joined = tok.text == "-" and not doc[end - 1].whitespace_ and end + 1 < len(doc)
        if _proper(tok) and tok.text[:1].isupper() or (joined and end > k):
            end += 1
        else:
            break
    if end > k and doc[end - 1].text == "-":
        end -= 1
    return end


def _named_after(
    doc: Doc,
    b: Builder,
    noun: Token,
    kb_hits: dict[int, tuple[Span, Entity, str]],
    claimed: set[int],
) -> None:
    """ "broadcast corporation Zentavo": the name after a class noun is an organisation;
    one already resolved takes the describing words."""
    k = noun.i + 1
    end = _name_run(doc, k)
    if end == k:
        return
    left = noun.i
    while left > 0 and doc[left - 1].is_lower and doc[left - 1].pos_ == "NOUN":
        left -= 1  # "broadcast corporation": the compound nouns describe it too
    proto = _organisation(doc, b, doc[k:end], _words(doc, left, noun), kb_hits, claimed)
    _locate(doc[max(0, left - 3) : noun.i], proto, kb_hits)


def _appositive_names(
    doc: Doc, b: Builder, kb_hits: dict[int, tuple[Span, Entity, str]], claimed: set[int]
) -> None:
    """ "Acme Media, the country's largest broadcaster, said ...": a name with a class noun
    in apposition is an organisation."""
    for noun in doc:
        head = noun.head
        if noun.dep_ != "appos" or not _is_descriptor(b, noun) or not _proper(head):
            continue
        start = head.i
        while start > 0 and _proper(doc[start - 1]) and doc[start - 1].head.i == head.i:
            start -= 1  # the compound words of the name
        # "Cinema for Peace Foundation", "Friends of Earth Trust": words joined by a particle
        while start > 1 and doc[start - 1].lower_ in NAME_PARTICLES and _titled(doc[start - 2]):
            start -= 2
            while start > 0 and _titled(doc[start - 1]):
                start -= 1
        words = _words(doc, noun.left_edge.i, noun)
        proto = _organisation(doc, b, doc[start : head.i + 1], words, kb_hits, claimed)
        _locate(doc[noun.left_edge.i : noun.i], proto, kb_hits)


def _organisation(
    doc: Doc,
    b: Builder,
    name_span: Span,
    words: set[str],
    kb_hits: dict[int, tuple[Span, Entity, str]],
    claimed: set[int],
) -> Proto | None:
    """The organisation named by `name_span` and described by `words`: one already resolved
    takes the words, an unresolved name becomes one unless it is a person, place or title."""
    k, end = name_span.start, name_span.end
    if any(i in claimed for i in range(k, end)):
        found = _org_at(b, doc[k])
        if found is not None:
            found.nouns |= words
            _repeats(doc, b, found, [t.text for t in name_span], claimed)
        return found
    if any(t.ent_type_ not in NAME_LABELS or t.i in kb_hits for t in name_span):
        return None
    if any(t.lower_ in b.kb.roles for t in name_span):
        return None  # "the company CEO": a title, not a name
    name = " ".join(name_span.text.split())
    if not_an_actor(name) or is_place_name(name):
        return None
    proto = _same_organisation(b, name) or Proto(key=f"org:{name.lower()}", name=name,
                                                 kind="organisation")  # fmt: skip
    proto = b.mention(proto, name_span.start_char, name_span.end_char)
    proto.nouns |= words
    claimed.update(range(k, end))
    _repeats(doc, b, proto, [t.text for t in name_span], claimed)
    return proto


# where a name after a state's possessive acts or is acted on
# (not a passive subject: "Russia's Sarmat was tested" is a thing)
ACTING_DEPS = frozenset({"nsubj", "dobj", "poss", "appos"})
ACTING_PREPS = frozenset({"by", "with", "against", "from"})
# NER labels such a name may carry: an unknown company is often taken for a place (one
# the gazetteer knows is left out); an unlabelled name only as one word that acts
POSSESSED_LABELS = frozenset({"ORG", "GPE"})


def _possessed_by_state(
    doc: Doc, b: Builder, kb_hits: dict[int, tuple[Span, Entity, str]], claimed: set[int]
) -> None:
    """ "Russia's Gazprom halted deliveries", "a deal with Brazil's Petrobras": a name NER
    did not find a person or a place in, after a state's possessive, is a body of that
    state where it acts or is acted on."""
    from eventwire.actors.national import place_state_of_name

    for tok in doc:
        if tok.tag_ != "POS" or tok.i == 0 or tok.i - 1 not in kb_hits:
            continue
        state = kb_hits[tok.i - 1][1]
        if state.kind != "state" or kb_hits[tok.i - 1][0].end != tok.i:
            continue
        k = tok.i + 1
        end = _name_run(doc, k)
        if end == k or end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"):
            continue  # "Russia's Gazprom chief": the name describes a noun
        span = doc[k:end]
        if any(t.i in claimed or t.i in kb_hits or t.lower_ in b.kb.roles for t in span):
            continue
        if any(t.ent_type_ not in POSSESSED_LABELS for t in span) and not _one_word_agent(span):
            continue
        name = " ".join(span.text.split())
        if not _acting(span.root) or not_an_actor(name) or place_state_of_name(name) is not None:
            continue
        proto = _same_organisation(b, name) or Proto(
            key=f"org:{name.lower()}", name=name, kind="organisation", country=state.country
        )
        b.mention(proto, span.start_char, span.end_char)
        b.mention(proto, doc[tok.i - 1].idx, span.end_char)
        claimed.update(range(k, end))
        _repeats(doc, b, proto, [t.text for t in span], claimed)


def _one_word_agent(span: Span) -> bool:
    """ "Algeria's Sonatrach stopped supplies": one unlabelled word, the subject of an active
    verb other than "be" (two words are as often a thing: "Israel's Iron Dome")."""
    root = span.root
    return len(span) == 1 and root.ent_type_ == "" and root.dep_ == "nsubj" \
        and root.head.lemma_ != "be"  # fmt: skip


def _acting(root: Token) -> bool:
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ in ACTING_DEPS:
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ACTING_PREPS


def _locate(words: Span, proto: Proto | None, kb_hits: dict[int, tuple[Span, Entity, str]]) -> None:
    """ "the Greek gas supplier X", "German rescue charity X", "a Berlin-based non-profit": a
    state or place in the words describing the organisation gives its country."""
    if proto is None or proto.country is not None or proto.code is not None:
        return
    for tok in reversed(words):
        hit = kb_hits.get(tok.i)
        state = hit[1] if hit is not None and hit[1].kind == "state" else None
        if state is None and tok.ent_type_ in ("GPE", "LOC"):
            place = next((e for e in doc_ents(tok.doc) if e.start <= tok.i < e.end), None)
            state = place_state(place) if place is not None else None
        if state is not None:
            proto.country = state.country
            return


def _same_organisation(b: Builder, name: str) -> Proto | None:
    """An organisation already named in full with a legal form ("Zentavo Corporation" for
    "Zentavo"), or by the very name."""
    low = name.lower()
    for p in b.protos.values():
        if p.kind != "organisation":
            continue
        other = p.name.lower()
        if other == low:
            return p
        rest = other[len(low) :].split() if other.startswith(low + " ") else []
        if len(rest) == 1 and rest[0].strip(".") in LEGAL_FORMS:
            return p
    return None


def _repeats(doc: Doc, b: Builder, proto: Proto, words: list[str], claimed: set[int]) -> None:
    """Later bare uses of a name NER missed ("Zentavo's franchise"), also with a legal form
    ("Zentavo Corporation"), unless it opens a longer name ("Zentavo News Channel")."""
    n = len(words)
    for i in range(len(doc) - n + 1):
        if [t.text for t in doc[i : i + n]] != words or any(j in claimed for j in range(i, i + n)):
            continue
        end = i + n
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and nxt.is_title and nxt.lower_.strip(".") in LEGAL_FORMS:
            end += 1  # "Zentavo Corporation": the full name of the same body
        elif nxt is not None and _proper(nxt) and nxt.is_title:
            continue
        b.mention(proto, doc[i].idx, doc[end - 1].idx + len(doc[end - 1]))
        claimed.update(range(i, end))


def _org_at(b: Builder, tok: Token) -> Proto | None:
    for start, end, proto in b.mentions_at(tok.idx):
        if start <= tok.idx < end and proto.kind == "organisation":
            return proto
    return None


def _predicated(doc: Doc, b: Builder) -> None:
    """ "Acme is a television company": a copula's complement says what a named organisation
    is."""
    for start, end, proto in b.ordered_mentions():
        if proto.kind != "organisation" or not b.text[start : start + 1].isupper():
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.root.dep_ != "nsubj" or span.root.head.lemma_ != "be":
            continue
        for noun in span.root.head.children:
            if noun.dep_ == "attr" and noun.lower_ in b.kb.org_descriptors:
                proto.nouns |= _words(doc, noun.left_edge.i, noun)
