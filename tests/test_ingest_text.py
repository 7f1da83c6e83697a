"""The scraped-text cleaner: junk removal, headline/byline/dateline, normalisation."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import InputError
from eventwire.ingest.text import article_from_text, is_junk, junk_patterns

# An invented wire story with the kind of tail a scraper brings along.
WIRE = (
    "\ufeffRuritania and Freedonia Agree to Reopen Border Crossings\r\n"
    "\r\n"
    "By Ana Petrova and John  Okafor\r\n"
    "\r\n"
    "The foreign ministers of Ruritania and Freedonia agreed on Tuesday to reopen\u00a0two "
    "border crossings closed since the spring, officials said.\r\n"
    "\r\n"
    "\u201cThis is a first step,\u201d the Ruritanian minister told reporters in Strelsau.\r\n"
    "\r\n"
    "The talks were mediated by the regional council.\r\n"
    "\r\n"
    "12 Comments\r\n"
    "Share this\r\n"
    "Tweet\r\n"
    "\r\n"
    "Related articles\r\n"
    "Freedonia elects new parliament speaker\r\n"
    "Ruritanian currency slips against the euro\r\n"
    "Sign up for our newsletter to get the latest news\r\n"
    "Copyright 2024 Example Wire. All rights reserved.\r\n"
)


def test_wire_story_title_author_body_and_removed() -> None:
    article = article_from_text(WIRE, source="wire.txt")
    assert article.title == "Ruritania and Freedonia Agree to Reopen Border Crossings"
    assert article.author == "Ana Petrova and John Okafor"
    assert article.published is None
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("The foreign ministers of Ruritania")
    assert "reopen two border" in paragraphs[0]  # NBSP collapsed to a plain space
    assert paragraphs[-1] == "The talks were mediated by the regional council."
    assert "\r" not in article.text and "\ufeff" not in article.text
    assert article.removed == [
        "12 Comments",
        "Share this",
        "Tweet",
        "Related articles",
        "Freedonia elects new parliament speaker",
        "Ruritanian currency slips against the euro",
        "Sign up for our newsletter to get the latest news",
        "Copyright 2024 Example Wire. All rights reserved.",
    ]
    assert article.source == "wire.txt"


@pytest.mark.parametrize(
    "line",
    [
        "0 comment",
        "12 Comments",
        "0",
        "You may also like",
        "Related articles",
        "Leave a Comment",
        "Leave a Reply",
        "This website uses cookies to improve your experience. Accept Read More",
        "We use cookies to personalise content and ads.",
        "Share this",
        "Share on Facebook",
        "Tweet",
        "Sign up for our newsletter",
        "Subscribe",
        "Read More",
        "Advertisement",
        "© 2023 Some Media Group",
        "Copyright 2021 Example News",
    ],
)
def test_junk_lines_are_recognised(line: str) -> None:
    assert is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "The ministers shared their concerns about the ceasefire.",
        "Copyright law in the union was reformed in 2019.",
        "Ukraine and Poland agreed on grain transit.",
        "He was 34.",
        "Read the statement below, the spokesman said.",
    ],
)
def test_prose_is_not_junk(line: str) -> None:
    assert not is_junk(line)


def test_junk_table_rows_all_compile_with_a_name() -> None:
    names = [name for name, _ in junk_patterns()]
    assert len(names) == len(set(names)) >= 15


def test_junk_in_the_middle_is_dropped_but_body_around_it_kept() -> None:
    raw = (
        "Officials in Carpathia said the dam would be inspected next week after heavy rain.\n\n"
        "Advertisement\n\n"
        "The inspection is expected to last three days, according to the water agency.\n"
    )
    article = article_from_text(raw)
    assert article.removed == ["Advertisement"]
    assert article.text.split("\n\n") == [
        "Officials in Carpathia said the dam would be inspected next week after heavy rain.",
        "The inspection is expected to last three days, according to the water agency.",
    ]
    assert article.title is None  # first line ends with a period: body, not a headline


def test_short_closing_line_before_junk_survives() -> None:
    raw = "The envoy arrived in the capital on Monday for two days of talks.\n\nHe was 34.\n\n" + (
        "Share this\nFacebook\nFreedonia wins the cup final\n"
    )
    article = article_from_text(raw)
    assert article.text.endswith("He was 34.")
    assert article.removed == ["Share this", "Facebook", "Freedonia wins the cup final"]


def test_weekday_dateline_sets_published_and_is_not_body() -> None:
    raw = (
        "Sunday, November 10, 2019\u00a0\n\n\n"
        "On Friday, the government of Carpathia announced new tariffs on imported steel.\n"
    )
    article = article_from_text(raw)
    assert article.published == "2019-11-10"
    assert article.removed == ["Sunday, November 10, 2019"]
    assert article.text.startswith("On Friday, the government")


def test_explicit_published_wins_over_dateline() -> None:
    raw = "Monday, March 4, 2024\n\nThe council met in Geneva to discuss the mission.\n"
    assert article_from_text(raw, published="2024-03-05").published == "2024-03-05"


@pytest.mark.parametrize("bad", ["2024-13-01", "04/03/2024", "2024-3-4", "yesterday", ""])
def test_bad_published_is_e030(bad: str) -> None:
    with pytest.raises(InputError) as err:
        article_from_text("The council met in Geneva to discuss the mission.", published=bad)
    assert err.value.code == "E030"


def test_impossible_dateline_is_left_as_text() -> None:
    raw = "February 30, 2019\n\nThe council met in Geneva to discuss the mission.\n"
    article = article_from_text(raw)
    assert article.published is None


@pytest.mark.parametrize(
    "raw", ["", "   \n\n\t", "0 comment\n0\nShare this\nTweet\n", "\x00\ufeff"]
)
def test_nothing_left_is_e015(raw: str) -> None:
    with pytest.raises(InputError) as err:
        article_from_text(raw, source="scrape.txt")
    assert err.value.code == "E015"
    assert "scrape.txt" in str(err.value) and "\n" not in str(err.value)


def test_normalisation_of_invisible_characters_and_spaces() -> None:
    raw = "The minis\u00adter met   the\tenvoy\x00 in Vienna.\r\rThe talks\u200b resumed later.\r\n"
    article = article_from_text(raw)
    assert article.text == "The minister met the envoy in Vienna.\n\nThe talks resumed later."


def test_hard_wrapped_lines_are_joined_into_one_paragraph() -> None:
    raw = (
        "The delegations from both countries met in the capital on Thursday and\n"
        "agreed to continue the negotiations next month in a neutral venue.\n"
        "\n"
        "Background\n"
        "The dispute over the river dates back several decades.\n"
    )
    article = article_from_text(raw)
    assert article.text.split("\n\n") == [
        "The delegations from both countries met in the capital on Thursday and agreed to "
        "continue the negotiations next month in a neutral venue.",
        "Background",
        "The dispute over the river dates back several decades.",
    ]


def test_byline_requires_capitalised_names() -> None:
    raw = "by the way, nothing happened\n\nThe council met in Geneva to discuss the mission.\n"
    article = article_from_text(raw)
    assert article.author is None


def test_seed_article(shared_data: Path) -> None:
    raw = (shared_data / "seed" / "nato-kosovo.txt").read_text(encoding="utf-8")
    article = article_from_text(raw)
    assert article.title == (
        "NATO Chief Reaffirms Support for the Western Balkans and Calls for Flexibility in "
        "Kosovo-Serbia Dialogue"
    )
    assert article.author == "Cristian Florescu"
    assert article.published is None
    assert article.text.startswith("During his inaugural visit")
    assert article.text.endswith("future for the region.\u201d")
    for junk in ("0 comment", "0", "You may also like", "Leave a Comment"):
        assert junk in article.removed
    assert any(line.startswith("This website uses cookies") for line in article.removed)
    assert "Cristian Florescu" not in article.text
    assert "\n\n" in article.text and "\n\n\n" not in article.text


def _collapse(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def test_dev_gold_bodies_and_datelines(shared_data: Path) -> None:
    root = shared_data / "dev-gold"
    docs = sorted((root / "docs").glob("*.txt"))
    assert len(docs) == 15
    with_dateline = 0
    for doc in docs:
        gold = json.loads((root / "gold" / f"{doc.stem}.json").read_text(encoding="utf-8"))
        meta = json.loads((root / "docs" / f"{doc.stem}.meta.json").read_text(encoding="utf-8"))
        article = article_from_text(doc.read_text(encoding="utf-8"), source=doc.name)
        body = _collapse(article.text)
        assert body.startswith(_collapse(gold["body_first_words"])), doc.name
        assert body.endswith(_collapse(gold["body_last_words"])), doc.name
        first_line = doc.read_text(encoding="utf-8").split("\n", 1)[0].strip()
        if re.fullmatch(r"[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}", first_line):
            with_dateline += 1
            assert article.published == meta["published"], doc.name
        else:
            assert article.published is None, doc.name  # nothing stated, nothing invented
    assert with_dateline == 11


# Lines a generator combines: prose, junk and odd whitespace, so the property test exercises
# the junk paths rather than only random noise.
_PIECES = st.sampled_from(
    [
        "The minister said talks would resume.",
        "Share this",
        "Read",
        "more",
        "0",
        "12 Comments",
        "Related articles",
        "Sunday, November 10, 2019",
        "By Ana Petrova",
        "Freedonia wins the cup final",
        "",
        " ",
        "\u00ad",
        "\r\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=25),
    st.sampled_from(["\n", "\n\n", " "]),
)
def test_property_cleaner_never_crashes_and_leaves_no_junk(pieces: list[str], sep: str) -> None:
    raw = sep.join(pieces)
    try:
        article = article_from_text(raw)
    except InputError as err:
        assert err.code == "E015"
        return
    assert article.text and article.text == article.text.strip()
    lines = article.text.split("\n")
    junk_removed = {line for line in article.removed if is_junk(line)}
    assert not junk_removed & set(lines)
    assert not any(is_junk(line) for line in lines if line)
    assert "\n\n\n" not in article.text and "\r" not in article.text


def test_byline_with_lowercase_name_particles_is_read_as_author() -> None:
    # regression: "van der" made the byline look like prose and it stayed in the body
    raw = "Ministers Meet in Vienna\n\nBy Joost van der Linde\n\nThe ministers met on Monday.\n"
    article = article_from_text(raw)
    assert article.author == "Joost van der Linde"
    assert "van der Linde" not in article.text


def test_privacy_consent_banner_is_removed() -> None:
    raw = "The talks ended without a deal.\n\nWe value your privacy. Accept all | Manage choices\n"
    article = article_from_text(raw)
    assert article.text == "The talks ended without a deal."
    assert article.removed == ["We value your privacy. Accept all | Manage choices"]


# a headline on the line right above the body (no blank line between): a stated title or a
# wire dateline under it says it is no part of the lede

HEADLINE = "Ruritania Says Freedonian Troops Crossed the River Border Near Old Mill Town"
LEDE = (
    "Ruritania accused Freedonia on Tuesday of sending troops across the river border, "
    "a charge Freedonia's defence ministry denied."
)


def test_a_headline_right_above_a_wire_dateline_is_the_title() -> None:
    article = article_from_text(f"{HEADLINE}\nOLDTOWN, March 3 (Reuters) - {LEDE}")
    assert article.title == HEADLINE
    assert article.text == LEDE
    assert article.dateline == "OLDTOWN, March 3 (Reuters)"


def test_a_stated_title_the_text_opens_with_is_no_part_of_the_body() -> None:
    article = article_from_text(f"{HEADLINE}\n{LEDE}", title=HEADLINE)
    assert article.title == HEADLINE
    assert article.text == LEDE


def test_a_first_line_that_is_no_headline_stays_in_the_body() -> None:
    wrapped = "Ruritania accused Freedonia on Tuesday of sending troops across the river\nborder."
    article = article_from_text(wrapped, title="Border row")
    assert article.title == "Border row"
    assert article.text == wrapped.replace("\n", " ")
