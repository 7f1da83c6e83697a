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
    """(mode, cue) of the first mode cue of the type, in data order, found in the phrase."""
    text = _text(phrase)
    for cue, t, value in _cues().get("mode", ()):
        if t == etype and f" {cue} " in text:
            return value, cue
    return None


def threat_mode(etype: str, mode: str | None) -> str | None:
    """The THREATEN mode of a threat whose content is an act of this type and mode ("to
    shell the towns": violence); PLOVER codes a threat by what it threatens."""
    table = {(t, cue): value for cue, t, value in _cues().get("threat", ())}
    return table.get((etype, mode or "*")) or table.get((etype, "*"))


def find_contexts(sent: Span) -> list[tuple[str, str]]:
    """(context, cue) pairs found in the sentence, one per context, in data order."""
    text = _text(sent)
    out: dict[str, str] = {}
    for cue, _, value in _cues().get("context", ()):
        if value not in out and f" {cue} " in text:
            out[value] = cue
    return list(out.items())


def accident_words(etype: str) -> frozenset[str]:
    return frozenset(cue for cue, t, _ in _cues().get("accident", ()) if t == etype)


@functools.cache
def label_words() -> frozenset[str]:
    """Pejorative labels: calling an act one of these is a criticism."""
    return frozenset(cue for cue, _, _ in _cues().get("label", ()))


@functools.cache
def light_verbs() -> frozenset[str]:
    """Verbs that carry an event noun and lend it their subject ("launched an investigation",
    "arrived on a visit")."""
    return frozenset(cue for cue, _, _ in _cues().get("light", ()))


@functools.cache
def author_verbs() -> frozenset[str]:
    """Verbs whose subject is the author of the event noun they govern ("X orchestrated the
    attacks", "Y claimed the bombing")."""
    return frozenset(cue for cue, _, _ in _cues().get("author", ()))


@functools.cache
def official_words() -> frozenset[str]:
    """Nouns for a place's unnamed officials ("authorities", "the government")."""
    return frozenset(cue for cue, _, _ in _cues().get("officials", ()))


def commerce_words(etype: str) -> frozenset[str]:
    """Objects that make an offer or an acceptance a business transaction."""
    return frozenset(cue for cue, t, _ in _cues().get("commerce", ()) if t == etype)


def ordinary_words(etype: str) -> frozenset[str]:
    """Modifiers that make an event noun routine ("an election rally" is no protest)."""
    return frozenset(cue for cue, t, _ in _cues().get("ordinary", ()) if t == etype)


@functools.cache
def spokesman_words() -> frozenset[str]:
    """Nouns for someone who speaks for another ("a spokesperson for X" speaks as X)."""
    return frozenset(cue for cue, _, _ in _cues().get("spokesman", ()))


@functools.cache
def verbal_words() -> frozenset[str]:
    """Objects that make an attack verbal ("attacked the proclamation" is a criticism)."""
    return frozenset(cue for cue, _, _ in _cues().get("verbal", ()))


@functools.cache
def call_words() -> frozenset[str]:
    """Nouns for a call made earlier in the article ("the call was seconded by X")."""
    return frozenset(cue for cue, _, _ in _cues().get("call", ()))


@functools.cache
def referent_words() -> frozenset[str]:
    """Nouns that, definite, re-mention an act or statement told earlier ("criticized the
    move"): its author is the one criticised, backed or refused."""
    return frozenset(cue for cue, _, _ in _cues().get("referent", ()))


@functools.cache
def denial_words() -> frozenset[str]:
    """Objects that make a refusal a denial ("dismissed the claim", "declined to comment")."""
    return frozenset(cue for cue, _, _ in _cues().get("denial", ()))


@functools.cache
def belief_words() -> frozenset[str]:
    """Verbs of belief: what their complement tells is believed, not stated to have happened."""
    return frozenset(cue for cue, _, _ in _cues().get("belief", ()))


@functools.cache
def proposal_words() -> frozenset[str]:
    """Nouns for a bill or proposal: what it would do has not happened."""
    return frozenset(cue for cue, _, _ in _cues().get("proposal", ()))


@functools.cache
def vehicle_words() -> frozenset[str]:
    """Vehicles and driving: harm done by one is a road accident, not an act of force."""
    return frozenset(cue for cue, _, _ in _cues().get("vehicle", ()))


@functools.cache
def pact_words() -> frozenset[str]:
    """Verbs and nouns whose object or content is an agreement in words: a ceasefire they
    take ("signed a ceasefire agreement", "agreed to a truce") is not yet carried out."""
    return frozenset(cue for cue, _, _ in _cues().get("pact", ()))


@functools.cache
def ending_words() -> frozenset[str]:
    """Verbs (with their particle: "break down") telling that an event ended or failed
    ("the truce collapsed"): their subject names no event taking place."""
    return frozenset(cue for cue, _, _ in _cues().get("ending", ()))


@functools.cache
def plan_words() -> frozenset[str]:
    """Verbs of planning: an act of force they take as object has not yet happened."""
    return frozenset(cue for cue, _, _ in _cues().get("plan", ()))


@functools.cache
def custody_words() -> frozenset[str]:
    """Verbs and nouns of a state or of dying: "in custody" under them tells no arrest."""
    return frozenset(cue for cue, _, _ in _cues().get("custody", ()))


@functools.cache
def occasion_words() -> frozenset[str]:
    """Subordinators of a clause that tells a past event, the occasion of a statement."""
    return frozenset(cue for cue, _, _ in _cues().get("occasion", ()))
