"""The Ray Data job, run on a local 2-CPU Ray: JSONL shards in, Parquet out, store loaded.

Skips when Ray is not installed (it is the optional `distributed` extra).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.analysis import analyze
from eventwire.cli import ingest_sources
from eventwire.errors import InputError
from eventwire.model import AnalyzedDocument, Article
from eventwire.scale.jsonl import read_jsonl_articles
from eventwire.scale.ray_job import iter_ray_output, load_ray_output, run_ray_job
from eventwire.scale.work import ItemError, ScaleError
from eventwire.store.db import TABLES, Store

NO_RAY = "Ray Data not installed (pip install 'eventwire[distributed]')"
ray = pytest.importorskip("ray", reason=NO_RAY)
ray_data = pytest.importorskip("ray.data", reason=NO_RAY)

ARTICLES = [
    {
        "id": "w-1",
        "title": "Ministers agree to reopen crossings",
        "published": "2024-03-05",
        "text": "The foreign ministers of Carpathia and Moldavia met in Vienna on Tuesday and "
        "agreed to reopen the border crossings closed since the spring.",
    },
    {
        "id": "w-2",
        "text": "Police in Lima arrested 40 protesters on Saturday after a march against the "
        "new mining law turned violent, officials said.",
    },
    {
        "url": "https://example.org/eu-belarus",
        "text": "The European Union imposed sanctions on Belarus on Monday, freezing the assets "
        "of twelve officials accused of rigging the election.",
    },
]


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        configure_logging=False,
        ignore_reinit_error=True,
    )
    ctx = ray_data.DataContext.get_current()
    ctx.enable_progress_bars = False  # keep test output readable
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("shards")
    lines = [json.dumps(a) for a in ARTICLES[:2]]
    (root / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad = ["{not json", json.dumps(ARTICLES[2])]
    (root / "b.jsonl").write_text("\n".join(bad) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def job(local_ray: None, shards: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("out") / "parquet"
    return run_ray_job([str(shards)], out, batch_size=2, concurrency=2, num_cpus=0.5)


def _in_process(path: Path) -> dict[str, AnalyzedDocument]:
    return {
        a.source or "": analyze(a)
        for a in read_jsonl_articles(path)
        if not isinstance(a, InputError)
    }


def test_job_writes_one_row_per_line(job: dict[str, Any], shards: Path) -> None:
    assert job["documents"] == 3 and job["errors"] == 1
    rows = dict(iter_ray_output(job["output"]))
    assert set(rows) == {
        f"{shards}/a.jsonl:1 id=w-1",
        f"{shards}/a.jsonl:2 id=w-2",
        f"{shards}/b.jsonl:1",
        f"{shards}/b.jsonl:2",
    }
    bad = rows[f"{shards}/b.jsonl:1"]
    assert isinstance(bad, ItemError) and str(bad).startswith(f"E014 {shards}/b.jsonl:1:")
    expected = _in_process(shards / "a.jsonl") | _in_process(shards / "b.jsonl")
    for source, doc in expected.items():
        got = rows[source]
        assert isinstance(got, AnalyzedDocument)
        assert got == doc  # the same stage functions: the same document, source included
    assert job["events"] == sum(len(d.events) for d in expected.values())


def test_parquet_columns(job: dict[str, Any]) -> None:
    import duckdb

    glob = str(Path(job["output"]) / "*.parquet")
    with duckdb.connect() as con:
        names = [
            r[0] for r in con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [glob]).fetchall()
        ]
        row = con.execute(
            "SELECT article_id, document, events FROM read_parquet(?) WHERE source LIKE '%w-1'",
            [glob],
        ).fetchone()
    assert names == [
        "source", "article_id", "document", "error", "events", "actors", "quotes", "places", "facts"
    ]  # fmt: skip
    assert row is not None
    doc = json.loads(row[1])
    assert doc["schema"] == "eventwire/1" and doc["article"]["id"] == row[0]
    assert doc["article"]["title"] == "Ministers agree to reopen crossings"
    assert doc["article"]["published"] == "2024-03-05"
    assert row[2] == len(doc["events"])


def test_load_round_trip(job: dict[str, Any], shards: Path, tmp_path: Path) -> None:
    # loading Ray's output stores exactly what saving the in-process documents stores
    expected = _in_process(shards / "a.jsonl") | _in_process(shards / "b.jsonl")
    with Store(tmp_path / "ray.duckdb") as store, Store(tmp_path / "local.duckdb") as local:
        assert load_ray_output(job["output"], store) == 3
        assert load_ray_output(job["output"], store) == 0  # re-loading is a no-op
        for doc in expected.values():
            local.save(doc)
        assert store.counts() == local.counts()
        for source, doc in expected.items():
            stored, saved = store.document(doc.article.id), local.document(doc.article.id)
            assert stored is not None and saved is not None
            assert stored.to_dict() == saved.to_dict()
            assert stored.article.source == source


def _contents(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a fixed order; when and in which order rows were stored
    (ingested_at, the reports' seq) left out: Ray writes its output in no fixed order."""
    out = {}
    skip = {"articles": "* EXCLUDE (ingested_at)", "event_reports": "* EXCLUDE (seq)"}
    for table in TABLES:  # constant names
        columns = skip.get(table, "*")
        rows = store.con.execute(f"SELECT {columns} FROM {table}").fetchall()
        out[table] = sorted(rows, key=repr)
    return out


def test_same_store_as_ingest(job: dict[str, Any], shards: Path, tmp_path: Path) -> None:
    # `eventwire ray --load` and `eventwire ingest` of the same shards store the same rows
    ingested = ingest_sources(sorted(str(p) for p in shards.glob("*.jsonl")), tmp_path / "i.db")
    assert ingested == {"stored": 3, "already stored": 0, "failed": 1, "events": job["events"]}
    with Store(tmp_path / "i.db") as local, Store(tmp_path / "ray.db") as store:
        load_ray_output(job["output"], store)
        assert _contents(store) == _contents(local)
        assert local.counts()["events"] > 0


def test_warc_shards(local_ray: None, tmp_path: Path) -> None:
    from eventwire.ingest.warc import read_warc_articles
    from tests.test_ingest_warc import write_crawl

    write_crawl(tmp_path / "crawl.warc.gz")
    out = tmp_path / "out"
    summary = run_ray_job([str(tmp_path)], out, batch_size=1, concurrency=2, num_cpus=0.5)
    assert summary["documents"] == 2 and summary["errors"] == 1  # the German page
    rows = dict(iter_ray_output(out))
    expected = list(read_warc_articles(tmp_path / "crawl.warc.gz"))
    assert set(rows) == {item.source for item in expected if isinstance(item, Article)} | {
        item.source for item in expected if isinstance(item, InputError)
    }
    for item in expected:
        if isinstance(item, Article):
            assert rows[item.source or ""] == analyze(item)
        else:
            assert str(rows[item.source]) == str(item)


def test_output_folder_must_be_empty(local_ray: None, shards: Path, tmp_path: Path) -> None:
    (tmp_path / "old.parquet").write_bytes(b"")
    with pytest.raises(ScaleError, match="not empty"):
        run_ray_job([str(shards)], tmp_path)


def test_missing_input_is_an_input_error(local_ray: None, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="E010"):
        run_ray_job([str(tmp_path / "nope.jsonl")], tmp_path / "out")
