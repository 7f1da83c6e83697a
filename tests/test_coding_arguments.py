"""Sources and targets read from the parse (coding/arguments.py), on invented sentences: one
construction per test."""

from __future__ import annotations

from tests.test_coding_coder import code, names, only


def test_actor_modifying_the_requested_act_is_asked(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Canada called for NATO intervention in the border conflict."
    events, actors = code(nlp, text, names=("Canada", "NATO"))
    e = only(events, "REQUEST")
    assert names(actors, e.source) == ["Canada"]
    assert names(actors, e.target) == ["NATO"]


def test_requested_act_without_an_actor_has_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada called for an independent inquiry into the crash.")
    e = only(events, "REQUEST")
    assert names(actors, e.source) == ["Canada"]
    assert e.target == []


def test_who_acts_at_a_request_was_asked(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "At Peru's request, Canada returned the stolen statues.")
    e = only(events, "REQUEST")
    assert names(actors, e.source) == ["Peru"]
    assert names(actors, e.target) == ["Canada"]


def test_request_noun_taken_for_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser reads "request" as the subject of "returned"; the asked one is who returned
    text = "Canada withdrew its troops from Peru in 2011, then at Peru's request returned them."
    events, actors = code(nlp, text)
    e = only(events, "REQUEST")
    assert names(actors, e.source) == ["Peru"]
    assert names(actors, e.target) == ["Canada"]


def test_author_of_the_operation_is_the_attacker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The rebel commander was killed in a NATO operation near the border."
    events, actors = code(nlp, text, names=("NATO",))
    e = only(events, "ASSAULT")
    assert names(actors, e.source) == ["NATO"]


def test_place_of_a_killing_is_no_attacker(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "The rebel commander was killed in a Kosovo village on Monday.")
    assert all(e.source == [] for e in events if e.type == "ASSAULT")


def test_author_verb_lends_its_subject_to_the_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Serbia orchestrated the attacks on Kosovo in 1999.")
    e = only(events, "ASSAULT")
    assert names(actors, e.source) == ["Serbia"]
    assert names(actors, e.target) == ["Kosovo"]


def test_condemning_an_attack_does_not_author_it(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada condemned the attacks on Kosovo.")
    assert all("Canada" not in names(actors, e.source) for e in events if e.type == "ASSAULT")


def test_mediation_effort_takes_the_container_arguments(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada launched a mediation bid between Peru and Chile.")
    e = only(events, "CONSULT")
    assert names(actors, e.source) == ["Canada"]
    assert names(actors, e.target) == ["Peru", "Chile"]


def test_place_a_visitor_arrives_in_is_the_host(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "The president of Peru arrived in Chile on a state visit.")
    e = only(events, "CONSULT")
    assert names(actors, e.source) == ["Peru"]
    assert names(actors, e.target) == ["Chile"]
