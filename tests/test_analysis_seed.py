"""The reference article end to end: what issue 2 asks of the whole pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventwire.analysis import analyze
from eventwire.ingest.sources import read_article


@pytest.fixture(scope="module")
def seed(shared_data: Path) -> dict[str, Any]:
    return analyze(read_article(str(shared_data / "seed" / "nato-kosovo.txt"))).to_dict()


def _names(record: dict[str, Any]) -> dict[str, str]:
    return {a["id"]: a["name"] for a in record["actors"]}


def test_title_author_and_junk(seed: dict[str, Any]) -> None:
    article = seed["article"]
    assert article["title"].startswith("NATO Chief Reaffirms Support for the Western Balkans")
    assert article["author"] == "Cristian Florescu"
    assert article["published"] is None
    assert "0 comment" in article["removed"]
    assert any("uses cookies" in line for line in article["removed"])
    assert "cookies" not in article["text"] and "Leave a Comment" not in article["text"]
    assert not article["text"].startswith("NATO Chief")  # the headline is not body


def test_actors(seed: dict[str, Any]) -> None:
    by_name = {a["name"]: a for a in seed["actors"]}
    assert by_name["Mark Rutte"]["kind"] == "person"
    for name in ("NATO", "Kosovo", "Serbia", "Bosnia and Herzegovina", "European Union"):
        assert name in by_name, name
    assert "United States" in by_name
    assert "Western Balkans" not in by_name


def test_request_from_rutte_to_kosovo_and_serbia(seed: dict[str, Any]) -> None:
    names = _names(seed)
    requests = [
        e for e in seed["events"]
        if e["type"] == "REQUEST" and [names[s] for s in e["source"]] == ["Mark Rutte"]
    ]  # fmt: skip
    targets = {names[t] for e in requests for t in e["target"]}
    assert {"Kosovo", "Serbia"} <= targets


def test_visit_to_kosovo_is_consult(seed: dict[str, Any]) -> None:
    names = _names(seed)
    consults = [e for e in seed["events"] if e["type"] == "CONSULT"]
    assert any(
        "Kosovo" in {names[t] for t in e["target"]} and "visit" in e["evidence"]["trigger"]
        for e in consults
    )


def test_every_event_has_verbatim_evidence_and_none_from_junk(seed: dict[str, Any]) -> None:
    text = seed["article"]["text"]
    assert seed["events"]
    for e in seed["events"]:
        ev = e["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["sentence"]
        assert ev["trigger"] and ev["trigger"] in ev["sentence"]
        assert e["rule"]
    for a in seed["actors"]:
        for m in a["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
