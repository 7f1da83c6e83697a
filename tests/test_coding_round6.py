"""The coder's round-6 precision rules, on invented sentences: one construction per test."""

from __future__ import annotations

from tests.test_coding_coder import code, names, only


def test_unattributed_remention_of_an_attack_merges(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rebels attacked a police station in northern Chile on Monday. "
        "Nine mortar shells struck near the station."
    )
    events, _ = code(nlp, text)
    assert len(only(events, "ASSAULT").mentions) == 1


def test_attack_with_a_date_of_its_own_stays_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels attacked a police station in Chile. In 2015 a bombing struck the same town."
    events, _ = code(nlp, text)
    assert len([e for e in events if e.type == "ASSAULT"]) == 2


def test_casualties_after_an_unattributed_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A car bombing hit a market in Chile on Monday. Six people were killed."
    events, _ = code(nlp, text)
    only(events, "ASSAULT")


def test_declining_to_comment_is_no_rejection(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Reporters asked Peru about the deal, but Peru declined to comment.")
    assert not any(e.type == "REJECT" for e in events)


def test_dismissing_a_claim_is_a_denial(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Peru dismissed the claim from Chile as baseless.")
    assert not any(e.type == "REJECT" for e in events)
    events, _ = code(nlp, "Peru refused the loan from Chile.")
    only(events, "REJECT")


def test_declined_request_answers_its_author(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile wrote to Peru asking for the suspect. Peru declined the request."
    events, actors = code(nlp, text)
    e = only(events, "REJECT")
    assert names(actors, e.target) == ["Chile"]


def test_letter_addressee_is_the_request_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Chile wrote to Peru on Monday asking for the extradition.")
    assert names(actors, only(events, "REQUEST").target) == ["Peru"]


def test_aid_from_nobody_named_is_not_coded(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "The injured minister was airlifted from Chile to Peru.")
    assert not any(e.type == "AID" for e in events)


def test_published_rules_are_no_release(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "The new rules from Chile were released on Friday.")
    assert not any(e.type == "RETREAT" for e in events)


def test_phrasal_particle_follows_its_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A trial in which four men were charged is underway, but Peru did not give it credence."
    events, _ = code(nlp, text)
    assert not any(e.type in ("CONCEDE", "REJECT") for e in events)
