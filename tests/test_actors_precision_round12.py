"""Round 12 (issue i12l): false actors from NER mislabels. Sentences written for these
tests."""

from __future__ import annotations

from tests.helpers import one_actor as _one


def _names(table) -> list[str]:
    return [a.name for a in table]


# 1. a word inside a hyphenated all-caps place name is no acronym of a body


def test_a_word_inside_an_all_caps_hyphenated_city_is_no_acronym(resolve) -> None:
    text = (
        "PORT-AU-PRINCE, Haiti (AP) — Gunmen set fire to a market near the harbour on "
        "Friday, local officials said."
    )
    assert "African Union" not in _names(resolve(text))


def test_two_acronyms_joined_by_a_hyphen_stay_two_bodies(resolve) -> None:
    text = "Turkish officials blamed the PKK-YPG alliance for the bombing on Sunday."
    names = _names(resolve(text))
    assert "Kurdistan Workers' Party" in names and "People's Protection Units" in names


# 2. a common noun opening a sentence is no person


def test_a_plural_noun_opening_a_sentence_is_no_person(resolve) -> None:
    text = "Missiles struck the port of Hodeidah overnight, the harbour authority said on Sunday."
    assert "Missiles" not in _names(resolve(text))


# 3. an all-caps acronym in brackets names a body, never a person


def test_a_bracketed_acronym_after_a_bodys_name_is_no_person(resolve) -> None:
    text = (
        "Kenya leads the Regional Stabilisation Mission (RSM), which arrived last year. "
        "The RSM said it would send more troops."
    )
    table = resolve(text)
    assert [a.kind for a in table if a.name == "RSM"] in ([], ["organisation"])
    assert _one(table, "Regional Stabilisation Mission").kind == "organisation"


# 4. a body's noun alone is no person's name


def test_a_bodys_noun_alone_is_no_person(nlp) -> None:
    # NER tagging a lone "Mission" PERSON is rare and context-bound; the rule is checked
    # on the entity itself
    from spacy.tokens import Span

    from eventwire.actors.resolve import _no_person_name

    doc = nlp("A spokesman said Mission monitors had seen the convoy on Monday.")
    i = next(t.i for t in doc if t.text == "Mission")
    assert _no_person_name(Span(doc, i, i + 1, label="PERSON"))
    j = next(t.i for t in doc if t.text == "Monday")
    assert not _no_person_name(Span(doc, j, j + 1, label="PERSON"))


# 5. a name the text calls a small place ("the village of X", "X island") is no body or person


def test_a_name_after_the_island_of_is_no_person(resolve) -> None:
    text = (
        "Storms flooded the harbour on the island of Kalymnos, and two fishermen were "
        "missing on Monday."
    )
    assert "Kalymnos" not in _names(resolve(text))


def test_a_name_after_the_village_of_is_no_organisation(resolve) -> None:
    text = "Rescuers reached the remote village of Tenkodogo on Friday, aid workers said."
    assert "Tenkodogo" not in _names(resolve(text))


def test_a_name_before_island_is_no_organisation(resolve) -> None:
    text = "Ferries to Lipsi island were cancelled on Sunday, the coast guard said."
    assert "Lipsi" not in _names(resolve(text))
