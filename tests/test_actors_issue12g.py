"""Groups and bodies named by what they are with their place or state (issue 12, seventh
pass): a state's coast guard, police placed by an "in" phrase, opposition supporters."""

from __future__ import annotations

from tests.helpers import one_actor as _one


def test_a_states_coast_guard_is_that_states_military(resolve) -> None:
    text = (
        "Greece's coast guard towed the boat to Chios on Friday. The Italian coast guard "
        "rescued 80 people off Lampedusa the same day."
    )
    table = resolve(text)
    assert _one(table, "Greece's coast guard").code == "GRCMIL"
    assert _one(table, "Italian coast guard").country == "ITA"


def test_a_named_coast_guard_stays_the_named_body(resolve) -> None:
    table = resolve("The Japan Coast Guard said on Monday it had tracked the ships.")
    assert all(a.name != "Coast Guard" for a in table)
    assert _one(table, "Japan Coast Guard").country == "JPN"


def test_police_placed_by_an_in_phrase_take_its_state(resolve) -> None:
    text = "Police in Kenya's Turkana county fired tear gas on Saturday at striking teachers."
    actor = _one(resolve(text), "Police in Kenya's Turkana county")
    assert (actor.country, actor.code) == ("KEN", "KENCOP")


def test_police_before_a_time_phrase_keep_their_short_name(resolve) -> None:
    table = resolve("Police in the morning arrested two men in Mombasa.")
    assert all(not a.name.lower().startswith("police in") for a in table)


def test_opposition_supporters_are_one_group(resolve) -> None:
    text = "Thousands of opposition supporters marched in Lusaka on Sunday against the result."
    table = resolve(text)
    assert _one(table, "opposition supporters").kind == "group"
    assert all(a.name != "opposition" for a in table)


def test_a_european_agency_is_not_the_datelines_state(resolve) -> None:
    text = (
        "LISBON (AP) — The European Fisheries Inspection Office said on Friday it would send "
        "inspectors to Porto. The Lisbon Dockworkers Union protested."
    )
    table = resolve(text)
    agency = _one(table, "European Fisheries Inspection Office")
    assert (agency.country, agency.country_basis) == (None, None)
    assert _one(table, "Lisbon Dockworkers Union").country == "PRT"


def test_a_name_after_the_title_of_a_regional_body_is_its_official(resolve) -> None:
    text = (
        '"We will not allow it," the chairman of the African Union Commission, '
        "Moussa Diallo, told reporters on Monday."
    )
    person = _one(resolve(text), "Moussa Diallo")
    assert (person.country, person.code) == (None, "IGO")


def test_a_place_named_by_its_own_name_wins_over_an_alternate_spelling() -> None:
    from eventwire.actors.national import place_state_of_name

    # the gazetteer also lists "Puno" as another spelling of the Indian city of Pune
    found = place_state_of_name("Puno")
    assert found is not None and found.country == "PER"
    pune = place_state_of_name("Pune")
    assert pune is not None and pune.country == "IND"


def test_an_acronym_spelled_out_in_the_text_is_the_texts_body_in_titles(resolve) -> None:
    text = (
        "Chad's army and the rebel Rally for Security and Freedom (RSF) met on Thursday. "
        "RSF spokesman Idriss Mahamat accused the army of stalling."
    )
    person = _one(resolve(text), "Idriss Mahamat")
    assert person.code != "NGO" and person.affiliation != "Reporters Without Borders"


def test_an_acronym_spelled_out_as_the_known_body_keeps_it(resolve) -> None:
    text = (
        "Human Rights Watch (HRW) condemned the arrests on Monday. HRW researcher Maria Lindqvist "
        "said the detainees had been beaten."
    )
    assert _one(resolve(text), "Maria Lindqvist").code == "NGO"


def test_a_governor_beside_an_acting_region_is_of_its_state(resolve) -> None:
    text = (
        "OSLO (AP) — Norway fined the trawler on Monday. The Arkhangelsk regional government "
        "said it would pay the fine, and Governor Ivan Sokolov called on Moscow to send ships."
    )
    person = _one(resolve(text), "Ivan Sokolov")
    assert (person.country, person.code) == ("RUS", "RUSGOV")


def test_a_governor_with_no_region_in_the_sentence_is_not_placed_by_one(resolve) -> None:
    text = (
        "The Arkhangelsk regional government said it would pay the fine. In Oslo, Governor "
        "Ivan Sokolov of the central bank said rates would stay."
    )
    assert _one(resolve(text), "Ivan Sokolov").country != "RUS"


def test_a_demonym_paired_with_a_states_name_is_that_state(resolve) -> None:
    text = "The armies met in Geneva on Thursday as Swiss and U.S. mediators pushed for a truce."
    table = resolve(text)
    assert _one(table, "Switzerland").kind == "state"
    assert _one(table, "United States").kind == "state"


def test_a_lone_demonym_modifier_is_no_state(resolve) -> None:
    table = resolve("The armies met in Geneva on Thursday as Swiss mediators pushed for a truce.")
    assert all(a.name != "Switzerland" for a in table)


def test_a_states_two_joined_group_nouns_are_one_group(resolve) -> None:
    text = "The militants have killed hundreds of Nigerian police and soldiers since 2020."
    group = _one(resolve(text), "Nigerian police and soldiers")
    assert (group.kind, group.country) == ("group", "NGA")


def test_a_group_noun_joined_to_a_state_stays_apart(resolve) -> None:
    table = resolve("Kenyan police and Uganda signed a pact on Monday.")
    assert all(a.name != "Kenyan police and Uganda" for a in table)


def test_a_known_body_spelled_out_with_a_short_prefix_keeps_its_acronym(resolve) -> None:
    text = (
        "The U.N. Office for the Coordination of Humanitarian Affairs (OCHA) said on Monday "
        "that aid had stalled. OCHA spokesman Lars Dahl urged both sides to open the roads."
    )
    assert _one(resolve(text), "Lars Dahl").code == "UNO"


def test_fishermen_from_a_named_town_are_a_group_of_its_state(resolve) -> None:
    text = "On Sunday, dozens of fishermen from the town of Zamboanga sailed to protest."
    group = _one(resolve(text), "fishermen from the town of Zamboanga")
    assert (group.country, group.code) == ("PHL", "PHLAGR")


def test_fishermen_from_an_unnamed_place_keep_the_bare_noun(resolve) -> None:
    table = resolve("On Sunday, dozens of fishermen from the south sailed to protest.")
    assert all(not a.name.startswith("fishermen from") for a in table)
