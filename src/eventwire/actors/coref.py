"""Within-document references, by rule: pronouns, role nouns, type nouns, "its".

No packaged coreference model works offline, so these rules are deliberately narrow: each
links a reference to an actor already named in the document, or leaves it alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire.actors.builder import Builder, Proto
from eventwire.actors.kb import Entity, Role
from eventwire.actors.unnamed import definite_envoys, peoples, unnamed_holders
from eventwire.nlp.pipeline import doc_text
from eventwire.nlp.quotes import quote_spans

PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
FEMININE = frozenset({"she", "her", "hers", "herself"})
DETERMINERS = frozenset({"the"})
# general nouns that refer back to the most recent state
STATE_NOUNS = frozenset({"country", "government", "state", "nation", "authorities"})
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
    _group_role_nouns(doc, b, role_spans, claimed)
    unnamed_holders(doc, b, role_spans, kb_hits, title_roles, claimed)
    definite_envoys(doc, b, role_spans, kb_hits, title_roles, claimed)
    peoples(doc, b, kb_hits, claimed)
    _type_nouns(doc, b, claimed)
    quotes = _quote_regions(doc)
    _pronouns(doc, b, claimed, quotes)
    _its(doc, b, claimed)
    _they(doc, b, claimed, quotes)
    _possessed_government(doc, b, claimed)
    _circles(doc, b, claimed)
    _pairs(doc, b, claimed)
    _listed_members(doc, b, claimed)


# a quoted region: (start, end) of its words, and the (start, end) of the text around it
# that holds its attribution (the sentences where it opens and closes)
Region = tuple[tuple[int, int], tuple[int, int]]


def _quote_regions(doc: Doc) -> list[Region]:
    out: list[Region] = []
    for q in quote_spans(doc_text(doc)):
        first = doc.char_span(q.start, q.end, alignment_mode="expand")
        if first is None or not len(first):
            continue
        out.append(((q.start, q.end), (first[0].sent.start_char, first[-1].sent.end_char)))
    return out


def _region_of(tok: Token, quotes: list[Region]) -> Region | None:
    return next((r for r in quotes if r[0][0] <= tok.idx < r[0][1]), None)


def _attributed(doc: Doc, b: Builder, region: Region, quotes: list[Region]) -> set[str]:
    """Actors named outside quotation marks around a quote: its speaker is among them, and
    a third-person pronoun inside the quote does not refer to its own speaker."""
    lo, hi = region[1]
    out: set[str] = set()
    for start, end, proto in b.ordered_mentions(lo, hi + 1):
        if not (lo <= start and end <= hi) or any(q[0] <= start < q[1] for q, _ in quotes):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and _speaker_position(span.root):
            out.add(proto.key)
    return out


def _speaker_position(tok: Token) -> bool:
    """A subject, its apposition, or "according to X": where a speaker is named."""
    if tok.dep_ == "appos":
        tok = tok.head
    if tok.dep_ == "pobj":
        return tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
    return tok.dep_ in SUBJECTS


PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})


def _they(doc: Doc, b: Builder, claimed: set[int], quotes: list[Region]) -> None:
    """they/their -> a collective named in a subject of this or the previous sentence
    ("The Coast Guard said their ...", "USCIRF criticised ... They released"); inside a
    quotation, the last collective the quotation itself names ("We expect from Iran
    assurances of their readiness")."""
    sents = list(doc.sents)
    index = {s.start: n for n, s in enumerate(sents)}
    for tok in doc:
        if tok.lower_ not in PLURAL_PRONOUNS or tok.i in claimed:
            continue
        region = _region_of(tok, quotes)
        if region is not None:
            proto = _before(b, tok.idx, not_kind="person", after=region[0][0])
            if proto is not None:
                b.mention(proto, tok.idx, tok.idx + len(tok))
                claimed.add(tok.i)
            continue
        n = index[tok.sent.start]
        proto = _object_antecedent(b, tok)
        if proto is None:
            proto = _subject_actor(b, tok.sent, before=tok.i)
        if proto is None and n > 0:
            proto = _subject_actor(b, sents[n - 1], before=sents[n - 1].end)
        if proto is not None:
            b.mention(proto, tok.idx, tok.idx + len(tok))
            claimed.add(tok.i)


def _object_antecedent(b: Builder, tok: Token) -> Proto | None:
    """An object "them" ("froze the officials' assets and banned them") takes up the last
    group named earlier in its sentence outside the subject of its own clause: an object
    pronoun never refers to its clause's subject ("the ministers banned them")."""
    if tok.lower_ != "them" or tok.dep_ not in ("dobj", "pobj", "dative"):
        return None
    verb = tok.head if tok.dep_ != "pobj" else tok.head.head
    own = [c for c in verb.children if c.dep_ in SUBJECTS]
    while not own and verb.dep_ == "conj":
        verb = verb.head
        own = [c for c in verb.children if c.dep_ in SUBJECTS]
    subject = {t.idx for c in own for t in c.subtree}
    found: Proto | None = None
    for start, end, proto in b.ordered_mentions(tok.sent.start_char, tok.idx + 1):
        if start < tok.sent.start_char or end > tok.idx:
            continue
        if proto.kind == "group" and start not in subject:
            found = proto
    return found


def _subject_actor(b: Builder, sent: Span, before: int) -> Proto | None:
    """The last non-person actor inside a subject phrase of `sent` ending before `before`."""
    found: Proto | None = None
    for tok in sent:
        if tok.i >= before or tok.dep_ not in SUBJECTS or tok.lower_ in PLURAL_PRONOUNS:
            continue
        sub = list(tok.subtree)
        lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1])
        for start, end, proto in b.ordered_mentions(lo, hi + 1):
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
        for start, _end, proto in b.ordered_mentions(pron.idx, pron.idx + 1):
            if start == pron.idx and proto.kind == "state":
                b.mention(proto, pron.idx, tok.idx + len(tok))
                claimed.add(tok.i)
                break


def _before(b: Builder, char: int, want: set[str] | None = None, kind: str | None = None,
            not_gender: str | None = None, skip: set[str] | None = None,
            not_kind: str | None = None, after: int = 0) -> Proto | None:  # fmt: skip
    """The actor mentioned last in [after, char) (optionally among keys, of a kind, not of
    a kind, not of a gender, not among skipped keys)."""
    for _start, end, proto in b.mentions_backward(char, after):
        if end > char:
            continue
        if (want is None or proto.key in want) and (kind is None or proto.kind == kind):
            if not_gender is not None and proto.gender == not_gender:
                continue
            if (skip is None or proto.key not in skip) and proto.kind != not_kind:
                return proto
    return None


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
        if not holders and modifier is not None and modifier.kind == "state":
            holders = _untitled_nationals(b, sp.start_char, modifier)
            for key in holders:  # the description says what office the person holds
                p = b.protos[key]
                p.role, p.sector = role.role, role.sector
                p.country = p.country or modifier.country
        if not holders:
            continue
        proto = _before(b, sp.start_char, holders) or min(
            (b.protos[h] for h in holders), key=lambda p: p.first
        )
        b.mention(proto, doc[k].idx, sp.end_char)
        claimed.update(range(k, sp.end))


def _untitled_nationals(b: Builder, before: int, state: Entity) -> set[str]:
    """ "Benjamin Netanyahu defended the raid. The Israeli prime minister said ...": the one
    person named earlier without a title whom the text or a dictionary makes a national of
    the state; none when there are several (which one would be a guess)."""
    found = {
        p.key
        for p in b.protos.values()
        if p.kind == "person" and p.role is None and p.affiliation is None and p.first < before
        and (p.country == state.country
             or p.country is None and p.known is not None and state.code in p.known.prefixes())
    }  # fmt: skip
    return found if len(found) == 1 else set()


def _group_role_nouns(
    doc: Doc, b: Builder, role_spans: list[tuple[Span, Role]], claimed: set[int]
) -> None:
    """ "the officials" after "17 Belarusian officials": a bare definite group noun takes up
    the last group named with the same noun."""
    for sp, role in role_spans:
        if role.refers != "group" or any(i in claimed for i in range(sp.start, sp.end)):
            continue
        if sp.start == 0 or doc[sp.start - 1].lower_ not in DETERMINERS:
            continue
        same = {
            p.key
            for p in b.protos.values()
            if p.kind == "group" and p.name.lower().endswith(sp.text.lower())
        }
        proto = _before(b, sp.start_char, same) if same else None
        if proto is not None:
            b.mention(proto, doc[sp.start - 1].idx, sp.end_char)
            claimed.update(range(sp.start - 1, sp.end))


def _belongs(proto: Proto, entity: Entity) -> bool:
    return proto.affiliation == entity.name or proto.country == entity.country is not None


def _type_nouns(doc: Doc, b: Builder, claimed: set[int]) -> None:
    """ "the alliance" -> NATO when NATO is named before; "the country" -> the last state."""
    for tok in doc[1:]:
        det = doc[tok.i - 1]
        if tok.i in claimed or det.lower_ not in DETERMINERS or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ == "compound" or _of_phrase(doc, tok):
            continue  # "the alliance members", "the country of origin"
        noun = tok.lower_
        proto: Proto | None = None
        if noun in STATE_NOUNS:
            near = _sentence_before(doc, tok)
            proto = _state_named_so(b, tok.idx, noun, near) or _before(b, tok.idx, kind="state")
        else:
            # "the council": a known body typed by the noun, or any organisation so named
            # (the Southern Transitional Council when no UN Security Council was named)
            keys = {f"kb:{e}" for e in b.kb.type_nouns.get(noun, ())}
            words = b.kb.org_nouns.get(noun, frozenset())
            # ... or by the words the text described it with ("broadcast corporation X")
            keys |= {
                p.key for p in b.protos.values()
                if p.kind == "organisation" and words & (set(p.name.lower().split()) | p.nouns)
            }  # fmt: skip
            proto = _before(b, tok.idx, keys) if keys else None
        if proto is not None:
            b.mention(proto, det.idx, tok.idx + len(tok))
            claimed.update((det.i, tok.i))


def _sentence_before(doc: Doc, tok: Token) -> int:
    """Where the sentence before this token's sentence starts (blank lines skipped)."""
    k = tok.sent.start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return doc[k].sent.start_char if k >= 0 else tok.sent.start_char


def _state_named_so(b: Builder, char: int, noun: str, after: int) -> Proto | None:
    """ "Colombia's government and the rebels agreed ... in Caracas, where Venezuela hosts
    the talks. The government's negotiator": "the government" is the state named with that
    noun in this sentence or the one before ("Colombia's government"), not merely the state
    last named."""
    for start, end, proto in b.mentions_backward(char, after):
        if end > char or proto.kind != "state":
            continue
        words = b.text[start:end].lower().split()
        if len(words) > 1 and words[-1] == noun:
            return proto
    return None


def _of_phrase(doc: Doc, tok: Token) -> bool:
    """ "the country of origin": an of-phrase with a noun makes it another thing; one on the
    verb or with a gerund does not ("accused the network of lying")."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ != "of" or nxt.head.i != tok.i:
        return False
    return any(c.dep_ == "pobj" and c.tag_ != "VBG" for c in nxt.children)


def _pronouns(doc: Doc, b: Builder, claimed: set[int], quotes: list[Region]) -> None:
    """he/his/she/her -> the last person named; a pronoun in a fronted phrase before any
    person ("During his visit, Rutte ...") -> the subject that follows (cataphora). A
    subject after a fronted participle clause ("Speaking to X of PBS, he said") looks past
    that clause's objects, and a pronoun in a quotation past the quotation's speaker."""
    for tok in doc:
        if tok.lower_ not in PERSON_PRONOUNS or tok.i in claimed:
            continue
        other = _other_gender(tok)
        region = _region_of(tok, quotes)
        skip = _attributed(doc, b, region, quotes) if region is not None else None
        limit = tok.sent.start_char if _after_fronted_clause(tok) else tok.idx
        proto = (
            _fits(_cataphor(doc, b, tok), tok)
            or _subject_antecedent(b, tok, other, skip)
            or _before(b, limit, kind="person", not_gender=other, skip=skip)
        )
        if proto is None and skip is None:
            proto = _fits(_first_after_in_sentence(b, tok), tok)
        if proto is not None:
            b.mention(proto, tok.idx, tok.idx + len(tok))
            claimed.add(tok.i)


def _after_fronted_clause(tok: Token) -> bool:
    """The subject of a sentence that opens with a participle clause ("Speaking to ...,
    he said"): that clause's people are what the subject spoke to, not who it is."""
    first = tok.sent[0]
    if tok.dep_ not in SUBJECTS or first.tag_ not in ("VBG", "VBN") or first.i >= tok.i:
        return False
    return any(t.text == "," for t in tok.doc[first.i + 1 : tok.i])


def _subject_antecedent(b: Builder, tok: Token, other: str, skip: set[str] | None) -> Proto | None:
    """Subjects before recency: a subject or possessive pronoun in a later clause refers
    back to the person subject of an earlier clause ("X is a critic of Y, and his
    associates ...", "X accepted ... but did not say he'd ordered it"), and a sentence's
    first-mentioned subject to the person subject of the sentence before ("X accepted the
    blame for Y's death. Speaking to Z, he said ...")."""
    subject = tok.dep_ in SUBJECTS
    if not subject and tok.tag_ != "PRP$":
        return None

    def fits(cand: Token) -> Proto | None:
        proto = _person_at(b, cand)
        if proto is None or proto.gender == other or (skip and proto.key in skip):
            return None
        return proto

    found: Proto | None = None
    for cand in tok.sent:
        if cand.i >= tok.i:
            break
        if cand.dep_ not in SUBJECTS or cand.head.i >= tok.i or cand.head.i == tok.head.i:
            continue
        between = tok.doc[cand.head.i : tok.i]
        if not subject and not any(t.text in (",", ";") or t.dep_ == "cc" for t in between):
            continue  # a possessive in the same clause: leave it to recency
        found = fits(cand) or found
    if found is not None or not subject or tok.sent.start == 0:
        return found
    fronted = _after_fronted_clause(tok)
    if not fronted and any(
        tok.sent.start_char <= start < tok.idx and proto.kind == "person"
        for start, _end, proto in b.ordered_mentions(tok.sent.start_char, tok.idx)
    ):
        return None  # a person named earlier in the sentence: recency decides
    prev = tok.doc[tok.sent.start - 1].sent
    subjects = [c for c in prev if c.dep_ in SUBJECTS and fits(c) is not None]
    main = [c for c in subjects if c.head.dep_ == "ROOT"]
    return fits((main or subjects)[0]) if subjects else None


def _person_at(b: Builder, token: Token) -> Proto | None:
    for start, end, proto in b.mentions_at(token.idx):
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
    for start, _end, proto in b.ordered_mentions(tok.idx + 1, tok.sent.end_char):
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
        if tok.head is subject or tok.i == tok.sent.start:
            # "Its secretary-general, X, visited ...": the owner is no part of its own
            # clause; it is the body the previous sentence was about
            subject = _previous_subject(tok)
            if subject is None:
                continue
        for start, end, proto in b.mentions_at(subject.idx):
            if start <= subject.idx < end and proto.kind != "person":
                b.mention(proto, tok.idx, tok.idx + len(tok))
                claimed.add(tok.i)
                break


def _previous_subject(tok: Token) -> Token | None:
    """The subject of the main clause of the sentence before `tok`'s."""
    if tok.sent.start == 0:
        return None
    root = tok.doc[tok.sent.start - 1].sent.root
    return next((c for c in root.children if c.dep_ in SUBJECTS), None)


def _circles(doc: Doc, b: Builder, claimed: set[int]) -> None:
    """ "his associates", "Navalny's associates": the people around a person act as a group
    of their own, named after that person."""
    for tok in doc:
        if tok.lower_ not in b.kb.circle_nouns or tok.i in claimed:
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            continue
        person = _person_at(b, owner)
        if person is None:
            continue
        surname = person.name.split()[-1]
        key = f"grp:{person.key}:{tok.lower_}"
        proto = b.protos.get(key) or Proto(
            key=key, name=f"{surname}'s {tok.lower_}", kind="group", country=person.country,
        )  # fmt: skip
        first = min(t.i for t in owner.subtree)
        b.mention(proto, doc[first].idx, tok.idx + len(tok))
        claimed.add(tok.i)


PAIR_OPENERS = frozenset({"both", "two"})


def _pairs(doc: Doc, b: Builder, claimed: set[int]) -> None:
    """ "both parties", "the two sides", "both countries" -> the last pair of actors named
    together ("Kosovo and Serbia") in an earlier sentence, as one compound mention."""
    pairs = _coordinated_pairs(doc, b)
    for tok in doc:
        kind = b.kb.pair_nouns.get(tok.lower_)
        if kind is None or tok.i in claimed or tok.tag_ not in ("NNS", "NNPS"):
            continue
        opener = next((c for c in tok.children if c.lower_ in PAIR_OPENERS), None)
        if opener is None or any(c.dep_ in ("poss", "compound", "amod") for c in tok.children):
            continue  # "both opposition parties", "two Serb parties": other actors
        start = min([opener.i, *(c.i for c in tok.children if c.dep_ == "det" and c.i < tok.i)])
        found = None
        for at, first, second in pairs:
            if at >= tok.sent.start_char:
                break
            if kind == "any" or first.kind == second.kind == kind:
                found = (first, second)
        if found is not None:
            b.mention_compound(list(found), doc[start].idx, tok.idx + len(tok))
            claimed.update(range(start, tok.i + 1))


def _coordinated_pairs(doc: Doc, b: Builder) -> list[tuple[int, Proto, Proto]]:
    """(offset, first, second) for every "X and Y" of two distinct actors, in text order."""
    at: dict[int, Proto] = {}
    for start, end, proto in b.ordered_mentions():
        for tok in doc.char_span(start, end, alignment_mode="expand") or ():
            at.setdefault(tok.i, proto)
    out: list[tuple[int, Proto, Proto]] = []
    for tok in doc:
        if tok.dep_ != "conj" or _third_party(tok.head):
            continue
        first, second = _actor_at(tok.head, at), _actor_at(tok, at)
        if first is None or second is None:
            continue
        if first.key != second.key and not any(t.dep_ == "conj" for t in tok.children):
            out.append((tok.idx, first, second))
    return out


def _actor_at(tok: Token, at: dict[int, Proto]) -> Proto | None:
    """The actor a conjunct names, on its head word or on a name compounded into it
    ("the M23 rebel group")."""
    if tok.i in at:
        return at[tok.i]
    return next((at[c.i] for c in tok.lefts if c.dep_ == "compound" and c.i in at), None)


def _third_party(tok: Token) -> bool:
    """The agent of a passive ("talks mediated by Qatar and the AU") is a go-between, not
    one of the two sides that "both sides" takes up later."""
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


# prepositions that list members of a plural class ("countries including X and Y")
MEMBER_LISTS = frozenset({"including", "like"})


def _listed_members(doc: Doc, b: Builder, claimed: set[int]) -> None:
    """ "neighbouring countries including Algeria and Morocco have banned ...", "states such
    as France and Belgium": a plural class noun that lists its members acts through them,
    so the noun becomes one compound mention of the listed actors."""
    for tok in doc:
        if tok.tag_ not in ("NNS", "NNPS") or tok.i in claimed:
            continue
        if b.covered(tok.idx, tok.idx + len(tok)):
            continue  # "Western governments" is an actor of its own already
        members: list[Proto] = []
        for item in member_tokens(tok):
            proto = _named_at(b, item)
            if proto is not None and proto not in members:
                members.append(proto)
        if members:
            b.mention_compound(members, tok.idx, tok.idx + len(tok))
            claimed.add(tok.i)


def member_tokens(noun: Token) -> list[Token]:
    """The listed members of a plural noun: objects of "including", "such as", "like", or
    of a relative clause "which include" ("his critics, which include X, ...")."""
    heads: list[Token] = []
    for child in noun.children:
        if child.dep_ == "prep" and _lists_members(child):
            heads += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "relcl" and child.lemma_ == "include" and _relative(child):
            heads += [c for c in child.children if c.dep_ == "dobj"]
    return [item for head in heads for item in (head, *head.conjuncts)]


def _relative(clause: Token) -> bool:
    return any(c.dep_ in SUBJECTS and c.lower_ in ("which", "who", "that") for c in clause.children)


def _lists_members(prep: Token) -> bool:
    if prep.lower_ in MEMBER_LISTS:
        return True
    # "such as": "such" hangs on "as" or sits right before it
    return prep.lower_ == "as" and (
        any(c.lower_ == "such" for c in prep.children) or prep.nbor(-1).lower_ == "such"
    )


def _named_at(b: Builder, tok: Token) -> Proto | None:
    for start, end, proto in b.mentions_at(tok.idx):
        if start <= tok.idx < end:
            return proto
    return None
