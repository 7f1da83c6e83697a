"""The coder's round-10 rules, on invented sentences: a past clause of time or reason under a
statement tells an event of its own, announced strikes and counter-measures are threats,
stone-throwing is a riot, an exchange of fire is an attack, and warships or soldiers sent
are a mobilisation."""

from __future__ import annotations

from eventwire.coding.cues import cue_words
from tests.test_coding_coder import code, names, only


def types(events) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.type for e in events}


# --- "threatened X after Y began drills": Y's drills took place -------------------------


def test_drills_in_an_after_clause_of_a_threat_are_coded(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(
        nlp, "Chile threatened to retaliate after Peru and Canada began military exercises."
    )
    assert types(events) == {"THREATEN", "MOBILIZE"}
    assert sorted(names(actors, only(events, "MOBILIZE").source)) == ["Canada", "Peru"]


def test_attack_in_a_because_clause_of_a_protest_is_coded(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Chile condemned Peru because Serbia shelled the border town.")
    assert "ASSAULT" in types(events)
    assert names(actors, only(events, "ASSAULT").source) == ["Serbia"]


def test_a_condition_of_a_threat_is_not_coded(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Chile warned it would retaliate if Peru began military exercises.")
    assert "MOBILIZE" not in types(events)


def test_occasion_words_leave_conditions_out() -> None:
    assert {"after", "because"} <= cue_words("occasion")
    assert not {"if", "unless", "before", "until"} & cue_words("occasion")


# --- announced strikes and counter-measures are threats ---------------------------------


def test_announced_national_strike_is_a_threat_to_restrict(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Dock workers said they would hold a national strike next month.")
    threat = only(events, "THREATEN")
    assert threat.mode == "restrict"


def test_nationwide_strike_under_way_is_a_protest(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "A nationwide strike shut ports across Peru on Monday.")
    assert only(events, "PROTEST").mode == "strike"


def test_measures_announced_in_response_are_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(
        nlp, "Peru said it would respond with measures of its own.", links={"it": "Peru"}
    )
    assert types(events) == {"THREATEN"}
    assert names(actors, only(events, "THREATEN").source) == ["Peru"]


def test_measures_taken_in_response_are_a_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Peru responded with measures of its own on Friday.")
    assert names(actors, only(events, "SANCTION").source) == ["Peru"]


# --- force: stones and gunfire ------------------------------------------------------------


def test_throwing_stones_at_police_is_a_riot(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Youths in Lima threw stones at riot police on Sunday.")
    protest = only(events, "PROTEST")
    assert protest.mode == "riot"


def test_exchange_of_fire_is_an_attack_with_firearms(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Peru exchanged fire with Chile along the desert border.")
    attack = only(events, "ASSAULT")
    assert attack.mode == "firearms"
    assert names(actors, attack.source) == ["Peru"]
    assert names(actors, attack.target) == ["Chile"]


# --- warships and soldiers sent -----------------------------------------------------------


def test_sending_frigates_is_mobilization_of_weapons(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada sent two frigates to the Arctic on Monday.")
    mob = only(events, "MOBILIZE")
    assert mob.mode == "weapons"
    assert names(actors, mob.source) == ["Canada"]


def test_soldiers_to_be_sent_are_an_announced_mobilization(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(
        nlp,
        "Canada said it would send soldiers to join a drill with Peru.",
        links={"it": "Canada"},
    )
    mob = only(events, "MOBILIZE")
    assert mob.future or mob.hypothetical


def test_an_exchange_of_fire_between_two_states_is_their_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "An exchange of fire between Peru and Chile lasted an hour.")
    attack = only(events, "ASSAULT")
    assert attack.mode == "firearms"
    assert sorted(names(actors, attack.source)) == ["Chile", "Peru"]


def test_an_exchange_of_prisoners_is_no_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Peru and Chile agreed to an exchange of prisoners.")
    assert "ASSAULT" not in types(events)


# --- the force a mobilisation names ---------------------------------------------------------


def test_patrols_by_police_are_a_police_mobilization(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(
        nlp, "The government of Chile ordered patrols by police and soldiers in the capital."
    )
    assert only(events, "MOBILIZE").mode == "police"


def test_patrols_by_soldiers_keep_the_troops_mode(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(
        nlp, "The government of Chile ordered patrols by soldiers and police in the capital."
    )
    assert only(events, "MOBILIZE").mode == "troops"


def test_the_force_in_the_subject_is_not_what_is_mobilised(nlp) -> None:  # type: ignore[no-untyped-def]
    # "police" belongs to the subject here; the row's own mode stands
    events, _ = code(nlp, "The police chief of Chile ordered patrols in the capital.")
    assert only(events, "MOBILIZE").mode == "troops"
