"""The coder's round-2 constructions, on invented sentences: one construction per test."""

from __future__ import annotations

from tests.test_coding_coder import code, names, only


def test_pronoun_subject_of_reported_clause_is_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada said it had expelled two Peru diplomats for spying.")
    e = only(events, "SANCTION")
    assert names(actors, e.source) == ["Canada"]
    assert names(actors, e.target) == ["Peru"]


def test_welcoming_a_statement_is_still_support(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Chile welcomed the statement of Peru on the border.")
    e = only(events, "SUPPORT")
    assert names(actors, e.source) == ["Chile"]


def test_asking_about_is_no_request(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Reporters asked Canada about the border on Monday.")
    assert not any(e.type == "REQUEST" for e in events)
    events, _ = code(nlp, "Chile asked Canada to reopen the border.")
    only(events, "REQUEST")


def test_calling_an_act_a_pejorative_label_is_accuse(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Chile called Peru's decision a provocation.")
    e = only(events, "ACCUSE")
    assert names(actors, e.source) == ["Chile"]
    assert names(actors, e.target) == ["Peru"]
    events, _ = code(nlp, "Chile called Peru's decision a success.")
    assert not any(e.type == "ACCUSE" for e in events)


def test_condemnation_coming_from_several_sources(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Statements of condemnation have come from Canada, Chile and Peru."
    events, actors = code(nlp, text)
    e = only(events, "ACCUSE")
    assert names(actors, e.source) == ["Canada", "Chile", "Peru"]


def test_light_verb_lends_its_subject_to_the_event_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Chile launched an investigation into Peru on Friday.")
    e = only(events, "ACCUSE")
    assert names(actors, e.source) == ["Chile"]
    assert names(actors, e.target) == ["Peru"]


def test_attribution_of_blame(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "A Chile general said Peru was responsible for the blast.")
    e = only(events, "ACCUSE")
    assert names(actors, e.target) == ["Peru"]


def test_failing_to_agree_is_a_rejection(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Chile and Peru failed to reach an agreement on the border.")
    assert [e.type for e in events] == ["REJECT"]


def test_vowing_to_fight_is_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Serbia vowed to attack Kosovo.")
    e = only(events, "THREATEN")
    assert names(actors, e.source) == ["Serbia"]


def test_agentless_passive_killing_after_an_attack_is_its_outcome(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peru attacked Chile on Monday. Twelve people were killed."
    events, _ = code(nlp, text)
    assert [e.type for e in events] == ["ASSAULT"]


def test_agreements_reached_are_an_agree_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Serbia met Kosovo. Canada urged both sides to implement agreements reached last year."
    events, actors = code(nlp, text, links={"sides": "Serbia"})
    e = only(events, "AGREE")
    assert names(actors, e.source) == ["Serbia"]
    assert e.evidence.trigger == "agreements"


def test_concessions_and_retreats(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Serbia lifted the blockade on Kosovo.")
    only(events, "RETREAT")
    events, _ = code(nlp, "Peru accepted the demands of Chile.")
    only(events, "CONCEDE")


def test_verbal_cooperation_needs_a_named_side(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "The committee is scheduled to meet next week.")
    assert not any(e.type in ("AGREE", "CONSULT") for e in events)
    events, _ = code(nlp, "Summits of the alliance usually center on defence.")
    assert not any(e.type == "CONSULT" for e in events)
    events, actors = code(nlp, "Chile and Peru held talks on Monday.")
    e = only(events, "CONSULT")
    assert names(actors, e.source) == ["Chile", "Peru"]


def test_offering_goods_is_business_not_agreement(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Two airlines offer flights to Peru.")
    assert not any(e.type == "AGREE" for e in events)
    events, _ = code(nlp, "Chile offered talks to Peru.")
    only(events, "AGREE")


def test_finite_verb_after_an_infinitive_keeps_the_main_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Canada urged Chile to reconsider and spoke with Peru on Monday."
    events, actors = code(nlp, text)
    e = only(events, "CONSULT")
    assert names(actors, e.source) == ["Canada"]
    assert names(actors, e.target) == ["Peru"]


def test_praise_of_a_possessed_thing_targets_its_owner(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada praised the quality of Peru's work.")
    e = only(events, "SUPPORT")
    assert names(actors, e.target) == ["Peru"]


def test_willing_subject_comes_from_the_copula(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Chile said it is willing to withdraw its troops.")
    e = only(events, "AGREE")
    assert names(actors, e.source) == ["Chile"]


def test_election_rally_is_no_protest(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Peru's president spoke at an election rally in Lima.")
    assert not any(e.type == "PROTEST" for e in events)


def test_accepting_blame_for_an_attack_is_no_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Chile accepted responsibility for the attack on Peru.")
    assert not any(e.type == "THREATEN" for e in events)
    events, _ = code(nlp, "Chile vowed to attack Peru.")
    only(events, "THREATEN")


def test_restriction_on_traffic_targets_its_destination(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada announced new restrictions on flights to Peru.")
    e = only(events, "SANCTION")
    assert names(actors, e.target) == ["Peru"]


def test_missiles_targeting_and_a_temporal_crash(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Before the plane crashed, Chile launched missiles targeting Peru's troops."
    events, actors = code(nlp, text)
    e = only(events, "ASSAULT")
    assert names(actors, e.source) == ["Chile"]
    assert names(actors, e.target) == ["Peru"]


def test_attack_noun_told_by_its_relative_clause_is_one_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "The Chile airstrike that killed a Peru general was condemned.")
    assert len([e for e in events if e.type == "ASSAULT"]) == 1


def test_condemnation_from_a_list_ending_in_a_spokesperson(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Statements of condemnation have come from Chile, Peru, and a spokesperson for Canada."
    events, actors = code(nlp, text)
    e = only(events, "ACCUSE")
    assert sorted(names(actors, e.source)) == ["Canada", "Chile", "Peru"]
