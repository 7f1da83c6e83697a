"""Dense contextual features (the experiment of issue 11, variant i11d)."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.tokens import Doc

from eventwire.coding.dense import argument_parts, event_parts, has_tensor
from eventwire.coding.linear import CoderModel, DenseWeights, LinearModel
from eventwire.nlp.pipeline import parse


def test_parts_read_the_parsed_tensor() -> None:
    doc = parse("The ministry condemned the raid on the village.")
    assert has_tensor(doc)
    width = doc.tensor.shape[1]
    verb = next(t for t in doc if t.lemma_ == "condemn")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    vec = event_parts(verb, ("tok", "sent"))
    assert vec is not None and vec.shape == (2 * width,)
    assert np.allclose(vec[:width], doc.tensor[verb.i])
    arg = argument_parts(verb, subject, ("prod",))
    assert arg is not None
    assert np.allclose(arg, doc.tensor[verb.i] * doc.tensor[subject.i])


def test_a_doc_without_tensor_gives_no_vector() -> None:
    doc = parse("Rebels attacked a post.")
    bare = Doc(doc.vocab, words=[t.text for t in doc])
    assert not has_tensor(bare)
    assert event_parts(bare[1], ("tok",)) is None


def test_dense_weights_round_trip_and_score() -> None:
    dense = DenseWeights(
        ("tok",), np.zeros(2), np.ones(2), {"": np.array([1.0, 0.0]), "ACCUSE": np.ones(2)}
    )
    model = LinearModel(0.0, {"a": 1.0}, 0.5, None, dense)
    vec = np.array([2.0, 3.0])
    assert model.margin(["a"], vec, "ACCUSE") == pytest.approx(1 + 2 + 5)
    assert model.margin(["a"], vec, "AID") == pytest.approx(3)
    assert model.margin(["a"], None, "ACCUSE") == pytest.approx(1)  # no tensor: symbolic only
    assert model.margin(["a"], np.zeros(3), "AID") == pytest.approx(1)  # another width
    coder = CoderModel(model, model, model, {})
    again = CoderModel.from_json(coder.to_json())
    assert again.event.margin(["a"], vec, "ACCUSE") == pytest.approx(8)
    assert again.to_json() == coder.to_json()
