"""A country's name inside a longer name, a federation's states named like countries, and
states, provinces and territories as actors (issue 12, second pass)."""

from __future__ import annotations

from tests.helpers import one_actor as _one


def _names(table) -> set[str]:
    return {a.name for a in table}


def test_a_country_inside_a_longer_place_name_is_no_country(resolve) -> None:
    table = resolve("Former New Jersey governor Tom Alvarez denounced the lawsuit on Friday.")
    assert "Jersey" not in _names(table)
    assert _one(table, "Tom Alvarez").country == "USA"  # New Jersey is American


def test_a_capital_inside_a_persons_name_is_no_government(resolve) -> None:
    table = resolve("Police said Rashid Amman, 24, had planned the attack alone.")
    assert all(a.country != "JOR" for a in table)


def test_georgia_is_the_us_state_in_an_american_story(resolve) -> None:
    text = (
        "Republican congressman Earl Whitby of Georgia said the inquiry was unfair. "
        "Lawmakers from Ohio and Texas in the United States House of Representatives agreed."
    )
    table = resolve(text)
    assert _one(table, "Earl Whitby").country == "USA"
    assert all(a.country != "GEO" for a in table)


def test_georgia_stays_the_country_in_a_georgian_story(resolve) -> None:
    text = (
        "Georgia recalled its ambassador on Monday. The Georgian foreign ministry said "
        "protesters in Tbilisi had been attacked."
    )
    assert _one(resolve(text), "Georgia").country == "GEO"


def test_acting_states_of_a_federation_are_state_actors(resolve) -> None:
    text = (
        "Ohio and Michigan asked the Treasury to delay the cuts. A judge dismissed a lawsuit "
        "against the state of Montana. Quebec sued the federal government on Tuesday."
    )
    table = resolve(text)
    for name, country in (("Ohio", "USA"), ("Michigan", "USA"), ("Montana", "USA"),
                          ("Quebec", "CAN")):  # fmt: skip
        actor = _one(table, name)
        assert (actor.kind, actor.country, actor.code) == ("state", country, country)


def test_a_place_where_something_happens_is_no_actor(resolve) -> None:
    table = resolve("Thousands rallied in Texas and Ohio on Saturday against the new law.")
    assert not {"Texas", "Ohio"} & _names(table)


def test_a_stance_toward_a_state_is_no_nationality(resolve) -> None:
    table = resolve("Lawmaker Rita Chow of the pro-Beijing camp criticised the protesters.")
    assert _one(table, "Rita Chow").country is None
    assert "China" not in _names(table)


def test_a_trip_to_a_place_is_no_nationality(resolve) -> None:
    table = resolve("Carl Benner cancelled his planned trip to Warsaw after the vote.")
    assert _one(table, "Carl Benner").country is None


def test_the_nearest_body_describing_a_person_gives_the_country(resolve) -> None:
    text = (
        "Speaking to Agence France-Presse, the president of the Tunisian Union for Fair "
        "Elections, Hedi Jaziri, said the vote was rigged."
    )
    assert _one(resolve(text), "Hedi Jaziri").country == "TUN"


def test_a_territory_story_keeps_its_people_from_the_sovereign_state(nlp) -> None:
    """A dictionary that codes a Hong Kong politician as Chinese is overruled by a story
    about Hong Kong."""
    from eventwire.actors.resolve import resolve_actors

    text = (
        "Hong Kong's legislature reopened on Wednesday. Regina Ip said the protests in Hong "
        "Kong had hurt the city, and Hong Kong lawmakers debated the budget."
    )
    table = resolve_actors(nlp(text), published="2019-10-16")
    assert _one(table, "Regina Ip").country == "HKG"


def test_a_region_acting_through_its_government_is_a_state_actor(resolve) -> None:
    text = (
        "Colombia and Ecuador traded accusations on Monday. The Antioquia regional government "
        "asked Bogota to send more troops. The government of Jubaland state in Somalia "
        "condemned the raid on Tuesday, and the Nakuru provincial administration backed it."
    )
    table = resolve(text)  # Antioquia is also another name of a Turkish city
    for name, country in (("Antioquia", "COL"), ("Jubaland", "SOM"), ("Nakuru", "KEN")):
        actor = _one(table, name)
        assert (actor.kind, actor.country, actor.code) == ("state", country, country)


def test_a_lone_regional_government_without_a_place_is_no_state(resolve) -> None:
    table = resolve("The regional government said on Monday that schools would reopen.")
    assert all(a.kind != "state" for a in table)
