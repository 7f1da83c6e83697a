"""Round 11 (issue i12h): actor country rules. Sentences written for these tests."""

from __future__ import annotations


def _one(table, name: str):
    found = [a for a in table if a.name == name]
    assert len(found) == 1, [(a.name, a.country, a.code) for a in table]
    return found[0]


# 1. an envoy "to X" belongs to the sending state, not to X


def test_an_ambassador_to_a_body_is_of_the_sending_state(resolve) -> None:
    text = "Peru's ambassador to the United Nations, Jorge Salas, rejected the claim on Monday."
    person = _one(resolve(text), "Jorge Salas")
    assert person.country == "PER"
    assert person.affiliation != "United Nations"


def test_an_envoy_to_a_body_named_by_demonym_is_of_the_demonym_state(resolve) -> None:
    text = "The Peruvian envoy to the European Union, Jorge Salas, rejected the claim."
    assert _one(resolve(text), "Jorge Salas").country == "PER"


def test_an_international_envoy_to_a_state_has_no_state(resolve) -> None:
    text = "The UN envoy to Yemen, Jorge Salas, urged both sides to talk."
    person = _one(resolve(text), "Jorge Salas")
    assert person.country is None and person.code == "UNO"
