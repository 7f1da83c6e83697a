"""AnalyzedDocument.from_dict inverts to_dict, through JSON, for any document."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.model import (
    PLOVER_TYPES,
    Actor,
    AnalyzedDocument,
    Article,
    Event,
    Evidence,
    Fact,
    Mention,
    Place,
    Quote,
)

text = st.text(max_size=20)
opt_text = st.none() | text
offset = st.integers(min_value=0, max_value=10_000)
mention = st.builds(Mention, text=text, start=offset, end=offset)
evidence = st.builds(
    Evidence, sentence=text, start=offset, end=offset, trigger=opt_text,
    trigger_start=st.none() | offset, trigger_end=st.none() | offset,
)  # fmt: skip
small = st.floats(allow_nan=False, allow_infinity=False, width=32)
ids = st.lists(text, max_size=3)

documents = st.builds(
    AnalyzedDocument,
    article=st.builds(
        Article, text=st.text(min_size=1, max_size=40), title=opt_text, author=opt_text,
        published=st.none() | st.just("2024-03-05"), url=opt_text, removed=st.lists(text),
        source=st.none(),  # provenance, not part of the eventwire/1 contract
    ),
    actors=st.lists(st.builds(
        Actor, id=text, name=text, kind=st.sampled_from(["person", "organisation", "state"]),
        country=opt_text, affiliation=opt_text, role=opt_text, code=opt_text, sector=opt_text,
        mentions=st.lists(mention, max_size=2),
    ), max_size=2),
    quotes=st.lists(st.builds(
        Quote, speaker=opt_text, text=text, start=offset, end=offset, direct=st.booleans(),
        partial=st.booleans(),
    ), max_size=2),
    events=st.lists(st.builds(
        Event, id=text, type=st.sampled_from(PLOVER_TYPES), evidence=evidence, source=ids,
        target=ids, mode=opt_text, contexts=ids, cameo=opt_text, date=opt_text,
        date_text=opt_text, location=opt_text, historical=st.booleans(),
        negated=st.booleans(), confidence=small, rule=opt_text,
        mentions=st.lists(evidence, max_size=2), why=st.dictionaries(text, text, max_size=2),
    ), max_size=2),
    places=st.lists(st.builds(
        Place, id=text, name=text, country=opt_text, geonameid=st.none() | offset,
        lat=st.none() | small, lon=st.none() | small, kind=st.sampled_from(["city", "other"]),
        mentions=st.lists(mention, max_size=2),
    ), max_size=2),
    facts=st.lists(st.builds(
        Fact, subject=opt_text, quantity=small | st.integers(0, 10**6).map(float),
        unit=text, approx=st.booleans(), evidence=evidence, subject_text=opt_text,
    ), max_size=2),
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(documents)
def test_from_dict_inverts_to_dict(doc: AnalyzedDocument) -> None:
    data = json.loads(json.dumps(doc.to_dict()))
    back = AnalyzedDocument.from_dict(data)
    assert back == doc
    assert back.to_dict() == data
    assert all(isinstance(f.quantity, float) for f in back.facts)


def _minimal() -> dict[str, Any]:
    return AnalyzedDocument(article=Article(text="Talks resumed.")).to_dict()


def test_rejects_other_schema_unknown_keys_and_wrong_id() -> None:
    with pytest.raises(ValueError, match="schema"):
        AnalyzedDocument.from_dict(_minimal() | {"schema": "eventwire/0"})
    data = _minimal()
    data["article"]["colour"] = "red"
    with pytest.raises(ValueError, match="colour"):
        AnalyzedDocument.from_dict(data)
    data = _minimal()
    data["article"]["id"] = "0" * 64
    with pytest.raises(ValueError, match="sha256"):
        AnalyzedDocument.from_dict(data)
