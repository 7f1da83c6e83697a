"""The command line, end to end in-process: analyze, ingest, events, export, errors."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app

STORY = """Ministers Meet in Vienna Over Border Dispute

By Joost van der Linde

VIENNA — Austria's foreign minister, Clara Weber, met Slovenian Prime Minister Marko Kovac in \
Vienna on Monday and urged Croatia and Slovenia to resume talks on their maritime border.

Kovac said his government would "never accept a deal imposed from outside" and accused Croatia \
of blocking the talks.

0 comments

You may also like
"""

OTHER = """Rebels Attack Army Post

By Amina Diallo

Rebels attacked an army post near Kidal on Sunday, killing 12 soldiers, the Malian army said.
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "vienna.txt").write_text(STORY, encoding="utf-8")
    (folder / "kidal.txt").write_text(OTHER, encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_analyze_json_prints_the_eventwire_1_record(runner: CliRunner, corpus: Path) -> None:
    args = ["analyze", str(corpus / "vienna.txt"), "--format", "json", "--published", "2026-03-02"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["schema"] == "eventwire/1"
    assert set(record) == {"schema", "article", "actors", "quotes", "events", "places", "facts"}
    article = record["article"]
    assert article["title"] == "Ministers Meet in Vienna Over Border Dispute"
    assert article["author"] == "Joost van der Linde"
    assert article["published"] == "2026-03-02"
    assert "0 comments" in article["removed"] and "0 comments" not in article["text"]
    text = article["text"]
    for event in record["events"]:
        ev = event["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["sentence"]
    names = {a["id"]: a["name"] for a in record["actors"]}
    requests = [e for e in record["events"] if e["type"] == "REQUEST"]
    assert any({names[t] for t in e["target"]} >= {"Croatia", "Slovenia"} for e in requests)


def test_analyze_text_report_names_events(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(app, ["analyze", str(corpus / "kidal.txt")])
    assert result.exit_code == 0, result.output
    assert "ASSAULT" in result.stdout
    assert "Rebels Attack Army Post" in result.stdout


@pytest.mark.parametrize(
    ("name", "code"), [("photo.txt", "E012"), ("empty.txt", "E011"), ("missing.txt", "E010")]
)
def test_analyze_bad_input_is_one_line_naming_it(
    runner: CliRunner, corpus: Path, name: str, code: str
) -> None:
    result = runner.invoke(app, ["analyze", str(corpus / name)])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert code in lines[0] and name in lines[0]


def test_ingest_goes_on_after_bad_files_and_skips_stored_ones(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "events.duckdb"
    first = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert first.exit_code == 1, first.output  # items failed: a script must see it
    assert "2 stored" in first.stderr and "2 failed" in first.stderr
    assert "E012" in first.stderr and "E011" in first.stderr
    again = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert "0 stored" in again.stderr and "2 already stored" in again.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT count(*) FROM articles").fetchone()
        assert row is not None and row[0] == 2


def test_events_filters_and_export(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    result = runner.invoke(app, ["events", "--db", str(db), "--type", "assault", "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and {r["type"] for r in rows} == {"ASSAULT"}
    everything = json.loads(runner.invoke(app, ["events", "--db", str(db), "-f", "json"]).stdout)
    assert len(everything) > len(rows)

    out = tmp_path / "events.parquet"
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", str(out)])
    assert exported.exit_code == 0, exported.output
    with duckdb.connect() as con:
        row = con.execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchone()
        assert row is not None and row[0] == len(everything)


def test_events_without_database_is_one_line_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "E010" in result.stderr


def test_ingest_with_two_workers_stores_the_same_events(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    runner.invoke(app, ["ingest", str(corpus), "--db", str(one)])
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(two), "--workers", "2"])
    assert result.exit_code == 1, result.output
    assert "2 stored" in result.stderr and "2 failed" in result.stderr

    def events(db: Path) -> list[tuple[str, str]]:
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute("SELECT type, sentence FROM event_reports ORDER BY 1, 2").fetchall()

    assert events(one) == events(two) != []


def test_ingest_jsonl_reports_bad_lines_and_stores_good_ones(
    runner: CliRunner, tmp_path: Path
) -> None:
    lines = [
        json.dumps({"text": OTHER, "published": "2026-05-03", "url": "https://example.org/k"}),
        "{not json",
        json.dumps({"title": "no text here"}),
    ]
    feed = tmp_path / "batch.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "events.duckdb"
    result = runner.invoke(app, ["ingest", str(feed), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "1 stored" in result.stderr and "2 failed" in result.stderr
    assert "batch.jsonl:2" in result.stderr and "batch.jsonl:3" in result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT published, url FROM articles").fetchone()
    assert row is not None and str(row[0]) == "2026-05-03" and row[1] == "https://example.org/k"


def test_export_format_follows_the_file_name(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "events.duckdb"
    runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["export", "--db", str(db), str(out)])
    assert result.exit_code == 0, result.output
    header = out.read_text("utf-8").splitlines()[0]
    assert header.startswith("event_id,plover_type,")  # CSV, not Parquet in a .csv file
    wrong = tmp_path / "other.csv"
    refused = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", str(wrong)])
    assert refused.exit_code == 2 and not wrong.exists()
    lines = [line for line in refused.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "E060" in lines[0] and "other.csv" in lines[0]


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the two good articles (ingested cleanly: exit 0)."""
    folder = tmp_path_factory.mktemp("good")
    (folder / "vienna.txt").write_text(STORY, encoding="utf-8")
    (folder / "kidal.txt").write_text(OTHER, encoding="utf-8")
    db = folder / "events.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def test_events_pages_and_says_how_many_it_shows(runner: CliRunner, stored: Path) -> None:
    everything = runner.invoke(app, ["events", "--db", str(stored), "-f", "json"])
    total = len(json.loads(everything.stdout))
    assert total >= 3
    assert f"showing 1-{total} of {total} events" in everything.stderr
    first = runner.invoke(app, ["events", "--db", str(stored), "-f", "json", "--limit", "2"])
    assert first.exit_code == 0, first.output
    assert len(json.loads(first.stdout)) == 2
    assert f"showing 1-2 of {total} events; --offset 2 for the next page" in first.stderr
    rest = runner.invoke(
        app, ["events", "--db", str(stored), "-f", "json", "--limit", "2", "--offset", "2"]
    )
    assert f"showing 3-{min(4, total)} of {total}" in rest.stderr
    ids = [r["id"] for r in json.loads(first.stdout) + json.loads(rest.stdout)]
    assert len(set(ids)) == len(ids) == min(4, total)
    table = runner.invoke(app, ["events", "--db", str(stored), "--limit", "1"])
    assert f"showing 1-1 of {total} events" in table.stderr


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["events", "--type", "ATTACK"], "E061", "ASSAULT"),  # the message lists the types
        (["events", "--since", "2025-13"], "E030", "since=2025-13"),
        (["events", "--until", "last week"], "E030", "until=last week"),
        (["events", "--sort", "newest"], "E062", "-date"),
        (["events", "--limit", "0"], "E062", "--limit 0"),
        (["events", "--country", "Narnia"], "E064", "country=Narnia"),
        (["events", "--limit", "20000"], "E062", "10000"),
        (["export", "--format", "parquet", "OUT/events.csv"], "E060", "events.csv"),
        (["export", "OUT/events.xlsx"], "E060", "events.xlsx"),
        (["export", "--table", "secrets", "OUT/t.csv"], "E062", "table=secrets"),
        (["serve", "--host", "0.0.0.0"], "E063", "0.0.0.0"),
    ],
)
def test_every_error_is_one_coded_line(
    runner: CliRunner, stored: Path, tmp_path: Path, args: list[str], code: str, needle: str
) -> None:
    args = [a.replace("OUT", str(tmp_path)) for a in args]
    result = runner.invoke(app, [*args, "--db", str(stored)])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"error {code} "), lines
    assert needle in lines[0]
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_country_by_name_or_code(runner: CliRunner, stored: Path) -> None:
    def ids(*args: str) -> list[str]:
        result = runner.invoke(app, ["events", "--db", str(stored), "-f", "json", *args])
        assert result.exit_code == 0, result.output
        return [r["id"] for r in json.loads(result.stdout)]

    by_code = ids("--country", "HRV")
    assert by_code and ids("--country", "Croatia") == by_code == ids("--country", "hrv")


def test_ingest_published_dates_articles_that_state_none(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "events.duckdb"
    result = runner.invoke(
        app, ["ingest", str(corpus / "kidal.txt"), "--db", str(db), "--published", "2026-02-03"]
    )
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT published FROM articles").fetchone() == (dt.date(2026, 2, 3),)
    bad = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--published", "Feb 3"])
    assert bad.exit_code == 2 and "E030" in bad.stderr


def test_the_readme_actor_query_finds_natos_events(
    runner: CliRunner, shared_data: Path, tmp_path: Path
) -> None:
    """The README's own example, `events --actor NATO ...`, on the demo corpus and the
    reference article (dated here, as it states no date): Rutte's request is NATO's."""
    db = tmp_path / "events.duckdb"
    assert runner.invoke(app, ["demo", "--db", str(db)]).exit_code == 0
    seed = shared_data / "seed" / "nato-kosovo.txt"
    ingested = runner.invoke(
        app, ["ingest", str(seed), "--db", str(db), "--published", "2025-03-11"]
    )
    assert ingested.exit_code == 0, ingested.output
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    line = next(
        x for x in readme.splitlines() if x.startswith("eventwire events ") and "--actor NATO" in x
    )
    args = line.split("#")[0].split()[1:]
    args[args.index("--db") + 1] = str(db)
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert rows and any("Mark Rutte" in r["source"] for r in rows), result.stdout


def test_evaluate_names_an_unknown_gold_set_instead_of_a_traceback(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["evaluate", "--data", str(tmp_path), "--skip", "geo"])
    assert result.exit_code == 2
    assert "unknown gold set(s) geo" in result.output and "geowebnews" in result.output
    assert "Traceback" not in result.output
