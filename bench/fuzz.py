"""Mutation fuzzer: mutated news texts, pages, feeds and JSONL lines through every input stage.

Run from the repo root:  .venv/bin/python bench/fuzz.py [--inputs 100000] [--analyze 600]

Seeds are the demo articles and the pages, feeds and JSONL lines of tests/fuzz_targets.py
(written for this project). Each input is a seed with one to four mutations stacked: bit
flips, odd bytes, stray quotes and brackets, unicode (combining marks, right-to-left text,
zero-width and line-separator characters, emoji, CJK, encoded surrogates, BOMs), truncation,
deletion, repetition, splices of other seeds, random tags and entities, newlines, case
flips, and for JSONL, values of the wrong type and escapes such as \\ud800 and \\u0000.

Targets (tests/fuzz_targets.py): `text` the scraped-text cleaner, `decode` bytes to an article
(binary sniffing, charsets, HTML or text, the English check), `html` the HTML extraction,
`feed` the RSS/Atom reader, `jsonl` one JSON Lines record, `analyze` the whole pipeline
(spaCy, actors, quotes, the coder, dates, places, facts) with the eventwire/1 contract
checked on its output. `--inputs` is shared among the cheap targets; `--analyze` inputs go
through the pipeline. Work runs on `--procs` processes (each loads the model once).

Prints per target: inputs, how many were analysed and how many refused with each error code,
crashes (any exception other than the project's own input errors, or a failed contract
check) and the slowest input. Each distinct crash is written to `--out` to be replayed with
`--replay FILE`. Exit status 1 when anything crashed. Figures, not a test.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # tests.fuzz_targets: one definition of targets and checks

# share of --inputs per cheap target
WEIGHTS = {"text": 0.35, "decode": 0.2, "html": 0.15, "jsonl": 0.15, "feed": 0.15}
CHUNK = 500  # inputs per task: small enough to share the work evenly between processes
SLOW_S = 2.0

STRAY = [c.encode() for c in "\"'“”‘’«»„‹›()[]{}<>&;:,.!?…—–-/\\|*#@%$`~^=+_"]
UNICODE = [
    "\u0301\u0308\u0327", "\u200f", "\u202e", "\u200e", "مرحبا بالعالم", "שלום עולם",
    "\u200b\u200c\u200d\u2060", "\ufeff", "\u2028", "\u2029", "\u00a0", "\u3000",
    "🔥💥🕊️🇺🇦", "👩‍👩‍👧‍👦", "中国外交部", "한국", "ＡＢＣ１２３", "नमस्ते", "𝐀𝐁𝐂", "\u0000",
    "\ufffd", "\ufdd0", "\U0010ffff", "İı", "ß", "ǅ", "\u0345", "ﬁ", "Ⅻ", "٣", "\u1680",
]  # fmt: skip
RAW = [b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xc0\x80", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf",
       b"\x80", b"\xf4\x90\x80\x80", b"\xe2\x80", b"\x00\x00\x00"]  # fmt: skip
TAGS = [
    "<p>", "</p>", "<div>", "</div>", "<br/>", "<h1>", "</h1>", "<title>", "</title>",
    "<script>alert(1)</script>", "<style>p{}</style>", "<!--", "-->", "<![CDATA[", "]]>",
    '<meta charset="utf-16">', '<meta charset="bogus-9">', "<!DOCTYPE html>", "<html>",
    "<body>", "</body>", "&amp;", "&#0;", "&#xD800;", "&#1114112;", "&bogus;", "&lt;", "&nbsp;",
    '<?xml version="1.0"?>', '<!ENTITY x "y">', "&x;", "<item>", "<link>", "</link>", "<entry>",
    '<link href="javascript:alert(1)"/>', "<guid>", "<table><tr><td>", "<li>", "<a href='x'>",
    '<img src=x onerror="alert(1)">', "<svg><g>", "<!DOCTYPE r [<!ENTITY e SYSTEM 'file:///'>]>",
]  # fmt: skip
NEWLINES = [b"\n", b"\r", b"\r\n", b"\n\n", b"\x0c", b"\x0b", b"\n" * 40, b" \t \n"]
JSON_BITS = [b'"\\ud800"', b'"\\u0000"', b"null", b"1e999", b"[]", b"{}", b"true", b'"\\"',
             b"-0", b'"\\udc80\\ud800"', b"123456789012345678901234567890",
             b'"\\u001b]0;title\\u0007\\u001b[2J"', b'"\\u2028\\u0085\\t"']  # fmt: skip


def _pos(data: bytes, rng: random.Random) -> int:
    return rng.randrange(len(data) + 1)


def _insert(data: bytes, piece: bytes, rng: random.Random) -> bytes:
    at = _pos(data, rng)
    return data[:at] + piece + data[at:]


def mutate(data: bytes, others: list[bytes], rng: random.Random) -> bytes:
    """One mutation, chosen at random."""
    kind = rng.randrange(13)
    if kind == 0 and data:  # bit flips
        buf = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
        return bytes(buf)
    if kind == 1 and data:  # odd bytes
        buf = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            buf[rng.randrange(len(buf))] = rng.choice([0, 0xFF, 0x80, 0xC0, 0xEF, 0x1B, 0x7F])
        return bytes(buf)
    if kind == 2:  # stray quotes, brackets, punctuation
        return _insert(data, b"".join(rng.choices(STRAY, k=rng.randint(1, 6))), rng)
    if kind == 3:
        return _insert(data, rng.choice(UNICODE).encode("utf-8", "surrogatepass"), rng)
    if kind == 4:
        return _insert(data, rng.choice(RAW), rng)
    if kind == 5:  # truncation, from either end
        at = _pos(data, rng)
        return data[:at] if rng.random() < 0.7 else data[at:]
    if kind == 6 and data:  # delete a range
        a = rng.randrange(len(data))
        return data[:a] + data[a + rng.randint(1, 200) :]
    if kind == 7 and data:  # repeat a range, sometimes many times
        a = rng.randrange(len(data))
        piece = data[a : a + rng.randint(1, 80)]
        return _insert(data, piece * rng.choice([2, 3, 10, 100, 1000]), rng)
    if kind == 8 and others:  # splice another seed
        other = rng.choice(others)
        a, b = sorted((_pos(other, rng), _pos(other, rng)))
        return _insert(data, other[a:b], rng)
    if kind == 9:
        return _insert(data, "".join(rng.choices(TAGS, k=rng.randint(1, 4))).encode(), rng)
    if kind == 10:
        return _insert(data, rng.choice(NEWLINES), rng)
    if kind == 11 and data:  # case flip
        a = rng.randrange(len(data))
        b = a + rng.randint(1, 300)
        return data[:a] + data[a:b].swapcase() + data[b:]
    if kind == 12 and data:  # a JSON value of the wrong kind, or a hostile escape
        quote = [i for i in range(len(data)) if data[i : i + 1] == b'"']
        if len(quote) >= 2:
            a, b = sorted(rng.sample(quote, 2))
            return data[:a] + rng.choice(JSON_BITS) + data[b + 1 :]
    return _insert(data, rng.choice(STRAY), rng)


def mutate_record(line: bytes, others: list[bytes], rng: random.Random) -> bytes:
    """A JSONL record that stays valid JSON: one field gets a value of another kind or a
    hostile escape, or its text is mutated (most byte-level mutations break the JSON)."""
    record = json.loads(line)
    key = rng.choice(["text", "title", "published", "url", "id", "text", "title"])
    if rng.random() < 0.4:
        bit = rng.choice(JSON_BITS)
        try:
            record[key] = json.loads(bit)
        except ValueError:  # not a value on its own ('"\\"'): its text, then
            record[key] = bit.decode()
    else:
        value = str(record.get(key, "")).encode("utf-8", "surrogatepass")
        for _ in range(rng.randint(1, 3)):
            value = mutate(value, others, rng)
        record[key] = value.decode("utf-8", "surrogateescape")
    return json.dumps(record, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")


def make_input(name: str, pool: list[bytes], rng: random.Random) -> bytes:
    data = rng.choice(pool)
    if rng.random() < 0.02:
        return data  # the seed itself: a regression in the normal path shows too
    if name == "jsonl" and rng.random() < 0.5:
        return mutate_record(data, pool, rng)
    for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
        data = mutate(data, pool, rng)
    return data


@dataclass
class Stats:
    inputs: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    crashes: dict[str, tuple[int, bytes]] = field(default_factory=dict)  # signature: (n, input)
    slowest: float = 0.0
    slowest_input: bytes = b""
    slow: int = 0

    def add(self, other: Stats) -> None:
        self.inputs += other.inputs
        self.outcomes.update(other.outcomes)
        for sig, (n, data) in other.crashes.items():
            seen = self.crashes.get(sig)
            self.crashes[sig] = (n + (seen[0] if seen else 0), seen[1] if seen else data)
        if other.slowest > self.slowest:
            self.slowest, self.slowest_input = other.slowest, other.slowest_input
        self.slow += other.slow


def run_chunk(task: tuple[str, int, int]) -> tuple[str, Stats]:
    """Fuzz one target with `count` inputs from random seed `seed` (in a worker)."""
    from tests.fuzz_targets import TARGETS, describe, outcome, seeds

    name, count, seed = task
    rng = random.Random(seed)
    pool = seeds()[name]
    target = TARGETS[name]
    stats = Stats()
    for _ in range(count):
        data = make_input(name, pool, rng)
        start = time.perf_counter()
        try:
            result = outcome(target, data)
        except Exception as exc:  # noqa: BLE001 - that is what a fuzzer looks for
            sig = describe(exc)
            n, first = stats.crashes.get(sig, (0, data))
            stats.crashes[sig] = (n + 1, first)
            result = "CRASH"
        spent = time.perf_counter() - start
        if spent > stats.slowest:
            stats.slowest, stats.slowest_input = spent, data
        stats.slow += spent > SLOW_S
        stats.inputs += 1
        stats.outcomes[result] += 1
    return name, stats


def _init_worker(names: list[str]) -> None:
    """Import every stage and load the model before the clock runs on any input."""
    import logging

    from tests.fuzz_targets import TARGETS, outcome, seeds

    logging.disable(logging.CRITICAL)
    for name in names:
        outcome(TARGETS[name], seeds()[name][0])


def plan(inputs: int, analyze: int, seed: int) -> list[tuple[str, int, int]]:
    counts = {name: round(inputs * w) for name, w in WEIGHTS.items()}
    counts["analyze"] = analyze
    tasks = []
    for name, count in counts.items():
        chunk = 20 if name == "analyze" else CHUNK
        for n, start in enumerate(range(0, count, chunk)):
            task_seed = int(hashlib.sha256(f"{seed}:{name}:{n}".encode()).hexdigest()[:8], 16)
            tasks.append((name, min(chunk, count - start), task_seed))
    random.Random(seed).shuffle(tasks)  # mix slow and fast tasks between the processes
    return tasks


def replay(path: Path) -> None:
    from tests.fuzz_targets import TARGETS, outcome

    name = path.name.split("-", 1)[0]
    print(f"{name}: {outcome(TARGETS[name], path.read_bytes())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="over the cheap targets")
    parser.add_argument("--analyze", type=int, default=600, help="through the whole pipeline")
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--out", type=Path, default=Path("/tmp/eventwire-fuzz"))
    parser.add_argument("--replay", type=Path, help="run one saved crash input again")
    args = parser.parse_args()
    if args.replay:
        replay(args.replay)
        return

    tasks = plan(args.inputs, args.analyze, args.seed)
    totals: dict[str, Stats] = {}
    start = time.perf_counter()
    ctx = multiprocessing.get_context("spawn")
    names = sorted({name for name, _, _ in tasks})
    with ctx.Pool(args.procs, initializer=_init_worker, initargs=(names,)) as pool:
        for name, stats in pool.imap_unordered(run_chunk, tasks):
            totals.setdefault(name, Stats()).add(stats)
    seconds = time.perf_counter() - start

    print(f"fuzz: {sum(s.inputs for s in totals.values()):,} inputs in {seconds:.0f} s on "
          f"{args.procs} processes (seed {args.seed}, load average {os.getloadavg()[0]:.1f})")
    print(f"{'target':<8} {'inputs':>8} {'ok':>7} {'crashes':>7} {'slowest s':>9}  refused")
    for name in [*WEIGHTS, "analyze"]:
        s = totals.get(name, Stats())
        refused = ", ".join(f"{c} {n}" for c, n in sorted(s.outcomes.items())
                            if c not in ("ok", "CRASH"))  # fmt: skip
        print(f"{name:<8} {s.inputs:>8,} {s.outcomes['ok']:>7,} {s.outcomes['CRASH']:>7} "
              f"{s.slowest:>9.2f}  {refused}")  # fmt: skip
    crashes = sum(s.outcomes["CRASH"] for s in totals.values())
    slow = sum(s.slow for s in totals.values())
    print(f"fuzz total: {sum(s.inputs for s in totals.values()):,} inputs, {crashes} crashes, "
          f"{slow} inputs over {SLOW_S:g} s")
    args.out.mkdir(parents=True, exist_ok=True)
    for name, s in totals.items():
        (args.out / f"{name}-slowest.bin").write_bytes(s.slowest_input)
    if crashes:
        for name, s in totals.items():
            for sig, (n, data) in s.crashes.items():
                digest = hashlib.sha256(data).hexdigest()[:12]
                path = args.out / f"{name}-{digest}.bin"
                path.write_bytes(data)
                print(f"  {name}: {n} x {sig}  -> {path}")
        sys.exit(1)


if __name__ == "__main__":
    main()
