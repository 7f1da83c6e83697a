"""Round-7 lexicon rows, on invented sentences: the type of a sentence's most confident event,
as PLOVER sentence accuracy counts it. One construction per test."""

from __future__ import annotations

import pytest

from eventwire.actors.resolve import resolve_actors
from eventwire.actors.table import ActorTable
from eventwire.coding.coder import code_events
from eventwire.model import Event


def code(nlp, text: str) -> tuple[list[Event], ActorTable]:  # type: ignore[no-untyped-def]
    """Events over the real parse and the real actor resolution, as the PLOVER scorer runs."""
    doc = nlp(text)
    actors = resolve_actors(doc)
    return code_events(doc, actors), actors


def names(actors: ActorTable, ids: list[str]) -> list[str]:
    return [actors.get(i).name for i in ids]


def top(events: list[Event]) -> Event:
    assert events, "no event coded"
    return max(events, key=lambda e: e.confidence)


@pytest.mark.parametrize(
    ("text", "etype", "rule"),
    [
        # lifting a curfew is a promise not to arrest: verbal CONCEDE per the manual
        ("Chile lifted the night curfew in Valparaiso on Sunday.", "CONCEDE", "ret01"),
        ("Peru undertook a mediation mission between Chile and Bolivia.", "CONSULT", "con30"),
        ("Peru launched a mediation effort between Chile and Bolivia.", "CONSULT", "con31"),
        ("President Boric gave a warm welcome to the leader of Peru.", "CONSULT", "con32"),
        ("Chilean and Peruvian negotiators return to Lima for talks.", "CONSULT", "con35"),
        ("Japan gave Kenya five million dollars for new schools.", "AID", "aid29"),
        ("Bolivia's congress recognized the victory of the opposition.", "CONCEDE", "cnc38"),
        ("Peru opened the bridge to aid convoys bound for Bolivia.", "RETREAT", "ret35"),
        ("The Chilean army prepared to resume shelling the rebel town.", "MOBILIZE", "mob29"),
        ("Iran has trained 300 hackers for its army, Israel said.", "MOBILIZE", "mob31"),
        ("The UN sent ten experts to Peru to investigate the massacre.", "ACCUSE", "acc52"),
        ("The IAEA dispatched inspectors to Iran last week.", "ACCUSE", "acc55"),
        ("The summit concluded that Chile must reduce its emissions.", "REQUEST", "req52"),
        ("Chile reiterated its demand that Peru ease the restrictions.", "REQUEST", "req53"),
        ("Chile issued a stern reminder to Peru that it must pay.", "REQUEST", "req56"),
        ("Chile opposes Spanish mediation in the dispute with Peru.", "REJECT", "rej18"),
        ("Peru and Chile violated the ceasefire along the border.", "ASSAULT", "asl68"),
        ("A detainee in Chile died as a result of torture.", "ASSAULT", "asl70"),
        ("Peru announced a suspension of flights with Chile.", "SANCTION", "san40"),
        ("Chile withdrew its observers from Peru on Friday.", "SANCTION", "san42"),
        ("Unions in Chile began collecting signatures against the law.", "PROTEST", "pro19"),
        ("Police in Chile prevented a demonstration against the mine.", "COERCE", "coe42"),
        ("Peru ordered the newspaper El Sol to suspend publication.", "COERCE", "coe45"),
        ("Estonia said the cyber attack on its banks came from Russia.", "COERCE", "coe46"),
        ("Russian hackers launched a cyber attack on Estonia.", "COERCE", "coe48"),
    ],
)
def test_sentence_top_event(nlp, text: str, etype: str, rule: str) -> None:  # type: ignore[no-untyped-def]
    event = top(code(nlp, text)[0])
    assert (event.type, event.rule) == (etype, rule)


def test_announced_withdrawal_of_inspectors_is_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    # withdrawing one's own inspectors reduces relations (SANCTION); announced, it threatens
    event = top(code(nlp, "The UN said it will withdraw its inspectors from Iraq.")[0])
    assert (event.type, event.rule) == ("THREATEN", "san41")


def test_withdrawing_troops_stays_a_retreat(nlp) -> None:  # type: ignore[no-untyped-def]
    event = top(code(nlp, "Chile withdrew its troops from Peru on Friday.")[0])
    assert event.type == "RETREAT"


def test_mediation_names_both_parties(nlp) -> None:  # type: ignore[no-untyped-def]
    events, actors = code(nlp, "Peru undertook a mediation mission between Chile and Bolivia.")
    event = top(events)
    assert names(actors, event.source) == ["Peru"]
    assert names(actors, event.target) == ["Chile", "Bolivia"]


def test_an_ordinary_welcome_is_no_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Chile welcomed the decision of Peru.")
    assert top(events).type == "SUPPORT"


def test_speaking_with_someone_as_a_suspect_is_an_investigation(nlp) -> None:
    events, _ = code(nlp, "Kent police spoke with Mark Ellery as a suspect in the robbery.")
    assert (top(events).type, top(events).mode) == ("ACCUSE", "investigate")
    events, _ = code(nlp, "Boris Johnson spoke with Emmanuel Macron about the suspect.")
    assert top(events).type == "CONSULT"
