"""Dates through context, seventh pass of issue 12: months counted from a named month, a
week with no day named near it, and the reporter's second act the parser hung on a
pluperfect reported clause."""

from __future__ import annotations

import datetime as dt

from eventwire.nlp.dates import document_dates
from eventwire.nlp.pipeline import load_nlp


def _dates(text: str, published: dt.date) -> dict[str, str]:
    doc = load_nlp()(text)
    return {ent.text: value.value for ent, value in document_dates(doc, published).values()}


def test_months_later_count_from_the_month_named_before() -> None:
    text = (
        "Fighting broke out in Goma in March 2024. A month later, the two sides signed a "
        "ceasefire. Two months later they met again in Nairobi."
    )
    dates = _dates(text, dt.date(2026, 5, 15))
    assert dates["A month later"] == "2024-04"
    assert dates["Two months later"] == "2024-06"


def test_months_later_without_a_month_named_stay_undated() -> None:
    dates = _dates("A month later, the two sides signed a ceasefire.", dt.date(2026, 5, 15))
    assert "A month later" not in dates


def test_months_later_past_the_report_stay_undated() -> None:
    text = "The court sat in April 2026. Three months later, it ruled against the mine."
    assert "Three months later" not in _dates(text, dt.date(2026, 5, 15))


def test_the_previous_week_without_a_day_near_it_is_the_reports_month() -> None:
    text = (
        "The ministry said it would study the request. Farmers have long complained of the "
        "quotas. The previous week, the fisheries agency had accused the union of lying."
    )
    assert _dates(text, dt.date(2026, 11, 19))["The previous week"] == "2026-11"


def test_the_reporters_second_act_takes_the_day_of_the_report() -> None:
    from eventwire.analysis import analyze

    text = (
        "The World Food Programme said on Wednesday that 50 trucks had been waiting at the "
        "border for two weeks, and called on both armies to let them through."
    )
    doc = analyze(text, published="2026-05-15")
    requests = [e for e in doc.events if e.type == "REQUEST"]
    assert requests and requests[0].date == "2026-05-13"


def test_a_second_act_with_its_own_subject_keeps_its_own_reading() -> None:
    from eventwire.analysis import analyze

    text = (
        "The agency said on Wednesday that the trucks had been waiting for weeks, and that "
        "the rebels had demanded a ransom for them."
    )
    doc = analyze(text, published="2026-05-15")
    requests = [e for e in doc.events if e.type == "REQUEST"]
    assert requests and all(e.date != "2026-05-13" for e in requests)


def _event_date(text: str, published: str, trigger: str) -> str | None:
    from eventwire.analysis import analyze

    doc = analyze(text, published=published)
    found = [e for e in doc.events if e.evidence.trigger and trigger in e.evidence.trigger]
    assert found, [(e.type, e.evidence.trigger) for e in doc.events]
    return found[0].date


def test_an_act_days_before_the_dated_main_clause_is_dated_back() -> None:
    text = "The bloc suspended Mali on Tuesday, two days after soldiers seized the president."
    assert _event_date(text, "2026-05-15", "seized") == "2026-05-10"
    assert _event_date(text, "2026-05-15", "suspended") == "2026-05-12"


def test_an_after_clause_with_its_own_date_keeps_it() -> None:
    text = (
        "The bloc suspended Mali on Tuesday, two days after soldiers seized the president "
        "on May 3."
    )
    assert _event_date(text, "2026-05-15", "seized") == "2026-05-03"
