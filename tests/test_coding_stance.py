"""Speech acts carried by quotations (coding/stance.py), on invented sentences."""

from __future__ import annotations

import re

from rich.console import Console

from eventwire.actors.table import ActorTable
from eventwire.analysis import analyze
from eventwire.coding.coder import code_events
from eventwire.coding.explain import explain_event, render_explanations
from eventwire.coding.stance import CONFIDENCE, quote_events, reporting_verbs, stance_cues
from eventwire.model import Actor, Event, Mention
from eventwire.nlp.quotes import find_quotes

# (name, kind, country/code)
ACTORS = (
    ("Peru", "state", "PER"),
    ("Chile", "state", "CHL"),
    ("Jane Doe", "person", "PER"),
    ("Mara Lind", "person", None),
)


def _table(text: str) -> ActorTable:
    actors = ActorTable()
    for name, kind, country in ACTORS:
        mentions = [
            Mention(m.group(), m.start(), m.end()) for m in re.finditer(rf"\b{name}\b", text)
        ]
        if mentions:
            code = country if kind == "state" else None
            sector = "GOV" if country else None
            actor = Actor("", name, kind, country=country, code=code, sector=sector)  # type: ignore[arg-type]
            actor.mentions = mentions
            actors.add(actor)
    return actors


def run(nlp, text: str) -> tuple[list[Event], ActorTable]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    actors = _table(text)
    quotes = find_quotes(doc, actors)
    return quote_events(doc, actors, quotes, code_events(doc, actors)), actors


def names(actors: ActorTable, ids: list[str]) -> list[str]:
    return [actors.get(i).name for i in ids]


def stance(events: list[Event]) -> list[Event]:
    return [e for e in events if (e.rule or "").startswith("stn")]


def one(events: list[Event], etype: str) -> Event:
    found = [e for e in stance(events) if e.type == etype]
    assert len(found) == 1, [(e.type, e.rule, e.evidence.trigger) for e in events]
    return found[0]


def test_regret_in_a_quotation_is_a_concession(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We deeply regret the accident at the border crossing," Mara Lind said.'
    events, actors = run(nlp, text)
    e = one(events, "CONCEDE")
    assert names(actors, e.source) == ["Mara Lind"] and e.target == []
    assert e.evidence.trigger == "regret" and e.evidence.sentence == text
    assert e.confidence == CONFIDENCE and e.cameo is not None
    assert "stance.tsv:" in e.why["rule"] and "speech in quotation" in e.why["rule"]
    assert "'said'" in e.why["pattern"]


def test_the_state_the_speaker_serves_speaks_for_her(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = run(nlp, '"Peru regrets this terrible mistake," Jane Doe said.')
    assert names(actors, one(events, "CONCEDE").source) == ["Jane Doe"]


def test_regret_of_another_party_is_none_of_the_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(nlp, '"Chile regrets nothing and apologises to nobody," Mara Lind said.')
    assert stance(events) == []


def test_appreciation_of_an_actors_act_is_support(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Mara Lind wrote on Monday, "We appreciate the quick response of Chile."'
    events, actors = run(nlp, text)
    e = one(events, "SUPPORT")
    assert names(actors, e.source) == ["Mara Lind"] and names(actors, e.target) == ["Chile"]


def test_thanks_need_an_addressee(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(nlp, '"We thank everyone who came," Mara Lind said.')
    assert stance(events) == []


def test_expectation_of_an_actor_is_a_request(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Mara Lind said, "We expect from Chile a full account of the shooting."'
    events, actors = run(nlp, text)
    assert names(actors, one(events, "REQUEST").target) == ["Chile"]
    # an expectation with nobody asked is a forecast, not a demand
    for forecast in ("We expect the talks to last two days", "We expect Chile to win the vote"):
        events, _ = run(nlp, f'"{forecast}," Mara Lind said.')
        assert stance(events) == []


def test_rejecting_a_claim_is_a_denial(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = run(nlp, '"I firmly reject the new rules of Chile," Mara Lind said.')
    assert names(actors, one(events, "REJECT").target) == ["Chile"]
    events, _ = run(nlp, '"I firmly reject these allegations," Mara Lind said.')
    assert stance(events) == []


def test_standing_ready_is_an_offer(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = run(nlp, '"We stand ready to send doctors and tents," Mara Lind tweeted.')
    assert names(actors, one(events, "AGREE").source) == ["Mara Lind"]


def test_must_with_a_named_subject_is_a_demand_on_it(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = run(nlp, '"Chile must explain why the ship was seized," Mara Lind said.')
    assert names(actors, one(events, "REQUEST").target) == ["Chile"]
    events, _ = run(nlp, '"We must explain our plan better," Mara Lind said.')
    assert stance(events) == []


def test_evaluative_word_is_an_accusation_of_the_clauses_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"Chile has chosen to expel the monitors in an unlawful way," Mara Lind said.'
    events, actors = run(nlp, text)
    e = one(events, "ACCUSE")
    assert names(actors, e.target) == ["Chile"] and e.evidence.trigger == "unlawful"


def test_possessor_of_a_judged_act_is_not_its_target(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(nlp, '"Chile\'s killing is unacceptable," Mara Lind said.')
    assert one(events, "ACCUSE").target == []


def test_negated_judgement_and_negated_support_are_no_act(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(nlp, '"The new tariff is not unacceptable to us," Mara Lind said.')
    assert stance(events) == []
    events, _ = run(nlp, '"We do not support the plan of Chile," Mara Lind said.')
    assert stance(events) == []
    # a negation elsewhere in the clause does not take the judgement back
    events, _ = run(nlp, '"This cowardly raid will not go unanswered," Mara Lind said.')
    one(events, "ACCUSE")


def test_partial_quotes_are_not_coded(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(nlp, 'Mara Lind said the arrest of the sailors was "unacceptable".')
    assert stance(events) == []


def test_speech_act_verbs_are_left_to_the_coder(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "say" in reporting_verbs() and "warn" not in reporting_verbs()
    events, _ = run(nlp, '"Their conduct is unacceptable," Mara Lind warned.')
    assert stance(events) == []


def test_speaker_coded_in_the_sentence_is_not_coded_twice(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Mara Lind urged Chile to free the sailors, saying: "Their arrest is unacceptable."'
    events, _ = run(nlp, text)
    assert [e.type for e in events] == ["REQUEST"] and stance(events) == []
    # the same quotation on its own is the speaker's accusation
    events, _ = run(nlp, '"Their arrest is unacceptable," Mara Lind said.')
    one(events, "ACCUSE")


def test_unattributed_quote_is_not_coded(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(nlp, 'A sign at the gate read: "We regret the closure."')
    assert stance(events) == []


def test_ids_follow_text_order(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peru recalled its ambassador from Chile. "
        '"We deeply regret the incident," Mara Lind said. '
        "Chile expelled two diplomats of Peru."
    )
    events, _ = run(nlp, text)
    assert [e.id for e in events] == [f"e{i}" for i in range(1, len(events) + 1)]
    starts = [e.evidence.start for e in events]
    assert starts == sorted(starts) and len(stance(events)) == 1


def test_a_quote_retelling_a_coded_act_is_a_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mara Lind called on Chile to free the sailors. "
        '"We call on Chile to free them today," Mara Lind told reporters.'
    )
    events, _ = run(nlp, text)
    requests = [e for e in events if e.type == "REQUEST"]
    assert len(requests) == 1 and len(requests[0].mentions) == 1


def test_cue_rows_have_known_kinds_and_types() -> None:
    cues = stance_cues()
    assert cues and all(c.kind in ("self", "eval", "modal") for c in cues)
    assert len({c.id for c in cues}) == len(cues)


def test_pipeline_dates_and_explains_quotation_events() -> None:
    text = (
        "Officials met in Lima on Monday.\n\n"
        '"We deeply regret the accident at the border," Peruvian President Jane Doe said '
        "on Tuesday."
    )
    doc = analyze(text, published="2024-03-07")
    (event,) = [e for e in doc.events if e.type == "CONCEDE"]
    assert event.rule is not None and event.rule.startswith("stn")
    assert event.date == "2024-03-05"
    steps = dict(explain_event(event, doc))
    assert "stance.tsv:" in steps["lexicon row"] and "speech in quotation" in steps["pattern"]
    console = Console(record=True, width=200)
    render_explanations(doc, console)
    assert "stance cue in a quotation" in console.export_text()
