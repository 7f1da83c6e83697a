"""Load time and memory of the actor knowledge base with the Phoenix dictionaries (issue 12
budget: at most 1.5 s and 150 MiB on top of the spaCy model). A figure, not a test.

    .venv/bin/python bench/kb_load.py [--repeat 3]

Each pass runs in a fresh process: spaCy's model is loaded first (not billed), then the
knowledge base (countries, bodies, roles), the known-actor table and its PhraseMatcher,
and the first document is resolved, so nothing the pipeline builds lazily is missed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

CHILD = r"""
import json, time

def rss_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024

from eventwire.nlp.pipeline import load_nlp
nlp = load_nlp()
doc = nlp("Jacques Chirac met Recep Tayyip Erdogan in Paris on Monday.")
before, t0 = rss_mib(), time.perf_counter()
from eventwire.actors.kb import load_kb
from eventwire.actors.known import known_hits, load_known
load_kb()
load_known()
known_hits(doc)  # builds the matcher
seconds, mib = time.perf_counter() - t0, rss_mib() - before
from eventwire.actors.resolve import resolve_actors
resolve_actors(doc, published="2004-06-01")  # + gazetteer, roles: the whole actor stage
print(json.dumps({"seconds": seconds, "mib": mib, "stage_mib": rss_mib() - before,
                  "names": len(load_known().by_form), "actors": len(load_known().actors)}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    runs = []
    for _ in range(args.repeat):
        out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                             check=True)  # fmt: skip
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    seconds = [r["seconds"] for r in runs]
    mib = [r["mib"] for r in runs]
    print(f"known actors {runs[0]['actors']}, name forms {runs[0]['names']}")
    print(f"load: best {min(seconds):.2f} s, median {statistics.median(seconds):.2f} s "
          f"(budget 1.5 s)")  # fmt: skip
    print(f"added RSS: median {statistics.median(mib):.0f} MiB (budget 150 MiB)")
    stage = statistics.median(r["stage_mib"] for r in runs)
    print(f"whole actor stage after one document (gazetteer included): {stage:.0f} MiB")


if __name__ == "__main__":
    main()
