"""The project's data files: tab-separated, one fact a row, under each package's data/.

Blank lines and lines starting with '#' are comments everywhere. `tsv_rows` gives the raw
cells; `tsv_records` reads the first kept line as the header.
"""

from __future__ import annotations

import csv
from importlib import resources


def data_lines(package: str, name: str) -> list[tuple[int, str]]:
    """(1-based line number, line) of every kept line of `package`'s data/`name`."""
    text = resources.files(package).joinpath("data", name).read_text("utf-8")
    return [
        (n, line)
        for n, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]


def tsv_rows(package: str, name: str) -> list[list[str]]:
    return [line.split("\t") for _, line in data_lines(package, name)]


def tsv_records(package: str, name: str) -> list[dict[str, str]]:
    lines = [line for _, line in data_lines(package, name)]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
