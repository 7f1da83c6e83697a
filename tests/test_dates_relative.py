"""Dates the text fixes through context: relative to the last day it named, weeks that
straddle two months, dates that modify another noun, events taken up by their noun."""

from __future__ import annotations

import datetime as dt

from eventwire.analysis import analyze
from eventwire.nlp.dates import normalise_date


def _event(doc, trigger: str):
    found = [e for e in doc.events if e.evidence.trigger and trigger in e.evidence.trigger]
    assert found, [(e.type, e.evidence.trigger) for e in doc.events]
    return found[0]


def _date_of(doc, trigger: str) -> str | None:
    return _event(doc, trigger).date


def test_the_following_day_counts_from_the_day_named_before() -> None:
    text = (
        "Protesters marched on the parliament in Lima on Tuesday. "
        "The following day, police arrested 40 protesters near the parliament."
    )
    doc = analyze(text, published="2025-05-09")
    assert _date_of(doc, "arrested") == "2025-05-07"


def test_that_night_is_the_day_named_before() -> None:
    text = (
        "Thousands of protesters marched in Lima on Sunday. "
        "That night, police arrested 40 protesters near the parliament."
    )
    doc = analyze(text, published="2025-05-13")
    assert _date_of(doc, "arrested") == "2025-05-11"


def test_a_relative_day_without_an_anchor_stays_undated() -> None:
    doc = analyze("The following day, police arrested 40 protesters.", published="2025-05-09")
    assert _date_of(doc, "arrested") is None


def test_weeks_that_straddle_two_months_fix_no_month() -> None:
    assert normalise_date("last week", dt.date(2020, 1, 6)) is None  # Dec 30 - Jan 5
    value = normalise_date("last week", dt.date(2020, 1, 20))
    assert value is not None and value.value == "2020-01"


def test_a_year_modifying_a_noun_does_not_date_the_event() -> None:
    doc = analyze("Russia condemned the 2014 annexation law on Friday.", published="2020-03-15")
    assert _date_of(doc, "condemned") == "2020-03-13"


def test_a_day_with_its_part_of_day_dates_the_event() -> None:
    text = "Yesterday afternoon, Chile condemned Peru over the seizure of its fishing boats."
    assert _date_of(analyze(text, published="2019-09-25"), "condemned") == "2019-09-24"
    text = "Gunmen attacked the mayor of Kirkuk last night at a rally in the city."
    assert _date_of(analyze(text, published="2019-01-14"), "attacked") == "2019-01-13"


def _historical(doc, trigger: str) -> bool:
    return _event(doc, trigger).historical


def test_a_paragraph_after_one_dated_long_ago_goes_on_with_that_background() -> None:
    text = (
        "Kenya urged Somalia on Monday to release the fishermen.\n\n"
        "A Kenyan trawler was seized off Kismayo on March 3, 2024.\n\n"
        "Somali police questioned Omar Dahir as a suspect and released him."
    )
    doc = analyze(text, published="2024-06-20")
    assert _historical(doc, "questioned")
    recent = text.replace("on March 3, 2024", "on Tuesday")
    assert not _historical(analyze(recent, published="2024-06-20"), "questioned")


def test_an_unfixed_day_in_the_paragraph_before_keeps_the_act_current() -> None:
    text = (
        "Kenya urged Somalia on Monday to release the fishermen.\n\n"
        "The previous day, Somali radio said a trawler had been seized in March 2024.\n\n"
        "Somali police questioned Omar Dahir as a suspect and released him."
    )
    assert not _historical(analyze(text, published="2024-06-20"), "questioned")


def test_a_day_still_to_come_is_no_date() -> None:
    published = dt.date(2024, 3, 14)  # a Thursday
    assert normalise_date("next Monday", published) is None
    assert normalise_date("next Tuesday, March 19", published) is None
    assert normalise_date("the coming Friday", published) is None
    assert normalise_date("last Monday", published) is not None


def test_a_resignation_effective_next_week_leaves_the_announcement_undated() -> None:
    text = (
        "Tomas Berg, the chief of staff of the governor of Carpathia, announced his resignation "
        "effective next Wednesday, March 20."
    )
    doc = analyze(text, published="2024-03-14")
    assert _date_of(doc, "resignation") is None


def test_a_time_counted_from_the_clock_keeps_its_day() -> None:
    published = dt.date(2024, 3, 14)  # a Thursday
    value = normalise_date("shortly before midnight Monday night", published)
    assert value is not None and value.value == "2024-03-11"
    value = normalise_date("just after 2 a.m. Tuesday", published)
    assert value is not None and value.value == "2024-03-12"
    assert normalise_date("shortly before the vote on Monday", published) is None


def test_a_bare_time_of_day_goes_on_with_the_day_named_before() -> None:
    text = (
        "Thousands of protesters marched in Lima on Sunday. "
        "By the evening hours, police arrested 40 protesters near the parliament."
    )
    doc = analyze(text, published="2025-05-13")
    assert _date_of(doc, "arrested") == "2025-05-11"


def test_a_bare_time_of_day_with_no_day_before_stays_undated() -> None:
    text = "By the evening hours, police arrested 40 protesters near the parliament in Lima."
    doc = analyze(text, published="2025-05-13")
    assert _date_of(doc, "arrested") is None
