"""Sources and targets read from the parse (coding/arguments.py) and the lexicon rows behind
them, round 2, on invented sentences: one construction per test."""

from __future__ import annotations

from tests.test_coding_coder import code, names, only


def test_to_phrase_of_a_misparsed_order_is_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "order" and "to Chile" on "desist", between the verb and its noun
    events, actors = code(nlp, "Peru issued a cease and desist order to Chile on Monday.")
    e = only(events, "COERCE")
    assert names(actors, e.source) == ["Peru"]
    assert names(actors, e.target) == ["Chile"]


def test_refusing_to_provide_rejects_the_recipient(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Peru refused to provide Chile with fuel.")
    e = only(events, "REJECT")
    assert names(actors, e.source) == ["Peru"]
    assert names(actors, e.target) == ["Chile"]


def test_declining_to_meet_rejects_the_one_not_met(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada declined to meet Peru.")
    assert names(actors, only(events, "REJECT").target) == ["Peru"]


def test_purpose_infinitive_is_done_by_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Peru has cited security concerns to impose bans on imports.")
    assert names(actors, only(events, "COERCE").source) == ["Peru"]


def test_mediator_consults_the_parties_to_the_talks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peru and Chile signed a border agreement after weeks of talks mediated by Canada."
    events, actors = code(nlp, text)
    e = only(events, "CONSULT")
    assert names(actors, e.source) == ["Canada"]
    assert names(actors, e.target) == ["Peru", "Chile"]


def test_hearing_into_names_its_target(nlp) -> None:  # type: ignore[no-untyped-def]
    # "into" hangs on the light verb "opened", not on the noun
    text = "The Senate opened a hearing into Chile's fishing practices."
    events, actors = code(nlp, text, names=("Senate", "Chile"))
    e = only(events, "ACCUSE")
    assert names(actors, e.source) == ["Senate"]
    assert names(actors, e.target) == ["Chile"]


def test_at_the_request_of_names_the_requester(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "At the request of Peru, Canada returned the stolen statues.")
    e = only(events, "REQUEST")
    assert names(actors, e.source) == ["Peru"]
    assert names(actors, e.target) == ["Canada"]


def test_challenging_a_claim_is_an_accusation(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Peru challenged Chile's claim to the islands.")
    e = only(events, "ACCUSE")
    assert names(actors, e.source) == ["Peru"]
    assert names(actors, e.target) == ["Chile"]


def test_challenger_in_the_by_phrase_is_the_source(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "The election result was challenged by Peru.")
    assert names(actors, only(events, "ACCUSE").source) == ["Peru"]


def test_accepting_responsibility_is_a_concession(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Chile accepted responsibility for the border incident.")
    assert names(actors, only(events, "CONCEDE").source) == ["Chile"]
    assert not any(e.type == "AGREE" for e in events)


def test_writing_for_a_paper_is_no_aid(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "A Canadian writer contributed to a Peru newspaper for years.")
    assert not any(e.type == "AID" for e in events)


def test_contributing_troops_is_aid(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada contributed 500 troops to the mission in Kosovo.")
    assert names(actors, only(events, "AID").source) == ["Canada"]


def test_contributing_money_is_aid(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada contributed $5 million to the relief effort in Peru.")
    assert names(actors, only(events, "AID").source) == ["Canada"]


def test_subject_of_is_opposed_to_is_the_opposer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Serbia is opposed to French mediation in peace negotiations with Kosovo, an aide said."
    events, actors = code(nlp, text)
    e = only(events, "REJECT")
    assert names(actors, e.source) == ["Serbia"]
    assert "Serbia" not in names(actors, e.target)


def test_speaker_in_a_misparsed_reduced_relative(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser takes "operating" for the subject of "said" and "Red Cross" for its own
    text = "The Red Cross operating in Serbia said Peru must withdraw its troops."
    events, actors = code(nlp, text, names=("Red Cross", "Serbia", "Peru"))
    e = only(events, "REQUEST")
    assert names(actors, e.source) == ["Red Cross"]
    assert names(actors, e.target) == ["Peru"]


def test_threatened_act_names_the_threatened(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peru threatened to break relations with Chile unless Canada closed its base."
    events, actors = code(nlp, text)
    e = only(events, "THREATEN")
    assert names(actors, e.source) == ["Peru"]
    assert names(actors, e.target) == ["Chile"]


def test_promised_aid_names_its_recipient(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Peru promised to continue military aid to Chile.")
    assert names(actors, only(events, "AGREE").target) == ["Chile"]


def test_promise_about_a_thing_has_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Peru agreed to release the prisoners.")
    assert only(events, "AGREE").target == []


def test_author_of_rejected_calls_is_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Peru rejected calls by Chile to adopt the reforms.")
    e = only(events, "REJECT")
    assert names(actors, e.source) == ["Peru"]
    assert names(actors, e.target) == ["Chile"]


def test_author_of_a_dismissed_appeal_is_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Peru dismissed an appeal from Chile to lay down its arms.")
    assert names(actors, only(events, "REJECT").target) == ["Chile"]
