"""Numeric facts: quantities, units, approximation and owners, on text written here."""

from __future__ import annotations

import json

import pytest

from eventwire.actors.table import ActorTable
from eventwire.model import Actor, Mention
from eventwire.nlp.quantities import find_facts, parse_number


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["4,700"], 4700), (["1.2", "billion"], 1.2e9), (["seventeen"], 17),
        (["one", "million"], 1e6), (["more", "than", "1000"], 1000),
        (["$", "3.5", "million"], 3.5e6),
        (["dozens"], None),
    ],
)  # fmt: skip
def test_parse_number(words: list[str], value: float | None) -> None:
    assert parse_number(words) == value


def facts_of(nlp, text: str, owner: str | None = None):
    doc = nlp(text)
    table = ActorTable()
    if owner is not None:
        start = text.index(owner)
        table.add(
            Actor("", owner, "organisation", mentions=[Mention(owner, start, start + len(owner))])
        )
    return doc, table, find_facts(doc, table)


def test_troops_and_countries_with_owner(nlp):
    text = (
        "The Baltic Guard Mission (BGM), a monitoring force comprising about 3,200 troops "
        "from 14 countries, patrols the coast."
    )
    doc, table, facts = facts_of(nlp, text, owner="Baltic Guard Mission")
    got = {(f.quantity, f.unit, f.approx) for f in facts}
    assert got == {(3200, "troops", True), (14, "countries", False)}
    troops = next(f for f in facts if f.unit == "troops")
    assert troops.subject is not None and table.get(troops.subject).name == "Baltic Guard Mission"
    assert doc.text[troops.evidence.start : troops.evidence.end] == troops.evidence.sentence


def test_casualties_money_percent_duration(nlp):
    text = (
        "At least 12 were killed in the shelling. The fund pledged $1.2 billion in aid. "
        "Turnout reached 64% in the capital. The siege ended a 40-day blockade."
    )
    _, _, facts = facts_of(nlp, text)
    got = {(f.quantity, f.unit, f.approx) for f in facts}
    assert (12, "people", True) in got
    assert (1.2e9, "USD", False) in got
    assert (64, "percent", False) in got
    assert (40, "days", False) in got


def test_years_ages_objects_and_quotes_are_not_facts(nlp):
    text = (
        'In 2015 the minister, who was 58, said "we lost 300 soldiers". '
        "Militants fired 17 rockets at the base."
    )
    _, _, facts = facts_of(nlp, text)
    assert facts == []


@pytest.mark.shared
def test_dev_gold_fact_recall(shared_data, nlp):
    from dataclasses import asdict

    from eventwire.nlp.scoring import gold_actor_table, score_facts

    gold_n = found = 0
    for path in sorted((shared_data / "dev-gold" / "gold").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        text = (shared_data / "dev-gold" / "docs" / f"{gold['id']}.txt").read_text("utf-8")
        doc = nlp(text)
        facts = find_facts(doc, gold_actor_table(doc, gold["actors"]))
        got = score_facts([asdict(f) for f in facts], gold["facts"])
        gold_n += got["gold"]
        found += got["found"]
    assert found / gold_n >= 0.8
