"""Candidate events of an article, for the trained coder to accept or reject.

A candidate is a trigger word and one PLOVER type proposed for it. Four sources propose:
- `lexicon`: our rows (data/lexicon.tsv), matched as the rule coder matches them; the rule
  coder's decision on the match (the event it builds, or why it codes none) comes along;
- `petrarch`: PETRARCH2's verb dictionary (data/petrarch_*.tsv), the verb alone or a pattern;
- `quotation`: the speech act a direct quotation makes ("we regret" → CONCEDE, stance.tsv);
- `mood`: a proposal changed by PLOVER's rules on mood (an announced attack is THREATEN, a
  refused concession REJECT).
A word proposed the same type by several sources is one candidate.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.actors.table import ActorTable
from eventwire.coding.arguments import noun_args, verb_args
from eventwire.coding.coder import Mood, Traced, match_others, mood_of, trace_events, type_for_mood
from eventwire.coding.lexicon import LexRow, by_head, lexicon
from eventwire.coding.ontology import cameo_roots, event_types
from eventwire.coding.petrarch import PetrarchMatch, petrarch_matches
from eventwire.coding.stance import attribution, coded_already, quote_acts
from eventwire.coding.syntax import NOUN_POS, VERB_POS, Match, Tree, evidence, lemma
from eventwire.model import Event, Evidence, Quote
from eventwire.nlp.pipeline import doc_text


@dataclass(slots=True)
class Candidate:
    head: Token
    type: str
    sent_index: int
    tokens: list[Token]  # the trigger's words, head first
    evidence: Evidence
    sources: set[str] = field(default_factory=set)
    traced: Traced | None = None  # the rule coder's match at this word, and its decision
    petrarch: list[PetrarchMatch] = field(default_factory=list)
    loose: list[LexRow] = field(default_factory=list)  # rows whose words fit, not their pattern
    quote_act: Event | None = None  # the speech act of a quotation, when one proposes
    quotes: list[Quote] = field(default_factory=list)  # quotations this verb attributes
    # the sides as the rules read them: their event's, else their argument rules run on
    # this word and type (a PETRARCH2 verb, a loose row), else the quotation's speaker
    reading: tuple[list[str], list[str]] = ([], [])
    rule_final: bool = False  # the rule coder codes this type here in its final output

    @property
    def sent(self) -> Span:
        return self.head.sent


@dataclass(slots=True)
class ArticleCandidates:
    doc: Doc
    actors: ActorTable
    quotes: list[Quote]
    sentences: list[Span]
    candidates: list[Candidate]
    moods: dict[int, Mood]
    tree: Tree


# what a quotation said with a plain reporting verb may be, besides a claim
QUOTE_TYPES = ("ACCUSE", "REQUEST", "SUPPORT")


def _loose_rows(
    tok: Token, found: dict[tuple[int, str], Candidate], propose: Callable[..., Candidate]
) -> None:
    """Lexicon rows of the word's lemma whose other words are there but whose pattern the
    rules found unfit ("called the stabbing an act of barbarity": no label cue), for types
    no row proposes here already."""
    pos = "verb" if tok.pos_ in VERB_POS else "noun" if tok.pos_ in NOUN_POS else None
    if pos is None:
        return
    rows = by_head().get((pos, lemma(tok))) or by_head().get((pos, tok.lower_), ())
    for row in rows:
        if (tok.i, row.type) in found and "lexicon" in found[(tok.i, row.type)].sources:
            continue
        words = match_others(tok, row) if row.others else []
        if words is not None:
            propose(tok, row.type, "lexicon-loose", [tok, *words]).loose.append(row)


def _reading(c: Candidate, actors: ActorTable) -> tuple[list[str], list[str]]:
    """The sides as the rules read them (see `Candidate.reading`)."""
    for event in (c.quote_act, c.traced.event if c.traced else None):
        if event is not None and event.type == c.type:
            return list(event.source), list(event.target)
    if c.quotes:
        speakers = [q.speaker for q in c.quotes if q.speaker]
        return list(dict.fromkeys(speakers)), []
    pos = "verb" if c.head.pos_ in VERB_POS else "noun" if c.head.pos_ in NOUN_POS else None
    if pos is None:
        return [], []
    slots = [pm.pattern.target for pm in c.petrarch if pm.pattern is not None]
    preps = tuple(t.removeprefix("prep:") for t in slots if t.startswith("prep:"))
    preps = preps or usual_preps(c.type, pos)
    row = LexRow(
        "reading", (lemma(c.head),), pos, "word", preps, (), c.type, _cameo(c.type), None, None, 0.5
    )
    match = Match(row, c.head, [c.head])
    src, tgt = verb_args(match, actors) if pos == "verb" else noun_args(match, actors)
    return [a for a, _ in src], [a for a, _ in tgt]


@functools.cache
def usual_preps(etype: str, pos: str) -> tuple[str, ...]:
    """The prepositions our lexicon rows of a type most often take for the target."""
    counts: dict[str, int] = {}
    for row in lexicon():
        if row.type == etype and row.pos == pos:
            for prep in row.tprep:
                counts[prep] = counts.get(prep, 0) + 1
    return tuple(sorted(counts, key=lambda p: (-counts[p], p))[:3])


def _cameo(etype: str) -> str:
    return cameo_roots(etype)[0]


def article_candidates(doc: Doc, actors: ActorTable, quotes: list[Quote]) -> ArticleCandidates:
    """Every candidate of the article, in text order (then type order)."""
    text = doc_text(doc)
    sentences = list(doc.sents)
    rule_events, traces = trace_events(doc, actors)
    final = {id(e) for e in rule_events}
    moods: dict[int, Mood] = {}
    found: dict[tuple[int, str], Candidate] = {}

    def mood(tok: Token) -> Mood:
        if tok.i not in moods:
            moods[tok.i] = mood_of(tok)
        return moods[tok.i]

    def propose(
        head: Token,
        etype: str,
        source: str,
        tokens: list[Token] | None = None,
        ev: Evidence | None = None,
    ) -> Candidate:
        key = (head.i, etype)
        cand = found.get(key)
        if cand is None:
            words = tokens or [head]
            if ev is None:
                sent = head.sent
                start = min(t.idx for t in words)
                end = max(t.idx + len(t.text) for t in words)
                if end - start > 40:
                    start, end = head.idx, head.idx + len(head.text)  # far-flung words
                ev = evidence(text, sent.start_char, sent.end_char, (start, end))
            cand = found[key] = Candidate(head, etype, sent_index[head.i], words, ev)
        cand.sources.add(source)
        return cand

    sent_index = {t.i: k for k, s in enumerate(sentences) for t in s}
    tree = Tree.of(doc)
    for traced in (t for sentence in traces for t in sentence):
        m = traced.match
        cand = propose(m.head, m.row.type, "lexicon", m.tokens)
        cand.traced = traced
        shifted = traced.event.type if traced.event is not None else None
        if shifted is not None and shifted != m.row.type:
            other = propose(m.head, shifted, "mood", m.tokens)
            other.traced = traced
        if traced.event is not None and id(traced.event) in final:
            found[(m.head.i, traced.event.type)].rule_final = True
    for sent in sentences:
        for tok in sent:
            _loose_rows(tok, found, propose)
            if tok.pos_ not in VERB_POS:
                continue
            for pm in petrarch_matches(tok, tree):
                for etype in pm.types:
                    propose(tok, etype, "petrarch").petrarch.append(pm)
                    shifted, _, _ = type_for_mood(etype, pm.cameo or _cameo(etype), mood(tok))
                    if shifted != etype:
                        propose(tok, shifted, "mood").petrarch.append(pm)
    for act in quote_acts(doc, actors, quotes):
        if act is None or act.evidence.trigger_start is None:
            continue
        span = doc.char_span(act.evidence.trigger_start, act.evidence.trigger_end or 0)
        if span is None:
            continue
        cand = propose(span.root, act.type, "quotation", list(span), act.evidence)
        cand.quote_act = act
        cand.rule_final = cand.rule_final or not coded_already(act, rule_events)
    for quote in quotes:
        if quote.speaker is None or not quote.direct:
            continue
        verb = attribution(doc, quote)
        if verb is None:
            continue
        first = min(verb.sent.start_char, quote.start)
        last = max(verb.sent.end_char, quote.end)
        start = min(s.start_char for s in sentences if s.end_char > first)
        end = max(s.end_char for s in sentences if s.start_char < last)
        ev = evidence(text, start, end, (verb.idx, verb.idx + len(verb.text)))
        for etype in QUOTE_TYPES:
            propose(verb, etype, "quote", [verb], ev).quotes.append(quote)
    for cand in found.values():
        mood(cand.head)
        cand.reading = _reading(cand, actors)
    ordered = sorted(found.values(), key=lambda c: (c.head.i, list(event_types()).index(c.type)))
    return ArticleCandidates(doc, actors, quotes, sentences, ordered, moods, tree)
