"""Indigenous nations and tribes named as bodies, whatever NER makes of their names."""

from __future__ import annotations


def _names(table) -> dict[str, tuple[str, str | None]]:
    return {a.name: (a.kind, a.country) for a in table}


def test_tribal_bodies_in_a_list_are_each_one_body(resolve) -> None:
    text = (
        "Montana's voting law was challenged in Montana on Monday. The plaintiffs were the "
        "Pine Ridge Sioux Tribe, Hollow Creek Nation, Kettle and Otter Tribes of Fort Lomax, "
        "and the Fort Lomax Indian Community."
    )
    names = _names(resolve(text))
    bodies = ["Pine Ridge Sioux Tribe", "Hollow Creek Nation"]
    bodies += ["Kettle and Otter Tribes of Fort Lomax", "Fort Lomax Indian Community"]
    for body in bodies:
        assert names.get(body) == ("organisation", "USA"), names


def test_a_sentence_initial_article_is_no_part_of_the_name(resolve) -> None:
    names = _names(resolve("The Hollow Creek Nation announced on Wednesday that it would sue."))
    assert names.get("Hollow Creek Nation", ("",))[0] == "organisation", names


def test_a_knowledge_base_body_stays_itself(resolve) -> None:
    names = _names(resolve("The United Nations and the Hollow Creek Nation met on Monday."))
    assert "United Nations" in names and "Hollow Creek Nation" in names, names
