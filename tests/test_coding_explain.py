"""Explanations, within-document merging and measured confidence, on invented sentences."""

from __future__ import annotations

import json
from dataclasses import asdict

from rich.console import Console

from eventwire.coding.coder import code_events
from eventwire.coding.explain import explain_event, render_explanations
from eventwire.coding.lexicon import by_id, confidence, rule_precision
from eventwire.model import AnalyzedDocument, Article
from tests.test_coding_coder import table


def _doc(nlp, text: str) -> AnalyzedDocument:  # type: ignore[no-untyped-def]
    actors = table(text)
    events = code_events(nlp(text), actors)
    return AnalyzedDocument(article=Article(text=text), actors=list(actors), events=events)


def test_explanation_steps_name_row_arguments_and_date(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(nlp, "Canada [officially] condemned Peru for the raid.")
    (event,) = [e for e in doc.events if e.type == "ACCUSE"]
    steps = dict(explain_event(event, doc))
    row = by_id()[event.rule or ""]
    assert f"lexicon.tsv:{row.line}" in steps["lexicon row"] and row.id in steps["lexicon row"]
    assert "nsubj 'Canada'" in steps["source"] and "dobj 'Peru'" in steps["target"]
    assert steps["date"] == "no date in the sentence"
    json.dumps(asdict(event))  # the provenance travels in the JSON output


def test_rendering_keeps_brackets_of_article_text(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(nlp, "Canada [officially] condemned Peru for the raid.")
    console = Console(record=True, width=200)
    render_explanations(doc, console)
    assert "[officially]" in console.export_text()


def test_repeated_report_is_one_event_with_mentions(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Canada condemned Peru on Monday. Later, Canada again condemned Peru in a statement."
    doc = _doc(nlp, text)
    accuse = [e for e in doc.events if e.type == "ACCUSE"]
    assert len(accuse) == 1 and len(accuse[0].mentions) == 1
    assert accuse[0].mentions[0].sentence.startswith("Later")


def test_reports_with_different_dates_stay_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Canada condemned Peru in 2010. Canada condemned Peru again in 2019."
    doc = _doc(nlp, text)
    assert len([e for e in doc.events if e.type == "ACCUSE"]) == 2


def test_confidence_is_measured_precision_or_prior() -> None:
    measured = rule_precision()
    assert measured and all(0 < p <= 1 for p in measured.values())
    for rid, row in by_id().items():
        assert confidence(row) == measured.get(rid, row.conf)


def test_trained_coder_explains_its_sources_and_probability() -> None:
    from eventwire.analysis import analyze

    text = "Canada condemned Peru for the raid on Monday."
    doc = analyze(text, published="2024-03-05", coder="learned")
    (event,) = [e for e in doc.events if e.type == "ACCUSE"]
    steps = dict(explain_event(event, doc))
    assert "lexicon" in steps["proposed by"]
    assert steps["model"].startswith("event p=")
    assert "(rules)" in steps["source"] and "(rules)" in steps["target"]
