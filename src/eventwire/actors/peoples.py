"""Indigenous nations and tribes named as bodies: "Blackfeet Nation", "Confederated Salish
and Kootenai Tribes", "Assiniboine and Sioux Tribes of Fort Peck", "Fort Belknap Indian
Community". NER splits such names into peoples (NORP), persons and places; the whole name
is one body, which acts (sues, signs, protests) like any organisation. Its state is the
story's or the place's, read by the nationality rules like any other body's.
"""

from __future__ import annotations

import functools
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

# the last word of such a name ("Tribe", "Nation"); "Community" only after "Indian"
TRIBAL_NOUNS = ["tribe", "tribes", "nation", "band"]
Pattern = list[dict[str, Any]]
_TITLE: dict[str, Any] = {"IS_TITLE": True}
TRIBAL = "tribal"  # the kb_id of the spans: no "Fort ..." fortification filter for them
_OF_PLACE: Pattern = [{"LOWER": "of"}, {"IS_TITLE": True, "OP": "+"}]
LAST_WORDS = frozenset([*TRIBAL_NOUNS, "community"])  # every name ends in one of these


@functools.cache
def _matcher(vocab: Vocab) -> Matcher:
    noun: dict[str, Any] = {"LOWER": {"IN": TRIBAL_NOUNS}}
    first = _TITLE | {"LOWER": {"NOT_IN": ["the", "a", "an"]}}  # "The Cree Nation": no "The"
    more = _TITLE | {"OP": "*"}
    names: list[Pattern] = [
        [first, more, noun],
        [first, more, {"LOWER": "and"}, _TITLE | {"OP": "+"}, noun],
        [first, more, {"LOWER": "indian"}, {"LOWER": "community"}],
    ]
    matcher = Matcher(vocab)
    no_tail: Pattern = []
    patterns = [p + tail for p in names for tail in (no_tail, _OF_PLACE)]
    matcher.add("PEOPLE", patterns, greedy="LONGEST")
    return matcher


def tribal_names(doc: Doc, claimed: set[int]) -> list[Span]:
    """Each tribal body's name as an ORG span; a knowledge-base body's name (`claimed`:
    "the United Nations") is none."""
    if not any(t.lower_ in LAST_WORDS for t in doc):  # the matcher's cost, on most texts saved
        return []
    found = [
        Span(doc, s, e, label="ORG", kb_id=TRIBAL)
        for _, s, e in _matcher(doc.vocab)(doc)
        if not any(i in claimed for i in range(s, e)) and doc[s].lower_ != "united"
    ]
    return filter_spans(found)


def with_names(ents: list[Span], names: list[Span]) -> list[Span]:
    """`ents` with `names` in place of the entities they overlap."""
    if not names:
        return ents
    kept = [e for e in ents if not any(f.start < e.end and e.start < f.end for f in names)]
    return sorted(kept + names, key=lambda e: e.start)
