"""Gazetteer and geoparsing benchmark: cold build, warm load (time, RSS), places per second.

Run: .venv/bin/python bench/geo.py [--docs DIR]   (DIR: text files to geoparse; defaults to
../shared/data/dev-gold/docs when present, else a built-in invented paragraph).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLE = (
    "Ministers from Kenya and Ethiopia met in Nairobi on Monday, days after clashes near "
    "Mogadishu. Observers in Geneva and officials in Washington urged calm across the Horn "
    "of Africa, while aid arrived in Addis Ababa from Cairo and Dubai."
)

# ru_maxrss of a child can carry the parent's peak across fork+exec, so read VmHWM instead.
_WARM = """
import json, sys, time
from pathlib import Path
def peak_kib():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0
before = peak_kib()
t = time.perf_counter()
from eventwire.geo.gazetteer import load_gazetteer
gaz = load_gazetteer(Path(sys.argv[1]))
elapsed = time.perf_counter() - t
after = peak_kib()
print(json.dumps({"seconds": elapsed, "rss_mib": after / 1024, "delta_mib": (after - before) / 1024,
                  "entries": len(gaz), "names": len(gaz.index)}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    default_docs = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev-gold" / "docs"
    ap.add_argument("--docs", type=Path, default=default_docs)
    args = ap.parse_args()

    from eventwire.geo.gazetteer import build_gazetteer, load_gazetteer

    t = time.perf_counter()
    build_gazetteer()
    print(f"cold build          {time.perf_counter() - t:6.2f} s")

    with tempfile.TemporaryDirectory() as tmp:
        load_gazetteer(Path(tmp))  # writes the cache
        out = subprocess.run(
            [sys.executable, "-c", _WARM, tmp], capture_output=True, text=True, check=True
        )  # a fresh process: a true warm load
        warm = json.loads(out.stdout)
    print(
        f"warm load           {warm['seconds']:6.2f} s   RSS {warm['rss_mib']:.0f} MiB "
        f"(+{warm['delta_mib']:.0f} MiB for the gazetteer)  "
        f"{warm['entries']} entries, {warm['names']} names"
    )

    from eventwire.geo.locate import geoparse
    from eventwire.nlp.pipeline import load_nlp

    texts = (
        [p.read_text(encoding="utf-8") for p in sorted(args.docs.glob("*.txt"))]
        if args.docs.is_dir()
        else [SAMPLE] * 20
    )
    docs = list(load_nlp().pipe(texts))
    geoparse(docs[0])  # load the gazetteer outside the timing
    t = time.perf_counter()
    n = sum(len(geoparse(d)) for d in docs)
    elapsed = time.perf_counter() - t
    print(
        f"geoparse            {n} places in {len(docs)} docs, {elapsed:.3f} s "
        f"= {n / elapsed:,.0f} places/s (spaCy parse excluded)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
