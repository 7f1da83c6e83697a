"""An undated act placed "during/at the <event>" takes the date of the earlier sentence that
told that event with a date; an unnamed national institution belongs to the story's state."""

from __future__ import annotations

import pytest

from eventwire.model import Event
from tests.helpers import actor_at_text as _at
from tests.helpers import dated_event

PUB = "2021-06-15"


def dated(doc, sentence: str, trigger: str, published: str | None = PUB) -> Event:
    return dated_event(doc, sentence, trigger, published, "CONCEDE")


FIRST = "A parliamentary hearing on the port contract was held on March 3, 2021."
LATER = "The harbour director apologised to the committee during the hearing."


def test_during_the_hearing_takes_the_date_of_the_dated_hearing(nlp):
    doc = nlp(f"{FIRST} Several witnesses were called. {LATER}")
    event = dated(doc, LATER, "apologised")
    assert (event.date, event.historical) == ("2021-03-03", True)


def test_a_recent_summit_date_is_not_historical(nlp):
    first = "Leaders of the two countries opened a summit in Oslo on June 10, 2021."
    later = "At the summit, the Danish premier thanked Norway for its help."
    event = dated(nlp(f"{first} {later}"), later, "thanked")
    assert (event.date, event.historical) == ("2021-06-10", False)


def test_the_latest_dated_mention_wins(nlp):
    text = (
        "The two ministers held a meeting in Vienna on January 12, 2021. "
        "They held another meeting in Geneva on February 2, 2021. "
        "The Austrian minister praised his counterpart at the meeting."
    )
    event = dated(nlp(text), "The Austrian minister praised", "praised")
    assert event.date == "2021-02-02"


def test_a_different_event_noun_gives_no_date(nlp):
    later = "The harbour director apologised to the committee during the interview."
    event = dated(nlp(f"{FIRST} {later}"), later, "apologised")
    assert event.date is None


def test_an_indefinite_event_noun_is_a_new_event(nlp):
    later = "The harbour director apologised to the committee during a hearing."
    event = dated(nlp(f"{FIRST} {later}"), later, "apologised")
    assert event.date is None


def test_after_the_hearing_does_not_fix_a_date(nlp):
    later = "The harbour director apologised to the committee after the hearing."
    event = dated(nlp(f"{FIRST} {later}"), later, "apologised")
    assert event.date is None


def test_a_date_of_its_own_wins(nlp):
    later = "The harbour director apologised to the committee during the hearing on Friday."
    event = dated(nlp(f"{FIRST} {later}"), later, "apologised")
    assert event.date == "2021-06-11"


# --- unnamed national institutions ------------------------------------------------------

KENYA = (
    "Kenya opened an inquiry into the port deal on Monday. Kenyan officials in Nairobi said "
    "the review would take weeks. "
)


@pytest.mark.parametrize(
    ("sentence", "needle", "sector"),
    [
        ("The national police arrested four suspects.", "police", "COP"),
        ("The country's parliament summoned the minister.", "parliament", "LEG"),
        ("The nation's army sealed the border crossing.", "army", "MIL"),
    ],
)
def test_national_institution_belongs_to_the_story_state(resolve, sentence, needle, sector):
    text = KENYA + sentence
    actor = _at(resolve(text), text, needle)
    assert actor is not None
    assert (actor.country, actor.sector) == ("KEN", sector)


def test_capitalised_national_body_takes_the_story_state(resolve):
    sentence = "The National Police said two officers were hurt."
    text = KENYA + sentence
    actor = _at(resolve(text), text, "National Police")
    assert actor is not None
    assert (actor.country, actor.sector) == ("KEN", "COP")


def test_no_dominant_state_leaves_the_institution_unowned(resolve):
    text = (
        "Kenya and Uganda signed a border accord. Kenyan and Ugandan envoys met in Kampala. "
        "The national police arrested four suspects."
    )
    actor = _at(resolve(text), text, "police")
    assert actor is None or actor.country is None


def test_a_national_of_a_state_is_no_institution(resolve):
    sentence = "A Kenyan national was detained at the airport."
    text = KENYA + sentence
    actor = _at(resolve(text), text, "national")
    assert actor is None or actor.sector not in ("COP", "LEG", "MIL", "GOV")


def test_the_dateline_state_owns_the_national_institution(resolve):
    text = "ABUJA, Nigeria \u2014 The national police detained a British journalist on Monday."
    actor = _at(resolve(text), text, "police")
    assert actor is not None
    assert (actor.country, actor.sector) == ("NGA", "COP")
