"""Nationality from context: evidence the text states, or no country at all."""

from __future__ import annotations

from tests.helpers import one_actor as _one


def test_a_body_the_person_speaks_for_gives_its_country(resolve) -> None:
    table = resolve(
        "Ahmed Haddad, president of the Tunisian League for Civic Rights, condemned the ban."
    )
    person = _one(table, "Ahmed Haddad")
    assert person.country == "TUN" and person.code == "TUN" + (person.sector or "")
    assert person.affiliation == "Tunisian League for Civic Rights"
    assert person.country_basis == "text"


def test_a_place_the_person_is_from(resolve) -> None:
    table = resolve("Linda Morgan, a retired nurse from Texas, joined the march on Monday.")
    assert _one(table, "Linda Morgan").country == "USA"


def test_no_evidence_no_country(resolve) -> None:
    table = resolve("Linda Morgan joined the march on Monday and spoke to reporters.")
    person = _one(table, "Linda Morgan")
    assert person.country is None and person.code is None and person.country_basis is None


def test_a_named_person_of_a_story_about_one_state(resolve) -> None:
    text = (
        "Chile's ports reopened on Tuesday after a week of strikes in Chile. Marisol Vergara, "
        "who runs a fish stall in Valparaiso harbour, said the losses were heavy."
    )
    person = _one(resolve(text), "Marisol Vergara")
    assert person.country == "CHL" and person.code is not None and person.code.startswith("CHL")
    assert person.country_basis == "story"  # only the story's state: said so


def test_a_named_body_of_a_story_about_one_state(resolve) -> None:
    text = (
        "Chile's ports reopened on Tuesday after a week of strikes in Chile. The Dockers "
        "Solidarity Front said on Tuesday that the losses were heavy, Reuters reported."
    )
    table = resolve(text)
    assert _one(table, "Dockers Solidarity Front").country == "CHL"
    assert _one(table, "Dockers Solidarity Front").country_basis == "story"
    assert _one(table, "Reuters").country == "GBR"  # a news agency keeps its own state
    assert _one(table, "Reuters").country_basis == "text"  # its name, a knowledge-base body


def test_a_named_person_of_a_story_about_no_one_state_keeps_no_country(resolve) -> None:
    text = (
        "Chile and Peru signed a fishing accord on Tuesday. Marisol Vergara, who runs a fish "
        "stall, said the losses were heavy."
    )
    assert _one(resolve(text), "Marisol Vergara").country is None


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
    assert {_one(table, n).country_basis for n in ("Ilda Moreno", "Senate")} == {"story"}


def test_a_demonym_or_place_describing_a_body_gives_its_country(resolve) -> None:
    table = resolve(
        "The Danish rescue charity Havbrise renamed its ship on Sunday. Havbrise spokesperson "
        "Lena Holm said the name mattered."
    )
    assert _one(table, "Havbrise").country == "DNK"
    assert _one(table, "Lena Holm").country == "DNK"  # she speaks for it
    assert {_one(table, n).country_basis for n in ("Havbrise", "Lena Holm")} == {"text"}


def test_a_body_placed_by_the_story_places_who_speaks_for_it_the_same_way(resolve) -> None:
    text = (
        "Chile's ports reopened on Tuesday after a week of strikes in Chile. Tomas Reyes, "
        "spokesman for the Dockers Solidarity Front, said the losses were heavy."
    )
    table = resolve(text)
    person, body = _one(table, "Tomas Reyes"), _one(table, "Dockers Solidarity Front")
    assert person.country == body.country == "CHL"
    assert person.country_basis == body.country_basis == "story"


def test_a_dictionary_entry_gives_the_country_on_the_articles_date(resolve) -> None:
    table = resolve("Jacques Chirac said on Tuesday that France would not send troops.")
    chirac = _one(table, "Jacques Chirac")
    assert chirac.country == "FRA" and chirac.country_basis == "dictionary"


def test_a_place_in_a_bodys_name_gives_its_country(resolve) -> None:
    table = resolve("The Western Mindanao Command said on Monday that the army was ready.")
    assert _one(table, "Western Mindanao Command").country == "PHL"


def test_a_surname_that_is_also_a_city_is_no_place(resolve) -> None:
    table = resolve("The Rights Fund's lawyer Marta De León said the law was unfair.")
    assert all(a.country != "MEX" for a in table)


def test_a_demonym_before_a_lower_case_title(resolve) -> None:
    table = resolve("Italian economic development minister Paolo Ferri sent a letter.")
    assert _one(table, "Paolo Ferri").country == "ITA"


def test_a_predicated_nationality_in_apposition(resolve) -> None:
    table = resolve("Omar Haddad, a Jordanian national, was detained at the airport.")
    assert _one(table, "Omar Haddad").country == "JOR"


def test_coordinated_peoples_before_a_group_noun_are_groups_of_their_own(resolve) -> None:
    text = "Shia and Sunni members of parliament walked out of the chamber on Monday."
    names = {a.name for a in resolve(text)}
    assert {"Shia members of parliament", "Sunni members of parliament"} <= names, names


def test_lawmakers_are_of_the_one_legislature_the_story_names(resolve) -> None:
    text = (
        "The Lebanese parliament voted on Sunday to delay the election. Druze members of "
        "parliament walked out of the session in protest."
    )
    table = resolve(text)
    group = _one(table, "Druze members of parliament")
    assert (group.country, group.code) == ("LBN", "LBNLEG")


def test_a_title_paired_with_a_states_titled_person_shares_the_state(resolve) -> None:
    text = (
        "The talks brought together Chilean president Ana Rojas and finance minister Luis "
        "Vera, and Peruvian prime minister Rosa Quinto and trade minister Carlos Paz."
    )
    table = resolve(text)
    assert _one(table, "Luis Vera").country == "CHL"
    assert _one(table, "Carlos Paz").country == "PER"


def test_an_untitled_person_before_and_shares_nothing(resolve) -> None:
    table = resolve("Talks in Geneva: Ana Rojas and trade minister Carlos Paz met.")
    assert _one(table, "Carlos Paz").country is None


def test_a_given_name_ner_left_out_after_a_title_is_part_of_the_name(resolve) -> None:
    text = (
        "Police Senior Superintendent Vanessa Chan Mei-ling told reporters the officers "
        "were attacked."
    )
    assert "Vanessa Chan Mei-ling" in {a.name for a in resolve(text)}


def test_a_company_described_by_its_trade_is_a_body_of_that_state(resolve) -> None:
    text = "On Tuesday the Cypriot gas producer Medgas agreed a supply contract."
    names = {a.name: (a.kind, a.country) for a in resolve(text)}
    assert names.get("Medgas") == ("organisation", "CYP"), names
