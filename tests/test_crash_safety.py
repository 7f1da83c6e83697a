"""Crash safety of `ingest` (issue 15.3): a real `ingest` process killed with SIGKILL at
several points, before, inside and after a transaction, and at a random moment. The store
opens afterwards, no article is half-written (each has all its rows of the clean run or
none), and running `ingest` again stores each article exactly once. Two `ingest` processes
on one store: the second is refused with E041 (or runs after the first), never a corrupt
store. bench/crash_safety.py runs more kill points; see tests/crash_points.py."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import eventwire.store.db as db_module
from eventwire.cli import app
from eventwire.errors import InputError
from eventwire.store import Store
from tests.crash_points import (
    REPO_ROOT,
    SAVE_BATCH,
    article_rows,
    counting,
    ingest_command,
    kill_after,
    kill_at_write,
    problems,
    write_articles,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def _ingest(inputs: list[Path], db: Path) -> Any:
    args = ["ingest", *map(str, inputs), "--db", str(db), "--published", "2025-03-11"]
    return CliRunner().invoke(app, args)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Sixteen articles, and their rows and write counts in a clean run."""
    folder = tmp_path_factory.mktemp("crash")
    inputs = write_articles(folder / "in", copies=2)
    db = folder / "clean.duckdb"
    with counting() as counts:
        result = _ingest(inputs, db)
    assert result.exit_code == 0, result.output
    reference = article_rows(db)
    assert len(reference) == len(inputs) and counts["commit"] >= len(inputs) // SAVE_BATCH
    return {"inputs": inputs, "reference": reference, "counts": dict(counts)}


def _survived(batch: dict[str, Any], db: Path) -> None:
    """The store after a kill: consistent; then a re-run completes it, each article once."""
    assert problems(db, batch["reference"]) == []
    stored = len(article_rows(db))
    result = _ingest(batch["inputs"], db)
    assert result.exit_code == 0, result.output
    assert f"{len(batch['inputs']) - stored} stored, {stored} already stored" in result.stderr
    assert article_rows(db) == batch["reference"]


@pytest.mark.parametrize(
    ("kind", "share"),
    [("insert", 0.0), ("insert", 0.5), ("insert", 1.0), ("commit", 0.5)],
    ids=["first-insert", "middle-insert", "last-insert", "after-a-commit"],
)
def test_ingest_killed_at_a_write_leaves_no_half_written_article_and_a_rerun_completes_it(
    batch: dict[str, Any], tmp_path: Path, kind: str, share: float
) -> None:
    """SIGKILL right after the first, a middle or the last INSERT (rows written inside an
    open transaction) or right after a middle commit."""
    at = max(1, round(share * batch["counts"][kind]))
    db = tmp_path / "events.duckdb"
    assert kill_at_write(db, batch["inputs"], kind, at) == -signal.SIGKILL
    _survived(batch, db)


def test_ingest_killed_at_a_random_moment_leaves_a_consistent_store(
    batch: dict[str, Any], tmp_path: Path
) -> None:
    delay = random.Random(15).uniform(0.0, 1.5)
    db = tmp_path / "events.duckdb"
    assert kill_after(db, batch["inputs"], delay) in (-signal.SIGKILL, 0)
    _survived(batch, db)


def test_two_ingests_on_one_store_refuse_or_wait_and_never_corrupt_it(
    batch: dict[str, Any], tmp_path: Path
) -> None:
    db = tmp_path / "events.duckdb"
    command = ingest_command(db, batch["inputs"])
    procs = [
        subprocess.Popen(command, cwd=REPO_ROOT, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    runs = [(p.communicate(timeout=600)[1], p.returncode) for p in procs]
    assert sorted(status for _, status in runs) in ([0, 0], [0, 2]), runs
    for stderr, status in runs:
        if status == 2:  # the one that found the store in use: one line, nothing done
            lines = stderr.splitlines()
            assert len(lines) == 1 and lines[0].startswith(f"error E041 {db}: "), lines
    assert article_rows(db) == batch["reference"]


# a store created beside the path, then moved onto it with its lock held: the path is an
# empty file until then, and a valid, locked store after, never missing
CREATE_LATE = """import duckdb, os, sys, time
con = duckdb.connect(sys.argv[1] + '.new')
print('ready', flush=True)
time.sleep(0.5)
os.replace(sys.argv[1] + '.new', sys.argv[1])
print('locked', flush=True)
sys.stdin.read()
"""


def test_a_store_another_process_is_creating_is_e041_not_an_invalid_file(tmp_path: Path) -> None:
    """Two ingests started together on a new store: the second found the file the first
    had just created, still empty, and DuckDB called it 'not a valid DuckDB database
    file' (E040). The file is now given a moment to get its headers, and then its lock
    says what happens: E041."""
    db = tmp_path / "events.duckdb"
    db.touch()  # the moment after the first process created it
    with subprocess.Popen(
        [sys.executable, "-c", CREATE_LATE, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    ) as creator:
        try:
            assert creator.stdout is not None and creator.stdout.readline() == b"ready\n"
            with pytest.raises(InputError) as caught:
                Store(db)
            assert caught.value.code == "E041", str(caught.value)
            assert creator.stdout.readline() == b"locked\n"
        finally:
            creator.kill()


def test_an_empty_file_nobody_creates_is_still_e040(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_module, "CREATION_WAIT_S", 0.2)
    db = tmp_path / "events.duckdb"
    db.touch()
    with pytest.raises(InputError) as caught:
        Store(db)
    assert caught.value.code == "E040" and "not a valid DuckDB database" in str(caught.value)
