"""Known actors: the people and bodies of the Phoenix dictionaries, with dated CAMEO codes.

`data/phoenix_actors.tsv` (converted by `eventwire.actors.phoenix`, MIT) lists about 22,000
names; `data/office_holders.tsv` (written for eventwire) adds the office holders of 2017-2025
the dictionaries predate, and replaces their entries of the same names. They are matched
by one spaCy PhraseMatcher, built once per process, over the
document's words folded to lower case without diacritics ("Erdoğan" is ERDOGAN there).
A dictionary name is evidence only where the text writes it as a name: every word
capitalised (name particles aside), a single word only where NER calls it a person (or,
for a body, an organisation written in capitals), never where NER calls it a place or a
date. Ordinary words and common surnames therefore never make an actor on their own.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from eventwire.actors.kb import data_rows, split_cell

# lower-case name particles ("bin", "al", "van"): part of a name written in capitals
PARTICLES = frozenset(
    "al bin ibn bint de da das do dos du del della der den di el la le van von".split()
)
# spaCy's tokenisation of names, without running the tokenizer over 24,000 of them: "'s",
# hyphens, slashes, brackets, quotes and commas are tokens of their own, and a final full stop
# is one unless it ends an initial ("J.", "U.N.")
_TOKEN = re.compile(r"'s\b|[-/(),\"]|[^\s\-/(),\"]+?(?='s\b)|[^\s\-/(),\"]+")
# NER labels under which a dictionary name may still be an actor's name (NER often calls
# an unknown person's name an organisation); a place, date or work is no actor
NAME_LABELS = frozenset({"", "PERSON", "ORG", "NORP"})


@dataclass(frozen=True, slots=True)
class DatedCode:
    code: str
    start: str | None = None  # ISO day, inclusive; None: open
    end: str | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def valid_on(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class KnownActor:
    name: str
    kind: str  # person | organisation
    codes_cell: str  # as in the TSV ("FRAGOV@1995-05-17..2007-05-16|FRAELI"), read on use

    @property
    def codes(self) -> tuple[DatedCode, ...]:
        return tuple(_dated(c) for c in split_cell(self.codes_cell))

    def code_on(self, day: str | None) -> str | None:
        """The code valid on `day` (YYYY, YYYY-MM or YYYY-MM-DD): the first restriction that
        holds, else the undated default, as PETRARCH reads them; without a day, the default."""
        codes = self.codes
        if day is not None:
            day = _first_day(day)
            for c in codes:
                if c.dated and c.valid_on(day):
                    return c.code
        return next((c.code for c in codes if not c.dated), None)

    def prefixes(self) -> set[str]:
        """The three-letter heads of every code (a country, IGO, NGO, a region, ...)."""
        return {c.code[:3] for c in self.codes}


@dataclass(frozen=True, slots=True)
class KnownHit:
    span: Span
    actors: tuple[KnownActor, ...]  # every entry the words name (namesakes included)


@functools.lru_cache(maxsize=16384)  # called for every token of every article
def fold(text: str) -> str:
    """Lower case without diacritics: the key dictionary names and text are compared on."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _first_day(day: str) -> str:
    parts = day.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def _dated(cell: str) -> DatedCode:
    code, _, span = cell.partition("@")
    if not span:
        return DatedCode(code)
    start, _, end = span.partition("..")
    return DatedCode(code, start or None, end or None)


@dataclass(frozen=True, slots=True)
class KnownActors:
    actors: tuple[KnownActor, ...]
    by_form: dict[str, tuple[int, ...]]  # folded, tokenised form ("benjamin netanyahu") -> ids

    def named(self, text: str) -> tuple[KnownActor, ...]:
        """The known actors a name (as written) denotes."""
        return tuple(self.actors[i] for i in self.by_form.get(form_key(text), ()))


def form_key(text: str) -> str:
    """A name folded and split as spaCy splits it: "Erdoğan" -> "erdogan"."""
    return " ".join(_TOKEN.findall(fold(text)))


def _key(words: Iterable[str]) -> str:
    return " ".join(fold(w) for w in words)


@functools.cache
def load_known() -> KnownActors:
    """Every known actor and its name forms, read once per process."""
    actors: list[KnownActor] = []
    by_form: dict[str, list[int]] = {}
    holders = data_rows("office_holders.tsv")
    # the office holders' full names: the Phoenix entries of these names (dated to ~2015,
    # open-ended, and namesakes of other states) give way to the written table
    replaced = {
        form_key(f) for r in holders for f in [r["name"], *split_cell(r["aliases"])] if " " in f
    }
    for row in holders + data_rows("phoenix_actors.tsv"):
        if "dictionary" in row and form_key(row["name"]) in replaced:
            continue
        actors.append(KnownActor(row["name"], row["kind"], row["codes"]))
        for form in [row["name"], *split_cell(row["aliases"])]:
            ids = by_form.setdefault(form_key(form), [])
            if len(actors) - 1 not in ids:
                ids.append(len(actors) - 1)
    return KnownActors(tuple(actors), {k: tuple(v) for k, v in by_form.items() if k})


@functools.cache
def _matcher() -> tuple[Vocab, PhraseMatcher]:
    """One PhraseMatcher over every folded name form, built once per process over a vocabulary
    of its own, so the folded words never enter the model's."""
    vocab = Vocab()
    matcher = PhraseMatcher(vocab, attr="ORTH")
    # a pattern as the sequence of its words' ORTH hashes, the form PhraseMatcher keeps and
    # takes back when unpickled: the same matcher as from one Doc per form, without building
    # 24,000 Docs (0.19 s instead of 0.86 s, a start every process pays)
    add = vocab.strings.add
    patterns = [tuple(add(w) for w in form.split()) for form in load_known().by_form]
    matcher.add("KNOWN", patterns)  # type: ignore[arg-type]  # stub: Docs only
    return vocab, matcher


def known_hits(doc: Doc) -> list[KnownHit]:
    """Dictionary names the text writes as names, longest first where they overlap."""
    known = load_known()
    vocab, matcher = _matcher()
    folded = Doc(vocab, words=[fold(t.text) or t.text for t in doc])
    spans = [Span(doc, s, e) for _, s, e in matcher(folded)]
    out: list[KnownHit] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-len(s), s.start)):
        if any(i in taken for i in range(span.start, span.end)) or not _written_as_name(span):
            continue
        ids = known.by_form.get(_key(t.text for t in span), ())
        actors = tuple(dict.fromkeys(a for i in ids if _kind_fits(a := known.actors[i], span)))
        if actors:
            out.append(KnownHit(span, actors))
            taken.update(range(span.start, span.end))
    return sorted(out, key=lambda h: h.span.start)


def _written_as_name(span: Span) -> bool:
    toks = list(span)
    if not (toks[0].text[:1].isupper() and toks[-1].text[:1].isupper()):
        return False
    for tok in toks:
        if not (tok.text[:1].isupper() or fold(tok.text) in PARTICLES or not tok.is_alpha):
            return False
        if tok.ent_type_ not in NAME_LABELS:
            return False
    return True


def _kind_fits(actor: KnownActor, span: Span) -> bool:
    """A single word is a name only where NER says so: a person's for a PERSON, a body's
    written in capitals ("IAEA") for an ORG; several capitalised words need no NER."""
    if len(span) > 1:  # a person's name NER tags PERSON is no body's alias
        return actor.kind == "person" or not any(t.ent_type_ == "PERSON" for t in span)
    tok = span[0]
    if actor.kind == "person":
        return tok.ent_type_ == "PERSON"
    return tok.ent_type_ == "ORG" and tok.text.isupper() and len(tok.text) >= 3
