"""Bytes to text: binary sniffing, charset decoding, HTML detection, an English check."""

from __future__ import annotations

import codecs
import functools
import re

from eventwire.datafiles import tsv_rows
from eventwire.errors import InputError

# magic numbers of formats people feed in by mistake
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP (or docx/xlsx/epub)"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"RIFF", "RIFF (WAV/AVI/WebP)"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet"),
)
# UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_TAG = re.compile(
    r"</?(?:html|head|body|div|span|p|a|br|script|style|meta|link|table|tr|td|li|ul|ol"
    r"|h[1-6]|article|section|header|footer|nav|img|title)\b[^>]*>",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_MARKUP = re.compile(r"<[^<>]{0,2000}>")  # a tag, an XML declaration, a DTD declaration
_MIN_WORDS = 3  # "Ceasefire" alone is a word, not an article: it was coded as an event
_MAX_MARKUP_SHARE = 0.25  # XML or a DTD given as text: most of its characters are tags
_MIN_LATIN_SHARE = 0.5  # of the letters; counted per letter, as Chinese has no spaces
_MIN_WORDS_FOR_LANGUAGE = 40  # below this, only a clear case is refused
_MIN_WORDS_AT_ALL = 12  # shorter texts are not judged: too little evidence
_CLEAR_OTHER_SHARE = 0.2  # a short text is refused only when another language is this clear
_MIN_ENGLISH_SHARE = 0.15  # English prose scores 0.3-0.45, German about 0.1


def sniff_binary(data: bytes, source: str) -> None:
    """InputError E012 when the bytes are a known binary format or look like one."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError("E012", source, kind)
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return  # UTF-16/32 text is full of NULs
    head = data[:8192]
    if b"\x00" in head:
        raise InputError("E012", source, "contains NUL bytes")
    controls = sum(1 for b in head if b < 0x20 and b not in _TEXT_CONTROLS)
    if head and controls / len(head) > 0.05:
        raise InputError("E012", source, f"{controls} control bytes in the first {len(head)}")


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset a Content-Type header or an HTML <meta> declares, if Python knows it."""
    names: list[str] = []
    if content_type:
        header = re.search(r"charset\s*=\s*\"?([A-Za-z0-9_.:-]+)", content_type, re.I)
        if header:
            names.append(header.group(1))
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        names.append(meta.group(1).decode("ascii", "replace"))
    for name in names:
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def decode_bytes(data: bytes, source: str, content_type: str | None = None) -> str:
    """Decode input bytes to text.

    Order: a BOM is authoritative; then strict UTF-8 (valid UTF-8 with non-ASCII bytes is
    almost never an accident, and many pages declare the wrong charset); then a declared
    charset; then cp1252, the usual encoding of legacy Western text (a superset of latin-1's
    printable range), and latin-1 for the five bytes cp1252 leaves undefined.
    """
    if not data.strip():
        raise InputError("E011", source)
    sniff_binary(data, source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError("E014", source, f"invalid {encoding}: {err.reason}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    charset = declared_charset(data, content_type)
    if charset and charset != "utf-8":
        try:
            return data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            pass
    high = sum(1 for b in data[:65536] if b >= 0x80)
    if high / min(len(data), 65536) > 0.3:
        # a single-byte Western text is mostly ASCII; this is some other encoding or noise
        raise InputError("E014", source, "not UTF-8 and too many non-ASCII bytes for cp1252")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def looks_like_html(text: str, content_type: str | None = None) -> bool:
    """HTML by Content-Type, by a leading doctype/<html>, or by many tags in the head."""
    if content_type:
        kind = content_type.split(";")[0].strip().lower()
        if kind in ("text/html", "application/xhtml+xml"):
            return True
    if _HTML_START.match(text[:4096]):
        return True
    head = text[:20000]
    tags = _TAG.findall(head)
    return len(tags) >= 5 and sum(map(len, tags)) > 0.02 * len(head)


@functools.cache
def function_words() -> dict[str, frozenset[str]]:
    """Language code -> frequent function words, from data/function_words.tsv."""
    rows = tsv_rows("eventwire.ingest", "function_words.tsv")
    return {lang: frozenset(words.split()) for lang, words, *_ in rows}


def english_share(text: str) -> tuple[float, int]:
    """(share of common English function words among word tokens, number of tokens)."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0, 0
    english = function_words()["en"]
    return sum(1 for w in words if w in english) / len(words), len(words)


def _latin(letter: str) -> bool:
    return letter <= "\u024f" or "\u1e00" <= letter <= "\u1eff"  # Latin, Extended A/B/Additional


def check_text(text: str, source: str) -> None:
    """InputError E015 for text that is no prose at all: no letters (emoji, digits, symbols),
    mostly markup (XML, a DTD), or fewer than three words; E016 when most letters are not in
    the Latin script, however short the text (a Chinese sentence is one "word" to `_WORD`)."""
    letters = _LETTER.findall(text)
    if not letters:
        raise InputError("E015", source, "no words: only symbols, digits or emoji")
    non_latin = sum(1 for c in letters if not _latin(c)) / len(letters)
    if non_latin > 1 - _MIN_LATIN_SHARE:
        raise InputError("E016", source, f"{non_latin:.0%} of its letters are not Latin script")
    markup = sum(len(tag) for tag in _MARKUP.findall(text)) / len(text)
    if markup > _MAX_MARKUP_SHARE:
        raise InputError("E015", source, f"{markup:.0%} of its characters are XML or other tags")
    words = len(_WORD.findall(text))
    if words < _MIN_WORDS:
        raise InputError("E015", source, f"{words} word{'s' * (words != 1)}, not an article")


def check_english(text: str, source: str) -> None:
    """`check_text`, then InputError E016 for text that is clearly not English; short texts
    (under 12 words) pass, and under 40 words only a clear case (another language plainly
    dominant) is refused.

    Low English function-word share alone is not enough (lists, recipes and tables score low
    too): the text must also score higher in another language.
    """
    check_text(text, source)
    words = _WORD.findall(text.lower())
    if len(words) < _MIN_WORDS_AT_ALL:
        return
    short = len(words) < _MIN_WORDS_FOR_LANGUAGE
    shares = {
        lang: sum(1 for w in words if w in vocab) / len(words)
        for lang, vocab in function_words().items()
    }
    english = shares.pop("en")
    if english >= _MIN_ENGLISH_SHARE:
        return
    other_lang, other = max(shares.items(), key=lambda item: item[1])
    if other <= english or (short and (other < _CLEAR_OTHER_SHARE or english >= other / 2)):
        return
    detail = f"{english:.0%} English vs {other:.0%} {other_lang} function words"
    raise InputError("E016", source, detail)
