from __future__ import annotations

from eventwire.geo.locate import geoparse, locate_events
from eventwire.model import Event, Evidence, Place


def _by_name(places: list[Place], name: str) -> Place:
    return next(p for p in places if p.name == name)


def _event(text: str, sentence: str, trigger: str) -> Event:
    s = text.index(sentence)
    t = text.index(trigger, s)
    ev = Evidence(sentence, s, s + len(sentence), trigger, t, t + len(trigger))
    return Event(id="e1", type="CONSULT", evidence=ev)


def test_georgia_next_to_tbilisi_is_the_country(nlp) -> None:
    places = geoparse(nlp("Georgia's parliament met in Tbilisi on Monday to debate the law."))
    georgia = _by_name(places, "Georgia")
    assert georgia.kind == "country" and georgia.country == "GEO"
    assert _by_name(places, "Tbilisi").country == "GEO"


def test_georgia_next_to_atlanta_is_the_us_state(nlp) -> None:
    places = geoparse(nlp("The storm hit Atlanta and much of northern Georgia overnight."))
    georgia = _by_name(places, "Georgia")
    assert georgia.kind == "admin" and georgia.country == "USA"


def test_city_region_pattern(nlp) -> None:
    places = geoparse(nlp("She grew up in Paris, Texas, before moving to Dallas."))
    paris = _by_name(places, "Paris")
    assert paris.country == "USA" and paris.kind == "city"
    assert 33.0 < paris.lat < 34.5
    france = geoparse(nlp("The summit opened in Paris on Tuesday."))
    assert _by_name(france, "Paris").country == "FRA"


def test_country_name_never_resolves_to_a_city(nlp) -> None:
    places = geoparse(nlp("Officials in Mexico and Panama rejected the plan."))
    for name in ("Mexico", "Panama"):
        assert _by_name(places, name).kind == "country"


def test_unresolved_name_is_kept(nlp) -> None:
    places = geoparse(nlp("Rebels seized Zorblandia and Kenya condemned the attack."))
    names = [p.name for p in places]
    assert "Kenya" in names
    unknown = [p for p in places if p.geonameid is None and p.lat is None]
    assert unknown, names


def test_ids_mentions_and_order(nlp) -> None:
    text = "Troops left Iraq. Later, Iran and Iraq signed a deal."
    places = geoparse(nlp(text))
    assert [p.id for p in places] == [f"p{i}" for i in range(1, len(places) + 1)]
    iraq = _by_name(places, "Iraq")
    assert iraq.id == "p1" and len(iraq.mentions) == 2
    for m in iraq.mentions:
        assert text[m.start : m.end] == "Iraq"


def test_demonyms_are_not_places(nlp) -> None:
    places = geoparse(nlp("Serbian and Albanian officials met the French envoy."))
    assert not any(p.kind == "country" for p in places)


def test_event_located_in_city(nlp) -> None:
    text = "Police arrested six protesters in Baghdad on Friday. Iran denied it."
    doc = nlp(text)
    places = geoparse(doc)
    event = _event(text, "Police arrested six protesters in Baghdad on Friday.", "arrested")
    locate_events([event], doc, places)
    assert event.location == _by_name(places, "Baghdad").id


def test_event_visit_to_country(nlp) -> None:
    text = "The minister's visit to Moldova came after talks with Romania."
    doc = nlp(text)
    places = geoparse(doc)
    event = _event(text, text, "visit")
    locate_events([event], doc, places)
    assert event.location == _by_name(places, "Moldova").id


def test_event_without_locative_place_stays_unlocated(nlp) -> None:
    text = "Germany accused Russia of poisoning the activist."
    doc = nlp(text)
    places = geoparse(doc)
    event = _event(text, text, "accused")
    event.location = "p9"
    locate_events([event], doc, places)
    assert event.location is None
