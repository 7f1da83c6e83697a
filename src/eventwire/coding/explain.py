"""Why an event was coded: the trigger and lexicon row, the sources that proposed it and the
model's probability, how source and target were found, the date, the place and the flags,
read from the event's `why` record and the document."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from eventwire.coding.lexicon import LEXICON_FILE, by_id
from eventwire.model import AnalyzedDocument, Event

FLAGS = ("historical", "negated", "hypothetical", "future")


def _rule(event: Event) -> str:
    if "rule" in event.why:
        return event.why["rule"]
    row = by_id().get(event.rule or "")
    if row is None:
        return f"{event.rule or 'no rule'} (not in the lexicon)"
    return (
        f"{row.id}: {row.trigger} [{row.pos}, {row.pattern}] -> {row.type} cameo {row.cameo} "
        f"({LEXICON_FILE}:{row.line})"
    )


def _place(event: Event, doc: AnalyzedDocument) -> str:
    if event.location is None:
        return "no place tied to the trigger in the sentence"
    place = next((p for p in doc.places if p.id == event.location), None)
    if place is None:
        return f"{event.location} (not among the document's places)"
    ev = event.evidence
    inside = [m for m in place.mentions if ev.start <= m.start and m.end <= ev.end]
    where = f" mentioned as '{inside[0].text}' at {inside[0].start}" if inside else ""
    return f"{place.id} {place.name} ({place.kind}, {place.country or 'no country'}){where}"


def explain_event(event: Event, doc_record: AnalyzedDocument) -> list[tuple[str, str]]:
    """(step, explanation) pairs, in the order the decisions were made."""
    why = event.why
    ev = event.evidence
    steps = [
        ("trigger", why.get("trigger", f"'{ev.trigger}'")),
        ("lexicon row", _rule(event)),
        ("pattern", why.get("pattern", "unknown")),
    ]
    # the trained coder: which dictionaries proposed the type, and how sure its model was
    steps += [(key, why[key]) for key in ("proposed by", "model") if key in why]
    if "type" in why:
        steps.append(("type", why["type"]))
    steps += [
        ("source", why.get("source", ", ".join(event.source) or "none")),
        ("target", why.get("target", ", ".join(event.target) or "none")),
        ("mode", why.get("mode", event.mode or "none")),
        ("contexts", why.get("contexts", ", ".join(event.contexts) or "none")),
    ]
    if event.date is not None:
        steps.append(("date", f"{event.date} from '{event.date_text}'"))
    else:
        steps.append(("date", "no date in the sentence"))
    steps.append(("place", _place(event, doc_record)))
    flags = [name for name in FLAGS if getattr(event, name)]
    mood = f"; {why['mood']}" if "mood" in why else ""
    steps.append(("flags", (", ".join(flags) or "none") + mood))
    steps.append(("confidence", f"{event.confidence:.3f} (rule {event.rule})"))
    if event.mentions:
        at = ", ".join(f"{m.start}-{m.end}" for m in event.mentions)
        steps.append(("reports", f"{len(event.mentions) + 1} in the article; also at {at}"))
    steps.append(("evidence", f"{ev.start}-{ev.end}: {ev.sentence}"))
    return steps


def render_explanations(doc: AnalyzedDocument, console: Console) -> None:
    """Print every event with its explanation. Article text goes into Text objects, never
    into markup, so brackets in a sentence cannot be read as styles."""
    for event in doc.events:
        head = Text()
        head.append(f"{event.id} ", style="bold")
        head.append(event.type, style="bold cyan")
        if event.mode:
            head.append(f" ({event.mode})")
        console.print(head)
        for step, text in explain_event(event, doc):
            line = Text("  ")
            line.append(f"{step:<12}", style="dim")
            line.append(text)
            console.print(line)
