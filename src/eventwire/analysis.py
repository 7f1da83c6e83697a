"""The pipeline: one article in, one analysed document out.

source ─▶ ingest ─▶ nlp ─▶ actors ─▶ quotes ─▶ coding ─▶ time ─▶ geo ─▶ facts
Each stage is a function of the records before it; none reaches back to an earlier one.

The coder is the rule coder unless another is named (`coder=`, `--coder`, or the environment
variable EVENTWIRE_CODER, which pool workers inherit): `learned` is the trained coder, kept
opt-in while it does not hold every floor the rules hold (docs/coding.md, "Which coder").
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.actors.resolve import resolve_actors
from eventwire.actors.table import ActorTable
from eventwire.coding.coder import rule_coder
from eventwire.coding.learned import code_article
from eventwire.errors import InputError
from eventwire.geo.locate import geoparse, locate_events
from eventwire.ingest.decode import check_english
from eventwire.ingest.text import article_from_text, dateline_date
from eventwire.model import AnalyzedDocument, Article, Event, Quote
from eventwire.nlp.dates import date_events
from eventwire.nlp.pipeline import MAX_TEXT_CHARS, parse
from eventwire.nlp.quantities import find_facts
from eventwire.nlp.quotes import find_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc

Coder = Callable[["Doc", ActorTable, list[Quote]], list[Event]]
CODERS: dict[str, Coder] = {"rules": rule_coder, "learned": code_article}
DEFAULT_CODER = "rules"
CODER_ENV = "EVENTWIRE_CODER"


def coder_named(name: str | None = None) -> Coder:
    """The coder called `name`; without one, $EVENTWIRE_CODER, else the rules.
    InputError E062 for a name that is no coder."""
    name = name or os.environ.get(CODER_ENV) or DEFAULT_CODER
    if name not in CODERS:
        raise InputError("E062", f"coder {name}", f"choose from {', '.join(CODERS)}")
    return CODERS[name]


def analyze(
    source: Article | str,
    *,
    published: str | None = None,
    url: str | None = None,
    coder: str | None = None,
) -> AnalyzedDocument:
    """Analyse an `Article`, or raw scraped text (which goes through the cleaner and the
    checks `ingest` applies to a file: E015/E016 for what is no English prose).
    InputError E013 when the clean text is longer than `MAX_TEXT_CHARS`. `coder` names the
    event coder (`CODERS`; default: `coder_named`)."""
    if isinstance(source, str):
        article = article_from_text(source, published=published, url=url)
        check_english(article.text, url or "<text>")
    else:
        article = source
        if published is not None:
            article.published = published
        if url is not None:
            article.url = url
    check_length(article)
    code = coder_named(coder)  # a wrong name fails before the parse
    return analyze_parsed(article, parse(article.text), code)


def check_length(article: Article) -> None:
    """InputError E013 when the clean text is longer than `MAX_TEXT_CHARS` (checked before
    the parse, in `analyze` and in batches)."""
    if len(article.text) > MAX_TEXT_CHARS:
        size = f"{len(article.text):,} characters of text, limit {MAX_TEXT_CHARS:,}"
        raise InputError("E013", article.source or article.url or "<text>", size)


def analyze_parsed(article: Article, doc: Doc, coder: Coder | None = None) -> AnalyzedDocument:
    """The stages after the parse: `doc` is `article.text` parsed (`parse`, `parse_many`)."""
    actors = resolve_actors(doc, published=article.published, dateline=article.dateline)
    quotes = find_quotes(doc, actors)
    events = (coder or coder_named())(doc, actors, quotes)
    date_events(
        events, doc, article.published, fallback=undated_source(article), actors=actors
    )
    places = geoparse(doc)
    locate_events(events, doc, places)
    facts = find_facts(doc, actors)
    return AnalyzedDocument(
        article=article,
        actors=list(actors),
        quotes=quotes,
        events=events,
        places=places,
        facts=facts,
    )


def undated_source(article: Article) -> str | None:
    """What dates an event the text leaves undated: the wire dateline when the publication
    date is the dateline's, else the publication date; None without either."""
    if article.published is None:
        return None
    if article.dateline and dateline_date(article.dateline, None) == article.published:
        return "dateline"
    return "published"
