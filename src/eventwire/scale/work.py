"""One unit of work, shared by every adapter: an item in, a document or a one-line error out.

Errors cross process boundaries as a `Failure` (plain data), because `InputError` does not
survive pickling (its constructor takes three arguments, its `args` hold one line).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from eventwire.errors import EventwireError, InputError
from eventwire.model import AnalyzedDocument, Article

MAX_MESSAGE = 500


class ItemError(EventwireError):
    """A failure that is not an `InputError`; `str()` is one line naming the item."""


@dataclass(frozen=True, slots=True)
class Failure:
    message: str
    input_args: tuple[str, str, str | None] | None = None  # InputError(code, source, detail)

    def error(self) -> EventwireError:
        if self.input_args is not None:
            return InputError(*self.input_args)
        return ItemError(self.message)


def one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= MAX_MESSAGE else line[: MAX_MESSAGE - 1] + "…"


def item_label(item: str | Article) -> str:
    if isinstance(item, str):
        return item
    return item.source or f"article {item.id[:12]}"


def guarded(label: str, make: Callable[[], AnalyzedDocument]) -> AnalyzedDocument | Failure:
    """Run `make`; any exception becomes a Failure naming `label`, so a batch goes on."""
    try:
        return make()
    except InputError as err:
        return Failure(str(err), (err.code, err.source, err.detail))
    except EventwireError as err:
        message = str(err) if label in str(err) else f"{label}: {err}"
        return Failure(one_line(message))
    except Exception as err:  # noqa: BLE001 - a bug on one item must not end the batch
        return Failure(one_line(f"E050 {label}: internal error ({type(err).__name__}: {err})"))


def analyze_item(
    item: str | Article, published: str | None = None, allow_private: bool = False
) -> AnalyzedDocument | Failure:
    """Read (a source spec) and analyse one item; never raises."""
    from eventwire.analysis import analyze
    from eventwire.ingest.sources import read_article

    def make() -> AnalyzedDocument:
        if isinstance(item, str):
            article = read_article(item, published=published, allow_private=allow_private)
        else:
            article = item
        return analyze(article)

    return guarded(item_label(item), make)


class ScaleError(EventwireError):
    """A scale job cannot run (Ray missing, output not empty, no inputs); one line."""
