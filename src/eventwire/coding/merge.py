"""Within-document merging: an article often tells one event twice (lead and body). The
same type, the same source and target actors and the same negation make one event; the
later reports become its `mentions`."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from eventwire.actors.table import ActorTable
from eventwire.model import Event
from eventwire.nlp.pipeline import ents_starting

# types whose unattributed later reports retell the earlier event rather than a new one
REMENTIONED = frozenset({"ASSAULT"})

Key = tuple[str, tuple[str, ...], tuple[str, ...], bool, str | None]


# words of a length of time ("in the span of one week", "for three days"): no point in time
DURATION_UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
)
DURATION_FILLERS = frozenset(
    {"the", "a", "an", "span", "of", "period", "course", "few", "several", "couple"}
)


def _is_duration(ent: Span) -> bool:
    """ "one week", "the span of three days": a length of time, which dates nothing. "last
    month", "three years ago" and "2015" are points in time."""
    units = [t for t in ent if t.lemma_.lower() in DURATION_UNITS]
    rest = [
        t
        for t in ent
        if t.lemma_.lower() not in DURATION_UNITS | DURATION_FILLERS and not t.like_num
    ]
    return bool(units) and not rest


def _dates(doc: Doc, start: int, end: int) -> frozenset[str]:
    return frozenset(
        e.text.lower()
        for e in ents_starting(doc, start, end)
        if e.label_ == "DATE" and not _is_duration(e)
    )


def _same_time(doc: Doc, a: Event, b: Event) -> bool:
    """Neither report names a date, or both name the same ones."""
    mine = _dates(doc, a.evidence.start, a.evidence.end)
    theirs = _dates(doc, b.evidence.start, b.evidence.end)
    return not mine or not theirs or mine == theirs


def merge_reports(events: list[Event], doc: Doc, actors: ActorTable | None = None) -> list[Event]:
    """Events in text order with repeats folded into the first report. Events without any
    actor are never merged (two unattributed bombings may be two bombings), events with one
    side unknown only when the same lexicon row coded them, and reports whose sentences name
    different dates never. Besides: an unattributed attack re-mentions the last attack, the
    first, unattributed report of an attack takes the attacker of its later telling (with
    `actors`), and a report by some of an earlier report's actors retells it."""
    first: dict[Key, Event] = {}
    out: list[Event] = []
    for event in events:
        lead = _attack_told(event, out, doc)
        if lead is None and actors is not None:
            lead = _attack_attributed(event, out, doc, actors)
        if lead is None:
            lead = _retold_by_some(event, out, doc)
        if lead is not None:
            _fold(lead, event)
            if lead.source and lead.target:  # later retellings of the attack fold in too
                first.setdefault(
                    (lead.type, tuple(lead.source), tuple(lead.target), lead.negated, ""), lead
                )
            continue
        if not event.source and not event.target:
            out.append(event)
            continue
        # with one side unknown, only the same wording is safely the same event
        rule = event.rule if not (event.source and event.target) else ""
        key: Key = (event.type, tuple(event.source), tuple(event.target), event.negated, rule)
        lead = first.get(key)
        if lead is not None:
            if _same_time(doc, event, lead) and event.evidence.start != lead.evidence.start:
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


def _retold_by_some(event: Event, told: list[Event], doc: Doc) -> Event | None:
    """ "The call was seconded by A and B. ... A seconded the recommendation": a later report
    of the same kind by some of the same actors, to the same target, retells the earlier
    event."""
    if not event.source or not event.target:
        return None
    for lead in told:
        if (
            lead.type == event.type
            and lead.negated == event.negated
            and lead.evidence.start != event.evidence.start
            and set(event.source) < set(lead.source)
            and set(event.target) <= set(lead.target)
            and _same_time(doc, event, lead)
        ):
            return lead
    return None


def _attack_attributed(
    event: Event, told: list[Event], doc: Doc, actors: ActorTable
) -> Event | None:
    """ "X died in Aden after being shot. ... Assailants attacked X": the article's last
    attack, told without an attacker in a sentence that names this attack's victim, is this
    attack reported first. It takes the attacker and the victim; its evidence, the first
    report, stays the event's."""
    if event.type not in REMENTIONED or not event.source or not event.target or event.negated:
        return None
    lead = next((e for e in reversed(told) if e.type == event.type), None)
    if lead is None or lead.source or lead.negated or lead.historical != event.historical:
        return None
    if lead.target and lead.target != event.target:
        return None
    lv = lead.evidence
    named = any(lv.start <= m.start < lv.end for a in event.target for m in actors.get(a).mentions)
    if not named or not _same_time(doc, event, lead):
        return None
    lead.source, lead.target = list(event.source), list(event.target)
    for side in ("source", "target"):
        lead.why[side] = f"{event.why.get(side, '')} (from the later report)"
    return lead
