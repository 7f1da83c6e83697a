from __future__ import annotations

from pathlib import Path

from eventwire.geo.locate import geoparse, locate_events
from eventwire.model import Event, Evidence


def _body(shared_data: Path) -> str:
    text = (shared_data / "seed" / "nato-kosovo.txt").read_text(encoding="utf-8")
    return text.split("\n0 comment")[0]  # the site junk after the body is not ours to parse


def test_seed_places_and_visit_location(shared_data: Path, nlp) -> None:
    text = _body(shared_data)
    doc = nlp(text)
    places = geoparse(doc)
    by_name = {p.name: p for p in places}
    kosovo = by_name["Kosovo"]
    assert kosovo.kind == "country" and kosovo.country == "XKX" and kosovo.lat is not None
    assert by_name["Serbia"].country == "SRB"
    assert by_name["Bosnia and Herzegovina"].country == "BIH"
    assert by_name["Western Balkans"].kind == "region"
    for p in places:
        for m in p.mentions:
            assert text[m.start : m.end] == m.text

    sentence = next(s.text for s in doc.sents if s.text.startswith("Rutte’s visit to Kosovo"))
    start = text.index(sentence)
    trig = text.index("visit", start)
    event = Event(
        id="e1",
        type="CONSULT",
        evidence=Evidence(sentence, start, start + len(sentence), "visit", trig, trig + 5),
    )
    locate_events([event], doc, places)
    assert event.location == kosovo.id
