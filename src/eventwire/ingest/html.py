"""HTML pages to `Article`: trafilatura finds the body and metadata, text.py removes junk."""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

import trafilatura

from eventwire.errors import InputError
from eventwire.ingest.text import check_date, clean_text, dateline_date
from eventwire.model import Article

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# trafilatura logs every unparsable page at ERROR; a bad page is our InputError, not a log line
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def _date_params() -> dict[str, Any]:
    # no extensive search: htmldate would then guess from any date-like text in the page;
    # only dates the page states in its metadata or markup count as publication dates
    return {
        "original_date": True,
        "extensive_search": False,
        "max_date": dt.date.today().isoformat(),
    }


def _extract(html: str | bytes, url: str | None) -> Any:
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            date_extraction_params=_date_params(),
        )
    except Exception:  # trafilatura/lxml raise assorted errors on malformed input
        return None


def _page_date(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    match = _ISO_DAY.match(value)
    if match is None:
        return None
    try:
        return dt.date.fromisoformat(match.group()).isoformat()
    except ValueError:
        return None


def _drop_headline(paragraphs: list[str], title: str) -> str | None:
    """trafilatura keeps the <h1> as the first body line; it is the title, not body. The
    <h1> is also the cleaner title: <title> often carries a " | Site name" suffix."""
    if paragraphs and title:
        first = " ".join(paragraphs[0].split()).casefold()
        if " ".join(title.split()).casefold().startswith(first) and not first.endswith("."):
            return paragraphs.pop(0)
    return title or None


def article_from_html(
    html: str | bytes,
    *,
    published: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Article:
    """Extract an article from an HTML page (InputError E015 when there is no body)."""
    name = source or url or "<html>"
    if published is not None:
        check_date(published, name)
    doc = _extract(html, url) if html else None
    body = getattr(doc, "text", None) or ""
    # trafilatura puts one block element per line; our paragraphs are blank-line separated
    cleaned = clean_text(body.replace("\n", "\n\n"), header=False)
    if not cleaned.paragraphs:
        raise InputError("E015", name, "no article body found in the HTML")
    title = _drop_headline(cleaned.paragraphs, (getattr(doc, "title", None) or "").strip())
    if not cleaned.paragraphs:
        raise InputError("E015", name, "the page has a headline but no article body")
    author = (getattr(doc, "author", None) or "").strip() or None
    return Article(
        text=cleaned.text,
        title=title,
        author=author,
        published=published
        or _page_date(getattr(doc, "date", None))
        or dateline_date(cleaned.wire_dateline, None),
        url=url,
        removed=cleaned.removed,
        source=source,
        dateline=cleaned.wire_dateline,
    )
