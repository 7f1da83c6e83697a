"""eventwire: news about international affairs in, coded events out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["AnalyzedDocument", "Article", "Store", "__version__", "analyze"]

from eventwire.model import AnalyzedDocument, Article

if TYPE_CHECKING:
    from eventwire.store.db import Store


def analyze(source: Article | str, **kwargs: Any) -> AnalyzedDocument:
    """Analyse one article (an `Article`, or raw scraped text). See `eventwire.analysis`."""
    from eventwire.analysis import analyze as _analyze

    return _analyze(source, **kwargs)


def __getattr__(name: str) -> Any:
    # Store pulls in DuckDB; import it only when asked for
    if name == "Store":
        from eventwire.store.db import Store

        return Store
    raise AttributeError(name)
