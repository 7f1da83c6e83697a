"""Round 13 (issue i12n): actor recall and false persons. Sentences written for these
tests."""

from __future__ import annotations

from tests.helpers import one_actor as _one


def _names(table) -> list[str]:
    return [a.name for a in table]


# 1. a name the tagger misses or cuts before a person's title in apposition


def test_a_name_before_a_spokesman_for_a_group_is_a_person(resolve) -> None:
    text = "Saw Htoo Lwin, a spokesman for the KNU, said the rebels had taken two outposts."
    assert _one(resolve(text), "Saw Htoo Lwin").kind == "person"


def test_a_name_cut_before_a_deputy_director_of_a_body_is_whole(resolve) -> None:
    text = (
        "Thura Min Aung, a deputy director of the ruling party's propaganda department, "
        "warned on Friday that the talks were over."
    )
    assert _one(resolve(text), "Thura Min Aung").kind == "person"


def test_a_hyphenated_given_name_stays_in_the_name(resolve) -> None:
    text = "South Korean Defence Minister Park Min-gyu met American commanders on Monday."
    assert _one(resolve(text), "Park Min-gyu").country == "KOR"


# 2. a state's body named with its possessor is its own organisation


def test_a_possessor_states_ministry_is_its_own_organisation(resolve) -> None:
    text = "Chad's Defence Ministry on Friday accused Sudan of arming the rebels."
    ministry = _one(resolve(text), "Chad's Defence Ministry")
    assert ministry.kind == "organisation" and ministry.country == "TCD"


# 5. a run of names ending in a body's noun names the body, never a person


def test_a_titled_run_ending_in_mission_is_no_person(resolve) -> None:
    text = (
        "The head of the U.N. Stabilisation Mission in Haiti (MINUSTAH), Special "
        "Representative Ana Rivas, urged the gangs to lay down their arms."
    )
    table = resolve(text)
    assert not [a for a in table if a.kind == "person" and "Mission" in a.name]
    assert _one(table, "Ana Rivas").kind == "person"


def test_the_navy_of_a_story_about_one_states_forces_is_that_states(resolve) -> None:
    text = (
        "Sri Lanka's military shelled rebel positions on Monday. Fishermen in Jaffna said "
        "the navy had detained two trawlers."
    )
    navy = _one(resolve(text), "Sri Lanka navy")
    assert navy.country == "LKA" and navy.kind == "group"


# the members of a named body: the body acts too


def test_soldiers_of_a_named_armed_force_make_the_force_an_actor(resolve) -> None:
    text = (
        "Gunmen ambushed a convoy near the border on Sunday, killing three soldiers of the "
        "Chad National Army."
    )
    army = _one(resolve(text), "Chad National Army")
    assert army.kind == "organisation" and army.country == "TCD"


# 3. groups named by where they work, and by the people NER took for a person


def test_workers_at_a_named_terminal_are_named_by_it(resolve) -> None:
    text = "Workers at the Zueitina terminal walked out on Monday over unpaid wages."
    assert _one(resolve(text), "workers at the Zueitina terminal").kind == "group"


def test_a_people_word_before_tribal_fighters_is_no_person(resolve) -> None:
    text = "Police said Rashaida tribal fighters attacked a checkpoint on Friday."
    table = resolve(text)
    assert "Rashaida" not in _names(table)
    assert _one(table, "Rashaida tribal fighters").kind == "group"


# 4. a region's own government, named by the region the sentence opens in


def test_the_interim_administration_of_the_region_the_sentence_is_in(resolve) -> None:
    text = (
        "In the southern province of Helmand, the provincial government ordered all "
        "schools closed on Monday."
    )
    body = _one(resolve(text), "Helmand provincial government")
    assert body.kind == "state" and body.country == "AFG"
