from __future__ import annotations

import time
from pathlib import Path

import pytest

from eventwire.geo.gazetteer import Gazetteer, get_gazetteer, load_gazetteer, normalise


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def test_normalise_strips_article_diacritics_dots() -> None:
    assert normalise("The  Balkans") == "balkans"
    assert normalise("Priština") == "pristina"
    assert normalise("U.S.") == "us"
    assert normalise("Guinea-Bissau") == "guinea bissau"


def test_kosovo_is_a_country_with_coordinates(gaz: Gazetteer) -> None:
    countries = [e for e in gaz.lookup("Kosovo") if e.kind == "country"]
    assert len(countries) == 1
    kosovo = countries[0]
    assert kosovo.country == "XKX"
    assert kosovo.geonameid == 831053
    assert 41.5 < kosovo.lat < 43.5 and 20.0 < kosovo.lon < 21.8


def test_country_aliases_resolve_to_the_country(gaz: Gazetteer) -> None:
    for alias, iso3 in [("U.S.", "USA"), ("Britain", "GBR"), ("Burma", "MMR"), ("DRC", "COD")]:
        kinds = {(e.kind, e.country) for e in gaz.lookup(alias)}
        assert ("country", iso3) in kinds, alias


def test_diacritics_and_alternate_names(gaz: Gazetteer) -> None:
    assert any(e.country == "XKX" and e.kind == "city" for e in gaz.lookup("Priština"))
    assert any(e.country == "BRA" for e in gaz.lookup("Sao Paulo"))
    assert any(e.country == "BRA" for e in gaz.lookup("São Paulo"))


def test_regions_and_us_states(gaz: Gazetteer) -> None:
    wb = gaz.lookup("the Western Balkans")
    assert [e.kind for e in wb] == ["region"] and wb[0].country is None
    assert {e.country for e in gaz.lookup("Donbas")} == {"UKR"}
    texas = [e for e in gaz.lookup("Texas") if e.kind == "admin"]
    assert texas and texas[0].admin1 == "TX" and texas[0].lat is not None
    georgia = {e.kind for e in gaz.lookup("Georgia")}
    assert {"country", "admin"} <= georgia


def test_unknown_name_has_no_entry(gaz: Gazetteer) -> None:
    assert gaz.lookup("Zorblandia") == []
    assert "Zorblandia" not in gaz


def test_cache_round_trip(tmp_path: Path) -> None:
    built = load_gazetteer(tmp_path)
    files = list(tmp_path.glob("gazetteer-*.pkl"))
    assert len(files) == 1
    start = time.perf_counter()
    warm = load_gazetteer(tmp_path)
    assert time.perf_counter() - start < 5.0
    assert len(warm) == len(built)
    assert warm.index == built.index
    assert warm.lookup("Mosul") == built.lookup("Mosul")


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    load_gazetteer(tmp_path)
    (path,) = tmp_path.glob("gazetteer-*.pkl")
    path.write_bytes(b"not a pickle")
    again = load_gazetteer(tmp_path)
    assert again.lookup("Kosovo")
