"""Training the coder end to end on a small gold folder written for these tests
(tests/fixtures/training: six invented articles), so CI covers the training code without
../shared: alignment of gold events to candidates, the fit, the model file, reproducibility,
out-of-fold scoring and the coder run with the trained model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.coding.linear import CoderModel, LinearModel
from eventwire.training.corpus import gold_hashes, load_gold, parse_all
from eventwire.training.fit import EVENT_GRID, Example, Settings, make_examples, train
from eventwire.training.oof import out_of_fold

FIXTURE = Path(__file__).parent / "fixtures" / "training"


@pytest.fixture(scope="module")
def examples(nlp) -> list[Example]:  # type: ignore[no-untyped-def]
    return make_examples(parse_all(load_gold(FIXTURE)))


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory, nlp) -> tuple[CoderModel, Path]:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("model") / "model.json"
    return train(FIXTURE, out, date="2026-01-01"), out


def _candidate(ex: Example, word: str, etype: str) -> int:
    return next(
        k for k, c in enumerate(ex.feats.art.candidates) if c.head.text == word and c.type == etype
    )


def test_gold_events_are_aligned_to_their_trigger(examples: list[Example]) -> None:
    ex = next(e for e in examples if e.id == "t2-protest-arrests")
    arrested = _candidate(ex, "arrested", "COERCE")
    assert ex.assigned[arrested] == [1]  # the gold COERCE event, second in the file
    criticized = _candidate(ex, "criticized", "ACCUSE")
    assert ex.assigned[criticized] == [2]
    # "said" proposes no event that gold has
    assert all(not a for a, c in zip(ex.assigned, ex.feats.art.candidates, strict=True)
               if c.head.text == "said")  # fmt: skip


def test_model_file_records_what_it_was_trained_on(trained: tuple[CoderModel, Path]) -> None:
    model, path = trained
    meta = json.loads(path.read_text("utf-8"))["meta"]
    assert meta["trained_on"] == gold_hashes(FIXTURE, load_gold(FIXTURE))
    assert len(meta["trained_on"]) == 12  # six gold files and six article texts
    assert meta["settings"]["seed"] == Settings().seed
    assert meta["date"] == "2026-01-01" and meta["articles"] == 6 and meta["gold_events"] == 17
    assert meta["sklearn"]
    assert model.event.weights and model.source.weights
    assert model.event.threshold in EVENT_GRID


def test_training_is_reproducible(trained: tuple[CoderModel, Path], tmp_path: Path) -> None:
    _, first = trained
    again = tmp_path / "again.json"
    train(FIXTURE, again, date="2026-01-01")
    assert again.read_bytes() == first.read_bytes()


def test_trained_model_codes_an_unseen_article(trained: tuple[CoderModel, Path], nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.actors.resolve import resolve_actors
    from eventwire.coding.learned import code_article
    from eventwire.nlp.quotes import find_quotes

    model, path = trained
    assert CoderModel.from_json(path.read_text("utf-8")) == model
    doc = nlp("Bolivia condemned Paraguay on Friday. The weather was warm in La Paz.")
    actors = resolve_actors(doc)
    events = code_article(doc, actors, find_quotes(doc, actors), model)
    assert [e.type for e in events] == ["ACCUSE"]
    assert events[0].evidence.sentence == "Bolivia condemned Paraguay on Friday."
    assert 0.0 < events[0].confidence <= 1.0
    assert "event p=" in events[0].why["model"]


def test_out_of_fold_scores_each_article_once_with_a_model_that_never_saw_it(
    examples: list[Example],
) -> None:
    folds = {ex.id: i % 5 for i, ex in enumerate(sorted(examples, key=lambda e: e.id))}
    scores = out_of_fold(examples, folds=folds, groups={ex.id: "fixture" for ex in examples})
    assert scores["docs"] == 6 and scores["events_gold"] == 17
    assert set(scores["per_fold"]) == {"0", "1", "2", "3", "4"}
    assert scores["fixture"]["events_gold"] == 17
    for key in ("event_f1", "event_type_f1", "target_accuracy"):
        assert 0.0 <= scores[key] <= 1.0


def test_out_of_fold_trains_only_on_the_given_articles(examples: list[Example]) -> None:
    ordered = sorted(examples, key=lambda e: e.id)
    folds = {ex.id: i % 5 for i, ex in enumerate(ordered)}
    only_fold_0 = {ex.id for ex in ordered if folds[ex.id] == 0}
    scores = out_of_fold(examples, folds=folds, train_ids=only_fold_0)
    # fold 0 has nothing left to train on; every other fold trains on fold 0 alone
    assert set(scores["per_fold"]) == {"1", "2", "3", "4"}
    assert scores["events_gold"] < out_of_fold(examples, folds=folds)["events_gold"]


def test_linear_model_is_a_logistic_sum_over_its_features() -> None:
    model = LinearModel(bias=-1.0, weights={"a": 2.0, "b": -0.5}, threshold=0.5)
    assert model.margin(["a", "c"]) == pytest.approx(1.0)
    assert model.probability(["a", "c"]) == pytest.approx(1 / (1 + 2.718281828**-1.0))
    assert model.probability([]) < 0.5 < model.probability(["a"])
    assert model.strongest(["b", "a", "zzz"]) == [("a", 2.0), ("b", -0.5)]
