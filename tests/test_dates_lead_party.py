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


def _event_in(doc, sentence: str, trigger: str) -> Event:
    start = doc.text.index(sentence)
    t_start = doc.text.index(trigger, start)
    ev = Evidence(sentence, start, start + len(sentence), trigger, t_start, t_start + len(trigger))
    return Event("e1", "CONSULT", ev)


MIDDLE = (
    "The Swedish foreign minister defended the decision. She said the staff had been "
    "threatened, and she criticised the local police."
)


def test_the_next_day_counts_from_the_lead_day_when_no_date_is_named_since(nlp):
    later = "The Danish premier spoke with the Swedish premier the next day."
    doc = nlp(f"{LEAD}\n\n{MIDDLE}\n\n{later}")
    event = _event_in(doc, later, "spoke")
    date_events([event], doc, PUB)
    assert event.date == "2025-04-10"


def test_earlier_in_the_month_takes_the_lead_day_month(nlp):
    later = "Earlier in the month, the Danish premier had warned Sweden."
    doc = nlp(f"{LEAD}\n\n{MIDDLE}\n\n{later}")
    event = _event_in(doc, later, "warned")
    date_events([event], doc, PUB)
    assert event.date == "2025-04"


def test_a_date_named_after_the_lead_stops_it_from_anchoring_far_back(nlp):
    middle = "The embassy had opened in 1998. " + MIDDLE
    later = "The Danish premier spoke with the Swedish premier the next day."
    doc = nlp(f"{LEAD}\n\n{middle}\n\n{later}")
    event = _event_in(doc, later, "spoke")
    date_events([event], doc, PUB)
    assert event.date is None


def test_the_next_day_without_a_lead_day_stays_undated(nlp):
    lead = "The Danish government closed its embassy in the capital."
    later = "The Danish premier spoke with the Swedish premier the next day."
    doc = nlp(f"{lead}\n\n{MIDDLE}\n\n{later}")
    event = _event_in(doc, later, "spoke")
    date_events([event], doc, PUB)
    assert event.date is None


def test_a_party_named_like_the_lead_subject_takes_the_lead_day(nlp):
    lead = "Rebels shelled the port overnight, Northern Front officials said on Wednesday."
    after = "The Northern Front criticised the navy of the island."
    doc = nlp(f"{lead}\n\n{after}")
    start = doc.text.index(after)
    front = Mention("Northern Front", start + 4, start + 18)  # "The Northern Front"
    actors = [
        _actor(doc, "a1", "Northern Front officials", None, "REB", "group"),
        Actor("a2", "Northern Front", "organisation", sector="REB", mentions=[front]),
    ]
    t_start = doc.text.index("criticised", start)
    ev = Evidence(after, start, start + len(after), "criticised", t_start, t_start + 10)
    event = Event("e1", "ACCUSE", ev, source=["a2"])
    date_events([event], doc, PUB, fallback="published", actors=actors)
    assert event.date == "2025-04-09"
