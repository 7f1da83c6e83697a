"""Store: save/read round trip, idempotent re-save, cross-article de-duplication, atomicity."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import InputError
from eventwire.model import (
    Actor,
    AnalyzedDocument,
    Article,
    Event,
    Evidence,
    Fact,
    Mention,
    Place,
    Quote,
)
from eventwire.store import Store, event_key
from eventwire.store.db import TABLES

RUTTE = "NATO Secretary General Mark Rutte called on Kosovo and Serbia to show flexibility."


def request_doc(text: str = RUTTE, *, published: str | None = "2025-03-11", **event: object):
    """A document with one REQUEST event: Mark Rutte -> Kosovo, Serbia, located in Pristina."""
    ev = {
        "id": "e1", "type": "REQUEST", "source": ["a1"], "target": ["a2", "a3"],
        "evidence": Evidence(text, 0, len(text), "called on", 35, 44),
        "date": "2025-03-11", "location": "p1", "confidence": 0.8, "cameo": "02",
        "contexts": ["political"], "rule": "call on",
    }  # fmt: skip
    ev.update(event)
    return AnalyzedDocument(
        article=Article(text=text, title="Rutte in Pristina", published=published,
                        url="https://example.org/a", removed=["0 comment"], source="a.html"),
        actors=[
            Actor("a1", "Mark Rutte", "person", country="NLD", affiliation="NATO",
                  role="Secretary General", code="IGO", sector="GOV",
                  mentions=[Mention("Mark Rutte", 24, 34), Mention("he", 90, 92)]),
            Actor("a2", "Kosovo", "state", country="XKX", code="KSV", sector="GOV"),
            Actor("a3", "Serbia", "state", code="SRB", sector="GOV"),
        ],
        quotes=[Quote("a1", "show flexibility", 65, 81, direct=False, partial=True)],
        events=[Event(**ev)],  # type: ignore[arg-type]
        places=[Place("p1", "Pristina", "XKX", 786714, 42.67, 21.17, "city",
                      mentions=[Mention("Pristina", 0, 8)])],
        facts=[Fact("a1", 4700.0, "troops", True, Evidence("about 4,700 troops", 0, 18),
                    subject_text="KFOR")],
    )  # fmt: skip


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_round_trip(store: Store) -> None:
    doc = request_doc()
    assert not store.has_article(doc.article.id)
    assert store.save(doc) is True
    assert store.has_article(doc.article.id)
    assert store.article(doc.article.id) == doc.to_dict()
    assert store.document(doc.article.id) == doc  # source too, which the JSON omits
    assert store.article("0" * 64) is None
    assert store.counts() == {
        "articles": 1, "actors": 3, "mentions": 3, "quotes": 1, "events": 1,
        "event_reports": 1, "places": 1, "facts": 1,
    }  # fmt: skip


def test_resave_is_a_noop(store: Store) -> None:
    doc = request_doc()
    store.save(doc)
    before = store.counts()
    assert store.save(doc) is False
    assert store.counts() == before


def test_persists_and_reopens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "p.duckdb"
    doc = request_doc()
    with Store(path) as s:
        s.save(doc)
    with Store(path, read_only=True) as s:
        assert s.article(doc.article.id) == doc.to_dict()
        with pytest.raises(InputError, match="E040"):
            s.save(request_doc("another text"))


def test_read_only_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E040"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_same_event_in_two_articles_is_one_event(store: Store) -> None:
    one = request_doc(confidence=0.6)
    # another outlet: different text, names spaced and cased differently, targets reordered
    two = request_doc("Rutte urged Serbia and Kosovo to compromise.", confidence=0.9)
    two.actors[0].name = "mark  RUTTE"
    two.events[0].target = ["a3", "a2"]
    assert store.save(one) and store.save(two)
    counts = store.counts()
    assert (counts["articles"], counts["events"], counts["event_reports"]) == (2, 1, 2)
    (confidence,) = store.con.execute("SELECT confidence FROM events").fetchone()
    assert confidence == 0.9  # the most confident report
    # each article still reads back exactly what it said
    assert store.article(one.article.id) == one.to_dict()
    assert store.article(two.article.id) == two.to_dict()


def test_event_repeated_within_an_article_is_one_event(store: Store) -> None:
    doc = request_doc()
    again = Evidence("Rutte repeated his call.", 0, 24)
    doc.events.append(Event("e2", "REQUEST", again, ["a1"], ["a3", "a2"], date="2025-03-11"))
    store.save(doc)
    assert (store.counts()["events"], store.counts()["event_reports"]) == (1, 2)
    assert store.article(doc.article.id) == doc.to_dict()


def test_different_date_or_polarity_is_another_event(store: Store) -> None:
    store.save(request_doc())
    store.save(request_doc("Second text.", date="2025-03-12"))
    store.save(request_doc("Third text.", negated=True))
    assert store.counts()["events"] == 3


def test_undated_events_merge_only_with_a_publication_date(store: Store) -> None:
    store.save(request_doc("One.", date=None, published=None))
    store.save(request_doc("Two.", date=None, published=None))
    assert store.counts()["events"] == 2  # nothing says these are the same occurrence
    store.save(request_doc("Three.", date=None, published="2025-01-01"))
    store.save(request_doc("Four.", date=None, published="2025-01-01"))
    assert store.counts()["events"] == 3


def test_event_key_is_order_insensitive_and_type_sensitive() -> None:
    key = event_key("REQUEST", ["A", "B"], ["C"], "2024")
    assert key == event_key("request", ["b", "a"], ["c"], "2024")
    assert key != event_key("ACCUSE", ["A", "B"], ["C"], "2024")
    assert key != event_key("REQUEST", ["A"], ["B", "C"], "2024")  # sides matter
    assert key != event_key("REQUEST", ["A", "B"], ["C"], "2024", negated=True)


def test_failed_save_leaves_nothing(store: Store) -> None:
    bad = request_doc()
    bad.actors.append(Actor("a1", "Duplicate id", "person"))  # primary key clash in the DB
    with pytest.raises(InputError, match="E040"):
        store.save(bad)
    assert set(store.counts().values()) == {0}
    assert not store.has_article(bad.article.id)
    good = request_doc()
    assert store.save(good)  # the connection is still usable afterwards
    assert store.article(good.article.id) == good.to_dict()


def test_failure_after_an_event_merge_rolls_the_merge_back(store: Store) -> None:
    store.save(request_doc(confidence=0.5))
    bad = request_doc("A second report.", confidence=0.99)
    # the merged event is written first, then the duplicate local id fails event_reports
    bad.events.append(Event("e1", "REQUEST", Evidence("A second report.", 0, 16)))
    with pytest.raises(InputError):
        store.save(bad)
    assert store.con.execute("SELECT confidence FROM events").fetchall() == [(0.5,)]
    assert store.counts()["articles"] == 1 and store.counts()["event_reports"] == 1


@pytest.mark.parametrize(
    "change",
    [
        {"date": "2023-13"},
        {"date": "March 2023"},
        {"source": ["a9"]},
        {"location": "p9"},
    ],
)
def test_contract_violations_are_rejected_whole(store: Store, change: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        store.save(request_doc(**change))
    assert set(store.counts().values()) == {0}


def test_bad_publication_date_rejected(store: Store) -> None:
    with pytest.raises(ValueError):
        store.save(request_doc(published="11/03/2025"))
    assert store.counts()["articles"] == 0


# -- property: any well-formed document round-trips ------------------------------------------

TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)
OPT_TEXT = st.none() | TEXT
OFFSET = st.integers(0, 2**31 - 1)
FLOAT = st.floats(allow_nan=False, allow_infinity=False)
DATE = st.none() | st.dates().flatmap(
    lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]])
)


@st.composite
def evidence(draw: st.DrawFn) -> Evidence:
    return Evidence(draw(TEXT), draw(OFFSET), draw(OFFSET), draw(OPT_TEXT),
                    draw(st.none() | OFFSET), draw(st.none() | OFFSET))  # fmt: skip


@st.composite
def documents(draw: st.DrawFn) -> AnalyzedDocument:
    mentions = st.lists(st.builds(Mention, TEXT, OFFSET, OFFSET), max_size=3)
    n_actors = draw(st.integers(0, 4))
    actors = [
        Actor(f"a{i}", draw(TEXT), draw(st.sampled_from(["person", "state", "group"])),
              *(draw(OPT_TEXT) for _ in range(5)), mentions=draw(mentions))
        for i in range(n_actors)
    ]  # fmt: skip
    places = [
        Place(f"p{i}", draw(TEXT), draw(OPT_TEXT), draw(st.none() | st.integers(0, 2**62)),
              draw(st.none() | FLOAT), draw(st.none() | FLOAT), "city", draw(mentions))
        for i in range(draw(st.integers(0, 2)))
    ]  # fmt: skip
    ids = [a.id for a in actors]
    actor_ids = st.lists(st.sampled_from(ids), max_size=3) if ids else st.just([])
    events = [
        Event(f"e{i}", draw(st.sampled_from(["REQUEST", "ASSAULT"])), draw(evidence()),
              draw(actor_ids), draw(actor_ids), draw(OPT_TEXT), draw(st.lists(TEXT, max_size=2)),
              draw(OPT_TEXT), draw(DATE), draw(OPT_TEXT),
              draw(st.none() | st.sampled_from(["text", "dateline", "published"])),
              draw(st.none() | st.sampled_from([p.id for p in places])) if places else None,
              *(draw(st.booleans()) for _ in range(4)), draw(FLOAT), draw(OPT_TEXT),
              draw(st.lists(evidence(), max_size=2)),
              draw(st.dictionaries(st.sampled_from(["trigger", "source", "date"]), TEXT)))
        for i in range(draw(st.integers(0, 3)))
    ]  # fmt: skip
    quotes = draw(st.lists(st.builds(Quote, OPT_TEXT, TEXT, OFFSET, OFFSET), max_size=2))
    facts = draw(st.lists(st.builds(Fact, OPT_TEXT, FLOAT, TEXT, st.booleans(), evidence(),
                                    OPT_TEXT), max_size=2))  # fmt: skip
    published = draw(st.none() | st.dates().map(lambda d: d.isoformat()))
    article = Article(draw(TEXT), draw(OPT_TEXT), draw(OPT_TEXT), published, draw(OPT_TEXT),
                      draw(TEXT), draw(st.lists(TEXT, max_size=3)), draw(OPT_TEXT),
                      draw(OPT_TEXT))  # fmt: skip
    return AnalyzedDocument(article, actors, quotes, events, places, facts)


@pytest.fixture(scope="module")
def shared_store():
    # one connection for all examples: opening DuckDB costs ~0.1 s
    with Store(":memory:") as s:
        yield s


@settings(max_examples=40, deadline=None)
@given(doc=documents())
def test_any_document_round_trips(shared_store: Store, doc: AnalyzedDocument) -> None:
    s = shared_store
    try:
        assert s.save(doc)
        assert s.article(doc.article.id) == doc.to_dict()
        assert s.document(doc.article.id) == doc
        assert s.counts()["event_reports"] == len(doc.events)
    finally:
        for table in TABLES:
            s.con.execute(f"DELETE FROM {table}")


def test_save_many_stores_a_batch_like_save_one_by_one(tmp_path: Path) -> None:
    docs = [
        request_doc(confidence=0.5),
        request_doc("A second report of the call.", confidence=0.9),  # the same event
        request_doc("A report of another day.", date="2025-03-12"),
    ]
    with Store(tmp_path / "many.duckdb") as many, Store(tmp_path / "one.duckdb") as one:
        assert many.save_many(docs) == [True, True, True]
        for doc in docs:
            one.save(doc)
        for table in TABLES:
            columns = {"articles": "* EXCLUDE (ingested_at)", "event_reports": "* EXCLUDE (seq)"}
            sql = f"SELECT {columns.get(table, '*')} FROM {table}"
            assert sorted(many.con.execute(sql).fetchall(), key=repr) == sorted(
                one.con.execute(sql).fetchall(), key=repr
            ), table
        assert many.con.execute("SELECT confidence FROM events ORDER BY date").fetchall() == [
            (0.9,), (0.8,),
        ]  # fmt: skip


def test_save_many_goes_on_past_bad_documents(store: Store) -> None:
    stored = request_doc("Stored before the batch.")
    store.save(stored)
    clash = request_doc("The database refuses this one.")
    clash.actors.append(Actor("a1", "Duplicate id", "person"))  # primary key clash
    broken = request_doc("This one breaks the contract.", source=["a9"])
    good = request_doc("A good new one.")
    outcomes = store.save_many([stored, clash, broken, good, good])
    assert outcomes[0] is False and outcomes[3] is True and outcomes[4] is False
    assert isinstance(outcomes[1], InputError) and outcomes[1].code == "E040"
    assert isinstance(outcomes[2], InputError) and outcomes[2].code == "E050"
    assert "unknown actor" in str(outcomes[2])
    assert store.counts()["articles"] == 2  # the stored one and the good one, whole
    assert not store.has_article(clash.article.id) and not store.has_article(broken.article.id)
    assert store.article(good.article.id) == good.to_dict()
