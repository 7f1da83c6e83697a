"""The coder's round-5 constructions, on invented sentences: one construction per test."""

from __future__ import annotations

from tests.test_coding_coder import code, only


def _top(events):  # type: ignore[no-untyped-def]
    return max(events, key=lambda e: e.confidence)


def test_main_clause_event_leads_a_subordinate_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile lifted the curfew in the province after clashes between Peru and Bolivia."
    events, _ = code(nlp, text)
    assert _top(events).evidence.trigger.startswith("lifted")
    assert "salience" in only(events, "ASSAULT").why


def test_agreeing_to_call_off_a_protest_is_no_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Chile agreed to postpone the protest until November.")
    assert not any(e.type == "THREATEN" for e in events)


def test_withdrawal_unless_the_other_acts_is_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile will withdraw its troops from Peru unless Peru signs the treaty."
    events, _ = code(nlp, text)
    assert _top(events).type == "THREATEN"


def test_seeking_refuge_is_request(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Thousands of refugees from Chile sought refuge in Peru.")
    only(events, "REQUEST")


def test_setting_fire_to_offices_is_coerce(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Settlers from Chile set fire to the offices of Peru's consulate.")
    only(events, "COERCE")


def test_deaths_in_a_natural_hazard_are_no_assault(nlp) -> None:  # type: ignore[no-untyped-def]
    # regression: "floods ... killed 37 people" was coded as an ASSAULT with no source
    events, _ = code(nlp, "Floods along the river killed 37 people in northern Chile on Monday.")
    assert not any(e.type == "ASSAULT" for e in events)
    events, _ = code(nlp, "Rebels killed 12 soldiers in northern Chile on Monday.")
    only(events, "ASSAULT")


def test_owner_acts_and_noun_modifier_is_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    # regression: in "its Belarus sanctions" both the owner and "Belarus" became sources
    from eventwire.actors.resolve import resolve_actors
    from eventwire.coding.coder import code_events

    doc = nlp("Chile has widened its Peru sanctions since the election.")
    table = resolve_actors(doc)  # the real actor stage links "its" to Chile
    event = only(code_events(doc, table), "SANCTION")
    assert [table.get(a).name for a in event.source] == ["Chile"]
    assert [table.get(a).name for a in event.target] == ["Peru"]
