"""Small helpers shared by the tests (fixtures live in conftest.py)."""

from __future__ import annotations

from eventwire.actors.table import ActorTable
from eventwire.model import Actor


def actor_at_text(table: ActorTable, text: str, needle: str, nth: int = 0) -> Actor | None:
    """The actor the table gives for the nth occurrence of `needle` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    actor_id = table.actor_at(start, start + len(needle))
    return table.get(actor_id) if actor_id else None
