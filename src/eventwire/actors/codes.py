"""Every actor's country (ISO alpha-3) and CAMEO actor code, once the document is resolved.

What the text says comes first: a title's state ("Israeli Prime Minister X": ISR), the body
a person speaks for, an international affiliation (IGO officials carry no country). A known
name's dictionary entry fills what the text leaves open, with the code valid on the
article's date (Chirac in 2004: FRAGOV). The code is the dictionary's when it agrees with
the country, else the country's CAMEO code followed by the sector (ISR + GOV = ISRGOV).
States keep their own code (KSV for Kosovo, whose `country` is XKX).
"""

from __future__ import annotations

import functools

from eventwire.actors.builder import Builder, Proto
from eventwire.actors.kb import INTERNATIONAL_CODES, KnowledgeBase, load_kb
from eventwire.actors.known import KnownActor


@functools.cache
def _iso_of_cameo() -> dict[str, str]:
    """CAMEO country code -> ISO alpha-3 (KSV -> XKX; the rest are the same)."""
    kb = load_kb()
    return {e.code: e.id for e in kb.entities.values() if e.kind == "state" and e.code}


def known_country(entry: KnownActor, day: str | None) -> str | None:
    """The country of a dictionary entry: its code's on `day`, else the one country all its
    codes share; None for international codes and for entries of several countries."""
    iso = _iso_of_cameo()
    code = entry.code_on(day)
    if code is not None:
        return iso.get(code[:3])
    countries = {iso.get(p) for p in entry.prefixes()}
    return countries.pop() if len(countries) == 1 else None


def actor_code(proto: Proto, kb: KnowledgeBase, day: str | None) -> str | None:
    """The CAMEO code of a resolved actor that is not a state."""
    known = proto.known.code_on(day) if proto.known is not None else None
    if proto.code in INTERNATIONAL_CODES:
        # the text's affiliation wins; the dictionary may only refine it (IGO -> IGOUNO)
        return known if known and known.startswith(proto.code) else proto.code
    if proto.country is None:
        return known or proto.code
    base = kb.cameo(proto.country)
    if known and known.startswith(base) and proto.sector in (None, known[3:6]):
        return known
    return base + (proto.sector or "")


def finish_codes(b: Builder, day: str | None) -> None:
    """The CAMEO code of every actor but the states (whose code is their own)."""
    for proto in b.protos.values():
        if proto.kind != "state":
            proto.code = actor_code(proto, b.kb, day)
