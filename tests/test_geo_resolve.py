from __future__ import annotations

import pytest

from eventwire.geo.gazetteer import Gazetteer, get_gazetteer
from eventwire.geo.locate import Context, demonym_place, geoparse, resolve_loose, resolve_name


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [
        ("Tamil Nadu", "admin", "IND"),
        ("Karnataka", "admin", "IND"),
        ("Sichuan", "admin", "CHN"),
        ("Limpopo", "admin", "ZAF"),
        ("New South Wales", "admin", "AUS"),
        ("B.C.", "admin", "CAN"),
        ("Kent", "admin", "GBR"),  # the county, not Kent, Ohio
    ],
)
def test_first_level_divisions(gaz: Gazetteer, name: str, kind: str, country: str) -> None:
    entry = resolve_name(name, gaz=gaz)
    assert entry is not None and entry.kind == kind and entry.country == country


def test_historic_names_and_bodies(gaz: Gazetteer) -> None:
    soviet = resolve_name("Soviet Union", gaz=gaz)
    assert soviet is not None and soviet.country == "RUS"
    byz = resolve_name("Constantinople", gaz=gaz)
    assert byz is not None and byz.country == "TUR"
    eu = resolve_name("EU", gaz=gaz)
    assert eu is not None and eu.kind == "region" and eu.name == "Europe"


def test_sites_beat_small_namesake_towns(gaz: Gazetteer) -> None:
    house = resolve_name("White House", gaz=gaz)
    assert house is not None and house.kind == "other" and house.country == "USA"
    ocean = resolve_name("Atlantic", Context(countries={"USA"}), gaz)
    assert ocean is not None and ocean.kind == "other"


def test_loose_resolution(gaz: Gazetteer) -> None:
    benue = resolve_loose("Benue State", gaz=gaz)
    assert benue is not None and benue.country == "NGA"
    uc = resolve_loose("University of California", gaz=gaz)
    assert uc is not None and uc.kind == "admin" and uc.admin1 == "CA"
    cup = resolve_loose("Dubai World Cup", gaz=gaz)
    assert cup is not None and cup.country == "ARE"
    county = resolve_loose("Orange County", Context(admins={("USA", "CA")}), gaz)
    assert county is not None and county.admin1 == "CA"
    # a hamlet inside a longer name is no answer
    assert resolve_loose("Cloverhill District Court", gaz=gaz) is None


def test_demonyms_only_on_request(gaz: Gazetteer) -> None:
    canada = demonym_place("Canadian", gaz)
    assert canada is not None and canada.country == "CAN"
    entry = resolve_loose("Canadian", gaz=gaz, demonyms=True)
    assert entry is not None and entry.kind == "country"


def test_a_list_of_cities_is_no_city_region_pattern(nlp) -> None:
    text = "Trains now run to Amsterdam and Brussels. After Paris, London is the next stop."
    places = {p.name: p for p in geoparse(nlp(text))}
    assert places["London"].country == "GBR"
    assert places["Paris"].country == "FRA"


def test_bodies_resolve_but_are_never_places(nlp) -> None:
    places = geoparse(nlp("The European Union and Serbia signed the deal in Brussels."))
    names = {p.name for p in places}
    assert "European Union" not in names and {"Serbia", "Brussels"} <= names
