"""Acceptance on the reference article (../shared/data/seed/nato-kosovo.txt)."""

from __future__ import annotations

import pytest

from eventwire.actors.resolve import resolve_actors
from eventwire.actors.table import ActorTable
from eventwire.ingest.text import article_from_text
from eventwire.model import Actor

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed(shared_data, nlp) -> tuple[str, ActorTable]:
    raw = (shared_data / "seed" / "nato-kosovo.txt").read_text(encoding="utf-8")
    text = article_from_text(raw).text
    return text, resolve_actors(nlp(text))


def _named(table: ActorTable, name: str) -> Actor:
    found = [a for a in table if a.name == name]
    assert len(found) == 1, [a.name for a in table]
    return found[0]


def _all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def test_seed_actors(seed) -> None:
    _, table = seed
    rutte = _named(table, "Mark Rutte")
    assert (rutte.kind, rutte.role, rutte.affiliation, rutte.country) == (
        "person",
        "Secretary General",
        "NATO",
        None,
    )
    assert _named(table, "NATO").kind == "organisation"
    # issue 12: `country` is ISO-style (Kosovo XKX), `code` CAMEO-style (Kosovo KSV)
    for name, country, code in [("Kosovo", "XKX", "KSV"), ("Serbia", "SRB", "SRB"),
                                ("Bosnia and Herzegovina", "BIH", "BIH"),
                                ("United States", "USA", "USA")]:  # fmt: skip
        state = _named(table, name)
        assert (state.kind, state.country, state.code) == ("state", country, code)
    assert _named(table, "European Union").code == "EUR"
    kfor = _named(table, "Kosovo Force")
    assert kfor.affiliation == "NATO"
    leaders = _named(table, "Bosnian Serb leaders")
    assert (leaders.kind, leaders.country) == ("group", "BIH")
    assert not any("Balkans" in a.name for a in table)
    assert not any("Balkans" in m.text for a in table for m in a.mentions)


def test_seed_references(seed) -> None:
    text, table = seed
    rutte = _named(table, "Mark Rutte").id
    nato = _named(table, "NATO").id
    pronouns = [(i, w) for w in ("he", "He", "his", "His") for i in _all(text, f" {w} ")]
    assert len(pronouns) >= 6
    for i, w in pronouns:
        assert table.actor_at(i + 1, i + 1 + len(w)) == rutte, (i, w)
    # the cataphoric "his" opens the body, before Rutte is named
    first_his = text.index("During his") + len("During ")
    assert table.actor_at(first_his, first_his + 3) == rutte
    for i in _all(text, "the alliance") + _all(text, "The alliance"):
        assert table.actor_at(i, i + len("the alliance")) == nato
    i = text.index("The NATO Secretary General")
    assert table.actor_at(i, i + len("The NATO Secretary General")) == rutte
    for i in _all(text, "Rutte"):
        assert table.actor_at(i, i + 5) == rutte
