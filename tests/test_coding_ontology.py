"""The ontology data and our lexicon are consistent with each other and with PLOVER."""

from __future__ import annotations

from collections import Counter

import pytest

from eventwire.coding.lexicon import PATTERNS, lexicon
from eventwire.coding.ontology import (
    cameo_fits,
    cameo_roots,
    contexts,
    current_type,
    event_types,
    modes,
    quad,
)
from eventwire.model import PLOVER_TYPES


def test_sixteen_types() -> None:
    assert set(event_types()) == set(PLOVER_TYPES)
    assert len(event_types()) == 16


@pytest.mark.parametrize(
    ("name", "root"),
    [("AGREE", "03"), ("CONSULT", "04"), ("SUPPORT", "05"), ("COOPERATE", "06"), ("AID", "07"),
     ("CONCEDE", "08"), ("RETREAT", "08"), ("REQUEST", "10"), ("ACCUSE", "11"),
     ("REJECT", "12"), ("THREATEN", "13"), ("PROTEST", "14"), ("MOBILIZE", "15"),
     ("SANCTION", "16"), ("COERCE", "17"), ("ASSAULT", "18"), ("ASSAULT", "19"),
     ("ASSAULT", "20")],
)  # fmt: skip
def test_cameo_roots(name: str, root: str) -> None:
    assert root in cameo_roots(name)


def test_quads_and_modes() -> None:
    assert {quad(t) for t in PLOVER_TYPES} == {
        "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"
    }  # fmt: skip
    assert quad("ASSAULT") == "material conflict"
    assert "visit" in modes("CONSULT")
    assert "aerial" in modes("ASSAULT")
    assert modes("AGREE") == ()
    assert "diplomatic" in contexts()


def test_current_type_maps_old_categories() -> None:
    assert current_type("DEMAND") == "REQUEST"
    assert current_type("DISAPPROVE") == "ACCUSE"
    assert current_type("INVESTIGATE") == "ACCUSE"
    assert current_type("FIGHT") == "ASSAULT"
    assert current_type("reject") == "REJECT"
    with pytest.raises(KeyError):
        current_type("DOCUMENT")


def test_cameo_fits() -> None:
    assert cameo_fits("ACCUSE", "090")
    assert cameo_fits("ACCUSE", "1121")
    assert not cameo_fits("SUPPORT", "1121")


def test_lexicon_integrity() -> None:
    rows = lexicon()
    assert len(rows) >= 200
    ids = Counter(r.id for r in rows)
    assert [i for i, n in ids.items() if n > 1] == []
    facts = Counter((r.words, r.pos, r.type) for r in rows)
    assert [f for f, n in facts.items() if n > 1] == []
    known_contexts = set(contexts())
    for r in rows:
        assert r.type in PLOVER_TYPES, r.id
        assert r.pos in ("verb", "noun"), r.id
        assert r.pattern in PATTERNS, r.id
        assert r.cameo.isdigit() and 2 <= len(r.cameo) <= 4, r.id
        assert cameo_fits(r.type, r.cameo), r.id
        assert r.mode is None or r.mode in modes(r.type), r.id
        assert r.context is None or r.context in known_contexts, r.id
        assert 0.0 < r.conf <= 1.0, r.id
        assert (len(r.words) > 1) == (r.pattern in ("phrasal", "light", "compound")), r.id


def test_every_type_has_several_rows() -> None:
    per_type = Counter(r.type for r in lexicon())
    assert set(per_type) == set(PLOVER_TYPES)
    assert min(per_type.values()) >= 5


def test_denials_are_not_coded() -> None:
    # dev-gold convention: PLOVER has no deny category
    assert not any(r.words == ("deny",) for r in lexicon())
