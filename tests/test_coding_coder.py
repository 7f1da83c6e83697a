"""The coder on invented sentences: one construction per test."""

from __future__ import annotations

import re

import pytest

from eventwire.actors.table import ActorTable
from eventwire.coding.coder import code_events
from eventwire.model import Actor, ActorKind, Event, Mention

STATES = ("Canada", "Peru", "Chile", "Serbia", "Kosovo")


def table(text: str, names: tuple[str, ...] = STATES, kind: ActorKind = "state",
          links: dict[str, str] | None = None) -> ActorTable:  # fmt: skip
    """One actor per name, with every whole-word occurrence as a mention; `links` maps
    other words (pronouns, "the alliance") to a name."""
    actors = ActorTable()
    by_name: dict[str, str] = {}
    for name in names:
        mentions = [
            Mention(m.group(), m.start(), m.end())
            for m in re.finditer(rf"\b{re.escape(name)}\b", text)
        ]
        if mentions:
            by_name[name] = actors.add(Actor("", name, kind, mentions=mentions)).id
    for word, name in (links or {}).items():
        for m in re.finditer(rf"\b{re.escape(word)}\b", text):
            actors.link(by_name[name], m.start(), m.end(), m.group())
    return actors


def code(nlp, text: str, **kw) -> tuple[list[Event], ActorTable]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    actors = table(text, **kw)
    return code_events(doc, actors), actors


def names(actors: ActorTable, ids: list[str]) -> list[str]:
    return [actors.get(i).name for i in ids]


def only(events: list[Event], etype: str) -> Event:
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, [(e.type, e.evidence.trigger) for e in events]
    return found[0]


def test_coordinated_targets_of_call_on(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada called on Peru and Chile to end the dispute.")
    e = only(events, "REQUEST")
    assert names(actors, e.source) == ["Canada"]
    assert names(actors, e.target) == ["Peru", "Chile"]
    assert e.evidence.trigger == "called on"
    assert e.cameo is not None and e.cameo.startswith("10")
    assert e.rule is not None and e.confidence > 0


def test_coordinated_subjects(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Peru and Chile condemned the decision of Canada.")
    e = only(events, "ACCUSE")
    assert names(actors, e.source) == ["Peru", "Chile"]
    assert names(actors, e.target) == ["Canada"]


def test_passive_agent_is_source_and_subject_is_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Chile was attacked by Peru on Monday.")
    e = only(events, "ASSAULT")
    assert names(actors, e.source) == ["Peru"]
    assert names(actors, e.target) == ["Chile"]


def test_negation(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Serbia does not recognize Kosovo as a state.")
    e = only(events, "SUPPORT")
    assert e.negated
    assert names(actors, e.source) == ["Serbia"]
    assert names(actors, e.target) == ["Kosovo"]
    events, _ = code(nlp, "Serbia recognized Kosovo as a state.")
    assert not only(events, "SUPPORT").negated


@pytest.mark.parametrize(
    ("text", "etype", "trigger"),
    [
        ("Canada imposed sanctions on Peru last week.", "SANCTION", "imposed sanctions"),
        ("Chile held talks with Peru in the capital.", "CONSULT", "held talks"),
        ("Peru launched strikes on Chile overnight.", "ASSAULT", "launched strikes"),
        ("Canada cut ties with Peru after the vote.", "SANCTION", "cut ties"),
    ],
)
def test_light_verbs(nlp, text: str, etype: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, text)
    assert [e.type for e in events] == [etype]  # the object noun is not a second event
    e = events[0]
    assert e.evidence.trigger == trigger
    assert len(e.source) == 1 and len(e.target) == 1
    assert e.source != e.target


def test_nominal_triggers(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada's visit to Peru ended on Friday.")
    e = only(events, "CONSULT")
    assert (names(actors, e.source), names(actors, e.target)) == (["Canada"], ["Peru"])
    assert e.mode == "visit"
    events, actors = code(nlp, "An attack on Chile by Peru left ten soldiers dead.")
    e = only(events, "ASSAULT")
    assert (names(actors, e.source), names(actors, e.target)) == (["Peru"], ["Chile"])


def test_xcomp_object_is_target_and_content_is_not_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada urged Peru to release the prisoners.")
    e = only(events, "REQUEST")
    assert names(actors, e.target) == ["Peru"]
    assert [x.type for x in events] == ["REQUEST"]  # no RETREAT for the requested release


def test_subject_inherited_through_conjoined_verbs(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada visited Peru and met Chile.")
    consults = [e for e in events if e.type == "CONSULT"]
    assert [names(actors, e.source) for e in consults] == [["Canada"], ["Canada"]]
    assert [names(actors, e.target) for e in consults] == [["Peru"], ["Chile"]]


def test_pronoun_source_through_actor_table(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Canada spoke first. It then accused Peru of fraud."
    events, actors = code(nlp, text, links={"It": "Canada"})
    e = only(events, "ACCUSE")
    assert (names(actors, e.source), names(actors, e.target)) == (["Canada"], ["Peru"])


def test_quoted_claims_are_not_events(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "\u201cPeru attacked our villages,\u201d Canada said.")
    assert events == []
    events, actors = code(nlp, 'Canada condemned Peru, saying "they attacked our villages".')
    assert [e.type for e in events] == ["ACCUSE"]
    assert names(actors, events[0].source) == ["Canada"]


def test_announced_or_conditional_force_is_threaten(nlp) -> None:  # type: ignore[no-untyped-def]
    # PLOVER: ASSAULT + hypothetical is THREATEN; the single category is returned
    events, actors = code(nlp, "Canada will impose sanctions on Peru.")
    e = only(events, "THREATEN")
    assert e.future and not e.hypothetical
    assert names(actors, e.source) == ["Canada"] and names(actors, e.target) == ["Peru"]
    events, _ = code(nlp, "Canada would attack Peru if the talks failed.")
    e = only(events, "THREATEN")
    assert e.hypothetical and "would" in e.why["mood"]
    events, _ = code(nlp, "Canada plans to expel diplomats from Peru.")
    assert only(events, "THREATEN").hypothetical
    events, _ = code(nlp, "Canada attacked Peru.")
    e = only(events, "ASSAULT")
    assert not (e.future or e.hypothetical or e.negated)


def test_refusal_to_agree_is_reject(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Peru did not agree to the proposal from Chile.")
    e = only(events, "REJECT")
    assert not e.negated and names(actors, e.source) == ["Peru"]


def test_bare_assent_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Peru agreed, saying the plan was sound.")
    assert not [e for e in events if e.type == "AGREE"]
    events, _ = code(nlp, "Peru agreed to meet Chile in May.")
    assert [e for e in events if e.type == "AGREE"]


def test_willingness_to_withdraw_is_agree(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Chile is willing to withdraw its troops from Peru.")
    e = only(events, "AGREE")
    assert "willingness" in e.why["mood"]


def test_said_that_x_must_is_request_to_x(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada said that Peru must release the prisoners.")
    e = only(events, "REQUEST")
    assert names(actors, e.source) == ["Canada"] and names(actors, e.target) == ["Peru"]
    events, _ = code(nlp, '"Peru must release the prisoners," Canada said.')
    assert not [e for e in events if e.type == "REQUEST"]


def test_harm_in_a_collision_is_no_assault(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Two Peru officials were killed in a collision on the highway.")
    assert not [e for e in events if e.type == "ASSAULT"]
    events, _ = code(nlp, "Two Peru officials were killed in an ambush on the highway.")
    assert [e for e in events if e.type == "ASSAULT"]


def test_mode_and_context_from_cues(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Peru attacked Chile with warplanes near the border.")
    e = only(events, "ASSAULT")
    assert e.mode == "aerial" and "warplane" in e.why["mode"]
    assert "territory" in e.contexts
    events, _ = code(nlp, "Canada arrested Peru's ambassador on Friday.")
    assert only(events, "COERCE").mode == "arrest"


def test_future_cooperation_is_agree(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Canada will visit Peru next month.")
    e = only(events, "AGREE")
    assert e.cameo == "03" and e.future
    assert names(actors, e.target) == ["Peru"]


def test_attack_without_attacker_is_kept_but_verbal_acts_need_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "A bomb exploded in a crowded market, killing twenty people.")
    assert {e.type for e in events} == {"ASSAULT"}
    assert all(e.source == [] for e in events)
    events, _ = code(nlp, "The minister praised the decision.")
    assert events == []


def test_evidence_is_verbatim(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Trade was slow.  Canada condemned Peru.\n\nPeru rejected the demand of Chile."
    doc = nlp(text)
    events = code_events(doc, table(text))
    assert [e.id for e in events] == ["e1", "e2"]
    for e in events:
        ev = e.evidence
        assert text[ev.start : ev.end] == ev.sentence
        assert ev.sentence == ev.sentence.strip()
        assert ev.trigger_start is not None and ev.trigger_end is not None
        assert text[ev.trigger_start : ev.trigger_end] == ev.trigger
    assert [e.evidence.sentence for e in events] == [
        "Canada condemned Peru.", "Peru rejected the demand of Chile."
    ]  # fmt: skip
