"""The pipeline: one article in, one analysed document out.

source ─▶ ingest ─▶ nlp ─▶ actors ─▶ quotes ─▶ coding (trained) ─▶ time ─▶ geo ─▶ facts
Each stage is a function of the records before it; none reaches back to an earlier one.
"""

from __future__ import annotations

from eventwire.actors.resolve import resolve_actors
from eventwire.coding.learned import code_article
from eventwire.geo.locate import geoparse, locate_events
from eventwire.ingest.text import article_from_text
from eventwire.model import AnalyzedDocument, Article
from eventwire.nlp.dates import date_events
from eventwire.nlp.pipeline import parse
from eventwire.nlp.quantities import find_facts
from eventwire.nlp.quotes import find_quotes


def analyze(
    source: Article | str,
    *,
    published: str | None = None,
    url: str | None = None,
) -> AnalyzedDocument:
    """Analyse an `Article`, or raw scraped text (which goes through the cleaner first)."""
    if isinstance(source, str):
        article = article_from_text(source, published=published, url=url)
    else:
        article = source
        if published is not None:
            article.published = published
        if url is not None:
            article.url = url
    doc = parse(article.text)
    actors = resolve_actors(doc)
    quotes = find_quotes(doc, actors)
    events = code_article(doc, actors, quotes)
    date_events(events, doc, article.published)
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
