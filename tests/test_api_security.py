"""The HTTP API under attack (issue 15.4): SQL injection in every parameter of every route,
huge limits, path traversal (sent raw to a real server), oversized bodies, bad tokens, SSRF
targets refused without connecting (an injected resolver: no DNS, no network), markup in
what the API returns, and the security headers on every kind of response. The explorer's
escaping is tested in a browser in tests/test_browser.py."""

from __future__ import annotations

import json
import re
import socket
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.errors import InputError
from eventwire.ingest.fetch import check_host, fetch_url, ip_literal
from eventwire.store import Store
from tests.helpers import serve
from tests.test_api_records import (
    IMG,
    SCRIPT,
    hostile_names_doc,
    kosovo_doc,
    malicious_doc,
    serbia_doc,
)

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# stored names and types: a 200 answer to an injected filter must show none of them
STORED = ("NATO", "Kosovo", "Serbia", "Rutte", "Germany", "Ukraine", "Mali", "Front")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api-security") / "events.duckdb"
    with Store(path) as store:
        for doc in (kosovo_doc(), serbia_doc(), malicious_doc(), hostile_names_doc()):
            assert store.save(doc)
    return path


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db_path)) as c:
        yield c


def _counts(db_path: Path) -> dict[str, int]:
    with Store(db_path, read_only=True) as store:
        return store.counts()


# -- SQL injection -------------------------------------------------------------------------

INJECTIONS = [
    "' OR '1'='1",
    "' OR 1=1 --",
    '" OR ""="',
    "1; DROP TABLE events; --",
    "'; DELETE FROM articles; --",
    "%' OR '%'='",
    "') UNION SELECT event_key, type FROM events --",
    "ISR') OR (upper('a')=upper('a",
    "*/ OR 1=1 /*",
    "%",
    "N_TO",  # a LIKE wildcard: must match only itself, not NATO
    "\\",
    "\x00",
    "2024-01-01' OR '1'='1",
]


def _get_parameters(client: TestClient) -> list[tuple[str, str, str]]:
    """(route, parameter, where) of every GET route in the OpenAPI description, so a
    parameter added later is attacked too."""
    spec = client.get("/openapi.json").json()
    out = []
    for path, ops in spec["paths"].items():
        for param in ops.get("get", {}).get("parameters", []):
            out.append((path, param["name"], param["in"]))
    return out


def test_sql_injection_in_every_parameter_of_every_route_is_refused_or_matches_nothing(
    client: TestClient, db_path: Path
) -> None:
    before = _counts(db_path)
    parameters = _get_parameters(client)
    assert len(parameters) > 40  # every filter of every listing, limits, formats, path ids
    for route, name, where in parameters:
        for payload in INJECTIONS:
            if where == "path":
                url, params = route.replace("{" + name + "}", quote(payload, safe="")), {}
            else:
                url = route
                params = {"a": "Atlantis", "b": "Lemuria"} if route == "/api/dyads" else {}
                params[name] = payload
            r = client.get(url, params=params)
            what = f"{route} {name}={payload!r}"
            assert r.status_code in (200, 404, 422), f"{what}: {r.status_code} {r.text[:200]}"
            if r.status_code != 200:
                assert set(r.json()) == {"error"}, what
                continue
            shown = json.dumps(r.json()) if r.headers["content-type"].startswith(
                "application/json") else r.text  # fmt: skip
            assert not any(s in shown for s in STORED), f"{what} matched stored rows"
    assert _counts(db_path) == before


# -- huge limits and offsets ----------------------------------------------------------------


@pytest.mark.parametrize("route", ["/api/events", "/api/actors", "/api/dyads"])
@pytest.mark.parametrize(
    "limit", [10**9, 2**63, 10**30, -1, 0, "1e3", "0x10", "NaN", "5; --", "5 OR 1=1"]
)
def test_huge_negative_or_malformed_limits_are_422(
    client: TestClient, route: str, limit: Any
) -> None:
    params = {"limit": limit, "a": "Kosovo", "b": "Serbia"}
    r = client.get(route, params=params)
    assert r.status_code == 422, r.text
    assert "limit" in r.json()["error"]


@pytest.mark.parametrize("offset", [-1, 2**63, 10**100, "1e9"])
def test_huge_negative_or_malformed_offsets_are_422(client: TestClient, offset: Any) -> None:
    r = client.get("/api/events", params={"offset": offset})
    assert r.status_code == 422 and "offset" in r.json()["error"]


# -- path traversal, sent raw so no client tidies the path ----------------------------------

TRAVERSALS = [
    "/static/../app.py",
    "/static/../../../../../../etc/passwd",
    "/static/%2e%2e/app.py",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2fapp.py",
    "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%252e%252e/app.py",
    "/static/..%5capp.py",
    "/static/..\\..\\app.py",
    "/static/....//....//app.py",
    "/static//etc/passwd",
    "/static/vendor/../../app.py",
    "/static/%00../app.py",
    "/static/app.js%00.py",
    "/static/%c0%ae%c0%ae/app.py",
    "/api/articles/..%2f..%2f..%2fetc%2fpasswd",
    "/api/events/..%2f..%2fapp.py",
    "/..%2f..%2f..%2fetc/passwd",
    "//etc/passwd",
]


def _raw_get(base: str, path: str) -> tuple[int, bytes]:
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, data


def test_path_traversal_never_reads_outside_the_web_folder(db_path: Path) -> None:
    with serve(create_app(db_path)) as base:
        assert _raw_get(base, "/static/app.js")[0] == 200
        for path in TRAVERSALS:
            status, data = _raw_get(base, path)
            assert status in (400, 404), (path, status, data[:300])
            assert b"root:" not in data and b"create_app" not in data, path


# -- request bodies and tokens --------------------------------------------------------------


@pytest.fixture()
def writable(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(tmp_path / "w.duckdb", token=TOKEN, settings={"max_post_bytes": 5000})
    with TestClient(app) as c:
        yield c


def test_a_streamed_body_without_length_over_the_cap_is_413(writable: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(100):
            yield b"x" * 1000
        yield b'"}'

    r = writable.post("/api/articles", content=chunks(), headers=AUTH)
    assert r.status_code == 413 and "max_post_bytes" in r.json()["error"]


@pytest.mark.parametrize(
    "header",
    [None, "", "Bearer", "Bearer ", f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", f"Token {TOKEN}",
     f"Bearer {TOKEN.upper()}", "Bearer s3cret-tökën", f"Bearer\t{TOKEN}x"],
)  # fmt: skip
def test_post_without_or_with_a_wrong_token_is_401_before_the_body_is_read(
    writable: TestClient, header: str | None
) -> None:
    headers = {"Authorization": header.encode("utf-8")} if header is not None else {}
    body = json.dumps({"text": "x" * 100_000})  # over max_post_bytes: never read
    r = writable.post("/api/articles", content=body, headers=headers)  # type: ignore[arg-type]
    assert r.status_code == 401, r.text
    assert r.json() == {"error": "missing or wrong bearer token"}


def test_the_token_is_not_taken_from_the_query_string_or_a_cookie(writable: TestClient) -> None:
    r = writable.post(
        "/api/articles", params={"token": TOKEN, "access_token": TOKEN},
        cookies={"token": TOKEN}, json={"text": "NATO met Serbia."},
    )  # fmt: skip
    assert r.status_code == 401


def test_sql_in_a_posted_field_is_refused_or_stored_as_text(writable: TestClient) -> None:
    r = writable.post("/api/articles", json={"text": "x", "published": "2025' OR '1'='1"},
                      headers=AUTH)  # fmt: skip
    assert r.status_code == 422 and "published" in r.json()["error"]


# -- SSRF: every target refused before any connection ---------------------------------------

SSRF = [
    "http://127.0.0.1/", "http://127.1/", "http://2130706433/", "http://0x7f000001/",
    "http://0x7f.0.0.1/", "http://017700000001/", "http://0/",
    "http://0.0.0.0/", "http://[::1]/", "http://[0:0:0:0:0:0:0:1]/", "http://[::]/",
    "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::ffff:a9fe:a9fe]/",
    "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://100.64.0.1/",
    "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://[fe80::1%25eth0]/",
    "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://224.0.0.1/", "http://255.255.255.255/",
    "http://198.18.0.1/", "http://user:pw@127.0.0.1/", "http://example.org@127.0.0.1/",
    "http://127.0.0.1#@example.org/", "https://127.0.0.1:443/",
    "http://internal.example/", "http://mixed.example/", "http://metadata.example/",
    "http://localhost/", "http://LOCALHOST./",
]  # fmt: skip
SCHEMES = ["file:///etc/passwd", "gopher://93.184.216.34:70/_GET", "ftp://93.184.216.34/",
           "dict://93.184.216.34:11211/", "jar:http://93.184.216.34/x!/", "data:text/html,x",
           "javascript:alert(1)", "ldap://93.184.216.34/",
           "http://127.0.0.1.:80/", "http://nowhere.example/"]  # fmt: skip
# ^ and names no resolver knows ("127.0.0.1." is a name to glibc too: never an address)
NAMES = {  # what the injected resolver answers: names pointing inside
    "internal.example": ["10.1.2.3"],
    "mixed.example": ["93.184.216.34", "192.168.0.7"],
    "metadata.example": ["169.254.169.254"],
    "localhost": ["127.0.0.1", "::1"],
    "localhost.": ["127.0.0.1"],
    "rebind.example": ["93.184.216.34"],
}


class Resolver:
    """An injected DNS: answers from NAMES, remembers every question."""

    def __init__(self, names: dict[str, list[str]] | None = None) -> None:
        self.names = NAMES if names is None else names
        self.asked: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        if host not in self.names:
            raise OSError("name not known")
        return self.names[host]


def _never(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"connected to {request.url}")


@pytest.mark.parametrize("url", SSRF)
def test_ssrf_targets_are_refused_without_connecting(url: str) -> None:
    with pytest.raises(InputError) as caught:
        fetch_url(url, transport=httpx.MockTransport(_never), resolve=Resolver())
    assert caught.value.code == "E020", str(caught.value)


@pytest.mark.parametrize("url", SCHEMES)
def test_other_schemes_and_unresolvable_names_are_refused_without_connecting(url: str) -> None:
    with pytest.raises(InputError) as caught:
        fetch_url(url, transport=httpx.MockTransport(_never), resolve=Resolver())
    assert caught.value.code in ("E021", "E023"), str(caught.value)


@pytest.mark.parametrize(
    ("host", "address"),
    [("2130706433", "127.0.0.1"), ("0x7f000001", "127.0.0.1"), ("017700000001", "127.0.0.1"),
     ("0177.0.0.1", "127.0.0.1"), ("127.1", "127.0.0.1"), ("0", "0.0.0.0"),
     ("fe80::1%eth0", "fe80::1"), ("93.184.216.34", "93.184.216.34"), ("example.org", None),
     ("deadbeef", None), ("1.2.3.4.5", None)],
)  # fmt: skip
def test_numeric_hosts_are_read_as_a_c_resolver_reads_them(host: str, address: str | None) -> None:
    """Found: 'http://2130706433/' was only refused because the system resolver happened to
    read it as 127.0.0.1; with another resolver it would have been asked of DNS."""
    found = ip_literal(host)
    assert (str(found) if found else None) == address


def test_a_name_is_resolved_once_and_the_connection_goes_to_the_checked_address() -> None:
    """DNS rebinding: the address was checked, then httpx resolved the name again and could
    connect to another one. Now each hop connects to the checked address, with the name in
    the Host header (and as the TLS server name)."""
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])
    resolver = Resolver({})
    seen: list[httpx.Request] = []

    def rebinding(host: str, port: int) -> list[str]:
        resolver.asked.append(host)
        return next(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, text="story", headers={"content-type": "text/plain"})

    body, _ = fetch_url("https://rebind.example:8443/story?id=1", resolve=rebinding,
                        transport=httpx.MockTransport(handler))  # fmt: skip
    assert body == b"story" and resolver.asked == ["rebind.example"]
    (request,) = seen
    assert request.url.host == "93.184.216.34" and request.url.port == 8443
    assert request.url.path == "/story" and request.url.query == b"id=1"
    assert request.headers["host"] == "rebind.example:8443"
    assert request.extensions["sni_hostname"] == "rebind.example"


def test_a_redirect_to_a_name_inside_is_refused_and_relative_redirects_keep_the_name() -> None:
    hops: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hops.append(f"{request.headers['host']}{request.url.path}")
        if request.url.path == "/a":
            return httpx.Response(302, headers={"location": "/b"})
        return httpx.Response(302, headers={"location": "http://internal.example/admin"})

    with pytest.raises(InputError) as caught:
        fetch_url("http://rebind.example/a", resolve=Resolver(),
                  transport=httpx.MockTransport(handler))  # fmt: skip
    assert caught.value.code == "E020" and "internal.example resolves to 10.1.2.3" in str(
        caught.value
    )
    assert hops == ["rebind.example/a", "rebind.example/b"]


def test_check_host_gives_the_address_it_checked() -> None:
    url = httpx.URL("http://rebind.example/")
    assert str(check_host(url, "x", Resolver())) == "93.184.216.34"
    with pytest.raises(InputError) as caught:
        check_host(httpx.URL("http://unknown.example/"), "x", Resolver())
    assert caught.value.code == "E021"


def test_the_api_refuses_to_fetch_inside_and_never_connects(writable: TestClient) -> None:
    """POST /api/articles with URLs of a listening local port, in several spellings."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.setblocking(False)
        port = listener.getsockname()[1]
        for host in ("127.0.0.1", "2130706433", "0x7f000001", "127.1", "[::ffff:127.0.0.1]",
                     "localhost"):  # fmt: skip
            r = writable.post("/api/articles", json={"url": f"http://{host}:{port}/x"},
                              headers=AUTH)  # fmt: skip
            assert r.status_code == 400, r.text
            assert r.json()["error"].startswith(f"E020 http://{host}:{port}/x: "), r.text
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody came


# -- markup in what the API returns ----------------------------------------------------------


def test_markup_in_names_quotes_and_places_comes_back_as_json_data_never_as_html(
    client: TestClient,
) -> None:
    """The API returns stored markup verbatim, as JSON or CSV (never text/html, always
    nosniff), for its consumers to show as text: the explorer does (tests/test_browser.py),
    and the CLI prints it as plain text."""
    rows = client.get("/api/events", params={"text": "attacked Mali"}).json()["rows"]
    assert rows and IMG in rows[0]["source"] and SCRIPT in rows[0]["location"]
    doc = client.get(f"/api/articles/{rows[0]['article_id']}").json()
    assert SCRIPT in doc["quotes"][0]["text"] and SCRIPT in doc["places"][0]["name"]
    assert doc["article"]["author"] == IMG
    for path in ("/api/events", "/api/actors", "/api/network", "/api/places",
                 f"/api/events/{rows[0]['id']}", "/api/events?format=csv",
                 "/api/export?format=csv", "/api/export?format=jsonl",
                 f"/api/events/{SCRIPT}", f"/api/articles/{IMG}"):  # fmt: skip
        r = client.get(path)
        assert r.status_code in (200, 404), path
        kind = r.headers["content-type"]
        assert kind.startswith(("application/json", "text/csv", "application/x-ndjson")), path
        assert r.headers["x-content-type-options"] == "nosniff"


# -- security headers on every kind of response ---------------------------------------------

HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


def _check_headers(r: httpx.Response, what: str) -> None:
    for name, value in HEADERS.items():
        assert r.headers.get(name) == value, (what, name, r.headers.get(name))
    csp = r.headers.get("content-security-policy", "")
    for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'",
                      "frame-ancestors 'none'", "base-uri 'none'"):  # fmt: skip
        assert directive in csp, (what, directive)
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "*" not in csp
    assert not any(h.startswith("access-control-") for h in r.headers), (what, r.headers)


def test_security_headers_on_every_kind_of_response_and_no_cors(
    client: TestClient, writable: TestClient
) -> None:
    evil = {"Origin": "https://evil.example"}
    requests = [
        ("index", client.get("/", headers=evil)),
        ("static", client.get("/static/app.js", headers=evil)),
        ("json", client.get("/api/events", headers=evil)),
        ("kept json", client.get("/api/events", headers=evil)),  # from the response cache
        ("gzip", client.get("/api/events", headers={**evil, "Accept-Encoding": "gzip"})),
        ("csv", client.get("/api/events?format=csv", headers=evil)),
        ("stream", client.get("/api/export", headers=evil)),
        ("openapi", client.get("/openapi.json", headers=evil)),
        ("404", client.get("/api/nothing", headers=evil)),
        ("422", client.get("/api/events?limit=-1", headers=evil)),
        ("400 host", client.get("/api/events", headers={"host": "evil.example"})),
        ("preflight", client.options("/api/events", headers={
            **evil, "Access-Control-Request-Method": "POST"})),
        ("403", client.post("/api/articles", json={"text": "x"}, headers=evil)),
        ("401", writable.post("/api/articles", json={"text": "x"}, headers=evil)),
        ("413", writable.post("/api/articles", json={"text": "x" * 9000},
                              headers={**evil, **AUTH})),
    ]  # fmt: skip
    for what, r in requests:
        _check_headers(r, what)
    assert re.match(r"text/html", requests[0][1].headers["content-type"])
