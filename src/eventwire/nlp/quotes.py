"""Direct quotations, partial quotes and reported speech, with their speakers.

Convention: a quotation interrupted by its attribution ("...," he said, "...") gives one
`Quote` per quoted span, each with the same speaker (the gold format's "one item per quoted
span"); a quotation running over several paragraphs gives one `Quote` per paragraph. Quote
text excludes the quotation marks and a trailing comma or semicolon standing for a full stop,
so `doc.text[q.start:q.end] == q.text` always holds.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

from spacy.tokens import Doc, Span, Token

from eventwire.actors.table import ActorTable
from eventwire.datafiles import tsv_rows
from eventwire.model import Quote
from eventwire.nlp.pipeline import doc_text, sents_touching

OPEN_CLOSE = {"\u201c": "\u201d", "\u2018": "\u2019"}
# subjects reached through these relations; "attr" covers "said X" inversions in some parses
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# nouns for issued words: their "by/from X" is the speaker, and "the statement said"
# stands for whoever issued it
CLAUSE_DEPS = ("relcl", "ccomp", "advcl")
RELATIVE = {"which", "that", "who"}
SPEECH_NOUNS = {"statement", "order", "message", "letter", "communique", "release", "post"}


@functools.cache
def speech_verbs() -> dict[str, str]:
    return {row[0]: row[1] for row in tsv_rows("eventwire.nlp", "speech_verbs.tsv")}


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Character span of the words between a pair of quotation marks."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        spans.append((m.start(), m.end()))
    return spans


def _straight_spans(text: str, p_start: int, p_end: int, next_para: str) -> list[QuoteSpan]:
    marks = [m.start() for m in re.finditer('"', text[p_start:p_end])]
    marks = [p_start + i for i in marks]
    spans = [QuoteSpan(a + 1, b, a) for a, b in zip(marks[::2], marks[1::2], strict=False)]
    # an unclosed quote that the next paragraph re-opens runs to the paragraph end
    if len(marks) % 2 == 1 and next_para.lstrip().startswith('"'):
        spans.append(QuoteSpan(marks[-1] + 1, p_end, marks[-1]))
    return spans


def _curly_spans(text: str, p_start: int, p_end: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    para = text[p_start:p_end]
    i = 0
    while True:
        i = para.find("\u201c", i)
        if i < 0:
            break
        j = para.find("\u201d", i + 1)
        nxt = para.find("\u201c", i + 1)
        if j < 0 or (0 <= nxt < j):
            # unclosed: runs to the paragraph end when the quote continues below
            end = len(para) if j < 0 else nxt
            spans.append(QuoteSpan(p_start + i + 1, p_start + end, p_start + i))
            i = end
            continue
        spans.append(QuoteSpan(p_start + i + 1, p_start + j, p_start + i))
        i = j + 1
    return spans


# single quotes only where clearly quotation marks: opened after a space or bracket,
# closed before a non-letter, 1-12 words, so apostrophes and possessives don't pair up
_SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[—]))(['\u2018])"
    r"([A-Za-z][^'\u2018\u2019\n\"]{0,100}?[\w.!?])"
    r"(['\u2019])(?![A-Za-z])"
)


def _single_spans(text: str, p_start: int, p_end: int) -> list[QuoteSpan]:
    spans = []
    for m in _SINGLE.finditer(text, p_start, p_end):
        if (m.group(1) == "'") != (m.group(3) == "'"):
            continue
        if len(m.group(2).split()) > 12:
            continue
        spans.append(QuoteSpan(m.start(2), m.end(2), m.start(1)))
    return spans


def _trim(text: str, span: QuoteSpan) -> QuoteSpan | None:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    if end - start < 1:
        return None
    return QuoteSpan(start, end, span.open_mark)


def quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted span in the text, in order (no overlaps; outer quotes win)."""
    return list(_quote_spans(text))


@functools.lru_cache(maxsize=4)
def _quote_spans(text: str) -> tuple[QuoteSpan, ...]:
    # actors, coding, quotes and facts all ask for the same document's spans: scan it once
    paras = _paragraphs(text)
    found: list[QuoteSpan] = []
    for k, (p_start, p_end) in enumerate(paras):
        next_para = text[paras[k + 1][0] : paras[k + 1][1]] if k + 1 < len(paras) else ""
        found += _straight_spans(text, p_start, p_end, next_para)
        found += _curly_spans(text, p_start, p_end)
    singles: list[QuoteSpan] = []
    for p_start, p_end in paras:
        singles += _single_spans(text, p_start, p_end)
    found += [s for s in singles if not any(o.open_mark <= s.open_mark < o.end for o in found)]
    out = [t for s in found if (t := _trim(text, s)) is not None]
    return tuple(sorted(out, key=lambda s: s.start))


class QuoteIndex:
    """Where a text's quotations lie, for "is this offset in a quotation?" by bisection: a
    scan of every quote for every token was quadratic in the length of a long text."""

    def __init__(self, spans: tuple[QuoteSpan, ...]) -> None:
        ordered = sorted(spans, key=lambda s: s.open_mark)
        self.opens = [s.open_mark for s in ordered]
        self.reach = list(accumulate((s.end for s in ordered), max))  # furthest end so far

    def holds(self, idx: int, *, marks: bool = True) -> bool:
        """From a quote's opening mark to its end, both included (`marks`), or strictly
        between them."""
        i = bisect_right(self.opens, idx) if marks else bisect_left(self.opens, idx)
        return i > 0 and (self.reach[i - 1] >= idx if marks else self.reach[i - 1] > idx)


@functools.lru_cache(maxsize=4)
def _quote_index(text: str) -> QuoteIndex:
    return QuoteIndex(_quote_spans(text))


def in_quotes(tok: Token, *, marks: bool = True) -> bool:
    """Does the token lie in a quotation of its document (see `QuoteIndex.holds`)?"""
    return _quote_index(doc_text(tok.doc)).holds(tok.idx, marks=marks)


def _is_partial(text: str, span: QuoteSpan) -> bool:
    """A quote is partial when it is embedded in a clause rather than introduced as speech:
    anything but a paragraph start, a sentence end, a colon or a comma before the mark."""
    before = text[: span.open_mark].rstrip(" \t")
    if not before or before.endswith("\n"):
        return False
    return before[-1] not in ":,.!?\u2014-"


def _subject(verb: Token) -> Token | None:
    """The subject of a speech verb: its own, a conjoined verb's, or (for a participle
    lead-in such as "noting, ..." or "asking ...") that of the verb it hangs from."""
    if _after_quote(verb) and not any(c.dep_ in SUBJECT_DEPS for c in verb.lefts):
        # inversion after a quote: '..." said a protester' (parsed as an object)
        for child in verb.rights:
            if child.dep_ in ("nsubj", "dobj", "attr"):
                return child
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        # two subjects ("A member of X, Jane Doe said"): the one next to the verb
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            here = tok
            subj = min(subjects, key=lambda c: abs(c.i - here.i))
            if subj.lower_ in RELATIVE and tok.dep_ == "relcl":
                return tok.head  # "a statement which said": the statement
            return subj
        if tok.dep_ in ("conj", "advcl", "xcomp", "ccomp", "acl") and tok.head.i != tok.i:
            tok = tok.head
        else:
            return _left_name(tok)
    return None


def _after_quote(verb: Token) -> bool:
    i = verb.i - 1
    seen_quote = False
    while i >= 0 and (verb.doc[i].is_quote or verb.doc[i].text == "," or verb.doc[i].is_space):
        seen_quote = seen_quote or verb.doc[i].is_quote
        i -= 1
    return seen_quote


def _left_name(verb: Token) -> Token | None:
    """'..., Jamel Msallem, said' parsed without a subject: the name just before."""
    i = verb.i - 1
    if i > 0 and verb.doc[i].text == ",":
        i -= 1
    if i >= verb.sent.start and verb.doc[i].pos_ == "PROPN" and not verb.doc[i].is_quote:
        return verb.doc[i]
    return None


def _actor_of(token: Token, actors: ActorTable) -> str | None:
    """The actor a subject phrase refers to: its head; else a name in apposition ("Dunn's
    mother, Charlotte Charles"); else a person named in it ("President of Ukraine Volodymyr
    Zelenskyy", not Ukraine); else any actor named in it."""
    found = actors.actor_for_token(token)
    if found is not None:
        return found
    for child in token.children:
        if child.dep_ == "appos" and (found := _named_in(child, actors, person=False)):
            return found
    return _named_in(token, actors, person=True) or _named_in(token, actors, person=False)


def _named_in(token: Token, actors: ActorTable, *, person: bool) -> str | None:
    # names inside a clause hung on the phrase ("a statement which said, 'X ...'") are not it
    skip = {t.i for c in token.children if c.dep_ in CLAUSE_DEPS for t in c.subtree}
    for tok in token.subtree:
        if tok.i in skip:
            continue
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            found = actors.actor_for_token(tok)
            if found is not None and (not person or actors.get(found).kind == "person"):
                return found
    return None


def _agent_of_noun(noun: Token, actors: ActorTable) -> str | None:
    """'a statement from the king', 'an order by Admiral X': the actor the words come from."""
    if noun.lemma_.lower() not in SPEECH_NOUNS:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and (found := _actor_of(obj, actors)) is not None:
                    return found
    return None


def _unlinked_subject(subj: Token, actors: ActorTable) -> str | None:
    """A subject the actor table left unlinked: "the party" names the latest party before
    it; "they", "it" and "the statement" stand for the organisation last acting as a
    subject in the sentences before (the issuer of an earlier statement)."""
    low = subj.lower_
    if subj.pos_ == "NOUN" and low not in SPEECH_NOUNS:
        for actor_id in _actors_before(subj, actors, window=1500):
            if actors.get(actor_id).name.lower().split()[-1] in (low, subj.lemma_.lower()):
                return actor_id
        return None
    if low not in ("they", "it") and subj.lemma_.lower() not in SPEECH_NOUNS:
        return None
    if subj.dep_ == "dobj" and subj.head.lemma_.lower() not in speech_verbs():
        # "They released a statement which said": whoever released it
        issuer = next((c for c in subj.head.children if c.dep_ in SUBJECT_DEPS), None)
        if issuer is not None and issuer.i != subj.i:
            return _actor_of(issuer, actors) or _unlinked_subject(issuer, actors)
    sent = subj.sent
    while sent.start > 0:
        sent = subj.doc[sent.start - 1].sent
        if sent.start_char < subj.idx - 1000:
            return None
        for tok in sent:
            if tok.dep_ not in SUBJECT_DEPS or tok.head.dep_ not in ("ROOT", "conj"):
                continue
            found = _actor_of(tok, actors)
            if found is not None and actors.get(found).kind != "person":
                return found
    return None


def _actors_before(tok: Token, actors: ActorTable, window: int) -> list[str]:
    """Actors mentioned in the `window` characters before a token, latest first."""
    seen: list[str] = []
    for prev in reversed(tok.doc[max(0, tok.i - 400) : tok.i]):
        if prev.idx < tok.idx - window:
            break
        found = actors.actor_for_token(prev)
        if found is not None and found not in seen:
            seen.append(found)
    return seen


def _according_to(tokens: list[Token]) -> Token | None:
    for tok in tokens:
        if tok.lower_ == "according":
            for child in tok.children:
                if child.lower_ == "to":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return obj
    return None


def _context_tokens(doc: Doc, span: QuoteSpan) -> tuple[list[Token], list[Token]]:
    """Tokens outside any quotation in the sentences the quote touches (plus the sentence
    before when it leads in with a colon), and apart those of the next sentence when the
    quote ends a sentence (an attribution the parser split off)."""
    sents = sents_touching(doc, span.open_mark - 1, span.end + 1)
    if not sents:
        return [], []
    following: list[Span] = []
    first, last = sents[0], sents[-1]
    if first.start > 0:
        prev = doc[first.start - 1].sent
        if prev.text.rstrip().endswith(":") and prev.start_char >= span.open_mark - 400:
            sents.insert(0, prev)
    if last.end < len(doc):
        after = doc_text(doc)[span.end : last.end_char].strip(' "\u201d\u2019,.;')
        if not after:
            nxt = doc[last.end].sent
            gap = doc_text(doc)[last.end_char : nxt.start_char]
            if "\n" not in gap:
                following.append(nxt)
    return _outside(sents), _outside(following)


def _outside(sents: list[Span]) -> list[Token]:
    return [t for s in sents for t in s if not t.is_space and not in_quotes(t)]


def _colon_lead(doc: Doc, span: QuoteSpan, actors: ActorTable) -> str | None:
    """'X opposed the statement: "..."' and 'Trump's statement read: "..."': the subject
    of the clause ending in the colon speaks, whatever its verb."""
    before = doc_text(doc)[: span.open_mark].rstrip()
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None:
        return None
    head = colon[0].head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    for obj in head.children:
        if obj.dep_ == "dobj" and (agent := _agent_of_noun(obj, actors)) is not None:
            return agent
        if obj.dep_ == "dobj" and obj.lemma_.lower() in SPEECH_NOUNS:
            # "issued a statement from the king", the "from" parsed on the verb
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is not None and (agent := _actor_of(pobj, actors)) is not None:
                        return agent
    subj = _subject(head)
    if subj is None:
        return None
    return _actor_of(subj, actors) or _unlinked_subject(subj, actors)


def _governing_agent(doc: Doc, span: QuoteSpan, actors: ActorTable) -> str | None:
    """A quote inside the phrase of 'an order by X' or 'a statement from X' is X's."""
    inner = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inner is None or not len(inner):
        return None
    words = [t for t in inner if not t.is_punct]
    for anc in words[0].ancestors if words else ():
        if anc.pos_ in ("NOUN", "PROPN") and (agent := _agent_of_noun(anc, actors)):
            return agent
    return None


def _attribute(doc: Doc, span: QuoteSpan, actors: ActorTable) -> tuple[str | None, bool]:
    """(speaker id, found by a rule): the subject of the nearest speech verb around the
    quote, preferring verbs that govern the quote and subjects that are known actors."""
    colon = _colon_lead(doc, span, actors)
    if colon is not None:
        return colon, True
    agent = _governing_agent(doc, span, actors)
    if agent is not None:
        return agent, True
    own, following = _context_tokens(doc, span)
    speaker, ruled = _from_verbs(own, span, actors)
    if speaker is None and not ruled:
        speaker, ruled = _from_verbs(following, span, actors)
    return speaker, ruled


def _from_verbs(
    tokens: list[Token], span: QuoteSpan, actors: ActorTable
) -> tuple[str | None, bool]:
    verbs = speech_verbs()
    candidates: list[tuple[int, Token]] = []
    for tok in tokens:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in verbs:
            dist = span.open_mark - tok.idx if tok.idx < span.open_mark else tok.idx - span.end
            candidates.append((dist, tok))
    candidates.sort(key=lambda c: c[0])
    fallback: Token | None = None
    for _, verb in candidates:
        subj = _subject(verb)
        if subj is None:
            continue
        actor = _actor_of(subj, actors)
        if actor is not None:
            return actor, True
        if fallback is None:
            fallback = subj
    source = _according_to(tokens)
    if source is not None:
        actor = _actor_of(source, actors) or _unlinked_subject(source, actors)
        if actor is not None:
            return actor, True
    if fallback is not None and (actor := _unlinked_subject(fallback, actors)) is not None:
        return actor, True
    return None, fallback is not None or bool(candidates)


def _reported(doc: Doc, spans: list[QuoteSpan], actors: ActorTable) -> list[Quote]:
    """Indirect speech: "X said that ..." gives the that-clause, direct=False."""
    verbs = speech_verbs()
    out: list[Quote] = []
    for tok in doc:
        if tok.pos_ != "VERB" or verbs.get(tok.lemma_.lower()) != "report":
            continue
        if in_quotes(tok):
            continue
        for clause in tok.children:
            if clause.dep_ != "ccomp":
                continue
            marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
            if not marks:
                continue
            left = marks[0].i + 1
            right = clause.right_edge.i
            while right > left and (doc[right].is_punct or doc[right].is_space):
                right -= 1
            if right < left:
                continue
            start, end = doc[left].idx, doc[right].idx + len(doc[right].text)
            if any(s.start < end and start < s.end for s in spans):
                continue  # a direct quote already covers this
            subj = _subject(tok)
            speaker = _actor_of(subj, actors) if subj is not None else None
            out.append(Quote(speaker, doc_text(doc)[start:end], start, end, direct=False))
    return out


def find_quotes(doc: Doc, actors: ActorTable) -> list[Quote]:
    """Direct quotes (full and partial) and reported speech of one document."""
    text = doc_text(doc)
    spans = quote_spans(text)
    quotes: list[Quote] = []
    prev_speaker: str | None = None
    prev_end = -1
    for span in spans:
        partial = _is_partial(text, span)
        speaker, ruled = _attribute(doc, span, actors)
        if speaker is None and not ruled and not partial and prev_speaker is not None:
            # a run of quotes: an unattributed full quote right after another continues it
            gap = text[prev_end : span.open_mark]
            if gap.count("\n") <= 3 and len(gap) < 400:
                speaker = prev_speaker
        quotes.append(
            Quote(
                speaker,
                text[span.start : span.end],
                span.start,
                span.end,
                direct=True,
                partial=partial,
            )
        )
        if not partial:
            prev_speaker, prev_end = speaker, span.end
    quotes += _reported(doc, spans, actors)
    quotes.sort(key=lambda q: q.start)
    return quotes
