"""Scorers for quotes, dates and facts against the dev-gold format, as pure functions over
dicts (the `eventwire/1` JSON shapes and the gold JSON), plus a gold-backed actor table so
the readers can be measured apart from actor resolution.

Matching follows the gold README: remove soft hyphens, collapse whitespace; two texts match
when equal, or when one contains the other and the shorter is >= 0.8 of the longer.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from eventwire.actors.table import ActorTable
from eventwire.coding.score import normalise
from eventwire.model import Actor, Mention
from eventwire.nlp.pipeline import doc_text

PRONOUNS = {"he", "she", "him", "her", "his"}
_UNIT_GROUPS: dict[str, set[str]] = {
    "people": {
        "people", "persons", "person", "civilians", "civilian", "killed", "dead", "wounded",
        "injured", "arrested", "charged", "voters", "individuals", "soldiers", "personnel",
        "members", "member", "deaths", "casualties", "victims", "voted",
    },
    "troops": {"troops", "troop", "soldiers", "forces"},
    "money": {"usd", "dollars", "dollar", "eur", "euros", "gbp", "pounds", "us"},
    "percent": {"percent", "%", "per", "cent"},
    "duration": {"days", "day", "hours", "hour", "years", "year", "weeks", "week", "months"},
    "countries": {"countries", "country", "nations", "states"},
}  # fmt: skip


def texts_match(a: str, b: str, ratio: float = 0.8) -> bool:
    a, b = normalise(a), normalise(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return short in long and len(short) / len(long) >= ratio


def _speaker_names(name: str, gold_actors: list[dict[str, Any]]) -> set[str]:
    for actor in gold_actors:
        if actor["name"] == name:
            return {normalise(n).lower() for n in [actor["name"], *actor.get("aliases", [])]}
    return {normalise(name).lower()}


def score_quotes(
    pred: list[dict[str, Any]],
    pred_actors: list[dict[str, Any]],
    gold: list[dict[str, Any]],
    gold_actors: list[dict[str, Any]],
) -> dict[str, int]:
    """Counts for quote recall and speaker accuracy of one document (direct quotes only)."""
    by_id = {a["id"]: a for a in pred_actors}
    direct = [q for q in pred if q.get("direct", True)]
    matched = speaker_ok = 0
    for g in gold:
        hit = next((q for q in direct if texts_match(q["text"], g["text"])), None)
        if hit is None:
            continue
        matched += 1
        actor = by_id.get(hit.get("speaker") or "")
        if actor is None:
            continue
        names = {normalise(actor["name"]).lower()}
        names |= {normalise(m["text"]).lower() for m in actor.get("mentions", [])}
        if names & _speaker_names(g["speaker"], gold_actors):
            speaker_ok += 1
    return {
        "gold": len(gold),
        "matched": matched,
        "speaker_ok": speaker_ok,
        "predicted": len(direct),
    }


def score_dates(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, int]:
    """pairs of (predicted event dict, gold event dict) built from the same evidence."""
    date_ok = sum(1 for p, g in pairs if p.get("date") == g.get("date"))
    hist_ok = sum(1 for p, g in pairs if bool(p.get("historical")) == bool(g.get("historical")))
    return {"events": len(pairs), "date_ok": date_ok, "historical_ok": hist_ok}


def units_compatible(a: str, b: str) -> bool:
    words_a = set(re.findall(r"[a-z%]+", a.lower()))
    words_b = set(re.findall(r"[a-z%]+", b.lower()))
    if words_a & words_b:
        return True
    groups_a = {k for k, v in _UNIT_GROUPS.items() if words_a & v}
    groups_b = {k for k, v in _UNIT_GROUPS.items() if words_b & v}
    return bool(groups_a & groups_b)


def score_facts(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[str, int]:
    """A gold fact is found when a predicted fact from the same sentence has the same
    quantity and a compatible unit."""
    found = 0
    for g in gold:
        for p in pred:
            same_sentence = texts_match(p["evidence"]["sentence"], g["evidence"], 0.5)
            if (
                same_sentence
                and float(p["quantity"]) == float(g["quantity"])
                and units_compatible(p["unit"], g["unit"])
            ):
                found += 1
                break
    return {"gold": len(gold), "found": found, "predicted": len(pred)}


def gold_actor_table(doc: Doc, gold_actors: list[dict[str, Any]]) -> ActorTable:
    """An ActorTable from gold names and aliases found verbatim in the text, with he/she
    linked to the latest person named before them (a stand-in for the actors stage)."""
    table = ActorTable()
    text = doc_text(doc)
    taken: list[tuple[int, int]] = []
    forms = [(f, a) for a in gold_actors for f in _forms(a)]
    forms.sort(key=lambda fa: -len(fa[0]))  # longest first, so "Carrie Lam" beats "Lam"
    mentions: dict[str, list[Mention]] = {a["name"]: [] for a in gold_actors}
    for form, actor in forms:
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            mentions[actor["name"]].append(Mention(form, m.start(), m.end()))
    ids: dict[str, str] = {}
    for actor in gold_actors:
        added = table.add(
            Actor(
                "",
                actor["name"],
                actor["kind"],
                mentions=sorted(mentions[actor["name"]], key=lambda m: m.start),
            )
        )
        ids[actor["name"]] = added.id
    # (start, is a subject, name) of every person mention: pronouns prefer the latest
    # person named as a subject, the usual antecedent of a "he said"
    people = sorted(
        (m.start, _is_subject(doc, m.start, m.end), a["name"])
        for a in gold_actors
        if a["kind"] == "person"
        for m in mentions[a["name"]]
    )
    for tok in doc:
        if tok.lower_ not in PRONOUNS:
            continue
        prior = [(subj, name) for start, subj, name in people if start < tok.idx]
        subjects = [name for subj, name in prior if subj]
        pick = subjects[-1] if subjects else (prior[-1][1] if prior else None)
        if pick is not None:
            table.link(ids[pick], tok.idx, tok.idx + len(tok.text), tok.text)
    return table


def _forms(actor: dict[str, Any]) -> set[str]:
    forms = {actor["name"], *actor.get("aliases", [])}
    if actor["kind"] == "person" and " " in actor["name"]:
        forms.add(actor["name"].split()[-1])  # the surname, as news text repeats it
    return forms


def _is_subject(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.dep_ in ("nsubj", "nsubjpass") for t in span)
