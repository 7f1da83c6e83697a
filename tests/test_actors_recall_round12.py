"""Actor recall rules, round 12 (issue i12k): local collectives acted on and placed (veterans,
students, companies; "an attack on a convoy"; "fishermen in X" where NER saw no place; "In X,
students rallied"), names glossed by what they are, breakaway regions that act, companies
after a state's possessive, long titles before a name."""

from __future__ import annotations

from tests.helpers import one_actor as _one


def _names(table) -> list[str]:
    return [a.name for a in table]


def test_veterans_are_a_collective(resolve) -> None:
    table = resolve("Dozens of army veterans blocked the bridge on Monday.")
    veterans = _one(table, "army veterans")
    assert veterans.kind == "group"
    assert [m.text for m in veterans.mentions] == ["Dozens of army veterans"]


def test_companies_need_a_word_that_says_which(resolve) -> None:
    table = resolve("The ministry fined logistics companies and warned companies.")
    assert _one(table, "logistics companies").kind == "group"
    assert "companies" not in _names(table)
    table = resolve("The ministry fined two privately owned companies on Friday.")
    assert not any("companies" in n for n in _names(table))


def test_a_state_among_the_modifiers_places_the_collective(resolve) -> None:
    table = resolve("Moscow sanctioned four U.S. technology companies on Friday.")
    assert _one(table, "technology companies").country == "USA"


def test_what_an_attack_is_on_is_acted_on(resolve) -> None:
    table = resolve("Insurgents staged an ambush on a supply convoy near the border on Friday.")
    assert _one(table, "supply convoy").kind == "group"
    table = resolve("The regime imposed sanctions on shipping companies in March.")
    assert _one(table, "shipping companies").kind == "group"


def test_an_attack_on_a_bare_vague_noun_is_no_actor(resolve) -> None:
    table = resolve("Gunmen carried out an attack on a camp in Zamfara on Sunday.")
    assert not any("camp" in n for n in _names(table))


def test_a_place_ner_missed_places_the_collective(resolve) -> None:
    table = resolve("Farmers in Hodeidah said they had lost their harvest.")
    farmers = _one(table, "farmers in Hodeidah")
    assert farmers.country == "YEM"


def test_fishermen_on_an_island(resolve) -> None:
    table = resolve("Fishermen on Kinmen complained that patrols had chased their boats.")
    assert _one(table, "fishermen on Kinmen").country == "TWN"


def test_a_local_group_acts_where_its_verb_happens(resolve) -> None:
    table = resolve("In Kabul, hundreds of teachers marched to demand unpaid wages.")
    assert _one(table, "teachers").country == "AFG"
    table = resolve("Several hundred war veterans rallied in Caracas on Monday.")
    assert _one(table, "war veterans").country == "VEN"


def test_an_acronym_glossed_as_a_force_is_an_organisation(resolve) -> None:
    text = (
        "The mayor asked SAFOR, the regional stabilisation force, to guard the bridge. "
        "SAFOR said it would send a patrol."
    )
    force = _one(resolve(text), "SAFOR")
    assert force.kind == "organisation"
    assert len(force.mentions) == 2


def test_a_capitalised_name_glossed_as_a_mission(resolve) -> None:
    text = "Orion, the alliance's air policing mission over the Baltic, intercepted two jets."
    table = resolve(text)
    assert _one(table, "Orion").kind == "organisation"


def test_a_glossed_name_takes_the_state_of_its_gloss(resolve) -> None:
    table = resolve("Prosvet, the Serbian anti-corruption watchdog, filed a complaint on Friday.")
    watchdog = _one(table, "Prosvet")
    assert (watchdog.kind, watchdog.country) == ("organisation", "SRB")


def test_a_group_of_states_known_as_a_name(resolve) -> None:
    text = (
        "Beijing criticised the four Pacific democracies, known as the P4, for the statement. "
        "The P4 rejected the criticism."
    )
    table = resolve(text)
    p4 = _one(table, "P4")
    assert p4.kind == "group"
    assert p4.country is None
    assert "Pacific democracies" not in _names(table)
    assert len(p4.mentions) == 3


def test_a_gloss_of_a_person_or_a_time_makes_no_body(resolve) -> None:
    table = resolve("Later, the coalition said Omar Haddad, the group's treasurer, had fled.")
    assert _names(table).count("Later") == 0
    assert all(a.kind == "person" for a in table if a.name == "Omar Haddad")


def test_the_end_of_a_longer_name_is_no_glossed_name(resolve) -> None:
    table = resolve("Union of Free Farmers, the largest opposition force, boycotted the vote.")
    assert "Free Farmers" not in _names(table)


def test_a_name_after_a_title_with_its_portfolio(resolve) -> None:
    text = "Minister for Regional Development Ilinca Varzaru said the grants would be paid."
    person = _one(resolve(text), "Ilinca Varzaru")
    assert (person.kind, person.role) == ("person", "Minister")
    text = "Georgian Minister for Reconciliation Tea Kapanadze visited the border."
    assert _one(resolve(text), "Tea Kapanadze").country == "GEO"


def test_a_demonym_before_a_title_is_no_person(resolve) -> None:
    text = "Moldovan Deputy Prime Minister for Economic Reform Sorin Ciobanu met the donors."
    table = resolve(text)
    assert "Moldovan" not in _names(table)
    assert _one(table, "Sorin Ciobanu").country == "MDA"


def test_a_body_after_a_states_possessive_is_of_that_state(resolve) -> None:
    text = "Heating was cut after Turkmenistan's Turkmengaz halted deliveries in December."
    company = _one(resolve(text), "Turkmengaz")
    assert (company.kind, company.country) == ("organisation", "TKM")
    company = _one(resolve("Qatar's Qatarenergy signed a supply deal with Italy."), "Qatarenergy")
    assert (company.kind, company.country) == ("organisation", "QAT")


def test_a_thing_or_place_after_a_states_possessive_is_no_body(resolve) -> None:
    text = "Russia's Sarmat was tested on Friday. Israel's Iron Dome intercepted the rockets."
    table = resolve(text + " Shelling hit Ukraine's Kharkiv.")
    assert "Sarmat" not in _names(table)
    assert "Iron Dome" not in _names(table)
    assert "Kharkiv" not in _names(table)


def test_a_body_of_an_entity_within_a_state_is_of_that_state(resolve) -> None:
    text = (
        "Republika Srpska objected to the ruling. The Constitutional Court of Republika "
        "Srpska said on Friday that the decree was void."
    )
    table = resolve(text)
    court = _one(table, "Constitutional Court of Republika Srpska")
    assert (court.kind, court.country) == ("organisation", "BIH")


def test_a_breakaway_region_that_acts_is_a_state_actor_of_its_state(resolve) -> None:
    text = (
        "Georgia protested after the authorities in the breakaway region of Abkhazia "
        "detained two fishermen. Abkhazia said the men had crossed illegally."
    )
    table = resolve(text)
    region = _one(table, "Abkhazia")
    assert (region.kind, region.country) == ("state", "GEO")
    mentions = [m.text for m in region.mentions]
    assert "the authorities in the breakaway region of Abkhazia" in mentions
    assert _one(table, "Georgia").mentions[0].text == "Georgia"


def test_a_self_declared_republic_in_apposition(resolve) -> None:
    text = "Somaliland, a self-declared republic, signed a port deal with Ethiopia."
    region = _one(resolve(text), "Somaliland")
    assert (region.kind, region.country) == ("state", "SOM")


def test_separatist_police_belong_to_the_breakaway_entity(resolve) -> None:
    text = (
        "Georgia accused separatist South Ossetia of moving the boundary. Separatist police "
        "detained a shepherd near the village on Sunday."
    )
    police = _one(resolve(text), "separatist police")
    assert (police.kind, police.country, police.affiliation) == ("group", "GEO", "South Ossetia")


def test_a_region_not_called_breakaway_stays_a_place(resolve) -> None:
    table = resolve("Voters in Yorkshire backed the plan. Yorkshire sent two delegates.")
    assert "Yorkshire" not in _names(table)


def test_envoys_and_ambassadors_are_groups_and_a_bloc_keeps_no_state(resolve) -> None:
    text = (
        "Serbia's parliament passed the law on Tuesday. Serbia said the law was needed, but "
        "Western envoys called it a mistake. Serbia rejected the criticism."
    )
    envoys = _one(resolve(text), "Western envoys")
    assert (envoys.kind, envoys.country) == ("group", None)
    table = resolve("European ambassadors met the minister in Belgrade on Monday.")
    assert _one(table, "European ambassadors").kind == "group"


def test_a_group_of_states_also_known_as_a_name(resolve) -> None:
    text = "The five Sahel countries, also known as the G5, pledged troops. The G5 later dissolved."
    g5 = _one(resolve(text), "G5")
    assert (g5.kind, g5.country) == ("group", None)
    assert len(g5.mentions) == 3


def test_a_mission_to_a_state_is_named_with_its_seat(resolve) -> None:
    mission = _one(resolve("The EU Mission to Armenia said it would send more monitors."),
                   "EU Mission to Armenia")  # fmt: skip
    assert (mission.kind, mission.country) == ("organisation", None)
