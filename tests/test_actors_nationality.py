"""Nationality from context: evidence the text states, or no country at all."""

from __future__ import annotations


def _one(table, name: str):
    found = [a for a in table if a.name == name]
    assert len(found) == 1, [(a.name, a.country, a.code) for a in table]
    return found[0]


def test_a_body_the_person_speaks_for_gives_its_country(resolve) -> None:
    table = resolve(
        "Ahmed Haddad, president of the Tunisian League for Civic Rights, condemned the ban."
    )
    person = _one(table, "Ahmed Haddad")
    assert person.country == "TUN" and person.code == "TUN" + (person.sector or "")
    assert person.affiliation == "Tunisian League for Civic Rights"


def test_a_place_the_person_is_from(resolve) -> None:
    table = resolve("Linda Morgan, a retired nurse from Texas, joined the march on Monday.")
    assert _one(table, "Linda Morgan").country == "USA"


def test_no_evidence_no_country(resolve) -> None:
    table = resolve("Linda Morgan joined the march on Monday and spoke to reporters.")
    person = _one(table, "Linda Morgan")
    assert person.country is None and person.code is None


def test_a_national_office_in_a_story_about_one_state(resolve) -> None:
    text = (
        "Argentina's economy shrank again. President Ilda Moreno said on Monday that Argentina "
        "would seek new loans, and the Senate backed her plan."
    )
    table = resolve(text)
    assert (_one(table, "Ilda Moreno").country, _one(table, "Ilda Moreno").code) == (
        "ARG",
        "ARGGOV",
    )
    assert _one(table, "Senate").country == "ARG"
