"""Scraped-text cleaner: raw text with site junk attached in, a clean `Article` out.

The body keeps its paragraphs ("\n\n" between them). Every line the cleaner drops as junk is
listed verbatim in `Article.removed`, so nothing disappears silently. Junk patterns are data
(`data/junk_patterns.tsv`), one full-line regex per row.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from eventwire.datafiles import tsv_rows
from eventwire.errors import InputError
from eventwire.model import Article

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# "Sunday, November 10, 2019" (Wikinews) and "Sunday, 10 November 2019"; weekday optional
_DATELINE = re.compile(
    rf"(?:(?:{_WEEKDAYS}),?\s+)?"
    rf"(?:(?P<m1>{_MONTHS})\s+(?P<d1>\d{{1,2}}),?|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTHS}),?)"
    r"\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
_MONTH_NAMES = (
    "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    "|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_CAPS = r"[A-Z][A-Z.'\-]+"
_TITLED = r"[A-Z][\w.'\-]+"
# a wire dateline opening the body: "BRUSSELS, Feb 24 (Reuters) - ", "LOKOJA, Nigeria — ",
# "UNITED NATIONS — ", "KYIV, Ukraine, March 3, 2025 (AP) — ": a place in capitals (and its
# country), maybe a date and an agency, then a dash
_WIRE_DATELINE = re.compile(
    rf"(?P<dateline>(?P<place>{_CAPS}(?: {_CAPS})*(?:, {_TITLED}(?: {_TITLED})*)?)"
    rf"(?:,? (?P<month>{_MONTH_NAMES})\.? (?P<day>\d{{1,2}})(?:, (?P<year>\d{{4}}))?)?"
    r"(?: \((?P<agency>[A-Za-z][\w .&-]{0,30})\))?)"
    r" ?(?:-|\u2014|\u2013|--) (?=\S)"
)
_BYLINE = re.compile(r"(?:(?:written|reported|story)\s+)?by\s*:?\s+(?P<names>.+)", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")

# Characters removed outright: BOM/zero-width no-break space, NUL and other C0/C1 controls,
# soft hyphens (invisible hyphenation hints), zero-width space and word joiner.
_DROP_CHARS = re.compile("[\ufeff\u00ad\u200b\u2060\x00-\x08\x0e-\x1f\x7f-\x9f]")
_HSPACE = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_SENTENCE_END = (".", "!", "?", "…", '"', "”", "’", "'", "»")
# a line ending in one of these closes a paragraph even inside a block of lines
_BREAK_END = _SENTENCE_END + (":", ";", ")", "]")
_BULLET = re.compile(r"[-*•·–—]\s")
_WRAP_WIDTH = 40  # a block line at least this long that ends mid-sentence is hard-wrapped
# A paragraph with a longer stretch than this without a sentence mark is no prose (a keyword
# list, a flattened table, a hostile input): the longest sentence of the gold and demo texts
# has 565 characters, and parsing one run of 200,000 took 14 s, most of an article's budget.
MAX_SENTENCE_CHARS = 5_000
# Raw text over twice the analysis cap (nlp.pipeline.MAX_TEXT_CHARS, 1,000,000) is refused
# before cleaning: site junk is a few lines, not half a text, and cleaning 20 MB took 10 s
# and 600 MB only for its clean text to be refused as too long.
MAX_RAW_CHARS = 2_000_000
_SENTENCE_MARK = re.compile(r"[.!?…;]")


@functools.cache
def junk_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(name, compiled full-line regex) pairs from data/junk_patterns.tsv."""
    rows = tsv_rows("eventwire.ingest", "junk_patterns.tsv")
    return tuple((name, re.compile(regex, re.IGNORECASE)) for name, regex, *_ in rows)


def junk_kind(line: str) -> str | None:
    """The name of the junk pattern a (stripped) line matches in full, or None."""
    for name, pattern in junk_patterns():
        if pattern.fullmatch(line):
            return name
    return None


def is_junk(line: str) -> bool:
    return junk_kind(line.strip()) is not None


def normalise(raw: str) -> str:
    """Unify newlines, drop invisible characters, collapse horizontal space, strip lines."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2029", "\n\n").replace("\u2028", "\n")
    text = text.replace("\x0c", "\n\n").replace("\x0b", "\n")
    text = _DROP_CHARS.sub("", text)
    text = _HSPACE.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def clean_field(value: str) -> str | None:
    """A one-line value (a title given beside the text): invisible and control characters
    dropped, each run of whitespace, line breaks included, one space; None when nothing is
    left. A terminal escape in a JSONL or sidecar title was printed raw by `analyze`."""
    return " ".join(_DROP_CHARS.sub("", value).split()) or None


def check_unicode(value: str, source: str, field: str = "text") -> str:
    """InputError E014 for a lone surrogate (a JSON `"\\ud800"` escape, or a Python string
    built from one): no UTF-8 encoder takes it, so spaCy, the article id and the store would
    each fail on it later. Decoded bytes never hold one; strings handed in directly may."""
    bad = _SURROGATE.search(value)
    if bad is not None:
        where = f"U+{ord(bad.group()):04X} at character {bad.start()}"
        raise InputError("E014", source, f"{field} has a lone surrogate {where}")
    return value


def check_size(raw: str, source: str) -> None:
    """InputError E013 for raw text over MAX_RAW_CHARS, before any work is spent on it."""
    if len(raw) > MAX_RAW_CHARS:
        detail = f"{len(raw):,} characters before cleaning, limit {MAX_RAW_CHARS:,}"
        raise InputError("E013", source, detail)


def check_date(value: str, source: str) -> str:
    """Validate a caller-supplied YYYY-MM-DD date (E030 otherwise)."""
    if not _ISO_DATE.fullmatch(value):
        raise InputError("E030", source, f"published={value!r}")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise InputError("E030", source, f"published={value!r}") from None
    return value


def parse_dateline(line: str) -> str | None:
    """ISO date of a line that is only a date ("Sunday, November 10, 2019"), else None."""
    match = _DATELINE.fullmatch(line)
    if match is None:
        return None
    month_name = (match["m1"] or match["m2"]).lower()
    month = _MONTHS.split("|").index(month_name) + 1
    try:
        return dt.date(int(match["y"]), month, int(match["d1"] or match["d2"])).isoformat()
    except ValueError:
        return None


_NAME_PARTICLES = frozenset(
    "van von der den de del della di da dos du la le bin ibn al el ben ter".split()
)


def parse_byline(line: str) -> str | None:
    """The name(s) of a "by NAME" / "By NAME and NAME" line, else None."""
    match = _BYLINE.fullmatch(line)
    if match is None or len(line) > 120:
        return None
    names = [n for n in _NAME_SPLIT.split(match["names"].strip()) if n]
    if not names:
        return None
    for name in names:
        words = name.split()
        # name particles (van der, de, al-, bin) may be lower case, the name's ends may not
        if not 1 <= len(words) <= 6 or not (words[0][0].isupper() and words[-1][0].isupper()):
            return None
        if not all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in words):
            return None
    return match["names"].strip()


def _title_like(line: str) -> bool:
    return (
        len(line) <= 250
        and len(line.split()) <= 25
        and not line.endswith((".", ",", ";", ":"))
        and any(c.isalpha() for c in line)
    )


def _tail_droppable(line: str) -> bool:
    """Short lines after the first tail junk line: related headlines, author boxes, menus."""
    return len(line.split()) <= 20 and not line.endswith(_SENTENCE_END)


@dataclass(slots=True)
class Cleaned:
    paragraphs: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    dateline: str | None = None  # ISO date stated by a dateline line
    wire_dateline: str | None = None  # "BRUSSELS, Feb 24 (Reuters)", cut from the first paragraph

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def _headline(line: str, following: str, stated: str | None) -> bool:
    """Is the text's first line its headline? One set off by a blank line, one the article's
    stated title repeats, or one right above a wire dateline line ("RABAT, Oct 7 (Reuters) -
    ..."): without these, a headline longer than a wrapped line would be read as the start of
    the lede's first sentence."""
    if stated is not None and " ".join(line.split()).lower() == " ".join(stated.split()).lower():
        return True
    return _title_like(line) and (not following or _WIRE_DATELINE.match(following) is not None)


def _read_header(lines: list[str], out: Cleaned, stated_title: str | None = None) -> int:
    """Consume headline, byline, dateline and leading junk; return the first body index."""
    i = 0
    seen_content = False
    while i < len(lines):
        line = lines[i]
        if not line:
            i += 1
            continue
        later = any(lines[i + 1 :])
        if out.dateline is None and (date := parse_dateline(line)) is not None:
            out.dateline = date
            out.removed.append(line)
        elif junk_kind(line) is not None:
            out.removed.append(line)
        elif out.author is None and (author := parse_byline(line)) is not None:
            out.author = author
        elif (
            not seen_content
            and out.title is None
            and later
            and i + 1 < len(lines)
            and _headline(line, lines[i + 1], stated_title)
        ):
            out.title = line
        else:
            break
        seen_content = seen_content or out.title is not None or out.author is not None
        i += 1
    return i


def clean_body(lines: list[str], out: Cleaned) -> None:
    """Drop junk lines (anywhere) and the junk tail; group the rest into paragraphs."""
    content = [i for i, line in enumerate(lines) if line]
    junk = {i for i in content if junk_kind(lines[i]) is not None}
    # the tail: the longest run of junk-or-short lines at the end; it is cut from its first
    # junk line on, so a short closing line of the article itself survives
    cut = len(lines)
    for i in reversed(content):
        if i in junk:
            cut = i
        elif not _tail_droppable(lines[i]):
            break
    paragraphs: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if block:
            paragraphs.append(" ".join(block))
            block.clear()

    for i, line in enumerate(lines):
        if not line:
            flush()
        elif i >= cut or i in junk:
            out.removed.append(line)
            flush()
        elif block and _new_paragraph(block[-1], line):
            flush()
            block.append(line)
        else:
            block.append(line)
    flush()
    # joining wrapped lines can form a junk line ("Read" + "more"): drop those too
    for paragraph in paragraphs:
        if longest_sentence(paragraph) <= MAX_SENTENCE_CHARS and junk_kind(paragraph) is None:
            out.paragraphs.append(paragraph)
        else:
            out.removed.append(paragraph)
    if out.paragraphs and (m := _WIRE_DATELINE.match(out.paragraphs[0])) is not None:
        out.wire_dateline = m["dateline"]  # where and when the story was filed: no body
        out.paragraphs[0] = out.paragraphs[0][m.end() :]


def longest_sentence(paragraph: str) -> int:
    """Characters of the longest stretch without a sentence mark (. ! ? … ;)."""
    return max(map(len, _SENTENCE_MARK.split(paragraph)))


def no_body(cleaned: Cleaned, what: str) -> str:
    """Why cleaning left no body, for E015: `what`, or the overlong sentence that was cut."""
    longest = max(map(longest_sentence, cleaned.removed), default=0)
    if longest > MAX_SENTENCE_CHARS:
        return f"{longest:,} characters without a sentence end, limit {MAX_SENTENCE_CHARS:,}"
    return what


def dateline_date(dateline: str | None, published: str | None) -> str | None:
    """The ISO date a wire dateline states: with its year, or the latest such day no later
    than a day after `published` (a story is filed before its page is dated); None when it
    names no day, or names no year and no publication date anchors one."""
    m = _WIRE_DATELINE.match(f"{dateline} - x") if dateline else None
    if m is None or m["month"] is None:
        return None
    month = next(
        i for i, name in enumerate(_MONTH_NAMES.split("|"), 1) if re.fullmatch(name, m["month"])
    )
    day = int(m["day"])
    try:
        if m["year"]:
            return dt.date(int(m["year"]), month, day).isoformat()
        if published is None:
            return None
        latest = dt.date.fromisoformat(published) + dt.timedelta(days=1)
        date = dt.date(latest.year, month, day)
        if date > latest:
            date = dt.date(latest.year - 1, month, day)
    except ValueError:
        return None
    return date.isoformat()


def _new_paragraph(previous: str, line: str) -> bool:
    """Inside a block of lines, does `line` start a paragraph rather than continue one?"""
    if previous.endswith(_BREAK_END) or _BULLET.match(line):
        return True
    return len(previous) < _WRAP_WIDTH  # a short line is a subheading or a list item


def clean_text(raw: str, *, header: bool = True, title: str | None = None) -> Cleaned:
    """Normalise and clean raw text; with `header`, read headline/byline/dateline first
    (`title`: the article's title as stated beside the text, if any)."""
    lines = normalise(raw).split("\n")
    out = Cleaned()
    start = _read_header(lines, out, title) if header else 0
    clean_body(lines[start:], out)
    return out


def article_from_text(
    raw: str,
    *,
    published: str | None = None,
    url: str | None = None,
    source: str | None = None,
    title: str | None = None,
) -> Article:
    """Clean scraped text into an `Article` (InputError E015 if no body is left). `title`,
    the title stated beside the text (sidecar, JSONL record), is the article's title and,
    where the text opens with it, no part of its body."""
    name = source or url or "<text>"
    check_size(raw, name)
    check_unicode(raw, name)
    if url is not None:
        check_unicode(url, name, "url")
    if published is not None:
        check_date(published, name)
    cleaned = clean_text(raw, title=title)
    if not cleaned.paragraphs:
        raise InputError("E015", name, no_body(cleaned, "nothing left after removing site junk"))
    return Article(
        text=cleaned.text,
        title=clean_field(title or "") or cleaned.title,
        author=cleaned.author,
        published=published or cleaned.dateline or dateline_date(cleaned.wire_dateline, None),
        url=url,
        removed=cleaned.removed,
        source=source,
        dateline=cleaned.wire_dateline,
    )
