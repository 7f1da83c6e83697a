"""Scoring predicted events against gold events."""

from __future__ import annotations

from eventwire.coding.score import event_scores, evidence_overlaps

GOLD = [
    {
        "type": "REQUEST",
        "source": "Ana Ruiz",
        "target": "Peru",
        "evidence": "Ruiz urged Peru and Chile to talk.",
    },  # noqa: E501
    {
        "type": "REQUEST",
        "source": "Ana Ruiz",
        "target": "Chile",
        "evidence": "Ruiz urged Peru and Chile to talk.",
    },  # noqa: E501
    {"type": "ASSAULT", "source": None, "target": None, "evidence": "A bomb went off."},
]
ACTORS = [{"name": "Ana Ruiz", "aliases": ["Ruiz"]}, {"name": "Peru"}, {"name": "Chile"}]


def test_evidence_normalisation() -> None:
    assert evidence_overlaps("A  bomb\u00ad went off.", "A bomb went off.")
    assert evidence_overlaps("Ruiz urged Peru", "Ruiz urged Peru and Chile to talk.")
    assert not evidence_overlaps("Trade was slow.", "A bomb went off.")


def test_pairs_types_and_names() -> None:
    pred = [
        {"type": "REQUEST", "evidence": "Ruiz urged Peru and Chile to talk.",
         "source": [["Ana Ruiz", "Ruiz"]], "target": ["Peru", "Chile"]},
        {"type": "ASSAULT", "evidence": {"sentence": "A bomb went off."}, "source": [],
         "target": []},
    ]  # fmt: skip
    s = event_scores(pred, GOLD, ACTORS)
    assert s["n_pred"] == 3 and s["n_gold"] == 3
    assert s["type"]["f1"] == 1.0 and s["strict"]["f1"] == 1.0


def test_wrong_type_or_actor() -> None:
    pred = [
        {"type": "ACCUSE", "evidence": "Ruiz urged Peru and Chile to talk.",
         "source": ["Ruiz"], "target": ["Peru"]},
        {"type": "ASSAULT", "evidence": "A bomb went off.", "source": ["Peru"], "target": []},
    ]  # fmt: skip
    s = event_scores(pred, GOLD, ACTORS)
    assert s["type"]["tp"] == 1  # only the assault has the right type
    assert s["strict"]["tp"] == 0  # and its source should be null
    assert s["type"]["precision"] == 0.5
    assert round(s["type"]["recall"], 3) == 0.333
