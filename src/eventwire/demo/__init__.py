"""A small demo corpus: eight invented wire-style articles about international affairs.

The people and events are fictional. Each file is a headline, a byline and paragraphs, and
some end with site junk the cleaner must drop. `published.json` maps file name to the
publication date the caller would pass (the texts themselves state only weekdays).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

PUBLISHED_FILE = "published.json"


def demo_dir() -> Path:
    """The directory holding the demo `*.txt` files (inside the installed package)."""
    # The package is installed unzipped (editable or wheel), so the traversable is a real path.
    return Path(str(resources.files(__name__)))


def demo_files() -> list[Path]:
    """The demo articles, sorted by file name."""
    return sorted(demo_dir().glob("*.txt"))


def demo_published() -> dict[str, str]:
    """File name -> publication date (YYYY-MM-DD)."""
    text = resources.files(__name__).joinpath(PUBLISHED_FILE).read_text(encoding="utf-8")
    data: dict[str, str] = json.loads(text)
    return data
