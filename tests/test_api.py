"""The HTTP API, in-process: every /api route, filters, paging, caps, CSV, errors, auth."""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # starlette 1.x asks for its `httpx2` package and warns when it finds plain httpx
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from eventwire.api import SETTINGS, create_app
from eventwire.api.app import CSP, serve
from eventwire.api.database import QueryTimeout
from eventwire.api.settings import resolve_settings
from eventwire.store import Store
from tests.test_api_records import ALERT_IMG, ALERT_SCRIPT, kosovo_doc, malicious_doc, serbia_doc

REPO = Path(__file__).resolve().parents[1]
F = TypeVar("F", bound=Callable[..., Any])
COVERED: set[str] = set()  # "METHOD /path" of the routes the tests below exercise


def covers(*routes: str) -> Callable[[F], F]:
    def mark(fn: F) -> F:
        COVERED.update(routes)
        return fn

    return mark


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "events.duckdb"
    with Store(path) as store:
        for doc in (kosovo_doc(), serbia_doc(), malicious_doc(ALERT_SCRIPT, ALERT_IMG)):
            assert store.save(doc)
    return path


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(
        create_app(db_path, settings={"max_page_size": 50, "default_page_size": 20})
    ) as c:
        yield c


def _rows(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    return r.json()["rows"]


# -- coverage of the route table -------------------------------------------------------------


def test_every_api_route_has_a_test(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    routes = {f"{m.upper()} {p}" for p, ops in schema["paths"].items() for m in ops}
    assert all(r.split()[1].startswith("/api/") for r in routes)
    assert routes - COVERED == set(), "add a test marked @covers for these routes"
    assert COVERED - routes == set(), "stale @covers marks"


def test_openapi_documents_parameters(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    params = {p["name"]: p for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "country", "type", "since", "until", "text", "min_confidence", "limit",
            "offset", "sort", "format"} <= set(params)  # fmt: skip
    assert params["actor"].get("description")
    assert "requestBody" in schema["paths"]["/api/articles"]["post"]


# -- events ----------------------------------------------------------------------------------


@covers("GET /api/events")
def test_events_lists_deduplicated_events(client: TestClient) -> None:
    rows = _rows(client)
    assert sorted(r["type"] for r in rows) == ["ASSAULT", "CONSULT", "REJECT", "REQUEST"]
    request = next(r for r in rows if r["type"] == "REQUEST")
    assert request["reports"] == 2
    assert request["source"] == "Mark Rutte"
    assert request["confidence"] == 0.9


@pytest.mark.parametrize(
    ("params", "types"),
    [
        ({"actor": "serbia"}, ["ASSAULT", "REJECT", "REQUEST"]),
        ({"actor": "IGO"}, ["ASSAULT", "REQUEST"]),
        ({"type": "reject"}, ["REJECT"]),
        ({"country": "POL"}, ["CONSULT"]),
        ({"since": "2025"}, ["REJECT", "REQUEST"]),
        ({"until": "2024-07"}, ["ASSAULT", "CONSULT"]),
        ({"since": "2025-04-01", "until": "2025-04-30"}, ["REJECT"]),
        ({"text": "bombed"}, ["ASSAULT"]),
        ({"text": "100%"}, []),
        ({"min_confidence": 0.75}, ["ASSAULT", "REQUEST"]),
        ({"actor": "Serbia", "type": "ASSAULT"}, ["ASSAULT"]),
    ],
)
def test_events_filters_narrow(
    client: TestClient, params: dict[str, Any], types: list[str]
) -> None:
    assert sorted(r["type"] for r in _rows(client, **params)) == types


def test_events_paging_and_sort(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 3, "sort": "date"}).json()
    assert len(first["rows"]) == 3 and first["next_offset"] == 3 and first["limit"] == 3
    assert first["total"] == 4  # the explorer says "1-3 of 4"
    rest = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert len(rest["rows"]) == 1 and rest["next_offset"] is None and rest["total"] == 4
    assert client.get("/api/events", params={"type": "REJECT"}).json()["total"] == 1
    # where the event sits in its first article, for the article view to scroll to it
    assert {r["article_event_id"] for r in first["rows"] + rest["rows"]} == {"e1", "e2"}
    ids = [r["id"] for r in first["rows"] + rest["rows"]]
    assert len(set(ids)) == 4
    assert [r["date"] for r in first["rows"]] == ["1999", "2024-07", "2025-03-11"]
    newest = _rows(client, sort="-date", limit=1)
    assert newest[0]["type"] == "REJECT"


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"limit": 51}, "at most 50"),
        ({"limit": 0}, "limit"),
        ({"offset": -1}, "offset"),
        ({"sort": "id; DROP TABLE events"}, "sort must be one of"),
        ({"type": "INVADE"}, "type must be one of"),
        ({"since": "2025-13"}, "since"),
        ({"until": "yesterday"}, "until"),
        ({"min_confidence": 2}, "min_confidence"),
        ({"format": "xml"}, "format"),
    ],
)
def test_events_bad_parameters_are_422_json(
    client: TestClient, params: dict[str, Any], needle: str
) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    assert needle in r.json()["error"]


def test_events_csv_matches_json(client: TestClient) -> None:
    r = client.get("/api/events", params={"format": "csv", "type": "REQUEST"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(r.text)))
    js = _rows(client, type="REQUEST")
    assert [row["id"] for row in table] == [row["id"] for row in js]
    assert list(table[0]) == list(js[0])
    assert table[0]["reports"] == "2"
    empty = client.get("/api/events", params={"format": "csv", "type": "AID"}).text
    assert empty.splitlines() == [",".join(table[0])]


@covers("GET /api/events/{event_id}")
def test_event_detail_lists_every_report(client: TestClient) -> None:
    event_id = _rows(client, type="REQUEST")[0]["id"]
    r = client.get(f"/api/events/{event_id}")
    assert r.status_code == 200
    event = r.json()
    assert event["type"] == "REQUEST" and event["target_names"] == ["Kosovo", "Serbia"]
    assert event["location"]["name"] == "Pristina"
    titles = [rep["title"] for rep in event["reports"]]
    assert titles == ["Rutte visits Pristina", "Belgrade answers"]
    ev = event["reports"][0]["evidence"]
    article = client.get(f"/api/articles/{event['reports'][0]['article_id']}").json()
    assert article["article"]["text"][ev["start"] : ev["end"]] == ev["sentence"]
    assert ev["trigger"] == "called on"


def test_event_detail_404(client: TestClient) -> None:
    r = client.get("/api/events/" + "0" * 64)
    assert r.status_code == 404 and "no event" in r.json()["error"]


# -- actors, articles, aggregates ------------------------------------------------------------


@covers("GET /api/actors")
def test_actors(client: TestClient) -> None:
    body = client.get("/api/actors").json()
    by_name = {r["name"]: r for r in body["rows"]}
    assert by_name["Serbia"]["as_source"] == 1 and by_name["Serbia"]["as_target"] == 2
    assert by_name["Mark Rutte"]["code"] == "IGO"
    narrowed = client.get("/api/actors", params={"type": "CONSULT"}).json()["rows"]
    assert {r["name"] for r in narrowed} == {"Germany", "Ukraine"}
    page = client.get("/api/actors", params={"limit": 2}).json()
    assert len(page["rows"]) == 2 and page["next_offset"] == 2
    text = client.get("/api/actors", params={"format": "csv", "type": "CONSULT"}).text
    assert text.splitlines()[0] == "name,code,as_source,as_target,events"


@covers("GET /api/articles/{article_id}")
def test_article_document_has_spans(client: TestClient) -> None:
    doc = kosovo_doc()
    r = client.get(f"/api/articles/{doc.article.id}")
    assert r.status_code == 200
    body = r.json()
    assert body["schema"] == "eventwire/1"
    text = body["article"]["text"]
    assert text == doc.article.text
    rutte = next(a for a in body["actors"] if a["name"] == "Mark Rutte")
    assert [text[m["start"] : m["end"]] for m in rutte["mentions"]] == ["Mark Rutte", "Rutte said"]
    q = body["quotes"][0]
    assert text[q["start"] : q["end"]] == q["text"]
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/api/articles/nope").json() == {"error": "no article 'nope'"}


def test_article_markup_comes_back_verbatim(client: TestClient) -> None:
    doc = malicious_doc(ALERT_SCRIPT, ALERT_IMG)
    r = client.get(f"/api/articles/{doc.article.id}")
    assert r.headers["content-type"] == "application/json"
    body = r.json()
    assert ALERT_SCRIPT in body["article"]["text"] and ALERT_IMG in body["article"]["text"]
    assert body["article"]["title"] == f"Talks {ALERT_SCRIPT}"
    assert ALERT_SCRIPT in json.loads(r.text)["events"][0]["evidence"]["sentence"]


@covers("GET /api/timeline")
def test_timeline(client: TestClient) -> None:
    body = client.get("/api/timeline", params={"granularity": "month"}).json()
    assert body["granularity"] == "month"
    rows = {(r["period"], r["type"]): r["count"] for r in body["rows"]}
    # 1999 is dated only to the year: not put into a month
    assert rows == {("2024-07-01", "CONSULT"): 1, ("2025-03-01", "REQUEST"): 1,
                    ("2025-04-01", "REJECT"): 1}  # fmt: skip
    yearly = client.get("/api/timeline", params={"granularity": "year", "actor": "NATO"})
    assert yearly.json()["rows"] == [{"period": "1999-01-01", "type": "ASSAULT", "count": 1}]
    days = client.get("/api/timeline", params={"granularity": "day"}).json()["rows"]
    assert {r["period"] for r in days} == {"2025-03-11", "2025-04-02"}
    assert client.get("/api/timeline", params={"granularity": "hour"}).status_code == 422
    csv_text = client.get("/api/timeline", params={"format": "csv"}).text
    assert csv_text.splitlines()[0] == "period,type,count"
    # what no bar shows is counted and said
    assert (body["undated"], body["less_precise"]) == (0, 1)
    assert client.get("/api/timeline", params={"granularity": "year"}).json()["less_precise"] == 0


@covers("GET /api/network")
def test_network(client: TestClient) -> None:
    body = client.get("/api/network").json()
    edges = {(e["source"], e["target"], e["type"]): e["weight"] for e in body["edges"]}
    assert edges[("Mark Rutte", "Serbia", "REQUEST")] == 1
    assert edges[("Serbia", "Kosovo", "REJECT")] == 1
    nodes = {n["id"]: n["count"] for n in body["nodes"]}
    assert nodes["Serbia"] == 3 and nodes["Germany"] == 1
    assert {e["source"] for e in body["edges"]} | {e["target"] for e in body["edges"]} == set(nodes)
    narrowed = client.get("/api/network", params={"actor": "Germany"}).json()
    assert [n["id"] for n in narrowed["nodes"]] == ["Germany", "Ukraine"]


@covers("GET /api/places")
def test_places(client: TestClient) -> None:
    body = client.get("/api/places").json()
    # by default the map counts where events took place (the docs' "located in a country")
    assert body["by"] == "location" and body["unplaced"] == 0
    countries = {c["country"]: c for c in body["countries"]}
    assert {k: c["count"] for k, c in countries.items()} == {"SRB": 2, "XKX": 1, "POL": 1}
    assert countries["SRB"] == {"country": "SRB", "name": "Serbia", "iso_numeric": 688,
                                "count": 2}  # fmt: skip
    assert "IGO" not in countries  # actor codes that are not countries stay off the map
    assert countries["XKX"]["name"] == "Kosovo" and countries["XKX"]["iso_numeric"] is None
    assert countries["POL"]["iso_numeric"] == 616
    places = {p["name"]: p for p in body["places"]}
    assert places["Pristina"]["count"] == 1 and places["Pristina"]["lat"] == 42.67
    # by=actor: the countries of the actors, each event once per country
    by_actor = client.get("/api/places", params={"by": "actor"}).json()
    assert {c["country"]: c["count"] for c in by_actor["countries"]} == {
        "SRB": 3, "XKX": 2, "DEU": 1, "UKR": 1,
    }  # fmt: skip; IGO is an actor code, not a country: off the map
    narrowed = client.get("/api/places", params={"type": "CONSULT", "by": "actor"}).json()
    assert {c["country"]: c["count"] for c in narrowed["countries"]} == {"DEU": 1, "UKR": 1}
    assert client.get("/api/places", params={"by": "nearby"}).status_code == 422


@covers("GET /api/types")
def test_types(client: TestClient) -> None:
    types = {t["type"]: t for t in client.get("/api/types").json()}
    assert len(types) == 16
    assert types["AID"]["quad"] == "material cooperation"
    assert types["ASSAULT"]["quad"] == "material conflict"


def test_country_filter_by_name_or_code(client: TestClient) -> None:
    by_code = _rows(client, country="POL")
    assert [r["type"] for r in by_code] == ["CONSULT"]
    assert _rows(client, country="Poland") == by_code
    assert [r["type"] for r in _rows(client, country="kosovo")] == [
        r["type"] for r in _rows(client, country="XKX")
    ]
    bad = client.get("/api/events", params={"country": "Narnia"})
    assert bad.status_code == 422 and bad.json()["error"].startswith("E064")


def test_export_follows_the_filters(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "csv", "country": "Serbia"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert sorted(x["plover_type"] for x in rows) == ["ASSAULT", "REJECT", "REQUEST"]
    assert {x["cameo"] for x in rows if x["plover_type"] == "REQUEST"} == {"02"}
    refused = client.get("/api/export", params={"table": "facts", "type": "AID"})
    assert refused.status_code == 422


@covers("GET /api/dyads")
def test_dyads(client: TestClient) -> None:
    r = client.get("/api/dyads", params={"a": "Kosovo", "b": "SRB"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["a"] == {"term": "Kosovo", "country": "XKX"}
    assert body["axis"] == ["2025-04"]
    assert [(x["direction"], x["quad_class"], x["events"]) for x in body["rows"]] == [
        ("b_to_a", 3, 1)  # Serbia rejected the proposal from Kosovo
    ]
    assert [e["type"] for e in body["events"]] == ["REJECT"]
    assert body["events"][0]["evidence"] == "Serbia rejected the proposal from Kosovo."
    nato = client.get("/api/dyads", params={"a": "NATO", "b": "Serbia"}).json()
    assert nato["rows"] == [] and nato["not_in_periods"]["less_precise"] == 1  # 1999 only
    by_year = client.get("/api/dyads", params={"a": "NATO", "b": "Serbia", "granularity": "year"})
    assert [x["period"] for x in by_year.json()["rows"]] == ["1999"]
    assert client.get("/api/dyads", params={"a": "Kosovo"}).status_code == 422
    bad = client.get("/api/dyads", params={"a": "Kosovo", "b": "SRB", "type": "INVADE"})
    assert bad.status_code == 422 and "E061" in bad.json()["error"]


@covers("GET /api/export")
def test_export_streams_tables(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "csv"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 4 and "event_id" in rows[0]  # the flat events of the data dictionary
    assert json.loads(next(x for x in rows if x["plover_type"] == "REQUEST")["actor2_names"]) == [
        "Kosovo", "Serbia",
    ]  # fmt: skip
    lines = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == 4 and {json.loads(x)["plover_type"] for x in lines} >= {"REQUEST"}
    reports = client.get("/api/export", params={"format": "jsonl", "table": "event_reports"})
    assert len(reports.text.splitlines()) == 5
    assert client.get("/api/export", params={"table": "schema_version"}).status_code == 422
    assert client.get("/api/export", params={"format": "parquet"}).status_code == 422


# -- static page and headers -----------------------------------------------------------------


def test_index_and_static_with_security_headers(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "<title>eventwire explorer</title>" in r.text
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["content-security-policy"] == CSP
    meta = re.search(r'http-equiv="Content-Security-Policy"\s+content="([^"]+)"', r.text)
    assert meta and all(d.strip() in CSP for d in meta.group(1).split(";"))
    for path in ("/static/app.js", "/static/style.css", "/static/vendor/d3.min.js",
                 "/static/vendor/countries-110m.json"):  # fmt: skip
        s = client.get(path)
        assert s.status_code == 200, path
        assert s.headers["x-content-type-options"] == "nosniff"
    d3 = client.get("/static/vendor/d3.min.js", headers={"Accept-Encoding": "gzip"})
    assert d3.headers["content-encoding"] == "gzip" and d3.text.startswith("// https://d3js.org")
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/api/events").headers["content-security-policy"] == CSP


def test_unknown_route_is_json_404(client: TestClient) -> None:
    r = client.get("/api/nothing")
    assert r.status_code == 404 and r.json() == {"error": "Not Found"}


def test_openapi_served(client: TestClient) -> None:
    r = client.get("/openapi.json")
    assert r.status_code == 200 and r.json()["info"]["title"] == "eventwire"


def test_foreign_host_header_refused(client: TestClient) -> None:
    r = client.get("/api/events", headers={"host": "evil.example"})
    assert r.status_code == 400


# -- time limit ------------------------------------------------------------------------------

SLOW = "SELECT sum(a * a % 7) FROM range(100000000000) t(a)"


def test_slow_query_is_interrupted(db_path: Path) -> None:
    app = create_app(db_path, settings={"query_time_limit_ms": 50})

    @app.get("/slow")
    def slow() -> dict[str, Any]:
        with app.state.db.reader() as store:
            store.con.execute(SLOW).fetchone()
        return {}

    with TestClient(app) as c:
        r = c.get("/slow")
        assert r.status_code == 503
        assert "interrupted after 50 ms" in r.json()["error"]
        assert c.get("/api/events").status_code == 200  # the server goes on


def test_reader_raises_query_timeout(db_path: Path) -> None:
    app = create_app(db_path)
    with TestClient(app), pytest.raises(QueryTimeout):
        with app.state.db.reader(time_limit_ms=20) as store:
            store.con.execute(SLOW).fetchone()


# -- writes ----------------------------------------------------------------------------------

TOKEN = "s3cret-token"


@pytest.fixture()
def writable(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(tmp_path / "w.duckdb", token=TOKEN, settings={"max_post_bytes": 5000})
    with TestClient(app) as c:
        yield c


@covers("POST /api/articles")
def test_post_refused_without_server_token(client: TestClient) -> None:
    r = client.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer x"})
    assert r.status_code == 403 and "disabled" in r.json()["error"]


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic czNjcmV0LXRva2Vu", TOKEN])
def test_post_needs_the_bearer_token(writable: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    r = writable.post("/api/articles", json={"text": "NATO met Serbia."}, headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"


def test_post_body_is_capped(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writable.post("/api/articles", json={"text": "x" * 6000}, headers=auth)
    assert r.status_code == 413 and "max_post_bytes" in r.json()["error"]
    r = writable.post("/api/articles", json={"published": "2025-01-01"}, headers=auth)
    assert r.status_code == 422
    r = writable.post("/api/articles", json={"text": "x", "extra": 1}, headers=auth)
    assert r.status_code == 422
    r = writable.post("/api/articles", content=b"{not json", headers=auth)
    assert r.status_code == 422


@pytest.mark.parametrize("url", ["/etc/passwd", "-", "file:///etc/passwd", "ftp://x.org/a"])
def test_post_url_must_be_http(writable: TestClient, url: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writable.post("/api/articles", json={"url": url}, headers=auth)
    assert r.status_code == 422 and "http" in r.json()["error"]


def test_post_url_to_private_address_is_refused(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writable.post("/api/articles", json={"url": "http://127.0.0.1:9/x"}, headers=auth)
    assert r.status_code == 400 and r.json()["error"].startswith("E020")


def _analysis_available() -> bool:
    try:
        import eventwire.analysis  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(
    not _analysis_available(), reason="eventwire.analysis (full pipeline) not importable yet"
)
def test_post_with_token_analyses_and_stores(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = (
        "NATO chief meets Kosovo leaders\n\n"
        "NATO Secretary General Mark Rutte called on Kosovo and Serbia on Tuesday to show "
        "flexibility in the EU-facilitated dialogue.\n"
    )
    r = writable.post("/api/articles", json={"text": text, "published": "2025-03-11"},
                      headers=auth)  # fmt: skip
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["created"] is True and body["events"] >= 1
    assert writable.get(body["href"]).json()["article"]["published"] == "2025-03-11"
    assert writable.get("/api/events").json()["rows"]
    again = writable.post("/api/articles", json={"text": text, "published": "2025-03-11"},
                          headers=auth)  # fmt: skip
    assert again.status_code == 200 and again.json()["created"] is False


# -- settings and serve ----------------------------------------------------------------------


def test_every_setting_is_documented() -> None:
    doc = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\|\s*`(\w+)`\s*\|\s*([\d_,]+)\s*\|", doc, flags=re.M))
    for s in SETTINGS:
        assert s.name in rows, f"setting {s.name} is not documented in docs/api.md"
        assert int(rows[s.name].replace("_", "").replace(",", "")) == s.default, s.name


def test_settings_are_validated() -> None:
    assert resolve_settings({"max_page_size": 10, "default_page_size": 5})["max_page_size"] == 10
    for bad in ({"nope": 1}, {"max_page_size": 0}, {"max_page_size": "9"},
                {"default_page_size": 2000}, {"max_page_size": 10**6}):  # fmt: skip
        with pytest.raises(ValueError):
            resolve_settings(bad)


def test_default_page_size_applies(db_path: Path) -> None:
    with TestClient(create_app(db_path, settings={"default_page_size": 2})) as c:
        body = c.get("/api/events").json()
        assert len(body["rows"]) == 2 and body["limit"] == 2 and body["next_offset"] == 2


def test_serve_refuses_remote_host(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="refusing to listen on '0.0.0.0'"):
        serve(tmp_path / "x.duckdb", host="0.0.0.0")
    assert not (tmp_path / "x.duckdb").exists()


def test_read_only_app_creates_a_missing_database(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "new.duckdb")) as c:
        assert c.get("/api/events").json()["rows"] == []
