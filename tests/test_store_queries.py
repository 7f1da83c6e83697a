"""Filtered queries: each filter, paging, sorting, aggregates, and injection-shaped input."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.model import Actor, AnalyzedDocument, Article, Event, Evidence, Place
from eventwire.store import Store
from eventwire.store import queries as q

ACTORS = {
    "rutte": Actor("rutte", "Mark Rutte", "person", affiliation="NATO", code="IGO"),
    "nato": Actor("nato", "NATO", "organisation", code="IGO"),
    "kos": Actor("kos", "Kosovo", "state", country="XKX", code="KSV"),
    "srb": Actor("srb", "Serbia", "state", country="SRB", code="SRB"),
    "deu": Actor("deu", "Germany", "state", country="DEU", code="DEU"),
    "ukr": Actor("ukr", "Ukraine", "state", country="UKR", code="UKR"),
    "vucic": Actor("vucic", "Aleksandar Vucic", "person", country="SRB", code="SRBGOV"),
}
PLACES = {
    "pristina": Place("pristina", "Pristina", "XKX", 786714, 42.67, 21.17, "city"),
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
                  date_source="text" if d else "published", location=p, confidence=c,
                  historical=d == "1999")
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
# the text does not date it: it falls back to its article's publication date
COERCE = ("COERCE", ["vucic"], ["kos"], None, None, 0.4,
          "Vucic ordered the border closed to Kosovo trucks.")  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("q") / "q.duckdb"
    with Store(path) as s:
        s.save(doc("First article.", "2025-03-11", REQUEST, ASSAULT))
        s.save(doc("Second article.", "2023-02-14", ACCUSE))
        s.save(doc("Third article.", None, AID))
        # another outlet reports the same request
        s.save(doc("Fourth article.", "2025-03-12", REQUEST[:6] + ("Rutte urged both.",)))
        s.save(doc("Fifth article.", "2025-05-02", COERCE))
        yield s


def types(rows: list[dict]) -> list[str]:
    return [r["type"] for r in rows]


def test_all_events_chronological_with_reports(store: Store) -> None:
    rows = q.events(store)
    assert types(rows) == ["ASSAULT", "ACCUSE", "AID", "REQUEST", "COERCE"]
    request = rows[-2]
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
        ({"country": "XKX"}, ["ACCUSE", "REQUEST", "COERCE"]),  # the actor's ISO country
        ({"country": "KSV"}, ["ACCUSE", "REQUEST", "COERCE"]),  # a CAMEO code prefix
        ({"actor": "Rutte"}, ["REQUEST"]),  # a person's surname
        ({"actor": "nato"}, ["ASSAULT", "REQUEST"]),  # NATO, and Rutte by his affiliation
        ({"actor": "North Atlantic Treaty Organization"}, ["ASSAULT", "REQUEST"]),  # an alias
        ({"actor": "SRBGOV"}, ["COERCE"]),  # a CAMEO code
        ({"actor": "vucic", "country": "SRBGOV"}, ["COERCE"]),
        ({"since": "2023", "until": "2023"}, ["ACCUSE"]),
        ({"until": "2023-02"}, ["ASSAULT", "ACCUSE"]),  # until a month includes that month
        ({"until": "2023-01"}, ["ASSAULT"]),
        ({"since": "2024-06"}, ["AID", "REQUEST", "COERCE"]),  # COERCE by its article's date
        ({"since": "2025-05-02", "until": "2025-05-02"}, ["COERCE"]),
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


def test_an_undated_event_shows_the_date_it_falls_back_to(store: Store) -> None:
    (row,) = q.events(store, type="COERCE")
    assert (row["date"], row["date_source"]) == ("2025-05-02", "published")
    (dated,) = q.events(store, type="AID")
    assert (dated["date"], dated["date_source"]) == ("2024-06-01", "text")
    assert {"period": "2025-05-01", "count": 1} in q.timeline(store, "month", type="COERCE")


def test_paging_is_disjoint_and_complete(store: Store) -> None:
    everything = [r["id"] for r in q.events(store)]
    first = [r["id"] for r in q.events(store, limit=2)]
    second = [r["id"] for r in q.events(store, limit=2, offset=2)]
    third = [r["id"] for r in q.events(store, limit=2, offset=4)]
    assert first + second + third == everything and len(set(everything)) == 5
    assert q.events(store, limit=2, offset=5) == []


def test_sorts(store: Store) -> None:
    assert types(q.events(store, sort="-date")) == [
        "COERCE", "REQUEST", "AID", "ACCUSE", "ASSAULT",
    ]  # fmt: skip
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
        {"period": "2025-05-01", "count": 1},  # the undated COERCE, by its article's date
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
        ("Aleksandar Vucic", "Kosovo", "COERCE"): 1,
    }
    # NATO's own events and those of its Secretary General
    assert {e["source"] for e in q.network(store, actor="NATO")} == {"NATO", "Mark Rutte"}


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
    assert {q.actors(store)[0]["name"], q.actors(store)[1]["name"]} == {"Serbia", "Kosovo"}
    assert {r["name"] for r in q.actors(store, type="AID")} == {"Germany", "Ukraine"}
