"""Integrity of the actor knowledge base (src/eventwire/actors/data/*.tsv)."""

from __future__ import annotations

import csv
from pathlib import Path

from eventwire.actors.kb import DATA, INTERNATIONAL_CODES, load_kb


def _rows(name: str) -> list[dict[str, str]]:
    with (Path(DATA) / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_country_rows_are_complete_and_unique() -> None:
    rows = _rows("countries.tsv")
    assert len(rows) >= 240
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    for r in rows:
        assert len(r["code"]) == 3 and r["code"].isupper(), r
        assert r["iso_numeric"].isdigit(), r  # Kosovo has none assigned: 0
        assert r["name"], r
    assert {"XKX", "SRB", "BIH", "USA", "PSE", "HKG"} <= set(codes)
    assert "KOS" not in codes  # ISO-style XKX; the CAMEO code KSV is in the cameo column
    assert {r["code"]: r["cameo"] for r in rows if r["cameo"]} == {"XKX": "KSV"}


def test_every_row_has_the_columns_of_its_header() -> None:
    for name in ("countries.tsv", "organisations.tsv", "groups.tsv", "roles.tsv", "regions.tsv",
                 "gender.tsv", "org_nouns.tsv", "non_actors.tsv", "pair_nouns.tsv",
                 "circle_nouns.tsv", "school_nouns.tsv", "shared_names.tsv",
                 "gloss_nouns.tsv"):  # fmt: skip
        lines = (Path(DATA) / name).read_text(encoding="utf-8").splitlines()
        width = len(lines[0].split("\t"))
        for n, line in enumerate(lines[1:], start=2):
            assert len(line.split("\t")) == width, f"{name}:{n}"


def test_entity_ids_unique_across_files_and_parents_exist() -> None:
    ids = [r["code"] for r in _rows("countries.tsv")]
    ids += [r["id"] for r in _rows("organisations.tsv")] + [r["id"] for r in _rows("groups.tsv")]
    assert len(ids) == len(set(ids))
    kb = load_kb()
    for e in kb.entities.values():
        if e.parent:
            assert e.parent in kb.entities, e
        if e.country:
            assert kb.entities[e.country].kind == "state", e
        cameo = {x.code for x in kb.entities.values() if x.kind == "state"}
        assert e.code is None or e.code in INTERNATIONAL_CODES or e.code in cameo, e


def test_every_alias_names_one_entity() -> None:
    kb = load_kb()
    assert kb.ambiguous == {}
    assert kb.lookup("U.S.").id == kb.lookup("the United States").id == "USA"
    assert kb.lookup("us") is None  # the pronoun, not the country
    assert kb.lookup("The European Union").id == kb.lookup("EU").id == "EU"
    assert kb.lookup("Britain").id == "GBR"


def test_demonyms_capitals_and_bodies() -> None:
    kb = load_kb()
    assert kb.demonym("Kosovar").id == "XKX"
    assert kb.demonym("Bosnian").id == "BIH"
    assert kb.capital("Kiev").id == kb.capital("Kyiv").id == "UKR"
    assert kb.capital("Belgrade").id == "SRB"
    kfor = kb.lookup("KFOR")
    assert kfor.parent == "NATO" and kfor.code == "IGO"
    assert kb.lookup("UN Security Council").code == "UNO"
    assert kb.lookup("European Commission").code == "EUR"
    assert "NATO" in kb.type_nouns["alliance"]
    assert kb.is_region("the Western Balkans")


def test_roles_have_plover_sectors() -> None:
    sectors = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK",
               "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP",
               "PRE", "REL", "SOC"}  # fmt: skip
    kb = load_kb()
    for role in kb.roles.values():
        assert role.sector in sectors, role
        assert role.refers in ("person", "group", "state"), role
    for e in kb.entities.values():
        assert e.sector is None or e.sector in sectors, e


def test_gender_rows_are_one_gender_each() -> None:
    rows = _rows("gender.tsv")
    assert {r["gender"] for r in rows} == {"f", "m"}
    assert {r["use"] for r in rows} == {"given", "title", "relation"}
    keys = [(r["word"].lower(), r["use"]) for r in rows]
    assert len(keys) == len(set(keys))  # a word listed twice would carry two genders
    kb = load_kb()
    assert kb.title_genders["mrs"] == "f" and kb.relation_genders["father"] == "m"


def test_organisation_nouns_and_non_actors() -> None:
    kb = load_kb()
    for noun, words in kb.org_nouns.items():
        assert noun == noun.lower() and words, noun
    rows = _rows("non_actors.tsv")
    assert {r["where"] for r in rows} <= {"head", "first", "whole", "means", "denomination"}
    # a non-actor word must not shadow a knowledge-base name
    for r in rows:
        if r["where"] in ("whole", "means"):
            assert kb.lookup(r["word"]) is None, r
    assert kb.is_non_actor("Jolo Cathedral") and not kb.is_non_actor("Cathedral")
