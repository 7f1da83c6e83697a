"""Recompute the held-out counts from gold.json + judgments.json (hand judgments; no engine call).

python bench/holdout/score.py
"""

import json
from pathlib import Path

here = Path(__file__).parent
gold = json.loads((here / "gold.json").read_text())
judg = json.loads((here / "judgments.json").read_text())
tot = dict(pred=0, right=0, partly=0, wrong=0, gold=0, missed=0, gold_right=0)
COLUMNS = ("pred", "right", "partly", "wrong", "gold", "missed")
print(f"{'file':8}", *COLUMNS)
for f in sorted(k for k in gold if k.endswith(".txt")):
    req = [i for i, e in enumerate(gold[f]) if not e.get("optional")]
    pr = judg[f]
    row = dict(
        pred=len(pr),
        right=sum(x["verdict"] == "RIGHT" for x in pr),
        partly=sum(x["verdict"] == "PARTLY" for x in pr),
        wrong=sum(x["verdict"] == "WRONG" for x in pr),
        gold=len(req),
    )
    hit = {x["gold"] for x in pr if x["verdict"] != "WRONG"}
    row["missed"] = sum(i not in hit for i in req)
    row["gold_right"] = sum(i in {x["gold"] for x in pr if x["verdict"] == "RIGHT"} for i in req)
    for k in tot:
        tot[k] += row[k]
    print(f"{f:8}", *(f"{row[k]:>{len(k)}}" for k in COLUMNS))
print(f"{'total':8}", *(f"{tot[k]:>{len(k)}}" for k in COLUMNS))
print(
    f"strict precision {tot['right'] / tot['pred']:.1%}  "
    f"type precision {(tot['right'] + tot['partly']) / tot['pred']:.1%}  "
    f"strict recall {tot['gold_right'] / tot['gold']:.1%}  "
    f"loose recall {(tot['gold'] - tot['missed']) / tot['gold']:.1%}"
)
