"""The coder's round-4 constructions, on invented sentences: one construction per test."""

from __future__ import annotations

from tests.test_coding_coder import code, names, only


def test_saying_a_deed_was_someones_doing_is_accuse(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Chile said the explosion was likely Peru's doing.")
    e = only(events, "ACCUSE")
    assert names(actors, e.source) == ["Chile"]
    assert names(actors, e.target) == ["Peru"]


def test_claiming_influence_is_accuse(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Chile has claimed Peru is unduly influencing the courts.")
    e = only(events, "ACCUSE")
    assert names(actors, e.target) == ["Peru"]


def test_attacking_a_proclamation_is_no_assault(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Chile also attacked the proclamation of the border by Peru.")
    assert not any(e.type == "ASSAULT" for e in events)
    events, _ = code(nlp, "Chile attacked the town.")
    only(events, "ASSAULT")


def test_criticism_under_despite_aims_at_the_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Canada announced the plan on Friday, despite criticism by Chile."
    events, actors = code(nlp, text)
    e = only(events, "ACCUSE")
    assert names(actors, e.source) == ["Chile"]
    assert names(actors, e.target) == ["Canada"]


def test_seconding_a_call_supports_the_earlier_requester(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Canada called for talks with Peru. The call was seconded by Chile."
    events, actors = code(nlp, text)
    e = only(events, "SUPPORT")
    assert names(actors, e.source) == ["Chile"]
    assert names(actors, e.target) == ["Canada"]
