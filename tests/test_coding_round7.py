"""The coder's round-7 precision rules, on invented sentences: one construction per test."""

from __future__ import annotations

from tests.test_coding_coder import code, names, only

PEOPLE = ("Maria Lopez", "gunmen", "Chile", "Peru")


def types(events) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.type for e in events}


def test_word_of_a_proper_name_is_no_trigger(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Amnesty International opened an office in Peru.")
    assert "CONCEDE" not in types(events)
    events, _ = code(nlp, "The Ceasefire Monitoring Committee met in Chile on Friday.")
    assert "RETREAT" not in types(events)
    # the word itself, outside a name, is still a trigger
    events, _ = code(nlp, "Peru granted an amnesty to the rebels.")
    assert "CONCEDE" in types(events)


def test_agent_noun_after_a_copula_describes(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Chile is an outspoken critic of Peru.")
    assert "ACCUSE" not in types(events)
    events, _ = code(nlp, "Chile criticised Peru.")
    only(events, "ACCUSE")


def test_one_of_the_demands_describes(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "This was one of the three demands of Chile.")
    assert "REQUEST" not in types(events)


def test_listed_demands_are_no_new_request(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Chile's demands have included new elections and a fresh cabinet.")
    assert "REQUEST" not in types(events)


def test_content_of_a_belief_is_not_coded(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Officials in Canada believe Peru ordered the arrests.")
    assert not types(events) & {"REQUEST", "COERCE"}
    events, _ = code(nlp, "Canada reportedly thinks Peru attacked the border post.")
    assert "ASSAULT" not in types(events)


def test_content_of_a_statement_not_made(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Chile did not say it would support Peru.")
    assert not types(events) & {"AGREE", "SUPPORT"}


def test_open_question_states_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Reporters wondered whether Chile would sanction Peru.")
    assert not types(events) & {"SANCTION", "THREATEN"}


def test_what_a_bill_would_do_has_not_happened(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peru shelved a bill that would have allowed Chile to extradite suspects from Peru."
    events, _ = code(nlp, text)
    assert "COOPERATE" not in types(events)
    # a decree in force still bans
    events, actors = code(nlp, "Peru signed a decree banning protests.")
    assert names(actors, only(events, "COERCE").source) == ["Peru"]


def test_vehicle_as_the_doer_is_an_accident(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "A cyclist from Peru was struck by a truck in Chile.")
    assert "ASSAULT" not in types(events)
    text = "A student from Peru was struck by a Ford Focus driving on the wrong side of the road."
    events, _ = code(nlp, text)
    assert "ASSAULT" not in types(events)
    # a car bomb is a bomb
    events, _ = code(nlp, "A car bomb struck the embassy of Peru in Chile.")
    assert "ASSAULT" in types(events)


def test_rally_where_somebody_speaks_is_no_protest(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "The president of Peru announced the plan at a rally on Friday.")
    assert "PROTEST" not in types(events)


def test_negated_occurrence_without_actors_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Protests were not reported in Chile.")
    assert "PROTEST" not in types(events)
    # a negated act with an actor stays, flagged
    events, _ = code(nlp, "Serbia does not recognise Kosovo.")
    assert only(events, "SUPPORT").negated


def test_retelling_by_some_of_the_same_actors_merges(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peru called for talks on the border. The call was seconded by Chile and Canada. "
        "Chile seconded Peru's recommendation on the talks."
    )
    events, actors = code(nlp, text)
    e = only(events, "SUPPORT")
    assert names(actors, e.source) == ["Chile", "Canada"]
    assert len(e.mentions) == 1


def test_length_of_time_dates_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A bombing struck a market in Peru last month. "
        "In the span of one week, three bombings took place in Peru."
    )
    events, _ = code(nlp, text)
    assert len(only(events, "ASSAULT").mentions) == 1


def test_first_unattributed_report_takes_the_attacker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Maria Lopez, a reporter, died in Lima on Tuesday after being shot. "
        "Her newspaper praised her work. "
        "Two gunmen attacked Maria Lopez as she left her office."
    )
    events, actors = code(nlp, text, names=PEOPLE, kind="person")
    e = only(events, "ASSAULT")
    assert names(actors, e.source) == ["gunmen"]
    assert names(actors, e.target) == ["Maria Lopez"]
    assert e.evidence.trigger == "shot"
    assert len(e.mentions) == 1


def test_attack_on_another_victim_stays_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A reporter died in Lima on Tuesday after being shot. "
        "Two gunmen attacked Maria Lopez as she left her office."
    )
    events, _ = code(nlp, text, names=PEOPLE, kind="person")
    assert len([e for e in events if e.type == "ASSAULT"]) == 2


def test_event_noun_possessed_by_a_thing_re_mentions(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Analysts questioned the timing of the bill's withdrawal.")
    assert "RETREAT" not in types(events)
    # a pronoun possessor stands for a doer: the strike is still told
    events, _ = code(nlp, "Prisoners began their hunger strike in a jail near the capital.")
    assert "PROTEST" in types(events)
