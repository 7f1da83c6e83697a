"""HTML pages through trafilatura and the shared junk filter."""

from __future__ import annotations

import pytest

from eventwire.errors import InputError
from eventwire.ingest.html import article_from_html

_PARAGRAPHS = (
    "The defence ministers of Ruritania and Freedonia met in Strelsau on Wednesday to sign "
    "an agreement on joint air patrols along their shared border.",
    "Under the agreement, both air forces will exchange radar data and coordinate flights, "
    "the Ruritanian ministry said in a statement after the signing ceremony.",
    "Freedonia's minister told reporters that the patrols would begin in the autumn and that "
    "other neighbouring states had been invited to join the arrangement.",
)


def _page(meta: str = "", extra_body: str = "") -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ruritania and Freedonia sign air patrol pact | Example Wire</title>
{meta}
<script>var tracker = "window.alert('should never appear in the body')";</script>
<style>p {{ color: red }}</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Ruritania and Freedonia sign air patrol pact</h1>
{paragraphs}
{extra_body}
</article>
<footer><p>Copyright 2024 Example Wire</p></footer>
</body></html>"""


def test_body_metadata_and_paragraphs() -> None:
    meta = (
        '<meta name="author" content="Ana Petrova">'
        '<meta property="article:published_time" content="2024-05-14T09:30:00+02:00">'
    )
    article = article_from_html(_page(meta), url="https://news.example.org/a/1", source="a.html")
    assert article.text.split("\n\n") == list(_PARAGRAPHS)
    assert article.title == "Ruritania and Freedonia sign air patrol pact"  # <h1>, no site suffix
    assert article.author == "Ana Petrova"
    assert article.published == "2024-05-14"
    assert article.url == "https://news.example.org/a/1"
    assert article.source == "a.html"
    assert "tracker" not in article.text and "color" not in article.text


def test_no_stated_date_stays_none() -> None:
    article = article_from_html(_page())
    assert article.published is None


def test_explicit_published_wins_and_is_validated() -> None:
    meta = '<meta property="article:published_time" content="2024-05-14">'
    assert article_from_html(_page(meta), published="2024-05-15").published == "2024-05-15"
    with pytest.raises(InputError) as err:
        article_from_html(_page(meta), published="15 May 2024")
    assert err.value.code == "E030"


def test_junk_inside_the_article_goes_to_removed() -> None:
    extra = "<p>Share this</p><p>Advertisement</p><p>You may also like</p>"
    article = article_from_html(_page(extra_body=extra))
    assert article.text.split("\n\n") == list(_PARAGRAPHS)
    for line in ("Share this", "Advertisement", "You may also like"):
        assert line in article.removed


def test_bytes_input_and_broken_markup() -> None:
    broken = (
        "<html><body><div><p>" + _PARAGRAPHS[0] + "<p>" + _PARAGRAPHS[1] + "</div></span></b>"
        "<p>" + _PARAGRAPHS[2] + "<div <<>>"
    )
    article = article_from_html(broken.encode("utf-8"))
    for paragraph in _PARAGRAPHS:
        assert paragraph in article.text


@pytest.mark.parametrize(
    "html",
    [
        "",
        b"",
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<<<>>>",
        "<html><body><script>var x = 1;</script></body></html>",
        b"\x00\x01\x02<html>",
    ],
)
def test_pages_without_body_are_e015(html: str | bytes) -> None:
    with pytest.raises(InputError) as err:
        article_from_html(html, source="page.html")
    assert err.value.code == "E015"
    assert str(err.value).startswith("E015 page.html:")
