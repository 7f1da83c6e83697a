"""Within-document merging: an article often tells one event twice (lead and body). The
same type, the same source and target actors and the same negation make one event; the
later reports become its `mentions`."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.model import Event

Key = tuple[str, tuple[str, ...], tuple[str, ...], bool, str | None]


def _dates(doc: Doc, start: int, end: int) -> frozenset[str]:
    return frozenset(
        e.text.lower() for e in doc.ents if e.label_ == "DATE" and start <= e.start_char < end
    )


def merge_reports(events: list[Event], doc: Doc) -> list[Event]:
    """Events in text order with repeats folded into the first report. Events without any
    actor are never merged (two unattributed bombings may be two bombings), events with one
    side unknown only when the same lexicon row coded them, and reports whose sentences name
    different dates never."""
    first: dict[Key, Event] = {}
    out: list[Event] = []
    for event in events:
        if not event.source and not event.target:
            out.append(event)
            continue
        # with one side unknown, only the same wording is safely the same event
        rule = event.rule if not (event.source and event.target) else ""
        key: Key = (event.type, tuple(event.source), tuple(event.target), event.negated, rule)
        lead = first.get(key)
        if lead is not None:
            ev, lv = event.evidence, lead.evidence
            mine, theirs = _dates(doc, ev.start, ev.end), _dates(doc, lv.start, lv.end)
            if (not mine or not theirs or mine == theirs) and ev.start != lv.start:
                lead.mentions.append(ev)
                lead.why["merged"] = f"{len(lead.mentions) + 1} reports in the article"
                continue
        first.setdefault(key, event)
        out.append(event)
    return out
