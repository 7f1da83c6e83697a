"""Which date in a sentence belongs to an event, dates counted from another date, the lead
paragraph's day, and the never-after-publication property over whole documents."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.model import Event, Evidence
from eventwire.nlp.dates import date_events
from tests.helpers import dated_event

PUB = "2021-03-10"  # a Wednesday


def dated(doc, sentence: str, trigger: str, published: str | None = PUB) -> Event:
    return dated_event(doc, sentence, trigger, published, "REQUEST")


ACCORDS = (
    "Norway and Chile have reiterated the need for both sides to honour accords signed "
    "three years ago."
)


def test_a_relative_clause_date_belongs_to_what_it_modifies(nlp):
    doc = nlp(ACCORDS)
    main = dated(doc, ACCORDS, "reiterated")
    assert (main.date, main.historical) == (None, False)
    signed = dated(doc, ACCORDS, "signed")
    assert (signed.date, signed.historical) == ("2018", True)
    assert dated(doc, ACCORDS, "signed", published=None).date is None


def test_a_nominal_event_takes_the_date_of_its_relative_clause(nlp):
    text = "The talks between Peru and Chile, which opened in 2009, have stalled."
    event = dated(nlp(text), text, "talks")
    assert (event.date, event.historical) == ("2009", True)


def test_a_reported_earlier_event_does_not_take_the_report_date(nlp):
    text = "On Friday, the ministry said the convoy had been attacked near the border."
    doc = nlp(text)
    assert dated(doc, text, "said").date == "2021-03-05"
    assert dated(doc, text, "attacked").date is None


def test_that_day_is_the_day_named_before(nlp):
    text = "On Tuesday, the agency released a statement saying a raid that day killed two."
    assert dated(nlp(text), text, "raid").date == "2021-03-09"


def test_years_later_counts_from_the_year_given(nlp):
    text = (
        "The troops left Peru in 2004, then at the government's request returned five years later."
    )
    event = dated(nlp(text), text, "returned")
    assert (event.date, event.historical) == ("2009", True)


def test_since_clause_gives_an_ongoing_start(nlp):
    text = "More than 200 people have been detained since the strikes began in January."
    event = dated(nlp(text), text, "detained")
    assert event.date == "2021-01"
    assert not event.historical  # still going on


def test_an_event_in_a_despite_phrase_keeps_its_own_time(nlp):
    text = "The mayor opened the bridge on Monday despite protests by residents."
    assert dated(nlp(text), text, "protests").date is None


LEAD = (
    "On Monday, Norway said the talks had collapsed.\n\n"
    "The foreign minister demanded an explanation from Chile. "
    "Chile has rejected the claim.\n\n"
    "Later paragraphs follow.\n\n"
    "The envoy condemned the move."
)


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("The foreign minister demanded an explanation from Chile.", "demanded", "2021-03-08"),
        ("Chile has rejected the claim.", "rejected", None),  # not told as that day's act
        ("The envoy condemned the move.", "condemned", None),  # past the lead paragraphs
    ],
)
def test_the_lead_day_dates_simple_past_events_right_after_it(nlp, sentence, trigger, expected):
    assert dated(nlp(LEAD), sentence, trigger).date == expected


SENTENCES = st.sampled_from([
    "On {w}, Norway condemned the raid.",
    "Chile protested {n} years ago and again last month.",
    "Peru left the pact in {y}, then returned {n} years later.",
    "In {m}, the army attacked the town.",
    "Talks that began {n} months ago have stalled.",
    "Since {m} {d}, protesters have been arrested.",
    "The ministry said the convoy was attacked last {w}.",
])  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    st.lists(SENTENCES, min_size=1, max_size=4),
    st.sampled_from(["Monday", "Thursday", "Sunday"]),
    st.sampled_from(["January", "June", "December"]),
    st.integers(1, 28),
    st.integers(1, 9),
    st.integers(1990, 2030),
    st.dates(dt.date(1995, 1, 1), dt.date(2030, 12, 31)),
)
def test_no_event_date_after_publication(nlp, templates, w, m, d, n, y, published) -> None:
    text = " ".join(t.format(w=w, m=m, d=d, n=n, y=y) for t in templates)
    doc = nlp(text)
    events = []
    for sent in doc.sents:
        root = sent.root
        ev = Evidence(sent.text, sent.start_char, sent.end_char, root.text, root.idx,
                      root.idx + len(root.text))  # fmt: skip
        events.append(Event(f"e{len(events)}", "ASSAULT", ev))
    date_events(events, doc, published.isoformat())
    for event in events:
        if event.date is not None:
            first = event.date + "-01" * (2 - event.date.count("-"))
            assert dt.date.fromisoformat(first) <= published, (text, event.date_text)


def test_a_date_in_quotation_marks_does_not_date_an_act_told_outside_them(nlp):
    text = (
        '"We will leave the union by October 31," Anna Kowalski said in a statement released '
        "during a visit to Warsaw."
    )
    assert dated(nlp(text), text, "visit").date is None


def test_a_date_in_the_quotation_dates_the_act_quoted(nlp):
    text = '"We signed the accord on Monday," Anna Kowalski said.'
    assert dated(nlp(text), text, "signed").date == "2021-03-08"


def test_a_date_in_a_finite_relative_clause_dates_that_clause_only(nlp):
    text = (
        "Anna Kowalski, who led the ministry until December, criticized the decision "
        "on the radio."
    )
    assert dated(nlp(text), text, "criticized").date is None


def test_a_participle_on_the_subject_still_dates_the_act(nlp):
    text = "The minister, speaking on Monday, criticized the decision."
    assert dated(nlp(text), text, "criticized").date == "2021-03-08"


def test_a_date_in_a_gerund_after_before_dates_that_gerund(nlp):
    text = (
        "On March 2, Anna Kowalski announced she would withdraw the bill, before reversing "
        "course the next day."
    )
    assert dated(nlp(text), text, "withdraw").date == "2021-03-02"


def test_hours_before_a_dated_act_fall_on_its_day(nlp):
    text = "A few hours before the ferry sank on Monday, the navy fired missiles at the port."
    assert dated(nlp(text), text, "fired").date == "2021-03-08"


def test_days_before_a_dated_act_are_not_its_day(nlp):
    text = "Two days before the ferry sank on Monday, the navy fired missiles at the port."
    assert dated(nlp(text), text, "fired").date != "2021-03-08"


def test_the_cause_of_a_penalty_is_not_dated_by_the_penalty(nlp):
    text = "The minister was fined in 2015 for refusing to hand over the accounts."
    cause = dated(nlp(text), text, "refusing")
    assert cause.date is None and cause.historical  # it came before a penalty long past
    assert dated(nlp(text), text, "fined").date == "2015"


def test_an_act_told_with_also_is_on_the_occasion_dated_before(nlp):
    text = (
        "Anna Kowalski said on March 8, 2021 that the port would reopen. "
        "Kowalski also said that she would meet the union leaders."
    )
    doc = nlp(text)
    second = "Kowalski also said that she would meet the union leaders."
    assert dated(doc, second, "said").date == "2021-03-08"


def test_also_by_another_speaker_takes_no_date(nlp):
    text = (
        "Anna Kowalski said on March 8, 2021 that the port would reopen. "
        "Piotr Nowak also said that the union would strike."
    )
    doc = nlp(text)
    assert dated(doc, "Piotr Nowak also said that the union would strike.", "said").date is None


def test_an_act_within_a_dated_gathering_takes_its_date(nlp):
    text = "In his Monday speech at the university, the minister criticized the court."
    assert dated(nlp(text), text, "criticized").date == "2021-03-08"


def test_a_dated_thing_that_is_no_gathering_stays_attributive(nlp):
    text = "The minister criticized the court in his 2019 book."
    assert dated(nlp(text), text, "criticized").date is None


def test_a_date_naming_a_thing_does_not_date_the_clause_on_it(nlp):
    text = "The union sent the police a plan for Monday's march, which they rejected."
    assert dated(nlp(text), text, "rejected").date is None


def test_a_past_conjunct_does_not_date_a_present_state(nlp):
    text = "The company is under sanctions, and was condemned by the council on Monday."
    assert dated(nlp(text), text, "sanctions").date is None


def test_conjuncts_in_one_tense_share_their_date(nlp):
    text = "Police arrested the man and charged him on Monday."
    assert dated(nlp(text), text, "arrested").date == "2021-03-08"


LEAD_SPEAKER = (
    "On Monday, Anna Kowalski announced that the port of Gdynia would close.\n\n"
    "The port has handled grain since 1990.\n\n"
    'The port handles most exports. "We will close the port," wrote Kowalski in a statement, '
    '"and we thank the workers. We criticize the ministry for its silence."\n\n'
    '"We will strike," said Piotr Nowak, a union leader. "We criticize the ministry."'
)


def test_the_lead_speaker_quoted_later_is_the_lead_statement(nlp):
    doc = nlp(LEAD_SPEAKER)
    sentence = next(s.text for s in doc.sents if s.text.startswith("We criticize the ministry for"))
    assert dated(doc, sentence, "criticize").date == "2021-03-08"


def test_another_speaker_quoted_later_stays_undated(nlp):
    doc = nlp(LEAD_SPEAKER)
    sentence = next(s.text for s in doc.sents if s.text.startswith('"We criticize the ministry.'))
    assert dated(doc, sentence, "criticize").date is None


NEW_SPEAKER = (
    "On Monday, Anna Kowalski rejected the offer of the union.\n\n"
    "Piotr Nowak said the union would wait. Kowalski said the offer came too late."
)


def test_a_new_speaker_after_the_lead_is_a_statement_of_its_own(nlp):
    doc = nlp(NEW_SPEAKER)
    assert dated(doc, "Piotr Nowak said the union would wait.", "said").date is None


def test_the_lead_speaker_saying_more_is_on_the_lead_day(nlp):
    doc = nlp(NEW_SPEAKER)
    assert dated(doc, "Kowalski said the offer came too late.", "said").date == "2021-03-08"
