"""Seed acceptance through the whole pipeline (ingest, nlp, actors, coding, dates, geo):
the events the reference article states, and none from site junk or the headline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed(shared_data: Path) -> dict[str, Any]:
    from eventwire.analysis import analyze

    raw = (shared_data / "seed" / "nato-kosovo.txt").read_text("utf-8")
    return analyze(raw).to_dict()


def _events(seed: dict[str, Any], etype: str, phrase: str) -> list[dict[str, Any]]:
    names = {a["id"]: a["name"] for a in seed["actors"]}
    out = []
    for e in seed["events"]:
        if e["type"] == etype and phrase in e["evidence"]["sentence"]:
            out.append({**e, "src": [names[i] for i in e["source"]],
                        "tgt": [names[i] for i in e["target"]]})  # fmt: skip
    return out


def _has(names: list[str], word: str) -> bool:
    return any(word in n for n in names)


def test_visits_to_kosovo_and_bosnia(seed) -> None:  # type: ignore[no-untyped-def]
    visits = _events(seed, "CONSULT", "visit to Kosovo followed")
    targets = {t for e in visits for t in e["tgt"]}
    assert any("Kosovo" in t for t in targets) and any("Bosnia" in t for t in targets)
    assert all(_has(e["src"], "Rutte") and e["mode"] == "visit" for e in visits)


def test_reaffirmed_commitment_is_support_not_aimed_at_nato(seed) -> None:  # type: ignore[no-untyped-def]
    (e,) = _events(seed, "SUPPORT", "steadfast commitment")
    assert _has(e["src"], "Rutte") or _has(e["src"], "NATO")
    assert not _has(e["tgt"], "NATO")


def test_rutte_requests_flexibility_from_kosovo_and_serbia(seed) -> None:  # type: ignore[no-untyped-def]
    (e,) = _events(seed, "REQUEST", "called on Kosovo and Serbia")
    assert _has(e["src"], "Rutte")
    assert _has(e["tgt"], "Kosovo") and _has(e["tgt"], "Serbia")


def test_eu_and_us_request_implementation(seed) -> None:  # type: ignore[no-untyped-def]
    (e,) = _events(seed, "REQUEST", "reiterated the necessity")
    assert _has(e["src"], "European Union") and _has(e["src"], "United States")


def test_serbia_does_not_recognise_kosovo(seed) -> None:  # type: ignore[no-untyped-def]
    found = _events(seed, "SUPPORT", "does not recognize") + _events(
        seed, "REJECT", "does not recognize"
    )
    (e,) = found
    assert e["type"] == "REJECT" or e["negated"]
    assert _has(e["src"], "Serbia") and _has(e["tgt"], "Kosovo")


def test_air_campaign_is_historical_aerial_assault_by_nato(seed) -> None:  # type: ignore[no-untyped-def]
    (e,) = _events(seed, "ASSAULT", "air campaign")
    assert _has(e["src"], "NATO")
    assert e["mode"] == "aerial" and e["historical"]
    assert "military" in e["contexts"] and e["cameo"].startswith(("18", "19", "20"))


def test_bolstered_presence_is_mobilize(seed) -> None:  # type: ignore[no-untyped-def]
    (e,) = _events(seed, "MOBILIZE", "bolstered its presence")
    assert _has(e["src"], "NATO")


def test_dialogue_from_2011_is_consult(seed) -> None:  # type: ignore[no-untyped-def]
    (e,) = _events(seed, "CONSULT", "commenced in 2011")
    assert e["date"] == "2011" and e["historical"]
    assert _has(e["src"], "Kosovo") and _has(e["src"], "Serbia")


def test_no_declaration_of_independence_event(seed) -> None:  # type: ignore[no-untyped-def]
    # PLOVER has no type for a declaration of independence (only a 'territory' context)
    for e in seed["events"]:
        assert "declared" not in (e["evidence"]["trigger"] or "")


def test_nothing_from_junk_or_headline(seed) -> None:  # type: ignore[no-untyped-def]
    title = seed["article"]["title"] or ""
    for e in seed["events"]:
        assert "comment" not in e["evidence"]["sentence"].lower()
        assert "cookies" not in e["evidence"]["sentence"]
        assert not title or title not in e["evidence"]["sentence"]
    assert len(seed["events"]) <= 14  # one event per statement, no pile of duplicates


def test_every_event_explains_itself(seed) -> None:  # type: ignore[no-untyped-def]
    for e in seed["events"]:
        assert {"trigger", "rule", "source", "target"} <= set(e["why"])
        assert "lexicon.tsv:" in e["why"]["rule"]
