"""Gender evidence for a person, so "she" does not link to the last man named.

Evidence, strongest first: a title before the name ("Mrs", "Princess"), a relation noun in
apposition ("his mother, Charlotte ...", "..., the wife of"), the given name (data/gender.tsv).
No evidence leaves the gender unknown, and an unknown person takes either pronoun.
"""

from __future__ import annotations

from spacy.tokens import Span

from eventwire.actors.kb import KnowledgeBase


def person_gender(span: Span, name: str, kb: KnowledgeBase) -> str | None:
    doc = span.doc
    for k in (span.start - 1, span.start - 2):
        if k >= 0 and doc[k].text.rstrip(".").lower() in kb.title_genders and doc[k].is_title:
            return kb.title_genders[doc[k].text.rstrip(".").lower()]
    # "his mother, Charlotte Charles": the noun just before the comma that opens the name
    if span.start >= 2 and doc[span.start - 1].text == ",":
        gender = kb.relation_genders.get(doc[span.start - 2].lower_)
        if gender:
            return gender
    # "Charlotte Charles, the mother of ...", "Hatice Cengiz, his fiancée"
    if span.end < len(doc) and doc[span.end].text == ",":
        for tok in doc[span.end + 1 : min(span.end + 4, len(doc))]:
            if tok.lower_ in kb.relation_genders:
                return kb.relation_genders[tok.lower_]
            if tok.pos_ in ("NOUN", "PROPN", "PUNCT"):
                break
    words = name.split()
    first = next((w for w in words if w.lower() not in kb.title_genders), None)
    return kb.given_genders.get(first) if first else None
