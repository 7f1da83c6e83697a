"""Actors named by what they are: a state's bodies, unnamed office holders, peoples."""

from __future__ import annotations

import pytest

from tests.helpers import actor_at_text as _at


@pytest.mark.parametrize(
    ("text", "needle", "country", "sector"),
    [
        ("The Kenyan parliament voted on Tuesday to expel the envoy.", "parliament", "KEN", "LEG"),
        ("Peru's parliament rejected the budget on Friday.", "parliament", "PER", "LEG"),
        ("Chilean officers detained two smugglers near the border.", "officers", "CHL", "MIL"),
        ("The Ghanaian navy seized a tanker off the coast.", "navy", "GHA", "MIL"),
        ("Danish doctors delivered vaccines to the clinic.", "doctors", "DNK", "MED"),
    ],
)
def test_state_body_or_role_group(resolve, text, needle, country, sector) -> None:
    actor = _at(resolve(text), text, needle)
    assert actor is not None
    assert (actor.country, actor.sector) == (country, sector)


def test_indefinite_title_without_name_is_an_actor(resolve) -> None:
    text = "A Swedish minister warned on Monday that talks could collapse."
    actor = _at(resolve(text), text, "minister")
    assert actor is not None
    assert (actor.kind, actor.country, actor.role, actor.sector) == (
        "person",
        "SWE",
        "Minister",
        "GOV",
    )


def test_definite_title_without_name_is_no_new_actor(resolve) -> None:
    # someone the reader is meant to know already: no actor of its own
    text = "She raised the matter with the Swedish ambassador in Oslo."
    assert _at(resolve(text), text, "ambassador") is None


def test_title_before_an_apposed_name_is_no_new_actor(resolve) -> None:
    text = "The strike killed Nigerian general, Musa Bello, near the camp."
    table = resolve(text)
    assert all(a.role != "General" or a.name == "Musa Bello" for a in table)


def test_two_demonyms_on_sides_name_both_states(resolve) -> None:
    text = "The Chilean and Peruvian sides agreed to resume fishing talks."
    table = resolve(text)
    start = text.index("Chilean")
    end = text.index("sides") + len("sides")
    names = {table.get(i).name for i in table.actors_at(start, end)}
    assert names == {"Chile", "Peru"}


def test_capital_before_government_is_the_state(resolve) -> None:
    text = "The Nairobi government tried to calm the markets."
    actor = _at(resolve(text), text, "government")
    assert actor is not None and actor.name == "Kenya"


def test_plural_demonym_is_a_people(resolve) -> None:
    text = "The Kenyans rejected the plan, and Ugandans welcomed it."
    table = resolve(text)
    kenyans = _at(table, text, "Kenyans")
    ugandans = _at(table, text, "Ugandans")
    assert kenyans is not None and (kenyans.kind, kenyans.country) == ("group", "KEN")
    assert ugandans is not None and ugandans.country == "UGA"


def test_members_of_a_body_with_a_state(resolve) -> None:
    text = "Nurses from two Norwegian charities opened a clinic in the camp."
    # "nurses" is no role noun: nothing to build on
    assert _at(resolve(text), text, "Nurses") is None
    text = "Doctors from two Norwegian charities opened a clinic in the camp."
    actor = _at(resolve(text), text, "Doctors")
    assert actor is not None and (actor.country, actor.sector) == ("NOR", "MED")


def test_bloc_word_gives_a_group_without_state(resolve) -> None:
    text = "Western diplomats said the vote would be delayed."
    actor = _at(resolve(text), text, "diplomats")
    assert actor is not None
    assert (actor.name, actor.country, actor.sector) == ("Western diplomats", None, "GOV")


def test_generic_noun_alone_is_no_actor(resolve) -> None:
    text = "Diplomats said the vote would be delayed by officers."
    table = resolve(text)
    assert _at(table, text, "Diplomats") is None
    assert _at(table, text, "officers") is None


def test_leaders_of_a_body_take_its_state_and_role(resolve) -> None:
    text = "Leaders of the Zambian opposition alliance agreed to a joint candidate."
    table = resolve(text)
    actor = _at(table, text, "Leaders")
    assert actor is not None
    assert (actor.kind, actor.country, actor.sector) == ("group", "ZMB", "OPP")
    assert len(table) == 1  # the inner "opposition" is part of the same group


def test_leaders_of_nothing_named_are_no_actor(resolve) -> None:
    text = "Leaders of the world gathered on the lawn."
    assert len(resolve(text)) == 0


def test_group_of_two_states_is_a_compound(resolve) -> None:
    text = "Senior Czech and Slovak officials agreed to open the border."
    table = resolve(text)
    start, end = text.index("Czech"), text.index("officials") + len("officials")
    countries = {table.get(i).country for i in table.actors_at(start, end)}
    assert countries == {"CZE", "SVK"}


def test_words_between_state_and_role_noun(resolve) -> None:
    text = "Rebels abducted five Belgian civilian advisers near the mine."
    actor = _at(resolve(text), text, "advisers")
    assert actor is not None and (actor.country, actor.sector) == ("BEL", "GOV")


def test_numeral_before_a_pair_noun_without_determiner(resolve) -> None:
    # "two men" with no determiner used to break the pair-noun pass
    text = "Kenyan police arrested two men at the port."
    actor = _at(resolve(text), text, "police")
    assert actor is not None and (actor.country, actor.sector) == ("KEN", "COP")
