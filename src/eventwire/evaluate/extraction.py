"""Article-body extraction quality on the Zyte article-extraction benchmark.

The metric is the benchmark's own, implemented here from its description: texts are bags of
word 4-gram shingles over `\\w+` tokens; each page gets tp/fp/fn from shingle counts,
normalised to sum to 1; precision is averaged over pages with a prediction, recall over pages
with a ground truth, and F1 is the harmonic mean of those two averages.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")  # str patterns are Unicode-aware by default

Extractor = Callable[[str], str]


class ExtractorUnavailable(RuntimeError):
    """An extractor cannot run in this installation (e.g. a stage not written yet)."""


# --- the metric -------------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Bag of word `size`-grams; a text with fewer tokens is one shingle, no tokens is none."""
    words = tokens(text)
    if not words:
        return Counter()
    if len(words) < size:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


@dataclass(frozen=True, slots=True)
class PageMatch:
    """Shingle agreement on one page, normalised so tp + fp + fn == 1 (all 0 if both empty)."""

    tp: float
    fp: float
    fn: float

    @property
    def has_prediction(self) -> bool:
        return self.tp + self.fp > 0

    @property
    def has_truth(self) -> bool:
        return self.tp + self.fn > 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.has_prediction else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.has_truth else 0.0


def match_page(truth: str, prediction: str) -> PageMatch:
    true_bag, pred_bag = shingles(truth), shingles(prediction)
    tp = sum((true_bag & pred_bag).values())
    fp = sum((pred_bag - true_bag).values())
    fn = sum((true_bag - pred_bag).values())
    total = tp + fp + fn
    if total == 0:
        return PageMatch(0.0, 0.0, 0.0)
    return PageMatch(tp / total, fp / total, fn / total)


def aggregate(matches: Iterable[PageMatch]) -> dict[str, float]:
    """Macro precision/recall over the pages where each is defined, then F1 of the two means."""
    matches = list(matches)
    predicted = [m.precision for m in matches if m.has_prediction]
    gold = [m.recall for m in matches if m.has_truth]
    precision = sum(predicted) / len(predicted) if predicted else 0.0
    recall = sum(gold) / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


# --- the benchmark pages ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    html: str
    truth: str


def benchmark_dir(data_dir: Path) -> Path:
    """Accept the benchmark directory itself or the shared data root that contains it."""
    for candidate in (data_dir, data_dir / "extraction" / "zyte"):
        if (candidate / "ground-truth.json").is_file():
            return candidate
    raise FileNotFoundError(f"{data_dir}: no ground-truth.json (Zyte extraction benchmark)")


def load_pages(data_dir: Path, limit: int | None = None) -> list[Page]:
    root = benchmark_dir(data_dir)
    gold: dict[str, dict[str, Any]] = json.loads(
        (root / "ground-truth.json").read_text(encoding="utf-8")
    )
    ids = sorted(gold)[:limit] if limit is not None else sorted(gold)
    pages = []
    for page_id in ids:
        raw = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        # the benchmark ships its pages as UTF-8; "replace" keeps one bad byte from losing a page
        html = raw.decode("utf-8", errors="replace")
        pages.append(Page(page_id, html, gold[page_id].get("articleBody") or ""))
    return pages


def score_pages(pages: list[Page], extractor: Extractor) -> dict[str, Any]:
    matches = []
    seconds = 0.0
    for page in pages:
        start = time.perf_counter()
        predicted = extractor(page.html)
        seconds += time.perf_counter() - start
        matches.append(match_page(page.truth, predicted or ""))
    return {**aggregate(matches), "pages": len(pages), "seconds": round(seconds, 2)}


def extraction_scores(
    data_dir: Path, extractor: Extractor, limit: int | None = None
) -> dict[str, Any]:
    """precision, recall, f1, pages, seconds (time spent inside the extractor)."""
    return score_pages(load_pages(data_dir, limit), extractor)


# --- the extractors compared ------------------------------------------------------------------


def trafilatura_text(html: str) -> str:
    """The baseline: trafilatura alone, with its defaults."""
    import trafilatura  # slow import; only needed when evaluating

    return trafilatura.extract(html) or ""


def eventwire_text(html: str) -> str:
    """Our ingest stage: the body eventwire analyses (title separate, site junk removed)."""
    from eventwire.errors import EventwireError

    article_from_html = _article_from_html()
    try:
        return article_from_html(html).text
    except EventwireError:  # e.g. E015 no extractable text: an empty prediction, not a crash
        return ""


def _article_from_html() -> Callable[..., Any]:
    try:
        from eventwire.ingest.html import article_from_html
    except ImportError as exc:
        raise ExtractorUnavailable(
            f"eventwire.ingest.html.article_from_html is not importable ({exc}); "
            "the eventwire extraction row is skipped"
        ) from exc
    return article_from_html


EXTRACTORS: dict[str, Extractor] = {"eventwire": eventwire_text, "trafilatura": trafilatura_text}


def compare_extraction(
    data_dir: Path,
    limit: int | None = None,
    extractors: Mapping[str, Extractor] | None = None,
) -> dict[str, dict[str, Any]]:
    """One row per extractor on the same pages; an unavailable one gets {"skipped": why}."""
    pages = load_pages(data_dir, limit)
    rows: dict[str, dict[str, Any]] = {}
    for name, extractor in (EXTRACTORS if extractors is None else extractors).items():
        try:
            rows[name] = score_pages(pages, extractor)
        except ExtractorUnavailable as exc:
            rows[name] = {"skipped": str(exc)}
    return rows
