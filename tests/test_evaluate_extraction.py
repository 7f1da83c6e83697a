"""The Zyte extraction metric on tiny hand-written texts, and the floor on the benchmark."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from eventwire.evaluate import check_floors, compare_extraction, extraction_scores, load_floors
from eventwire.evaluate.extraction import (
    ExtractorUnavailable,
    PageMatch,
    aggregate,
    match_page,
    shingles,
    tokens,
)

BODY = "The ministers met in Brussels on Tuesday and agreed to resume the talks next month."


def test_tokens_are_unicode_words() -> None:
    assert tokens("Priština — Kosovo's capital, 2024!") == [
        "Priština",
        "Kosovo",
        "s",
        "capital",
        "2024",
    ]


def test_shingles_are_overlapping_word_4grams_with_counts() -> None:
    bag = shingles("a b c d e a b c d")
    assert bag[("a", "b", "c", "d")] == 2
    assert bag[("b", "c", "d", "e")] == 1
    assert sum(bag.values()) == 6


def test_text_under_four_tokens_is_one_shingle_and_no_tokens_is_none() -> None:
    assert shingles("Hello, world") == {("Hello", "world"): 1}
    assert shingles(" -- ... ") == {}


def test_identical_texts_score_one() -> None:
    match = match_page(BODY, BODY)
    assert (match.precision, match.recall) == (1.0, 1.0)
    assert aggregate([match])["f1"] == 1.0


def test_disjoint_texts_score_zero() -> None:
    match = match_page(BODY, "Cookie settings: accept all cookies to continue reading our site.")
    assert (match.tp, match.precision, match.recall) == (0.0, 0.0, 0.0)
    assert aggregate([match]) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_counts_are_normalised_to_sum_to_one() -> None:
    # truth: 5 tokens -> 2 shingles; prediction adds 2 junk tokens -> 4 shingles, 2 shared
    match = match_page("a b c d e", "a b c d e x y")
    assert match.tp + match.fp + match.fn == pytest.approx(1.0)
    assert match.tp == pytest.approx(0.5)
    assert match.precision == pytest.approx(0.5)
    assert match.recall == 1.0


def test_repeated_shingles_are_matched_by_count() -> None:
    # 5 predicted shingles, "a b c d" twice; the truth has it once, so only one is a hit
    match = match_page("a b c d", "a b c d a b c d")
    assert match.precision == pytest.approx(1 / 5)
    assert match.recall == 1.0


def test_short_texts_match_only_as_a_whole() -> None:
    assert match_page("Breaking news", "Breaking news").precision == 1.0
    assert match_page("Breaking news", "Breaking news today").precision == 0.0


def test_empty_prediction_is_left_out_of_precision_but_counts_against_recall() -> None:
    perfect, missed = match_page(BODY, BODY), match_page(BODY, "")
    assert not missed.has_prediction
    scores = aggregate([perfect, missed])
    assert scores["precision"] == 1.0
    assert scores["recall"] == 0.5
    assert scores["f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_empty_truth_is_left_out_of_recall() -> None:
    scores = aggregate([match_page(BODY, BODY), match_page("", "Some text that was not wanted")])
    assert scores["recall"] == 1.0
    assert scores["precision"] == 0.5


def test_f1_is_of_the_means_not_the_mean_of_page_f1s() -> None:
    pages = [PageMatch(tp=0.5, fp=0.5, fn=0.0), PageMatch(tp=0.5, fp=0.0, fn=0.5)]
    scores = aggregate(pages)
    assert scores["precision"] == pytest.approx(0.75)
    assert scores["recall"] == pytest.approx(0.75)
    assert scores["f1"] == pytest.approx(0.75)  # mean of per-page F1s would be 2/3


def _write_benchmark(root: Path, pages: dict[str, tuple[str, str]]) -> Path:
    (root / "html").mkdir(parents=True)
    gold = {
        pid: {"articleBody": body, "url": f"https://example.org/{pid}"}
        for pid, (_, body) in pages.items()
    }
    (root / "ground-truth.json").write_text(json.dumps(gold), encoding="utf-8")
    for pid, (html, _) in pages.items():
        (root / "html" / f"{pid}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
    return root


def test_extraction_scores_runs_an_extractor_over_the_pages(tmp_path: Path) -> None:
    root = _write_benchmark(
        tmp_path / "extraction" / "zyte",
        {"p1": ("<p>good</p>", BODY), "p2": ("<p>none</p>", "Another body of four words")},
    )
    seen: list[str] = []

    def extractor(html: str) -> str:
        seen.append(html)
        return BODY if "good" in html else ""

    scores = extraction_scores(tmp_path, extractor)  # the shared data root is accepted too
    assert sorted(seen) == ["<p>good</p>", "<p>none</p>"]
    assert (scores["precision"], scores["recall"], scores["pages"]) == (1.0, 0.5, 2)
    assert extraction_scores(root, extractor, limit=1)["pages"] == 1


def test_missing_benchmark_names_the_directory(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="ground-truth.json"):
        extraction_scores(tmp_path, lambda html: html)


def test_compare_reports_an_unavailable_extractor_as_skipped(tmp_path: Path) -> None:
    def unavailable(html: str) -> str:
        raise ExtractorUnavailable("not written yet")

    _write_benchmark(tmp_path, {"p1": ("<p>x</p>", BODY)})
    rows = compare_extraction(tmp_path, extractors={"ours": unavailable, "echo": lambda h: BODY})
    assert rows["ours"] == {"skipped": "not written yet"}
    assert rows["echo"]["f1"] == 1.0


@pytest.mark.shared
def test_extraction_floor(shared_data: Path) -> None:
    rows = compare_extraction(shared_data / "extraction" / "zyte")
    assert rows["trafilatura"]["pages"] == 181
    floors = {"extraction": load_floors()["extraction"]}
    assert check_floors({"extraction": rows}, floors) == []
