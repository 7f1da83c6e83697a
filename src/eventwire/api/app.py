"""The HTTP API and the static explorer page.

`create_app(db_path)` builds a FastAPI app over a DuckDB store; `serve()` runs it with
uvicorn. Read-only unless a write token is given. Every error body is `{"error": "..."}`.
"""

from __future__ import annotations

import csv
import hmac
import io
import ipaddress
import json
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

import duckdb
from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.api import lookups
from eventwire.api.cache import ResponseCache
from eventwire.api.database import Database, QueryTimeout
from eventwire.api.models import (
    ActorRow,
    ActorsPage,
    ArticleIn,
    ArticleStored,
    Dyad,
    ErrorBody,
    EventDetail,
    EventRow,
    EventsPage,
    EventType,
    Network,
    Places,
    Timeline,
)
from eventwire.api.settings import resolve_settings
from eventwire.coding.ontology import event_types
from eventwire.errors import EventwireError, InputError
from eventwire.store import dyads, queries
from eventwire.store.db import TABLES
from eventwire.store.export import export_sql

WEB = Path(__file__).resolve().parent / "web"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "testserver"]
EVENT_COLUMNS = tuple(EventRow.model_fields)
ACTOR_COLUMNS = tuple(ActorRow.model_fields)
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ERRORS: dict[int | str, dict[str, Any]] = {422: {"model": ErrorBody}, 503: {"model": ErrorBody}}


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def host_name(header: str) -> str:
    """The host of a Host header, without port or IPv6 brackets: "[::1]:8000" -> "::1",
    "localhost:8000" -> "localhost". (Starlette's own check compared "[::1]" with "::1", or,
    in older versions, cut the header at its first colon.)"""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else ""
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class AllowedHosts:
    """Refuses (400) a request whose Host header names none of `hosts` ("*": any host)."""

    def __init__(self, app: ASGIApp, hosts: Sequence[str]) -> None:
        self.app = app
        self.hosts = frozenset(host_name(h) if h.startswith("[") else h.lower() for h in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and "*" not in self.hosts:
            header = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            if host_name(header) not in self.hosts:
                await _error(400, f"host {header!r} not allowed")(scope, receive, send)
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """Adds nosniff, a Content-Security-Policy and no-referrer to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"content-security-policy", CSP.encode()),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def event_filters(
    actor: Annotated[
        str | None, Query(max_length=200, description="source or target name or code")
    ] = None,
    country: Annotated[
        str | None,
        Query(max_length=100, description="a country's name or code, of an actor or the place"),
    ] = None,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. REQUEST")] = None,
    since: Annotated[
        str | None, Query(pattern=DATE_PATTERN, description="YYYY[-MM[-DD]], inclusive")
    ] = None,
    until: Annotated[
        str | None, Query(pattern=DATE_PATTERN, description="YYYY[-MM[-DD]], inclusive")
    ] = None,
    text: Annotated[
        str | None, Query(max_length=200, description="words in an evidence sentence")
    ] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> dict[str, Any]:
    """The shared filters of every listing (see store.queries.where)."""
    try:
        queries.check_filters(type=type, since=since, until=until)
        country = queries.resolve_country(country) if country else None
    except InputError as exc:
        raise ApiError(422, str(exc)) from None
    return {
        "actor": actor, "country": country, "type": type, "since": since, "until": until,
        "text": text, "min_confidence": min_confidence,
    }  # fmt: skip


Filters = Annotated[dict[str, Any], Depends(event_filters)]
Limit = Annotated[int | None, Query(ge=1, description="rows per page (max: max_page_size)")]
Offset = Annotated[int, Query(ge=0, le=queries.MAX_OFFSET)]
Format = Annotated[Literal["json", "csv"], Query(description="json or csv")]


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return "" if value is None else value


def _csv(rows: list[dict[str, Any]], columns: Sequence[str], name: str) -> Response:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return Response(
        buf.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'inline; filename="{name}.csv"'},
    )


def create_app(
    db_path: Path,
    *,
    token: str | None = None,
    settings: dict[str, Any] | None = None,
    allowed_hosts: Sequence[str] | None = None,
) -> FastAPI:
    """The API over the store at `db_path`; writes (POST /api/articles) only with a token.

    allowed_hosts: Host header values accepted (default: loopback names), which keeps a
    page on another site from reaching a local server through DNS rebinding.
    """
    conf = resolve_settings(settings)
    db = Database(
        Path(db_path), writable=token is not None, time_limit_ms=conf["query_time_limit_ms"]
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # the country table /api/places reads: built once here (~2 s), not in a first request
        # that every concurrent request would then queue behind
        await run_in_threadpool(lookups.country_info, "USA")
        yield
        db.close()

    app = FastAPI(
        title="eventwire",
        summary="PLOVER/CAMEO events coded from news, each traceable to its sentence.",
        docs_url=None,  # the Swagger/ReDoc pages load scripts from a CDN: not offline, not CSP
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db = db
    app.state.settings = conf
    # outermost last: security headers on everything, the host check before any answer,
    # kept answers stored compressed
    app.add_middleware(GZipMiddleware, minimum_size=1024)  # d3 + world map: 390 kB -> 130 kB
    app.add_middleware(ResponseCache, store=db, max_bytes=conf["response_cache_mb"] << 20)
    app.add_middleware(AllowedHosts, hosts=list(allowed_hosts or LOOPBACK_HOSTS))
    app.add_middleware(SecurityHeaders)
    _handlers(app)

    def page(limit: int | None) -> int:
        size = conf["default_page_size"] if limit is None else limit
        if size > conf["max_page_size"]:
            raise ApiError(422, f"limit must be at most {conf['max_page_size']} (max_page_size)")
        return size

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=WEB), name="static")

    @app.get("/api/events", response_model=EventsPage, responses=ERRORS, tags=["events"])
    def list_events(
        filters: Filters,
        limit: Limit = None,
        offset: Offset = 0,
        sort: Annotated[str, Query(description=f"one of {', '.join(queries.SORTS)}")] = "date",
        format: Format = "json",
    ) -> Any:
        """Events matching the filters, one row per de-duplicated event."""
        if sort not in queries.SORTS:
            raise ApiError(422, f"sort must be one of {', '.join(queries.SORTS)}")
        size = page(limit)
        with db.reader() as store:
            rows = queries.events(store, limit=size + 1, offset=offset, sort=sort, **filters)
            total = queries.count_events(store, **filters) if format == "json" else None
        more = len(rows) > size
        rows = rows[:size]
        if format == "csv":
            return _csv(rows, EVENT_COLUMNS, "events")
        return {"rows": rows, "total": total, "limit": size, "offset": offset,
                "next_offset": offset + size if more else None}  # fmt: skip

    @app.get(
        "/api/events/{event_id}", response_model=EventDetail, tags=["events"],
        responses={404: {"model": ErrorBody}, 503: {"model": ErrorBody}},
    )  # fmt: skip
    def get_event(
        event_id: Annotated[str, PathParam(max_length=128, description="event key")],
    ) -> Any:
        """One event with every article that reports it and each report's evidence."""
        with db.reader() as store:
            event = lookups.event_detail(store, event_id)
        if event is None:
            raise ApiError(404, f"no event {event_id!r}")
        return event

    @app.get("/api/actors", response_model=ActorsPage, responses=ERRORS, tags=["actors"])
    def list_actors(
        filters: Filters, limit: Limit = None, offset: Offset = 0, format: Format = "json"
    ) -> Any:
        """Actors of matching events, with how often each is source and target."""
        size = page(limit)
        with db.reader() as store:
            rows = queries.actors(store, limit=size + 1, offset=offset, **filters)
        more = len(rows) > size
        rows = rows[:size]
        if format == "csv":
            return _csv(rows, ACTOR_COLUMNS, "actors")
        return {"rows": rows, "limit": size, "offset": offset,
                "next_offset": offset + size if more else None}  # fmt: skip

    @app.get(
        "/api/articles/{article_id}", tags=["articles"],
        responses={404: {"model": ErrorBody}, 503: {"model": ErrorBody}},
    )  # fmt: skip
    def get_article(
        article_id: Annotated[str, PathParam(max_length=128, description="sha256 of the text")],
    ) -> dict[str, Any]:
        """The stored `eventwire/1` document: clean text, actors with mention spans,
        quotes, events with evidence spans, places and facts."""
        with db.reader() as store:
            doc = store.article(article_id)
        if doc is None:
            raise ApiError(404, f"no article {article_id!r}")
        return doc

    @app.get("/api/timeline", response_model=Timeline, responses=ERRORS, tags=["aggregates"])
    def get_timeline(
        filters: Filters,
        granularity: Literal["day", "week", "month", "year"] = "month",
        format: Format = "json",
    ) -> Any:
        """Event counts per period and type (only events dated at least that precisely)."""
        with db.reader() as store:
            rows = queries.timeline(store, granularity, by_type=True, **filters)
            precision = queries.date_precision_counts(store, **filters)
        if format == "csv":
            return _csv(rows, ("period", "type", "count"), "timeline")
        coarser = {"day": ("year", "month"), "week": ("year", "month"), "month": ("year",)}
        return {"granularity": granularity, "rows": rows, "undated": precision["undated"],
                "less_precise": sum(precision[p] for p in coarser.get(granularity, ()))}

    @app.get("/api/network", response_model=Network, responses=ERRORS, tags=["aggregates"])
    def get_network(filters: Filters) -> Any:
        """Source -> target actor pairs per event type, heaviest first."""
        with db.reader() as store:
            edges = queries.network(store, limit=conf["max_network_edges"], **filters)
            actors = queries.actors(store, limit=queries.MAX_LIMIT, **filters)
        counts: dict[str, int] = {}
        for a in actors:
            counts[a["name"]] = counts.get(a["name"], 0) + int(a["events"])
        names = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        return {"nodes": [{"id": n, "count": counts.get(n, 0)} for n in names], "edges": edges}

    @app.get("/api/types", response_model=list[EventType], tags=["events"])
    def list_types() -> Any:
        """The sixteen PLOVER event types with their family (quad) and definition."""
        return [{"type": t.name, "quad": t.quad, "definition": t.definition}
                for t in event_types().values()]  # fmt: skip

    @app.get("/api/dyads", response_model=Dyad, responses=ERRORS, tags=["aggregates"])
    def get_dyad(
        a: Annotated[str, Query(min_length=1, max_length=200, description="actor or country")],
        b: Annotated[str, Query(min_length=1, max_length=200, description="actor or country")],
        filters: Filters,
        granularity: Literal["month", "year"] = "month",
        limit: Limit = None,
    ) -> Any:
        """Events between two actors or countries, both ways: counts per period, direction
        and QuadClass with their Goldstein intensity, and the evidence of each event."""
        with db.reader() as store:
            return dyads.dyad(store, a, b, granularity=granularity, limit=page(limit), **filters)

    @app.get("/api/places", response_model=Places, responses=ERRORS, tags=["aggregates"])
    def get_places(
        filters: Filters,
        by: Annotated[
            Literal["location", "actor"],
            Query(description="count events located in a country, or with an actor of it"),
        ] = "location",
    ) -> Any:
        """Event counts per country (for the map: where events took place, or by=actor whose
        actors they involve) and per located place."""
        with db.reader() as store:
            rows = queries.places_counts(store, limit=queries.MAX_LIMIT, **filters)
            per_country = queries.country_counts(store, by=by, limit=queries.MAX_LIMIT, **filters)
            total = queries.count_events(store, **filters)
        countries = []
        for r in per_country:
            name, numeric = lookups.country_info(r["country"])
            if name is None:  # IGO, EUR, ...: actor codes that are not countries
                continue
            countries.append({"country": r["country"], "name": name, "iso_numeric": numeric,
                              "count": int(r["events"])})  # fmt: skip
        places = [{"name": r["name"], "country": r["country"], "lat": r["lat"], "lon": r["lon"],
                   "count": r["events"]} for r in rows[: conf["max_places"]]]  # fmt: skip
        placed = sum(int(r["events"]) for r in rows)
        return {"by": by, "countries": countries, "places": places, "unplaced": total - placed}

    @app.get("/api/export", tags=["export"], responses={422: {"model": ErrorBody}})
    def export(
        filters: Filters,
        format: Annotated[Literal["csv", "jsonl"], Query(description="csv or jsonl")] = "csv",
        table: Annotated[str, Query(description=f"one of {', '.join(TABLES)}")] = "events",
    ) -> StreamingResponse:
        """Every event matching the filters, one row each with the columns of
        docs/data-dictionary.md (or a whole store table, unfiltered), streamed (no paging,
        no time limit)."""
        if table not in TABLES:
            raise ApiError(422, f"table must be one of {', '.join(TABLES)}")
        if table != "events" and any(v is not None for v in filters.values()):
            raise ApiError(422, "filters apply to table=events only")
        media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson"
        return StreamingResponse(
            _stream(db, table, format, filters), media_type=media,
            headers={"Content-Disposition": f'attachment; filename="{table}.{format}"'},
        )  # fmt: skip

    @app.post(
        "/api/articles", response_model=ArticleStored, status_code=201, tags=["articles"],
        responses={400: {"model": ErrorBody}, 401: {"model": ErrorBody},
                   403: {"model": ErrorBody}, 413: {"model": ErrorBody}},
        openapi_extra={"requestBody": {"required": True, "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()}}}},
    )  # fmt: skip
    async def post_article(request: Request) -> Any:
        """Analyse an article (text, or a public URL to fetch) and store it.

        Needs the server's write token: `Authorization: Bearer <token>`."""
        if token is None:
            raise ApiError(403, "writes are disabled: start the server with a token")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode(), token.encode()
        ):
            raise ApiError(401, "missing or wrong bearer token")
        body = await _read_capped(request, conf["max_post_bytes"])
        try:
            data = ArticleIn.model_validate_json(body)
        except ValidationError as exc:
            raise ApiError(422, _validation_message(exc.errors())) from None
        if not data.text and not data.url:
            raise ApiError(422, "give 'text' or 'url'")
        if data.url and not data.url.lower().startswith(("http://", "https://")):
            # read_article would take anything else for a local path (or "-" for stdin)
            raise ApiError(422, "url must be an http:// or https:// address")
        created, doc = await run_in_threadpool(_analyse_and_store, db, data, conf)
        status = 201 if created else 200
        payload = {"id": doc.article.id, "created": created, "events": len(doc.events),
                   "href": f"/api/articles/{doc.article.id}"}  # fmt: skip
        return JSONResponse(payload, status_code=status)

    return app


def _analyse_and_store(db: Database, data: ArticleIn, conf: dict[str, int]) -> tuple[bool, Any]:
    source: Any = data.text
    if not data.text:
        from eventwire.ingest import read_article

        assert data.url is not None
        source = read_article(
            data.url, published=data.published, timeout=float(conf["fetch_timeout_s"]),
            max_bytes=conf["max_post_bytes"] * 10,
        )  # fmt: skip
    try:
        from eventwire.analysis import analyze
    except ImportError as exc:
        raise ApiError(503, f"the analysis pipeline is not available ({exc})") from None
    doc = analyze(source, published=data.published, url=data.url)
    return db.save(doc), doc


async def _read_capped(request: Request, cap: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise ApiError(413, f"request body over {cap} bytes (max_post_bytes)")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise ApiError(413, f"request body over {cap} bytes (max_post_bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def _stream(db: Database, table: str, fmt: str, filters: dict[str, Any]) -> Iterator[bytes]:
    with db.streamer() as store:
        cur = store.con.execute(*export_sql(store.con, table, fmt, filters))
        names = [d[0] for d in cur.description]
        if fmt == "csv":
            yield _csv_line(names)
        while batch := cur.fetchmany(1000):
            if fmt == "csv":
                yield b"".join(_csv_line([_cell(v) for v in row]) for row in batch)
            else:
                yield b"".join(
                    json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False,
                               default=str).encode() + b"\n"
                    for row in batch
                )  # fmt: skip


def _csv_line(values: Sequence[Any]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(values)
    return buf.getvalue().encode("utf-8")


def _validation_message(errors: Sequence[Any]) -> str:
    parts = []
    for err in errors:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        parts.append(f"{loc}: {err.get('msg')}" if loc else str(err.get("msg")))
    return "; ".join(parts) or "invalid request"


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return _error(exc.status, exc.message, headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, _validation_message(exc.errors()))

    @app.exception_handler(QueryTimeout)
    async def timeout(_: Request, exc: QueryTimeout) -> JSONResponse:
        return _error(503, f"{exc}: narrow the filters or ask for fewer rows")

    @app.exception_handler(EventwireError)
    async def input_error(_: Request, exc: EventwireError) -> JSONResponse:
        too_large = isinstance(exc, InputError) and exc.code == "E013"
        return _error(413 if too_large else 400, str(exc))

    @app.exception_handler(ValueError)
    async def value_error(_: Request, exc: ValueError) -> JSONResponse:
        return _error(422, str(exc))

    @app.exception_handler(duckdb.Error)
    async def db_error(_: Request, exc: duckdb.Error) -> JSONResponse:
        return _error(500, "database error")


def serve(
    db: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    *,
    allow_remote: bool = False,
    settings: dict[str, Any] | None = None,
) -> None:
    """Run the explorer with uvicorn; refuses a non-loopback host unless allow_remote."""
    import uvicorn

    loopback = _is_loopback(host)
    if not loopback and not allow_remote:
        raise ValueError(
            f"refusing to listen on {host!r}: the API has no user accounts; bind 127.0.0.1, "
            "or pass allow_remote=True behind an authenticating proxy"
        )
    hosts = None if loopback else ["*"]
    app = create_app(db, token=token, settings=settings, allowed_hosts=hosts)
    uvicorn.run(app, host=host, port=port, log_level="info")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
