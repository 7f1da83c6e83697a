"""The explorer page in a real browser (Debian chromium driven by Playwright).

A uvicorn server on 127.0.0.1 and a free port serves a temp store: the demo corpus run
through the real pipeline (hand-built records when the pipeline is not importable) plus one
article whose text carries markup that would run if it were ever rendered as HTML.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
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


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from eventwire.api import create_app

    path = tmp_path_factory.mktemp("browser") / "events.duckdb"
    _fill(path)
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
def page(base_url: str) -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 1100})
        pg.problems = []  # console errors (CSP violations included) and uncaught exceptions
        pg.on("pageerror", lambda e: pg.problems.append(f"pageerror: {e}"))
        pg.on("console", lambda m: m.type == "error" and pg.problems.append(m.text))
        pg.on("response", lambda r: r.status >= 400 and pg.problems.append(f"{r.status} {r.url}"))
        pg.goto(base_url + "/")
        pg.wait_for_selector("body[data-state=ready]", timeout=20_000)
        yield pg
        browser.close()


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
