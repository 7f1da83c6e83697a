"""Round 14 (issue i12q): actors' countries and a state's embassies. Sentences written for
these tests."""

from __future__ import annotations

from tests.helpers import one_actor as _one


def _names(table) -> list[str]:
    return [a.name for a in table]


# 1. a state's embassy or consulate, named with its state, is an organisation of that state


def test_a_states_embassy_in_a_city_is_its_organisation(resolve) -> None:
    table = resolve("Norway's embassy in Lusaka said on Friday that two aid workers were safe.")
    embassy = _one(table, "Norway's embassy in Lusaka")
    assert (embassy.kind, embassy.country, embassy.sector) == ("organisation", "NOR", "GOV")
    assert "Norway" not in _names(table)  # the state acts through its post


def test_a_demonym_consulate_is_of_that_state(resolve) -> None:
    table = resolve("The Kenyan consulate in Dubai urged workers to register their contracts.")
    consulate = _one(table, "Kenyan consulate in Dubai")
    assert consulate.country == "KEN"


def test_the_embassy_of_a_state(resolve) -> None:
    table = resolve("The embassy of Chile in Lima protested against the new visa rules.")
    assert _one(table, "embassy of Chile in Lima").country == "CHL"


def test_an_embassy_as_a_channel_or_place_is_no_actor(resolve) -> None:
    table = resolve("Manila lodged a protest with the Vietnamese embassy on Monday.")
    assert not any("embassy" in n for n in _names(table))
    table = resolve("Students rallied outside the Danish embassy in Ankara.")
    assert not any("embassy" in n for n in _names(table))
