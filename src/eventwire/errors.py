"""One catalogue of user-facing errors, each with a code a user can search for.

A bad input never raises a traceback at the user: it becomes an `InputError` whose
`str()` is one line naming the input and the problem, and a batch goes on.
"""

from __future__ import annotations

# code -> message template; the catalogue is documented in docs/errors.md (tested)
CATALOGUE: dict[str, str] = {
    "E001": "no English spaCy model installed",
    "E010": "not found",
    "E011": "is empty",
    "E012": "is binary, not text or HTML",
    "E013": "is too large",
    "E014": "cannot be decoded as text",
    "E015": "has no extractable article text",
    "E016": "does not look like English",
    "E017": "is not a readable WARC archive (damaged or truncated)",
    "E020": "URL refused: private, loopback or reserved address",
    "E021": "URL fetch failed",
    "E022": "URL fetch timed out",
    "E023": "URL scheme not allowed",
    "E030": "bad date, expected YYYY-MM-DD (a filter also takes YYYY or YYYY-MM)",
    "E031": "bad sidecar metadata, expected a JSON object",
    "E040": "database error",
    "E041": "database is in use by another process",
    "E050": "internal error (a bug: please report it with the input)",
    "E060": "export format unknown, or not the one the file name says",
    "E061": "not a PLOVER event type",
    "E062": "not one of the allowed values",
    "E063": "refused: the server would be reachable from other machines",
    "E064": "not a known country name or code",
    "E070": "the distributed job cannot run",
}


class EventwireError(Exception):
    """Base class of the errors eventwire reports to users."""


class InputError(EventwireError):
    def __init__(self, code: str, source: str, detail: str | None = None) -> None:
        self.code = code
        self.source = source
        self.detail = detail
        message = CATALOGUE.get(code, "error")
        line = f"{code} {source}: {message}"
        if detail:
            line += f" ({detail})"
        super().__init__(line.replace("\n", " "))
