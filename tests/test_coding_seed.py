"""Seed acceptance: the reference article's events (needs ../shared/data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors.table import ActorTable
from eventwire.coding.coder import code_events
from eventwire.model import Actor, ActorKind, Event, Mention

pytestmark = pytest.mark.shared

# actors the seed names, with the kinds the actors stage gives them
SEED_ACTORS: dict[str, ActorKind] = {
    "Mark Rutte": "person", "NATO": "organisation", "Kosovo": "state", "Serbia": "state",
    "European Union": "organisation", "United States": "state",
}  # fmt: skip
# references the actors stage resolves; linked by hand here
LINKS = {"Rutte": "Mark Rutte", "He": "Mark Rutte", "he": "Mark Rutte", "his": "Mark Rutte",
         "The alliance": "NATO", "the alliance": "NATO"}  # fmt: skip


def _body(shared: Path) -> str:
    text = (shared / "seed" / "nato-kosovo.txt").read_text("utf-8")
    return text[text.index("During his inaugural visit") : text.index("0 comment")]


def _table(text: str) -> ActorTable:
    import re

    actors = ActorTable()
    ids: dict[str, str] = {}
    for name, kind in SEED_ACTORS.items():
        mentions = [Mention(name, m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
        ids[name] = actors.add(Actor("", name, kind, mentions=mentions)).id
    taken = [(m.start, m.end) for a in actors for m in a.mentions]
    for word, name in LINKS.items():
        for m in re.finditer(rf"\b{re.escape(word)}\b", text):
            if not any(s <= m.start() < e for s, e in taken):
                actors.link(ids[name], m.start(), m.end(), word)
    return actors


@pytest.fixture(scope="module")
def seed(shared_data: Path, nlp) -> tuple[list[Event], dict[str, str]]:  # type: ignore[no-untyped-def]
    text = _body(shared_data)
    actors = _table(text)
    events = code_events(nlp(text), actors)
    return events, {a.id: a.name for a in actors}


def _find(events: list[Event], etype: str, phrase: str) -> list[Event]:
    return [e for e in events if e.type == etype and phrase in e.evidence.sentence]


def test_request_to_kosovo_and_serbia(seed) -> None:  # type: ignore[no-untyped-def]
    events, name = seed
    (e,) = _find(events, "REQUEST", "called on Kosovo and Serbia")
    assert [name[a] for a in e.source] == ["Mark Rutte"]
    assert sorted(name[a] for a in e.target) == ["Kosovo", "Serbia"]
    assert e.evidence.trigger == "called on"


def test_visit_to_kosovo_is_consult_by_rutte(seed) -> None:  # type: ignore[no-untyped-def]
    events, name = seed
    (e,) = _find(events, "CONSULT", "Rutte\u2019s visit to Kosovo")
    assert [name[a] for a in e.source] == ["Mark Rutte"]
    assert [name[a] for a in e.target] == ["Kosovo"]
    assert e.mode == "visit"


def test_support_statements(seed) -> None:  # type: ignore[no-untyped-def]
    events, name = seed
    supports = [e for e in events if e.type == "SUPPORT" and not e.negated]
    assert any("reassured" in e.evidence.sentence for e in supports)
    assert all(name[e.source[0]] == "Mark Rutte" for e in supports)


def test_eu_and_us_request(seed) -> None:  # type: ignore[no-untyped-def]
    events, name = seed
    (e,) = _find(events, "REQUEST", "reiterated the necessity")
    assert sorted(name[a] for a in e.source) == ["European Union", "United States"]


def test_serbia_does_not_recognize_kosovo(seed) -> None:  # type: ignore[no-untyped-def]
    events, name = seed
    (e,) = [x for x in events if "does not recognize" in x.evidence.sentence]
    assert e.negated
    assert [name[a] for a in e.source] == ["Serbia"]
    assert [name[a] for a in e.target] == ["Kosovo"]


def test_air_campaign_is_assault_by_nato(seed) -> None:  # type: ignore[no-untyped-def]
    events, name = seed
    (e,) = _find(events, "ASSAULT", "78-day NATO air campaign")
    assert [name[a] for a in e.source] == ["NATO"]
    assert e.mode == "aerial"


def test_bolstered_presence_is_mobilize(seed) -> None:  # type: ignore[no-untyped-def]
    events, name = seed
    (e,) = _find(events, "MOBILIZE", "bolstered its presence")
    assert [name[a] for a in e.source] == ["NATO"]


def test_nothing_from_quotes_or_headline(seed) -> None:  # type: ignore[no-untyped-def]
    events, _ = seed
    for e in events:
        assert not e.evidence.sentence.startswith("\u201c"), e
        assert "Reaffirms Support" not in e.evidence.sentence
    assert not any(e.type == "CONCEDE" for e in events)  # "has yet to yield progress"
