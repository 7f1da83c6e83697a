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

MODEL_FILE = "coder_model.json"
DECISIONS = ("event", "source", "target")


@dataclass(frozen=True, slots=True)
class LinearModel:
    bias: float
    weights: dict[str, float]
    threshold: float
    # the event model's threshold for the candidates the rule coder codes itself
    rules_threshold: float | None = None

    def margin(self, features: Iterable[str]) -> float:
        weights = self.weights
        return self.bias + sum(weights.get(f, 0.0) for f in features)

    def probability(self, features: Iterable[str]) -> float:
        z = self.margin(features)
        return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0

    def strongest(self, features: Iterable[str], n: int = 3) -> list[tuple[str, float]]:
        """The features that pushed the decision most, either way."""
        found = [(f, self.weights[f]) for f in set(features) if f in self.weights]
        return sorted(found, key=lambda fw: (-abs(fw[1]), fw[0]))[:n]

    def to_dict(self) -> dict[str, Any]:
        out = {"bias": self.bias, "threshold": self.threshold, "weights": self.weights}
        if self.rules_threshold is not None:
            out["rules_threshold"] = self.rules_threshold
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearModel:
        rules = data.get("rules_threshold")
        return cls(
            float(data["bias"]),
            dict(data["weights"]),
            float(data["threshold"]),
            None if rules is None else float(rules),
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
