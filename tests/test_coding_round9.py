"""The coder's round-9 rules, on invented sentences: ceasefires agreed in words are no
RETREAT, events told as collapsing, planned attacks, deaths in custody, travel bans and asset
freezes on foreign actors, relief goods sent, and the content of a concession."""

from __future__ import annotations

from eventwire.coding.cues import cue_words
from tests.test_coding_coder import code, names, only


def types(events) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.type for e in events}


# --- ceasefires signed, agreed or reached are promises, not an implemented RETREAT --------


def test_signed_truce_agreement_is_support_without_retreat(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Peru and Chile signed a truce agreement in Lima on Monday.")
    assert types(events) == {"SUPPORT"}
    assert sorted(names(actors, only(events, "SUPPORT").source)) == ["Chile", "Peru"]


def test_signed_ceasefire_is_support_without_retreat(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Serbia and Kosovo signed a ceasefire on Monday.")
    assert types(events) == {"SUPPORT"}


def test_reached_truce_is_agree(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Chile and Peru reached a truce after a week of fighting.")
    assert types(events) == {"AGREE"}


def test_talks_on_a_ceasefire_are_no_retreat(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Peru and Chile held talks on a truce.")
    assert types(events) == {"CONSULT"}


def test_observed_truce_is_still_a_retreat(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Peru observed a truce with Chile throughout the holiday.")
    assert "RETREAT" in types(events)


# --- an event told as collapsing did not take place ---------------------------------------


def test_collapsed_truces_are_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Earlier truces between Serbia and Kosovo collapsed within a week.")
    assert events == []


def test_ending_verbs_take_their_particle() -> None:
    assert {"collapse", "break down"} <= cue_words("ending")
    assert "break" not in cue_words("ending")  # "clashes broke out" did happen


# --- attacks being planned have not happened ---------------------------------------------


def test_attacks_being_planned_are_not_coded(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile said rebels were using camps in Peru to plan attacks on Chilean towns."
    events, _ = code(nlp, text)
    assert "ASSAULT" not in types(events)


def test_author_of_past_attacks_still_attacked(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Rebels from Peru bombed a bridge in Chile on Monday.")
    assert "ASSAULT" in types(events)
    assert "plan" in cue_words("plan") and "plot" in cue_words("plan")


# --- dying in custody is no arrest -------------------------------------------------------


def test_death_in_custody_is_no_arrest(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Two protesters died in custody in Peru last week.")
    assert "COERCE" not in types(events)
    assert {"die", "remain"} <= cue_words("custody")


def test_taken_into_custody_is_still_an_arrest(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Peru took two activists from Chile into custody on Monday.")
    assert only(events, "COERCE").mode == "arrest"


# --- travel bans and asset freezes on foreign actors are SANCTION --------------------------


def test_ban_from_travelling_is_a_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Canada banned three Peruvian generals from travelling to Canada."
    events, _ = code(nlp, text)
    assert types(events) == {"SANCTION"}


def test_imposed_travel_ban_is_a_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada imposed a travel ban on Peru.")
    e = only(events, "SANCTION")
    assert names(actors, e.target) == ["Peru"]


def test_ban_from_leaving_stays_a_restriction(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peru banned the opposition leader from leaving the country."
    events, _ = code(nlp, text)
    assert only(events, "COERCE").mode == "restrict"


def test_assets_of_an_actor_name_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada froze the assets of Peru in Canadian banks.")
    e = only(events, "SANCTION")
    assert names(actors, e.source) == ["Canada"]
    assert names(actors, e.target) == ["Peru"]


# --- relief goods sent are AID ------------------------------------------------------------


def test_sent_tablets_are_aid(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada sent water purification tablets to Peru.")
    e = only(events, "AID")
    assert names(actors, e.target) == ["Peru"]


def test_sent_tents_and_blankets_are_aid(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Chile sent tents and blankets to the flooded towns of Peru.")
    assert "AID" in types(events)


# --- what a concession is about is not a second event --------------------------------------


def test_responsibility_for_a_killing_is_not_a_second_killing(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peru accepted responsibility for killing two fishermen from Chile."
    events, _ = code(nlp, text)
    assert types(events) == {"CONCEDE"}


def test_pact_words_hold_agreeing_verbs() -> None:
    assert {"sign", "agree", "reach", "agreement"} <= cue_words("pact")
