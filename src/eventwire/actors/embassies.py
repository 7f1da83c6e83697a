"""A state's diplomatic posts as actors: "China's embassy in X urged ...", "the Kenyan
consulate said", "the embassy of Peru in Chile protested".

A post noun (mission_nouns.tsv) with its state (a possessive, a demonym or name before it,
or "of <state>" after it) is an organisation of that state, sector GOV, named by its text
(without "the") with its seat: "in <place>" says where the post sits, not whose it is. The
state's own name in the phrase is no separate actor. A post after a preposition is a place or
a channel ("outside the US embassy", "lodged a protest with the Chinese embassy"), no actor,
unless the preposition names an agent or a source ("by", "from"); nor is one that modifies a
noun ("embassy staff", "the Chinese embassy spokesman").
"""

from __future__ import annotations

import functools

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans
from spacy.vocab import Vocab

from eventwire.actors.builder import Builder, Proto
from eventwire.actors.kb import Entity, data_rows

# the prepositions before a post that still make it the one who acts or speaks ("a statement
# from the embassy", "was condemned by the embassy"); after others it is a place or a channel
# ("protesters outside the US embassy", "lodged a protest with the Chinese embassy")
AGENT_PREPS = frozenset({"by", "from"})
POSSESSIVE = frozenset({"'s", "\u2019s"})


@functools.cache
def _matcher(vocab: Vocab) -> PhraseMatcher:
    """The post nouns, matched in lower case ("Embassy", "consulate-general")."""
    from eventwire.nlp.pipeline import load_nlp

    matcher = PhraseMatcher(vocab, attr="LOWER")
    make = load_nlp().make_doc
    matcher.add("POST", [make(row["noun"]) for row in data_rows("mission_nouns.tsv")])
    return matcher


def _state(hit: tuple[object, Entity, str] | None) -> Entity | None:
    if hit is None:
        return None
    entity = hit[1]
    if entity.kind != "state" or entity.international or not entity.country:
        return None
    return entity


def embassy_actors(doc: Doc, b: Builder, kb_hits: dict, claimed: set[int]) -> None:
    """Organisations for the diplomatic posts the text names with their state."""
    # the longest post noun where two overlap ("consulate general" over "consulate")
    for post in filter_spans(_matcher(doc.vocab)(doc, as_spans=True)):
        first, last = post.start, post.end - 1
        if any(k in claimed for k in range(first, last + 1)):
            continue
        head = doc[last]
        if head.dep_ in ("compound", "amod") or (
            last + 1 < len(doc)
            and doc[last + 1].pos_ in ("NOUN", "PROPN")
            and doc[last + 1].ent_type_ == ""
        ):
            continue  # "embassy staff", "the embassy spokesman"
        owner, start = None, first
        k = first - 1
        if k >= 1 and doc[k].text in POSSESSIVE:  # "China's embassy"
            owner = _state(kb_hits.get(k - 1))
            if owner is not None:
                start = kb_hits[k - 1][0].start
        elif k >= 0:  # "the Chinese embassy", "the U.S. embassy"
            owner = _state(kb_hits.get(k))
            if owner is not None:
                start = kb_hits[k][0].start
        end = last + 1
        if owner is None and end + 1 < len(doc) and doc[end].lower_ == "of":
            j = end + 1 + (doc[end + 1].lower_ == "the")
            owner = _state(kb_hits.get(j))  # "the embassy of Peru"
            if owner is not None:
                end = kb_hits[j][0].end
        if owner is None:
            continue
        if any(k in claimed for k in range(start, end)):
            continue
        if doc[start].lower_ == "the":
            start += 1
        end = _seat_end(doc, end, kb_hits)
        if head.dep_ == "pobj" and head.head.lower_ not in AGENT_PREPS:
            continue  # "protesters gathered outside the US embassy": a place
        name = " ".join(doc[start:end].text.split())
        key = f"org:{name.lower()}"
        proto = b.protos.get(key) or Proto(
            key=key, name=name, kind="organisation", country=owner.country, sector="GOV"
        )
        b.mention(proto, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        claimed.update(range(start, end))


def _seat_end(doc: Doc, end: int, kb_hits: dict) -> int:
    """End of the post's name with its seat: "in Bangui", "in Washington, D.C." stays at the
    city; "in the capital" names no seat."""
    if end + 1 >= len(doc) or doc[end].lower_ != "in":
        return end
    k = end + 1
    if not doc[k].is_title or doc[k].ent_type_ not in ("GPE", "LOC", "") and k not in kb_hits:
        return end
    if doc[k].ent_type_ in ("GPE", "LOC"):
        stop = k + 1
        while stop < len(doc) and doc[stop].ent_iob_ == "I":
            stop += 1
        return stop
    if k in kb_hits and kb_hits[k][2] == "capital":
        return kb_hits[k][0].end
    return end
