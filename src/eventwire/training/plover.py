"""The PLOVER gold-standard sentences as training data for the coder.

Each record (`../shared/data/plover/gold_standard_records`) is one news sentence with one
coded event: its type (PLOVER 0.5 names mapped to the current ones), its source and target
actor texts, and a mode for some. It becomes a one-sentence gold document in the dev-gold
shape: one event per (source, target) pair of the record, its actors named by their text in
the sentence, the sentence as evidence. The alignment and the feature extraction are those
of the gold articles; the event features of these sentences carry `domain:plover`, so the
model can keep their different base rate (one coded event per sentence, every other act in
it left uncoded) apart from the articles'.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from eventwire.evaluate.devgold import GoldDoc
from eventwire.evaluate.plover import GSR_PATH, gold_of, load_records
from eventwire.model import Article
from eventwire.training.corpus import ParsedDoc

PLOVER_SET = "plover"
DOMAIN_FEATURE = "domain:plover"


def plover_available(data_dir: Path) -> bool:
    return (data_dir / GSR_PATH).is_file()


def plover_hash(data_dir: Path) -> dict[str, str]:
    """sha256 of the PLOVER gold file, by its path under the data folder."""
    return {GSR_PATH.as_posix(): hashlib.sha256((data_dir / GSR_PATH).read_bytes()).hexdigest()}


def _actor_texts(sides: Any) -> list[str]:
    if not isinstance(sides, list):
        return []
    return list(dict.fromkeys(a["actorText"] for a in sides if a.get("actorText")))


def plover_gold(record: dict[str, Any], doc_id: str) -> GoldDoc:
    """A PLOVER record as a one-sentence gold document."""
    text = record["text"]
    sources, targets = _actor_texts(record.get("source")), _actor_texts(record.get("target"))
    etype, mode = gold_of(record)
    no_one: list[str | None] = [None]
    events = [
        {"type": etype, "source": s, "target": t, "evidence": text}
        for s, t in itertools.product(sources or no_one, targets or no_one)
    ]
    actors = [{"name": name, "aliases": []} for name in dict.fromkeys(sources + targets)]
    return GoldDoc(doc_id, text, {"mode": mode}, {"actors": actors, "events": events})


def load_plover(data_dir: Path) -> list[GoldDoc]:
    """Every PLOVER gold sentence (none when the file is absent)."""
    if not plover_available(data_dir):
        return []
    out: list[GoldDoc] = []
    seen: Counter[str] = Counter()
    for record in load_records(data_dir):
        seen[record["id"]] += 1  # one id is given to two records
        n = seen[record["id"]]
        out.append(plover_gold(record, record["id"] if n == 1 else f"{record['id']}#{n}"))
    return out


def parse_sentences(
    docs: Iterable[GoldDoc], on_doc: Callable[[str], None] | None = None
) -> list[ParsedDoc]:
    """Each sentence through the pipeline up to the coder, as `evaluate.plover` runs it."""
    from eventwire.actors.resolve import resolve_actors
    from eventwire.nlp.pipeline import parse
    from eventwire.nlp.quotes import find_quotes

    out = []
    for gold in docs:
        doc = parse(gold.text)
        actors = resolve_actors(doc)
        out.append(ParsedDoc(gold, Article(text=gold.text), doc, actors, find_quotes(doc, actors)))
        if on_doc is not None:
            on_doc(gold.id)
    return out
