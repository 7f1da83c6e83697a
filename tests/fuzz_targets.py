"""Fuzz targets: each stage that reads untrusted input, run on one input, with the checks its
output must pass. Shared by tests/test_fuzz.py (hypothesis, in CI) and bench/fuzz.py (the
mutation fuzzer, 100,000+ inputs).

A target takes bytes and returns a short outcome ("ok", or the error code it refused the
input with). The project's own input errors (`EventwireError`) are the allowed way to refuse
an input; any other exception, or a failed check (AssertionError), is a crash.

The seeds are written for this project (the demo corpus, and the pages and feeds below).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from eventwire.errors import EventwireError, InputError
from eventwire.model import PLOVER_TYPES, AnalyzedDocument, Article

Target = Callable[[bytes], str]
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufeff]")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def demo_texts() -> list[str]:
    from eventwire.demo import demo_files

    return [p.read_text(encoding="utf-8") for p in demo_files()]


def html_page(text: str, title: str = "World news") -> str:
    """A news page around a text: head, navigation, the article, related links, footer."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in text.split("\n\n")[1:] if p.strip())
    headline = text.split("\n", 1)[0]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Daily Wire</title>
<meta property="article:published_time" content="2025-03-11T08:00:00Z">
<script>var tracker = {{"id": 12}};</script><style>p {{ margin: 0 }}</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>{headline}</h1><div class="byline">By Ana Ruiz</div>
{paragraphs}
</article>
<aside><h2>Related</h2><ul><li><a href="/a">Talks resume</a></li></ul></aside>
<footer>&copy; 2025 The Daily Wire. All rights reserved.</footer></body></html>
"""


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World</title><link>https://news.example/</link>
<item><title>Talks resume in Doha</title><link>https://news.example/doha</link>
<guid isPermaLink="false">doha-1</guid></item>
<item><title>Sanctions widened</title><guid>https://news.example/sanctions</guid></item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>World</title>
<entry><title>Floods in Nigeria</title><link rel="alternate" href="https://news.example/floods"/>
<link rel="enclosure" href="https://news.example/floods.jpg"/></entry>
<entry><title>Drills</title><link href="https://news.example/drills"/></entry>
</feed>
"""


def jsonl_line(text: str, n: int) -> str:
    record = {"id": n, "title": text.split("\n", 1)[0], "text": text, "published": "2025-03-11"}
    return json.dumps(record, ensure_ascii=n % 2 == 0)


def seeds() -> dict[str, list[bytes]]:
    """Seed inputs per target."""
    texts = demo_texts()
    pages = [html_page(t) for t in texts]
    return {
        "text": [t.encode() for t in texts],
        "decode": [t.encode() for t in texts] + [p.encode() for p in pages[:4]],
        "html": [p.encode() for p in pages],
        "feed": [RSS.encode(), ATOM.encode()],
        "jsonl": [jsonl_line(t, n).encode() for n, t in enumerate(texts)],
        "analyze": [t.encode() for t in texts],
    }


# -- checks ------------------------------------------------------------------------------


def check_article(article: Article) -> None:
    """What every cleaned article satisfies: a body, no invisible characters, an id."""
    text = article.text
    assert text and text == text.strip(), "empty or unstripped body"
    assert "\r" not in text and not _CONTROLS.search(text), "control characters in the body"
    assert "\n\n\n" not in text, "paragraphs not separated by exactly one blank line"
    assert all(p.strip() for p in text.split("\n\n")), "empty paragraph"
    assert len(article.id) == 64
    assert article.published is None or _DATE.fullmatch(article.published), article.published
    for value in (article.title, article.author, article.dateline):  # printed by the CLI
        assert value is None or (isinstance(value, str) and not _CONTROLS.search(value)), value
    assert all(isinstance(value, str) for value in article.removed)
    json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")


def _span(text: str, piece: str | None, start: int | None, end: int | None, what: str) -> None:
    if piece is None and start is None:
        return
    assert start is not None and end is not None and 0 <= start <= end <= len(text), what
    assert text[start:end] == piece, f"{what}: {piece!r} is not text[{start}:{end}]"


def check_document(doc: AnalyzedDocument) -> None:
    """The eventwire/1 contract: every offset points at its text, every id is defined."""
    check_article(doc.article)
    text = doc.article.text
    actors = {a.id for a in doc.actors}
    places = {p.id for p in doc.places}
    assert len(actors) == len(doc.actors) and len(places) == len(doc.places), "duplicate ids"
    for owner in [*doc.actors, *doc.places]:
        assert owner.name, f"{owner.id} has no name"
        for m in owner.mentions:
            _span(text, m.text, m.start, m.end, f"mention of {owner.id}")
    for q in doc.quotes:
        _span(text, q.text, q.start, q.end, "quote")
        assert q.speaker is None or q.speaker in actors, f"quote speaker {q.speaker}"
    for ev in doc.events:
        assert ev.type in PLOVER_TYPES, ev.type
        assert 0.0 <= ev.confidence <= 1.0, ev.confidence
        assert ev.date is None or _DATE.fullmatch(ev.date), ev.date
        assert set(ev.source) <= actors and set(ev.target) <= actors, f"{ev.id} actors"
        assert ev.location is None or ev.location in places, f"{ev.id} place"
        for e in [ev.evidence, *ev.mentions]:
            _span(text, e.sentence, e.start, e.end, f"{ev.id} evidence")
            _span(text, e.trigger, e.trigger_start, e.trigger_end, f"{ev.id} trigger")
    for f in doc.facts:
        _span(text, f.evidence.sentence, f.evidence.start, f.evidence.end, "fact evidence")
        assert f.subject is None or f.subject in actors, f"fact subject {f.subject}"
    data = doc.to_dict()
    json.dumps(data, ensure_ascii=False).encode("utf-8")
    assert AnalyzedDocument.from_dict(data) == doc, "to_dict/from_dict round trip"


# -- targets -----------------------------------------------------------------------------


def _text(data: bytes) -> str:
    # surrogateescape keeps every byte: invalid UTF-8 becomes lone surrogates, which the
    # stages must refuse (E014) rather than crash on
    return data.decode("utf-8", "surrogateescape")


def run_text(data: bytes) -> str:
    from eventwire.ingest.text import article_from_text

    check_article(article_from_text(_text(data), source="fuzz"))
    return "ok"


def run_decode(data: bytes) -> str:
    from eventwire.ingest.sources import article_from_bytes

    check_article(article_from_bytes(data, "fuzz"))
    return "ok"


def run_html(data: bytes) -> str:
    from eventwire.ingest.html import article_from_html

    check_article(article_from_html(_text(data), source="fuzz"))
    return "ok"


def run_feed(data: bytes) -> str:
    from eventwire.ingest.sources import feed_links, is_url

    links = feed_links(data)
    assert all(isinstance(u, str) and is_url(u) for u in links), links
    assert len(links) == len(set(links)), "duplicate links"
    return "ok"


def run_jsonl(data: bytes) -> str:
    from eventwire.scale.jsonl import parse_line

    check_article(parse_line(data, "fuzz:1"))
    return "ok"


def run_analyze(data: bytes) -> str:
    import eventwire

    check_document(eventwire.analyze(_text(data), published="2025-03-11"))
    return "ok"


TARGETS: dict[str, Target] = {
    "text": run_text,
    "decode": run_decode,
    "html": run_html,
    "feed": run_feed,
    "jsonl": run_jsonl,
    "analyze": run_analyze,
}


def outcome(target: Target, data: bytes) -> str:
    """Run a target: its outcome, or the error code it refused the input with. Anything
    else propagates: that is a crash."""
    try:
        return target(data)
    except InputError as err:
        return err.code
    except EventwireError:
        return "refused"


def describe(exc: BaseException) -> str:
    """A crash's signature: exception type, message's first line, innermost frame."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno}" if frames else "?"
    message = (str(exc).splitlines() or [""])[0][:120]
    return f"{type(exc).__name__} at {where}: {message}"
