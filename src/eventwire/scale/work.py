"""One unit of work, shared by every adapter: an item in, a document or a one-line error out.

Errors cross process boundaries as a `Failure` (plain data), because `InputError` does not
survive pickling (its constructor takes three arguments, its `args` hold one line).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from eventwire.errors import EventwireError, InputError
from eventwire.model import AnalyzedDocument, Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

MAX_MESSAGE = 500
# articles parsed together (nlp.pipe): ~10% less CPU than one nlp(text) call each; larger
# batches save little more (under 7% at 1000) and cost memory (peak RSS of one process
# parsing the bench corpus: 336 MiB in batches of 8, 853 MiB in batches of 64)
PARSE_BATCH = 8
T = TypeVar("T")


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


def guarded(label: str, make: Callable[[], T]) -> T | Failure:
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
    return analyze_chunk([(item, published)], allow_private)[0]


def analyze_chunk(
    chunk: Sequence[tuple[str | Article, str | None]], allow_private: bool = False
) -> list[AnalyzedDocument | Failure]:
    """Read and analyse a chunk of `(item, published)` pairs, parsing the readable ones
    together (`nlp.pipe`); one outcome per item, in order; never raises. Should spaCy fail
    on the batch, each article is analysed alone, so only the one it fails on is lost."""
    from eventwire.analysis import analyze, analyze_parsed, check_length
    from eventwire.ingest.sources import read_article
    from eventwire.nlp.pipeline import parse_many

    def read(item: str | Article, published: str | None) -> Article:
        if isinstance(item, str):
            item = read_article(item, published=published, allow_private=allow_private)
        check_length(item)  # a text too long to parse fails alone, not its whole batch
        return item

    labels = [item_label(item) for item, _ in chunk]
    outcomes: list[AnalyzedDocument | Article | Failure] = [
        guarded(label, partial(read, item, published))
        for label, (item, published) in zip(labels, chunk, strict=True)
    ]
    articles = [(i, o) for i, o in enumerate(outcomes) if isinstance(o, Article)]
    try:
        docs: list[Doc] | None = list(parse_many((a.text for _, a in articles), PARSE_BATCH))
    except Exception:  # noqa: BLE001 - one article spaCy cannot take: parse them one by one
        docs = None
    for n, (i, article) in enumerate(articles):
        if docs is None:
            outcomes[i] = guarded(labels[i], partial(analyze, article))
        else:
            outcomes[i] = guarded(labels[i], partial(analyze_parsed, article, docs[n]))
    return [o for o in outcomes if not isinstance(o, Article)]  # none left: all analysed


WARM_UP_TEXT = "The foreign ministers of Austria and Slovenia met in Vienna on Monday."


def warm_up() -> None:
    """Load the model and every lazily loaded table (gazetteer, actor dictionary, lexicons)
    by analysing one short sentence."""
    from eventwire.analysis import analyze

    analyze(Article(text=WARM_UP_TEXT))


class ScaleError(EventwireError):
    """A scale job cannot run (Ray missing, output not empty, no inputs); one line."""
