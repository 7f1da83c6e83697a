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
    """ "Ontario backed the suit" where the tagger found no entity: a lone capitalised
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


# "the Puno regional government", "the provincial government": a division's own government
REGION_ADJECTIVES = frozenset({"regional", "provincial"})
GOVERNMENT_NOUNS = frozenset({"government", "administration", "authorities"})
# "the government of Khyber Pakhtunkhwa province"
REGION_NOUNS = frozenset({"province", "region", "oblast", "krai", "prefecture", "state"})


def regional_governments(doc: Doc, b: Builder, story: Story, claimed: set[int]) -> None:
    """ "The Puno regional government", "the government of Khyber Pakhtunkhwa province": a
    province or region acting through its government is a state actor of its country, named
    by the division (whether the federation is one or not). The gazetteer must place the name
    in one country, or in one the story names; a regional capital of the same name counts."""
    pending: list[tuple[Span, str, Entity]] = []  # "the provincial government" of X
    for tok in doc:
        if tok.lower_ not in GOVERNMENT_NOUNS or tok.i in claimed:
            continue
        span = _division_before(doc, tok) or _division_after(doc, tok)
        kind = _local_kind(doc, tok) if span is None else None
        named = None
        if kind is not None:
            span = _division_of_clause(doc, kind.start)
            named = _division_named_before(doc, kind) if span is None else None
            span = span or named
        if span is None or any(i in claimed for i in range(span.start, span.end)):
            continue
        phrase = doc[min(span.start, tok.i) : max(span.end + 1, tok.i + 1)]
        state = division_state(span.text, story)
        if state is None and named is not None:
            state = story.home  # the text calls it a province: one of the story's state
        if state is None:
            continue
        name = " ".join(span.text.split())
        if kind is not None:  # "the interim administration" of the region the clause is in
            phrase = doc[kind.start : tok.i + 1]
            if named is not None:  # read once every division that acts has its actor
                pending.append((phrase, name, state))
                continue
            name = f"{name} {doc[kind.start + 1 : tok.i + 1].text}"
        key = f"fed:{name.lower()}"
        proto = b.protos.get(key) or Proto(
            key=key, name=name, kind="state", country=state.country, code=state.code,
            sector="GOV",
        )  # fmt: skip
        b.mention(proto, phrase.start_char, phrase.end_char)
        claimed.update(range(phrase.start, phrase.end))
    for phrase, name, state in pending:
        # the division's own actor where it acts under its name too ("the regional
        # authorities" and "the X regional government"), else "X provincial government"
        acting = _acting_division(b, name)
        words = " ".join(phrase[1:].text.split())
        key = f"fed:{name.lower()} {words.lower()}"
        proto = acting or b.protos.get(key) or Proto(
            key=key, name=f"{name} {words}", kind="state", country=state.country,
            code=state.code, sector="GOV",
        )  # fmt: skip
        b.mention(proto, phrase.start_char, phrase.end_char)
        claimed.update(range(phrase.start, phrase.end))


# "the interim administration", "the provincial government": a division's own government
LOCAL_GOVERNMENT_ADJECTIVES = frozenset({
    "caretaker", "interim", "local", "provincial", "regional", "transitional",
})  # fmt: skip


def _local_kind(doc: Doc, tok: Token) -> Span | None:
    """ "the interim administration": "the" and the adjectives of a division's government
    before its noun, or None."""
    k = tok.i
    while k > 0 and doc[k - 1].lower_ in LOCAL_GOVERNMENT_ADJECTIVES:
        k -= 1
    if k == tok.i or k < 1 or doc[k - 1].lower_ != "the":
        return None
    return doc[k - 1 : tok.i]


def _division_of_clause(doc: Doc, start: int) -> Span | None:
    """ "In the northern region of Tigray, the interim administration said": the division
    the sentence opens by placing itself in ("In the <adjectives> <division noun> of X,")."""
    if start < 1 or doc[start - 1].text != ",":
        return None
    sent = doc[start].sent
    k = sent.start
    while k < start and (doc[k].is_space or doc[k].is_punct):
        k += 1
    if doc[k].lower_ != "in":
        return None
    k += 1
    while k < start and (doc[k].lower_ == "the" or doc[k].is_lower and doc[k].pos_ == "ADJ"):
        k += 1
    if k + 2 >= start or doc[k].lower_ not in REGION_NOUNS or doc[k + 1].lower_ != "of":
        return None
    run = _proper_run(doc, start - 1)
    return run if run is not None and run.start == k + 2 else None


def _acting_division(b: Builder, name: str) -> Proto | None:
    """The division's own actor, where it has acted before under its name."""
    return next((p for p in b.protos.values()
                 if p.kind == "state" and p.name.lower() == name.lower()), None)  # fmt: skip


# "the provincial government" of the province the text has named
DIVISION_OF_ADJECTIVE = {"provincial": "province", "regional": "region"}


def _division_named_before(doc: Doc, kind: Span) -> Span | None:
    """ "grants to X province ..., a day after the provincial government barred ...": the
    government of the one province (region) the text names before it by its name and noun
    ("X province", "the province of X"), where it names only one."""
    noun = next((DIVISION_OF_ADJECTIVE[t.lower_] for t in kind
                 if t.lower_ in DIVISION_OF_ADJECTIVE), None)  # fmt: skip
    if noun is None:
        return None
    found: dict[str, Span] = {}
    for tok in doc[: kind.start]:
        if tok.lower_ != noun:
            continue
        run = _proper_run(doc, tok.i)
        if run is None and tok.i + 2 < kind.start and doc[tok.i + 1].lower_ == "of":
            end = tok.i + 2
            while end < kind.start and doc[end].pos_ == "PROPN" and doc[end].is_title:
                end += 1
            run = doc[tok.i + 2 : end] if end > tok.i + 2 else None
        if run is not None:
            found.setdefault(run.text.lower(), run)
    return next(iter(found.values())) if len(found) == 1 else None


def _proper_run(doc: Doc, end: int) -> Span | None:
    """The capitalised proper nouns ending before token `end`."""
    start = end
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
        start -= 1
    return doc[start:end] if start < end else None


def _division_before(doc: Doc, tok: Token) -> Span | None:
    """ "Puno regional government": the name before "regional"."""
    k = tok.i - 1
    if k < 1 or doc[k].lower_ not in REGION_ADJECTIVES:
        return None
    return _proper_run(doc, k)


def _division_after(doc: Doc, tok: Token) -> Span | None:
    """ "government of Khyber Pakhtunkhwa province": a name followed by a division noun."""
    if tok.i + 3 >= len(doc) or doc[tok.i + 1].lower_ != "of":
        return None
    end = tok.i + 2
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    if end == tok.i + 2 or end >= len(doc) or doc[end].lower_ not in REGION_NOUNS:
        return None
    return doc[tok.i + 2 : end]


def division_state(name: str, story: Story) -> Entity | None:
    """The country of a province or region of this name (a city of the name stands for its
    region); with namesakes in several countries, the one the story names, if only one."""
    from eventwire.geo.gazetteer import get_gazetteer

    entries = get_gazetteer().lookup(name)
    if any(e.kind == "country" for e in entries):
        return None
    countries = {e.country for e in entries if e.kind in ("admin", "region", "city") and e.country}
    if len(countries) > 1:
        countries &= set(story.named)
    if len(countries) != 1:
        return None
    return load_kb().entities.get(countries.pop())


# "Surin province ordered schools closed", "the Oromia region announced": a division named
# with its noun, acting as a subject
DIVISION_HEADS = frozenset({"province", "region", "oblast", "krai", "prefecture", "governorate"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def acting_divisions(doc: Doc, b: Builder, story: Story, claimed: set[int]) -> None:
    """ "Surin province, which borders the area, ordered schools closed", "the Oromia region
    announced checkpoints": a province or region named with its noun and acting as a subject
    (or an agent: "by the X region") is a state actor of its country, named by the division."""
    for tok in doc:
        if tok.lower_ not in DIVISION_HEADS or not tok.is_lower or tok.i in claimed:
            continue
        if not _subject(tok):
            continue
        span = _proper_run(doc, tok.i)
        phrase = doc[span.start : tok.i + 1] if span is not None else None
        if span is None:  # "a deal with the breakaway region of X"
            span = _named_after_of(doc, tok)
            phrase = span
        if span is None or phrase is None or any(i in claimed for i in _tokens(phrase)):
            continue
        state = division_state(span.text, story)
        if state is None:
            continue
        _mention_division(b, span, state, phrase)
        claimed.update(_tokens(phrase))


def _tokens(span: Span) -> range:
    return range(span.start, span.end)


def _named_after_of(doc: Doc, tok: Token) -> Span | None:
    """X of "the region of X": a proper name right after "of"."""
    k = tok.i + 1
    if k + 1 >= len(doc) or doc[k].lower_ != "of":
        return None
    end = k + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    return doc[k + 1 : end] if end > k + 1 else None


def _subject(tok: Token) -> bool:
    """The subject of a verb other than "be" ("X region and Y were among the areas ..." only
    describes them), or the agent of a passive."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in SUBJECT_DEPS:
        return tok.head.lemma_ != "be"
    if tok.dep_ == "pobj" and tok.head.lower_ in ("with", "against"):
        return any(c.lower_ == "of" for c in tok.children)  # "a deal with the region of X"
    return tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.dep_ == "agent"


def _mention_division(b: Builder, span: Span, state: Entity, phrase: Span) -> Proto:
    name = " ".join(span.text.split())
    key = f"fed:{name.lower()}"
    proto = b.protos.get(key) or Proto(
        key=key, name=name, kind="state", country=state.country, code=state.code, sector="GOV",
    )  # fmt: skip
    return b.mention(proto, phrase.start_char, phrase.end_char)


GOVERNOR_NOUNS = frozenset({"governor"})
OWN_GOVERNMENTS = frozenset({"administration", "government"})
PERSONAL_POSSESSIVES = frozenset({"his", "her"})


def governed_divisions(doc: Doc, b: Builder, story: Story) -> None:
    """ "The governor of Tavush province, X, said his administration would pay": the governor
    of a province or region is of its country, and "his administration" of that governor is
    the division's government (a state actor named by the division). Runs after coreference
    so that "his" is known to be the governor."""
    governed: dict[str, tuple[Span, Entity]] = {}  # person proto key -> division
    for tok in doc:
        if tok.lower_ not in GOVERNOR_NOUNS:
            continue
        found = _governed(doc, tok, story)
        person = _governor(b, tok)
        if found is None or person is None:
            continue
        governed.setdefault(person.key, found)
        if person.country is None:
            person.country = found[1].country
    if not governed:
        return
    for tok in doc:
        if tok.lower_ not in OWN_GOVERNMENTS or tok.tag_ != "NN":
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is None or poss.lower_ not in PERSONAL_POSSESSIVES:
            continue
        people = [p for s, e, p in b.mentions_at(poss.idx) if p.key in governed]
        if not people or b.covered(tok.idx, tok.idx + len(tok)):
            continue
        span, state = governed[people[0].key]
        _mention_division(b, span, state, doc[poss.i : tok.i + 1])


def _governed(doc: Doc, gov: Token, story: Story) -> tuple[Span, Entity] | None:
    """The division of "the governor of X province" / "the governor of X"."""
    prep = next((c for c in gov.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if pobj is None:
        return None
    if pobj.lower_ in DIVISION_HEADS and pobj.is_lower:
        span = _proper_run(doc, pobj.i)
    elif pobj.pos_ == "PROPN":
        span = _proper_run(doc, pobj.i + 1)
    else:
        return None
    if span is None:
        return None
    state = division_state(span.text, story)
    return (span, state) if state is not None else None


def _governor(b: Builder, gov: Token) -> Proto | None:
    """The person a governor noun is said of: "the governor of X, Name" or "Name, the
    governor of X"."""
    near = [c for c in gov.children if c.dep_ == "appos"]
    if gov.dep_ == "appos":
        near.append(gov.head)
    for tok in near:
        for _, _, p in b.mentions_at(tok.idx):
            if p.kind == "person":
                return p
    return None


# words by which the text says a region governs itself against its state
BREAKAWAY_WORDS = frozenset({"breakaway", "separatist", "secessionist", "self-declared",
                             "self-proclaimed", "self-styled", "rebel-held", "unrecognised",
                             "unrecognized", "renegade", "autonomous"})  # fmt: skip
# what such a region is called: "the breakaway region of X", "X, a self-declared republic"
ENTITY_NOUNS = frozenset({"region", "republic", "province", "territory", "enclave", "state",
                          "entity", "statelet"})  # fmt: skip
# its government: "the authorities in the breakaway region of X"
ENTITY_GOVERNMENTS = frozenset({"authorities", "government", "administration", "leadership"})
NAME_LABELS = frozenset({"", "GPE", "LOC", "ORG", "PERSON", "NORP"})


def breakaway_entities(doc: Doc, b: Builder, story: Story, claimed: set[int]) -> None:
    """A region the text calls breakaway, separatist or self-declared ("the breakaway region
    of X", "separatist X", "X, a self-declared republic") governs itself: where it acts or is
    acted on, and through "the authorities in X", it is a state actor of the state the
    gazetteer places it in; "separatist police" and the like are that entity's."""
    marked = _breakaway_names(doc, story)
    if not marked:
        return
    for tok in doc:
        if tok.lower_ in ENTITY_GOVERNMENTS and tok.i not in claimed:
            _entity_government(doc, b, tok, marked, claimed)
    for span in _name_spans(doc, marked):
        if any(i in claimed for i in _tokens(span)) or not _acts_or_is(span.root):
            continue
        _mention_division(b, span, marked[_key(span.text)], span)
        claimed.update(_tokens(span))
    if len({e.id for e in marked.values()}) == 1:
        _separatist_groups(doc, b, marked, claimed)


def _key(text: str) -> str:
    return " ".join(text.split()).lower()


def _breakaway_word(tok: Token) -> bool:
    """ "breakaway", also "self-declared" as the tokenizer splits it."""
    if tok.lower_ in BREAKAWAY_WORDS:
        return True
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
        return f"{tok.lower_}-{doc[tok.i + 2].lower_}" in BREAKAWAY_WORDS
    return False


def _breakaway_names(doc: Doc, story: Story) -> dict[str, Entity]:
    """The regions the text marks as breakaway, by name, with their state."""
    marked: dict[str, Entity] = {}
    for tok in doc:
        if not _breakaway_word(tok):
            continue
        noun = tok.head if tok.dep_ in ("amod", "compound", "npadvmod") else tok
        while noun.dep_ in ("amod", "compound") and noun.head.i != noun.i and noun.i < noun.head.i:
            noun = noun.head  # "self-declared" -> "republic"
        span: Span | None = None
        if noun.lower_ in ENTITY_NOUNS and noun.is_lower:
            span = _named_after_of(doc, noun)  # "the breakaway region of X"
            if span is None and noun.dep_ == "appos":
                span = _proper_run(doc, noun.head.i + 1)  # "X, a breakaway region"
        elif noun.pos_ == "PROPN" and noun.i > tok.i:
            span = _proper_run(doc, noun.i + 1)  # "separatist Abkhazia"
        if span is None:
            continue
        state = division_state(span.text, story)
        if state is not None:
            marked[_key(span.text)] = state
    return marked


def _entity_government(
    doc: Doc, b: Builder, tok: Token, marked: dict[str, Entity], claimed: set[int]
) -> None:
    """ "the authorities in the breakaway region of X", "the government of X"."""
    k = tok.i + 1
    if k + 1 >= len(doc) or doc[k].lower_ not in ("in", "of"):
        return
    k += 1
    if doc[k].lower_ == "the":
        k += 1
    while k < len(doc) and (doc[k].is_lower and doc[k].pos_ in ("ADJ", "NOUN")
                            or doc[k].text == "-"):  # fmt: skip
        k += 1  # "breakaway region"
    if k + 1 < len(doc) and doc[k].lower_ == "of" and doc[k - 1].lower_ in ENTITY_NOUNS:
        k += 1
    end = k
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    name = doc[k:end]
    if end == k or _key(name.text) not in marked or any(i in claimed for i in range(tok.i, end)):
        return
    start = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].lower_ == "the" else tok.i
    _mention_division(b, name, marked[_key(name.text)], doc[start:end])
    claimed.update(range(start, end))


def _name_spans(doc: Doc, marked: dict[str, Entity]) -> list[Span]:
    """Every place the text writes a marked name, whatever NER called it."""
    spans = []
    longest = max(len(k.split()) for k in marked)
    i = 0
    while i < len(doc):
        for n in range(longest, 0, -1):
            span = doc[i : i + n]
            if len(span) == n and _key(span.text) in marked and span[0].text[:1].isupper() \
                    and all(t.ent_type_ in NAME_LABELS for t in span):  # fmt: skip
                spans.append(span)
                i += n - 1
                break
        i += 1
    return spans


def _acts_or_is(root: Token) -> bool:
    """Acting as a federation's state does, also as the subject of "be" ("X has been short
    of gas") and as the object of a verb's clause ("wants X reintegrated")."""
    if _acts(root):
        return True
    return root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "appos" and _acts(root.head))


def _separatist_groups(doc: Doc, b: Builder, marked: dict[str, Entity], claimed: set[int]) -> None:
    """ "separatist police closed the road": a role group the text calls separatist (or
    breakaway) is of the one breakaway entity the text names."""
    kb = b.kb
    name, state = next(iter(marked.items()))
    region = next((s.text for s in _name_spans(doc, marked)), name)
    for tok in doc:
        if not _breakaway_word(tok) or tok.dep_ not in ("amod", "compound") or tok.i in claimed:
            continue
        noun = tok.head
        role = kb.roles.get(noun.lower_)
        if role is None or role.refers != "group" or noun.i != tok.i + 1 or noun.i in claimed:
            continue
        phrase = doc[tok.i : noun.i + 1]
        text = " ".join(phrase.text.split())
        text = text[:1].lower() + text[1:] if tok.is_sent_start else text
        key = f"grp:breakaway:{text.lower()}"
        proto = b.protos.get(key) or Proto(
            key=key, name=text, kind="group", country=state.country, code=state.code,
            sector=role.sector, affiliation=" ".join(region.split()),
        )  # fmt: skip
        b.mention(proto, phrase.start_char, phrase.end_char)
        claimed.update(_tokens(phrase))
