"""A division of the story's federation that the tagger left untagged still acts
("<Province> backed the suit"), as the GPE it is; other untagged names do not."""

from __future__ import annotations

from eventwire.actors.federated import _untagged_divisions
from eventwire.actors.kb import load_kb


def _untagged(nlp, text: str, home: str) -> list[str]:
    doc = nlp(text)
    doc.ents = []  # as if the tagger had found none
    return [sp.text for sp in _untagged_divisions(doc, load_kb().entities[home], set())]


def test_a_province_of_the_story_state_is_found_without_its_entity(nlp):
    assert _untagged(nlp, "Manitoba joined the appeal against the tax.", "CAN") == ["Manitoba"]


def test_a_division_of_another_federation_is_not_taken(nlp):
    assert _untagged(nlp, "Manitoba joined the appeal against the tax.", "AUS") == []


def test_a_name_inside_a_longer_name_is_not_taken(nlp):
    assert _untagged(nlp, "Manitoba Hydro joined the appeal against the tax.", "CAN") == []
