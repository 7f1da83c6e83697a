"""Filtered queries: each filter, paging, sorting, aggregates, and injection-shaped input."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.model import Actor, AnalyzedDocument, Article, Event, Evidence, Place
from eventwire.store import Store
from eventwire.store import queries as q

ACTORS = {
    "rutte": Actor("rutte", "Mark Rutte", "person", code="IGO"),
    "nato": Actor("nato", "NATO", "organisation", code="IGO"),
    "kos": Actor("kos", "Kosovo", "state", code="KOS"),
    "srb": Actor("srb", "Serbia", "state", code="SRB"),
    "deu": Actor("deu", "Germany", "state", code="DEU"),
    "ukr": Actor("ukr", "Ukraine", "state", code="UKR"),
}
PLACES = {
    "pristina": Place("pristina", "Pristina", "KOS", 786714, 42.67, 21.17, "city"),
    "rzeszow": Place("rzeszow", "Rzeszów", "POL", 759734, 50.04, 22.0, "city"),
}


def doc(text: str, published: str | None, *events: tuple) -> AnalyzedDocument:
    """events: (type, sources, targets, date, place, confidence, sentence)."""
    used = {a for e in events for a in (*e[1], *e[2])}
    places = {e[4] for e in events if e[4]}
    return AnalyzedDocument(
        Article(text, published=published),
        actors=[a for k, a in ACTORS.items() if k in used],
        events=[
            Event(f"e{i}", t, Evidence(sent, 0, len(sent)), list(src), list(tgt), date=d,
                  location=p, confidence=c, historical=d == "1999")
            for i, (t, src, tgt, d, p, c, sent) in enumerate(events, 1)
        ],
        places=[p for k, p in PLACES.items() if k in places],
    )  # fmt: skip


REQUEST = ("REQUEST", ["rutte"], ["kos", "srb"], "2025-03-11", "pristina", 0.9,
           "Rutte called on Kosovo and Serbia to show 100% flexibility.")  # fmt: skip
ASSAULT = ("ASSAULT", ["nato"], ["srb"], "1999", None, 0.7,
           "NATO flew 100 sorties a day against Serbia in 1999.")  # fmt: skip
ACCUSE = ("ACCUSE", ["srb"], ["kos"], "2023-02", None, 0.5,
          "Serbia accused Pristina_of bad faith.")  # fmt: skip
AID = ("AID", ["deu"], ["ukr"], "2024-06-01", "rzeszow", 0.6,
       "Germany sent aid to Ukraine through Rzeszów.")  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("q") / "q.duckdb"
    with Store(path) as s:
        s.save(doc("First article.", "2025-03-11", REQUEST, ASSAULT))
        s.save(doc("Second article.", "2023-02-14", ACCUSE))
        s.save(doc("Third article.", None, AID))
        # another outlet reports the same request
        s.save(doc("Fourth article.", "2025-03-12", REQUEST[:6] + ("Rutte urged both.",)))
        yield s


def types(rows: list[dict]) -> list[str]:
    return [r["type"] for r in rows]


def test_all_events_chronological_with_reports(store: Store) -> None:
    rows = q.events(store)
    assert types(rows) == ["ASSAULT", "ACCUSE", "AID", "REQUEST"]
    request = rows[-1]
    assert request["reports"] == 2
    assert request["source"] == "Mark Rutte" and request["target"] == "Kosovo; Serbia"
    assert request["location"] == "Pristina" and request["date"] == "2025-03-11"
    # evidence and article of the first report, not the later one
    assert request["evidence"] == REQUEST[6]
    assert request["article_id"] == Article("First article.").id
    assert rows[0]["historical"] is True and rows[0]["negated"] is False


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"actor": "mark rutte"}, ["REQUEST"]),
        ({"actor": "srb"}, ["ASSAULT", "ACCUSE", "REQUEST"]),  # by code, source or target
        ({"actor": "Serb"}, []),  # whole names only
        ({"type": "assault"}, ["ASSAULT"]),
        ({"country": "POL"}, ["AID"]),  # location country only
        ({"country": "ukr"}, ["AID"]),  # target code
        ({"country": "KOS"}, ["ACCUSE", "REQUEST"]),
        ({"since": "2023", "until": "2023"}, ["ACCUSE"]),
        ({"until": "2023-02"}, ["ASSAULT", "ACCUSE"]),  # until a month includes that month
        ({"until": "2023-01"}, ["ASSAULT"]),
        ({"since": "2024-06"}, ["AID", "REQUEST"]),
        ({"since": "2024-06-02", "until": "2025-03-11"}, ["REQUEST"]),
        ({"text": "100%"}, ["REQUEST"]),  # % is literal, not a wildcard
        ({"text": "Pristina_of"}, ["ACCUSE"]),
        ({"text": "Serbia_accused"}, []),  # _ is literal too
        ({"text": "URGED BOTH"}, ["REQUEST"]),  # any report's sentence, case-insensitive
        ({"min_confidence": 0.65}, ["ASSAULT", "REQUEST"]),
        ({"actor": "serbia", "type": "ACCUSE"}, ["ACCUSE"]),
    ],
)
def test_filters(store: Store, filters: dict, expected: list[str]) -> None:
    assert types(q.events(store, **filters)) == expected


def test_paging_is_disjoint_and_complete(store: Store) -> None:
    everything = [r["id"] for r in q.events(store)]
    first = [r["id"] for r in q.events(store, limit=2)]
    second = [r["id"] for r in q.events(store, limit=2, offset=2)]
    assert first + second == everything and len(set(everything)) == 4
    assert q.events(store, limit=2, offset=4) == []


def test_sorts(store: Store) -> None:
    assert types(q.events(store, sort="-date")) == ["REQUEST", "AID", "ACCUSE", "ASSAULT"]
    assert types(q.events(store, sort="-confidence"))[:2] == ["REQUEST", "ASSAULT"]
    assert q.events(store, sort="-reports")[0]["reports"] == 2


@pytest.mark.parametrize(
    "kwargs",
    [
        {"sort": "date; DROP TABLE events"},
        {"sort": "e.event_key"},
        {"since": "2023-13"},
        {"until": "yesterday"},
        {"limit": -1},
        {"offset": "0"},
    ],
)
def test_bad_arguments_rejected(store: Store, kwargs: dict) -> None:
    with pytest.raises(ValueError):
        q.events(store, **kwargs)


def test_unknown_filter_rejected(store: Store) -> None:
    with pytest.raises(TypeError):
        q.timeline(store, colour="red")


@pytest.mark.parametrize("field", ["actor", "type", "country", "text"])
def test_injection_shaped_input_matches_nothing(store: Store, field: str) -> None:
    before = store.counts()
    for value in ["x' OR 1=1 --", "'; DROP TABLE events; --", "%' OR '%'='"]:
        assert q.events(store, **{field: value}) == []
    assert store.counts() == before


def test_timeline_counts_only_precise_enough_dates(store: Store) -> None:
    assert q.timeline(store, "month") == [
        {"period": "2023-02-01", "count": 1},
        {"period": "2024-06-01", "count": 1},
        {"period": "2025-03-01", "count": 1},
    ]
    years = q.timeline(store, "year", by_type=True)
    assert {"period": "1999-01-01", "type": "ASSAULT", "count": 1} in years
    assert q.timeline(store, "day", type="AID") == [{"period": "2024-06-01", "count": 1}]
    with pytest.raises(ValueError):
        q.timeline(store, "decade")


def test_network_pairs_per_type(store: Store) -> None:
    edges = {(e["source"], e["target"], e["type"]): e["weight"] for e in q.network(store)}
    assert edges == {
        ("Mark Rutte", "Kosovo", "REQUEST"): 1,
        ("Mark Rutte", "Serbia", "REQUEST"): 1,
        ("NATO", "Serbia", "ASSAULT"): 1,
        ("Serbia", "Kosovo", "ACCUSE"): 1,
        ("Germany", "Ukraine", "AID"): 1,
    }
    assert {e["source"] for e in q.network(store, actor="NATO")} == {"NATO"}


def test_places_counts(store: Store) -> None:
    assert [(p["name"], p["events"]) for p in q.places_counts(store)] == [
        ("Pristina", 1), ("Rzeszów", 1),
    ]  # fmt: skip
    only = q.places_counts(store, type="AID")
    assert only == [{"name": "Rzeszów", "country": "POL", "lat": 50.04, "lon": 22.0, "events": 1}]


def test_actors_sides(store: Store) -> None:
    rows = {r["name"]: r for r in q.actors(store)}
    assert (rows["Serbia"]["as_source"], rows["Serbia"]["as_target"]) == (1, 2)
    assert rows["Serbia"]["code"] == "SRB"
    assert q.actors(store)[0]["name"] == "Serbia"  # most events first
    assert {r["name"] for r in q.actors(store, type="AID")} == {"Germany", "Ukraine"}
