from __future__ import annotations

from eventwire.geo.gazetteer import get_gazetteer
from eventwire.geo.locate import Context, demonym_place, geoparse, locate_events, resolve_loose
from eventwire.geo.score import location_matches
from eventwire.model import Event, Evidence, Place


def _by_name(places: list[Place], name: str) -> Place:
    return next(p for p in places if p.name == name)


def _event(text: str, sentence: str, trigger: str, etype: str = "ASSAULT") -> Event:
    s = text.index(sentence)
    t = text.index(trigger, s)
    ev = Evidence(sentence, s, s + len(sentence), trigger, t, t + len(trigger))
    return Event(id="e1", type=etype, evidence=ev)


def test_more_demonyms_name_their_country_or_region() -> None:
    gaz = get_gazetteer()
    for word, country in [("Azerbaijani", "AZE"), ("Jamaican", "JAM"), ("Omani", "OMN")]:
        entry = demonym_place(word, gaz)
        assert entry is not None and entry.kind == "country" and entry.country == country
    sicily = demonym_place("Sicilian", gaz)
    assert sicily is not None and sicily.country == "ITA"


def test_ambiguous_abbreviation_needs_the_country_in_context() -> None:
    alone = resolve_loose("SA")
    assert alone is None or alone.country != "ZAF"
    entry = resolve_loose("SA", Context(countries={"ZAF"}))
    assert entry is not None and entry.kind == "country" and entry.country == "ZAF"


def test_big_city_beats_a_small_namesake_in_its_state(nlp) -> None:
    text = "Fans drove from Columbus, Ohio, to watch the team beat Louisville on Friday."
    louisville = _by_name(geoparse(nlp(text)), "Louisville")
    assert louisville.country == "USA" and louisville.lon is not None
    assert -86.5 < louisville.lon < -85.0  # Kentucky, not the Ohio village


def test_name_listed_with_states_is_a_state(nlp) -> None:
    text = "Tech firms are moving jobs to Texas from states such as California or Washington."
    washington = _by_name(geoparse(nlp(text)), "Washington")
    assert washington.kind == "admin" and washington.lat is not None and washington.lat > 45


def test_location_through_city_of_and_nearest_locative(nlp) -> None:
    text = "The reporter died in the city of Aden on Tuesday after being shot in his car."
    doc = nlp(text)
    places = geoparse(doc)
    event = _event(text, text, "shot")
    locate_events([event], doc, places)
    assert event.location == _by_name(places, "Aden").id

    text = "He was killed last year in the consulate in Istanbul, officials said."
    doc = nlp(text)
    places = geoparse(doc)
    event = _event(text, text, "killed")
    locate_events([event], doc, places)
    assert event.location == _by_name(places, "Istanbul").id


def test_location_matches_compares_place_names() -> None:
    pred = {
        "places": [{"id": "p1", "name": "Baghdad", "mentions": [{"text": "Baghdad"}]}],
        "events": [
            {
                "type": "PROTEST",
                "location": "p1",
                "evidence": {"sentence": "Crowds marched in Baghdad."},
            }
        ],
    }
    gold = {
        "events": [
            {"type": "PROTEST", "location": "Baghdad", "evidence": "Crowds marched in Baghdad."},
            {"type": "ASSAULT", "location": "Mosul", "evidence": "A rocket hit a base."},
            {"type": "PROTEST", "location": None, "evidence": "Other."},
        ]
    }
    rows = location_matches(pred, gold)
    assert [(r["matched"], r["correct"]) for r in rows] == [(True, True), (False, False)]


def test_arabic_article_dropped_and_bodies_resolve_only_when_asked(nlp) -> None:
    qamishli = resolve_loose("Qamishli")
    assert qamishli is not None and qamishli.country == "SYR"
    congress = resolve_loose("Congress")
    assert congress is not None and congress.kind == "other" and congress.country == "USA"
    places = geoparse(nlp("Congress passed the bill in Washington on Friday."))
    assert "Congress" not in {p.name for p in places}


def test_small_town_inside_a_longer_name_needs_context() -> None:
    assert resolve_loose("Kendale Lakes Elementary School") is None
    ctx = Context(points=[(25.76, -80.19)])  # Miami
    school = resolve_loose("Kendale Lakes Elementary School", ctx)
    assert school is not None and school.country == "USA"


def test_named_site_is_a_place_and_the_location_of_an_attack_on_it(nlp) -> None:
    text = "Two bombs struck the Jolo Cathedral in Mindanao on Sunday, the army said."
    doc = nlp(text)
    places = geoparse(doc)
    site = _by_name(places, "Jolo Cathedral")
    assert site.kind == "other" and site.country == "PHL"
    event = _event(text, text, "bombs")
    locate_events([event], doc, places)
    assert event.location == site.id


def test_noun_trigger_takes_the_locative_of_its_verb(nlp) -> None:
    text = "Anti-government protests continued in Baghdad on Friday."
    doc = nlp(text)
    places = geoparse(doc)
    event = _event(text, text, "protests", "PROTEST")
    locate_events([event], doc, places)
    assert event.location == _by_name(places, "Baghdad").id
