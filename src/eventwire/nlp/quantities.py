"""Numeric facts: counts of people and troops, money, percentages and durations.

Decisions:
- Only units listed in data/fact_units.tsv count (people, troops, countries, money, percent,
  durations); counts of objects (rockets, stations) and vague plurals ("dozens",
  "hundreds", "thousands") are left out, as are calendar years, ages, ordinals and numbers
  inside direct quotations.
- A number with no counted noun that is the subject or object of a casualty verb ("at least
  20 were killed", "2.8 million who voted") counts people.
- `approx` for about/approximately/around/nearly/almost/roughly/some/over/more than/at least/
  an estimated, and for any number in a sentence marked "reportedly".
- `subject` is the actor owning the noun phrase: the nearest known actor up the dependency
  chain from the counted noun ("KFOR, a mission comprising approximately 4,700 troops").
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span, Token

from eventwire.actors.table import ActorTable
from eventwire.datafiles import tsv_rows
from eventwire.model import Evidence, Fact
from eventwire.nlp.pipeline import doc_text
from eventwire.nlp.quotes import quote_spans

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "dozen": 12,
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "hundred": 100}
APPROX_BEFORE = {
    "about", "approximately", "around", "nearly", "almost", "roughly", "some", "over",
    "estimated", "reportedly", "approx", "circa",
}  # fmt: skip
APPROX_PAIRS = {("more", "than"), ("at", "least"), ("up", "to"), ("less", "than")}
CASUALTY_VERBS = {
    "kill", "wound", "injure", "arrest", "die", "vote", "charge", "detain", "displace",
    "evacuate", "rescue", "execute", "abduct", "kidnap", "hurt", "leave", "dead",
}  # fmt: skip
ANCHORS = {"after", "before", "later", "earlier", "ago", "since"}
OWNER_VERBS = {"comprise", "number", "include", "deploy", "have", "field", "station"}
_NUMERIC = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


@functools.cache
def fact_units() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in tsv_rows("eventwire.nlp", "fact_units.tsv")}


def parse_number(words: list[str]) -> float | None:
    """'4,700' -> 4700, '1.2 billion' -> 1.2e9, 'two' -> 2, 'one million' -> 1e6;
    None when nothing numeric is there."""
    total = 0.0
    current: float | None = None
    first = next((i for i, w in enumerate(words) if _is_number_word(w)), None)
    if first is None:
        return None
    for raw in words[first:]:
        w = raw.lower().strip("$€£")
        if not w:
            continue
        if _NUMERIC.match(w):
            current = (current or 0) + float(w.replace(",", ""))
        elif w in SCALES:
            current = (current if current is not None else 1) * SCALES[w]
            if SCALES[w] >= 1e3:
                total += current
                current = None
        elif w in WORDS and w not in ("a", "an"):
            current = (current or 0) + WORDS[w]
        elif w in ("a", "an") and current is None:
            current = 1
        elif w in ("-", "and"):
            continue
        else:
            break
    if current is None and total == 0:
        return None
    return total + (current or 0)


def _is_number_word(word: str) -> bool:
    w = word.lower().strip("$€£")
    return bool(_NUMERIC.match(w)) or w in WORDS or w in SCALES


def _number_tokens(span: Span) -> list[Token]:
    toks = [t for t in span if t.like_num or t.lower_ in SCALES or t.lower_ in ("a", "an")]
    return toks


def _is_year(span: Span) -> bool:
    return bool(re.fullmatch(r"(1[89]|20)\d\d", span.text.strip()))


def _is_age(num: Token) -> bool:
    nxt = num.doc[num.i + 1 : num.i + 4].text.lower()
    if "year-old" in nxt or "years old" in nxt or nxt.startswith("-year"):
        return True
    prev = num.doc[num.i - 1].lower_ if num.i > 0 else ""
    return prev in ("aged", "age") or (num.dep_ in ("attr", "acomp") and num.head.lemma_ == "be")


def _unit_of(span: Span, num: Token) -> tuple[str, str, Token] | None:
    """(category, unit, counted token) of a number, or None when it counts nothing listed."""
    units = fact_units()
    if span.label_ == "PERCENT" or "%" in span.text or "percent" in span.text.lower():
        return "percent", "percent", num
    if span.label_ == "MONEY":
        for tok in span:
            if tok.text in ("$", "US$") or tok.lower_ in ("dollar", "dollars"):
                return "money", "USD", tok
            if tok.lower_ in units and units[tok.lower_][0] == "money":
                return "money", units[tok.lower_][1], tok
    for tok in [*span[span.end - span.start - 1 :], num.head]:
        low = tok.lower_
        if low in units and tok.i >= num.i:
            return units[low][0], units[low][1], tok
    nxt = num.doc[span.end] if span.end < len(num.doc) else None
    if nxt is not None and nxt.lower_ in units:
        return units[nxt.lower_][0], units[nxt.lower_][1], nxt
    # no counted noun: people when a casualty verb counts it
    head = num.head
    if num.dep_ in ("nsubj", "nsubjpass", "dobj") and head.lemma_ in CASUALTY_VERBS:
        return "people", "people", num
    if num.dep_ == "nsubj" and head.lemma_ == "be" and head.head.lemma_ in CASUALTY_VERBS:
        return "people", "people", num  # "90 were wounded, as were seventeen ..."
    if any(c.dep_ == "relcl" and c.lemma_ in CASUALTY_VERBS for c in num.children):
        return "people", "people", num
    return None


def _approx(span: Span, sent: Span) -> bool:
    if any(t.lower_ == "reportedly" for t in sent):
        return True
    doc = span.doc
    before = [t.lower_ for t in doc[max(sent.start, span.start - 3) : span.start]]
    inside = [t.lower_ for t in span]
    words = before + inside
    if any(w in APPROX_BEFORE for w in words):
        return True
    return any((a, b) in APPROX_PAIRS for a, b in zip(words, words[1:], strict=False))


def _owner(tok: Token, actors: ActorTable) -> tuple[str | None, str | None]:
    """The actor whose noun phrase holds the counted noun, walking up the parse."""
    for anc in tok.ancestors:
        if anc.pos_ in ("NOUN", "PROPN"):
            found = actors.actor_for_token(anc)
            if found is not None:
                return found, _phrase(anc)
        elif anc.pos_ in ("VERB", "AUX"):
            if anc.lemma_ in OWNER_VERBS:
                for child in anc.children:
                    if child.dep_ in ("nsubj", "nsubjpass"):
                        found = actors.actor_for_token(child)
                        if found is not None:
                            return found, _phrase(child)
            if anc.dep_ not in ("acl", "relcl", "conj", "appos"):
                break
    return None, None


def _phrase(tok: Token) -> str:
    left = tok
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod", "det", "poss"):
            left = child
            break
    return tok.doc[left.i : tok.i + 1].text


_DURATION = re.compile(
    r"^(?:(?:about|around|over|nearly|almost|some|more than|at least)\s+)?"
    r"(\d[\d,.]*|[a-z]+)\s*-?\s*(hour|day|week|month|year|decade)s?$"
)


def _candidates(doc: Doc) -> list[Span]:
    out: list[Span] = []
    covered: set[int] = set()
    for ent in doc.ents:
        covered.update(range(ent.start, ent.end))
        if ent.label_ in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
            out.append(ent)
        elif ent.label_ in ("DATE", "TIME") and _DURATION.match(ent.text.lower().strip()):
            nxt = doc[ent.end].lower_ if ent.end < len(doc) else ""
            if nxt not in ANCHORS:  # "three decades after X" is a distance, not a duration
                out.append(ent)
    for tok in doc:
        if tok.i not in covered and tok.like_num and tok.lower_ in WORDS:
            out.append(doc[tok.i : tok.i + 1])
    return out


def find_facts(doc: Doc, actors: ActorTable) -> list[Fact]:
    quoted = [(q.open_mark, q.end) for q in quote_spans(doc_text(doc))]
    facts: list[Fact] = []
    for span in _candidates(doc):
        if any(a <= span.start_char < b for a, b in quoted) or _is_year(span):
            continue
        nums = _number_tokens(span)
        if not nums:
            continue
        quantity = parse_number([t.text for t in span if t.lower_ not in APPROX_BEFORE])
        if quantity is None or quantity <= 0:
            continue
        num = nums[-1]
        if _is_age(num):
            continue
        unit = _unit_of(span, num)
        if unit is None:
            continue
        _category, unit_text, counted = unit
        sent = span.sent
        subject, subject_text = _owner(counted, actors)
        number = doc[nums[0].i : num.i + 1]  # the fact's trigger: the number as written
        facts.append(
            Fact(
                subject=subject,
                quantity=quantity,
                unit=unit_text,
                approx=_approx(span, sent),
                evidence=Evidence(
                    sent.text, sent.start_char, sent.end_char,
                    number.text, number.start_char, number.end_char,
                ),  # fmt: skip
                subject_text=subject_text,
            )
        )
    return facts
