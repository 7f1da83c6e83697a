"""Round 12 (issue i12j): evidence in the actor's own phrase beats the story's and the
dateline's state. Sentences written for these tests."""

from __future__ import annotations

from tests.helpers import one_actor as _one

# 1. a possessive or demonym state in the body's own phrase beats a place inside its name


def test_a_possessive_state_beats_a_state_inside_the_bodys_name(resolve) -> None:
    text = (
        "TAIPEI (Reuters) - Taiwan tracked ships near its coast on Monday. Taiwan's army "
        "was put on alert. China's Taiwan Affairs Office said the island was provoking Beijing."
    )
    assert _one(resolve(text), "China's Taiwan Affairs Office").country == "CHN"


def test_a_body_of_another_states_army_is_not_of_the_dateline_state(resolve) -> None:
    text = (
        "TAIPEI (Reuters) - China's navy began drills around Taiwan on Monday. The Southern "
        "Theatre Command of the People's Liberation Army said the drills were a warning. "
        "Taiwan's defence ministry said it was watching."
    )
    assert _one(resolve(text), "Southern Theatre Command").country == "CHN"


def test_an_office_only_one_state_has_is_of_that_state(resolve) -> None:
    text = (
        "SEOUL (Reuters) - South Korea's navy tracked the ships. South Korea protested on "
        "Monday. Tokyo was watching closely, Chief Cabinet Secretary Kenji Sato said."
    )
    person = _one(resolve(text), "Kenji Sato")
    assert person.country == "JPN" and person.code == "JPNGOV"


# 2. a host city is where a body meets, not whose it is


def test_an_igo_organ_named_by_its_owner_is_of_no_state_in_its_host_city(resolve) -> None:
    text = (
        "VIENNA (Reuters) - The IAEA's Board of Governors met on Thursday. Austria said it "
        "would host the next round. Iran rejected the board's demands."
    )
    body = _one(resolve(text), "Board of Governors")
    assert body.country is None and body.code == "UNO"


def test_an_alliance_organ_in_its_host_capital_is_of_no_state(resolve) -> None:
    text = (
        "BRUSSELS (Reuters) - NATO's Military Committee backed the plan on Monday. "
        "Belgium welcomed it."
    )
    body = _one(resolve(text), "Military Committee")
    assert body.country is None and body.code == "IGO"


def test_an_envoy_to_bodies_in_a_host_city_is_of_the_sending_state(resolve) -> None:
    text = (
        "GENEVA (Reuters) - Pakistan's envoy to the international agencies in Geneva, Imran "
        "Qureshi, accused India of lying. Switzerland hosted the meeting."
    )
    assert _one(resolve(text), "Imran Qureshi").country == "PAK"


# 3. heads of international missions have no state, wherever the mission works


def test_the_head_of_an_igo_mission_to_the_story_state_has_no_state(resolve) -> None:
    text = (
        "CHISINAU, Moldova (AP) - Moldova's parliament voted on Monday. The head of the OSCE "
        "Mission to Moldova, Lars Berg, urged both sides to talk. Moldova's president agreed."
    )
    table = resolve(text)
    person = _one(table, "Lars Berg")
    assert person.country is None and person.code == "IGO"
    assert not [a for a in table if a.kind == "person" and a.name == "Mission"]


def test_a_mission_named_to_a_state_in_another_states_story_is_not_the_story_state(
    resolve,
) -> None:
    text = (
        "MOGADISHU, Somalia (AP) - The head of the OSCE Mission to Moldova, Marek Novak, urged "
        "calm. Somalia said on Monday its army had retaken the town."
    )
    person = _one(resolve(text), "Marek Novak")
    assert person.country is None and person.code == "IGO"


def test_the_international_communitys_envoy_has_no_state(resolve) -> None:
    text = (
        "SARAJEVO (AP) - Bosnia's parliament met on Monday. The international community's "
        "special envoy, Karl Brandt, annulled the law. Bosnia's president objected."
    )
    person = _one(resolve(text), "Karl Brandt")
    assert person.country is None and person.code == "IGO"


def test_troops_of_a_multinational_force_led_by_a_state_are_of_no_state(resolve) -> None:
    text = (
        "BANGUI, Central African Republic (AP) - Troops from the Rwandan-led multinational "
        "force retook the town on Monday. The Central African Republic's army withdrew."
    )
    group = next(a for a in resolve(text) if a.name.startswith("Troops from"))
    assert group.country is None and group.code == "IGO"


def test_a_state_that_backs_rebels_is_not_their_state(resolve) -> None:
    text = "GOMA, Congo (AP) - Rwandan-backed rebels seized the town on Monday. Congo protested."
    group = next(a for a in resolve(text) if "rebels" in a.name)
    assert group.country != "RWA"


def test_the_commander_of_a_multinational_mission_has_no_state(resolve) -> None:
    text = (
        "PORT-AU-PRINCE, Haiti (AP) - Police officers and troops from the Kenyan-led "
        "Multinational Security Support mission (MSS) retook the port, the mission said. "
        "Its commander, Peter Otieno, said eight attackers were killed. Haiti's government "
        "welcomed it."
    )
    table = resolve(text)
    mission = _one(table, "MSS")
    assert mission.country is None and mission.code == "IGO"
    person = _one(table, "Peter Otieno")
    assert person.country is None and person.code == "IGO"


# 4. the state a story opens with and names clearly most is the story's state


def test_the_state_a_story_opens_with_places_its_local_people(resolve) -> None:
    text = (
        "Chad Says Army Repelled Rebel Raid Near Sudan Border\n\n"
        "Chad's army said on Friday that it had repelled a raid on a border post, a day after "
        "Sudan accused Chad of arming militias. Chad denied the claim. Sudan's army said it "
        "was watching the border. Chadian officials said the raiders came from Sudan. Army "
        "spokesman Col. Ali Mahamat said twelve attackers were killed. Chad closed the road."
    )
    assert _one(resolve(text), "Ali Mahamat").country == "TCD"


def test_a_body_named_as_of_several_states_has_no_state(resolve) -> None:
    text = (
        "LIMA, Peru (AP) - Peru's congress voted on Monday. The League of Coastal States "
        "condemned the vote. Peru's president objected."
    )
    body = _one(resolve(text), "League of Coastal States")
    assert body.country is None and body.code == "IGO"


# 5. armed members of a named group, in a story about one state


def test_gunmen_from_a_named_gang_act_where_the_story_happens(resolve) -> None:
    text = (
        "Gunmen from the Grand Ravine gang alliance stormed a police station in Haiti on "
        "Monday. Haiti's police said three officers were killed. Haiti declared an emergency."
    )
    group = next(a for a in resolve(text) if a.name.startswith("Gunmen from"))
    assert group.country == "HTI"


def test_militants_of_a_named_body_take_its_state(resolve) -> None:
    text = (
        "Niger says soldiers killed in attack\n\n"
        "Niger's army said on Monday that militants of the Sahel Brigade (SB) had attacked a "
        "base near Tillaberi. The SB said in a statement it had seized weapons. Niger closed "
        "the border with Mali. Niger's president vowed revenge."
    )
    group = next(a for a in resolve(text) if a.name.startswith("militants of"))
    assert group.country == "NER"


# 6. a rank abbreviated before a name ends no sentence: the name keeps its title's body


def test_a_spokesman_for_a_movement_named_with_an_abbreviated_rank(resolve) -> None:
    text = (
        "Missiles struck a tanker in the Gulf on Monday. A spokesman for the Houthi "
        "movement, Brig. Gen. Ahmed al-Sharafi, said the ship was a target."
    )
    table = resolve(text)
    assert _one(table, "Ahmed al-Sharafi").country == "YEM"
    assert not [a for a in table if a.name == "Brig"]


def test_an_abbreviated_rank_before_a_name_keeps_the_sentence_whole(nlp) -> None:
    doc = nlp("A spokesman for the army, Brig. Omar Diallo, said the town was calm.")
    assert len(list(doc.sents)) == 1


def test_an_expert_in_international_law_keeps_the_story_state(resolve) -> None:
    # guard for the rule above: "international" describes the field, not the person
    text = (
        "SARAJEVO (AP) - Bosnia's parliament met on Monday. Karl Brandt, an international law "
        "expert, said the law was void. Bosnia's president objected."
    )
    assert _one(resolve(text), "Karl Brandt").code != "IGO"


def test_a_place_a_group_is_some_distance_from_is_not_where_it_is(resolve) -> None:
    text = (
        "Taiwan said China's navy held drills on Monday. Farmers on the island, a few miles "
        "from the Chinese city of Xiamen, said their fields were flooded. Taiwan protested, "
        "and Taiwan's coast guard was put on alert."
    )
    group = next(a for a in resolve(text) if a.name.lower().startswith("farmers"))
    assert group.country != "CHN"


# 7. an armed group that fights in places of one state is of that state, whatever the story's


def test_a_front_attacking_in_a_region_of_a_state_is_of_that_state(resolve) -> None:
    text = (
        "Russia and France traded accusations on Monday. The Front for Desert Freedom attacked "
        "an army base in Mali's Kidal region. Russia denied it. France said Russia was lying. "
        "Russia's envoy objected."
    )
    assert _one(resolve(text), "Front for Desert Freedom").country == "MLI"


def test_fighters_of_a_glossed_front_attacking_in_a_state_are_of_that_state(resolve) -> None:
    text = (
        "Russia and France traded accusations on Monday. Fighters of the Front for Desert "
        "Freedom (FDF) raided an army post in northern Niger. Russia denied it. France said "
        "Russia was lying. Russia's envoy objected."
    )
    assert _one(resolve(text), "FDF").country == "NER"
