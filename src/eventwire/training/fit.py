"""Fitting the trained coder on the gold articles with scikit-learn, and writing the model.

Three L2-regularised logistic regressions (liblinear, seeded): the event model over every
candidate, and the source and target models over the actors around each candidate that a
gold event was aligned to. Their decision thresholds are chosen by an inner cross-validation
on the training articles alone (strict F1 of the decoded events), so a fold's model never
sees its test articles, not even to pick a threshold. The weights go into a JSON file the
coder reads without scikit-learn (`coding/linear.py`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.coding.candidates import article_candidates
from eventwire.coding.learned import (
    ArticleFeatures,
    Scores,
    Thresholds,
    article_features,
    decode,
)
from eventwire.coding.linear import CoderModel, LinearModel
from eventwire.evaluate.devgold import EventTally, event_summary, score_events
from eventwire.model import Event
from eventwire.training.align import align, gold_sides, matching_actors
from eventwire.training.corpus import ParsedDoc, gold_hashes, load_gold, parse_all

SEED = 11
C_EVENT = 0.3  # inverse regularisation strength of the event model
C_ARGUMENT = 0.3
INNER_FOLDS = 3
EVENT_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
RULES_GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
ARGUMENT_GRID = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
DIGITS = 6  # weights are rounded so the file is stable and small
PLOVER_WEIGHT = 0.5
PLOVER_SIDES = True


@dataclass(slots=True)
class Example:
    """One gold article ready for training: its candidates' features, and for each
    candidate the gold events aligned to it."""

    parsed: ParsedDoc
    feats: ArticleFeatures
    assigned: list[list[int]]
    domain: str = "news"  # "plover" for a PLOVER gold sentence

    @property
    def id(self) -> str:
        return self.parsed.id

    @property
    def gold(self) -> dict[str, Any]:
        return self.parsed.gold.gold


def make_examples(parsed: Iterable[ParsedDoc], domain: str = "news") -> list[Example]:
    out = []
    for p in parsed:
        art = article_candidates(p.doc, p.actors, p.quotes)
        out.append(Example(p, article_features(art), align(art, p.gold.gold), domain))
    return out


def news(examples: Iterable[Example]) -> list[Example]:
    return [ex for ex in examples if ex.domain == "news"]


@dataclass(slots=True)
class Settings:
    seed: int = SEED
    c_event: float = C_EVENT
    c_argument: float = C_ARGUMENT
    merge: bool = True
    drop: tuple[str, ...] = ()  # feature prefixes left out (for ablations)
    plover_weight: float = PLOVER_WEIGHT  # of a PLOVER sentence's examples in the event model
    plover_sides: bool = PLOVER_SIDES  # PLOVER sentences train the argument models too

    def to_dict(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "c_event": self.c_event,
            "c_argument": self.c_argument,
            "merge": self.merge,
            "inner_folds": INNER_FOLDS,
            "plover_weight": self.plover_weight,
            "plover_sides": self.plover_sides,
            **({"drop": list(self.drop)} if self.drop else {}),
        }

    def weight(self, ex: Example) -> float:
        return self.plover_weight if ex.domain == "plover" else 1.0


# --- data for the three models ------------------------------------------------------------


def _kept(fs: list[str], drop: tuple[str, ...]) -> list[str]:
    return [f for f in fs if not f.startswith(tuple(drop))] if drop else fs


Data = tuple[list[list[str]], list[int], list[float]]


def event_data(examples: Iterable[Example], settings: Settings) -> Data:
    xs: list[list[str]] = []
    ys: list[int] = []
    ws: list[float] = []
    for ex in examples:
        w = settings.weight(ex)
        if w <= 0:
            continue
        if ex.domain == "news":
            xs.extend(_kept(fs, settings.drop) for fs in ex.feats.events)
        else:  # the domain's own base rate, kept apart from the articles'
            tag = f"domain:{ex.domain}"
            xs.extend(
                [*_kept(fs, settings.drop), tag, f"{tag}|{c.type}"]
                for c, fs in zip(ex.feats.art.candidates, ex.feats.events, strict=True)
            )
        ys.extend(int(bool(g)) for g in ex.assigned)
        ws.extend(w for _ in ex.assigned)
    return xs, ys, ws


def argument_data(examples: Iterable[Example], side: str, settings: Settings) -> Data:
    """Every actor around every candidate with a gold event; positive when it is the gold
    source (target) of one of those events. A candidate whose gold side names an actor that
    is not among those around it (unresolved, or told far away) teaches nothing about
    choosing among them, and is left out for that side."""
    xs: list[list[str]] = []
    ys: list[int] = []
    ws: list[float] = []
    for ex in examples:
        if ex.domain != "news" and not settings.plover_sides:
            continue
        w = settings.weight(ex) if ex.domain != "news" else 1.0
        sides = gold_sides(ex.gold)
        for k, events in enumerate(ex.assigned):
            if not events:
                continue
            around = ex.feats.arguments(k)
            present = {m.actor for m, _ in around}
            wanted: set[str] = set()
            reachable = True
            for g in events:
                names = sides[g].source if side == "source" else sides[g].target
                ids = matching_actors(ex.parsed.actors, names)
                reachable = reachable and (names is None or bool(ids & present))
                wanted |= ids
            if not reachable:
                continue
            for mention, fs in around:
                xs.append(_kept(fs, settings.drop))
                ys.append(int(mention.actor in wanted))
                ws.append(w)
    return xs, ys, ws


def fit_linear(
    xs: list[list[str]], ys: list[int], ws: list[float] | None, c: float, seed: int
) -> LinearModel:
    """A logistic regression over binary features, as weights by feature name."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len(set(ys)) < 2:  # nothing to learn: a constant answer
        return LinearModel(-5.0 if not any(ys) else 5.0, {}, 0.5)
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform([dict.fromkeys(fs, 1) for fs in xs]).tocsr()
    # liblinear takes 32-bit indices only; scipy may build 64-bit ones
    matrix.indices = matrix.indices.astype("int32")
    matrix.indptr = matrix.indptr.astype("int32")
    clf = LogisticRegression(
        C=c,
        solver="liblinear",
        random_state=seed,
        max_iter=1000,
    )
    clf.fit(matrix, ys, sample_weight=ws)
    weights = {
        name: round(float(w), DIGITS)
        for name, w in zip(vectorizer.feature_names_, clf.coef_[0], strict=True)
        if round(float(w), DIGITS) != 0.0
    }
    return LinearModel(round(float(clf.intercept_[0]), DIGITS), weights, 0.5)


def _fit_weights(examples: list[Example], settings: Settings) -> CoderModel:
    s = settings
    ev = fit_linear(*event_data(examples, s), s.c_event, s.seed)
    src = fit_linear(*argument_data(examples, "source", s), s.c_argument, s.seed)
    tgt = fit_linear(*argument_data(examples, "target", s), s.c_argument, s.seed)
    return CoderModel(ev, src, tgt, {})


# --- thresholds ---------------------------------------------------------------------------


def record(events: list[Event], ex: Example) -> dict[str, Any]:
    """The predicted events and actors in the shape `score_events` reads."""
    actors = [
        {"id": a.id, "name": a.name, "mentions": [{"text": m.text} for m in a.mentions]}
        for a in ex.parsed.actors
    ]
    return {
        "actors": actors,
        "events": [
            {
                "type": e.type,
                "source": e.source,
                "target": e.target,
                "evidence": {"sentence": e.evidence.sentence},
                "date": e.date,
                "historical": e.historical,
            }
            for e in events
        ],
    }


def tune_thresholds(examples: list[Example], settings: Settings) -> Thresholds:
    """The thresholds with the best strict F1 over an inner cross-validation (by article)
    of the training articles; type-level F1 breaks ties. Other domains' examples (PLOVER
    sentences) are in every inner training part and never held out."""
    ordered = sorted(news(examples), key=lambda ex: ex.id)
    others = [ex for ex in examples if ex.domain != "news"]
    held: list[tuple[Example, Scores, CoderModel]] = []
    for k in range(INNER_FOLDS):
        train = [ex for i, ex in enumerate(ordered) if i % INNER_FOLDS != k] + others
        test = [ex for i, ex in enumerate(ordered) if i % INNER_FOLDS == k]
        model = _fit_weights(train, settings)
        held += [(ex, Scores(ex.feats, model), model) for ex in test]

    cache: dict[Thresholds, tuple[float, float]] = {}

    def quality(limits: Thresholds) -> tuple[float, float]:
        """(strict F1, type-level F1) of the held-out articles at these thresholds."""
        if limits not in cache:
            tally = EventTally()
            for ex, scores, model in held:
                events = decode(ex.feats, model, scores=scores, limits=limits, merge=settings.merge)
                score_events(record(events, ex), ex.gold, tally, detail=False)
            summary = event_summary(tally)
            cache[limits] = summary["event_f1"], summary["event_type_f1"]
        return cache[limits]

    # the event threshold first (sides at one half, the rules' candidates alike), then the
    # rules' candidates', then the source's, then the target's; a tie goes to the lower
    event = max(EVENT_GRID, key=lambda t: (quality(Thresholds(t, 0.5, 0.5, t)), -t))
    rules = max(RULES_GRID, key=lambda t: (quality(Thresholds(event, 0.5, 0.5, t)), -t))
    source = max(ARGUMENT_GRID, key=lambda t: (quality(Thresholds(event, t, 0.5, rules)), -t))
    target = max(ARGUMENT_GRID, key=lambda t: (quality(Thresholds(event, source, t, rules)), -t))
    return Thresholds(event, source, target, rules)


def fit_model(examples: list[Example], settings: Settings) -> CoderModel:
    """The three models fitted on all the examples, thresholds from the inner CV."""
    limits = tune_thresholds(examples, settings)
    fitted = _fit_weights(examples, settings)
    return CoderModel(
        LinearModel(fitted.event.bias, fitted.event.weights, limits.event, limits.rules),
        LinearModel(fitted.source.bias, fitted.source.weights, limits.source),
        LinearModel(fitted.target.bias, fitted.target.weights, limits.target),
        {},
    )


# --- the shipped model ----------------------------------------------------------------------


def train(
    data_dir: Path,
    out: Path,
    *,
    settings: Settings | None = None,
    date: str | None = None,
    sets: Iterable[str] | None = None,
    on_doc: Callable[[str], None] | None = None,
) -> CoderModel:
    """Fit the coder on every gold article under `data_dir` (and the PLOVER gold sentences,
    when the settings weigh them) and write the model to `out`. The same gold files,
    settings and date give the same bytes."""
    import sklearn

    from eventwire.training.plover import PLOVER_SET, load_plover, parse_sentences, plover_hash

    settings = settings or Settings()
    names = tuple(sets) if sets is not None else None
    gold = load_gold(data_dir, names) if names else load_gold(data_dir)
    examples = make_examples(parse_all(gold, on_doc))
    articles = len(examples)
    hashes = gold_hashes(data_dir, gold, names) if names else gold_hashes(data_dir, gold)
    sentences = load_plover(data_dir) if settings.plover_weight > 0 else []
    if sentences:
        examples += make_examples(parse_sentences(sentences), PLOVER_SET)
        hashes |= plover_hash(data_dir)
    fitted = fit_model(examples, settings)
    meta = {
        "trained_on": hashes,
        "articles": articles,
        "plover_sentences": len(sentences),
        "gold_events": sum(len(ex.gold["events"]) for ex in news(examples)),
        "settings": settings.to_dict(),
        "sklearn": sklearn.__version__,
        "spacy_model": _spacy_model(),
        "date": date or dt.date.today().isoformat(),
    }
    model = CoderModel(fitted.event, fitted.source, fitted.target, meta)
    out.write_text(model.to_json(), encoding="utf-8")
    return model


def _spacy_model() -> str:
    from eventwire.nlp.pipeline import load_nlp

    meta = load_nlp().meta
    return f"{meta.get('name')} {meta.get('version')}"
