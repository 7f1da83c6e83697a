"""Shared test fixtures. Tests that need ../shared/data skip with a message when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"../shared/data not found at {SHARED_DATA}: gold-set tests skipped")
    return SHARED_DATA


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def resolve(nlp):
    """Text in, ActorTable out: the real actor resolution over the real parse."""
    from eventwire.actors.resolve import resolve_actors

    def run(text: str):
        return resolve_actors(nlp(text))

    return run
