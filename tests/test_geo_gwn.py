from __future__ import annotations

from pathlib import Path

from eventwire.geo.score import devgold_place_scores, geowebnews_scores

# Measured 0.770 on the first 40 articles (604 toponyms), rounded down; the full 200 give
# 0.819 (2130/2601 toponyms with coordinates, unresolved ones counted as misses).
FLOOR_GWN_40 = 0.76


def test_geowebnews_floor(shared_data: Path) -> None:
    # 40 of 200 articles keeps the test short; the full run is `python -m eventwire.geo.score`.
    scores = geowebnews_scores(shared_data / "geo" / "geowebnews", limit=40)
    assert scores["toponyms"] > 300
    assert scores["acc161"] >= FLOOR_GWN_40


def test_devgold_place_recall_floor(shared_data: Path) -> None:
    scores = devgold_place_scores(shared_data / "dev-gold")
    assert scores["gold_places"] == 75
    assert scores["recall"] >= 0.89  # measured 67/75
    assert scores["country_correct"] >= scores["found"] - 3
