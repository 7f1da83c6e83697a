"""Compound and subject-led references, and names that are media, products, glosses or
titles. Invented sentences."""

from __future__ import annotations

from eventwire.actors.table import ActorTable
from eventwire.model import Actor
from tests.helpers import actor_at_text as _at


def _names_at(table: ActorTable, text: str, needle: str) -> list[str]:
    start = text.index(needle)
    return [table.get(i).name for i in table.actors_at(start, start + len(needle))]


def test_pair_noun_names_both_actors_of_an_earlier_pair(resolve) -> None:
    text = (
        "Armenia and Azerbaijan held talks in Geneva on Monday. "
        "The European Union said both countries must respect the ceasefire."
    )
    table = resolve(text)
    assert _names_at(table, text, "both countries") == ["Armenia", "Azerbaijan"]
    assert _at(table, text, "both countries").name == "Armenia"  # actor_at: the first
    assert _names_at(table, text, "European Union") == ["European Union"]


def test_pair_in_the_same_sentence_is_not_the_antecedent(resolve) -> None:
    text = (
        "Talks between Armenia and Azerbaijan resumed. "
        "France and Russia urged the two sides to show restraint."
    )
    table = resolve(text)
    assert _names_at(table, text, "the two sides") == ["Armenia", "Azerbaijan"]


def test_council_named_by_its_noun_and_government_by_state(resolve) -> None:
    text = (
        "The Southern Transitional Council is at odds with the government of Yemen. "
        "Both the council and the government called for an inquiry."
    )
    table = resolve(text)
    start = text.index("Both")
    at = text.index("council", start)
    council = table.actor_at(at, at + len("council"))
    at = text.index("government", start)
    government = table.actor_at(at, at + len("government"))
    assert council is not None and table.get(council).name == "Southern Transitional Council"
    assert government is not None and table.get(government).name == "Yemen"


def test_possessed_circle_is_a_group_named_after_the_person(resolve) -> None:
    text = (
        "Ivan Petrov is a critic of President Sergei Orlov, and his associates say he was jailed."
    )
    table = resolve(text)
    group = _at(table, text, "his associates")
    assert group is not None and (group.name, group.kind) == ("Petrov's associates", "group")


def test_subject_after_a_fronted_participle_clause(resolve) -> None:
    text = (
        "Prime Minister Karl Weber accepted the blame for the crisis. "
        "Speaking to John Ames of the BBC, he said the decision was his."
    )
    table = resolve(text)
    start = text.index(", he said") + 2
    assert table.get(table.actor_at(start, start + 2)).name == "Karl Weber"


def test_pronoun_in_a_quotation_is_not_its_speaker(resolve) -> None:
    text = (
        "Maria Lopez was driving the car. Her sister, Anna Ruiz, said, "
        '"She should come back and face the court."'
    )
    table = resolve(text)
    start = text.index('"She') + 1
    assert table.get(table.actor_at(start, start + 3)).name == "Maria Lopez"


def test_platform_as_means_product_gloss_and_title_are_no_actors(resolve) -> None:
    text = (
        "Lina Haddad thanked her supporters on Instagram. "
        "A cyclist was hit by a Volvo XC90 near the border, and police said the Volvo fled. "
        'A cleric said, "The name of the town is Dinarbol [city of faith]." '
        "The Navy announced an order by Navy Commandant Admiral Omar Said to patrol the coast."
    )
    table = resolve(text)
    names = [a.name for a in table]
    assert "Instagram" not in names and "Volvo" not in names and "Dinarbol" not in names
    assert "Navy Commandant" not in names
    admiral = next(a for a in table if a.name == "Omar Said")
    assert admiral.affiliation == "Navy"
    assert _at(table, text, "Navy Commandant").name == "Omar Said"


def test_fused_media_name_and_person_are_split(resolve) -> None:
    text = (
        "Omar Haddad, a commander of the group, was killed in a raid. "
        "An analyst told CNN Omar Haddad had led attacks for years."
    )
    table = resolve(text)
    names = [a.name for a in table]
    assert "CNN Omar Haddad" not in names
    start = text.index("CNN Omar") + 4
    assert table.get(table.actor_at(start, start + 11)).name == "Omar Haddad"


def test_table_compound_mentions_are_backward_compatible() -> None:
    from eventwire.model import Mention

    table = ActorTable()
    for name in ("Kosovo", "Serbia"):
        table.add(Actor(id="", name=name, kind="state", mentions=[Mention(name, 0, 0)]))
    table.link("a1", 0, 6, "Kosovo")
    table.link_compound(["a1", "a2"], 20, 32, "both parties")
    assert table.actors_at(20, 32) == ["a1", "a2"]
    assert table.actors_at(25, 28) == ["a1", "a2"]
    assert table.actor_at(20, 32) == "a1"
    assert table.actors_at(0, 6) == ["a1"] and table.actors_at(40, 44) == []
    assert [m.text for m in table.get("a2").mentions][-1] == "both parties"
