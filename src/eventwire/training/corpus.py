"""The gold articles the coder is trained and judged on, parsed once per run.

The gold folders (`train-gold`, `dev-gold` under the data folder) share the dev-gold format;
each article goes through the pipeline up to the coder (cleaner, spaCy, actors, quotes) once,
and the parses are kept in memory for every fold and both models.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from eventwire.actors.resolve import resolve_actors
from eventwire.actors.table import ActorTable
from eventwire.evaluate.devgold import GoldDoc, gold_article, load_devgold
from eventwire.model import Article, Quote
from eventwire.nlp.pipeline import parse
from eventwire.nlp.quotes import find_quotes

GOLD_SETS = ("train-gold", "dev-gold")


@dataclass(slots=True)
class ParsedDoc:
    """A gold article with the pipeline's records up to the coder."""

    gold: GoldDoc
    article: Article
    doc: Doc
    actors: ActorTable
    quotes: list[Quote]

    @property
    def id(self) -> str:
        return self.gold.id


def load_gold(data_dir: Path, sets: Iterable[str] = GOLD_SETS) -> list[GoldDoc]:
    """The gold articles of the named sets, in set then id order."""
    docs: list[GoldDoc] = []
    for name in sets:
        folder = data_dir / name
        if (folder / "gold").is_dir():
            docs.extend(load_devgold(folder))
    return docs


def gold_set_of(
    data_dir: Path, docs: Iterable[GoldDoc], sets: Iterable[str] = GOLD_SETS
) -> dict[str, str]:
    """Doc id -> the name of the gold folder it comes from."""
    wanted = {d.id for d in docs}
    return {
        p.stem: name
        for name in sets
        for p in sorted((data_dir / name / "gold").glob("*.json"))
        if p.stem in wanted
    }


def gold_hashes(
    data_dir: Path, docs: Iterable[GoldDoc], sets: Iterable[str] = GOLD_SETS
) -> dict[str, str]:
    """sha256 of each gold file and article text a model was trained on, by relative path."""
    out: dict[str, str] = {}
    wanted = {d.id for d in docs}
    for name in sets:
        for sub, suffix in (("gold", ".json"), ("docs", ".txt")):
            for path in sorted((data_dir / name / sub).glob(f"*{suffix}")):
                if path.name.removesuffix(suffix) in wanted:
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()
                    out[f"{name}/{sub}/{path.name}"] = digest
    return out


def parse_gold(doc: GoldDoc) -> ParsedDoc:
    """The pipeline's records of a gold article, up to the coder."""
    article = gold_article(doc)
    parsed = parse(article.text)
    actors = resolve_actors(parsed, published=article.published, dateline=article.dateline)
    return ParsedDoc(doc, article, parsed, actors, find_quotes(parsed, actors))


def parse_all(
    docs: Iterable[GoldDoc], on_doc: Callable[[str], None] | None = None
) -> list[ParsedDoc]:
    out = []
    for doc in docs:
        out.append(parse_gold(doc))
        if on_doc is not None:
            on_doc(doc.id)
    return out
