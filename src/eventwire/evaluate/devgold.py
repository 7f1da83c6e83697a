"""Document-level scores on ../shared/data/dev-gold: the whole pipeline against gold events,
quotes, actors, places and facts.

Matching follows the gold README: remove soft hyphens and collapse whitespace. An actor
matches a gold actor when any of its names or mention texts equals the gold name or one of
its aliases (case-insensitive). Events are scored by `coding.score.event_scores`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.coding.score import event_scores, evidence_overlaps, names_match, normalise
from eventwire.geo.score import location_matches
from eventwire.model import Article
from eventwire.nlp.scoring import score_facts, score_quotes


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    text: str
    meta: dict[str, Any]
    gold: dict[str, Any]


def load_devgold(data_dir: Path) -> list[GoldDoc]:
    """`data_dir` is the dev-gold folder (with docs/ and gold/)."""
    docs = []
    for gold_path in sorted((data_dir / "gold").glob("*.json")):
        doc_id = gold_path.stem
        docs.append(
            GoldDoc(
                id=doc_id,
                text=(data_dir / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8"),
                meta=json.loads((data_dir / "docs" / f"{doc_id}.meta.json").read_text()),
                gold=json.loads(gold_path.read_text()),
            )
        )
    return docs


def gold_article(doc: GoldDoc) -> Article:
    """The article as a user would give it: scraped text with the stated publication date."""
    from eventwire.ingest.text import article_from_text

    return article_from_text(
        doc.text, published=doc.meta.get("published"), source=doc.id, title=doc.meta.get("title")
    )


def analyze_gold_doc(doc: GoldDoc) -> dict[str, Any]:
    """Run the whole pipeline on a gold article."""
    from eventwire.analysis import analyze

    return analyze(gold_article(doc)).to_dict()


def _key(text: str) -> str:
    return normalise(text).lower()


# "farmers from Ouanaminthe", "residents of the Tajoura suburb": a group named by its
# people and their place, which gold and engine may write either way round
_PEOPLE_OF_PLACE = re.compile(
    r"(?:[Tt]he )?(?P<people>(?:[A-Za-z][a-z]* ){0,2}"
    r"(?:[A-Za-z][a-z]*(?:s|men)|[Pp]eople|[Pp]olice)) (?:from|in|of|at) (?:the )?"
    r"(?P<place>[A-Z][\w'-]*(?: [A-Z][\w'-]*)*)"
)


def _forms(name: str) -> set[str]:
    """A name's keys: itself and, for "<people> from/in/of <Place>", "<Place> <people>"."""
    text = normalise(name)
    m = _PEOPLE_OF_PLACE.fullmatch(text)
    return {_key(text)} | ({_key(f"{m['place']} {m['people']}")} if m else set())


def actor_forms(actor: dict[str, Any]) -> set[str]:
    forms = _forms(actor["name"])
    for m in actor.get("mentions", []):
        if m["text"][:1].isupper():
            forms |= _forms(m["text"])
    return forms


def gold_forms(actor: dict[str, Any]) -> set[str]:
    return set().union(*(_forms(n) for n in (actor["name"], *actor.get("aliases", []))))


def events_with_names(pred: dict[str, Any]) -> list[dict[str, Any]]:
    """Predicted events with actor ids replaced by (name, *mention forms) tuples."""
    by_id = {a["id"]: a for a in pred["actors"]}

    def names(ids: list[str]) -> list[list[str]]:
        out = []
        for i in ids:
            a = by_id.get(i)
            if a is not None:
                out.append([a["name"], *(m["text"] for m in a["mentions"])])
        return out

    return [
        {**e, "source": names(e["source"]), "target": names(e["target"])} for e in pred["events"]
    ]


def _gold_match(pred_event: dict[str, Any], gold_events: list[dict[str, Any]]) -> int | None:
    for i, g in enumerate(gold_events):
        if g["type"] == pred_event["type"] and evidence_overlaps(
            pred_event["evidence"]["sentence"], g["evidence"]
        ):
            return i
    return None


@dataclass(slots=True)
class EventTally:
    """Event counts summed over documents (`score_events`), read out by `event_summary`."""

    counts: Counter[str] = field(default_factory=Counter)
    per_type: dict[str, Counter[str]] = field(default_factory=dict)


def score_events(
    pred: dict[str, Any], gold: dict[str, Any], tally: EventTally, *, detail: bool = True
) -> None:
    """Add one document's events to the tally. `pred` needs "actors" (id, name, mentions)
    and "events" (type, source and target ids, evidence, date, historical). Without
    `detail`, only the strict and type-level counts (for tuning loops)."""
    c = tally.counts
    named_events = events_with_names(pred)
    ev = event_scores(named_events, gold["events"], gold["actors"])
    c["ev_pred"] += ev["n_pred"]
    c["ev_gold"] += ev["n_gold"]
    c["ev_type_tp"] += ev["type"]["tp"]
    c["ev_strict_tp"] += ev["strict"]["tp"]
    if not detail:
        return
    for etype in {e["type"] for e in gold["events"]} | {e["type"] for e in pred["events"]}:
        one = event_scores(
            [e for e in named_events if e["type"] == etype],
            [e for e in gold["events"] if e["type"] == etype],
            gold["actors"],
        )
        t = tally.per_type.setdefault(etype, Counter())
        t["pred"] += one["n_pred"]
        t["gold"] += one["n_gold"]
        t["tp"] += one["strict"]["tp"]
        t["type_tp"] += one["type"]["tp"]

    # date, historical and argument accuracy over gold events found with the right type
    aliases = {a["name"]: (a["name"], *a.get("aliases", [])) for a in gold["actors"]}
    for g in gold["events"]:
        hits = [
            (e, n) for e, n in zip(pred["events"], named_events, strict=True)
            if _gold_match(e, [g]) is not None
        ]  # fmt: skip
        c["target_gold"] += g["target"] is not None
        if not hits:
            continue
        hit = hits[0][0]
        c["ev_found"] += 1
        c["date_ok"] += hit["date"] == g["date"]
        c["hist_ok"] += bool(hit["historical"]) == bool(g["historical"])
        for side in ("source", "target"):
            if g[side] is None:
                continue
            c["arg_gold"] += 1
            gold_names = aliases.get(g[side], (g[side],))
            right = any(names_match(tuple(names), gold_names) for _, n in hits for names in n[side])
            c["arg_ok"] += right
            if side == "target":
                c["target_found"] += 1
                c["target_ok"] += right


def event_summary(tally: EventTally) -> dict[str, Any]:
    """Strict and type-level P/R/F1, argument and target accuracy, and the per-type table.
    `target_accuracy` is "target right when gold has one": over the gold events with a
    target found with the right type in the right sentence, the share whose target one of
    those predictions names; `target_recall` counts every gold event with a target."""
    c = tally.counts
    p, r = _ratio(c["ev_strict_tp"], c["ev_pred"]), _ratio(c["ev_strict_tp"], c["ev_gold"])
    tp_, tr_ = _ratio(c["ev_type_tp"], c["ev_pred"]), _ratio(c["ev_type_tp"], c["ev_gold"])
    per_type = {}
    for etype, t in sorted(tally.per_type.items()):
        tp, tr = _ratio(t["tp"], t["pred"]), _ratio(t["tp"], t["gold"])
        per_type[etype] = {
            "gold": t["gold"], "pred": t["pred"], "precision": tp, "recall": tr, "f1": _f1(tp, tr),
            "type_recall": _ratio(t["type_tp"], t["gold"]),
        }  # fmt: skip
    return {
        "event_precision": p,
        "event_recall": r,
        "event_f1": _f1(p, r),
        "event_type_precision": tp_,
        "event_type_recall": tr_,
        "event_type_f1": _f1(tp_, tr_),
        "events_gold": c["ev_gold"],
        "events_predicted": c["ev_pred"],
        "argument_accuracy": _ratio(c["arg_ok"], c["arg_gold"]),
        "target_accuracy": _ratio(c["target_ok"], c["target_found"]),
        "target_recall": _ratio(c["target_ok"], c["target_gold"]),
        "per_type": per_type,
    }


def _score_one(pred: dict[str, Any], gold: dict[str, Any], tally: EventTally) -> None:
    score_events(pred, gold, tally)
    c = tally.counts

    q = score_quotes(pred["quotes"], pred["actors"], gold["quotes"], gold["actors"])
    c["q_gold"] += q["gold"]
    c["q_matched"] += q["matched"]
    c["q_speaker_ok"] += q["speaker_ok"]
    c["q_pred"] += q["predicted"]

    pred_forms = [actor_forms(a) for a in pred["actors"]]
    gold_actor_forms = [gold_forms(a) for a in gold["actors"]]
    c["a_gold"] += len(gold_actor_forms)
    c["a_found"] += sum(1 for g in gold_actor_forms if any(g & p for p in pred_forms))
    c["a_pred"] += len(pred_forms)
    c["a_pred_ok"] += sum(1 for p in pred_forms if any(g & p for g in gold_actor_forms))
    _score_actor_facts(pred["actors"], pred_forms, gold["actors"], c)

    place_by_name: dict[str, dict[str, Any]] = {}
    for p in pred["places"]:
        for name in [p["name"], *(m["text"] for m in p.get("mentions", []))]:
            place_by_name.setdefault(_key(name), p)
    c["p_gold"] += len(gold["places"])
    for g in gold["places"]:
        found = place_by_name.get(_key(g["name"]))
        if found is not None:
            c["p_found"] += 1
            c["p_country_ok"] += same_country(found["country"], g["country"])

    for loc in location_matches(pred, gold):
        c["loc_matched"] += loc["matched"]
        c["loc_ok"] += loc["correct"]

    f = score_facts(pred["facts"], gold["facts"])
    c["f_gold"] += len(gold["facts"])
    c["f_found"] += f["found"]
    c["f_pred"] += len(pred["facts"])


def same_country(pred: str | None, gold: str | None) -> bool:
    """Country codes agree; Kosovo is XKX in gold and may be KOS in older records."""
    kosovo = {"KOS": "XKX"}
    return kosovo.get(pred or "", pred) == kosovo.get(gold or "", gold)


def matching_actor(
    gold: dict[str, Any], pred: list[dict[str, Any]], pred_forms: list[set[str]]
) -> dict[str, Any] | None:
    """The predicted actor a gold actor is scored against: one whose name is a gold form,
    else the first sharing any form with it."""
    forms = gold_forms(gold)
    found = [a for a, f in zip(pred, pred_forms, strict=True) if forms & f]
    named = [a for a in found if _key(a["name"]) in forms]
    return next(iter(named or found), None)


def _score_actor_facts(
    pred: list[dict[str, Any]],
    pred_forms: list[set[str]],
    gold: list[dict[str, Any]],
    c: Counter[str],
) -> None:
    """Country and CAMEO code per gold actor that has a country (a gold actor the engine
    missed counts as wrong): the country must agree, and persons and organisations must
    carry a code."""
    for g in gold:
        if g["country"] is None:
            continue
        found = matching_actor(g, pred, pred_forms)
        c["ac_gold"] += 1
        c["ac_ok"] += found is not None and same_country(found["country"], g["country"])
        if g["kind"] in ("person", "organisation"):
            c["code_gold"] += 1
            c["code_ok"] += found is not None and bool(found.get("code"))


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 3) if p + r else 0.0


def score_devgold(
    data_dir: Path,
    *,
    analyze_doc: Callable[[GoldDoc], dict[str, Any]] = analyze_gold_doc,
    on_doc: Callable[[str], None] | None = None,
    docs: Iterable[GoldDoc] | None = None,
) -> dict[str, Any]:
    tally = EventTally()
    n = 0
    for doc in docs if docs is not None else load_devgold(data_dir):
        _score_one(analyze_doc(doc), doc.gold, tally)
        n += 1
        if on_doc:
            on_doc(doc.id)
    c = tally.counts
    events = event_summary(tally)
    per_type = events.pop("per_type")
    return {
        "docs": n,
        **events,
        "date_accuracy": _ratio(c["date_ok"], c["ev_found"]),
        "historical_accuracy": _ratio(c["hist_ok"], c["ev_found"]),
        "quote_recall": _ratio(c["q_matched"], c["q_gold"]),
        "quote_precision": _ratio(c["q_matched"], c["q_pred"]),
        "speaker_accuracy": _ratio(c["q_speaker_ok"], c["q_matched"]),
        "actor_recall": _ratio(c["a_found"], c["a_gold"]),
        "actor_precision": _ratio(c["a_pred_ok"], c["a_pred"]),
        "actor_country_accuracy": _ratio(c["ac_ok"], c["ac_gold"]),
        "actor_code_share": _ratio(c["code_ok"], c["code_gold"]),
        "actors_with_country": c["ac_gold"],
        "events_matched": c["ev_found"],
        "place_recall": _ratio(c["p_found"], c["p_gold"]),
        "place_country_accuracy": _ratio(c["p_country_ok"], c["p_found"]),
        "location_accuracy": _ratio(c["loc_ok"], c["loc_matched"]),
        "fact_recall": _ratio(c["f_found"], c["f_gold"]),
        "fact_precision": _ratio(c["f_found"], c["f_pred"]),
        "per_type": per_type,
    }


# the who-and-when measures of issue 12, reported by `score_actors_dates`
ACTOR_DATE_MEASURES = (
    "actor_recall", "actor_country_accuracy", "actor_code_share", "date_accuracy",
    "actors_with_country", "events_matched",
)  # fmt: skip


def score_actors_dates(
    sets: dict[str, list[GoldDoc]],
    *,
    analyze_doc: Callable[[GoldDoc], dict[str, Any]] = analyze_gold_doc,
    on_doc: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Actor recall, actor country accuracy (every gold actor with a country, people
    included; a missed actor counts as wrong), the share of persons and organisations with a
    country that carry a CAMEO code, and event date accuracy on matched events: over all the
    gold sets together, and per set under `by_set`."""
    docs = [d for ds in sets.values() for d in ds]
    analysed: dict[str, dict[str, Any]] = {}

    def once(doc: GoldDoc) -> dict[str, Any]:
        if doc.id not in analysed:
            analysed[doc.id] = analyze_doc(doc)
        return analysed[doc.id]

    every = score_devgold(Path(), docs=docs, analyze_doc=once, on_doc=on_doc)
    out: dict[str, Any] = {"docs": every["docs"]}
    out |= {k: every[k] for k in ACTOR_DATE_MEASURES}
    out["by_set"] = {}
    for name, ds in sets.items():
        one = score_devgold(Path(), docs=ds, analyze_doc=once)
        out["by_set"][name] = {"docs": one["docs"], **{k: one[k] for k in ACTOR_DATE_MEASURES}}
    return out
