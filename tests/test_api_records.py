"""Hand-built analysed documents for the API and browser tests (no spaCy needed; no tests here)."""

from __future__ import annotations

from eventwire.model import (
    Actor,
    AnalyzedDocument,
    Article,
    Event,
    Evidence,
    Mention,
    Place,
    Quote,
)

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
ALERT_SCRIPT = "<script>alert(1)</script>"
ALERT_IMG = "<img src=x onerror=alert(1)>"


def _span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    i = text.index(part, start)
    return i, i + len(part)


def _evidence(text: str, sentence: str, trigger: str) -> Evidence:
    s, e = _span(text, sentence)
    ts, te = _span(text, trigger, s)
    return Evidence(sentence, s, e, trigger, ts, te)


def _actor(
    text: str, id_: str, name: str, kind: str, code: str, *forms: str, country: str | None = None
) -> Actor:
    mentions = []
    for form in forms or (name,):
        s, e = _span(text, form)
        mentions.append(Mention(form, s, e))
    country = country or (code if kind == "state" else None)
    return Actor(id_, name, kind, country=country, code=code,
                 mentions=mentions)  # type: ignore[arg-type]  # fmt: skip


def kosovo_doc() -> AnalyzedDocument:
    s1 = "NATO Secretary General Mark Rutte called on Kosovo and Serbia to show flexibility."
    s2 = "NATO bombed Serbia in 1999."
    quote = "We need progress in the dialogue"
    text = f"{s1} {s2} Rutte said: \u201c{quote}.\u201d"
    q0, q1 = _span(text, quote)
    return AnalyzedDocument(
        Article(text, title="Rutte visits Pristina", published="2025-03-11",
                url="https://example.org/rutte"),
        actors=[
            _actor(text, "a1", "Mark Rutte", "person", "IGO", "Mark Rutte", "Rutte said"),
            _actor(text, "a2", "Kosovo", "state", "KSV", country="XKX"),
            _actor(text, "a3", "Serbia", "state", "SRB"),
            _actor(text, "a4", "NATO", "organisation", "IGO"),
        ],
        quotes=[Quote("a1", quote, q0, q1)],
        events=[
            Event("e1", "REQUEST", _evidence(text, s1, "called on"), ["a1"], ["a2", "a3"],
                  date="2025-03-11", location="p1", confidence=0.9, cameo="02"),
            Event("e2", "ASSAULT", _evidence(text, s2, "bombed"), ["a4"], ["a3"], date="1999",
                  historical=True, confidence=0.8, cameo="18", location="p2"),
        ],
        places=[
            Place("p1", "Pristina", "XKX", 786714, 42.67, 21.17, "city"),
            Place("p2", "Serbia", "SRB", 6290252, 44.0, 21.0, "country"),
        ],
    )  # fmt: skip


def serbia_doc() -> AnalyzedDocument:
    """Reports the same REQUEST as kosovo_doc (a second source) and a REJECT."""
    s1 = "Mark Rutte on Tuesday called on Kosovo and Serbia to compromise."
    s2 = "Serbia rejected the proposal from Kosovo."
    text = f"{s1} {s2}"
    return AnalyzedDocument(
        Article(text, title="Belgrade answers", published="2025-04-02"),
        actors=[
            _actor(text, "a1", "Mark Rutte", "person", "IGO"),
            _actor(text, "a2", "Kosovo", "state", "KSV", country="XKX"),
            _actor(text, "a3", "Serbia", "state", "SRB"),
        ],
        events=[
            Event("e1", "REQUEST", _evidence(text, s1, "called on"), ["a1"], ["a2", "a3"],
                  date="2025-03-11", confidence=0.7, location="p1"),
            Event("e2", "REJECT", _evidence(text, s2, "rejected"), ["a3"], ["a2"],
                  date="2025-04-02", confidence=0.6, location="p1"),
        ],
        places=[Place("p1", "Belgrade", "SRB", 792680, 44.8, 20.47, "city")],
    )  # fmt: skip


def malicious_doc(script: str = SCRIPT, img: str = IMG) -> AnalyzedDocument:
    s1 = f"Germany met Ukraine in Rzeszow to talk {script} about aid."
    text = f"{s1} Readers wrote {img} below."
    return AnalyzedDocument(
        Article(text, title=f"Talks {script}", published="2024-07-02"),
        actors=[
            _actor(text, "a1", "Germany", "state", "DEU"),
            _actor(text, "a2", "Ukraine", "state", "UKR"),
        ],
        events=[
            Event("e1", "CONSULT", _evidence(text, s1, "met"), ["a1"], ["a2"], date="2024-07",
                  location="p1", confidence=0.5),
        ],
        places=[Place("p1", "Rzeszow", "POL", 759734, 50.04, 22.0, "city")],
    )  # fmt: skip
