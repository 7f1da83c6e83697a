"""Date normalisation against a publication date, and dating events from their sentence."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.model import Event, Evidence
from eventwire.nlp.dates import date_events, normalise_date

PUB = dt.date(2021, 3, 10)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("in 2008", "2008", "year"),
        ("1998-1999", "1998", "year"),
        ("since 2011", "2011", "year"),
        ("the 1990s", "1990", "decade"),
        ("two years ago", "2019", "year"),
        ("Monday", "2021-03-08", "day"),
        ("on Wednesday", "2021-03-10", "day"),
        ("last Wednesday", "2021-03-03", "day"),
        ("Friday", "2021-03-05", "day"),
        ("yesterday", "2021-03-09", "day"),
        ("last month", "2021-02", "month"),
        ("last week", "2021-03", "month"),
        ("this June", "2020-06", "month"),
        ("early October", "2020-10", "month"),
        ("last October", "2020-10", "month"),
        ("January", "2021-01", "month"),
        ("March of this year", "2021-03", "month"),
        ("October 2 2018", "2018-10-02", "day"),
        ("27 June 2015", "2015-06-27", "day"),
        ("over the past two years", "2019", "year"),
        ("three months ago", "2020-12", "month"),
    ],
)
def test_normalise(text: str, value: str, precision: str) -> None:
    got = normalise_date(text, PUB)
    assert got is not None
    assert (got.value, got.precision) == (value, precision)


@pytest.mark.parametrize(
    "text", ["nearly three decades after", "78-day", "the previous day", "three years later"]
)
def test_not_a_date(text: str) -> None:
    assert normalise_date(text, PUB) is None


@pytest.mark.parametrize("text", ["two years ago", "Friday", "yesterday", "last month", "June"])
def test_relative_dates_need_a_publication_date(text: str) -> None:
    assert normalise_date(text, None) is None


def test_explicit_year_without_publication_date() -> None:
    got = normalise_date("in 2008", None)
    assert got is not None and got.value == "2008"


PHRASES = st.sampled_from([
    "{m}", "early {m}", "last {m}", "this {m}", "{m} {d}", "{d} {m}", "{w}", "on {w}",
    "last {w}", "yesterday", "last month", "{n} years ago", "{n} days ago", "{n} months ago",
    "last year", "this year", "the past {n} years", "last week",
])  # fmt: skip
MONTHS = st.sampled_from(["January", "April", "June", "October", "December", "Sept."])
WEEKDAYS = st.sampled_from(["Monday", "Thursday", "Saturday", "Sunday"])


@given(
    PHRASES, MONTHS, WEEKDAYS, st.integers(1, 28), st.integers(1, 9),
    st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
)  # fmt: skip
def test_never_after_publication(phrase, month, weekday, day, n, published) -> None:
    text = phrase.format(m=month, w=weekday, d=day, n=n)
    got = normalise_date(text, published)
    if got is not None:
        first = got.value + "-01" * (2 - got.value.count("-"))
        assert dt.date.fromisoformat(first) <= published


def _event(doc, sentence: str, trigger: str) -> Event:
    start = doc.text.index(sentence)
    t_start = doc.text.index(trigger, start)
    ev = Evidence(sentence, start, start + len(sentence), trigger, t_start, t_start + len(trigger))
    return Event("e1", "ACCUSE", ev)


def test_date_events_prefers_the_date_attached_to_the_trigger(nlp):
    s1 = "On Friday, Norway condemned the raid that began in 2012."
    s2 = "Chile will send observers next year."
    s3 = "Peru had criticised the treaty back in 1990."
    s4 = "Brazil would object if asked."
    doc = nlp(" ".join([s1, s2, s3, s4]))
    events = [
        _event(doc, s1, "condemned"),
        _event(doc, s2, "send"),
        _event(doc, s3, "criticised"),
        _event(doc, s4, "object"),
    ]
    date_events(events, doc, "2021-03-10")
    assert (events[0].date, events[0].historical) == ("2021-03-05", False)
    assert "Friday" in (events[0].date_text or "")
    assert [e.date_source for e in events] == ["text", None, "text", None]
    assert events[1].future and not events[1].hypothetical and events[1].date is None
    assert events[2].date == "1990" and events[2].historical
    assert events[3].hypothetical and events[3].date is None


def test_date_events_without_publication_date(nlp):
    s1 = "On Friday, Norway condemned the raid."
    doc = nlp(s1)
    [event] = events = [_event(doc, s1, "condemned")]
    date_events(events, doc, None)
    assert event.date is None and not event.historical


@pytest.mark.shared
def test_dev_gold_event_dates(shared_data, nlp):
    from eventwire.nlp.scoring import score_dates

    pairs = []
    for path in sorted((shared_data / "dev-gold" / "gold").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        text = (shared_data / "dev-gold" / "docs" / f"{gold['id']}.txt").read_text("utf-8")
        doc = nlp(text)
        for g in gold["events"]:
            start = text.find(g["evidence"])
            if start < 0:
                continue
            event = Event(
                "e", g["type"], Evidence(g["evidence"], start, start + len(g["evidence"]))
            )
            date_events([event], doc, gold["published"])
            pairs.append(({"date": event.date, "historical": event.historical}, g))
    got = score_dates(pairs)
    assert got["events"] >= 80
    assert got["date_ok"] / got["events"] >= 0.78
    assert got["historical_ok"] / got["events"] >= 0.85
