"""Round 14 (issue i12p): recall of counted groups. Sentences written for these tests."""

from __future__ import annotations

from tests.helpers import one_actor as _one


def _names(table) -> list[str]:
    return [a.name for a in table]


# 1. a group counted by a number is named by its counted phrase where, uncounted, its name
#    would mean people at large (a people by its demonym, "women", "people")


def test_a_counted_demonym_plural_is_named_with_its_count(resolve) -> None:
    text = "Border guards arrested 23 Guatemalans who tried to cross the river on Monday."
    group = _one(resolve(text), "23 Guatemalans")
    assert group.kind == "group" and group.country == "GTM"


def test_counted_employees_described_by_modifiers_are_a_group(resolve) -> None:
    text = "Militia officers in Benghazi detained four female hospital employees on Friday."
    group = _one(resolve(text), "four female hospital employees")
    assert group.kind == "group" and group.sector == "CVL"


def test_a_counted_crowd_that_gathers_is_a_group(resolve) -> None:
    text = "In Kandahar, about 60 women gathered outside the governor's office on Sunday."
    group = _one(resolve(text), "about 60 women")
    assert group.kind == "group" and group.country == "AFG"


def test_a_crowd_counted_in_hundreds_that_marches_is_a_group(resolve) -> None:
    text = "Several hundred people marched through Gizo to the town hall on Monday."
    assert "several hundred people" in _names(resolve(text))


def test_people_counted_as_victims_are_no_group(resolve) -> None:
    text = "Police in Lagos arrested 12 people after the clashes on Monday."
    assert not [n for n in _names(resolve(text)) if "people" in n]


def test_a_population_counted_in_millions_is_no_group(resolve) -> None:
    text = "About two million people rallied across the country on Saturday."
    assert not [n for n in _names(resolve(text)) if "people" in n]


def test_an_uncounted_trade_group_keeps_its_name(resolve) -> None:
    text = "Hundreds of dock workers blocked the port of Durban on Tuesday."
    assert "dock workers" in _names(resolve(text))
