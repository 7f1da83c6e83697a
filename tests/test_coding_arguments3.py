"""Argument rules found on held-out text, on invented sentences: one construction per test."""

from __future__ import annotations

from eventwire.coding.arguments import subject_tokens
from tests.test_coding_coder import code, names, only


def test_owner_of_what_is_assured_is_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    # the "of" phrase names what the officials were assured of; its owner is not reassured
    text = "Chile sent an envoy to Peru, where he reassured officials of Canada's support."
    events, actors = code(nlp, text, links={"he": "Chile"})
    e = only(events, "SUPPORT")
    assert "Canada" not in names(actors, e.target)
    assert names(actors, e.target) == ["Peru"]


def test_object_of_a_reassurance_stays_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada reassured Peru of its support on Monday.")
    assert names(actors, only(events, "SUPPORT").target) == ["Peru"]


def test_after_clause_keeps_its_own_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser reads "after" as a preposition and "began" as the main verb's partner
    text = (
        'Chile threatened on Monday to take "severe" retaliatory action after Peru and '
        "Canada began annual military exercises."
    )
    events, actors = code(nlp, text)
    assert names(actors, only(events, "MOBILIZE").source) == ["Peru", "Canada"]


def test_coordinated_main_verb_keeps_the_main_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Chile protested on Monday and began military exercises near the border.")
    began = next(t for t in doc if t.lower_ == "began")
    assert [t.text for t in subject_tokens(began)[0]] == ["Chile"]


def test_attack_on_villages_targets_their_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chilean warplanes struck several villages in Peru's northern Tumbes province."
    events, actors = code(nlp, text)
    assert names(actors, only(events, "ASSAULT").target) == ["Peru"]


def test_attack_on_towns_in_a_state(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Rebels shelled two towns in Peru, killing nine people.")
    assert names(actors, only(events, "ASSAULT").target) == ["Peru"]


def test_attack_on_a_non_place_gets_no_state(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Gunmen attacked a convoy in Peru on Sunday.")
    assert names(actors, only(events, "ASSAULT").target) == []


def test_call_joined_to_a_report_shares_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A Chilean negotiator said the rebels would honour the truce and called on Peru to "
        "free detained fighters."
    )
    events, actors = code(nlp, text, names=("Chilean negotiator", "Peru"), kind="person")
    e = only(events, "REQUEST")
    assert names(actors, e.source) == ["Chilean negotiator"]
    assert names(actors, e.target) == ["Peru"]


def test_verbs_of_one_reported_clause_share_its_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Peru said Chile attacked the town and shelled the port.")
    shelled = next(t for t in doc if t.lower_ == "shelled")
    assert [t.text for t in subject_tokens(shelled)[0]] == ["Chile"]


def _actor_names(table) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {m.text: a.name for a in table for m in a.mentions}


def test_seat_of_a_named_body_stands_for_the_body(resolve) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The European Union widened its trade curbs on Iran. "
        '"Brussels keeps choosing pressure over talks," an Iranian diplomat said.'
    )
    assert _actor_names(resolve(text))["Brussels"] == "European Union"


def test_capital_without_its_body_is_the_state(resolve) -> None:  # type: ignore[no-untyped-def]
    text = "Brussels said on Tuesday it would recall its ambassador to Chile."
    assert _actor_names(resolve(text))["Brussels"] == "Belgium"


def test_organisers_and_unions_are_actors(resolve) -> None:  # type: ignore[no-untyped-def]
    text = "Organisers blamed the mayor for the delay. Rail unions said they would strike."
    sectors = {a.name: a.sector for a in resolve(text)}
    assert sectors["organisers"] == "CVL"
    assert sectors["rail unions"] == "LAB"  # named with what they are
