"""Names that are not actors: places NER took for people or bodies, things, time zones.

NER labels "Jolo" or "Omsk" PERSON/ORG often enough in news; the gazetteer knows them as
places. Only exact place names count (not gazetteer aliases), and a city only when large,
so surnames that happen to be villages stay people.
"""

from __future__ import annotations

import functools

from eventwire.actors.kb import load_kb
from eventwire.geo.gazetteer import get_gazetteer
from eventwire.geo.gazetteer import normalise as place_key

MIN_CITY = 100_000  # smaller towns share names with too many surnames


@functools.lru_cache(maxsize=4096)
def is_place_name(text: str) -> bool:
    key = place_key(text)
    for entry in get_gazetteer().lookup(text):
        if place_key(entry.name) != key:
            continue
        if entry.kind in ("country", "admin", "region") or entry.population >= MIN_CITY:
            return True
    return False


def not_an_actor(text: str) -> bool:
    kb = load_kb()
    return kb.is_region(text) or kb.is_non_actor(text)
