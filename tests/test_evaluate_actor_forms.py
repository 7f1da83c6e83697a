"""How the who-and-when scorer matches a predicted actor to a gold one: by name forms, where a
group named by its people and their place may be written either way round."""

from __future__ import annotations

from eventwire.evaluate.devgold import actor_forms, gold_forms


def _pred(name: str, *mentions: str) -> dict:
    return {"name": name, "mentions": [{"text": m} for m in mentions]}


def _matches(pred: dict, gold: dict) -> bool:
    return bool(actor_forms(pred) & gold_forms(gold))


def test_people_from_a_place_match_the_place_and_people() -> None:
    gold = {"name": "Rivertown farmers", "aliases": []}
    assert _matches(_pred("farmers from Rivertown"), gold)
    assert _matches(_pred("Fishermen in Rivertown"), {"name": "Rivertown fishermen"})
    assert _matches(_pred("police in Rivertown"), {"name": "Rivertown police"})


def test_other_people_or_places_do_not_match() -> None:
    gold = {"name": "Rivertown farmers", "aliases": []}
    assert not _matches(_pred("farmers from Hillville"), gold)
    assert not _matches(_pred("traders from Rivertown"), gold)
    assert not _matches(_pred("farmers"), gold)


def test_a_lower_case_place_is_no_place() -> None:
    assert not _matches(_pred("residents of the suburb"), {"name": "suburb residents"})
