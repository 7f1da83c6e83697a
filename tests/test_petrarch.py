"""The PETRARCH2 verb-dictionary converter on a small dictionary written here in its format,
and the shipped tables matched over invented sentences."""

from __future__ import annotations

from pathlib import Path

from eventwire.coding.petrarch import petrarch_matches
from eventwire.datafiles import tsv_records
from eventwire.training.petrarch_convert import (
    convert,
    parse_pattern,
    plover_types,
    read_cameo_table,
)

DICTIONARY = """# a test dictionary
####### SYNONYM SETS #######

&TRUCE_
+TRUCE
+ARMISTICE

####### VERB PATTERNS #######

---  SCOLD   [111]  ---
SCOLD
BERATE {BERATES BERATING BERATED }
+TELL_OFF {+TELLS_OFF +TOLD_OFF } [112]
- * (FOR DELAY)                                 [1121]    # SCOLD
- $ * + (AT SUMMIT)                             [110]     # SCOLD

---  KEEP   [---]  ---
KEEP
- * &TRUCE                                      [0871]    # KEEP
- * QUIET                                       [012]     # public statement: no type

---  PLEAD   [021]  ---
PLEAD
"""

TABLE = """# a test table
0871: RETREAT, ceasefire, military # Declare truce
11: ACCUSE
111: ACCUSE, disapprove, # Criticize
112: ACCUSE, disapprove, # Accuse
1121: ACCUSE, allege, crime # Accuse of crime
163: COERCE, restrict, diplomatic # Impose embargo
"""


def _convert(tmp_path: Path) -> Path:
    src = tmp_path / "petrarch"
    src.mkdir()
    (src / "CAMEO.2.0.txt").write_text(DICTIONARY, encoding="utf-8")
    (src / "LICENSE").write_text("The MIT License (MIT)\n\nCopyright (c) test\n", encoding="utf-8")
    (tmp_path / "table.txt").write_text(TABLE, encoding="utf-8")
    out = tmp_path / "out"
    convert(src, tmp_path / "table.txt", out)
    return out


def _rows(path: Path) -> list[dict[str, str]]:
    lines = [x for x in path.read_text("utf-8").splitlines() if x and not x.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def test_verbs_take_their_own_code_else_the_block_code(tmp_path: Path) -> None:
    out = _convert(tmp_path)
    verbs = {(r["verb"], r["others"]): r for r in _rows(out / "petrarch_verbs.tsv")}
    assert verbs[("scold", "-")]["types"] == "ACCUSE"
    assert verbs[("berate", "-")]["cameo"] == "111"
    assert verbs[("tell", "off")]["cameo"] == "112"
    assert verbs[("keep", "-")]["types"] == "-"  # the null code proposes nothing
    assert verbs[("plead", "-")]["types"] == "REQUEST"  # CAMEO 02 appeals


def test_patterns_keep_words_prepositions_slots_and_drop_untyped_codes(tmp_path: Path) -> None:
    out = _convert(tmp_path)
    patterns = _rows(out / "petrarch_patterns.tsv")
    assert [(p["block"], p["cameo"]) for p in patterns] == [
        ("scold", "1121"), ("scold", "110"), ("keep", "0871"),
    ]  # fmt: skip
    delay, summit, truce = patterns
    assert delay["preps"] == "for delay" and delay["mode"] == "allege"
    assert (summit["source"], summit["target"], summit["preps"]) == ("before", "after", "at summit")
    assert truce["after"] == "&truce" and truce["types"] == "RETREAT"


def test_synsets_licence_and_provenance_are_written(tmp_path: Path) -> None:
    out = _convert(tmp_path)
    assert _rows(out / "petrarch_synsets.tsv") == [
        {"synset": "&truce", "words": "truce"}, {"synset": "&truce", "words": "armistice"},
    ]  # fmt: skip
    assert "The MIT License" in (out / "PETRARCH2-LICENSE.txt").read_text("utf-8")
    header = (out / "petrarch_verbs.tsv").read_text("utf-8")
    assert "openeventdata/petrarch2 commit" in header and "sha256" in header


def test_conversion_is_deterministic(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = _convert(tmp_path / "a"), _convert(tmp_path / "b")
    for name in ("petrarch_verbs.tsv", "petrarch_patterns.tsv", "petrarch_synsets.tsv"):
        assert (a / name).read_bytes() == (b / name).read_bytes()


def test_code_types_follow_the_table_and_the_root(tmp_path: Path) -> None:
    (tmp_path / "table.txt").write_text(TABLE, encoding="utf-8")
    table = read_cameo_table(tmp_path / "table.txt")
    assert plover_types("163", table) == ["COERCE", "SANCTION"]
    assert plover_types("1125", table) == ["ACCUSE"]  # nearest shorter code
    assert plover_types("012", table) == []
    assert plover_types("0213", table) == ["REQUEST"]


def test_pattern_without_a_star_is_no_pattern() -> None:
    assert parse_pattern("SANCTIONS") is None
    p = parse_pattern("&MILITARY * EXERCISES (WITH +)")
    assert p is not None
    assert (p.before, p.after, p.preps, p.target) == (
        ("&military",), ("exercises",), (("with", ""),), "prep:with",
    )  # fmt: skip


# --- the shipped tables over the parse ------------------------------------------------------


def _types(nlp, sentence: str, verb: str) -> set[str]:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == verb)
    return {t for m in petrarch_matches(token) for t in m.types}


def test_shipped_tables_propose_types_from_verbs_and_patterns(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "ASSAULT" in _types(nlp, "Gunmen attacked a patrol near the river.", "attacked")
    assert "SANCTION" in _types(nlp, "Norway imposed sanctions on the junta.", "imposed")
    assert "REQUEST" in _types(nlp, "The mayor asked for emergency help.", "asked")


def test_pattern_words_must_be_in_the_verbs_own_phrases(nlp) -> None:  # type: ignore[no-untyped-def]
    # "sanctions" sits in a clause of its own, not in the object of "imposed"
    assert "SANCTION" not in _types(
        nlp, "Norway imposed a curfew after it said sanctions were coming.", "imposed"
    )


def test_shipped_tables_carry_the_licence_and_provenance() -> None:
    from importlib import resources

    data = resources.files("eventwire.coding").joinpath("data")
    assert "MIT License" in data.joinpath("PETRARCH2-LICENSE.txt").read_text("utf-8")
    assert "676801cd9cb2924bbbad09f86d15c9323e7097bf" in data.joinpath(
        "petrarch_patterns.tsv"
    ).read_text("utf-8")
    assert len(tsv_records("eventwire.coding", "petrarch_patterns.tsv")) > 3000
