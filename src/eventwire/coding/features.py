"""Features of the trained coder's two decisions, as strings (the model weighs each one).

- `event_features`: is this candidate (a trigger word and a proposed type) an event of that
  type? Which sources propose it, the rule coder's decision on it and why, the lemma, the
  dependency context, negation and mood, quotation marks, the speech verb above it, the
  actors of the sentence, the position in the article. Each feature is given once on its own
  and once joined with the proposed type, so the model learns both what makes any word an
  event and what makes it one of this type.
- `argument_features`: is this actor the event's source (or, in the second model, its
  target)? The dependency path from the trigger to the actor's nearest mention, the side of
  the trigger it stands on, the rule coder's own reading of the sides, the actor's kind,
  being the speaker of the surrounding quotation or the possessor of the trigger noun, and
  standing only in the sentence before.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.coding.candidates import ArticleCandidates, Candidate
from eventwire.coding.coder import SUBORDINATE_DEPS
from eventwire.coding.syntax import DEFINITE, NOUN_POS, lemma
from eventwire.model import Quote
from eventwire.nlp.quotes import in_quotes, speech_verbs

MAX_PATH = 4  # longer dependency paths are "far" (their two ends are still features)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def subordination(tok: Token) -> int:
    """Subordinate relations between a word and its sentence's root."""
    depth = 0
    while tok.head.i != tok.i:
        depth += tok.dep_ in SUBORDINATE_DEPS
        tok = tok.head
    return depth


def _speech_above(tok: Token) -> Token | None:
    """The speech verb whose reported clause holds the trigger ("said X would attack")."""
    while tok.head.i != tok.i:
        if tok.dep_ in ("ccomp", "xcomp", "parataxis") and lemma(tok.head) in speech_verbs():
            return tok.head
        if tok.dep_ not in ("ccomp", "xcomp", "conj", "dobj", "pobj", "prep", "advcl", "aux"):
            return None
        tok = tok.head
    return None


def sentence_actors(art: ArticleCandidates, sent: Span) -> dict[str, list[Token]]:
    """Actor id -> the tokens of the sentence that mention it, in order."""
    out: dict[str, list[Token]] = {}
    for tok in sent:
        if tok.is_punct:
            continue
        for actor in art.actors.actors_for_token(tok):
            out.setdefault(actor, []).append(tok)
    return out


def event_features(c: Candidate, art: ArticleCandidates) -> list[str]:
    head = c.head
    mood = art.moods[head.i]
    own: list[str] = [f"src:{s}" for s in sorted(c.sources)]
    traced = c.traced
    if traced is not None:
        own.append(f"drop:{traced.dropped}" if traced.dropped else "rules:kept")
        if traced.event is not None:
            own += ["rules:source" if traced.event.source else "rules:no-source"]
            own += ["rules:target" if traced.event.target else "rules:no-target"]
    for row in c.loose[:1]:
        own += [f"loose:{row.id}", f"loose-pattern:{row.pattern}"]
    for quote in c.quotes[:2]:
        own += _quote_words(quote, art)
    if c.rule_final:
        own.append("rules:final")
    own.append("reading:source" if c.reading[0] else "reading:no-source")
    own.append("reading:target" if c.reading[1] else "reading:no-target")
    for pm in c.petrarch:
        own += ["pet:verb" if pm.pattern is None else "pet:pattern"]
        own += [f"pet:cameo{pm.cameo[:2]}", f"pet:cameo{pm.cameo[:3]}"]
    if c.quote_act is not None:
        own += [f"quote:{c.quote_act.rule}", f"quote:target{bool(c.quote_act.target)}"]
    # the lead states an article's main event
    own += [f"lemma:{lemma(head)}", f"sent:{_bucket(c.sent_index, (0, 1, 3, 8))}"]
    for flag in ("negated", "future", "hypothetical", "willing", "conditional"):
        if getattr(mood, flag):
            own.append(f"mood:{flag}")
    if in_quotes(head, marks=False):
        own.append("inquote")
    if _speech_above(head) is not None:
        own.append("speech-content")
    if any(ch.dep_ in ("auxpass", "nsubjpass") for ch in head.children):
        own.append("passive")
    if head.pos_ in NOUN_POS:
        dets = {ch.lower_ for ch in head.children if ch.dep_ == "det"}
        if dets & DEFINITE:
            own.append("noun:definite")
        if any(ch.dep_ == "poss" for ch in head.children):
            own.append("noun:possessed")
    own = list(dict.fromkeys(own))
    return own + [f"{f}|{c.type}" for f in own] + [f"prior|{c.type}"]


def _quote_words(quote: Quote, art: ArticleCandidates) -> list[str]:
    """The content words of a quotation a verb attributes (lemmas)."""
    span = art.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return []
    return [
        f"qw:{lemma(t)}"
        for t in span
        if t.is_alpha and not t.is_stop and t.pos_ in ("VERB", "NOUN", "ADJ", "ADV", "AUX")
    ] + ["quote"]


# --- arguments ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor: str
    token: Token  # the mention nearest the trigger
    previous: bool  # mentioned only in the sentence before
    nearest: bool = False  # the actor mentioned nearest the trigger in the parse


def argument_candidates(
    c: Candidate, art: ArticleCandidates, in_sentence: dict[str, list[Token]]
) -> list[ActorMention]:
    """The actors of the trigger's sentence (nearest mention), and those of the sentence
    before that this one does not name."""
    tree, head = art.tree, c.head.i
    out = []
    for actor, toks in in_sentence.items():
        best = min(toks, key=lambda t: (tree.length(head, t.i), abs(t.i - head)))
        out.append(ActorMention(actor, best, False))
    if out:
        near = min(out, key=lambda m: (tree.length(head, m.token.i), m.token.i))
        out[out.index(near)] = ActorMention(near.actor, near.token, False, True)
    if c.sent_index > 0:
        before = sentence_actors(art, art.sentences[c.sent_index - 1])
        for actor, toks in before.items():
            if actor not in in_sentence:
                out.append(ActorMention(actor, toks[-1], True))
    return out


def argument_features(c: Candidate, m: ActorMention, art: ArticleCandidates) -> list[str]:
    actor = art.actors.get(m.actor)
    tok, head = m.token, c.head
    own: list[str] = [f"kind:{actor.kind}"]
    if m.previous:
        own += ["previous-sentence", f"prev-dep:{tok.dep_}"]
    else:
        steps = art.tree.steps(head.i, tok.i) or []
        path = " ".join(steps) if len(steps) <= MAX_PATH else "far"
        own += [f"path:{path or 'self'}", f"side:{'before' if tok.i < head.i else 'after'}"]
        own += [f"path-start:{' '.join(steps[:2])}", f"path-end:{' '.join(steps[-2:])}"]
        own.append(f"path-len:{_bucket(len(steps), (1, 2, 3, 5))}")
        own.append(f"dist:{_bucket(abs(tok.i - head.i), (1, 3, 6, 12))}")
        own.append(f"mention-dep:{tok.dep_}")
        if m.nearest:
            own.append("nearest")
        if tok.dep_ == "poss" and tok.head.i == head.i:
            own.append("possessor")
        if tok.pos_ == "PRON":
            own.append("pronoun")
        if in_quotes(tok, marks=False):
            own.append("mention-in-quote")
    if m.actor in c.reading[0]:
        own.append("rules:source")
    if m.actor in c.reading[1]:
        own.append("rules:target")
    if c.quote_act is not None and m.actor in c.quote_act.source:
        own.append("speaker")
    elif in_quotes(head, marks=False) and any(
        q.speaker == m.actor and q.start <= head.idx < q.end for q in art.quotes
    ):
        own.append("speaker")
    own = list(dict.fromkeys(own))
    return own + [f"{f}|{c.type}" for f in own] + [f"prior|{c.type}"]
