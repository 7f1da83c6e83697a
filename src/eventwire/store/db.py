"""The DuckDB event store: one file, one writer.

DuckDB lets exactly one process open a database file for writing (any number may open it
read-only when no writer holds it). A `Store` keeps its connection for its whole life, so
`ingest` opens one Store for the batch and saves document after document through it; other
processes (the API, a second ingest) must wait or open read-only after the writer closes.
A Store is not thread-safe: give each thread its own read-only Store.

Every `save` runs in one transaction: a document is stored entirely or not at all.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from eventwire.errors import InputError
from eventwire.model import (
    Actor,
    AnalyzedDocument,
    Article,
    Event,
    Evidence,
    Fact,
    Mention,
    Place,
    Quote,
)

# 2: event_reports.mentions, .why; 3: date_source, articles.dateline; 4: actors.country_basis
SCHEMA_VERSION = 4
TABLES: tuple[str, ...] = (
    "articles", "actors", "mentions", "quotes", "events", "event_reports", "places", "facts",
)  # fmt: skip

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.*?) \(PID (\d+)\)")
_SEP_FIELD, _SEP_ITEM = "\x1f", "\x1e"  # ASCII unit/record separators: never in a name
CREATION_WAIT_S = 2.0  # how long a store file may stay shorter than its headers (_connect)


def period_start(value: str | None) -> date | None:
    """First day of a YYYY, YYYY-MM or YYYY-MM-DD period; ValueError when malformed."""
    if value is None:
        return None
    m = _DATE.fullmatch(value)
    if not m:
        raise ValueError(f"bad date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"bad date {value!r}: {exc}") from None


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def event_key(
    type_: str,
    source_names: Sequence[str],
    target_names: Sequence[str],
    date_: str | None,
    *,
    negated: bool = False,
    published: str | None = None,
    article_id: str | None = None,
) -> str:
    """Stable id of a real-world event, the same in every article that reports it.

    sha256 over: PLOVER type | negated | sorted normalised source names | sorted normalised
    target names | date. Names are case-folded with whitespace collapsed. The date is the
    event's own date, else the article's publication date (an undated "X met Y" is about the
    day it was reported); with neither, the article id is used so undated events from
    different articles are never merged on a guess. Names, not codes: codes (SRB, IGO) are
    too coarse and would merge distinct actors of one country.
    """
    when = date_ or published or f"article:{article_id}"
    parts = [
        "eventwire-event/1",
        type_.upper(),
        "negated" if negated else "",
        _SEP_ITEM.join(sorted(_norm(n) for n in source_names)),
        _SEP_ITEM.join(sorted(_norm(n) for n in target_names)),
        when,
    ]
    return hashlib.sha256(_SEP_FIELD.join(parts).encode("utf-8")).hexdigest()


class Store:
    """A DuckDB event database. Use as a context manager, or call `close()`."""

    def __init__(self, path: str | Path = "eventwire.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        try:
            self.con = _connect(self.path, read_only)
        except duckdb.Error as exc:
            raise _open_error(self.path, exc) from None
        try:
            self._init_schema()
        except BaseException:
            self.con.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _init_schema(self) -> None:
        if not self.read_only:
            script = resources.files("eventwire.store").joinpath("schema.sql").read_text("utf-8")
            with self._transaction():
                self.con.execute(script)
                if self.con.execute("SELECT count(*) FROM schema_version").fetchone() == (0,):
                    self.con.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
        try:
            row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        except duckdb.Error:
            row = None
        if row is None or row[0] != SCHEMA_VERSION:
            found = None if row is None else row[0]
            raise InputError("E040", self.path, f"schema version {found}, need {SCHEMA_VERSION}")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None

    def has_url(self, url: str) -> bool:
        """Whether an article fetched from `url` is stored (a feed's links are checked before
        they are fetched; the text's id catches the same story under another URL)."""
        row = self.con.execute("SELECT 1 FROM articles WHERE url = ? LIMIT 1", [url]).fetchone()
        return row is not None

    def save(self, doc: AnalyzedDocument) -> bool:
        """Store a document; False (and nothing written) when its article is already stored.

        Raises ValueError for a record that breaks the contract (bad date, an event naming
        an unknown actor or place) and InputError E040 when the database refuses a row;
        either way nothing of the document is left behind.
        """
        if self.read_only:
            raise InputError("E040", self.path, "store opened read-only")
        aid = doc.article.id
        rows = _document_rows(doc)  # ValueError before anything is written
        try:
            with self._transaction():
                if self.has_article(aid):
                    return False
                self._insert([rows])
        except duckdb.Error as exc:
            raise InputError("E040", self.path, f"article {aid[:12]}: {exc}") from None
        return True

    def save_many(self, docs: Sequence[AnalyzedDocument]) -> list[bool | InputError]:
        """Store a batch of documents in one transaction (one commit, one insert per table:
        far cheaper than a transaction per article). Per document: True when stored, False
        when its article was already stored (or earlier in the batch), or its error; a
        document is stored whole or not at all, and a bad one does not stop the others.

        A record that breaks the contract is E050 (a bug upstream); when the database refuses
        the batch, it is rolled back and every document saved alone, so only the one the
        database refuses is an E040.
        """
        if self.read_only:
            raise InputError("E040", self.path, "store opened read-only")
        outcomes: list[bool | InputError] = []
        batch: dict[str, DocumentRows] = {}
        for doc in docs:
            aid = doc.article.id
            try:
                rows = _document_rows(doc)
            except ValueError as exc:
                label = doc.article.source or f"article {aid[:12]}"
                outcomes.append(InputError("E050", label, f"not stored: {exc}"))
                continue
            outcomes.append(aid not in batch)
            batch.setdefault(aid, rows)
        if not batch:
            return outcomes
        try:
            with self._transaction():
                stored = self._stored(list(batch))
                self._insert([rows for aid, rows in batch.items() if aid not in stored])
        except duckdb.Error:
            return self._save_each(docs)
        return [False if o is True and d.article.id in stored else o
                for o, d in zip(outcomes, docs, strict=True)]  # fmt: skip

    def _save_each(self, docs: Sequence[AnalyzedDocument]) -> list[bool | InputError]:
        outcomes: list[bool | InputError] = []
        for doc in docs:
            try:
                outcomes.append(self.save(doc))
            except InputError as err:
                outcomes.append(err)
            except ValueError as exc:  # not reached: save_many checked the contract first
                outcomes.append(InputError("E050", doc.article.source or "article", str(exc)))
        return outcomes

    def _stored(self, ids: list[str]) -> set[str]:
        rows = self.con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        ).fetchall()
        return {r[0] for r in rows}

    def _insert(self, batch: list[DocumentRows]) -> None:
        """Insert the rows of new articles, one statement per table: the columns are bound
        as lists and unnested by DuckDB (executemany runs one statement per row, 30x slower)."""
        tables: dict[str, list[tuple[Any, ...]]] = {}
        events: dict[str, list[Any]] = {}
        for rows in batch:
            for table, table_rows in rows.tables.items():
                tables.setdefault(table, []).extend(table_rows)
            for row in rows.events:  # the first report's attributes, the highest confidence
                known = events.get(row[0])
                if known is None:
                    events[row[0]] = list(row)
                else:
                    known[_EVENT_CONFIDENCE] = max(known[_EVENT_CONFIDENCE], row[_EVENT_CONFIDENCE])
        for table, columns in _COLUMNS.items():
            if table == "events":
                self._insert_columns(table, columns, list(events.values()), _EVENT_MERGE)
            else:
                self._insert_columns(table, columns, tables.get(table, []))

    def _insert_columns(
        self, table: str, columns: tuple[str, ...], rows: Sequence[Sequence[Any]], tail: str = ""
    ) -> None:
        if not rows:
            return
        values = ", ".join(f"unnest(?::{_TYPES[c]}[])" for c in columns)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) SELECT {values}{tail}"
        self.con.execute(sql, [list(column) for column in zip(*rows, strict=True)])

    # -- reading ---------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for table in TABLES:  # constant names, never user input
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The stored article with everything found in it, in the `eventwire/1` shape."""
        doc = self.document(article_id)
        return None if doc is None else doc.to_dict()

    def document(self, article_id: str) -> AnalyzedDocument | None:
        """The stored article rebuilt as the AnalyzedDocument that was saved."""
        row = self._rows(
            "SELECT url, title, author, published, language, text, removed, source, dateline"
            " FROM articles WHERE id = ?",
            article_id,
        )
        if not row:
            return None
        url, title, author, published, language, text, removed, source, dateline = row[0]
        article = Article(
            text=text, title=title, author=author, url=url, language=language,
            published=published.isoformat() if published else None,
            removed=list(removed or []), source=source, dateline=dateline,
        )  # fmt: skip
        mentions: dict[tuple[str, str], list[Mention]] = {}
        for kind, owner, mtext, start, end in self._rows(
            "SELECT kind, owner_id, text, start_char, end_char FROM mentions"
            " WHERE article_id = ? ORDER BY kind, owner_id, idx",
            article_id,
        ):
            mentions.setdefault((kind, owner), []).append(Mention(mtext, start, end))
        actors = [
            Actor(id=r[0], name=r[1], kind=r[2], country=r[3], affiliation=r[4], role=r[5],
                  code=r[6], sector=r[7], mentions=mentions.get(("actor", r[0]), []),
                  country_basis=r[8])
            for r in self._rows(
                "SELECT id, name, kind, country, affiliation, role, code, sector, country_basis"
                " FROM actors"
                " WHERE article_id = ? ORDER BY idx",
                article_id,
            )
        ]  # fmt: skip
        places = [
            Place(id=r[0], name=r[1], country=r[2], geonameid=r[3], lat=r[4], lon=r[5],
                  kind=r[6], mentions=mentions.get(("place", r[0]), []))
            for r in self._rows(
                "SELECT id, name, country, geonameid, lat, lon, kind FROM places"
                " WHERE article_id = ? ORDER BY idx",
                article_id,
            )
        ]  # fmt: skip
        quotes = [
            Quote(speaker=r[0], text=r[1], start=r[2], end=r[3], direct=r[4], partial=r[5])
            for r in self._rows(
                "SELECT speaker, text, start_char, end_char, direct, partial FROM quotes"
                " WHERE article_id = ? ORDER BY idx",
                article_id,
            )
        ]
        facts = [
            Fact(subject=r[0], subject_text=r[1], quantity=r[2], unit=r[3], approx=r[4],
                 evidence=Evidence(*r[5:]))
            for r in self._rows(
                "SELECT subject, subject_text, quantity, unit, approx, sentence, start_char,"
                " end_char, trigger, trigger_start, trigger_end FROM facts"
                " WHERE article_id = ? ORDER BY idx",
                article_id,
            )
        ]  # fmt: skip
        events = [
            Event(id=r[0], type=r[1], mode=r[2], contexts=list(r[3] or []), cameo=r[4],
                  date=r[5], date_text=r[6], date_source=r[24], location=r[7],
                  historical=r[8], negated=r[9], hypothetical=r[10], future=r[11],
                  confidence=r[12], rule=r[13], evidence=Evidence(*r[14:20]),
                  source=list(r[20] or []), target=list(r[21] or []),
                  mentions=[Evidence(**m) for m in json.loads(r[22])], why=json.loads(r[23]))
            for r in self._rows(
                "SELECT event_id, type, mode, contexts, cameo, date, date_text, location,"
                " historical, negated, hypothetical, future, confidence, rule, sentence,"
                " start_char, end_char, trigger, trigger_start, trigger_end, source_ids,"
                " target_ids, mentions, why, date_source FROM event_reports"
                " WHERE article_id = ? ORDER BY idx",
                article_id,
            )
        ]  # fmt: skip
        return AnalyzedDocument(article, actors, quotes, events, places, facts)

    def _rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, list(params)).fetchall()


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """duckdb.connect, waiting out another process that is creating the file: until its
    headers are written (three 4 kB blocks) DuckDB calls it not a database file, and two
    `ingest` runs started together on a new store failed with that E040 instead of E041."""
    deadline = time.monotonic() + CREATION_WAIT_S
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            if not _being_created(path, exc) or time.monotonic() > deadline:
                raise
        time.sleep(0.05)


def _being_created(path: str, exc: duckdb.Error) -> bool:
    if "not a valid DuckDB database" not in str(exc):
        return False
    try:
        return Path(path).stat().st_size < 3 * 4096  # with its headers, it is another file
    except FileNotFoundError:
        return True


def _open_error(path: str, exc: duckdb.Error) -> InputError:
    """E041 when another process holds the file's lock (DuckDB's message runs to several
    lines and a URL), else E040 with the message's first line."""
    message = str(exc)
    holder = _LOCK_HOLDER.search(message)
    if holder is not None:
        program = Path(holder[1]).name
        return InputError("E041", path, f"locked by {program}, PID {holder[2]}; try again later")
    return InputError("E040", path, message.splitlines()[0])


def _evidence_row(ev: Evidence) -> list[Any]:
    return [ev.sentence, ev.start, ev.end, ev.trigger, ev.trigger_start, ev.trigger_end]


def _resolve(ids: list[str], actors: dict[str, Actor], event_id: str) -> list[Actor]:
    missing = [i for i in ids if i not in actors]
    if missing:
        raise ValueError(f"event {event_id}: unknown actor id(s) {missing}")
    return [actors[i] for i in ids]


# the columns each document fills, in insert order; types for binding whole columns as lists
_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "url", "title", "author", "published", "language", "text", "removed",
                 "source", "ingested_at", "dateline"),
    "actors": ("article_id", "id", "idx", "name", "kind", "country", "affiliation", "role",
               "code", "sector", "country_basis"),
    "mentions": ("article_id", "kind", "owner_id", "idx", "text", "start_char", "end_char"),
    "quotes": ("article_id", "idx", "speaker", "text", "start_char", "end_char", "direct",
               "partial"),
    "places": ("article_id", "id", "idx", "name", "country", "geonameid", "lat", "lon", "kind"),
    "facts": ("article_id", "idx", "subject", "subject_text", "quantity", "unit", "approx",
              "sentence", "start_char", "end_char", "trigger", "trigger_start", "trigger_end"),
    "events": ("event_key", "type", "mode", "contexts", "cameo", "date", "date_start",
               "date_source", "source_names", "target_names", "source_codes", "target_codes",
               "location_name", "location_country", "location_lat", "location_lon",
               "historical", "negated", "hypothetical", "future", "confidence", "rule"),
    "event_reports": ("event_key", "article_id", "event_id", "idx", "type", "mode", "contexts",
                      "cameo", "date", "date_text", "date_source", "location", "historical",
                      "negated", "hypothetical", "future", "confidence", "rule", "sentence",
                      "start_char", "end_char", "trigger", "trigger_start", "trigger_end",
                      "source_ids", "target_ids", "mentions", "why"),
}  # fmt: skip
_TYPES: dict[str, str] = dict.fromkeys(
    ("idx", "start_char", "end_char", "trigger_start", "trigger_end"), "INTEGER"
) | dict.fromkeys(
    ("removed", "contexts", "source_names", "target_names", "source_codes", "target_codes",
     "source_ids", "target_ids"), "VARCHAR[]"
) | dict.fromkeys(
    ("direct", "partial", "approx", "historical", "negated", "hypothetical", "future"), "BOOLEAN"
) | dict.fromkeys(
    ("lat", "lon", "location_lat", "location_lon", "quantity", "confidence"), "DOUBLE"
) | {"published": "DATE", "date_start": "DATE", "ingested_at": "TIMESTAMP",
     "geonameid": "BIGINT"}  # fmt: skip
for _columns in _COLUMNS.values():
    for _column in _columns:
        _TYPES.setdefault(_column, "VARCHAR")
_EVENT_CONFIDENCE = _COLUMNS["events"].index("confidence")
# a new event takes this report's attributes; a known one only gains confidence
_EVENT_MERGE = (
    " ON CONFLICT (event_key) DO UPDATE SET"
    " confidence = greatest(events.confidence, excluded.confidence)"
)


@dataclass(slots=True)
class DocumentRows:
    """Every row one document adds, by table; events apart (they merge across articles)."""

    tables: dict[str, list[tuple[Any, ...]]]
    events: list[tuple[Any, ...]]


def _document_rows(doc: AnalyzedDocument) -> DocumentRows:
    """The rows of a document; ValueError when it breaks the contract (nothing written)."""
    art, aid = doc.article, doc.article.id
    period_start(art.published)  # reject a malformed date before DuckDB casts it
    mentions = [("actor", a.id, a.mentions) for a in doc.actors]
    mentions += [("place", p.id, p.mentions) for p in doc.places]
    tables: dict[str, list[tuple[Any, ...]]] = {
        "articles": [(aid, art.url, art.title, art.author, art.published, art.language,
                      art.text, list(art.removed), art.source,
                      datetime.now(UTC).replace(tzinfo=None), art.dateline)],
        "actors": [(aid, a.id, i, a.name, a.kind, a.country, a.affiliation, a.role, a.code,
                    a.sector, a.country_basis) for i, a in enumerate(doc.actors)],
        "mentions": [(aid, kind, owner, i, m.text, m.start, m.end)
                     for kind, owner, ms in mentions for i, m in enumerate(ms)],
        "quotes": [(aid, i, q.speaker, q.text, q.start, q.end, q.direct, q.partial)
                   for i, q in enumerate(doc.quotes)],
        "places": [(aid, p.id, i, p.name, p.country, p.geonameid, p.lat, p.lon, p.kind)
                   for i, p in enumerate(doc.places)],
        "facts": [(aid, i, f.subject, f.subject_text, f.quantity, f.unit, f.approx,
                   *_evidence_row(f.evidence)) for i, f in enumerate(doc.facts)],
        "event_reports": [],
    }  # fmt: skip
    events: list[tuple[Any, ...]] = []
    actors = {a.id: a for a in doc.actors}
    places = {p.id: p for p in doc.places}
    for idx, ev in enumerate(doc.events):
        src, tgt = _resolve(ev.source, actors, ev.id), _resolve(ev.target, actors, ev.id)
        if ev.location is not None and ev.location not in places:
            raise ValueError(f"event {ev.id}: unknown place {ev.location!r}")
        place = places.get(ev.location) if ev.location else None
        key = event_key(
            ev.type, [a.name for a in src], [a.name for a in tgt], ev.date,
            negated=ev.negated, published=art.published, article_id=aid,
        )  # fmt: skip
        # an undated event is dated by its article where the record says so (date_source)
        fallback = art.published if ev.date is None and ev.date_source else None
        events.append(
            (key, ev.type, ev.mode, list(ev.contexts), ev.cameo, ev.date,
             period_start(ev.date or fallback), ev.date_source if ev.date or fallback else None,
             [a.name for a in src], [a.name for a in tgt],
             [a.code for a in src], [a.code for a in tgt],
             place.name if place else None, place.country if place else None,
             place.lat if place else None, place.lon if place else None,
             ev.historical, ev.negated, ev.hypothetical, ev.future, ev.confidence, ev.rule)
        )  # fmt: skip
        tables["event_reports"].append(
            (key, aid, ev.id, idx, ev.type, ev.mode, list(ev.contexts), ev.cameo, ev.date,
             ev.date_text, ev.date_source, ev.location, ev.historical, ev.negated,
             ev.hypothetical, ev.future, ev.confidence, ev.rule, *_evidence_row(ev.evidence),
             list(ev.source), list(ev.target), json.dumps([asdict(m) for m in ev.mentions]),
             json.dumps(ev.why))
        )  # fmt: skip
    return DocumentRows(tables, events)
