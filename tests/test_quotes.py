"""Quote spans, speakers, partial quotes and reported speech, on text written for these tests."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.actors.table import ActorTable
from eventwire.model import Actor, Mention
from eventwire.nlp.quotes import find_quotes, quote_spans


def table_for(doc, pronouns: dict[str, str] | None = None) -> ActorTable:
    """One actor per PERSON/ORG/GPE entity text; `pronouns` maps a pronoun's first
    occurrence after a name to that name (stand-in for the actors stage)."""
    table = ActorTable()
    by_name: dict[str, Actor] = {}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE"):
            continue
        key = ent.text.split()[-1]
        mention = Mention(ent.text, ent.start_char, ent.end_char)
        if key in by_name:
            table.link(by_name[key].id, mention.start, mention.end, mention.text)
        else:
            by_name[key] = table.add(Actor("", ent.text, "person", mentions=[mention]))
    for pron, name in (pronouns or {}).items():
        for tok in doc:
            if tok.text == pron:
                table.link(by_name[name].id, tok.idx, tok.idx + len(tok.text), tok.text)
    return table


def speaker_name(table: ActorTable, actor_id: str | None) -> str | None:
    return table.get(actor_id).name if actor_id else None


def test_curly_quote_with_speaker_after(nlp):
    doc = nlp("\u201cThe talks must resume next month,\u201d Anna Kowalski said on Tuesday.")
    table = table_for(doc)
    [q] = [q for q in find_quotes(doc, table) if q.direct]
    assert q.text == "The talks must resume next month"  # trailing comma dropped
    assert doc.text[q.start : q.end] == q.text
    assert not q.partial
    assert speaker_name(table, q.speaker) == "Anna Kowalski"


def test_split_quote_gives_one_item_per_span_with_one_speaker(nlp):
    doc = nlp('"We will not give up," Pedro Alvarez said, "and we will return next year."')
    table = table_for(doc)
    quotes = [q for q in find_quotes(doc, table) if q.direct]
    assert [q.text for q in quotes] == ["We will not give up", "and we will return next year."]
    assert {speaker_name(table, q.speaker) for q in quotes} == {"Pedro Alvarez"}


def test_colon_and_participle_lead_ins(nlp):
    text = (
        "Mayor Ingrid Holm rejected the offer: \u201cThis plan ignores our farmers.\u201d\n"
        "Ingrid Holm later spoke in the harbour, adding, \u201cWe expect a better proposal.\u201d"
    )
    doc = nlp(text)
    table = table_for(doc)
    quotes = [q for q in find_quotes(doc, table) if q.direct]
    assert len(quotes) == 2
    assert all(speaker_name(table, q.speaker) == "Ingrid Holm" for q in quotes)


def test_pronoun_subject_and_run_of_quotes(nlp):
    text = (
        'Minister Tomas Berg met the delegation. "Our door is open," he said.\n'
        '"Nobody wants another winter of shortages."'
    )
    doc = nlp(text)
    table = table_for(doc, pronouns={"he": "Berg"})
    quotes = [q for q in find_quotes(doc, table) if q.direct]
    assert len(quotes) == 2
    assert all(speaker_name(table, q.speaker) == "Tomas Berg" for q in quotes)


def test_partial_quote_and_reported_speech(nlp):
    text = (
        "Lena Ortiz praised the \u201cremarkable patience\u201d of the negotiators. "
        "Lena Ortiz said that the border would reopen soon."
    )
    doc = nlp(text)
    table = table_for(doc)
    quotes = find_quotes(doc, table)
    partial = [q for q in quotes if q.direct]
    reported = [q for q in quotes if not q.direct]
    assert [q.text for q in partial] == ["remarkable patience"]
    assert partial[0].partial
    assert speaker_name(table, partial[0].speaker) == "Lena Ortiz"
    assert [q.text for q in reported] == ["the border would reopen soon"]
    assert speaker_name(table, reported[0].speaker) == "Lena Ortiz"


def test_quote_over_several_paragraphs():
    text = '"First part of it.\n"Second part, closed."\nAfter.'
    spans = quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["First part of it.", "Second part, closed."]


def test_apostrophes_are_not_quotes():
    text = "The protesters' demands weren't met, and the 'red line' stayed."
    assert [text[s.start : s.end] for s in quote_spans(text)] == ["red line"]


@given(st.lists(st.sampled_from(['"', "\u201c", "\u201d", "'", "\u2019", "a b", " ", "\n", ","])))
def test_spans_slice_their_text_without_marks(parts):
    text = "".join(parts)
    for s in quote_spans(text):
        assert 0 <= s.start < s.end <= len(text)
        inner = text[s.start : s.end]
        assert inner == inner.strip() and inner[-1] not in ",;"


@pytest.mark.shared
def test_dev_gold_quote_recall_and_speakers(shared_data, nlp):
    from dataclasses import asdict

    from eventwire.nlp.scoring import gold_actor_table, score_quotes

    totals = {"gold": 0, "matched": 0, "speaker_ok": 0}
    for path in sorted((shared_data / "dev-gold" / "gold").glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        text = (shared_data / "dev-gold" / "docs" / f"{gold['id']}.txt").read_text("utf-8")
        doc = nlp(text)
        table = gold_actor_table(doc, gold["actors"])
        quotes = find_quotes(doc, table)
        assert all(text[q.start : q.end] == q.text for q in quotes)
        got = score_quotes(
            [asdict(q) for q in quotes],
            [asdict(a) for a in table],
            gold["quotes"],
            gold["actors"],
        )
        for key in totals:
            totals[key] += got[key]
    assert totals["matched"] / totals["gold"] >= 0.95
    assert totals["speaker_ok"] / totals["matched"] >= 0.85


CLOSING = {'"': '"', "\u201c": "\u201d", "'": "'", "\u2018": "\u2019"}
QUOTE_PARTS = st.sampled_from([
    '"We will stay," Ana Soto said.', "\u201cNot now,\u201d he said, \u201cnot ever.\u201d",
    "Lars Holm praised the \u201cbrave\u201d crews.", "The 'red line' held.", "It's late.",
    'Chile said: "Talks resume;', "\n", " ", '"Open,"', "\u2018quiet\u2019 talks",
    "Ana Soto said that the port would close.",
])  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.lists(QUOTE_PARTS, min_size=1, max_size=6))
def test_every_quote_slices_its_text_and_sits_in_its_marks(nlp, parts):
    text = " ".join(parts)
    doc = nlp(text)
    table = table_for(doc)
    quotes = find_quotes(doc, table)
    ids = {a.id for a in table}
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.text == q.text.strip() and q.text[-1] not in ",;"
        assert q.speaker is None or q.speaker in ids
        if q.direct:
            # the words right inside a pair of marks: a mark opens before them, and its
            # closing mark does not occur inside (nested quotes of the other kind may)
            opening = text[: q.start].rstrip()[-1:]
            assert opening in CLOSING
            assert CLOSING[opening] not in q.text
