"""Dates the text fixes through context (issue 12, branch issue-12f): the current period
"earlier this month", a weekday or week counted back from the day named last, "earlier in
the day", "at the time" after a dated sentence, and a date in a relative clause on the
object of "after". Sentences are invented for these tests."""

from __future__ import annotations

import datetime as dt

from eventwire.analysis import analyze
from eventwire.nlp.dates import normalise_date


def _date_of(doc, trigger: str) -> str | None:
    found = [e for e in doc.events if e.evidence.trigger and trigger in e.evidence.trigger]
    assert found, [(e.type, e.evidence.trigger) for e in doc.events]
    return found[0].date


def test_earlier_this_month_and_week_are_the_current_period() -> None:
    pub = dt.date(2025, 3, 20)  # a Thursday; its week (17-23 March) lies inside March
    month = normalise_date("earlier this month", pub)
    assert month is not None and month.value == "2025-03"
    week = normalise_date("Earlier this week", pub)
    assert week is not None and week.value == "2025-03"
    assert normalise_date("earlier this week", dt.date(2025, 4, 2)) is None  # 31 Mar - 6 Apr
    assert normalise_date("later this month", pub) is None


def test_the_previous_weekday_counts_back_from_the_day_named_last() -> None:
    text = (
        "Soldiers attacked rebel positions near Goma on Friday. "
        "Rebels had blocked the road the previous Monday, residents said."
    )
    doc = analyze(text, published="2025-03-22")
    assert _date_of(doc, "attacked") == "2025-03-21"
    assert _date_of(doc, "blocked") == "2025-03-17"


def test_the_previous_week_is_the_month_of_the_week_before() -> None:
    text = (
        "Police arrested six activists in Tbilisi on Thursday. "
        "The group said police had beaten its members the previous week."
    )
    doc = analyze(text, published="2025-05-30")
    assert _date_of(doc, "beaten") == "2025-05"


def test_earlier_in_the_day_is_the_day_named_last() -> None:
    text = (
        "Troops shelled the village of Kafr Nabl on Tuesday, local officials said. "
        "The army said rebels had attacked a checkpoint earlier in the day."
    )
    doc = analyze(text, published="2025-06-12")
    assert _date_of(doc, "attacked") == "2025-06-10"


def test_at_the_time_takes_the_time_named_just_before() -> None:
    text = (
        "Chile closed its consulate in Tacna in 2016. Peru condemned the decision at the time."
    )
    doc = analyze(text, published="2025-06-12")
    assert _date_of(doc, "condemned") == "2016"


def test_a_date_in_a_clause_on_the_object_of_after_dates_that_clause_only() -> None:
    text = "Ecuador seized dozens of foreign trawlers after a crackdown that started in 2019."
    doc = analyze(text, published="2025-06-12")
    assert _date_of(doc, "seized") is None



def test_earlier_in_the_week_is_the_month_of_the_week_named_last() -> None:
    text = (
        "Police in Izmir detained 30 students on Saturday. Earlier in the week, the "
        "opposition had called for rallies in the city."
    )
    doc = analyze(text, published="2025-03-10")
    assert _date_of(doc, "called") == "2025-03"


def test_days_later_and_hours_later_count_from_the_day_named_last() -> None:
    text = (
        "Gunmen attacked a police post near Mopti late on Tuesday. Two days later, soldiers "
        "killed 15 militants near the post. Three hours later, the militants shelled the town."
    )
    doc = analyze(text, published="2025-03-08")
    assert _date_of(doc, "attacked") == "2025-03-04"
    assert _date_of(doc, "killed") == "2025-03-06"
    assert _date_of(doc, "shelled") == "2025-03-06"


def test_a_week_earlier_straddling_two_months_fixes_no_month() -> None:
    text = "Vietnam protested on Friday. A week earlier, Vietnam had summoned China's envoy."
    doc = analyze(text, published="2025-03-08")  # the week before Friday 7 March: 24 Feb - 2 Mar
    assert _date_of(doc, "summoned") is None
