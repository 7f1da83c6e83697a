"""PLOVER gold sentences as training data, joint acts and coordinated sides: on invented
records and sentences (no ../shared needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.coding.learned import Side, _coordinated, _joint
from eventwire.evaluate.plover import GSR_PATH
from eventwire.model import Event, Evidence
from eventwire.training.corpus import load_gold, parse_all
from eventwire.training.fit import Settings, event_data, make_examples
from eventwire.training.oof import out_of_fold
from eventwire.training.plover import PLOVER_SET, load_plover, parse_sentences, plover_gold

FIXTURE = Path(__file__).parent / "fixtures" / "training"

RECORDS = [
    {"id": "DOCUMENT-1", "event": "DOCUMENT"},
    {
        "id": "R-1",
        "event": "DISAPPROVE",  # PLOVER 0.5: ACCUSE now
        "source": [{"actorText": "Bolivia"}, {"actorText": "Ecuador"}],
        "target": [{"actorText": "Paraguay"}],
        "text": "Bolivia and Ecuador condemned Paraguay over the border closure on Tuesday.",
    },
    {
        "id": "R-1",  # the same id again, as one record of the real file has
        "event": "DEMAND",
        "mode": "",
        "source": [{"actorText": "Uruguay"}],
        "text": "Uruguay demanded that Argentina reopen the bridge.",
    },
    {
        "id": "R-3",
        "event": "AGREE",
        "source": [{"actorText": "Chile"}],
        "target": [{"actorText": "Peru"}],
        "text": "Chile agreed to resume talks with Peru next month.",
    },
    {
        "id": "R-4",
        "event": "ASSAULT",
        "source": [{"actorText": "rebels"}],
        "target": [{"actorText": "Colombia"}],
        "text": "Rebels attacked an army base in northern Colombia on Sunday.",
    },
    {
        "id": "R-5",
        "event": "DEMAND",
        "source": [{"actorText": "Brazil"}],
        "target": [{"actorText": "Venezuela"}],
        "text": "Brazil asked Venezuela to release the detained journalists.",
    },
]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("data")
    path = root / GSR_PATH
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    return root


def test_a_record_becomes_a_gold_sentence_with_one_event_per_pair() -> None:
    gold = plover_gold(RECORDS[1], "R-1")
    assert gold.text == RECORDS[1]["text"]
    assert [(e["type"], e["source"], e["target"]) for e in gold.gold["events"]] == [
        ("ACCUSE", "Bolivia", "Paraguay"),
        ("ACCUSE", "Ecuador", "Paraguay"),
    ]
    assert all(e["evidence"] == gold.text for e in gold.gold["events"])
    assert {a["name"] for a in gold.gold["actors"]} == {"Bolivia", "Ecuador", "Paraguay"}
    one_sided = plover_gold(RECORDS[2], "R-1#2").gold["events"]
    assert [(e["type"], e["source"], e["target"]) for e in one_sided] == [
        ("REQUEST", "Uruguay", None)
    ]


def test_sentences_load_with_unique_ids_and_no_document_record(data_dir: Path) -> None:
    docs = load_plover(data_dir)
    assert [d.id for d in docs] == ["R-1", "R-1#2", "R-3", "R-4", "R-5"]
    assert load_plover(data_dir / "elsewhere") == []


def test_plover_candidates_carry_their_domain_and_weight(data_dir: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    examples = make_examples(parse_sentences(load_plover(data_dir)), PLOVER_SET)
    assert {ex.domain for ex in examples} == {PLOVER_SET}
    accuse = examples[0]
    assert any(accuse.assigned), "the gold ACCUSE is aligned to a candidate"
    xs, ys, ws = event_data(examples, Settings(plover_weight=0.25))
    assert len(xs) == len(ys) == len(ws) == sum(len(ex.assigned) for ex in examples)
    assert all("domain:plover" in fs for fs in xs) and set(ws) == {0.25}
    assert event_data(examples, Settings(plover_weight=0.0)) == ([], [], [])
    # the coder itself never sees the domain feature: only the training rows carry it
    assert not any("domain:plover" in fs for ex in examples for fs in ex.feats.events)


def test_out_of_fold_scores_articles_and_sentences_apart(data_dir: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    articles = make_examples(parse_all(load_gold(FIXTURE)))
    sentences = make_examples(parse_sentences(load_plover(data_dir)), PLOVER_SET)
    ordered = sorted(articles, key=lambda e: e.id) + sentences
    folds = {ex.id: i % 5 for i, ex in enumerate(ordered)}
    scores = out_of_fold(articles + sentences, folds=folds)
    assert scores["docs"] == 6 and scores["events_gold"] == 17  # the articles alone
    assert scores["plover_sentences"] == 5
    assert 0.0 <= scores["plover_type_accuracy"] <= 1.0


def _event(source: list[str], target: list[str], etype: str = "SUPPORT") -> Event:
    text = "Chile and Peru signed a trade agreement."
    return Event(
        id="", type=etype, evidence=Evidence(text, 0, len(text)), source=source, target=target
    )


def test_a_joint_act_of_two_parties_is_coded_both_ways() -> None:
    both = _joint(_event(["a1", "a2"], []))
    assert [(e.source, e.target) for e in both] == [(["a1"], ["a2"]), (["a2"], ["a1"])]
    assert [(e.source, e.target) for e in _joint(_event(["a1", "a2"], ["a3"]))] == [
        (["a1", "a2"], ["a3"])
    ]
    assert len(_joint(_event(["a1", "a2", "a3"], []))) == 1  # a list of parties stays one
    assert len(_joint(_event(["a1", "a2"], [], "ACCUSE"))) == 1  # no joint act


def test_the_best_actor_brings_those_coordinated_with_it(nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.actors.resolve import resolve_actors
    from eventwire.coding.candidates import article_candidates
    from eventwire.coding.features import argument_candidates, sentence_actors
    from eventwire.nlp.quotes import find_quotes

    doc = nlp("Egypt, Greece and Cyprus condemned Turkey on Monday.")
    actors = resolve_actors(doc)
    art = article_candidates(doc, actors, find_quotes(doc, actors))
    cand = next(c for c in art.candidates if c.head.text == "condemned")
    mentions = argument_candidates(cand, art, sentence_actors(art, art.sentences[0]))
    names = {m.actor: actors.get(m.actor).name for m in mentions}
    sides = [Side(m, 0.9 if names[m.actor] == "Egypt" else 0.1, 0.1) for m in mentions]
    best = next(s for s in sides if names[s.mention.actor] == "Egypt")
    chosen = {names[s.mention.actor] for s in _coordinated(best, sides, art)}
    assert chosen == {"Egypt", "Greece", "Cyprus"}
    turkey = next(s for s in sides if names[s.mention.actor] == "Turkey")
    assert [names[s.mention.actor] for s in _coordinated(turkey, sides, art)] == ["Turkey"]
