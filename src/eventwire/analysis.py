"""The pipeline: one article in, one analysed document out.

source ─▶ ingest ─▶ nlp ─▶ actors ─▶ quotes ─▶ coding ─▶ time ─▶ geo ─▶ facts
Each stage is a function of the records before it; none reaches back to an earlier one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.actors.resolve import resolve_actors
from eventwire.coding.coder import code_events
from eventwire.coding.stance import quote_events
from eventwire.errors import InputError
from eventwire.geo.locate import geoparse, locate_events
from eventwire.ingest.decode import check_english
from eventwire.ingest.text import article_from_text, dateline_date
from eventwire.model import AnalyzedDocument, Article
from eventwire.nlp.dates import date_events
from eventwire.nlp.pipeline import MAX_TEXT_CHARS, parse
from eventwire.nlp.quantities import find_facts
from eventwire.nlp.quotes import find_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc


def analyze(
    source: Article | str,
    *,
    published: str | None = None,
    url: str | None = None,
) -> AnalyzedDocument:
    """Analyse an `Article`, or raw scraped text (which goes through the cleaner and the
    checks `ingest` applies to a file: E015/E016 for what is no English prose).
    InputError E013 when the clean text is longer than `MAX_TEXT_CHARS`."""
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
    return analyze_parsed(article, parse(article.text))


def check_length(article: Article) -> None:
    """InputError E013 when the clean text is longer than `MAX_TEXT_CHARS` (checked before
    the parse, in `analyze` and in batches)."""
    if len(article.text) > MAX_TEXT_CHARS:
        size = f"{len(article.text):,} characters of text, limit {MAX_TEXT_CHARS:,}"
        raise InputError("E013", article.source or article.url or "<text>", size)


def analyze_parsed(article: Article, doc: Doc) -> AnalyzedDocument:
    """The stages after the parse: `doc` is `article.text` parsed (`parse`, `parse_many`)."""
    actors = resolve_actors(doc, published=article.published, dateline=article.dateline)
    quotes = find_quotes(doc, actors)
    events = quote_events(doc, actors, quotes, code_events(doc, actors))
    date_events(events, doc, article.published, fallback=undated_source(article))
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
