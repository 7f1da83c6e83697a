"""Bodies and parties that several states have ("Democratic Party", "Labour Party", "House of
Commons"), and the words for a party's members ("Democrats", "Tories", "a Republican").

A body or party whose name one state alone uses is a knowledge-base organisation of that
state (national_bodies.tsv). A name several states use is the story's state's (`Story.home`),
or, in a story about no one state, that of the only candidate state the text names; else it
stays without a country. Its members ("Democrats") are a group actor of the same state, and
the party's adjective describing a person ("Republican congressman X") is evidence of that
person's country (actors/nationality.py).
"""

from __future__ import annotations

import functools

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from eventwire.actors.builder import Builder, Proto
from eventwire.actors.kb import Entity, NationalBody, load_kb
from eventwire.actors.national import Story

# the member word heads its own phrase: "Democrats voted", "194 Republicans", "Other
# Republicans", not "Democrat Party" or "Republican senators"
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


@functools.cache
def _matcher(vocab: Vocab) -> PhraseMatcher:
    kb = load_kb()
    matcher = PhraseMatcher(vocab, attr="ORTH")
    from eventwire.nlp.pipeline import load_nlp

    make = load_nlp().make_doc
    for form in kb.shared_bodies:
        matcher.add("BODY", [make(form)])
    for form in kb.party_members:
        matcher.add("MEMBER", [make(form)])
    return matcher


def national_names(
    doc: Doc, story: Story, kb_hits: dict[int, tuple[Span, Entity, str]]
) -> dict[int, tuple[Span, NationalBody, str]]:
    """token -> (span, the body or party it names, "BODY" or "MEMBER") for every shared
    name and member word whose state the story settles."""
    kb = load_kb()
    matcher = _matcher(doc.vocab)
    spans = filter_spans([Span(doc, s, e, label=m) for m, s, e in matcher(doc)])
    out: dict[int, tuple[Span, NationalBody, str]] = {}
    for span in spans:
        if any(i in kb_hits for i in range(span.start, span.end)):
            continue  # "Democratic Republic of the Congo", "Liberal Democrats"
        how = doc.vocab.strings[span.label]
        table = kb.shared_bodies if how == "BODY" else kb.party_members
        body = _of_story(table[span.text], story)
        if body is not None:
            for i in range(span.start, span.end):
                out[i] = (span, body, how)
    return out


def _of_story(bodies: list[NationalBody], story: Story) -> NationalBody | None:
    if story.home is not None:
        return next((b for b in bodies if b.country == story.home.country), None)
    named = [b for b in bodies if b.country in story.named]
    return named[0] if len(named) == 1 else None


def national_actors(
    doc: Doc,
    b: Builder,
    names: dict[int, tuple[Span, NationalBody, str]],
    claimed: set[int],
) -> None:
    """A shared body's or party's name is that state's organisation (an actor already made
    of the name takes the country); a party's members as a noun are a group of its state."""
    kb = load_kb()
    for span, body, how in {v[0].start: v for v in names.values()}.values():
        state = kb.entities[body.country]
        if how == "BODY":
            proto = _actor_at(b, span)
            if proto is None and any(i in claimed for i in range(span.start, span.end)):
                continue
            if proto is None:
                name = " ".join(span.text.split())
                proto = b.protos.get(f"org:{name.lower()}") or Proto(
                    key=f"org:{name.lower()}", name=name, kind="organisation"
                )
                proto = b.mention(proto, span.start_char, span.end_char)
                claimed.update(range(span.start, span.end))
            if proto.kind == "organisation" and proto.country is None and proto.code is None:
                proto.country, proto.code, proto.sector = state.country, state.code, body.sector
        elif _members_noun(span) and not any(i in claimed for i in range(span.start, span.end)):
            word = span.text
            key = f"members:{body.id}:{word.lower()}"
            proto = b.protos.get(key) or Proto(
                key=key, name=word, kind="group", country=state.country, code=state.code,
                sector=body.sector,
            )  # fmt: skip
            b.mention(proto, span.start_char, span.end_char)
            claimed.update(range(span.start, span.end))


def _members_noun(span: Span) -> bool:
    """ "Democrats", "Other Republicans": a plural member word heading its own phrase."""
    root = span.root
    return root.tag_ in ("NNS", "NNPS") and root.dep_ not in MODIFIER_DEPS


def _actor_at(b: Builder, span: Span) -> Proto | None:
    for start, end, proto in b.ordered_mentions():
        if start <= span.start_char and span.end_char <= end:
            return proto
    return None
