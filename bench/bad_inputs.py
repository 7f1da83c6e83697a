"""Time and peak memory of each input of the bad-input corpus, read and analysed as `ingest` does.

Run from the repo root:  .venv/bin/python bench/bad_inputs.py [--repeat 1]

The corpus is tests/bad_inputs.py (empty, whitespace, PNG/ZIP/PDF, 30 MB text, invalid
UTF-8, cp1252, UTF-16 with BOM, NUL bytes, 10k-deep HTML, 100k tiny elements, a 200k-character
sentence, German, Arabic and Hebrew, emoji-only, XXE and billion-laughs feeds, two good
articles), written to a temporary folder. The model is loaded once; then each input is read
and analysed (`scale.work.analyze_item`, what an ingest worker runs) in a child process
forked for it alone (Linux), so its peak resident memory (`ru_maxrss`, the loaded model
included, as in a real ingest process) is its own. Prints per input: the outcome (the error
code, or "stored"), whether it is the expected one, wall seconds (best of --repeat) and peak
MiB, then how many inputs passed: outcome as expected, at most 10 s and 1 GiB (issue 15).
Figures, not a test; tests/test_bad_input_corpus.py checks the outcomes in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # tests.bad_inputs: the corpus, one definition

MAX_SECONDS = 10.0
MAX_MIB = 1024.0


def measure(path: Path) -> dict[str, object]:
    """Read and analyse `path` in a forked child; its outcome, seconds and peak MiB."""
    from eventwire.scale.work import Failure, analyze_item

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: one input, then exit without running the parent's cleanup
        os.close(read)
        start = time.perf_counter()
        result = analyze_item(str(path))
        seconds = time.perf_counter() - start
        if isinstance(result, Failure):
            outcome, line = result.message.split(" ", 1)[0], result.message
        else:
            outcome, line = None, f"stored, {len(result.events)} events"
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        report = {"outcome": outcome, "line": line, "seconds": seconds, "mib": peak}
        os.write(write, json.dumps(report).encode())
        os._exit(0)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    _, status = os.waitpid(pid, 0)
    if not chunks:
        return {"outcome": f"died (status {status})", "line": "", "seconds": 0.0, "mib": 0.0}
    return dict(json.loads(b"".join(chunks)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per input; best is shown")
    args = parser.parse_args()

    from tests.bad_inputs import write_cases

    with tempfile.TemporaryDirectory(prefix="eventwire-bad-") as tmp:
        run(write_cases(Path(tmp)), Path(tmp), args.repeat)


def run(cases: dict[Path, str | None], folder: Path, repeat: int) -> None:
    from eventwire.scale.work import analyze_item

    analyze_item(str(next(p for p, code in cases.items() if code is None)))  # load the model
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model loaded: {base:.0f} MiB; load average {os.getloadavg()[0]:.1f}")
    print(f"{'input':<20} {'expected':>8} {'outcome':>8} {'seconds':>8} {'peak MiB':>9}  line")
    passed = 0
    for path, code in cases.items():
        runs = [measure(path) for _ in range(repeat)]
        best = min(runs, key=lambda r: float(r["seconds"]))  # type: ignore[arg-type]
        seconds, mib = float(best["seconds"]), max(float(r["mib"]) for r in runs)  # type: ignore[arg-type]
        ok = best["outcome"] == code and seconds <= MAX_SECONDS and mib <= MAX_MIB
        passed += ok
        line = str(best["line"]).replace(str(folder) + "/", "")
        print(f"{path.name:<20} {code or 'stored':>8} {best['outcome'] or 'stored':>8} "
              f"{seconds:>8.2f} {mib:>9.0f}  {'' if ok else 'FAIL '}{line[:90]}")  # fmt: skip
    print(f"bad-input corpus: {passed}/{len(cases)} inputs as expected within "
          f"{MAX_SECONDS:g} s and {MAX_MIB:g} MiB each")  # fmt: skip


if __name__ == "__main__":
    main()
