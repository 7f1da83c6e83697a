"""Acceptance on the reference article (../shared/data/seed): quotes and speakers, the
dating of background events, the date of a relative clause kept off the main event, and
the KFOR facts. The coder decides which events exist; these tests check how the ones it
finds are dated, plus events built on the evidence sentences directly."""

from __future__ import annotations

import re
from typing import Any

import pytest

from eventwire.model import Event, Evidence
from eventwire.nlp.dates import date_events

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_text(shared_data) -> str:
    return (shared_data / "seed" / "nato-kosovo.txt").read_text("utf-8")


@pytest.fixture(scope="module", params=[None, "2025-03-11"], ids=["no-date", "published"])
def seed(request, seed_text) -> dict[str, Any]:
    from eventwire.analysis import analyze

    return analyze(seed_text, published=request.param).to_dict()


def _names(doc: dict[str, Any]) -> dict[str, str]:
    return {a["id"]: a["name"] for a in doc["actors"]}


def test_full_quotes_are_the_secretary_generals(seed):
    names = _names(seed)
    full = [q for q in seed["quotes"] if q["direct"] and not q["partial"]]
    assert len(full) == 5
    assert {names.get(q["speaker"]) for q in full} == {"Mark Rutte"}
    partial = {q["text"]: names.get(q["speaker"]) for q in seed["quotes"] if q["partial"]}
    assert partial.get("steadfast commitment") == "Mark Rutte"
    assert partial.get("unwavering") == "Mark Rutte"
    text = seed["article"]["text"]
    assert all(text[q["start"] : q["end"]] == q["text"] for q in seed["quotes"])


def test_background_events_are_dated_and_historical(seed):
    for year in ("2011", "1998", "2008"):
        events = [e for e in seed["events"] if year in e["evidence"]["sentence"]]
        for event in events:
            if event["type"] == "REQUEST":
                continue  # the EU/US request, checked below
            years = re.findall(r"\b(?:19|20)\d\d\b", event["evidence"]["sentence"])
            assert event["date"] in years, event
            assert event["historical"], event


def test_the_request_does_not_take_the_agreements_date(seed):
    requests = [
        e for e in seed["events"]
        if e["type"] == "REQUEST" and "European Union" in {_names(seed).get(s) for s in e["source"]}
    ]  # fmt: skip
    assert requests, "the coder found no REQUEST by the EU"
    for event in requests:
        assert event["date"] is None and not event["historical"]


@pytest.mark.parametrize(("published", "expected"), [("2025-03-11", "2023"), (None, None)])
def test_the_agreements_date_counts_from_publication(nlp, seed_text, published, expected):
    from eventwire.ingest.text import article_from_text

    text = article_from_text(seed_text).text
    doc = nlp(text)
    m = re.search(r"[^.]*agreements reached two years ago[^.]*\.", text)
    assert m is not None
    t_start = text.index("reached", m.start())
    ev = Evidence(m.group(0).strip(), m.start(), m.end(), "reached", t_start, t_start + 7)
    event = Event("e1", "AGREE", ev)
    date_events([event], doc, published)
    assert event.date == expected
    assert event.historical  # "two years ago" is background with or without a date


def test_kfor_troops_and_countries(seed):
    by_id = {a["id"]: a for a in seed["actors"]}

    def kfor(fact: dict[str, Any]) -> bool:
        actor = by_id.get(fact["subject"] or "")
        forms = {actor["name"], *(m["text"] for m in actor["mentions"])} if actor else set()
        return "KFOR" in forms or any("Kosovo Force" in f for f in forms)

    troops = [f for f in seed["facts"] if f["quantity"] == 4700]
    countries = [f for f in seed["facts"] if f["quantity"] == 29]
    assert len(troops) == 1 and troops[0]["unit"] == "troops" and troops[0]["approx"]
    assert len(countries) == 1 and countries[0]["unit"] == "countries"
    assert not countries[0]["approx"]
    assert kfor(troops[0]) and kfor(countries[0])
