"""The bad-input corpus: inputs people and hostile sites feed a news pipeline, generated on
the fly (nothing big is committed). Shared by tests/test_bad_input_corpus.py (the batch in
CI) and bench/bad_inputs.py (time and memory per input).

Each case is a file name, its bytes, and what `ingest` must do with it: the error code of
its one line, or None when the input is legitimate and must be analysed and stored.
"""

from __future__ import annotations

import codecs
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

KIDAL = """Rebels Attack Army Post Near Kidal

Rebels attacked an army post near Kidal on Sunday, killing 12 soldiers, the Malian army said.

The army said it had sent reinforcements to the region and that the attackers had fled north.
"""
LIMA = """Police Detain Protesters in Lima

Police in Lima arrested 40 protesters on Tuesday after a march on the Congress turned violent,
the interior ministry said.
"""
# legitimate text in a legacy encoding: curly quotes and an accent in cp1252
CP1252 = """Minister Visits Quito

Colombia\x92s foreign minister met Ecuador\x92s president in Quito on Monday, and both called
for \x93calm\x94 on the border, the caf\xe9 owners\x92 association said.
""".encode("latin-1")
UTF16 = """Talks Resume in Geneva

Iran and the European Union resumed nuclear talks in Geneva on Thursday, Iranian state
media said, after a pause of six months.
"""
GERMAN = """Die Regierung hat am Montag neue Sanktionen gegen das Land beschlossen, wie ein
Sprecher des Auswärtigen Amtes in Berlin mitteilte. Die Maßnahmen sollen ab der nächsten
Woche gelten und richten sich gegen mehrere Unternehmen und Personen, die nach Angaben der
Regierung an der Umgehung früherer Sanktionen beteiligt waren. Die Opposition kritisierte
den Schritt als zu spät und forderte weitere Maßnahmen gegen die Verantwortlichen.
"""
ARABIC = """قالت وزارة الخارجية يوم الاثنين إن المحادثات مع الدول المجاورة ستستأنف الأسبوع المقبل
في العاصمة، وإن الوفد سيناقش قضايا الحدود والتجارة والمياه.
"""
HEBREW = "משרד החוץ הודיע ביום שני כי השיחות עם המדינות השכנות יחודשו בשבוע הבא בבירה.\n"
EMOJI = "🔥🔥🔥 💥💥 🕊️🕊️\n\n😡😡😡 🇺🇦🇷🇺 ✊✊\n"
XXE = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&xxe;</title>
<item><title>&xxe;</title><link>https://news.example/&xxe;</link></item>
</channel></rss>
"""
_LAUGHS = "".join(
    f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n else "lol"}">\n' for n in range(10)
)
BILLION_LAUGHS = f"""<?xml version="1.0"?>
<!DOCTYPE rss [
{_LAUGHS}]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>https://news.example/a</link></item>
</channel></rss>
""".encode()


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(
        b"IEND", b""
    )


def _zip() -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("story.txt", KIDAL)
    return buf.getvalue()


def _pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _huge_text(size: int) -> bytes:
    para = ("The foreign minister met the envoy in Geneva on Monday. " * 12).encode()
    reps = size // (len(para) + 2) + 1
    return (b"Talks in Geneva\n\n" + b"\n\n".join([para] * reps))[:size]


def _long_sentence(chars: int) -> bytes:
    unit = "and the envoy met the delegation in the capital "
    return ("The minister said that " + unit * (chars // len(unit))).encode()


def _deep_html(depth: int) -> bytes:
    body = "<div>" * depth + "<p>" + KIDAL.split("\n\n")[1] + "</p>" + "</div>" * depth
    return f"<!DOCTYPE html><html><body>{body}</body></html>".encode()


def _tiny_elements(count: int) -> bytes:
    return ("<!DOCTYPE html><html><body>" + "<span>x</span>" * count + "</body></html>").encode()


def _nul_bytes() -> bytes:
    return KIDAL.encode().replace(b" ", b" \x00", 5)


def _invalid_utf8() -> bytes:
    return bytes(range(0x80, 0x100)) * 8  # continuation and lead bytes in no valid order


# name -> (bytes maker, expected code or None for "analysed and stored")
CASES: dict[str, tuple[Callable[[], bytes], str | None]] = {
    "kidal.txt": (lambda: KIDAL.encode(), None),
    "empty.txt": (lambda: b"", "E011"),
    "whitespace.txt": (lambda: b" \n\t\r\n   \n", "E011"),
    "image.png": (_png, "E012"),
    "archive.zip": (_zip, "E012"),
    "report.pdf": (_pdf, "E012"),
    "huge-30mb.txt": (lambda: _huge_text(30_000_000), "E013"),
    "invalid-utf8.txt": (_invalid_utf8, "E014"),
    "cp1252.txt": (lambda: CP1252, None),
    "utf16-bom.txt": (lambda: codecs.BOM_UTF16_LE + UTF16.encode("utf-16-le"), None),
    "nul-bytes.txt": (_nul_bytes, "E012"),
    "deep-10k.html": (lambda: _deep_html(10_000), "E015"),  # lxml stops at depth 256
    "tiny-100k.html": (lambda: _tiny_elements(100_000), "E013"),
    "sentence-200k.txt": (lambda: _long_sentence(200_000), "E015"),
    "german.txt": (lambda: GERMAN.encode(), "E016"),
    "arabic-rtl.txt": (lambda: ARABIC.encode(), "E016"),
    "hebrew-rtl.txt": (lambda: HEBREW.encode(), "E016"),
    "emoji.txt": (lambda: EMOJI.encode(), "E015"),
    "xxe-feed.xml": (lambda: XXE, "E015"),
    "billion-laughs.xml": (lambda: BILLION_LAUGHS, "E015"),
    "lima.txt": (lambda: LIMA.encode(), None),
}


def write_cases(folder: Path) -> dict[Path, str | None]:
    """Write every case into `folder`; path -> expected code (None: stored)."""
    out = {}
    for name, (make, code) in CASES.items():
        path = folder / name
        path.write_bytes(make())
        out[path] = code
    return out
