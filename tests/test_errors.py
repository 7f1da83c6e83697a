from __future__ import annotations

import re

from eventwire.errors import CATALOGUE, InputError
from tests.conftest import REPO_ROOT


def test_every_error_code_is_documented() -> None:
    documented = set(
        re.findall(r"^\| (E\d{3}) \|", (REPO_ROOT / "docs/errors.md").read_text(), re.M)
    )
    assert documented == set(CATALOGUE)


def test_input_error_is_one_line_naming_input_and_problem() -> None:
    e = InputError("E012", "photos/cat.png", "PNG image\nsecond line")
    assert str(e) == "E012 photos/cat.png: is binary, not text or HTML (PNG image second line)"
