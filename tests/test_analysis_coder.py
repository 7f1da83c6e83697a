"""Choosing the event coder: the rules by default, the trained coder by name, by option or by
the environment (invented sentences)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.analysis import CODER_ENV, analyze
from eventwire.cli import app
from eventwire.errors import InputError

TEXT = "Chile condemned Bolivia for the border raid on Tuesday."


def _accuse(doc_events: list) -> dict:  # type: ignore[type-arg]
    (event,) = [e for e in doc_events if e.type == "ACCUSE"]
    return event.why


def test_the_rules_code_by_default_and_the_trained_coder_by_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(CODER_ENV, raising=False)
    rules = _accuse(analyze(TEXT, published="2024-05-02").events)
    learned = _accuse(analyze(TEXT, published="2024-05-02", coder="learned").events)
    assert "model" not in rules  # the trained coder alone records its model's probability
    assert learned["model"].startswith("event p=")
    assert _accuse(analyze(TEXT, coder="rules").events) == rules


def test_the_environment_names_the_default_coder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CODER_ENV, "learned")
    assert "model" in _accuse(analyze(TEXT).events)


def test_an_unknown_coder_is_a_coded_error() -> None:
    with pytest.raises(InputError, match="E062 coder neural"):
        analyze(TEXT, coder="neural")


def test_analyze_option_chooses_the_coder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CODER_ENV, raising=False)
    story = tmp_path / "story.txt"
    story.write_text(TEXT + "\n", encoding="utf-8")
    runner = CliRunner()

    def why(*extra: str) -> dict:  # type: ignore[type-arg]
        result = runner.invoke(app, ["analyze", str(story), "-f", "json", *extra])
        assert result.exit_code == 0, result.output
        (event,) = [e for e in json.loads(result.stdout)["events"] if e["type"] == "ACCUSE"]
        return event["why"]

    assert "model" not in why()
    assert "model" in why("--coder", "learned")
    assert runner.invoke(app, ["analyze", str(story), "--coder", "neural"]).exit_code == 2


def test_ingest_option_chooses_the_coder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CODER_ENV, "rules")  # restored after the test, whatever ingest sets
    story = tmp_path / "in" / "story.txt"
    story.parent.mkdir()
    story.write_text(TEXT + "\n", encoding="utf-8")
    runner = CliRunner()

    def stored(coder: str) -> float:
        db = tmp_path / f"{coder}.duckdb"
        done = runner.invoke(app, ["ingest", str(story.parent), "--db", str(db), "--coder", coder])
        assert done.exit_code == 0, done.output
        rows = json.loads(runner.invoke(app, ["events", "--db", str(db), "-f", "json"]).stdout)
        (row,) = [r for r in rows if r["type"] == "ACCUSE"]
        return float(row["confidence"])

    expected = {
        name: next(e for e in analyze(TEXT, coder=name).events if e.type == "ACCUSE").confidence
        for name in ("rules", "learned")
    }
    assert expected["rules"] != expected["learned"]  # the trained coder's own probability
    assert stored("learned") == pytest.approx(expected["learned"], abs=1e-3)
    assert stored("rules") == pytest.approx(expected["rules"], abs=1e-3)
