"""Within-document merging: an article often tells one event twice (lead and body). The
same type, the same source and target actors and the same negation make one event; the
later reports become its `mentions`."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.model import Event

# types whose unattributed later reports retell the earlier event rather than a new one
REMENTIONED = frozenset({"ASSAULT"})

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
        lead = _attack_told(event, out, doc)
        if lead is not None:
            _fold(lead, event)
            continue
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
                _fold(lead, event)
                continue
        first.setdefault(key, event)
        if event.source and event.target:
            # a later report by the same row that leaves the addressee out retells this one
            first.setdefault(
                (event.type, tuple(event.source), (), event.negated, event.rule), event
            )
        out.append(event)
    return out


def _fold(lead: Event, event: Event) -> None:
    lead.mentions.append(event.evidence)
    lead.why["merged"] = f"{len(lead.mentions) + 1} reports in the article"


def _attack_told(event: Event, told: list[Event], doc: Doc) -> Event | None:
    """The earlier attack an unattributed attack re-mentions ("the rockets struck near the
    base", "claimed responsibility for the attacks"): the article's last attack of the same
    time frame (historical or not) whose target does not differ, unless it names a date of
    its own. A second attack is
    usually told with its own attacker, target or date."""
    if event.type not in REMENTIONED or event.source:
        return None
    ev = event.evidence
    mine = _dates(doc, ev.start, ev.end)
    for lead in reversed(told):
        if lead.type != event.type or lead.historical != event.historical:
            continue
        if lead.negated or event.negated or lead.evidence.start == ev.start:
            return None
        if event.target and lead.target and event.target != lead.target:
            return None
        lv = lead.evidence
        theirs = _dates(doc, lv.start, lv.end)
        # a re-mention with a date of its own ("in 2019 he survived an attack") is another
        return lead if not mine or mine == theirs else None
    return None
