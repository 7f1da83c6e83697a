"""Resolution rules, each on invented sentences."""

from __future__ import annotations

from eventwire.actors.table import ActorTable
from eventwire.model import Actor
from tests.helpers import actor_at_text as _at


def _named(table: ActorTable, name: str) -> Actor:
    found = [a for a in table if a.name == name]
    assert found, [a.name for a in table]
    return found[0]


def test_title_and_name(resolve) -> None:
    text = "Serbian President Aleksandar Vucic met Chinese Foreign Minister Wang Yi in Belgrade."
    table = resolve(text)
    vucic = _named(table, "Aleksandar Vucic")
    assert (vucic.kind, vucic.role, vucic.country, vucic.sector) == (
        "person",
        "President",
        "SRB",
        "GOV",
    )
    wang = _named(table, "Wang Yi")
    assert (wang.role, wang.country) == ("Foreign Minister", "CHN")
    # demonyms as modifiers are no actors; a capital after "in" is a place
    assert {a.name for a in table} == {"Aleksandar Vucic", "Wang Yi"}


def test_igo_title_gives_affiliation_not_country(resolve) -> None:
    table = resolve("NATO Secretary General Jens Stoltenberg arrived on Monday.")
    person = _named(table, "Jens Stoltenberg")
    assert (person.affiliation, person.country, person.role, person.code) == (
        "NATO",
        None,
        "Secretary General",
        "IGO",
    )
    assert _named(table, "NATO").code == "IGO"


def test_apposition(resolve) -> None:
    text = "Olena Petrenko, the foreign minister of Ukraine, rejected the offer."
    person = _named(resolve(text), "Olena Petrenko")
    assert (person.role, person.country) == ("Foreign Minister", "UKR")


def test_surname_links_to_full_name(resolve) -> None:
    text = "Chancellor Martina Kessler arrived in Paris. Kessler's speech was short."
    table = resolve(text)
    assert _at(table, text, "Kessler", nth=1) is _named(table, "Martina Kessler")
    assert len([a for a in table if a.kind == "person"]) == 1


def test_pronouns_follow_the_last_person(resolve) -> None:
    text = "Prime Minister Ana Duarte visited Lisbon. She said her talks went well."
    table = resolve(text)
    duarte = _named(table, "Ana Duarte")
    assert _at(table, text, "She") is duarte
    assert _at(table, text, "her") is duarte


def test_cataphoric_pronoun_in_a_fronted_phrase(resolve) -> None:
    text = "During his first trip abroad, Ambassador Tomas Lind praised the agreement."
    table = resolve(text)
    assert _at(table, text, "his") is _named(table, "Tomas Lind")


def test_role_noun_refers_to_last_holder(resolve) -> None:
    text = (
        "UN Secretary General Kofi Mensah visited Ghana. Later the Secretary General "
        "met students. The UN Secretary General then left."
    )
    table = resolve(text)
    mensah = _named(table, "Kofi Mensah")
    assert _at(table, text, "the Secretary General") is mensah
    assert _at(table, text, "The UN Secretary General") is mensah


def test_type_noun_refers_to_the_body_named_before(resolve) -> None:
    text = "NATO held a summit in Vilnius. The alliance agreed to expand its presence."
    table = resolve(text)
    nato = _named(table, "NATO")
    assert _at(table, text, "The alliance") is nato
    assert _at(table, text, "its") is nato


def test_type_noun_without_antecedent_stays_unlinked(resolve) -> None:
    text = "The alliance agreed to meet again."
    assert resolve(text).actor_at(0, len("The alliance")) is None


def test_the_country_refers_to_the_last_state(resolve) -> None:
    text = "The minister praised Moldova, saying the country had made progress."
    table = resolve(text)
    assert _at(table, text, "the country") is _named(table, "Moldova")


def test_capital_metonymy(resolve) -> None:
    text = "Moscow rejected the proposal, officials in Moscow said."
    table = resolve(text)
    russia = _named(table, "Russia")
    assert (russia.kind, russia.code, russia.sector) == ("state", "RUS", "GOV")
    assert _at(table, text, "Moscow") is russia
    assert _at(table, text, "Moscow", nth=1) is not russia


def test_aliases_merge_into_one_actor(resolve) -> None:
    text = (
        "The European Union and the United States met. The EU said the U.S. should act, "
        "and the European Union agreed."
    )
    table = resolve(text)
    assert sorted(a.name for a in table) == ["European Union", "United States"]
    eu = _named(table, "European Union")
    assert (eu.code, eu.country) == ("EUR", None)
    assert len(eu.mentions) == 3


def test_demonym_headed_groups(resolve) -> None:
    text = "Serbian forces withdrew, and Bosnian Serb leaders protested."
    table = resolve(text)
    forces = _named(table, "Serbian forces")
    # the code is CAMEO-style: country and sector (issue 12)
    assert (forces.kind, forces.country, forces.code, forces.sector) == (
        "group",
        "SRB",
        "SRBMIL",
        "MIL",
    )
    leaders = _named(table, "Bosnian Serb leaders")
    assert (leaders.kind, leaders.country) == ("group", "BIH")
    assert not any(a.kind == "state" for a in table)


def test_coordinated_modifiers_give_one_group_each(resolve) -> None:
    text = "EU and US officials met in Brussels."
    table = resolve(text)
    groups = {a.name: a for a in table if a.kind == "group"}
    assert set(groups) == {"EU officials", "US officials"}
    assert groups["US officials"].country == "USA"
    assert groups["EU officials"].affiliation == "European Union"


def test_government_phrase_is_the_state(resolve) -> None:
    text = "The Iraqi government condemned the attack, and protesters gathered."
    table = resolve(text)
    iraq = _named(table, "Iraq")
    assert _at(table, text, "Iraqi government") is iraq
    assert _named(table, "protesters").kind == "group"


def test_unknown_names_stay_unknown(resolve) -> None:
    text = "The Zorvian Liberation Council accused Petra Valkova of lying."
    table = resolve(text)
    council = _named(table, "Zorvian Liberation Council")
    assert (council.kind, council.code, council.country) == ("organisation", None, None)
    person = _named(table, "Petra Valkova")
    assert (person.code, person.country, person.role) == (None, None, None)


def test_regions_are_not_actors(resolve) -> None:
    text = "Stability in the Western Balkans matters to the Middle East, Kosovo said."
    assert [a.name for a in resolve(text)] == ["Kosovo"]


def test_ids_follow_first_mention(resolve) -> None:
    table = resolve("Kenya and Uganda signed a deal with the African Union.")
    assert [(a.id, a.name) for a in table] == [
        ("a1", "Kenya"),
        ("a2", "Uganda"),
        ("a3", "African Union"),
    ]
