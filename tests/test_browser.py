"""The explorer page in a real browser (Debian chromium driven by Playwright).

A uvicorn server on 127.0.0.1 and a free port serves a temp store: the demo corpus run
through the real pipeline (hand-built records when the pipeline is not importable) plus one
article whose text carries markup that would run if it were ever rendered as HTML.
"""

from __future__ import annotations

import csv
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from eventwire.store import Store
from tests.test_api_records import IMG, SCRIPT, kosovo_doc, malicious_doc, serbia_doc

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} missing: `apt-get install -y chromium` to run the browser tests",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (PyPI) not installed")


def _fill(path: Path) -> str:
    """Store the demo corpus (or hand-built records) and the malicious article."""
    with Store(path) as store:
        try:
            from eventwire.analysis import analyze
            from eventwire.demo import demo_files, demo_published
            from eventwire.ingest import read_article
        except ImportError:
            source = "hand-built records"
            for doc in (kosovo_doc(), serbia_doc()):
                store.save(doc)
        else:
            source = "demo corpus"
            published = demo_published()
            for f in demo_files():
                store.save(analyze(read_article(str(f), published=published.get(f.name))))
        store.save(malicious_doc())
    return source


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _serve(path: Path) -> Iterator[str]:
    """uvicorn serving the store at `path` on 127.0.0.1 and a free port."""
    import uvicorn

    from eventwire.api import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("browser") / "events.duckdb"
    _fill(path)
    with _serve(path) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _new_page(browser: Any, url: str, width: int = 1400, height: int = 1100) -> Any:
    pg = browser.new_page(viewport={"width": width, "height": height})
    pg.problems = []  # console errors (CSP violations included) and uncaught exceptions
    pg.on("pageerror", lambda e: pg.problems.append(f"pageerror: {e}"))
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(m.text))
    pg.on("response", lambda r: r.status >= 400 and pg.problems.append(f"{r.status} {r.url}"))
    pg.goto(url)
    pg.wait_for_selector("body[data-state=ready]", timeout=20_000)
    return pg


@pytest.fixture(scope="module")
def page(browser: Any, base_url: str) -> Iterator[Any]:
    pg = _new_page(browser, base_url + "/")
    yield pg
    pg.close()


def _submit(page: Any) -> None:
    with page.expect_response(lambda r: "/api/events" in r.url):
        page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-state=ready]")


def _rows(page: Any) -> list[list[str]]:
    return page.eval_on_selector_all(
        "#events tbody tr", "trs => trs.map(tr => [...tr.cells].map(td => td.textContent))"
    )


def test_explorer_end_to_end(page: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    all_rows = _rows(page)
    assert len(all_rows) >= 2
    assert page.locator("#map path.country").count() > 100
    coloured = page.eval_on_selector_all(
        "#map path.country", "ps => ps.filter(p => p.style.fill).map(p => p.dataset.name)"
    )
    assert coloured, "no country coloured on the map"
    assert page.locator("#network g.node").count() >= 2
    assert page.locator("#timeline rect").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "explorer-all-events.png"), full_page=True)

    # a type filter narrows the table to that type
    types = sorted({r[1] for r in all_rows})
    page.select_option("#f-type", types[0])
    _submit(page)
    narrowed = _rows(page)
    assert narrowed and {r[1] for r in narrowed} == {types[0]}
    assert len(narrowed) < len(all_rows) or len(types) == 1
    page.select_option("#f-type", "")

    # an actor filter: every row names the actor as source or target
    actor = page.locator("#network g.node text").first.text_content()
    page.fill("#f-actor", actor)
    _submit(page)
    by_actor = _rows(page)
    assert by_actor and all(actor in r[2] or actor in r[3] for r in by_actor)
    page.screenshot(path=str(ARTIFACTS / "explorer-one-actor.png"), full_page=True)
    page.click("#f-clear")
    page.wait_for_selector("body[data-state=ready]")

    # a bad filter value shows the API's message instead of a stale table
    page.fill("#f-since", "2025-13")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-state=error]")
    assert "since" in page.locator("#event-count").text_content()
    # the 422 and its console line are expected; under load the console line can arrive
    # after the page shows the error, so wait for both before forgetting them
    for _ in range(50):
        if sum("422" in p for p in page.problems) >= 2:
            break
        page.wait_for_timeout(100)
    page.problems.clear()
    page.click("#f-clear")
    page.wait_for_selector("body[data-state=ready]")

    # clicking a row opens its article with highlighted spans
    page.locator("#events tbody tr").first.click()
    page.wait_for_selector("#article-panel:not([hidden])")
    page.wait_for_selector("#article-text span.evidence")
    assert page.locator("#article-text span.actor").count() >= 1
    page.click("#article-close")
    assert not page.locator("#article-panel").is_visible()
    assert page.problems == []


def test_article_markup_is_shown_as_text(page: Any) -> None:
    page.wait_for_selector("body[data-state=ready]")
    row = page.locator("#events tbody tr", has_text="window.__pwned")
    assert row.count() == 1
    assert SCRIPT in row.text_content()
    row.click()
    page.wait_for_selector("#article-panel:not([hidden])")
    page.wait_for_selector("#article-text span.evidence")
    text = page.locator("#article-text").text_content()
    assert SCRIPT in text and IMG in text
    assert SCRIPT in page.locator("#article-title").text_content()
    assert page.locator("main script, main img").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.problems == []


# -- issue 13: an explorer that tells the truth -------------------------------------------------


def _api(page: Any, path: str, **params: Any) -> Any:
    r = page.request.get(page.url.split("/?")[0].rstrip("/") + path, params=params)
    assert r.ok, r.text()
    return r.json()


def _open(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-state=ready]", timeout=20_000)


def _coloured(page: Any) -> dict[str, int]:
    return dict(page.eval_on_selector_all(
        "#map path.country",
        "ps => ps.filter(p => p.style.fill).map(p => [p.dataset.name, +p.dataset.count])",
    ))  # fmt: skip


def test_map_counts_event_locations_by_default_with_a_legend(page: Any, base_url: str) -> None:
    _open(page, base_url + "/")
    located = _api(page, "/api/places")
    assert located["by"] == "location"
    shaded = _coloured(page)
    assert shaded and sum(shaded.values()) <= sum(c["count"] for c in located["countries"])
    by_name = {c["name"]: c["count"] for c in located["countries"]}
    assert all(by_name.get(name, count) == count for name, count in shaded.items())
    # the USA is an actor in the demo corpus (the Korea drills) but no event took place there
    assert "United States of America" not in shaded
    legend = page.locator("#map-legend").text_content()
    assert "events located there" in legend
    assert f"{located['unplaced']} events without a place" in legend
    page.check("#map-mode input[value=actor]")
    sync_api.expect(page.locator("#map-legend")).to_contain_text("an actor of the country")
    assert "map=actor" in page.url
    assert "United States of America" in _coloured(page)
    page.screenshot(path=str(ARTIFACTS / "explorer-map-by-actor.png"))
    assert page.problems == []


def _months(first: str, last: str) -> list[str]:
    out, (y, m) = [], (int(first[:4]), int(first[5:7]))
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def test_timeline_has_every_month_integer_ticks_and_says_what_is_undated(
    page: Any, base_url: str
) -> None:
    _open(page, base_url + "/")
    api = _api(page, "/api/timeline")
    periods = sorted({r["period"][:7] for r in api["rows"]})
    shown = page.get_attribute("#timeline", "data-periods").split()
    assert shown == _months(periods[0], periods[-1]) and len(shown) > len(periods)  # gaps shown
    bars = page.eval_on_selector_all(
        "#timeline rect", "rs => rs.map(r => [r.dataset.period, r.dataset.type, +r.dataset.count])"
    )
    assert sorted(map(tuple, bars)) == sorted(
        (r["period"][:7], r["type"], r["count"]) for r in api["rows"]
    )
    ticks = page.eval_on_selector_all("#timeline .axis.y text", "ts => ts.map(t => t.textContent)")
    assert ticks and all(t.isdigit() for t in ticks)
    note = page.locator("#timeline-note").text_content()
    assert f"{api['undated']} undated events" in note
    assert f"{api['less_precise']} events dated only to the year" in note


def test_network_is_directed_with_distinct_family_colours_and_a_dyad_table(
    page: Any, base_url: str
) -> None:
    _open(page, base_url + "/")
    edges = page.locator("#network path.edge")
    assert edges.count() >= 5
    markers = page.eval_on_selector_all(
        "#network path.edge", "es => es.map(e => e.getAttribute('marker-end'))"
    )
    assert all(m and page.locator(f"#network marker#{m[5:-1]}").count() == 1 for m in markers)
    colours = page.evaluate("Object.fromEntries(types.map(t => [t.type, color(t.type)]))")
    assert len(set(colours.values())) == 16 and colours["AID"] != colours["ASSAULT"]
    hues = page.evaluate(
        "Object.fromEntries(types.map(t => [t.type, [t.quad, d3.hsl(color(t.type)).h]]))"
    )
    bands = {"verbal cooperation": (70, 170), "material cooperation": (180, 260),
             "verbal conflict": (10, 45), "material conflict": (280, 360)}  # fmt: skip
    for name, (family, hue) in hues.items():
        low, high = bands[family]
        assert low <= hue <= high, (name, family, hue)
    # every label inside the drawing, none cut at an edge
    box = page.locator("#network").bounding_box()
    for label in page.locator("#network g.node text").all():
        b = label.bounding_box()
        assert b["x"] >= box["x"] - 1 and b["x"] + b["width"] <= box["x"] + box["width"] + 1
        assert b["y"] >= box["y"] - 1 and b["y"] + b["height"] <= box["y"] + box["height"] + 1
    net = _api(page, "/api/network")
    pairs: dict[str, int] = {}
    for e in net["edges"]:
        pair = f"{e['source']} → {e['target']}"
        pairs[pair] = pairs.get(pair, 0) + e["weight"]
    rows = page.eval_on_selector_all(
        "#dyad-table tbody tr",
        "trs => trs.map(tr => [tr.cells[0].textContent, +tr.cells[1].textContent])",
    )
    assert dict(rows) == pairs
    page.screenshot(path=str(ARTIFACTS / "explorer-network.png"))
    # a dyad row opens the dyad over time
    page.locator("#dyad-table tbody tr", has_text="Pakistani warplanes → Afghanistan").click()
    page.wait_for_selector("#dyad-chart rect.cell")
    assert "a=Pakistani+warplanes" in page.url and "b=Afghanistan" in page.url
    assert page.problems == []


def _keys(page: Any) -> list[str]:
    """(article, event) of each table row: what makes a row one event."""
    return page.eval_on_selector_all(
        "#events tbody tr", "trs => trs.map(tr => tr.dataset.article + '/' + tr.dataset.event)"
    )


def test_event_list_pages_and_sorts(page: Any, base_url: str) -> None:
    _open(page, base_url + "/")
    total = _api(page, "/api/events")["total"]
    assert total > 25
    info = page.locator("#page-info")
    assert info.text_content() == f"showing 1–25 of {total}"
    first = _keys(page)
    page.click("#page-next")
    sync_api.expect(info).to_have_text(f"showing 26–{min(50, total)} of {total}")
    assert "offset=25" in page.url
    second = _keys(page)
    assert len(first) + len(second) == min(50, total) and not set(first) & set(second)
    header = page.locator("#events th[data-sort=confidence]")
    header.click()
    sync_api.expect(header).to_have_attribute("aria-sort", "ascending")
    sync_api.expect(info).to_have_text(f"showing 1–25 of {total}")
    values = [float(r[5]) for r in _rows(page)]
    assert values == sorted(values)
    header.click()
    sync_api.expect(header).to_have_attribute("aria-sort", "descending")
    values = [float(r[5]) for r in _rows(page)]
    assert values == sorted(values, reverse=True) and "sort=-confidence" in page.url
    assert page.problems == []


def test_csv_download_is_the_current_filter(page: Any, base_url: str) -> None:
    _open(page, base_url + "/?type=ASSAULT")
    total = _api(page, "/api/events", type="ASSAULT")["total"]
    assert total >= 2
    with page.expect_download() as download:
        page.click("#csv-link")
    path = download.value.path()
    rows = list(csv.DictReader(Path(path).read_text("utf-8").splitlines()))
    assert len(rows) == total and {r["plover_type"] for r in rows} == {"ASSAULT"}
    assert download.value.suggested_filename == "events.csv"


def test_filters_live_in_the_url(browser: Any, page: Any, base_url: str) -> None:
    _open(page, base_url + "/")
    page.fill("#f-country", "Belarus")
    page.select_option("#f-type", "SANCTION")
    _submit(page)
    assert "country=Belarus" in page.url and "type=SANCTION" in page.url
    rows = _rows(page)
    assert rows and {r[1] for r in rows} == {"SANCTION"}
    # the same URL in a fresh page shows the same view, its form filled in
    fresh = _new_page(browser, page.url)
    assert fresh.input_value("#f-country") == "Belarus"
    assert fresh.input_value("#f-type") == "SANCTION"
    assert _rows(fresh) == rows
    fresh.close()


def test_country_filter_takes_a_name_or_a_code(page: Any, base_url: str) -> None:
    _open(page, base_url + "/?country=BLR")
    by_code = _rows(page)
    _open(page, base_url + "/?country=belarus")
    assert by_code and _rows(page) == by_code
    page.fill("#f-country", "Narnia")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-state=error]")
    assert "E064" in page.locator("#event-count").text_content()
    for _ in range(50):  # the expected 422 and its console line, then forget them
        if sum("422" in p for p in page.problems) >= 2:
            break
        page.wait_for_timeout(100)
    page.problems.clear()


def test_article_view_scrolls_to_the_event_and_marks_its_trigger(
    page: Any, base_url: str
) -> None:
    _open(page, base_url + "/?sort=-date")
    # an event far into its article: the last event of the longest article in the table
    rows = page.eval_on_selector_all(
        "#events tbody tr", "trs => trs.map((tr, i) => [i, tr.dataset.event])"
    )
    index = max(rows, key=lambda r: int(r[1][1:]))[0]
    row = page.locator("#events tbody tr").nth(index)
    event = _api(page, "/api/events", sort="-date", limit=25)["rows"][index]
    detail = _api(page, f"/api/events/{event['id']}")
    trigger = detail["reports"][0]["evidence"]["trigger"]
    row.click()
    page.wait_for_selector("#article-panel:not([hidden])")
    marked = page.locator("#article-text .current-trigger")
    page.wait_for_selector("#article-text .current-trigger")
    assert "".join(marked.all_text_contents()) == trigger
    assert page.locator("#article-text .current").first.text_content() in event["evidence"]
    box = marked.first.bounding_box()
    assert box is not None and 0 <= box["y"] <= page.viewport_size["height"]  # scrolled to it
    page.screenshot(path=str(ARTIFACTS / "explorer-article-trigger.png"))
    page.click("#article-close")


def test_usable_at_phone_width(browser: Any, base_url: str) -> None:
    phone = _new_page(browser, base_url + "/", width=390, height=844)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways: {width}px"
    for selector in ("#filters input", "#filters select", "#filters button", "main section"):
        for element in phone.locator(f"{selector}:visible").all():
            b = element.bounding_box()
            assert b is not None and b["x"] >= 0 and b["x"] + b["width"] <= 390, selector
    assert phone.locator("#map path.country").count() > 100
    phone.fill("#f-actor", "Guyana")
    _submit(phone)
    assert _rows(phone) and all("Guyana" in r[2] or "Guyana" in r[3] for r in _rows(phone))
    phone.screenshot(path=str(ARTIFACTS / "explorer-390px.png"), full_page=True)
    assert phone.problems == []
    phone.close()


def _chart_matches_api(page: Any, body: dict[str, Any]) -> None:
    cells = page.eval_on_selector_all(
        "#dyad-chart rect.cell",
        "rs => rs.map(r => [r.dataset.period, r.dataset.direction, +r.dataset.quad,"
        " +r.dataset.events])",
    )
    assert sorted(map(tuple, cells)) == sorted(
        (r["period"], r["direction"], r["quad_class"], r["events"]) for r in body["rows"]
    )
    listed = page.eval_on_selector_all(
        "#dyad-events tbody tr", "trs => trs.map(tr => tr.cells[4].firstChild.textContent)"
    )
    assert listed == [e["evidence"] for e in body["events"]]
    note = page.locator("#dyad-note").text_content()
    gone = body["not_in_periods"]
    assert f"{gone['undated']} undated, {gone['less_precise']} dated less precisely" in note
    assert f"{gone['not_counted']} not counted" in note


def test_dyad_chart_of_the_demo_corpus(page: Any, base_url: str) -> None:
    _open(page, base_url + "/?a=Pakistan&b=Afghanistan")
    page.wait_for_selector("#dyad-chart rect.cell")
    body = _api(page, "/api/dyads", a="Pakistan", b="Afghanistan")
    assert {r["direction"] for r in body["rows"]} == {"a_to_b", "b_to_a"}  # both ways
    _chart_matches_api(page, body)
    shot = ARTIFACTS / "dyad-demo-pakistan-afghanistan.png"
    page.locator("#dyad-panel").screenshot(path=str(shot))
    assert page.problems == []


@pytest.fixture(scope="module")
def seed_url(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from eventwire.analysis import analyze
    from eventwire.ingest import read_article

    path = tmp_path_factory.mktemp("seed") / "events.duckdb"
    with Store(path) as store:
        store.save(analyze(read_article(str(shared_data / "seed" / "nato-kosovo.txt"))))
    with _serve(path) as url:
        yield url


def test_dyad_chart_of_the_reference_article(browser: Any, seed_url: str) -> None:
    pg = _new_page(browser, seed_url + "/?a=Kosovo&b=Serbia&by=year")
    pg.wait_for_selector("#dyad-chart rect.cell")
    body = _api(pg, "/api/dyads", a="Kosovo", b="Serbia", granularity="year")
    assert body["rows"] and body["events_total"] >= 2
    _chart_matches_api(pg, body)
    pg.locator("#dyad-panel").screenshot(path=str(ARTIFACTS / "dyad-seed-kosovo-serbia.png"))
    # by month nothing of the article fits a month (it states no publication date): said so
    pg.select_option("#d-by", "month")
    pg.click("#dyad-form button[type=submit]")
    pg.wait_for_url(lambda url: "by=year" not in url)
    pg.wait_for_selector("#dyad-chart[data-granularity=month]")
    _chart_matches_api(pg, _api(pg, "/api/dyads", a="Kosovo", b="Serbia"))
    assert pg.problems == []
    pg.close()


def test_dyad_evidence_is_shown_as_text(page: Any, base_url: str) -> None:
    _open(page, base_url + "/?a=Germany&b=Ukraine")
    page.wait_for_selector("#dyad-events tbody tr")
    assert SCRIPT in page.locator("#dyad-events").text_content()
    assert page.locator("main script, main img").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
