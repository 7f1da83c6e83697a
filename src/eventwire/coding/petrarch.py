"""PETRARCH2's CAMEO verb dictionary, converted (data/petrarch_*.tsv, MIT, see
data/PETRARCH2-LICENSE.txt), matched over the spaCy parse.

A verb of a dictionary block proposes the block's types: on its own (the verb's isolated
code), and through each pattern of its block whose words are found around it: pre-verb words
in the subject, post-verb words in the verb's right-hand phrases, `(PREP NOUN)` phrases as a
preposition governing the noun. Clausal dependents (`ccomp`, `advcl`, coordinated verbs) are
other events and are not searched. The matches are candidates for the trained coder, which
decides; the converter is `eventwire convert-petrarch`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.coding.ontology import read_tsv
from eventwire.coding.syntax import Tree

VERBS_FILE = "petrarch_verbs.tsv"
PATTERNS_FILE = "petrarch_patterns.tsv"
SYNSETS_FILE = "petrarch_synsets.tsv"
LICENSE_FILE = "PETRARCH2-LICENSE.txt"
# dependents that start another clause: their words belong to another event
CLAUSE_DEPS = {"ccomp", "advcl", "conj", "cc", "punct", "parataxis", "mark", "relcl", "xcomp"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
PREP_DEPS = {"prep", "agent", "dative", "prt"}


@dataclass(frozen=True, slots=True)
class PetrarchPattern:
    block: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    preps: tuple[tuple[str, str], ...]
    source: str
    target: str
    cameo: str
    types: tuple[str, ...]
    mode: str | None
    line: int

    @property
    def size(self) -> int:
        """How many words or phrases the pattern asks for: more is more specific."""
        return len(self.before) + len(self.after) + len(self.preps)


@dataclass(frozen=True, slots=True)
class PetrarchVerb:
    block: str
    verb: str
    others: tuple[str, ...]
    cameo: str | None
    types: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PetrarchMatch:
    """A verb of the dictionary found in the text, with the pattern that fits (None: the
    verb's own code)."""

    verb: PetrarchVerb
    pattern: PetrarchPattern | None

    @property
    def types(self) -> tuple[str, ...]:
        return self.pattern.types if self.pattern else self.verb.types

    @property
    def cameo(self) -> str:
        return (self.pattern.cameo if self.pattern else self.verb.cameo) or ""


def _opt(value: str) -> str:
    return "" if value == "-" else value


@functools.cache
def _verbs() -> dict[str, tuple[PetrarchVerb, ...]]:
    out: dict[str, list[PetrarchVerb]] = {}
    for r in read_tsv(VERBS_FILE):
        types = tuple(t for t in _opt(r["types"]).split("|") if t)
        verb = PetrarchVerb(
            r["block"], r["verb"], tuple(_opt(r["others"]).split()), _opt(r["cameo"]) or None, types
        )
        out.setdefault(verb.verb, []).append(verb)
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def _patterns() -> dict[str, tuple[PetrarchPattern, ...]]:
    out: dict[str, list[PetrarchPattern]] = {}
    for r in read_tsv(PATTERNS_FILE):
        preps = []
        for phrase in _split(r["preps"]):
            prep, _, words = phrase.partition(" ")
            preps.append((prep, words))
        pattern = PetrarchPattern(
            block=r["block"],
            before=_split(r["before"]),
            after=_split(r["after"]),
            preps=tuple(preps),
            source=_opt(r["source"]),
            target=_opt(r["target"]),
            cameo=r["cameo"],
            types=tuple(r["types"].split("|")),
            mode=_opt(r["mode"]) or None,
            line=int(r["line"]),
        )
        out.setdefault(pattern.block, []).append(pattern)
    return {k: tuple(v) for k, v in out.items()}


def _split(value: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in _opt(value).split(";") if p.strip())


@functools.cache
def _synsets() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for r in read_tsv(SYNSETS_FILE):
        out.setdefault(r["synset"], []).append(r["words"])
    return {k: tuple(v) for k, v in out.items()}


Options = tuple[tuple[str, ...], ...]  # alternative phrases, each a tuple of words
ANY = ""  # the index key of patterns that ask for no word


def _options(item: str) -> Options:
    """The phrases that satisfy a pattern item: its words, or a `&SET`'s phrases."""
    if item.startswith("&"):
        return tuple(tuple(p.split()) for p in _synsets().get(item, ()))
    return (tuple(item.split()),)


def _found(options: Options, words: frozenset[str]) -> bool:
    return any(all(w in words for w in phrase) for phrase in options)


@dataclass(frozen=True, slots=True)
class _Compiled:
    pattern: PetrarchPattern
    before: tuple[Options, ...]
    after: tuple[Options, ...]
    preps: tuple[tuple[str, Options | None], ...]

    def anchors(self) -> set[str]:
        """Words one of which must stand around the verb for the pattern to fit."""
        if self.preps:
            return {self.preps[0][0]}
        if not (self.after or self.before):
            return {ANY}  # asks for nothing: fits every verb of its block
        first = (self.after or self.before)[0]
        return {phrase[-1] for phrase in first if phrase}

    def fits(
        self, before: frozenset[str], after: frozenset[str], preps: dict[str, frozenset[str]]
    ) -> bool:
        return (
            all(_found(o, before) for o in self.before)
            and all(_found(o, after) for o in self.after)
            and all(p in preps and (o is None or _found(o, preps[p])) for p, o in self.preps)
        )


@functools.cache
def _index() -> dict[str, dict[str, tuple[_Compiled, ...]]]:
    """Block -> anchor word -> the block's patterns anchored there, in file order."""
    out: dict[str, dict[str, list[_Compiled]]] = {}
    for block, patterns in _patterns().items():
        for p in patterns:
            compiled = _Compiled(
                p,
                tuple(_options(w) for w in p.before),
                tuple(_options(w) for w in p.after),
                tuple((prep, _options(w) if w else None) for prep, w in p.preps),
            )
            for word in compiled.anchors():
                out.setdefault(block, {}).setdefault(word, []).append(compiled)
    return {b: {w: tuple(ps) for w, ps in idx.items()} for b, idx in out.items()}


def _others_found(verb: int, tree: Tree, others: tuple[str, ...]) -> bool:
    near_deps = PREP_DEPS | {"compound", "dobj"}
    near = tree.forms([c for c in tree.kids[verb] if tree.deps[c] in near_deps])
    return all(w in near for w in others)


def petrarch_matches(verb: Token, tree: Tree | None = None) -> list[PetrarchMatch]:
    """Every dictionary verb entry and pattern that fits a verb token (`tree`: the parse of
    its document as plain lists, built once per document by the caller)."""
    entries = _verbs().get(verb.lemma_.lower()) or _verbs().get(verb.lower_, ())
    if not entries:
        return []
    tree = tree or Tree.of(verb.doc)
    v, deps = verb.i, tree.deps
    entries = tuple(e for e in entries if not e.others or _others_found(v, tree, e.others))
    if not entries:
        return []
    right = [c for c in tree.kids[v] if c > v and deps[c] not in CLAUSE_DEPS]
    left = [c for c in tree.kids[v] if deps[c] in SUBJECT_DEPS]
    below_right = [t for c in right for t in tree.subtree(c)]
    after = tree.forms(below_right)
    before = tree.forms([t for c in left for t in tree.subtree(c)])
    preps: dict[str, frozenset[str]] = {}
    for tok in [*below_right, v]:
        for c in tree.kids[tok]:
            if deps[c] in PREP_DEPS and c > v:
                word = tree.words[c]
                preps[word] = preps.get(word, frozenset()) | tree.forms(tree.subtree(c)[1:])
    around = before | after | preps.keys() | {ANY}
    out: list[PetrarchMatch] = []
    for entry in entries:
        if entry.types:
            out.append(PetrarchMatch(entry, None))
        index = _index().get(entry.block, {})
        fitting = {id(p): p for word in around for p in index.get(word, ())}
        for compiled in sorted(fitting.values(), key=lambda p: p.pattern.line):
            if compiled.fits(before, after, preps):
                out.append(PetrarchMatch(entry, compiled.pattern))
    return out
