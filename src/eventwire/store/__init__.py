"""DuckDB storage: the `Store`, filtered queries over it, and exports."""

from __future__ import annotations

from eventwire.store.db import Store, event_key

__all__ = ["Store", "event_key"]
