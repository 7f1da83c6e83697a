"""Convert the PETRARCH2/Phoenix actor and agent dictionaries (MIT) into package data.

    python -m eventwire.actors.phoenix ../shared/data/petrarch2

writes `data/phoenix_actors.tsv` and `data/phoenix_agents.tsv` beside the knowledge base,
each opening with comment lines that say where it came from (repository, commit, file
hashes); the MIT notice is `data/PHOENIX_LICENSE`. Rerun it to regenerate; never edit the
output by hand (add a row to our own TSVs instead).

What is kept, and why:
- people and bodies of `Phoenix.Countries.actors.txt` with their dated CAMEO codes; the
  country blocks themselves (a state, its cities and provinces as synonyms) are left out,
  because our `countries.tsv` and the gazetteer already say which names are states and
  which are places;
- intergovernmental and non-governmental bodies and their officials of
  `Phoenix.International.actors.txt`, without the multinational companies (`MNC`: ticker
  lists of thousands of firms whose names are ordinary words: Target, Amazon, Apple);
- armed non-state groups of `Phoenix.MilNonState.actors.txt`;
- agent nouns of `Phoenix.agents.txt` with the code they add (`~GOV`) or prefix (`NGO~`).

Names are written in title case with spaces; synonyms lose the titles and demonyms they
open with ("ISRAELI_PRIME_MINISTER_BENJAMIN_NETANYAHU" is "Benjamin Netanyahu") and those
that name a collective ("OBAMA_ADMINISTRATION") are dropped: a name must name the actor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.actors.known import PARTICLES

DATA = Path(__file__).resolve().parent / "data"
SOURCE_REPO = "openeventdata/petrarch2"
SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
SOURCE_FOLDER = "petrarch2/data/dictionaries/"
ACTOR_FILES = {
    "Phoenix.Countries.actors.txt": "countries",
    "Phoenix.International.actors.txt": "international",
    "Phoenix.MilNonState.actors.txt": "nonstate",
}
AGENT_FILE = "Phoenix.agents.txt"

# words that make a name a body, not a person
ORG_WORDS = frozenset(
    """academy agency alliance army assembly association authority bank battalion board
    brigade brigades bureau cabinet camp contingent fund international panel programme
    program watch trust centre center chamber church coalition command
    commission committee company congress corporation corps council court courts department
    directorate division federation force forces foundation front group guard guards
    institute jihad league legion liberation mission ministry movement navy network office
    organisation organization parliament party police regiment secretariat senate service
    services society squad tribunal union unit university""".split()
)
# synonyms whose last word names a collective or a régime around a person
COLLECTIVE_WORDS = frozenset(
    """administration administrations government governments regime regimes camp
    supporters loyalists followers forces family clan cabinet allies""".split()
)
# titles and honorifics a synonym may open with; stripped from the front of a name
TITLE_WORDS = frozenset(
    """acting admiral ambassador archbishop assistant attorney bishop brigadier cardinal
    chairman chancellor chief colonel commander congressman congresswoman defence defense
    deputy director dr emir envoy finance first foreign former general governor his imam interior
    justice king leader lieutenant lord major marshal mayor minister mr mr. mrs mrs. ms ms.
    premier president president-elect prime prince princess professor queen rabbi
    representative secretary secretary-general senator sheikh sheik sir speaker sultan the
    vice""".split()
)
# words before a title that say whose the office is ("ISRAELI_", "US_", "UNITED_NATIONS_")
PLACE_PREFIXES = frozenset(
    """american british chinese french german indian iranian iraqi israeli japanese korean
    palestinian russian syrian turkish ukrainian united states nations kingdom us u.s. un
    u.n. nato""".split()
)
# small words written in lower case inside a body's name
NAME_JOINERS = frozenset("of the for and on in to".split())
_CODE = re.compile(r"^(?P<code>[A-Z0-9]{3,15}|---)(?:\s+(?P<range>.+))?$")
_RANGE = re.compile(
    r"^(?:(?P<a>\d{6,8})\s*-\s*(?P<b>\d{6,8})|>\s*(?P<after>\d{6,8})|<\s*(?P<before>\d{6,8}))$"
)
# "NOUN {PLURAL} [CODE]" of the agents dictionary (the code bracket sometimes closes with })
_AGENT = re.compile(r"^(?P<noun>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]+)[\]}]")


@dataclass(slots=True)
class Entry:
    """One dictionary record: its primary phrase, synonyms and (dated) codes."""

    phrase: str
    comment: str = ""  # the primary line's comment ("CountryInfo.txt": a leader or minister)
    synonyms: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # "CODE" or "CODE@start-end" (ISO days)


def _strip_comment(line: str) -> str:
    return re.split(r"#|\s;", line, maxsplit=1)[0].rstrip()


def _day(text: str) -> str | None:
    """A PETRARCH date (YYMMDD, 00-30 meaning 20YY, or YYYYMMDD) as ISO, None if invalid."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
    if len(text) != 8:
        return None
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
    except ValueError:
        return None


def parse_code(cell: str) -> str | None:
    """ "FRAGOV 950517-070516" -> "FRAGOV@1995-05-17..2007-05-16"; ">110101" -> "@2011-01-01..";
    "<920428" -> "@..1992-04-28"; the null code "---" and malformed cells -> None."""
    m = _CODE.match(" ".join(cell.split()))
    if m is None or m["code"] == "---":
        return None
    code, span = m["code"], m["range"]
    if not span:
        return code
    r = _RANGE.match(span.strip())
    if r is None:
        return None
    if r["a"]:
        start, end = _day(r["a"]), _day(r["b"])
        return f"{code}@{start}..{end}" if start and end else None
    if r["after"]:
        start = _day(r["after"])
        return f"{code}@{start}.." if start else None
    end = _day(r["before"])
    return f"{code}@..{end}" if end else None


def read_entries(path: Path) -> Iterator[Entry]:
    """Entries of an actor dictionary: a primary line, '+' synonyms, then tab-indented
    `[CODE range]` lines (codes may also follow the primary phrase on its own line)."""
    entry: Entry | None = None
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = _strip_comment(raw)
        if not line.strip():
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        text = re.sub(r"\[[^\]]*\]", " ", line).strip()
        if line[0] in " \t" and not text:
            if entry is not None:
                entry.codes += [c for c in map(parse_code, codes) if c]
            continue
        if line.startswith("+"):
            if entry is not None and text[1:].strip():
                entry.synonyms.append(text[1:].strip())
            continue
        if entry is not None:
            yield entry
        comment = raw[len(line) :]
        entry = Entry(phrase=text, comment=comment, codes=[c for c in map(parse_code, codes) if c])
    if entry is not None:
        yield entry


def words(phrase: str) -> list[str]:
    """The words of a phrase: '_' and blanks separate; a bracketed gloss is dropped."""
    phrase = re.sub(r"\([^)]*\)", " ", phrase)
    return [w for w in re.split(r"[_\s]+", phrase.strip("_ ")) if w]


def display(ws: list[str], kind: str = "person") -> str:
    """Title case with lower-case particles: AL-ASSAD -> al-Assad, MCCONNELL -> McConnell;
    a body's one-word name stays an acronym (UNICEF) and its joining words lower case."""
    if kind == "organisation" and len(ws) == 1 and len(ws[0]) <= 6:
        return ws[0].upper()
    out = []
    for i, w in enumerate(ws):
        if kind == "organisation" and i > 0 and w.lower() in NAME_JOINERS:
            out.append(w.lower())
            continue
        parts = []
        for part in w.split("-"):
            low = part.lower()
            if i > 0 and low in PARTICLES or (part is not w.split("-")[-1] and low in ("al", "el")):
                parts.append(low)
            elif low.startswith("mc") and len(low) > 2:
                parts.append("Mc" + low[2:].capitalize())
            elif "'" in low:  # O'Brien, but People's
                head, _, tail = low.partition("'")
                parts.append(f"{head.capitalize()}'{tail.capitalize() if len(head) <= 2 else tail}")
            else:
                parts.append(low.capitalize())
        out.append("-".join(parts))
    return " ".join(out)


def strip_titles(ws: list[str]) -> list[str]:
    """Drop the titles and honorifics a name opens with, and the demonyms or places before
    them ("ISRAELI PRIME MINISTER X", "UNITED NATIONS SECRETARY GENERAL X"); a name is never
    stripped to nothing."""
    low = [w.lower() for w in ws]
    places = PLACE_PREFIXES | _place_words()
    k = 0
    while k < len(ws) and low[k] in places:
        k += 1
    titles = k
    while titles < len(ws) and low[titles] in TITLE_WORDS:
        titles += 1
    if titles == k or titles >= len(ws):  # no title after the place words: keep them
        return ws
    return ws[titles:]


def kind_of(ws: list[str], code: str | None, leader: bool = False) -> str | None:
    """person | organisation, or None for a phrase that is no name (a bare title). A
    `leader` comes from CountryInfo's lists of heads of state and ministers."""
    low = [w.lower() for w in ws]
    if leader:
        return "person"
    if any(w in ORG_WORDS for w in low):
        return "organisation"
    if len(ws) == 1 and ws[0].isalpha() and len(ws[0]) <= 6 and not code:
        return None
    if all(w in TITLE_WORDS or w in PLACE_PREFIXES for w in low):
        return None
    if len(ws) == 1 and ws[0].isupper() and len(ws[0]) <= 5:
        return "organisation"  # an acronym: UNHCR, IAEA
    return "person" if len(ws) <= 8 else "organisation"


def _country_block(entry: Entry, ws: list[str], states: set[str]) -> bool:
    """ "AFGHANISTAN_ [AFG]" with its cities as synonyms, "GUAM": a state or territory,
    which countries.tsv and the gazetteer already know."""
    bare = bool(entry.codes) and re.fullmatch(r"[A-Z]{3}", entry.codes[0]) is not None
    return bare or " ".join(ws).lower() in states


@functools.cache
def _place_words() -> frozenset[str]:
    """One-word country names and demonyms of countries.tsv, lower case."""
    from eventwire.actors.kb import data_rows, split_cell

    out = set()
    for row in data_rows("countries.tsv"):
        out |= {w.lower() for w in [row["name"], *split_cell(row["demonyms"])] if " " not in w}
    return frozenset(out)


def _state_names() -> set[str]:
    from eventwire.actors.kb import data_rows, split_cell

    names: set[str] = set()
    for row in data_rows("countries.tsv"):
        names |= {n.lower() for n in [row["name"], *split_cell(row["aliases"])]}
    return names


def actor_rows(path: Path, which: str) -> Iterator[list[str]]:
    """TSV rows (name, kind, codes, aliases, dictionary) of one actor dictionary."""
    states = _state_names()
    for entry in read_entries(path):
        codes = [c for c in entry.codes if not c.startswith("MNC")]
        if not codes or (entry.codes and entry.codes[0].startswith("MNC")):
            continue
        ws = strip_titles(words(entry.phrase))
        if which == "countries" and _country_block(entry, ws, states):
            continue
        kind = kind_of(ws, codes[0], leader="CountryInfo" in entry.comment)
        if kind is None or (kind == "person" and len(ws) == 1 and which != "countries"):
            continue  # "MONITOR", "PEACEKEEPER": a word, not a name
        name = display(ws, kind)
        aliases: list[str] = []
        for synonym in entry.synonyms:
            sw = words(synonym)
            if not sw or sw[-1].lower() in COLLECTIVE_WORDS:
                continue
            sw = strip_titles(sw)
            if all(w.lower() in TITLE_WORDS or w.lower() in PLACE_PREFIXES for w in sw):
                continue  # a bare title: "PRIME_MINISTER"
            alias = display(sw, kind)
            if alias != name and alias not in aliases:
                aliases.append(alias)
        yield [name, kind, "|".join(dict.fromkeys(codes)), "|".join(aliases), which]


def agent_rows(path: Path) -> Iterator[list[str]]:
    """TSV rows (noun, plural, code) of the agents dictionary, with !SUBSTITUTION! sets
    expanded and regular plurals formed as PETRARCH forms them."""
    subs: dict[str, list[str]] = {}
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = _strip_comment(raw).strip()
        if not line or line.startswith("<"):
            continue
        if m := re.match(r"^(!\w+!)\s*=\s*(.+)$", line):
            subs[m[1]] = [w.strip() for w in m[2].split(",") if w.strip()]
            continue
        m = _AGENT.match(line)
        if m is None:
            continue
        noun, plural, code = m["noun"].strip(), m["plural"], m["code"].strip()
        marker = next((k for k in subs if k in noun), None)
        forms = [noun.replace(marker, s) for s in subs[marker]] if marker else [noun]
        for form in forms:
            singular = " ".join(words(form)).lower()
            if marker:
                plurals = ""
            elif plural is not None:
                plurals = " ".join(words(plural)).lower()
            else:
                plurals = _plural(singular)
            yield [singular, plurals, code]


def _plural(noun: str) -> str:
    if noun.endswith("ss"):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _header(src: Path, files: list[str], what: str) -> list[str]:
    lines = [
        f"# {what}",
        f"# Generated by `python -m eventwire.actors.phoenix` from {SOURCE_REPO} at commit",
        f"# {SOURCE_COMMIT}, folder {SOURCE_FOLDER} (MIT licence, Copyright (c) 2014 Open",
        "# Event Data; the notice is PHOENIX_LICENSE beside this file). Do not edit by hand.",
    ]
    lines += [f"# sha256 {_sha256(src / name)}  {name}" for name in files]
    return lines


def _write(path: Path, header: list[str], columns: list[str], rows: list[list[str]]) -> None:
    body = ["\t".join(columns)] + ["\t".join(r) for r in rows]
    path.write_text("\n".join(header + body) + "\n", encoding="utf-8")


def convert(src: Path, out: Path = DATA) -> dict[str, int]:
    """Write phoenix_actors.tsv, phoenix_agents.tsv and PHOENIX_LICENSE; row counts."""
    rows = [row for name, which in ACTOR_FILES.items() for row in actor_rows(src / name, which)]
    agents = list(dict.fromkeys(tuple(r) for r in agent_rows(src / AGENT_FILE)))
    _write(
        out / "phoenix_actors.tsv",
        _header(src, list(ACTOR_FILES), "Phoenix actors: people and bodies with dated CAMEO codes"),
        ["name", "kind", "codes", "aliases", "dictionary"],
        rows,
    )
    _write(
        out / "phoenix_agents.tsv",
        _header(src, [AGENT_FILE], "Phoenix agents: nouns and the CAMEO sector code they add"),
        ["noun", "plural", "code"],
        [list(r) for r in agents],
    )
    (out / "PHOENIX_LICENSE").write_text((src / "LICENSE").read_text("utf-8"), encoding="utf-8")
    return {"actors": len(rows), "agents": len(agents)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="folder with the Phoenix dictionaries")
    ap.add_argument("--out", type=Path, default=DATA)
    args = ap.parse_args(argv)
    print(convert(args.source, args.out))


if __name__ == "__main__":
    main()
