"""Wire datelines, sidecar metadata and `date_source`: where every event's date comes from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.ingest.sources import read_article
from eventwire.ingest.text import article_from_text, dateline_date

LEDE = "NATO defence ministers agreed on Thursday to station more troops in Estonia."


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("BRUSSELS, Feb 13 (Reuters) - ", "BRUSSELS, Feb 13 (Reuters)"),
        ("LOKOJA, Nigeria \u2014 ", "LOKOJA, Nigeria"),
        ("UNITED NATIONS \u2014 ", "UNITED NATIONS"),
        ("KYIV, Ukraine, March 3, 2025 (AP) \u2014 ", "KYIV, Ukraine, March 3, 2025 (AP)"),
    ],
)
def test_a_wire_dateline_is_cut_from_the_body_and_kept(opening: str, dateline: str) -> None:
    article = article_from_text(f"Title line here\n\n{opening}{LEDE}\n\nMore text follows here.")
    assert article.dateline == dateline
    assert article.text.startswith(LEDE)


def test_no_dateline_in_an_ordinary_opening() -> None:
    article = article_from_text(f"{LEDE} The US - and others - agreed.")
    assert article.dateline is None and article.text.startswith(LEDE)


def test_dateline_dates() -> None:
    assert dateline_date("BRUSSELS, Feb 13 (Reuters)", "2025-02-14") == "2025-02-13"
    assert dateline_date("BRUSSELS, Dec 31 (Reuters)", "2025-01-01") == "2024-12-31"
    assert dateline_date("KYIV, Ukraine, March 3, 2025 (AP)", None) == "2025-03-03"
    assert dateline_date("BRUSSELS, Feb 13 (Reuters)", None) is None  # no year, no anchor
    assert dateline_date("LOKOJA, Nigeria", "2025-01-01") is None


def test_a_dated_dateline_is_the_fallback_publication_date() -> None:
    article = article_from_text(f"KYIV, Ukraine, March 3, 2025 (AP) \u2014 {LEDE}")
    assert article.published == "2025-03-03"
    given = article_from_text(
        f"KYIV, Ukraine, March 3, 2025 (AP) \u2014 {LEDE}", published="2025-03-04"
    )
    assert given.published == "2025-03-04"


def test_a_dateline_story_codes_its_lede_and_says_where_dates_come_from() -> None:
    from eventwire.analysis import analyze

    raw = (
        f"BRUSSELS, Feb 13, 2025 (Reuters) - {LEDE} Russia condemned the decision.\n\n"
        "Back in 2014, Russia annexed Crimea."
    )
    doc = analyze(raw)
    assert doc.article.published == "2025-02-13"
    lede = [e for e in doc.events if e.evidence.sentence == LEDE]
    assert lede and lede[0].date == "2025-02-13" and lede[0].date_source == "text"
    for event in doc.events:
        if event.date is None and not (event.historical or event.future):
            assert event.date_source == "dateline"
        if event.historical and event.date is None:
            assert event.date_source is None
    as_json = doc.to_dict()
    assert all("date_source" in e for e in as_json["events"])
    assert as_json["article"]["dateline"] == "BRUSSELS, Feb 13, 2025 (Reuters)"


def test_undated_events_fall_back_to_the_publication_date_only_in_name() -> None:
    from eventwire.analysis import analyze

    doc = analyze("Russia condemned the decision by NATO.", published="2025-02-14")
    (event,) = doc.events
    assert (event.date, event.date_source) == (None, "published")  # the record stays truthful
    assert analyze("Russia condemned the decision by NATO.").events[0].date_source is None


def test_sidecar_metadata_beside_a_text_file(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(LEDE, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(
        json.dumps({"published": "2025-02-14", "title": "Troops", "url": "https://example.org/a"})
    )
    article = read_article(str(story))
    assert (article.published, article.title, article.url) == (
        "2025-02-14", "Troops", "https://example.org/a",
    )  # fmt: skip
    assert read_article(str(story), published="2025-02-15").published == "2025-02-15"


@pytest.mark.parametrize(
    ("meta", "code"), [("[1, 2]", "E031"), ("{oops", "E031"), ('{"published": "Feb 2"}', "E030")]
)
def test_bad_sidecar_metadata_is_one_error(tmp_path: Path, meta: str, code: str) -> None:
    story = tmp_path / "story.txt"
    story.write_text(LEDE, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(meta)
    with pytest.raises(InputError) as err:
        read_article(str(story))
    assert err.value.code == code
