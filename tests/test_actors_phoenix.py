"""The Phoenix dictionary converter, on small dictionaries written here in its format."""

from __future__ import annotations

from pathlib import Path

from eventwire.actors.phoenix import convert, display, parse_code, strip_titles, words
from eventwire.datafiles import tsv_records  # noqa: F401  (the reader the KB uses)

COUNTRIES = """# a comment line
ZEMBLA_  [ZMB]
+ZEMBLAN_
+ONHAVA_
+NORTH_ZEMBLA_

KARL_ODINSSON_  # CountryInfo.txt
+PRESIDENT_KARL_ODINSSON
+RUSSIAN_PRESIDENT_KARL_ODINSSON
+ODINSSON_ADMINISTRATION
+ODINSSON
\t[ZMBELI 550101-950101]
\t[ZMBGOV 950101-050630]
\t[ZMBELI]
ZEMBLAN_ROYAL_GUARD
\t[ZMBMIL >20010101]
"""
INTERNATIONAL = """ACME_HOLDINGS_\t[MNCUSA]\t# a company
LEAGUE_OF_ISLANDS_\t[IGOISL] # a body
+LOI
IRMA_VALE_\t[ZMBGOV 980101-991231] [IGOISL >000101]
"""
NONSTATE = """NORTHERN_LIBERATION_FRONT_(NLF)_ [ZMBREB] # a group
+NORTH_FRONT_
"""
AGENTS = """!PERSON! = MAN, WOMAN
POLICE!PERSON! [~COP]
MINISTER [~GOV]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
"""


def _source(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    for name, text in [
        ("Phoenix.Countries.actors.txt", COUNTRIES),
        ("Phoenix.International.actors.txt", INTERNATIONAL),
        ("Phoenix.MilNonState.actors.txt", NONSTATE),
        ("Phoenix.agents.txt", AGENTS),
        ("LICENSE", "The MIT License (MIT)\nCopyright (c) 2014 Open Event Data\n"),
    ]:
        (src / name).write_text(text, encoding="utf-8")
    return src


def _rows(path: Path) -> list[dict[str, str]]:
    lines = [x for x in path.read_text("utf-8").splitlines() if x and not x.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, x.split("\t"), strict=True)) for x in lines[1:]]


def test_dated_codes_read_two_digit_years_as_petrarch_does() -> None:
    assert parse_code("FRAGOV 950517-070516") == "FRAGOV@1995-05-17..2007-05-16"
    assert parse_code("NLDGOV >110101") == "NLDGOV@2011-01-01.."
    assert parse_code("YUGKSV <920428") == "YUGKSV@..1992-04-28"
    assert parse_code("USAGOV 20090120-20170120") == "USAGOV@2009-01-20..2017-01-20"
    assert parse_code("KSV") == "KSV"
    assert parse_code("---") is None and parse_code("ABC 991399-000101") is None


def test_names_lose_titles_and_demonyms_and_read_in_title_case() -> None:
    assert strip_titles(words("ISRAELI_PRIME_MINISTER_BENJAMIN_X")) == ["BENJAMIN", "X"]
    assert strip_titles(words("UNITED_STATES_")) == ["UNITED", "STATES"]  # no title follows
    assert display(words("BASHAR_AL-ASSAD_")) == "Bashar al-Assad"
    assert display(words("MITCH_MCCONNELL")) == "Mitch McConnell"
    assert display(["UNHCR"], "organisation") == "UNHCR"


def test_convert_keeps_people_bodies_groups_and_provenance(tmp_path: Path) -> None:
    src, out = _source(tmp_path), tmp_path / "out"
    out.mkdir()
    counts = convert(src, out)
    rows = {r["name"]: r for r in _rows(out / "phoenix_actors.tsv")}
    assert counts["actors"] == len(rows)
    karl = rows["Karl Odinsson"]
    assert karl["kind"] == "person" and karl["dictionary"] == "countries"
    assert karl["codes"].split("|") == [
        "ZMBELI@1955-01-01..1995-01-01", "ZMBGOV@1995-01-01..2005-06-30", "ZMBELI",
    ]  # fmt: skip
    # titles stripped, the collective "administration" alias dropped, duplicates merged
    assert karl["aliases"].split("|") == ["Odinsson"]
    assert rows["Zemblan Royal Guard"]["kind"] == "organisation"
    assert rows["Northern Liberation Front"]["aliases"] == "North Front"
    assert rows["Irma Vale"]["codes"] == "ZMBGOV@1998-01-01..1999-12-31|IGOISL@2000-01-01.."
    assert "Zembla" not in rows and "Acme Holdings" not in rows  # states, companies left out
    header = (out / "phoenix_actors.tsv").read_text("utf-8").splitlines()[:8]
    assert any("openeventdata/petrarch2" in line for line in header)
    assert any(line.startswith("# sha256 ") for line in header)
    assert "MIT" in (out / "PHOENIX_LICENSE").read_text("utf-8")
    agents = {r["noun"]: r for r in _rows(out / "phoenix_agents.tsv")}
    assert agents["policeman"]["code"] == "~COP" and agents["policeman"]["plural"] == ""
    assert agents["minister"]["plural"] == "ministers"
    assert agents["attorney general"]["plural"] == "attorneys general"
