"""Round 13 (issue i12m): which country an actor's description gives it. Sentences written
for these tests."""

from __future__ import annotations

from tests.helpers import one_actor as _one

# 1. the title's owner beats its remit: an international body's official keeps no country


def test_an_igo_agencys_representative_in_a_state_is_of_no_state(resolve) -> None:
    text = "UNICEF's representative in Chad, Anna Berg, condemned the attack on the school."
    person = _one(resolve(text), "Anna Berg")
    assert person.country is None and person.code == "UNO"


def test_a_un_rapporteur_on_a_matter_in_a_state_is_of_no_state(resolve) -> None:
    text = (
        "The U.N. special rapporteur on freedom of expression in Belarus, Tomas Lind, "
        "criticised the verdict."
    )
    person = _one(resolve(text), "Tomas Lind")
    assert person.country is None and person.code == "UNO"


def test_a_un_envoy_for_a_state_is_of_no_state(resolve) -> None:
    text = "The U.N. deputy special envoy for Yemen, Paolo Conti, welcomed the agreement."
    person = _one(resolve(text), "Paolo Conti")
    assert person.country is None and person.code == "UNO"


def test_a_states_envoy_for_another_state_is_of_the_owner(resolve) -> None:
    text = "Russia's envoy for Syria, Igor Petrov, met opposition figures in Geneva."
    assert _one(resolve(text), "Igor Petrov").country == "RUS"


def test_a_remit_place_counts_when_the_title_has_no_owner(resolve) -> None:
    text = "The police chief in Kabul, Ahmad Wali, said three people died."
    assert _one(resolve(text), "Ahmad Wali").country == "AFG"


def test_a_person_who_heads_a_un_mission_is_its_official(resolve) -> None:
    text = "Special Representative Karl Weber, who heads the U.N. mission in Haiti, urged calm."
    person = _one(resolve(text), "Karl Weber")
    assert person.country is None and person.code == "UNO"


# 2. a demonym of several words is read whole ("South Sudanese" is no Sudan)


def test_a_two_word_demonym_in_a_title_gives_its_state(resolve) -> None:
    text = "South Korean Unification Minister Park Min-ho urged the North to resume talks."
    assert _one(resolve(text), "Park Min-ho").country == "KOR"


def test_south_sudanese_is_no_sudanese(resolve) -> None:
    text = "South Sudanese Information Minister Peter Deng said the army repelled the attack."
    assert _one(resolve(text), "Peter Deng").country == "SSD"


def test_a_multi_word_demonym_is_no_person_or_body(resolve) -> None:
    names = [a.name for a in resolve("Sri Lankan police arrested two men on Monday.")]
    assert "Sri Lankan" not in names
    names = [a.name for a in resolve("Papua New Guinean troops were sent to the highlands.")]
    assert "Papua New Guinean" not in names


def test_a_plural_multi_word_demonym_is_its_people(resolve) -> None:
    group = _one(resolve("Two Sri Lankans were arrested at the border."), "two Sri Lankans")
    assert group.country == "LKA"


# 3. the story's state: a province NER took for a body or person still counts for its state


def test_a_province_the_tagger_missed_makes_the_story_its_states(resolve) -> None:
    text = (
        "Fighting spread across Kachin on Monday as rebels shelled a garrison town in Kachin "
        "state. Thousands have fled Kachin since January, aid workers in Kachin said. Schools "
        "in Kachin have closed, and roads out of Kachin are cut. Rebel spokesman Naw Seng said "
        "the garrison would fall. India urged restraint, and Indian diplomats said New Delhi "
        "was worried about refugees."
    )
    assert _one(resolve(text), "Naw Seng").country == "MMR"


def test_a_foreign_partner_does_not_outweigh_the_province_of_the_story(resolve) -> None:
    text = (
        "Militants attacked a checkpoint in Balochistan on Sunday. Balochistan has seen a "
        "surge in attacks, and officials in Balochistan said six soldiers died. Provincial "
        "spokesman Jan Achakzai said the attackers fled. China, which funds projects in the "
        "region, urged protection for Chinese workers, and Beijing sent a team."
    )
    assert _one(resolve(text), "Jan Achakzai").country != "CHN"


def test_a_special_representative_is_not_of_the_story_state_by_default(resolve) -> None:
    text = (
        "The Libyan government and its rivals met in Tripoli on Monday. Special "
        "Representative Karl Weber, who chaired the meeting, urged both sides to agree on a "
        "budget. Libyan officials said a deal was near."
    )
    assert _one(resolve(text), "Karl Weber").country is None


def test_a_bureau_dateline_of_a_state_the_story_never_names_is_no_home(nlp) -> None:
    from eventwire.actors.resolve import resolve_actors

    text = (
        "Myanmar's military bombed a village in Kachin state on Monday, residents said. Kachin "
        "has seen heavy fighting, and aid workers in Kachin said 12 people died. Army spokesman "
        "Zaw Min said the strike hit rebel positions."
    )
    table = resolve_actors(nlp(text), dateline="BANGKOK (AP)")
    assert _one(table, "Zaw Min").country == "MMR"


# 4. a territory's movement: the Polisario Front is Western Sahara's (knowledge-base fact)


def test_the_polisario_front_and_its_envoy_are_of_western_sahara(resolve) -> None:
    text = (
        "The Polisario Front said its fighters shelled Moroccan positions near the berm on "
        "Monday. Its envoy in Geneva, Omar Mansour, urged the U.N. to act."
    )
    table = resolve(text)
    assert _one(table, "Polisario Front").country == "ESH"
    assert _one(table, "Omar Mansour").country == "ESH"
