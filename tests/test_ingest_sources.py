"""Reading sources: files, stdin, URLs (with the address guard), decoding, feeds."""

from __future__ import annotations

import codecs
import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from eventwire.errors import InputError
from eventwire.ingest.sources import expand_sources, feed_links, fetch_url, read_article

STORY = (
    "Carpathia and Moldavia Resume Talks\n\n"
    "The prime ministers of Carpathia and Moldavia met in the border town of Vlasta on Friday "
    "and agreed to resume talks on the disputed river islands, a government spokesman said.\n\n"
    "It was the first meeting between the two leaders since the crisis began in the spring.\n"
)
HTML_STORY = (
    "<!doctype html><html><head><title>Talks resume</title></head><body><article>"
    "<p>The prime ministers of Carpathia and Moldavia met in the border town of Vlasta on "
    "Friday and agreed to resume talks on the disputed river islands.</p>"
    "<p>It was the first meeting between the two leaders since the crisis began in the "
    "spring, and the spokesman called it a good start.</p></article></body></html>"
)
# a public address literal: the guard passes it without DNS, the mock transport answers it
PUBLIC = "http://93.184.216.34"


def _code(excinfo: pytest.ExceptionInfo[InputError]) -> str:
    return excinfo.value.code


# --- files and stdin ---------------------------------------------------------------------


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    article = read_article(str(path))
    assert article.title == "Carpathia and Moldavia Resume Talks"
    assert article.text.startswith("The prime ministers")
    assert article.source == str(path)
    assert article.url is None


def test_html_detected_by_content_not_suffix(tmp_path: Path) -> None:
    path = tmp_path / "saved-page.txt"
    path.write_text(HTML_STORY, encoding="utf-8")
    article = read_article(str(path), url="https://news.example.org/x")
    assert article.text.startswith("The prime ministers")
    assert "<p>" not in article.text
    assert article.url == "https://news.example.org/x"


def test_latin1_and_cp1252_bytes(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    body = STORY.replace("Vlasta", "Vlästa").replace(
        "spokesman said", "spokesman said \u2013 twice"
    )
    path.write_bytes(body.encode("cp1252"))
    article = read_article(str(path))
    assert "Vlästa" in article.text and "\u2013 twice" in article.text


def test_utf8_bom_and_utf16_bom(tmp_path: Path) -> None:
    bom8 = tmp_path / "bom8.txt"
    bom8.write_bytes(codecs.BOM_UTF8 + STORY.replace("Vlasta", "Vlašta").encode("utf-8"))
    article = read_article(str(bom8))
    assert article.title == "Carpathia and Moldavia Resume Talks"  # BOM not glued to title
    assert "Vlašta" in article.text
    bom16 = tmp_path / "bom16.txt"
    bom16.write_bytes(STORY.encode("utf-16"))
    assert read_article(str(bom16)).text == article.text.replace("Vlašta", "Vlasta")


def test_html_meta_charset_used_when_not_utf8(tmp_path: Path) -> None:
    page = HTML_STORY.replace("<head>", '<head><meta charset="iso-8859-7">').replace(
        "Vlasta", "Vlasta (Βλάστα)"
    )
    path = tmp_path / "greek.html"
    path.write_bytes(page.encode("iso-8859-7"))
    assert "Βλάστα" in read_article(str(path)).text


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(40), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x1f\x8b\x08\x00" + bytes(20), "gzip"),
        (b"PK\x03\x04" + bytes(30), "ZIP"),
        (b"The minister\x00 said\x00 nothing\x00", "NUL"),
        (bytes(range(1, 32)) * 20, "control"),
    ],
)
def test_binary_is_e012(tmp_path: Path, data: bytes, detail: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_article(str(path))
    assert _code(err) == "E012"
    assert detail in str(err.value)


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t "])
def test_empty_file_is_e011(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_article(str(path))
    assert _code(err) == "E011"
    assert str(path) in str(err.value)


def test_missing_file_and_directory_are_e010(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_article(str(tmp_path / "nope.txt"))
    assert _code(err) == "E010"
    with pytest.raises(InputError) as err:
        read_article(str(tmp_path))
    assert _code(err) == "E010"


def test_too_large_file_is_e013(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(STORY * 50, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_article(str(path), max_bytes=1000)
    assert _code(err) == "E013"
    assert read_article(str(path), max_bytes=100_000).text  # the same file under the limit


def test_undecodable_bytes_are_e014(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 8)
    with pytest.raises(InputError) as err:
        read_article(str(path))
    assert _code(err) == "E014"


def test_stdin() -> None:
    article = read_article("-", stdin=io.BytesIO(STORY.encode("utf-8")))
    assert article.source == "-"
    assert article.text.startswith("The prime ministers")
    with pytest.raises(InputError) as err:
        read_article("-", stdin=io.BytesIO(b""))
    assert _code(err) == "E011" and str(err.value).startswith("E011 -:")
    with pytest.raises(InputError) as err:
        read_article("-", stdin=io.BytesIO(STORY.encode() * 10), max_bytes=200)
    assert _code(err) == "E013"


def test_published_passed_through_and_validated(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    assert read_article(str(path), published="2024-06-07").published == "2024-06-07"
    with pytest.raises(InputError) as err:
        read_article(str(path), published="June 7")
    assert _code(err) == "E030"


def test_non_english_is_e016_but_short_text_is_lenient(tmp_path: Path) -> None:
    german = (
        "Die Regierungschefs der beiden Nachbarländer haben sich am Freitag in der Grenzstadt "
        "getroffen und vereinbart, die Gespräche über die umstrittenen Flussinseln wieder "
        "aufzunehmen. Es war das erste Treffen seit Beginn der Krise im Frühjahr, sagte ein "
        "Sprecher der Regierung. Beide Seiten wollen nun eine gemeinsame Kommission bilden, "
        "die bis zum Ende des Jahres einen Vorschlag vorlegen soll.\n"
    )
    path = tmp_path / "de.txt"
    path.write_text(german, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_article(str(path))
    assert _code(err) == "E016"
    # English with few function words (a results list) is not mistaken for another language
    roster = "Final standings, regional security summit working groups:\n\n" + "\n\n".join(
        f"Group {n}: Carpathia, Moldavia, Freedonia, Ruritania delegations; chair Ana Petrova"
        for n in range(1, 9)
    )
    (tmp_path / "roster.txt").write_text(roster, encoding="utf-8")
    assert read_article(str(tmp_path / "roster.txt")).text.startswith("Final standings")
    short = tmp_path / "short.txt"
    short.write_text("Gespräche in Vlasta wieder aufgenommen.\n", encoding="utf-8")
    assert read_article(str(short)).text == "Gespräche in Vlasta wieder aufgenommen."


# --- URL guard (no network: all of these are refused before any connection) -------------


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://127.0.0.1/", "E020"),
        ("http://10.0.0.1/", "E020"),
        ("http://192.168.1.20:8080/x", "E020"),
        ("http://169.254.169.254/latest/meta-data/", "E020"),
        ("http://[::1]/", "E020"),
        ("http://[::ffff:127.0.0.1]/", "E020"),
        ("http://0.0.0.0/", "E020"),
        ("http://224.0.0.1/", "E020"),
        ("http://localhost/", "E020"),
        ("file:///etc/passwd", "E023"),
        ("ftp://93.184.216.34/file.txt", "E023"),
        ("gopher://93.184.216.34/", "E023"),
    ],
)
def test_refused_urls(url: str, code: str) -> None:
    with pytest.raises(InputError) as err:
        read_article(url)
    assert _code(err) == code
    assert url in str(err.value)


def _mock(handler: object) -> httpx.MockTransport:
    return httpx.MockTransport(handler)  # type: ignore[arg-type]


def test_fetch_via_mock_transport() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/story"
        return httpx.Response(200, text=HTML_STORY, headers={"content-type": "text/html"})

    body, content_type = fetch_url(f"{PUBLIC}/story", transport=_mock(handler))
    assert body == HTML_STORY.encode("utf-8")
    assert content_type == "text/html"


def test_redirect_to_private_address_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "93.184.216.34":
            return httpx.Response(302, headers={"location": "http://127.0.0.1:9/secret"})
        raise AssertionError("the private hop must never be requested")

    with pytest.raises(InputError) as err:
        fetch_url(f"{PUBLIC}/go", transport=_mock(handler))
    assert _code(err) == "E020"


def test_redirect_to_file_scheme_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"location": "file:///etc/passwd"})

    with pytest.raises(InputError) as err:
        fetch_url(f"{PUBLIC}/go", transport=_mock(handler))
    assert _code(err) == "E023"


def test_redirects_followed_then_limited() -> None:
    hops: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hops.append(request.url.path)
        n = int(request.url.path.strip("/") or 0)
        if n < 3:
            return httpx.Response(302, headers={"location": f"/{n + 1}"})
        return httpx.Response(200, content=b"done")

    assert fetch_url(f"{PUBLIC}/0", transport=_mock(handler))[0] == b"done"
    assert hops == ["/0", "/1", "/2", "/3"]

    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": "/again"})

    with pytest.raises(InputError) as err:
        fetch_url(f"{PUBLIC}/start", transport=_mock(loop))
    assert _code(err) == "E021" and "redirects" in str(err.value)


def test_http_error_status_is_e021() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, text="not here")

    with pytest.raises(InputError) as err:
        fetch_url(f"{PUBLIC}/missing", transport=_mock(handler))
    assert _code(err) == "E021" and "404" in str(err.value)


def test_streamed_body_over_limit_is_e013() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        chunks = (b"x" * 1000 for _ in range(100))  # no Content-Length: streamed
        return httpx.Response(200, content=chunks)

    with pytest.raises(InputError) as err:
        fetch_url(f"{PUBLIC}/big", transport=_mock(handler), max_bytes=5000)
    assert _code(err) == "E013"


def test_transport_failure_is_e021() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with pytest.raises(InputError) as err:
        fetch_url(f"{PUBLIC}/", transport=_mock(handler))
    assert _code(err) == "E021"


# --- a real server on 127.0.0.1 ----------------------------------------------------------

_RELEASE = threading.Event()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/hang":
            _RELEASE.wait(10)  # never answers within the client's timeout
            return
        if self.path == "/big":
            body = b"The minister spoke. " * 5000
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/story")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        else:
            body = HTML_STORY.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep test output clean


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        _RELEASE.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_local_server_refused_by_default(server: str) -> None:
    with pytest.raises(InputError) as err:
        read_article(f"{server}/story")
    assert _code(err) == "E020"


def test_local_server_with_allow_private(server: str) -> None:
    article = read_article(f"{server}/moved", allow_private=True)
    assert article.text.startswith("The prime ministers")
    assert article.url == f"{server}/moved"
    assert article.source == f"{server}/moved"


def test_hanging_server_times_out(server: str) -> None:
    with pytest.raises(InputError) as err:
        read_article(f"{server}/hang", allow_private=True, timeout=0.5)
    assert _code(err) == "E022"


def test_server_body_over_limit(server: str) -> None:
    with pytest.raises(InputError) as err:
        read_article(f"{server}/big", allow_private=True, max_bytes=10_000)
    assert _code(err) == "E013"


# --- expanding sources and feeds ---------------------------------------------------------


def test_expand_sources(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "a.html").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.htm").write_text("x")
    specs = [str(tmp_path), "-", "https://example.org/a", str(tmp_path / "missing.txt")]
    assert list(expand_sources(specs)) == [
        str(tmp_path / "a.html"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "notes.md"),
        str(tmp_path / "sub" / "c.htm"),
        "-",
        "https://example.org/a",
        str(tmp_path / "missing.txt"),
    ]


def test_feed_links_rss_and_atom() -> None:
    rss = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link>
<item><title>One</title><link> https://wire.example.org/1 </link></item>
<item><title>Two</title><guid isPermaLink="true">https://wire.example.org/2</guid></item>
<item><title>Dup</title><link>https://wire.example.org/1</link></item>
<item><title>No link</title><guid isPermaLink="false">tag:wire,3</guid></item>
</channel></rss>"""
    assert feed_links(rss) == ["https://wire.example.org/1", "https://wire.example.org/2"]
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<link href="https://wire.example.org/"/>
<entry><title>A</title><link rel="self" href="https://wire.example.org/a.xml"/>
<link href="https://wire.example.org/a"/></entry>
<entry><title>B</title><link rel="alternate" type="text/html" href="https://wire.example.org/b"/>
</entry></feed>"""
    assert feed_links(atom) == ["https://wire.example.org/a", "https://wire.example.org/b"]


def test_feed_links_ignores_entities_and_rejects_garbage() -> None:
    evil = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss><channel><item><link>&x;</link></item>
<item><link>https://wire.example.org/ok</link></item></channel></rss>"""
    assert feed_links(evil) == ["https://wire.example.org/ok"]
    with pytest.raises(InputError) as err:
        feed_links(b"\x00\x01 not xml")
    assert _code(err) == "E015"


def test_short_paragraph_in_another_language_is_refused() -> None:
    # regression: texts under 40 words were never judged, so a German lead paragraph passed
    from eventwire.ingest.decode import check_english

    german = (
        "Die Regierung hat am Dienstag mit der Opposition über die neue Verfassung gesprochen, "
        "aber es gibt noch keine Einigung über die Rolle des Parlaments und der Gerichte."
    )
    with pytest.raises(InputError) as err:
        check_english(german, "lead.txt")
    assert err.value.code == "E016" and "lead.txt" in str(err.value)
    check_english("The government and the opposition met on Tuesday in the capital.", "a.txt")
    check_english("Berlin, Paris und London: die Namen der Städte.", "too-short.txt")
