"""analyze_many: a process pool gives the same documents as in-process analysis, in input
order, and a bad item (or a worker that dies) costs only that item."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.analysis import analyze
from eventwire.errors import InputError
from eventwire.ingest.sources import read_article
from eventwire.model import AnalyzedDocument, Article
from eventwire.scale.pool import _Item, _pooled, _pooled_chunks, _submit, analyze_many
from eventwire.scale.work import Failure, ItemError, analyze_chunk

STORIES = {
    "talks.txt": (
        "Carpathia and Moldavia resume talks\n\n"
        "The foreign ministers of Carpathia and Moldavia met in Vienna on Tuesday and agreed "
        "to reopen the border crossings closed since the spring.\n"
    ),
    "protest.txt": (
        "Police detain marchers\n\n"
        "Police in Lima arrested 40 protesters on Saturday after a march against the new "
        "mining law turned violent, officials said.\n"
    ),
    "sanctions.txt": (
        "New sanctions announced\n\n"
        "The European Union imposed sanctions on Belarus on Monday, freezing the assets of "
        "twelve officials accused of rigging the election.\n"
    ),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = tmp_path_factory.mktemp("pool")
    specs = []
    for name, text in STORIES.items():
        (root / name).write_text(text, encoding="utf-8")
        specs.append(str(root / name))
    (root / "empty.txt").write_text("", encoding="utf-8")
    specs.insert(1, str(root / "empty.txt"))  # the bad file sits between good ones
    return specs


def _expected(spec: str, published: str | None = None) -> AnalyzedDocument:
    return analyze(read_article(spec, published=published))


def test_two_workers_match_in_process_analysis(corpus: list[str]) -> None:
    dates = {"talks.txt": "2024-03-05"}
    results = list(analyze_many(corpus, workers=2, published=dates))

    assert [label for label, _ in results] == corpus  # input order
    bad = dict(results)[corpus[1]]
    assert isinstance(bad, InputError)
    assert bad.code == "E011" and corpus[1] in str(bad) and "\n" not in str(bad)
    for spec, doc in results:
        if spec == corpus[1]:
            continue
        assert isinstance(doc, AnalyzedDocument)
        expected = _expected(spec, dates.get(Path(spec).name))
        assert doc.to_dict() == expected.to_dict()
        assert doc.article.source == spec
    talks = dict(results)[corpus[0]]
    assert isinstance(talks, AnalyzedDocument)
    assert talks.article.published == "2024-03-05"
    assert sum(len(d.events) for _, d in results if isinstance(d, AnalyzedDocument)) > 0


def test_one_worker_runs_in_process_with_articles(corpus: list[str]) -> None:
    article = read_article(corpus[2])
    article.source = "feed.jsonl:7"
    results = list(analyze_many([corpus[1], article], workers=1))
    assert [label for label, _ in results] == [corpus[1], "feed.jsonl:7"]
    assert isinstance(results[0][1], InputError)
    doc = results[1][1]
    assert isinstance(doc, AnalyzedDocument)
    assert doc.to_dict() == analyze(read_article(corpus[2])).to_dict()


def test_workers_must_be_positive() -> None:
    with pytest.raises(ValueError, match="workers"):
        list(analyze_many(["x.txt"], workers=0))


def test_unexpected_exception_becomes_an_item_error() -> None:
    # an Article whose text is not a str makes the pipeline itself fail
    broken = Article(text=None, source="broken-record")  # type: ignore[arg-type]
    ((label, err),) = list(analyze_many([broken], workers=1))
    assert label == "broken-record"
    assert isinstance(err, ItemError)
    assert str(err).startswith("E050 broken-record: internal error (")


def _dies_on_crash(item: str | Article, published: str | None, allow_private: bool) -> Failure:
    # runs in a spawned worker: exit without cleanup, as a segfault or OOM kill would
    if item == "crash":
        os._exit(3)
    return Failure(f"done {item}")


def _no_model() -> None:
    """This test's task needs no spaCy model, so its workers skip loading one."""


def test_a_dying_worker_costs_only_its_item() -> None:
    labels = ["a", "b", "crash", "c", "d", "e"]
    queue = [_Item(x, x, None) for x in labels]
    results = list(_pooled(queue, 2, False, _dies_on_crash, _no_model))
    assert [label for label, _ in results] == labels
    messages = {label: str(err) for label, err in results}
    assert messages["crash"] == "E050 crash: internal error (the worker process died)"
    assert all(messages[x] == f"done {x}" for x in labels if x != "crash")


class _BrokenPool:
    """A pool whose worker died between two submissions: `submit` itself raises."""

    def submit(self, *args: object) -> object:
        from concurrent.futures.process import BrokenProcessPool

        raise BrokenProcessPool("a child process terminated abruptly")


def test_a_pool_broken_at_submission_gives_a_broken_future_not_an_exception() -> None:
    from concurrent.futures.process import BrokenProcessPool

    future = _submit(_BrokenPool(), _dies_on_crash, _Item("a", "a", None), False)  # type: ignore[arg-type]
    with pytest.raises(BrokenProcessPool):
        future.result()


def test_a_chunk_is_parsed_together_and_gives_the_same_documents(corpus: list[str]) -> None:
    outcomes = analyze_chunk([(spec, None) for spec in corpus])
    assert isinstance(outcomes[1], Failure) and outcomes[1].message.startswith("E011")
    for spec, outcome in zip(corpus, outcomes, strict=True):
        if spec != corpus[1]:
            assert isinstance(outcome, AnalyzedDocument)
            assert outcome.to_dict() == _expected(spec).to_dict()


def test_a_batch_spacy_fails_on_is_parsed_article_by_article(
    corpus: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventwire.nlp.pipeline as pipeline

    def broken(texts: object, batch_size: int = 0) -> object:
        raise RuntimeError("spaCy could not take this batch")

    monkeypatch.setattr(pipeline, "parse_many", broken)
    outcomes = analyze_chunk([(spec, None) for spec in corpus])
    assert isinstance(outcomes[1], Failure)
    docs = [o for o in outcomes if isinstance(o, AnalyzedDocument)]
    assert [d.to_dict() for d in docs] == [_expected(s).to_dict() for s in corpus if s != corpus[1]]


def _chunk_dies_on_crash(
    part: tuple[_Item, ...], published: str | None, allow_private: bool
) -> list[Failure]:
    # a chunk holding "crash" kills its worker, every time it is tried
    if any(it.item == "crash" for it in part):
        os._exit(3)
    return [Failure(f"done {it.item}") for it in part]


def test_a_chunk_that_kills_its_worker_costs_only_the_killing_item() -> None:
    labels = ["a", "b", "c", "crash", "d", "e", "f", "g"]
    queue = [_Item(x, x, None) for x in labels]
    results = list(_pooled_chunks(queue, 2, False, 3, _chunk_dies_on_crash, _no_model))
    assert [label for label, _ in results] == labels
    messages = {label: str(err) for label, err in results}
    assert messages["crash"] == "E050 crash: internal error (the worker process died)"
    assert all(messages[x] == f"done {x}" for x in labels if x != "crash")


def test_a_text_over_the_size_cap_fails_alone_in_its_batch(
    corpus: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventwire.analysis as analysis

    long_one = read_article(corpus[0])
    long_one.source = "long-one"
    monkeypatch.setattr(analysis, "MAX_TEXT_CHARS", len(long_one.text) - 1)
    short = Article(text="Police in Lima arrested forty protesters on Saturday.", source="short")
    outcomes = analyze_chunk([(long_one, None), (short, None)])
    assert isinstance(outcomes[0], Failure) and outcomes[0].message.startswith("E013 long-one")
    assert isinstance(outcomes[1], AnalyzedDocument)
