"""Collectives named by what they are, and groups located by the story (issue 12, second
pass)."""

from __future__ import annotations


def _one(table, name: str):
    found = [a for a in table if a.name == name]
    assert len(found) == 1, [(a.name, a.kind, a.country) for a in table]
    return found[0]


def test_an_acting_collective_is_a_group_named_without_quantities(resolve) -> None:
    table = resolve("Several conservative groups organised rallies on Saturday.")
    group = _one(table, "conservative groups")
    assert group.kind == "group" and group.mentions[0].text == "conservative groups"


def test_a_collective_takes_a_party_word_or_a_place_in_its_phrase(resolve) -> None:
    text = (
        "Over 100 Republican foreign policy experts signed a letter. Private property owners "
        "from the border state of Texas filed a motion."
    )
    table = resolve(text)
    assert _one(table, "Republican foreign policy experts").country == "USA"
    assert _one(table, "private property owners").country == "USA"


def test_a_vague_bare_collective_is_no_actor(resolve) -> None:
    table = resolve("Hundreds gathered outside the court, and some groups and members left.")
    assert not {"groups", "members"} & {a.name.lower() for a in table}


def test_local_groups_take_the_story_state(resolve) -> None:
    text = (
        "Protests spread across Hong Kong on Sunday. Protesters blocked roads in Hong Kong, "
        "and critics said the Hong Kong government had failed. A student protester, Lam "
        "Siu-fai, was arrested."
    )
    table = resolve(text)
    assert _one(table, "protesters").country == "HKG"
    assert _one(table, "critics").country == "HKG"


def test_groups_that_may_come_from_anywhere_keep_no_country(resolve) -> None:
    text = (
        "Iran's president said on Monday that foreign powers were stirring unrest in Iran, "
        "and Iran's parliament agreed."
    )
    assert _one(resolve(text), "foreign powers").country is None


def test_a_protester_acts_where_the_story_happens(resolve) -> None:
    text = (
        "Thousands marched in Santiago, Chile on Friday. Chile's government promised reforms. "
        "Student protester Ana Rojas said the reforms came too late."
    )
    assert _one(resolve(text), "Ana Rojas").country == "CHL"


def test_a_group_is_named_with_what_it_stands_for_and_acts_where_the_story_is(
    resolve,
) -> None:
    text = (
        "Climate activists blocked a bridge in London, and anti-war protesters marched "
        "past them to Downing Street. Young activists sang outside the British parliament as "
        "British police watched."
    )
    table = resolve(text)
    activists = _one(table, "climate activists")
    assert (activists.kind, activists.country) == ("group", "GBR")
    assert _one(table, "anti-war protesters").kind == "group"
    assert _one(table, "activists").country == "GBR"  # "young" says what they are, not for


def test_the_demonym_before_a_verb_is_the_state(resolve) -> None:
    names = {a.name: a.kind for a in resolve("The Dutch handed the islands back in 1820.")}
    assert names.get("Netherlands") == "state", names


def test_a_demonym_before_a_noun_stays_a_modifier(resolve) -> None:
    names = {a.name for a in resolve("The Dutch tulip growers met on Monday.")}
    assert "Netherlands" not in names, names
