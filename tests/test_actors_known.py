"""Known actors from the converted Phoenix dictionaries: dated codes, matching on evidence."""

from __future__ import annotations

from eventwire.actors.known import KnownActor, known_hits, load_known
from tests.helpers import one_actor as _one


def test_code_valid_on_a_date_else_the_default() -> None:
    entry = KnownActor("X", "person", "FRAELI@1950-01-01..1974-05-27|FRAGOV@1995-05-17.."
                       "2007-05-16|FRAELI")  # fmt: skip
    assert entry.code_on("2004-06-01") == "FRAGOV"
    assert entry.code_on("2004") == "FRAGOV"  # a year is read as its first day
    assert entry.code_on("1960-01-01") == "FRAELI"
    assert entry.code_on("2019-05-05") == "FRAELI"  # no range holds: the default
    assert entry.code_on(None) == "FRAELI"
    assert KnownActor("Y", "person", "NLDGOV@2011-01-01..").code_on("2010-01-01") is None


def test_the_dictionary_knows_people_with_dated_codes() -> None:
    (chirac,) = load_known().named("Jacques Chirac")
    assert chirac.code_on("2004-03-01") == "FRAGOV"
    # the office-holder table replaces the dictionary's entry of the same name
    assert {a.name for a in load_known().named("Erdoğan")} == {"Recep Tayyip Erdoğan"}


def test_names_match_only_where_written_as_names(nlp) -> None:
    doc = nlp("Theresa May said the talks may resume in May. Mark my words, said the mayor.")
    hits = [h.span.text for h in known_hits(doc)]
    assert hits == ["Theresa May"]  # not the verb, not the month, not "Mark"


def test_a_surname_alone_needs_ner_to_call_it_a_person(resolve) -> None:
    table = resolve("Obama said on Tuesday that the deal was dead.")
    obama = _one(table, "Barack Obama")  # the dictionary's full name
    assert obama.kind == "person" and obama.country == "USA"


def test_dictionary_code_valid_on_the_article_date(nlp) -> None:
    from eventwire.actors.resolve import resolve_actors

    doc = nlp("Jacques Chirac met reporters in Paris.")
    chirac = _one(resolve_actors(doc, published="2004-06-01"), "Jacques Chirac")
    assert (chirac.country, chirac.code) == ("FRA", "FRAGOV")
    later = _one(resolve_actors(doc, published="2019-06-01"), "Jacques Chirac")
    assert (later.country, later.code) == ("FRA", "FRAELI")


def test_the_text_wins_over_the_dictionary(nlp) -> None:
    from eventwire.actors.resolve import resolve_actors

    doc = nlp("NATO Secretary General Mark Rutte visited Pristina.")
    rutte = _one(resolve_actors(doc, published="2025-03-11"), "Mark Rutte")
    # the dictionary (2014) has him as Dutch government; the text makes him NATO's official
    assert (rutte.affiliation, rutte.country, rutte.code) == ("NATO", None, "IGO")


def test_title_and_state_give_a_cameo_code(resolve) -> None:
    table = resolve("Israeli Prime Minister Yaakov Orlev said the army would respond.")
    orlev = _one(table, "Yaakov Orlev")
    assert (orlev.country, orlev.code, orlev.sector) == ("ISR", "ISRGOV", "GOV")


def test_the_matcher_built_from_hashes_finds_what_one_built_from_docs_finds() -> None:
    # the fast build (patterns as ORTH hashes) against spaCy's documented one (a Doc each),
    # over every form of a slice of the dictionary, each written in a sentence of its own
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    from eventwire.actors.known import _matcher

    vocab, fast = _matcher()
    forms = list(load_known().by_form)[::40]
    slow = PhraseMatcher(vocab, attr="ORTH")
    slow.add("KNOWN", [Doc(vocab, words=f.split()) for f in forms])
    words = [w for f in forms for w in ["met", *f.split(), "today"]]
    doc = Doc(vocab, words=words)
    found = {(s, e) for _, s, e in fast(doc)}
    assert len(forms) > 500 and found >= {(s, e) for _, s, e in slow(doc)}
    assert {doc[s:e].text for s, e in found} >= set(forms)


def test_office_holders_after_the_dictionaries_have_dated_codes(nlp) -> None:
    from eventwire.actors.resolve import resolve_actors

    doc = nlp("Donald Trump met Theresa May in London.")
    during = resolve_actors(doc, published="2018-07-13")
    assert (_one(during, "Donald Trump").country, _one(during, "Donald Trump").code) == (
        "USA",
        "USAGOV",
    )
    # the dictionary (2014) had her as home secretary; the table as prime minister
    assert _one(during, "Theresa May").code == "GBRGOV"
    after = resolve_actors(doc, published="2022-06-01")
    assert _one(after, "Donald Trump").code == "USAELI"  # out of office: elite
    assert _one(after, "Theresa May").code == "GBRELI"


def test_office_holder_rows_are_well_formed() -> None:
    from eventwire.actors.codes import _iso_of_cameo
    from eventwire.actors.kb import data_rows
    from eventwire.actors.known import _dated

    rows = data_rows("office_holders.tsv")
    assert len(rows) > 200 and len({r["name"] for r in rows}) == len(rows)
    for row in rows:
        codes = [_dated(c) for c in row["codes"].split("|")]
        assert not codes[-1].dated, row  # the undated default comes last
        for c in codes:
            assert c.code[:3] in _iso_of_cameo() or c.code == "EUR", row
        for c in codes[:-1]:
            assert c.start is not None and (c.end is None or c.start < c.end), row
