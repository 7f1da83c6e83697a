"""Cue words (data/cues.tsv) that fill an event's PLOVER mode and contexts, and mark harm
from accidents, which is not an act of force."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from spacy.tokens import Span, Token

from eventwire.coding.ontology import contexts as known_contexts
from eventwire.coding.ontology import modes as known_modes
from eventwire.coding.ontology import read_tsv


@functools.cache
def _cues() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """kind -> (cue, type, value) rows; values are checked against the ontology."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for row in read_tsv("cues.tsv"):
        kind, cue, etype, value = row["kind"], row["cue"].lower(), row["type"], row["value"]
        if kind == "mode" and value not in known_modes(etype):
            raise ValueError(f"cues.tsv: {value!r} is not a mode of {etype}")
        if kind == "threat" and value not in known_modes("THREATEN"):
            raise ValueError(f"cues.tsv: {value!r} is not a mode of THREATEN")
        if kind == "threat" and cue != "*" and cue not in known_modes(etype):
            raise ValueError(f"cues.tsv: {cue!r} is not a mode of {etype}")
        if kind == "context" and value not in known_contexts():
            raise ValueError(f"cues.tsv: unknown context {value!r}")
        out.setdefault(kind, []).append((cue, etype, value))
    return {k: tuple(v) for k, v in out.items()}


def _text(tokens: Iterable[Token]) -> str:
    """Lemmas and forms, space-padded, so multiword cues match as whole words."""
    words: list[str] = []
    for t in tokens:
        words.append(t.lemma_.lower())
        if t.lower_ != words[-1]:
            words.append(t.lower_)
    return f" {' '.join(words)} "


def find_mode(etype: str, phrase: Iterable[Token], sent: Span) -> tuple[str, str] | None:
    """(mode, cue) from the trigger's own phrase first, then from the sentence."""
    return phrase_mode(etype, phrase) or phrase_mode(etype, sent)


def phrase_mode(etype: str, phrase: Iterable[Token]) -> tuple[str, str] | None:
    """(mode, cue) of the mode cue of the type named first in the phrase ("patrols by police
    and soldiers": police); data order breaks ties between cues at the same word."""
    text = _text(phrase)
    found = [
        (at, i, value, cue)
        for i, (cue, t, value) in enumerate(_cues().get("mode", ()))
        if t == etype and (at := text.find(f" {cue} ")) >= 0
    ]
    if not found:
        return None
    _, _, value, cue = min(found)
    return value, cue


def threat_mode(etype: str, mode: str | None) -> str | None:
    """The THREATEN mode of a threat whose content is an act of this type and mode ("to
    shell the towns": violence); PLOVER codes a threat by what it threatens."""
    table = _threat_table()
    return table.get((etype, mode or "*")) or table.get((etype, "*"))


@functools.cache
def _threat_table() -> dict[tuple[str, str], str]:
    return {(t, cue): value for cue, t, value in _cues().get("threat", ())}


def find_contexts(sent: Span) -> list[tuple[str, str]]:
    """(context, cue) pairs found in the sentence, one per context, in data order."""
    text = _text(sent)
    out: dict[str, str] = {}
    for cue, _, value in _cues().get("context", ()):
        if value not in out and f" {cue} " in text:
            out[value] = cue
    return list(out.items())


def cue_words(kind: str, etype: str | None = None) -> frozenset[str]:
    """The cues of one kind of cues.tsv (the file says what each kind means), only those of
    one event type when `etype` is given. An unknown kind is an error, not an empty set."""
    return _cue_words(kind, etype)


@functools.cache
def _cue_words(kind: str, etype: str | None) -> frozenset[str]:
    if kind not in _cues():
        raise KeyError(f"cues.tsv has no cues of kind {kind!r}")
    return frozenset(cue for cue, t, _ in _cues()[kind] if etype is None or t == etype)
