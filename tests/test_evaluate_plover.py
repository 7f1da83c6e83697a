"""PLOVER gold-sentence scoring: type accuracy and mode accuracy, over a gold file we write."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.evaluate.plover import GSR_PATH, current_mode, score_plover


def _write_gold(root: Path, records: list[dict[str, str]]) -> Path:
    path = root / GSR_PATH
    path.parent.mkdir(parents=True)
    header = {"id": "doc", "event": "DOCUMENT"}
    path.write_text(json.dumps([header, *records]), encoding="utf-8")
    return root


def test_old_mode_names_map_to_the_current_manual() -> None:
    assert current_mode("PROTEST", "strike-hun") == "hunger"
    assert current_mode("PROTEST", "demo-org") == "demo"
    assert current_mode("ASSAULT", "firearms") == "firearms"  # unchanged names stay
    assert current_mode("ASSAULT", "strike-hun") == "strike-hun"  # renames are per type


def test_mode_accuracy_counts_only_right_typed_sentences_with_a_gold_mode(
    tmp_path: Path, nlp: object
) -> None:
    arrest = "Police in Ruritania arrested {} on Monday."
    records = [
        # our coder: COERCE, mode arrest — type and mode right
        {"event": "COERCE", "mode": "detain", "text": arrest.format("40 opposition activists")},
        # type right, gold names no mode: not in the mode count
        {"event": "COERCE", "mode": "", "text": arrest.format("a senior opposition leader")},
        # wrong type: not in the mode count
        {"event": "AID", "mode": "arrest", "text": arrest.format("12 students")},
    ]
    scores = score_plover(_write_gold(tmp_path, records))
    assert scores["sentences"] == 3
    assert scores["type_accuracy"] == round(2 / 3, 3)
    assert scores["mode_sentences"] == 1
    assert scores["mode_accuracy"] == 1.0
