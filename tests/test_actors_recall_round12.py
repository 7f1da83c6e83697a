"""Actor recall rules, round 12 (issue i12k): local collectives acted on and placed (veterans,
students, companies; "an attack on a convoy"; "fishermen in X" where NER saw no place; "In X,
students rallied"), names glossed by what they are, breakaway regions that act, companies
after a state's possessive, long titles before a name."""

from __future__ import annotations


def _one(table, name: str):
    found = [a for a in table if a.name == name]
    assert len(found) == 1, [(a.name, a.kind, a.country, a.code) for a in table]
    return found[0]


def _names(table) -> list[str]:
    return [a.name for a in table]


def test_veterans_and_students_are_collectives(resolve) -> None:
    table = resolve("Dozens of army veterans blocked the bridge while students watched.")
    assert _one(table, "army veterans").kind == "group"
    assert _one(table, "students").kind == "group"


def test_companies_need_a_word_that_says_which(resolve) -> None:
    table = resolve("The ministry fined logistics companies and warned companies.")
    assert _one(table, "logistics companies").kind == "group"
    assert "companies" not in _names(table)


def test_a_state_among_the_modifiers_places_the_collective(resolve) -> None:
    table = resolve("Moscow sanctioned four U.S. technology companies on Friday.")
    assert _one(table, "technology companies").country == "USA"


def test_what_an_attack_is_on_is_acted_on(resolve) -> None:
    table = resolve("Insurgents staged an ambush on a supply convoy near the border on Friday.")
    assert _one(table, "supply convoy").kind == "group"
    table = resolve("The regime imposed sanctions on shipping companies in March.")
    assert _one(table, "shipping companies").kind == "group"


def test_an_attack_on_a_bare_vague_noun_is_no_actor(resolve) -> None:
    table = resolve("Gunmen carried out an attack on a camp in Zamfara on Sunday.")
    assert not any("camp" in n for n in _names(table))


def test_a_place_ner_missed_places_the_collective(resolve) -> None:
    table = resolve("Farmers in Hodeidah said they had lost their harvest.")
    farmers = _one(table, "farmers in Hodeidah")
    assert farmers.country == "YEM"


def test_fishermen_on_an_island(resolve) -> None:
    table = resolve("Fishermen on Kinmen complained that patrols had chased their boats.")
    assert _one(table, "fishermen on Kinmen").country == "TWN"


def test_a_local_group_acts_where_its_verb_happens(resolve) -> None:
    table = resolve("In Kabul, hundreds of teachers marched to demand unpaid wages.")
    assert _one(table, "teachers").country == "AFG"
    table = resolve("Several hundred students rallied in Caracas on Monday.")
    assert _one(table, "students").country == "VEN"
