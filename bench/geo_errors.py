"""GeoWebNews failure analysis: which gold toponyms we miss, and how.

Buckets: "unresolved" (no prediction at all: no overlapping place and the gold name finds
nothing in the gazetteer) and "wrong" (a prediction beyond 161 km: the distance, the chosen
entry vs the gold name). Each bucket is split by how the prediction was made (span: our
geoparser's place overlaps the gold span; name: the gold name resolved in context).

Run: .venv/bin/python bench/geo_errors.py [--limit N] [--show N] [--type T] [--linked]
Parsed articles are cached (spaCy DocBin) under the eventwire cache directory.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc, DocBin

from eventwire.geo.gazetteer import default_cache_dir
from eventwire.geo.score import (
    GoldArticle,
    Prediction,
    predict_article,
    read_geowebnews,
    summarise,
)
from eventwire.nlp.pipeline import load_nlp

GWN = Path(__file__).resolve().parents[2] / "shared" / "data" / "geo" / "geowebnews"


def parsed(articles: list[GoldArticle]) -> list[Doc]:
    nlp = load_nlp()
    digest = hashlib.sha256("\x00".join(a.text for a in articles).encode())
    digest.update(nlp.meta["name"].encode() + nlp.meta["version"].encode())
    digest.update(",".join(nlp.pipe_names).encode())
    path = default_cache_dir() / f"gwn-docs-{digest.hexdigest()[:12]}.spacy"
    if path.is_file():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe((a.text for a in articles), batch_size=8))
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=True, docs=docs).to_disk(path)
    return docs


def bucket(p: Prediction) -> str:
    if p.via == "none":
        return "unresolved"
    return "ok" if p.hit else f"wrong/{p.via}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=GWN)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", type=int, default=40, help="examples listed per bucket")
    ap.add_argument("--type", default=None, help="only this gold type (e.g. Literal)")
    ap.add_argument("--linked", action="store_true", help="only GeoNames-linked gold")
    args = ap.parse_args(argv)

    articles = read_geowebnews(args.data / "GWN.xml")[: args.limit]
    docs = parsed(articles)
    preds = [p for a, d in zip(articles, docs, strict=True) for p in predict_article(a, d)]
    s = summarise(preds, len(articles))
    print(
        f"acc@161km {s['acc161']:.3f} ({s['within_161km']}/{s['toponyms']})  "
        f"linked subset {s['linked_acc161']:.3f} "
        f"({s['linked_within_161km']}/{s['linked_toponyms']})  exact {s['exact_rate']:.3f}"
    )
    for t, v in s["by_type"].items():
        print(f"  {t:22} n={v['n']:5} acc@161km {v['acc161']:.3f}")

    if args.type:
        preds = [p for p in preds if p.gold.type == args.type]
    if args.linked:
        preds = [p for p in preds if p.gold.geonameid is not None]
    counts = Counter(bucket(p) for p in preds)
    print("\nbuckets:", ", ".join(f"{k} {v}" for k, v in counts.most_common()))

    unresolved = Counter(p.gold.name for p in preds if bucket(p) == "unresolved")
    print(f"\n== unresolved: {sum(unresolved.values())} ({len(unresolved)} distinct names)")
    for name, n in unresolved.most_common(args.show):
        print(f"  {n:3}  {name}")

    wrong = [p for p in preds if bucket(p).startswith("wrong")]
    pairs: Counter[tuple[str, str, str, str, int]] = Counter()
    for p in wrong:
        pairs[(p.via, p.gold.name, p.name or "", p.kind or "", round(p.km or 0))] += 1
    print(f"\n== wrong (> 161 km): {len(wrong)} ({len(pairs)} distinct)")
    print("  n    via   km      gold name -> chosen (kind)")
    for (via, gold, chosen, kind, km), n in pairs.most_common(args.show):
        print(f"  {n:3}  {via:5} {km:6}  {gold!r} -> {chosen!r} ({kind})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
