"""The lead's day carries to the lead party's undated acts right after it, not to another
party's reaction (issue 12: reactions after the lead are statements of their own)."""

from __future__ import annotations

from eventwire.model import Actor, ActorKind, Event, Evidence, Mention
from eventwire.nlp.dates import date_events

PUB = "2025-04-11"  # a Friday: "on Wednesday" is 2025-04-09
LEAD = "On Wednesday, the Danish government closed its embassy in the capital."
AFTER = "{who} criticised the decision of the court."


def _actor(doc, aid: str, name: str, country: str | None, sector: str | None, kind: ActorKind):
    start = doc.text.index(name)
    return Actor(aid, name, kind, country=country, sector=sector,
                 mentions=[Mention(name, start, start + len(name))])  # fmt: skip


def _dated(nlp, who: str, country: str | None, sector: str | None, kind: ActorKind) -> Event:
    after = AFTER.format(who=who)
    doc = nlp(f"{LEAD}\n\n{after}")
    actors = [
        _actor(doc, "a1", "Danish government", "DNK", "GOV", "state"),
        _actor(doc, "a2", who, country, sector, kind),
    ]
    start = doc.text.index(after)
    t_start = doc.text.index("criticised", start)
    ev = Evidence(after, start, start + len(after), "criticised", t_start, t_start + 10)
    event = Event("e1", "ACCUSE", ev, source=["a2"])
    date_events([event], doc, PUB, fallback="published", actors=actors)
    return event


def test_an_office_of_the_lead_government_takes_the_lead_day(nlp):
    event = _dated(nlp, "The Danish prime minister", "DNK", "GOV", "person")
    assert (event.date, event.date_source) == ("2025-04-09", "text")


def test_another_party_reacting_after_the_lead_stays_undated(nlp):
    event = _dated(nlp, "Amnesty International", None, "NGO", "organisation")
    assert (event.date, event.date_source) == (None, "published")


def test_an_opposition_lawmaker_of_the_same_state_stays_undated(nlp):
    event = _dated(nlp, "The opposition leader", "DNK", "OPP", "person")
    assert event.date is None


def test_without_actors_the_simple_past_after_the_lead_keeps_the_lead_day(nlp):
    after = AFTER.format(who="Amnesty International")
    doc = nlp(f"{LEAD}\n\n{after}")
    start = doc.text.index(after)
    t_start = doc.text.index("criticised", start)
    ev = Evidence(after, start, start + len(after), "criticised", t_start, t_start + 10)
    event = Event("e1", "ACCUSE", ev, source=["a2"])
    date_events([event], doc, PUB)
    assert event.date == "2025-04-09"
