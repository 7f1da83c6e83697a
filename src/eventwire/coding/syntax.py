"""What the coder's stages share: parse-tree word classes, the trigger match record and
small readers of the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import DEP, HEAD, LEMMA, LOWER
from spacy.tokens import Doc, Token

from eventwire.coding.lexicon import LexRow
from eventwire.model import Evidence

VERB_POS = {"VERB"}
NOUN_POS = {"NOUN", "PROPN"}
SUBJ = {"nsubj", "csubj"}
OBJ = {"dobj", "dative", "iobj", "obj"}
# participles that state an agreement noun's event happened ("agreements reached in 2023")
CONCLUDED = {"reach", "sign", "conclude", "strike", "broker", "seal"}
FUTURE_AUX = {"will", "shall", "'ll"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must", "can"}
DEFINITE = {"the", "this", "that", "these", "those"}
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}


@dataclass
class Match:
    row: LexRow
    head: Token
    tokens: list[Token]  # head plus the other trigger words
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)


Picked = list[tuple[str, Token]]  # (actor id, the token that mentions it)


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def concluded(noun: Token) -> Token | None:
    """The participle stating that an event noun happened ("agreements reached"), if any."""
    if noun.pos_ not in NOUN_POS:
        return None
    return next(
        (
            c
            for c in noun.children
            if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and lemma(c) in CONCLUDED
        ),
        None,
    )


def evidence(text: str, start: int, end: int, trigger: tuple[int, int]) -> Evidence:
    """The evidence record of text[start:end] (surrounding white space trimmed, offsets kept
    true) with the trigger at the character offsets `trigger`."""
    raw = text[start:end]
    start += len(raw) - len(raw.lstrip())
    sentence = raw.strip()
    t_start, t_end = trigger
    return Evidence(
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        trigger=text[t_start:t_end],
        trigger_start=t_start,
        trigger_end=t_end,
    )


@dataclass(frozen=True, slots=True)
class Tree:
    """The dependency tree of a document as plain lists (spaCy builds a Token object on
    every access; paths are asked for thousands of times per article)."""

    heads: list[int]
    deps: list[str]
    words: list[str]
    lemmas: list[str] = field(default_factory=list)
    kids: list[list[int]] = field(default_factory=list)  # children, in text order

    @classmethod
    def of(cls, doc: Doc) -> Tree:
        # one array read: a Token object per attribute access would cost more than the rest
        offsets = doc.to_array(HEAD).astype("int64").tolist()  # stored as unsigned
        cols = doc.to_array([DEP, LOWER, LEMMA]).tolist()
        strings = doc.vocab.strings
        heads = [i + off for i, off in enumerate(offsets)]
        kids: list[list[int]] = [[] for _ in heads]
        for i, h in enumerate(heads):
            if h != i:
                kids[h].append(i)
        deps = [strings[row[0]] for row in cols]
        words = [strings[row[1]] for row in cols]
        lemmas = [strings[row[2]].lower() for row in cols]
        return cls(heads, deps, words, lemmas, kids)

    def subtree(self, i: int) -> list[int]:
        """The word and all below it, in text order."""
        out, todo = [], [i]
        while todo:
            t = todo.pop()
            out.append(t)
            todo.extend(self.kids[t])
        return sorted(out)

    def forms(self, words: list[int]) -> frozenset[str]:
        """The lower-case forms and lemmas of the words."""
        return frozenset(self.words[i] for i in words) | frozenset(self.lemmas[i] for i in words)

    def up(self, i: int) -> list[int]:
        out = [i]
        while self.heads[out[-1]] != out[-1]:
            out.append(self.heads[out[-1]])
        return out

    def steps(self, a: int, b: int) -> list[str] | None:
        """The dependency path from a to b: relations going up from a, then down to b,
        with the word of a preposition on the way (["^nsubj"], ["vprep:with", "vpobj"]);
        None when the two are in different trees."""
        up_a, up_b = self.up(a), self.up(b)
        where_b = {t: k for k, t in enumerate(up_b)}
        common = next((k for k, t in enumerate(up_a) if t in where_b), None)
        if common is None:
            return None
        steps = [f"^{self.deps[t]}" for t in up_a[:common]]
        for t in reversed(up_b[: where_b[up_a[common]]]):
            dep = self.deps[t]
            steps.append(f"v{dep}:{self.words[t]}" if dep in ("prep", "agent") else f"v{dep}")
        return steps

    def length(self, a: int, b: int) -> int:
        steps = self.steps(a, b)
        return len(steps) if steps is not None else 99
