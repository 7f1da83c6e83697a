"""Offices that belong to one state, and titles set off by commas (issue 12, second pass)."""

from __future__ import annotations

import pytest


def _one(table, name: str):
    found = [a for a in table if a.name == name]
    assert len(found) == 1, [(a.name, a.kind, a.country, a.role) for a in table]
    return found[0]


@pytest.mark.parametrize(
    ("text", "name", "country", "role"),
    [
        ("Senate Minority Whip Dora Felton questioned the plan.", "Dora Felton", "USA",
         "Senate Minority Whip"),
        ("Foreign Secretary Alan Pryce urged the embassy to reconsider.", "Alan Pryce", "GBR",
         "Foreign Secretary"),
        ("Taoiseach Ciaran Walsh met the delegation in Dublin.", "Ciaran Walsh", "IRL",
         "Taoiseach"),
        ("Commerce Secretary Hal Brandt defended the census question.", "Hal Brandt", "USA",
         "Secretary of Commerce"),
    ],
)  # fmt: skip
def test_an_office_of_one_state_gives_its_country(resolve, text, name, country, role) -> None:
    person = _one(resolve(text), name)
    assert (person.country, person.role) == (country, role)


def test_a_state_named_with_the_office_wins_over_the_office(resolve) -> None:
    table = resolve("Indian Foreign Secretary Vikram Rao met his counterpart in Delhi.")
    assert _one(table, "Vikram Rao").country == "IND"


def test_a_territorys_own_office_holder_is_of_the_territory(nlp) -> None:
    from eventwire.actors.resolve import resolve_actors

    text = (
        "Puerto Rico's governor resigned on Friday. Secretary of State Ana Robles, who was "
        "next in line, said Puerto Rico needed calm. Protesters in San Juan celebrated."
    )
    table = resolve_actors(nlp(text), published="2019-08-02")
    assert _one(table, "Ana Robles").country == "PRI"


def test_a_title_set_off_by_commas_before_the_name(resolve) -> None:
    table = resolve("Turkey's foreign minister, Selim Kaya, urged both sides to talk.")
    person = _one(table, "Selim Kaya")
    assert (person.country, person.role) == ("TUR", "Foreign Minister")


def test_a_title_with_an_adjective_after_the_name(resolve) -> None:
    text = (
        "The strike was ordered by Omar Fadel, the caretaker prime minister of Iraq, on "
        "Sunday."
    )
    person = _one(resolve(text), "Omar Fadel")
    assert (person.country, person.role) == ("IRQ", "Prime Minister")


def test_a_title_with_its_complement_before_the_name(resolve) -> None:
    text = "Minister of Information Khaled al-Hamdani said the bomb was placed in a market."
    assert _one(resolve(text), "Khaled al-Hamdani").role == "Minister"
    table = resolve("Former US Ambassador to the United Nations Dana Whitford wrote on Monday.")
    person = _one(table, "Dana Whitford")
    assert (person.kind, person.country, person.role) == ("person", "USA", "Ambassador")


def test_a_name_in_apposition_to_a_title_held_for_a_territory(resolve) -> None:
    table = resolve(
        "The governor will be replaced by Rosa Quiñones Marrero, the Secretary of Justice for "
        "Puerto Rico."
    )
    person = _one(table, "Rosa Quiñones Marrero")
    assert (person.kind, person.country) == ("person", "PRI")


def test_a_monarchs_title_is_part_of_the_name(resolve) -> None:
    table = resolve("The prime minister asked Queen Margrethe II to dissolve parliament.")
    assert _one(table, "Queen Margrethe II").role == "Queen"


def test_a_party_named_with_its_place_is_the_party(resolve) -> None:
    table = resolve("In Cyprus, the ruling Democratic Rally in Cyprus hailed the pipeline.")
    assert _one(table, "Democratic Rally").country == "CYP"
