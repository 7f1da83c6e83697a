"""Convert PETRARCH2's CAMEO verb dictionary into eventwire's candidate-trigger tables.

Input: `CAMEO.2.0.txt` (PETRARCH2, MIT; synonym sets, verb blocks and their phrase patterns,
each with a CAMEO code) and `CAMEO2PLOVER-2021.txt` (the PLOVER project's CAMEO code to
PLOVER type, mode and context table). Output, in `coding/data/`:

- `petrarch_verbs.tsv`: block, verb lemma, the other words of a multiword verb, and the
  CAMEO code the verb gives on its own (`-` when it gives none);
- `petrarch_patterns.tsv`: block, pre-verb words, post-verb words, prepositional phrases,
  which phrase holds the source (`$`) or the target (`+`), CAMEO code;
- `petrarch_synsets.tsv`: the `&SET` word lists the patterns use.

Each code is mapped to a PLOVER type: the table's own row for the code (or its nearest
shorter code), and the type of its two-digit root in `coding/data/types.tsv` when that
differs (`163` impose embargo: COERCE in the 2021 table, SANCTION by its root). CAMEO 01
(public statements) has no PLOVER type and is left out; CAMEO 02 (appeals), which PLOVER
dropped, becomes REQUEST, whose definition here covers appeals and calls. The trained coder
takes these as candidates, not as decisions. The MIT notice is written beside the tables.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.coding.ontology import event_types, modes
from eventwire.coding.petrarch import LICENSE_FILE, PATTERNS_FILE, SYNSETS_FILE, VERBS_FILE

# where ../shared/data/petrarch2 says the dictionary comes from (its README)
PETRARCH_REPO = "openeventdata/petrarch2"
PETRARCH_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
PETRARCH_PATH = "petrarch2/data/dictionaries/CAMEO.2.0.txt"
PLOVER_SOURCE = "openeventdata/PLOVER CAMEO2PLOVER-2021.txt"
# codes PLOVER dropped that the coder still proposes, and as what
DROPPED_ROOTS = {"02": "REQUEST"}
NO_TYPE_ROOTS = {"01"}

_CODE = re.compile(r"\[([^\]]*)\]")
_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


@dataclass(frozen=True, slots=True)
class PloverCode:
    type: str
    mode: str
    context: str


def read_cameo_table(path: Path) -> dict[str, PloverCode]:
    """CAMEO code -> (type, mode, context) from the CAMEO2PLOVER table; modes and contexts
    the ontology does not know are left empty."""
    table: dict[str, PloverCode] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        code, rest = m.groups()
        parts = [p.strip() for p in rest.split(",")]
        etype = parts[0].upper()
        if etype not in event_types():
            continue
        mode = parts[1] if len(parts) > 1 else ""
        context = parts[2].split(";")[0].strip() if len(parts) > 2 else ""
        table.setdefault(code, PloverCode(etype, mode if mode in modes(etype) else "", context))
    return table


def plover_types(code: str, table: dict[str, PloverCode]) -> list[str]:
    """The PLOVER types a CAMEO code proposes, the table's first (may be empty)."""
    root = code[:2]
    if not code.isdigit() or root in NO_TYPE_ROOTS:
        return []
    if root in DROPPED_ROOTS:
        return [DROPPED_ROOTS[root]]
    out: list[str] = []
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            out.append(table[code[:n]].type)
            break
    by_root = [t.name for t in event_types().values() if root in t.cameo_roots]
    if len(by_root) == 1 and by_root[0] not in out:
        out.append(by_root[0])
    return out


def _mode(code: str, etype: str, table: dict[str, PloverCode]) -> str:
    for n in range(len(code), 1, -1):
        row = table.get(code[:n])
        if row is not None:
            return row.mode if row.type == etype else ""
    return ""


def _code(text: str) -> str | None:
    """The CAMEO code of a `[...]` field: the first non-empty part of `A:B`, None for the
    null code `---` or no field."""
    m = _CODE.search(text)
    if m is None:
        return None
    parts = [p.strip() for p in m.group(1).split(":") if p.strip()]
    if not parts or parts[0].startswith("-"):
        return None
    return parts[0]


def _words(item: str) -> str:
    """A pattern word or braced phrase as lower-case words; synsets keep their `&`."""
    item = item.strip("{}")
    return " ".join(w.replace("_", " ").lower().strip() for w in item.split())


@dataclass(frozen=True, slots=True)
class Pattern:
    before: tuple[str, ...]
    after: tuple[str, ...]
    preps: tuple[tuple[str, str], ...]  # (preposition, its object's words; '' for any)
    source: str  # where `$` stands: '', 'before', 'after' or 'prep:<p>'
    target: str  # where `+` stands


def parse_pattern(body: str) -> Pattern | None:
    """`[pre-verb nouns] * [post-verb nouns] [(PREP NOUN) ...]` with `$`/`+`/`^`/`%`
    markers; None when the line has no `*`."""
    if "*" not in body:
        return None
    left, right = body.split("*", 1)
    before = tuple(_words(t) for t in _TOKEN.findall(left) if t not in ("$", "+", "^", "%"))
    after: list[str] = []
    preps: list[tuple[str, str]] = []
    source = "before" if "$" in left.split() else ""
    target = "before" if "+" in left.split() else ""
    for tok in _TOKEN.findall(right):
        if tok.startswith("("):
            inner = _TOKEN.findall(tok[1:-1])
            if not inner:
                continue
            prep = inner[0].lower()
            rest = [t for t in inner[1:] if t not in ("$", "+", "^", "%")]
            preps.append((prep, " ".join(_words(t) for t in rest)))
            if "+" in inner[1:]:
                target = target or f"prep:{prep}"
            if "$" in inner[1:]:
                source = source or f"prep:{prep}"
        elif tok == "+":
            target = target or "after"
        elif tok == "$":
            source = source or "after"
        elif tok not in ("^", "%"):
            after.append(_words(tok))
    return Pattern(before, tuple(after), tuple(preps), source, target)


def _verb_entry(line: str) -> tuple[str, str, str | None] | None:
    """(lemma, other words, own code) of a verb line: `ASK [020]`, `+ASK_FOR {...} [020]`,
    `WIRE_+TAP {...}`; None for a line that is no verb."""
    text = line.split("#", 1)[0]
    code = _code(text)
    text = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", text).strip()
    if not text or not re.match(r"^[A-Z+'_-]+$", text.split()[0]):
        return None
    words = text.split()[0].split("_")
    head = next((w for w in words if w.startswith("+")), words[0])
    others = [w for w in words if w is not head]
    lemma = head.lstrip("+").lower()
    if not lemma:
        return None
    return lemma, " ".join(w.lower() for w in others if w), code


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def convert(petrarch_dir: Path, plover_table: Path, out_dir: Path) -> dict[str, int]:
    """Write the three tables and the licence into `out_dir`; returns row counts."""
    source = petrarch_dir / "CAMEO.2.0.txt"
    table = read_cameo_table(plover_table)
    lines = source.read_text(encoding="utf-8").splitlines()
    synsets: list[tuple[str, ...]] = []
    verbs: list[tuple[str, ...]] = []
    patterns: list[tuple[str, ...]] = []
    section = ""
    synset = ""
    block = ""
    block_code: str | None = None
    for n, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if line.startswith("#######"):
            section = (
                "verbs"
                if "VERB PATTERNS" in line
                else ("synsets" if "SYNONYM" in line else "other")
            )
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            synset = "" if not line.strip() else synset
            continue
        if section == "synsets":
            if line.startswith("&"):
                synset = line.split()[0].rstrip("_").lower()
            elif line.startswith("+") and synset:
                word = line[1:].split("#", 1)[0].strip().rstrip("_")
                synsets.append((synset, word.replace("_", " ").lower()))
            continue
        if section != "verbs":
            continue
        if line.startswith("---"):
            block = line.strip("- ").split("[")[0].strip().lower()
            block_code = _code(line)
            continue
        if line.startswith("-"):
            body = line[1:].split("#", 1)[0]
            code = _code(body)
            pattern = parse_pattern(_CODE.sub(" ", body))
            if code is None or pattern is None:
                continue
            types = plover_types(code, table)
            if not types:
                continue
            patterns.append(
                (
                    block,
                    " ; ".join(pattern.before) or "-",
                    " ; ".join(pattern.after) or "-",
                    " ; ".join(f"{p} {w}".strip() for p, w in pattern.preps) or "-",
                    pattern.source or "-",
                    pattern.target or "-",
                    code,
                    "|".join(types),
                    _mode(code, types[0], table) or "-",
                    str(n),
                )
            )
            continue
        entry = _verb_entry(line)
        if entry is None:
            continue
        lemma, others, own = entry
        code = own or block_code
        types = plover_types(code, table) if code else []
        verbs.append(
            (block, lemma, others or "-", code if code and types else "-", "|".join(types) or "-")
        )
    header = _provenance(source, plover_table)
    out_dir.mkdir(parents=True, exist_ok=True)
    _write(out_dir / VERBS_FILE, header, ("block", "verb", "others", "cameo", "types"), verbs)
    _write(
        out_dir / PATTERNS_FILE,
        header,
        ("block", "before", "after", "preps", "source", "target", "cameo", "types", "mode", "line"),
        patterns,
    )
    _write(out_dir / SYNSETS_FILE, header, ("synset", "words"), synsets)
    (out_dir / LICENSE_FILE).write_text(
        _licence(petrarch_dir / "LICENSE", source), encoding="utf-8"
    )
    return {"verbs": len(verbs), "patterns": len(patterns), "synsets": len(synsets)}


def _provenance(source: Path, plover_table: Path) -> list[str]:
    return [
        "# Generated by `eventwire convert-petrarch` (eventwire/training/petrarch_convert.py);",
        "# do not edit by hand: rerun the converter.",
        f"# From {PETRARCH_REPO} commit {PETRARCH_COMMIT}, file {PETRARCH_PATH}",
        f"# (sha256 {_sha256(source)}), MIT licence: see {LICENSE_FILE}.",
        f"# CAMEO codes mapped to PLOVER types with {PLOVER_SOURCE}",
        f"# (sha256 {_sha256(plover_table)}).",
    ]


def _licence(licence: Path, source: Path) -> str:
    notice = licence.read_text(encoding="utf-8").strip()
    return (
        f"{VERBS_FILE}, {PATTERNS_FILE} and {SYNSETS_FILE} are converted from PETRARCH2's\n"
        f"CAMEO verb dictionary: {PETRARCH_REPO}, commit {PETRARCH_COMMIT},\n"
        f"file {PETRARCH_PATH} (sha256 {_sha256(source)}).\n"
        "The dictionary and PETRARCH2 are distributed under this licence:\n\n"
        f"{notice}\n"
    )


def _write(
    path: Path, header: list[str], columns: tuple[str, ...], rows: list[tuple[str, ...]]
) -> None:
    body = ["\t".join(columns), *("\t".join(r) for r in rows)]
    path.write_text("\n".join([*header, *body]) + "\n", encoding="utf-8")


def package_data_dir() -> Path:
    """coding/data in the source tree (the converter writes the package's own files)."""
    return Path(str(resources.files("eventwire.coding").joinpath("data")))
