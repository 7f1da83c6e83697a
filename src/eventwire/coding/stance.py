"""Speech acts carried by quotations: '"We deeply regret this mistake," the minister said.'

The coder does not code claims inside quotation marks (a claim quoted is not the speaker's
act) and codes the reporting verb only when it is itself a speech act ("condemned",
"urged"). With a plain reporting verb ("said", "tweeted") the act lies in the words: an
apology, a demand, praise, an offer, a condemnation. This stage adds one event per such
quotation, typed by the first stance cue (data/stance.tsv) in the quoted words, with the
speaker as source. It is precise rather than broad: the quote must be a full quotation with
a known speaker, first-person cues need the speaker's own side as subject, and a sentence
where the coder already coded the speaker is left alone.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.actors.table import ActorTable
from eventwire.coding.cues import cue_words
from eventwire.coding.ontology import event_types
from eventwire.coding.syntax import OBJ, SUBJ, evidence, lemma
from eventwire.datafiles import data_lines
from eventwire.model import Event, Quote
from eventwire.nlp.pipeline import doc_text, sents_touching
from eventwire.nlp.quotes import in_quotes, speech_verbs

STANCE_FILE = "stance.tsv"
KINDS = ("report", "self", "eval", "modal")
# below the coder's rows (0.6-0.9), so a main-clause event of the sentence leads
CONFIDENCE = 0.5
FIRST_PERSON = {"i", "we"}
# how an object of a cue names its actor: the head, or a name inside the phrase
NAME_DEPS = ("compound", "poss", "appos", "amod", "nmod")
# the possessor of a judged act may be its agent or its victim ("Nabil's murder"): the
# subject of an evaluative word names its target only by its head or a modifier
SUBJECT_NAME_DEPS = ("compound", "appos", "amod", "nmod")
# what a cue's addressee hangs from: "thank X", "call on X", "expect from X", "urge X to"
ADDRESSEE_DEPS = OBJ | {"prep", "xcomp", "ccomp", "attr", "oprd"}
# an evaluative word that is the clause's predicate ("X is unacceptable", "it was a war crime")
PREDICATE_DEPS = ("acomp", "attr", "oprd")


@dataclass(frozen=True, slots=True)
class StanceCue:
    id: str
    kind: str
    words: tuple[str, ...]  # lemmas: the head word first, then its dependents
    type: str
    needs_target: bool
    line: int

    @property
    def text(self) -> str:
        return " ".join(self.words)


@functools.cache
def _rows() -> tuple[StanceCue, ...]:
    lines = data_lines("eventwire.coding", STANCE_FILE)
    header = lines[0][1].split("\t")
    out: list[StanceCue] = []
    cues = 0
    for n, line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=False))
        kind = row["kind"]
        if kind not in KINDS:
            raise ValueError(f"{STANCE_FILE}:{n}: unknown kind {kind!r}")
        if kind != "report" and row["type"] not in event_types():
            raise ValueError(f"{STANCE_FILE}:{n}: unknown type {row['type']!r}")
        cues += kind != "report"
        cue_id = f"stn{cues:02d}" if kind != "report" else f"report:{row['cue']}"
        words = tuple(row["cue"].lower().split())
        out.append(StanceCue(cue_id, kind, words, row["type"], row["target"] == "yes", n))
    return tuple(out)


@functools.cache
def reporting_verbs() -> frozenset[str]:
    """Plain reporting verbs: they say that words were spoken, not what act they make."""
    return frozenset(c.words[0] for c in _rows() if c.kind == "report")


@functools.cache
def stance_cues() -> tuple[StanceCue, ...]:
    """The cue rows (self, eval, modal) in file order."""
    return tuple(c for c in _rows() if c.kind != "report")


@functools.cache
def _cues_by_first_word() -> dict[str, tuple[StanceCue, ...]]:
    """Every cue kind starts at a token matching its first word: look cues up by it."""
    index: dict[str, list[StanceCue]] = {}
    for cue in stance_cues():
        index.setdefault(cue.words[0], []).append(cue)
    return {word: tuple(cues) for word, cues in index.items()}


@dataclass(frozen=True, slots=True)
class _Found:
    cue: StanceCue
    tokens: list[Token]
    target: list[str]
    how: str  # how the target was found, for the explanation


def quote_events(
    doc: Doc, actors: ActorTable, quotes: list[Quote], events: list[Event]
) -> list[Event]:
    """The coder's events plus the speech acts made in quotations, ids e1.. in text order."""
    added: list[Event] = []
    for quote in quotes:
        event = _quote_event(doc, actors, quote, [*events, *added])
        if event is not None:
            added.append(event)
    out = list(events)
    for event in added:
        lead = _same_event(event, out)
        if lead is not None:  # a quote retelling an act the article already coded
            lead.mentions.append(event.evidence)
            lead.why["merged"] = f"{len(lead.mentions) + 1} reports in the article"
            continue
        at = next((i for i, e in enumerate(out) if e.evidence.start > event.evidence.start), None)
        out.insert(len(out) if at is None else at, event)
    for i, event in enumerate(out, start=1):
        event.id = f"e{i}"
    return out


def _same_event(event: Event, events: list[Event]) -> Event | None:
    return next(
        (
            e
            for e in events
            if e.type == event.type
            and set(e.source) == set(event.source)
            and set(e.target) == set(event.target)
            and not e.negated
        ),
        None,
    )


def quote_acts(doc: Doc, actors: ActorTable, quotes: list[Quote]) -> list[Event | None]:
    """The speech act each quotation makes (None where it makes none), before checking
    whether the coder coded the speaker's act in those sentences already."""
    return [_quote_act(doc, actors, quote) for quote in quotes]


def coded_already(event: Event, events: list[Event]) -> bool:
    """The speaker's act in the quotation's sentences is among the events."""
    ev = event.evidence
    return any(
        speaker in e.source and _overlaps(e, ev.start, ev.end)
        for e in events
        for speaker in event.source
    )


def _quote_event(doc: Doc, actors: ActorTable, quote: Quote, events: list[Event]) -> Event | None:
    event = _quote_act(doc, actors, quote)
    if event is None or coded_already(event, events):
        return None  # the speaker's act in this sentence is coded already
    return event


def _quote_act(doc: Doc, actors: ActorTable, quote: Quote) -> Event | None:
    if quote.speaker is None or not quote.direct or quote.partial:
        return None
    verb = attribution(doc, quote)
    if verb is None or lemma(verb) not in reporting_verbs():
        return None  # "condemned: '...'" is coded by the coder; no verb, no known attribution
    inner = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if inner is None:
        return None
    found = _first_cue(inner, quote.speaker, actors)
    if found is None:
        return None
    first = min(found.tokens[0].sent.start_char, verb.sent.start_char)
    last = max(found.tokens[0].sent.end_char, verb.sent.end_char)
    return _build(doc, quote, verb, found, first, last, actors)


def _overlaps(event: Event, start: int, end: int) -> bool:
    return any(ev.start < end and start < ev.end for ev in (event.evidence, *event.mentions))


# --- attribution ----------------------------------------------------------------------------


def attribution(doc: Doc, quote: Quote) -> Token | None:
    """The speech verb outside quotation marks nearest to the quote, in the sentences the
    quote touches, the one before when it leads in with a colon, and the one after when the
    quote ends its sentence on the same line ('"..." \n' is no attribution)."""
    sents = sents_touching(doc, quote.start - 2, quote.end + 1)
    if not sents:
        return None
    first, last = sents[0], sents[-1]
    if first.start > 0 and doc[first.start - 1].sent.text.rstrip().endswith(":"):
        sents.insert(0, doc[first.start - 1].sent)
    if last.end < len(doc) and "\n" not in doc_text(doc)[quote.end : doc[last.end].sent.start_char]:
        sents.append(doc[last.end].sent)
    verbs = speech_verbs().keys() | reporting_verbs()
    candidates = [
        t
        for s in sents
        for t in s
        if t.pos_ in ("VERB", "AUX") and lemma(t) in verbs and not in_quotes(t)
    ]
    return min(candidates, key=lambda t: _distance(t, quote), default=None)


def _distance(token: Token, quote: Quote) -> int:
    return quote.start - token.idx if token.idx < quote.start else token.idx - quote.end


# --- cues -----------------------------------------------------------------------------------


def _first_cue(inner: Span, speaker: str, actors: ActorTable) -> _Found | None:
    """The first cue in the quoted words that fits its kind's grammar."""
    index = _cues_by_first_word()
    for tok in inner:
        candidates = index.get(lemma(tok), ()) + index.get(tok.lower_, ())
        for cue in sorted(set(candidates), key=stance_cues().index):
            found = _fit(cue, tok, speaker, actors)
            if found is not None:
                return found
    return None


def _fit(cue: StanceCue, tok: Token, speaker: str, actors: ActorTable) -> _Found | None:
    if cue.kind == "eval":
        return _fit_eval(cue, tok, speaker, actors)
    if lemma(tok) != cue.words[0] and tok.lower_ != cue.words[0]:
        return None
    others = _dependents(tok, cue.words[1:])
    if others is None or _negated(tok):
        return None
    if cue.kind == "modal":
        return _fit_modal(cue, tok, speaker, actors)
    subject = _subject(tok)
    if subject is None or not _speaks_for(subject, speaker, actors):
        return None
    target, how = _addressee(tok, speaker, actors)
    if cue.needs_target and not target:
        return None
    if cue.type == "REJECT" and any(lemma(c) in cue_words("denial") for c in tok.children):
        return None  # "we reject these allegations" denies a claim: not coded, as in the coder
    return _Found(cue, [tok, *others], target, how)


def _dependents(head: Token, words: tuple[str, ...]) -> list[Token] | None:
    """Tokens after the head, among its children, matching the cue's other words."""
    found: list[Token] = []
    for word in words:
        hit = next(
            (c for c in head.children if c.i > head.i and word in (lemma(c), c.lower_)),
            None,
        )
        if hit is None:
            return None
        found.append(hit)
    return found


def _negated(tok: Token) -> bool:
    """ "We do not support ...", "we will never accept ...": no act of that type."""
    return any(c.dep_ == "neg" for c in tok.children)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the verb it is coordinated with."""
    tok = verb
    for _ in range(3):
        subj = next((c for c in tok.children if c.dep_ in SUBJ), None)
        if subj is not None:
            return subj
        if tok.dep_ not in ("conj", "xcomp") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _actor(token: Token, actors: ActorTable, deps: tuple[str, ...] = NAME_DEPS) -> str | None:
    """The actor a noun phrase head names: the head, else a name inside the phrase."""
    found = actors.actor_for_token(token)
    if found is not None:
        return found
    for child in token.children:
        if child.dep_ in deps and (found := actors.actor_for_token(child)) is not None:
            return found
    return None


def _others(
    head: Token, speaker: str, actors: ActorTable, deps: tuple[str, ...] = NAME_DEPS
) -> list[str]:
    """Actors other than the speaker's side that a noun phrase names, with coordinated
    phrases ("Peru and Chile") and compound mentions ("both parties")."""
    out: list[str] = []
    for tok in (head, *(c for c in head.children if c.dep_ == "conj")):
        found = actors.actors_for_token(tok) or [a for a in [_actor(tok, actors, deps)] if a]
        out += [a for a in found if a not in out and not _same_side(a, speaker, actors)]
    return out


def _named(ids: list[str], actors: ActorTable) -> str:
    return ", ".join(f"{a} {actors.get(a).name}" for a in ids)


def _speaks_for(subject: Token, speaker: str, actors: ActorTable) -> bool:
    """ "I", "we", the speaker, or the state or organisation the speaker speaks for."""
    if subject.lower_ in FIRST_PERSON:
        return True
    found = _actor(subject, actors)
    return found is not None and _same_side(found, speaker, actors)


def _same_side(actor_id: str, speaker: str, actors: ActorTable) -> bool:
    if actor_id == speaker:
        return True
    actor, me = actors.get(actor_id), actors.get(speaker)
    if actor.kind == "state" and me.country is not None and actor.country == me.country:
        return me.sector == "GOV"  # a government official speaks for the state
    return me.affiliation is not None and me.affiliation == actor.name


def _addressee(verb: Token, speaker: str, actors: ActorTable) -> tuple[list[str], str]:
    """The actors, other than the speaker's side, named by the cue's first object that
    names any: "thank X", "call on X", "expect from X ...", "welcome X's response"."""
    for child in verb.children:
        if child.dep_ not in ADDRESSEE_DEPS:
            continue
        phrase = (
            [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
        )
        # "welcome the response of X": the act's author, named in its of-phrase
        phrase += [g for h in phrase for of in h.children if of.lower_ == "of" for g in of.children]
        for head in phrase:
            found = _others(head, speaker, actors)
            if found:
                via = f" of '{child.text}'" if child.dep_ == "prep" else ""
                return found, f"{_named(found, actors)} ({head.dep_}{via} '{head.text}')"
    return [], "none found"


def _fit_modal(cue: StanceCue, tok: Token, speaker: str, actors: ActorTable) -> _Found | None:
    """ "X must explain": a modal on an active verb whose subject is another named actor."""
    if tok.dep_ != "aux":
        return None
    verb = tok.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or _negated(verb):
        return None
    found = _others(subj, speaker, actors)
    if not found:
        return None
    how = f"{_named(found, actors)} (subject '{subj.text}' of '{verb.text}')"
    return _Found(cue, [tok], found, how)


def _fit_eval(cue: StanceCue, tok: Token, speaker: str, actors: ActorTable) -> _Found | None:
    """An evaluative word ("... is unacceptable", "a war crime"), its target the subject
    of the clause it judges (or of the clause that one completes: "X chose to suppress
    protests in an unlawful way")."""
    tokens = _phrase_at(tok, cue.words)
    if tokens is None:
        return None
    verb = tokens[-1]
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    # "is not unacceptable" takes the judgement back; "this cowardly attack will not go
    # unanswered" does not
    if tokens[-1].dep_ in PREDICATE_DEPS and tokens[-1].head.i == verb.i and _negated(verb):
        return None
    target: list[str] = []
    how = "none found"
    clause = verb
    for _ in range(3):
        subj = next((c for c in clause.children if c.dep_ in SUBJ), None)
        if subj is not None:
            target = _others(subj, speaker, actors, SUBJECT_NAME_DEPS)
            if target:
                how = f"{_named(target, actors)} (subject '{subj.text}' of '{clause.text}')"
            break
        if clause.dep_ not in ("xcomp", "conj") or clause.head.i == clause.i:
            break
        clause = clause.head
    return _Found(cue, tokens, target, how)


def _phrase_at(tok: Token, words: Iterable[str]) -> list[Token] | None:
    """Consecutive tokens from `tok` whose lemmas (or forms) are the cue's words."""
    out: list[Token] = []
    doc = tok.doc
    for k, word in enumerate(words):
        if tok.i + k >= len(doc):
            return None
        t = doc[tok.i + k]
        if word not in (lemma(t), t.lower_):
            return None
        out.append(t)
    return out


# --- the event ------------------------------------------------------------------------------


def _build(
    doc: Doc,
    quote: Quote,
    verb: Token,
    found: _Found,
    first: int,
    last: int,
    actors: ActorTable,
) -> Event:
    text = doc_text(doc)
    t_start = found.tokens[0].idx
    t_end = found.tokens[-1].idx + len(found.tokens[-1].text)
    cue = found.cue
    speaker = actors.get(quote.speaker or "")
    etype = event_types()[cue.type]
    return Event(
        id="",
        type=cue.type,
        evidence=evidence(text, first, last, (t_start, t_end)),
        source=[speaker.id],
        target=list(found.target),
        cameo=etype.cameo_roots[0],
        confidence=CONFIDENCE,
        rule=cue.id,
        why={
            "trigger": f"'{text[t_start:t_end]}' (stance cue in a quotation)",
            "rule": f"{cue.id}: {cue.text} [{cue.kind}] -> {cue.type} ({STANCE_FILE}:{cue.line}); "
            "speech in quotation",
            "pattern": f"speech in quotation, attributed by '{verb.text}'",
            "source": f"{speaker.id} {speaker.name} (speaker of the quotation)",
            "target": found.how,
        },
    )
