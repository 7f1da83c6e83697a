"""Our event lexicon (data/lexicon.tsv): one row per trigger fact.

Columns: id, trigger (lemmas; the head word is the first for verbs, the last for nouns; the
other words must be syntactic dependents of the head), pos (verb|noun), pattern
(word|phrasal|light|compound|intrans|comp|clause|label; comp: the verb needs an object or a
complement, "X agreed to meet" but not a bare "X agreed"; clause: it needs a clause or "for",
"asked X to leave" but not "asked X about it"; label: its object is given a pejorative label
from cues.tsv, "called the vote a farce"), tprep / sprep (prepositions whose object is the
target / the source, '|'-separated), type, cameo, mode, context, conf (prior), note.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from eventwire.coding.ontology import read_tsv
from eventwire.datafiles import data_lines

PATTERNS = ("word", "phrasal", "light", "compound", "intrans", "comp", "clause", "label")
LEXICON_FILE = "lexicon.tsv"
PRECISION_FILE = "rule_precision.tsv"


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
    line: int = 0  # line in data/lexicon.tsv, for explanations
    trigger: str = ""

    @property
    def head(self) -> str:
        return self.words[0] if self.pos == "verb" else self.words[-1]

    @property
    def others(self) -> tuple[str, ...]:
        return self.words[1:] if self.pos == "verb" else self.words[:-1]


@functools.cache
def lexicon() -> tuple[LexRow, ...]:
    rows = []
    for r, line in zip(read_tsv(LEXICON_FILE), _row_lines(), strict=True):
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
                line=line,
                trigger=r["trigger"],
            )
        )
    return tuple(rows)


def _row_lines() -> list[int]:
    """1-based line numbers of the data rows (the lines read_tsv keeps, minus the header)."""
    return [n for n, _ in data_lines("eventwire.coding", LEXICON_FILE)][1:]


@functools.cache
def rule_precision() -> dict[str, float]:
    """Measured precision per lexicon row (data/rule_precision.tsv, written by
    bench/rule_precision.py); empty when the file is absent."""
    path = resources.files("eventwire.coding").joinpath("data", PRECISION_FILE)
    if not path.is_file():
        return {}
    return {r["rule"]: float(r["precision"]) for r in read_tsv(PRECISION_FILE)}


def confidence(row: LexRow) -> float:
    """The row's measured (smoothed) precision when known, else its prior."""
    return rule_precision().get(row.id, row.conf)


@functools.cache
def by_id() -> dict[str, LexRow]:
    return {row.id: row for row in lexicon()}


@functools.cache
def by_head() -> dict[tuple[str, str], tuple[LexRow, ...]]:
    """(pos, head lemma) -> rows, longest trigger first, then highest prior."""
    index: dict[tuple[str, str], list[LexRow]] = {}
    for row in lexicon():
        index.setdefault((row.pos, row.head), []).append(row)
    return {k: tuple(sorted(v, key=lambda r: (-len(r.words), -r.conf))) for k, v in index.items()}
