"""The trained coder's model: three logistic regressions stored as plain JSON (feature ->
weight, a bias and a decision threshold each), scored in plain Python.

The file `data/coder_model.json` is written by `eventwire train` (scikit-learn fits the
weights) and read here without scikit-learn: no pickle is loaded, scoring a candidate is a sum
over its features, and the file is small enough to review. `meta` records what the model was
trained on (gold file hashes), the seed, the library versions and the training settings.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np

MODEL_FILE = "coder_model.json"
DECISIONS = ("event", "source", "target")


@dataclass(frozen=True, slots=True, eq=False)
class DenseWeights:
    """Weights over a dense vector (`coding/dense.py`), standardised as in training: one
    weight vector for every candidate (key ""), and one per event type for its candidates."""

    parts: tuple[str, ...]  # which parts make the vector, in order
    mean: np.ndarray
    scale: np.ndarray
    weights: dict[str, np.ndarray]
    projection: np.ndarray | None = None  # standardised vector -> fewer components

    def margin(self, vector: np.ndarray, etype: str) -> float:
        if vector.shape != self.mean.shape:
            return 0.0  # another tensor width: the symbolic features alone
        z = (vector - self.mean) / self.scale
        if self.projection is not None:
            z = z @ self.projection
        total = 0.0
        for key in ("", etype):
            w = self.weights.get(key)
            if w is not None:
                total += float(w @ z)
        return total

    def to_dict(self) -> dict[str, Any]:
        def listed(a: np.ndarray) -> list[float]:
            return [round(float(x), 6) for x in a]

        out: dict[str, Any] = (
            {}
            if self.projection is None
            else {"projection": [listed(row) for row in self.projection]}
        )
        return out | {
            "parts": list(self.parts),
            "mean": listed(self.mean),
            "scale": listed(self.scale),
            "weights": {k: listed(w) for k, w in self.weights.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DenseWeights:
        return cls(
            tuple(data["parts"]),
            np.asarray(data["mean"], dtype=np.float64),
            np.asarray(data["scale"], dtype=np.float64),
            {k: np.asarray(w, dtype=np.float64) for k, w in data["weights"].items()},
            np.asarray(data["projection"], dtype=np.float64) if "projection" in data else None,
        )


@dataclass(frozen=True, slots=True)
class LinearModel:
    bias: float
    weights: dict[str, float]
    threshold: float
    # the event model's threshold for the candidates the rule coder codes itself
    rules_threshold: float | None = None
    dense: DenseWeights | None = None  # weights over contextual vectors, when trained with them

    def margin(
        self, features: Iterable[str], vector: np.ndarray | None = None, etype: str = ""
    ) -> float:
        weights = self.weights
        z = self.bias + sum(weights.get(f, 0.0) for f in features)
        if self.dense is not None and vector is not None:
            z += self.dense.margin(vector, etype)
        return z

    def probability(
        self, features: Iterable[str], vector: np.ndarray | None = None, etype: str = ""
    ) -> float:
        z = self.margin(features, vector, etype)
        return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0

    def strongest(self, features: Iterable[str], n: int = 3) -> list[tuple[str, float]]:
        """The features that pushed the decision most, either way."""
        found = [(f, self.weights[f]) for f in set(features) if f in self.weights]
        return sorted(found, key=lambda fw: (-abs(fw[1]), fw[0]))[:n]

    def to_dict(self) -> dict[str, Any]:
        out = {"bias": self.bias, "threshold": self.threshold, "weights": self.weights}
        if self.rules_threshold is not None:
            out["rules_threshold"] = self.rules_threshold
        if self.dense is not None:
            out["dense"] = self.dense.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearModel:
        rules = data.get("rules_threshold")
        dense = data.get("dense")
        return cls(
            float(data["bias"]),
            dict(data["weights"]),
            float(data["threshold"]),
            None if rules is None else float(rules),
            None if dense is None else DenseWeights.from_dict(dense),
        )


@dataclass(frozen=True, slots=True)
class CoderModel:
    event: LinearModel  # is this candidate an event of its proposed type?
    source: LinearModel  # is this actor the event's source?
    target: LinearModel  # is this actor the event's target?
    meta: dict[str, Any]

    def to_json(self) -> str:
        """Stable text: sorted keys, so the same fit gives the same bytes."""
        data = {"meta": self.meta, **{d: getattr(self, d).to_dict() for d in DECISIONS}}
        return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> CoderModel:
        data = json.loads(text)
        models = {d: LinearModel.from_dict(data[d]) for d in DECISIONS}
        return cls(models["event"], models["source"], models["target"], data.get("meta", {}))


@functools.cache
def shipped_model() -> CoderModel:
    """The model in the package (data/coder_model.json), read once per process."""
    text = resources.files("eventwire.coding").joinpath("data", MODEL_FILE).read_text("utf-8")
    return CoderModel.from_json(text)
