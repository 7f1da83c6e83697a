"""Scorers for the gold sets in ../shared/data and the quality floors pinned in the repo."""

from __future__ import annotations

from eventwire.evaluate.extraction import (
    ExtractorUnavailable,
    compare_extraction,
    extraction_scores,
    match_page,
)
from eventwire.evaluate.floors import check_floors, load_floors

__all__ = [
    "ExtractorUnavailable",
    "check_floors",
    "compare_extraction",
    "extraction_scores",
    "load_floors",
    "match_page",
]
