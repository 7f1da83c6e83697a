"""Dense contextual features: rows of spaCy's `doc.tensor`.

en_core_web_sm's `tok2vec` component writes one contextual vector per token (96 numbers)
into `doc.tensor` as it parses, at no extra cost. The trained coder may read them beside its
symbolic features: named parts of a candidate (the trigger's row, its sentence's mean, ...)
or of an actor mention around it (its row, its product with the trigger's row). A doc
without a tensor (built by hand, or by a pipeline without tok2vec) gives no dense parts, and
the models then score with their symbolic features alone.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Span, Token

Vector = np.ndarray
EVENT_PARTS = ("tok", "sent", "head", "kids")
ARGUMENT_PARTS = ("men", "prod", "diff")


def has_tensor(doc: Doc) -> bool:
    tensor = getattr(doc, "tensor", None)
    return (
        isinstance(tensor, np.ndarray)
        and tensor.ndim == 2
        and tensor.shape[0] == len(doc)
        and tensor.shape[1] > 0
    )


def _row(tok: Token) -> Vector:
    return np.asarray(tok.doc.tensor[tok.i], dtype=np.float64)


def _mean(span: Span | list[Token], width: int) -> Vector:
    rows = [t.i for t in span]
    if not rows:
        return np.zeros(width)
    doc = span.doc if isinstance(span, Span) else span[0].doc
    return np.asarray(doc.tensor[rows].mean(axis=0), dtype=np.float64)


def event_parts(head: Token, parts: tuple[str, ...]) -> Vector | None:
    """The named parts of a trigger word, joined; None without a tensor."""
    if not parts or not has_tensor(head.doc):
        return None
    width = head.doc.tensor.shape[1]
    out: list[Vector] = []
    for part in parts:
        if part == "tok":
            out.append(_row(head))
        elif part == "sent":
            out.append(_mean(head.sent, width))
        elif part == "head":
            out.append(_row(head.head))
        elif part == "kids":
            out.append(_mean(list(head.children), width))
        else:
            raise ValueError(f"unknown dense part {part!r}")
    return np.concatenate(out)


def argument_parts(head: Token, mention: Token, parts: tuple[str, ...]) -> Vector | None:
    """The named parts of an actor mention around a trigger, joined; None without a tensor."""
    if not parts or not has_tensor(head.doc):
        return None
    out: list[Vector] = []
    for part in parts:
        if part == "men":
            out.append(_row(mention))
        elif part == "prod":
            out.append(_row(head) * _row(mention))
        elif part == "diff":
            out.append(_row(head) - _row(mention))
        else:
            raise ValueError(f"unknown dense part {part!r}")
    return np.concatenate(out)
