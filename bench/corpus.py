"""The benchmark corpus: one folder of 100+ articles, text and HTML, as `ingest` reads them.

From ../shared/data when it is beside the checkout: the train-gold and dev-gold news texts
(with their publication dates) and the first pages of the extraction benchmark's HTML
(gunzipped; some are not news, and a few not English: ingest reports those, as it would in
a real crawl). Without ../shared/data: the eight demo articles only, and the script says so.
Nothing here is copied into the repository: the folder is built in a temporary directory.
"""

from __future__ import annotations

import gzip
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared" / "data"
TEXT_SETS = ("train-gold/docs", "dev-gold/docs")
HTML_DIR = "extraction/zyte/html"
HTML_PAGES = 50  # with the 55 gold texts: 105 articles


@dataclass(slots=True)
class BenchCorpus:
    folder: Path
    published: dict[str, str]  # file name -> YYYY-MM-DD, where the corpus states one
    note: str

    @property
    def files(self) -> list[Path]:
        return sorted(p for p in self.folder.iterdir() if p.suffix in {".txt", ".html"})


def build_corpus(dest: Path, *, html_pages: int = HTML_PAGES) -> BenchCorpus:
    """Fill `dest` (created, must be empty) with the corpus; returns it with its dates."""
    dest.mkdir(parents=True, exist_ok=True)
    published: dict[str, str] = {}
    sets = [SHARED / s for s in TEXT_SETS if (SHARED / s).is_dir()]
    if not sets:
        from eventwire.demo import demo_dir, demo_published

        for path in sorted(demo_dir().glob("*.txt")):
            shutil.copy(path, dest / path.name)
        published.update(demo_published())
        return BenchCorpus(dest, published, "demo corpus only (../shared/data absent)")
    for folder in sets:
        for path in sorted(folder.glob("*.txt")):
            shutil.copy(path, dest / path.name)
            meta = path.with_suffix(".meta.json")
            if meta.is_file():
                value = json.loads(meta.read_text(encoding="utf-8")).get("published")
                if isinstance(value, str):
                    published[path.name] = value
    pages = sorted((SHARED / HTML_DIR).glob("*.html.gz"))[:html_pages]
    for page in pages:
        (dest / page.name.removesuffix(".gz")).write_bytes(gzip.decompress(page.read_bytes()))
    texts = len(list(dest.glob("*.txt")))
    note = f"{texts} gold news texts + {len(pages)} HTML pages from ../shared/data"
    return BenchCorpus(dest, published, note)
