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


# 2. a demonym two states share follows the state the text names


def test_congolese_follows_the_democratic_republic_the_text_names(resolve) -> None:
    text = (
        "The Democratic Republic of Congo closed its eastern border on Friday. Congolese "
        "Interior Minister Paul Ilunga said the crossings would stay shut."
    )
    assert _one(resolve(text), "Paul Ilunga").country == "COD"


def test_congolese_follows_kinshasa_in_an_apposition(resolve) -> None:
    text = (
        "Kinshasa protested on Friday. Paul Ilunga, a Congolese lawyer, said the arrests "
        "were illegal."
    )
    assert _one(resolve(text), "Paul Ilunga").country == "COD"


def test_congolese_alone_keeps_the_republic_of_the_congo(resolve) -> None:
    text = "Congolese Interior Minister Paul Ilunga said the crossings would stay shut."
    assert _one(resolve(text), "Paul Ilunga").country == "COG"
