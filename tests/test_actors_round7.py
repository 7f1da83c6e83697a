"""Round-7 actor resolution, on invented sentences: organisations introduced by a class noun
and referred back to by one, plural nouns that list their members, peoples without a state
before a group noun, and new group role nouns."""

from __future__ import annotations

import pytest

from eventwire.actors.table import ActorTable
from tests.helpers import actor_at_text as _at


def _names_at(table: ActorTable, text: str, needle: str) -> list[str]:
    start = text.index(needle)
    return [table.get(a).name for a in table.actors_at(start, start + len(needle))]


# ------------------------------------------------------------ descriptors and class nouns


def test_name_after_a_class_noun_is_an_organisation(resolve) -> None:
    text = "After the licence of broadcast corporation Zentavo expired, regulators acted."
    actor = _at(resolve(text), text, "Zentavo")
    assert actor is not None and actor.kind == "organisation" and actor.name == "Zentavo"


def test_class_noun_refers_back_to_the_described_organisation(resolve) -> None:
    text = (
        "Broadcast corporation Zentavo lost its licence on Monday. "
        "The regulator ordered the network to stop airing, and the company complied."
    )
    table = resolve(text)
    assert _at(table, text, "the network").name == "Zentavo"
    assert _at(table, text, "the company").name == "Zentavo"


def test_class_noun_without_a_described_antecedent_stays_unresolved(resolve) -> None:
    text = "Kofi Mensah criticised the ruling. Later the network went off air."
    assert _at(resolve(text), text, "the network") is None


def test_class_noun_takes_the_nearest_compatible_organisation(resolve) -> None:
    text = (
        "The oil company Petravia signed a deal with broadcaster Zentavo on Monday. "
        "The next day the network aired the ceremony."
    )
    assert _at(resolve(text), text, "the network").name == "Zentavo"


def test_bare_repeat_and_full_legal_name_are_the_same_organisation(resolve) -> None:
    text = (
        "The telecoms firm Zentavo lost its appeal. Zentavo's shares fell. "
        "Zentavo Corporation employs 4,000 people."
    )
    table = resolve(text)
    first = _at(table, text, "Zentavo")
    assert first is not None
    assert _at(table, text, "Zentavo's") is first
    assert _at(table, text, "Zentavo Corporation") is first


def test_apposition_with_a_class_noun_makes_an_organisation(resolve) -> None:
    text = (
        "Vantora, the country's largest broadcaster, lost its licence. "
        "The government had threatened the network for months."
    )
    table = resolve(text)
    lumora = _at(table, text, "Vantora")
    assert lumora is not None and lumora.kind == "organisation"
    assert _at(table, text, "the network") is lumora


def test_copula_complement_describes_an_organisation(resolve) -> None:
    text = "Zentavo Holdings is a large telecoms firm. Police raided the firm on Monday."
    table = resolve(text)
    assert _at(table, text, "the firm") is _at(table, text, "Zentavo Holdings")


def test_a_title_after_a_class_noun_is_no_organisation(resolve) -> None:
    text = "The company CEO resigned on Friday."
    assert _at(resolve(text), text, "CEO") is None


def test_verb_of_phrase_does_not_block_a_class_noun(resolve) -> None:
    text = (
        "Yesterday broadcaster Zentavo aired a speech. The minister accused the network of lying."
    )
    assert _at(resolve(text), text, "the network").name == "Zentavo"


def test_noun_of_phrase_still_blocks_a_class_noun(resolve) -> None:
    text = "Yesterday broadcaster Zentavo aired the speech. The network of activists met in secret."
    assert _at(resolve(text), text, "network") is None


# ------------------------------------------------------------ listed members


@pytest.mark.parametrize(
    ("text", "needle", "members"),
    [
        (
            "Neighbouring countries including Chile and Peru have banned the import.",
            "countries",
            ["Chile", "Peru"],
        ),
        (
            "Several European states, such as Austria and Belgium, expelled the envoys.",
            "states",
            ["Austria", "Belgium"],
        ),
        ("Countries like Chile and Peru condemned the vote.", "Countries", ["Chile", "Peru"]),
    ],
)
def test_plural_noun_stands_for_the_members_it_lists(resolve, text, needle, members) -> None:
    assert _names_at(resolve(text), text, needle) == members


def test_relative_clause_with_include_lists_the_members(resolve) -> None:
    text = "His critics, which include the charity Oxfam, blame him for the famine."
    assert _names_at(resolve(text), text, "critics") == ["Oxfam"]


def test_possessor_of_the_listing_noun_is_not_a_member(resolve) -> None:
    text = "Peru's neighbours including Chile and Bolivia closed the border."
    assert _names_at(resolve(text), text, "neighbours") == ["Chile", "Bolivia"]


def test_listing_without_actors_adds_nothing(resolve) -> None:
    text = "Several crops including wheat and barley failed this year."
    assert _names_at(resolve(text), text, "crops") == []


# ------------------------------------------------------------ peoples and group nouns


@pytest.mark.parametrize(
    ("text", "needle", "name", "sector"),
    [
        ("Hausa tribal elders demanded a new census.", "elders", "Hausa tribal elders", "ELI"),
        ("Tamil traditional leaders rejected the plan.", "leaders", "Tamil traditional leaders",
         "GOV"),
        ("Hindu activists marched through the capital.", "activists", "Hindu activists", "CVL"),
    ],
)  # fmt: skip
def test_people_without_a_state_before_a_group_noun(resolve, text, needle, name, sector) -> None:
    actor = _at(resolve(text), text, needle)
    assert actor is not None
    assert (actor.kind, actor.name, actor.sector, actor.country) == ("group", name, sector, None)


def test_lower_case_adjective_alone_makes_no_people(resolve) -> None:
    text = "Our correspondent said that angry activists blocked the road."
    actor = _at(resolve(text), text, "activists")
    assert actor is not None and actor.name == "activists"


def test_people_named_before_members_of_a_place(resolve) -> None:
    text = "Druze inhabitants of the Syrian town of Quneitra announced a strike."
    actor = _at(resolve(text), text, "inhabitants")
    assert actor is not None
    assert actor.name.startswith("Druze inhabitants of") and actor.country == "SYR"


@pytest.mark.parametrize(
    ("text", "needle", "country", "sector"),
    [
        ("Angry villagers blocked the road to the mine.", "villagers", None, "CVL"),
        ("Residents of the valley fled the fighting.", "Residents", None, "CVL"),
        ("A Kenyan newspaper accused the minister of lying.", "newspaper", "KEN", "JRN"),
        ("The court fined 40 Belgian nationals for trespass.", "nationals", "BEL", "CVL"),
        ("Police detained Latvian extremists near the border.", "extremists", "LVA", "REB"),
        ("Two Chilean businessmen sued the port authority.", "businessmen", "CHL", "BUS"),
    ],
)
def test_new_group_role_nouns(resolve, text, needle, country, sector) -> None:
    actor = _at(resolve(text), text, needle)
    assert actor is not None
    assert (actor.kind, actor.country, actor.sector) == ("group", country, sector)


def test_an_unnamed_businessman_of_a_state_is_a_person(resolve) -> None:
    text = "A Kenyan businessman is suing the airline for damages."
    actor = _at(resolve(text), text, "businessman")
    assert actor is not None
    assert (actor.kind, actor.country, actor.sector) == ("person", "KEN", "BUS")


def test_indefinite_article_over_adjectives_makes_an_unnamed_holder(resolve) -> None:
    text = "A senior Peruvian minister said the border would stay closed."
    actor = _at(resolve(text), text, "minister")
    assert actor is not None
    assert (actor.kind, actor.country, actor.role) == ("person", "PER", "Minister")
