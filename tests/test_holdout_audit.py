"""Errors found by auditing the demo corpus and the seed as held-out text, on invented
sentences: short country names inside longer ones, "both sides" after mediators, object
"them", datelines, weapon platforms as actors, and the dates of quoted, planned and
framed events."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors.table import ActorTable
from eventwire.model import Event, Evidence
from eventwire.nlp.dates import date_events, normalise_date
from tests.helpers import actor_at_text as _at

PUB = "2021-03-10"  # a Wednesday


def _names_at(table: ActorTable, text: str, needle: str) -> list[str]:
    start = text.index(needle)
    return sorted(table.get(a).name for a in table.actors_at(start, start + len(needle)))


# ------------------------------------------------------------ actors


def test_short_name_takes_the_longer_state_the_text_names(resolve) -> None:
    text = (
        "The Democratic Republic of Congo signed a trade pact with Uganda on Monday. "
        "Congo also accused Burundi of arming the rebels."
    )
    actor = _at(resolve(text), text, "Congo also")
    assert actor is not None and actor.name == "Democratic Republic of the Congo"


def test_short_name_alone_keeps_its_own_state(resolve) -> None:
    text = "Congo accused Gabon of closing the border."
    actor = _at(resolve(text), text, "Congo")
    assert actor is not None and actor.name == "Republic of the Congo"


def test_a_full_state_name_is_not_moved_into_a_longer_one(resolve) -> None:
    text = "South Sudan and Sudan traded accusations. Sudan denied any role in the raid."
    actor = _at(resolve(text), text, "Sudan denied")
    assert actor is not None and actor.name == "Sudan"


def test_both_sides_skips_the_mediators_of_a_passive(resolve) -> None:
    text = (
        "Colombia and the FARC rebel group signed a truce after talks mediated by Norway "
        "and Cuba. Both sides agreed to free prisoners."
    )
    assert _names_at(resolve(text), text, "Both sides") == ["Colombia", "FARC"]


def test_object_them_takes_the_group_not_the_earlier_subject(resolve) -> None:
    text = (
        "Peru sanctioned nine Chilean officials on Monday. "
        "Ministers froze the assets of the officials and banned them from entering the country."
    )
    table = resolve(text)
    assert _names_at(table, text, "the officials") == ["Chilean officials"]
    assert _names_at(table, text, "them") == ["Chilean officials"]


def test_dateline_names_no_actor(resolve) -> None:
    text = "UNITED NATIONS \u2014 Peru accused Chile of moving troops to the border."
    table = resolve(text)
    assert _at(table, text, "UNITED NATIONS") is None
    assert _at(table, text, "Peru").name == "Peru"


def test_dateline_city_with_its_country_names_no_actor(resolve) -> None:
    text = "LIMBALA, Chile \u2014 The World Food Programme delivered rice to 4,000 families."
    table = resolve(text)
    assert _at(table, text, "LIMBALA") is None
    assert _at(table, text, "World Food Programme").name == "World Food Programme"


def test_national_warplanes_are_that_states_military(resolve) -> None:
    text = "Chilean warplanes struck three villages in Peru overnight."
    actor = _at(resolve(text), text, "Chilean warplanes")
    assert actor is not None and actor.country == "CHL"


# ------------------------------------------------------------ dates


def _dated(doc, sentence: str, trigger: str, published: str | None = PUB) -> Event:
    start = doc.text.index(sentence)
    t_start = doc.text.index(trigger, start)
    ev = Evidence(sentence, start, start + len(sentence), trigger, t_start, t_start + len(trigger))
    event = Event("e1", "SUPPORT", ev)
    date_events([event], doc, published)
    return event


STATEMENT = (
    "On Monday, the ministry released a statement on the attack.\n\n"
    '"We thank the rescue teams for their courage," read the statement.'
)
NEW_SPEAKER = (
    "On Monday, the ministry released a statement on the attack.\n\n"
    '"We thank the rescue teams for their courage," the mayor said.'
)


def test_quote_from_the_leads_statement_takes_the_lead_day(nlp) -> None:
    doc = nlp(STATEMENT)
    sentence = STATEMENT.split("\n\n")[1]
    assert _dated(doc, sentence, "thank").date == "2021-03-08"


def test_quote_of_a_new_speaker_stays_undated(nlp) -> None:
    doc = nlp(NEW_SPEAKER)
    sentence = NEW_SPEAKER.split("\n\n")[1]
    assert _dated(doc, sentence, "thank").date is None


def test_quote_takes_the_date_of_its_attribution(nlp) -> None:
    text = '"We welcome the accord," the minister said on Monday.'
    assert _dated(nlp(text), text, "welcome").date == "2021-03-08"


def test_planned_event_takes_the_coming_weekday(nlp) -> None:
    text = "On Friday, the minister will meet the envoy in Lima."
    event = _dated(nlp(text), text, "meet")
    assert event.future and event.date == "2021-03-12"


def test_weekday_of_a_past_announcement_stays_past(nlp) -> None:
    text = "On Monday, the president announced that Peru will withdraw the bill."
    assert _dated(nlp(text), text, "withdraw").date == "2021-03-08"


def test_a_deadline_is_no_date(nlp) -> None:
    text = "The rebels called on the government to free the prisoners within 30 days."
    event = _dated(nlp(text), text, "called")
    assert event.date is None and not event.historical
    for length in ("within 30 days", "for two weeks", "30 days"):
        assert normalise_date(length, dt.date(2021, 3, 10)) is None
    assert normalise_date("30 days ago", dt.date(2021, 3, 10)) is not None


def test_weekday_joined_to_an_after_phrase_still_dates(nlp) -> None:
    text = "Chile and Peru signed an accord on Tuesday after weeks of talks."
    assert _dated(nlp(text), text, "signed").date == "2021-03-09"


def test_the_cause_after_over_keeps_its_own_time(nlp) -> None:
    text = (
        "Peru imposed sanctions on Chilean officials on Monday over a violent crackdown on "
        "protesters in Santiago last month."
    )
    assert _dated(nlp(text), text, "crackdown").date == "2021-02"
    text = "Peru imposed sanctions on Chile on Monday over a crackdown on protesters."
    assert _dated(nlp(text), text, "crackdown").date is None  # not the day of the sanctions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Both sides agreed to halt fighting from Friday.", None),
        ("Both sides agreed on Monday to halt fighting from Friday.", "2021-03-08"),
    ],
)
def test_the_start_of_an_agreed_act_does_not_date_the_agreement(nlp, text, expected) -> None:
    assert _dated(nlp(text), text, "agreed").date == expected


def test_hyphenated_surname_refers_back_to_the_person(resolve) -> None:
    text = (
        "President Kofi Adjei-Boateng arrived in Berlin on Monday. "
        '"We want partners, not charity," Adjei-Boateng told reporters.'
    )
    actor = _at(resolve(text), text, "Adjei-Boateng told")
    assert actor is not None and actor.name == "Kofi Adjei-Boateng"


def test_name_in_apposition_to_a_title_is_a_person(resolve) -> None:
    text = "Chile's foreign minister, Ama Owusu-Bekoe, said the visit went well."
    actor = _at(resolve(text), text, "Ama Owusu-Bekoe")
    assert actor is not None and actor.kind == "person"


def test_a_past_tense_conjunct_is_not_under_the_modal_of_the_first_verb(nlp) -> None:
    text = (
        'The rebel envoy said the movement would respect the truce "as long as Lima respects '
        'it too" and called on the government to release the detained fighters.'
    )
    event = _dated(nlp(text), text, "called")
    assert not event.hypothetical
