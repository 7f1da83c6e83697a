"""Actor recall rules, round 11 (issue i12i): an unnamed envoy, riot police, parties named
with their noun, government troops, ethnic peoples, churches, Western governments, patrols
and convoys, provinces that act."""

from __future__ import annotations

from tests.helpers import one_actor as _one


def _names(table) -> list[str]:
    return [a.name for a in table]


def test_a_definite_envoy_with_no_name_is_its_state(resolve) -> None:
    table = resolve("Peru's foreign minister summoned the Chilean ambassador on Monday to protest.")
    chile = _one(table, "Chile")
    assert chile.kind == "state"
    assert [m.text for m in chile.mentions] == ["Chilean ambassador"]


def test_a_definite_envoy_named_earlier_stays_the_person(resolve) -> None:
    text = (
        "Chilean ambassador Jorge Soto arrived in Lima on Sunday. Peru summoned the Chilean "
        "ambassador on Monday."
    )
    table = resolve(text)
    assert "Chile" not in _names(table)
    assert any(m.text == "the Chilean ambassador" for m in _one(table, "Jorge Soto").mentions)


def test_riot_police_opening_a_sentence_are_no_person(resolve) -> None:
    table = resolve("Riot police in Kenya fired tear gas at students outside a campus on Tuesday.")
    assert all(a.kind != "person" for a in table)
    police = _one(table, "Riot police")
    assert (police.kind, police.country, police.code) == ("group", "KEN", "KENCOP")
    assert "Kenya" not in _names(table)  # where they fired, no actor


def test_the_kind_of_police_names_them_but_not_an_adjective(resolve) -> None:
    table = resolve("Traffic police stopped the trucks. The final court ruled against them.")
    assert "traffic police" in _names(table)
    assert "final court" not in _names(table)


def test_x_party_names_the_party_x(resolve) -> None:
    table = resolve("The ruling Georgian Dream party says the reform will pass next month.")
    party = _one(table, "Georgian Dream")
    assert (party.kind, party.country, party.sector) == ("organisation", "GEO", "PTY")
    assert [m.text for m in party.mentions] == ["Georgian Dream party"]


def test_a_name_ner_stops_before_party_takes_the_noun(resolve) -> None:
    table = resolve("The opposition Civic Dawn party rejected the budget on Monday.")
    party = _one(table, "Civic Dawn")
    assert (party.kind, party.sector) == ("organisation", "PTY")


def test_government_troops_are_the_story_states_military(resolve) -> None:
    text = (
        "Rebels attacked an army post in Mali on Sunday, the Mali army said. The group said it "
        "had killed 30 government troops. Government forces retook the town on Monday."
    )
    table = resolve(text)
    troops = _one(table, "government troops")
    assert (troops.kind, troops.country, troops.code) == ("group", "MLI", "MLIMIL")
    assert _one(table, "Government forces").code == "MLIMIL"


def test_ethnic_x_is_a_people_of_that_country(resolve) -> None:
    table = resolve("The offensive forced more than 50,000 ethnic Hungarians to leave their homes.")
    people = _one(table, "ethnic Hungarians")
    assert (people.kind, people.country) == ("group", "HUN")
    assert "Hungarians" not in _names(table)


def test_a_denomination_church_is_an_organisation(resolve) -> None:
    table = resolve("The Orthodox Church condemned the law, and the Catholic Church will watch.")
    assert _one(table, "Orthodox Church").kind == "organisation"
    assert _one(table, "Catholic Church").kind == "organisation"
    table = resolve("The Russian Orthodox Church protested.")
    assert _one(table, "Russian Orthodox Church").country == "RUS"


def test_a_church_named_for_a_saint_stays_a_building() -> None:
    from eventwire.actors.kb import load_kb

    kb = load_kb()
    assert kb.is_non_actor("St Anne's Catholic Church")
    assert kb.is_non_actor("Riverside Church")
    assert not kb.is_non_actor("the Anglican Church")


def test_western_governments_are_a_group_of_no_country(resolve) -> None:
    table = resolve("The Iranian foreign ministry accused Western governments of interference.")
    group = _one(table, "Western governments")
    assert (group.kind, group.country) == ("group", None)


def test_a_patrol_and_a_convoy_are_collectives(resolve) -> None:
    text = (
        "Rebels attacked a military convoy near Kabul in Afghanistan. Insurgents later ambushed "
        "an army patrol."
    )
    table = resolve(text)
    convoy = _one(table, "military convoy")
    assert (convoy.kind, convoy.country, convoy.code) == ("group", "AFG", "AFGMIL")
    assert _one(table, "army patrol").country == "AFG"


def test_a_bare_patrol_is_no_actor(resolve) -> None:
    table = resolve("A patrol entered the village on Monday.")
    assert "patrol" not in [n.lower() for n in _names(table)]


def test_an_order_that_things_be_closed_is_no_request() -> None:
    # a province that acts is an actor now; its orders about things are measures, not requests
    from eventwire import analyze

    closed = analyze("Kenya's interior minister ordered schools in the county closed on Monday.")
    assert [e.type for e in closed.events] == []
    asked = analyze("Kenya's interior minister ordered the police to withdraw on Monday.")
    assert "REQUEST" in [e.type for e in asked.events]


def test_a_province_named_with_its_noun_acting_is_a_state_actor(resolve) -> None:
    text = "Helmand province, which lies on the border, closed its markets on Friday."
    actor = _one(resolve(text), "Helmand")
    assert (actor.kind, actor.country, actor.sector) == ("state", "AFG", "GOV")
    assert any(m.text == "Helmand province" for m in actor.mentions)


def test_the_x_region_as_subject_is_a_state_actor(resolve) -> None:
    actor = _one(resolve("The Oromia region announced new checkpoints on Tuesday."), "Oromia")
    assert (actor.kind, actor.country) == ("state", "ETH")


def test_a_province_described_by_be_is_no_actor(resolve) -> None:
    table = resolve("The Oromia region was among the areas hit by the drought last year.")
    assert "Oromia" not in _names(table)


def test_a_governors_administration_is_the_provinces_government(resolve) -> None:
    text = (
        "The governor of Sindh province, Murad Ali Shah, said on Monday his administration "
        "would rebuild the bridges."
    )
    table = resolve(text)
    province = _one(table, "Sindh")
    assert province.country == "PAK"
    assert [m.text for m in province.mentions] == ["his administration"]
    assert _one(table, "Murad Ali Shah").country == "PAK"


def test_a_longer_name_ending_in_a_known_bodys_name_is_its_own_organ(resolve) -> None:
    table = resolve("The ECOWAS Mediation and Security Council met in Abuja on Friday.")
    organ = _one(table, "ECOWAS Mediation and Security Council")
    assert (organ.kind, organ.affiliation, organ.code) == ("organisation", "ECOWAS", "IGO")
    assert "United Nations Security Council" not in _names(table)


def test_two_names_joined_by_and_stay_two(resolve) -> None:
    table = resolve("Talks between Israel and Hezbollah resumed on Monday.")
    assert {"Israel", "Hezbollah"} <= set(_names(table))
    assert not any(" and " in n for n in _names(table))


def test_a_police_academy_is_an_organisation_of_the_story_state(resolve) -> None:
    text = (
        "Colombia's army said on Monday that rebels in Colombia had bombed a police academy "
        "near the capital, killing 22 cadets."
    )
    academy = _one(resolve(text), "police academy")
    assert (academy.kind, academy.country) == ("organisation", "COL")


def test_a_military_academy_takes_its_demonym(resolve) -> None:
    table = resolve("Gunmen attacked the Nigerian military academy in Kaduna.")
    academy = _one(table, "Nigerian military academy")
    assert (academy.kind, academy.country, academy.code) == ("organisation", "NGA", "NGAMIL")


def test_the_region_of_x_dealt_with_is_a_state_actor(resolve) -> None:
    table = resolve("In 2024 Ethiopia signed a port deal with the breakaway region of Somaliland.")
    region = _one(table, "Somaliland")
    assert (region.kind, region.country) == ("state", "SOM")



def test_an_ambassador_to_the_un_is_of_the_state_that_sent_them(resolve) -> None:
    table = resolve("Kenya's ambassador to the U.N., Peter Mwangi, rejected the charge on Friday.")
    envoy = _one(table, "Peter Mwangi")
    assert envoy.country == "KEN"


def test_a_shared_demonym_means_the_state_the_story_names(resolve) -> None:
    text = (
        "The Democratic Republic of the Congo accused Rwanda on Monday. Congolese Foreign "
        "Minister Marie Ilunga said troops had crossed the border."
    )
    assert _one(resolve(text), "Marie Ilunga").country == "COD"
    other = resolve("Congolese troops fired on protesters in Brazzaville on Monday.")
    assert _one(other, "Congolese troops").country == "COG"


def test_shared_names_are_known_names_of_known_states() -> None:
    from eventwire.actors.kb import data_rows, load_kb, split_cell

    kb = load_kb()
    for row in data_rows("shared_names.tsv"):
        states = split_cell(row["states"])
        assert len(states) > 1 and all(kb.entities[s].kind == "state" for s in states), row
        found = kb.lookup(row["name"]) or kb.demonym(row["name"])
        assert found is not None and found.id in states, row


def test_the_government_is_the_state_just_named_with_that_noun(resolve) -> None:
    text = (
        "Peru's government and the rebels agreed on Monday to a truce, the two sides said in "
        "Havana, where Cuba hosts the talks. The government's chief negotiator, Ana Rojas, "
        "called the deal historic."
    )
    table = resolve(text)
    assert any(m.text == "The government" for m in _one(table, "Peru").mentions)
    assert _one(table, "Ana Rojas").country == "PER"


def test_a_place_described_by_a_demonym_places_the_group(resolve) -> None:
    table = resolve("Farmers in Kolbeta, a Kenyan town near the border, protested on Sunday.")
    assert _one(table, "farmers in Kolbeta").country == "KEN"
