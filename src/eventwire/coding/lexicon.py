"""Our event lexicon (data/lexicon.tsv): one row per trigger fact.

Columns: id, trigger (lemmas; the head word is the first for verbs, the last for nouns; the
other words must be syntactic dependents of the head), pos (verb|noun), pattern
(word|phrasal|light|compound|intrans), tprep / sprep (prepositions whose object is the
target / the source, '|'-separated), type, cameo, mode, context, conf (prior), note.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from eventwire.coding.ontology import read_tsv

PATTERNS = ("word", "phrasal", "light", "compound", "intrans")


def _opt(value: str) -> str | None:
    return None if value in ("", "-") else value


def _list(value: str) -> tuple[str, ...]:
    return () if value in ("", "-") else tuple(value.split("|"))


@dataclass(frozen=True, slots=True)
class LexRow:
    id: str
    words: tuple[str, ...]
    pos: str
    pattern: str
    tprep: tuple[str, ...]
    sprep: tuple[str, ...]
    type: str
    cameo: str
    mode: str | None
    context: str | None
    conf: float

    @property
    def head(self) -> str:
        return self.words[0] if self.pos == "verb" else self.words[-1]

    @property
    def others(self) -> tuple[str, ...]:
        return self.words[1:] if self.pos == "verb" else self.words[:-1]


@functools.cache
def lexicon() -> tuple[LexRow, ...]:
    rows = []
    for r in read_tsv("lexicon.tsv"):
        rows.append(
            LexRow(
                id=r["id"],
                words=tuple(r["trigger"].lower().split()),
                pos=r["pos"],
                pattern=r["pattern"],
                tprep=_list(r["tprep"]),
                sprep=_list(r["sprep"]),
                type=r["type"],
                cameo=r["cameo"],
                mode=_opt(r["mode"]),
                context=_opt(r["context"]),
                conf=float(r["conf"]),
            )
        )
    return tuple(rows)


@functools.cache
def by_head() -> dict[tuple[str, str], tuple[LexRow, ...]]:
    """(pos, head lemma) -> rows, longest trigger first, then highest prior."""
    index: dict[tuple[str, str], list[LexRow]] = {}
    for row in lexicon():
        index.setdefault((row.pos, row.head), []).append(row)
    return {k: tuple(sorted(v, key=lambda r: (-len(r.words), -r.conf))) for k, v in index.items()}
