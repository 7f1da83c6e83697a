"""Server settings, declared once: this table drives validation, `docs/api.md` and a test.

Each setting has a name, a default and one line of help. `resolve_settings` merges user
overrides over the defaults and rejects unknown names and values of the wrong type.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from eventwire.store.queries import MAX_LIMIT


class Setting(NamedTuple):
    name: str
    default: int
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("default_page_size", 100, "Rows per page when a request gives no limit"),
    Setting("max_page_size", 1000, "Largest limit a request may ask for (larger: 422)"),
    Setting("query_time_limit_ms", 2000, "Milliseconds before a query is interrupted (503)"),
    Setting("max_post_bytes", 2_000_000, "Largest request body POST /api/articles accepts (413)"),
    Setting("max_network_edges", 500, "Most actor pairs /api/network returns, heaviest first"),
    Setting("max_places", 1000, "Most places /api/places returns, most frequent first"),
    Setting("fetch_timeout_s", 10, "Seconds POST /api/articles waits for a URL it fetches"),
    Setting("response_cache_mb", 64, "Megabytes of read answers reused until the store changes"),
)

DEFAULTS: dict[str, int] = {s.name: s.default for s in SETTINGS}


def resolve_settings(overrides: Mapping[str, Any] | None = None) -> dict[str, int]:
    """The defaults updated with `overrides`; ValueError naming a bad setting."""
    out = dict(DEFAULTS)
    for name, value in (overrides or {}).items():
        if name not in DEFAULTS:
            raise ValueError(f"unknown setting {name!r}; known: {', '.join(sorted(DEFAULTS))}")
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"setting {name!r} must be a positive integer, not {value!r}")
        out[name] = value
    if out["max_page_size"] >= MAX_LIMIT:
        # one extra row is fetched to tell whether a next page exists
        raise ValueError(f"setting 'max_page_size' must be below {MAX_LIMIT}")
    if out["default_page_size"] > out["max_page_size"]:
        raise ValueError("setting 'default_page_size' must not exceed 'max_page_size'")
    return out
