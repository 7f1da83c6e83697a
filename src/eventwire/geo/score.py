"""Place-resolution scores on the shared gold sets (GeoWebNews, dev-gold).

Run: python -m eventwire.geo.score [SHARED_DATA_DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from eventwire.geo.gazetteer import Entry, Gazetteer, normalise
from eventwire.geo.locate import Context, context_of, geoparse, haversine_km, resolve_loose

ACCURACY_KM = 161.0  # "accuracy@161km", the usual geocoding threshold (100 miles)
# Published figure: Mordecai 3 (Halterman 2023, "Mordecai 3: A Neural Geoparser and Event
# Geocoder"), accuracy@161km on GeoWebNews as reported in that paper. Not re-measured here.
MORDECAI3_GWN_ACC161 = 0.901


@dataclass(slots=True)
class GoldToponym:
    name: str
    start: int
    end: int
    lat: float
    lon: float
    geonameid: int | None
    type: str


@dataclass(slots=True)
class GoldArticle:
    text: str
    toponyms: list[GoldToponym]


def _float(el: ET.Element, tag: str) -> float | None:
    node = el.find(tag)
    if node is None or not (node.text or "").strip():
        return None
    return float(node.text)  # type: ignore[arg-type]


def read_geowebnews(xml_path: Path) -> list[GoldArticle]:
    """Articles with their gold toponyms that carry coordinates."""
    root = ET.parse(xml_path).getroot()
    out = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            lat, lon = _float(t, "latitude"), _float(t, "longitude")
            if lat is None or lon is None:
                continue
            gid = (t.findtext("geonamesID") or "").strip()
            tops.append(
                GoldToponym(
                    name=t.findtext("extractedName") or "",
                    start=int(t.findtext("start") or 0),
                    end=int(t.findtext("end") or 0),
                    lat=lat,
                    lon=lon,
                    geonameid=int(gid) if gid.isdigit() else None,
                    type=t.findtext("type") or "",
                )
            )
        out.append(GoldArticle(text, tops))
    return out


def resolve_gold_name(name: str, ctx: Context, gaz: Gazetteer | None = None) -> Entry | None:
    """A gold toponym our tagger missed: the name in context, loosely (area words, inner
    place names), else a demonym's country (GeoWebNews counts adjectival toponyms such as
    "Irish" as toponyms)."""
    return resolve_loose(name, ctx, gaz, demonyms=True)


@dataclass(slots=True)
class Prediction:
    """Our answer for one gold toponym: the place whose mention overlaps the gold span
    ("span"), else the gold name resolved in the document's context ("name"), else none."""

    gold: GoldToponym
    via: str  # span | name | none
    name: str | None = None
    kind: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None

    @property
    def km(self) -> float | None:
        if self.lat is None or self.lon is None:
            return None
        return haversine_km(self.lat, self.lon, self.gold.lat, self.gold.lon)

    @property
    def hit(self) -> bool:
        km = self.km
        return km is not None and km <= ACCURACY_KM


def predict_article(art: GoldArticle, doc: Doc) -> list[Prediction]:
    places = geoparse(doc)
    ctx = context_of(places)
    out = []
    for g in art.toponyms:
        pred = Prediction(g, "none")
        for p in places:
            if p.lat is not None and any(m.start < g.end and g.start < m.end for m in p.mentions):
                pred = Prediction(g, "span", p.name, p.kind, p.lat, p.lon, p.geonameid)
                break
        if pred.via == "none":
            entry = resolve_gold_name(g.name, ctx)
            if entry is not None and entry.lat is not None:
                pred = Prediction(
                    g, "name", entry.name, entry.kind, entry.lat, entry.lon, entry.geonameid
                )
        out.append(pred)
    return out


def predict_geowebnews(articles: list[GoldArticle]) -> list[Prediction]:
    from eventwire.nlp.pipeline import load_nlp

    docs = load_nlp().pipe((a.text for a in articles), batch_size=8)
    return [p for art, doc in zip(articles, docs, strict=True) for p in predict_article(art, doc)]


def summarise(preds: list[Prediction], articles: int) -> dict[str, Any]:
    """Accuracy@161km over every gold toponym with coordinates (a toponym we do not resolve
    counts as a miss), and over the GeoNames-linked subset, which is the standard GeoWebNews
    geocoding set (the 2,401 toponyms of the dataset's gwn_full.txt)."""
    by_type: dict[str, list[int]] = {}
    for p in preds:
        counts = by_type.setdefault(p.gold.type, [0, 0])
        counts[0] += 1
        counts[1] += p.hit
    linked = [p for p in preds if p.gold.geonameid is not None]
    total, within = len(preds), sum(p.hit for p in preds)
    return {
        "articles": articles,
        "toponyms": total,
        "resolved": sum(p.via != "none" for p in preds),
        "resolved_via_span": sum(p.via == "span" for p in preds),
        "within_161km": within,
        "acc161": within / total if total else 0.0,
        "linked_toponyms": len(linked),
        "linked_within_161km": sum(p.hit for p in linked),
        "linked_acc161": sum(p.hit for p in linked) / len(linked) if linked else 0.0,
        "exact_total": len(linked),
        "exact": sum(p.geonameid == p.gold.geonameid for p in linked),
        "exact_rate": (
            sum(p.geonameid == p.gold.geonameid for p in linked) / len(linked) if linked else 0.0
        ),
        "by_type": {t: {"n": n, "acc161": h / n} for t, (n, h) in sorted(by_type.items())},
        "published_mordecai3_acc161": MORDECAI3_GWN_ACC161,
    }


def geowebnews_scores(data_dir: Path, limit: int | None = None) -> dict[str, Any]:
    """Resolve every gold toponym (gold spans) and compare with the gold coordinates.

    `data_dir` is the GeoWebNews folder (holding GWN.xml)."""
    articles = read_geowebnews(Path(data_dir) / "GWN.xml")[:limit]
    return summarise(predict_geowebnews(articles), len(articles))


def location_matches(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> list[dict[str, Any]]:
    """For each gold event with a location: the predicted event of the same type whose
    evidence sentence overlaps gold's (as dev-gold event matching does), and whether that
    event's location names the gold place (normalised place name or one of its mentions)."""
    from eventwire.coding.score import evidence_overlaps

    places = {p["id"]: p for p in pred.get("places", [])}
    out = []
    for g in gold["events"]:
        if not g.get("location"):
            continue
        hit = next(
            (
                e
                for e in pred.get("events", [])
                if e["type"] == g["type"]
                and evidence_overlaps(e["evidence"]["sentence"], g["evidence"])
            ),
            None,
        )
        place = places.get(hit.get("location") or "") if hit is not None else None
        names = {normalise(place["name"])} if place else set()
        names |= {normalise(m["text"]) for m in (place or {}).get("mentions", [])}
        out.append(
            {
                "type": g["type"],
                "gold": g["location"],
                "matched": hit is not None,
                "predicted": place["name"] if place else None,
                "correct": normalise(g["location"]) in names,
            }
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "shared_data",
        type=Path,
        nargs="?",
        default=Path(__file__).resolve().parents[4] / "shared" / "data",
    )
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    gwn = geowebnews_scores(args.shared_data / "geo" / "geowebnews", args.limit)
    print(
        f"GeoWebNews: acc@161km {gwn['acc161']:.3f} ({gwn['within_161km']}/{gwn['toponyms']})"
        f"  exact geonameid {gwn['exact_rate']:.3f} ({gwn['exact']}/{gwn['exact_total']})"
        f"  | Mordecai3 (published) {MORDECAI3_GWN_ACC161:.3f}"
    )
    print(
        f"  GeoNames-linked subset (standard set): acc@161km {gwn['linked_acc161']:.3f}"
        f" ({gwn['linked_within_161km']}/{gwn['linked_toponyms']})"
    )
    for t, v in gwn["by_type"].items():
        print(f"  {t:22} n={v['n']:5} acc@161km {v['acc161']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
