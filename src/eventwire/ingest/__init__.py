"""Ingest: files, URLs, stdin, HTML and scraped text in; clean `Article` records out.

Names are imported lazily so `eventwire.ingest.text` does not pull in trafilatura and httpx.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "article_from_text": "eventwire.ingest.text",
    "article_from_html": "eventwire.ingest.html",
    "read_article": "eventwire.ingest.sources",
    "fetch_url": "eventwire.ingest.sources",
    "expand_sources": "eventwire.ingest.sources",
    "feed_links": "eventwire.ingest.sources",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'eventwire.ingest' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
