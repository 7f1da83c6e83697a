"""Rule-based PLOVER event coding over the spaCy dependency parse.

For each sentence: find trigger tokens from the lexicon (verb lemmas, phrasal verbs, light
verbs with their object noun, nominal triggers), read source and target from the parse
(subject, passive agent, object, the row's prepositions, coordination, control), map them to
actors through the ActorTable, and flag negation, future and hypothetical mood.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.actors.table import ActorTable
from eventwire.coding.arguments import noun_args, verb_args
from eventwire.coding.cues import (
    cue_words,
    find_contexts,
    find_mode,
    phrase_mode,
    threat_mode,
)
from eventwire.coding.lexicon import LEXICON_FILE, LexRow, by_head, confidence
from eventwire.coding.merge import merge_reports
from eventwire.coding.nonevents import why_no_event
from eventwire.coding.ontology import event_types, quad
from eventwire.coding.syntax import (
    COOPERATIVE,
    DEFINITE,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    NOUN_POS,
    OBJ,
    SUBJ,
    VERB_POS,
    Match,
    Picked,
    concluded,
    evidence,
    lemma,
)
from eventwire.model import Event, Quote
from eventwire.nlp.pipeline import doc_text
from eventwire.nlp.quotes import in_quotes, quote_spans

# adjectives whose xcomp states willingness ("is ready to withdraw"): an offer, so AGREE
WILLING = {"willing", "ready", "prepared", "open"}
# dependents that make a "comp" row's verb more than a bare assent ("X agreed")
COMPLEMENT_DEPS = {"dobj", "obj", "dative", "xcomp", "ccomp", "prep"}
# material conflict announced or made conditional is a threat (PLOVER THREATEN)
THREAT_TYPES = {"ASSAULT", "COERCE", "SANCTION", "PROTEST"}
# refusing to accept or to give way is a rejection ("did not accede to the demands")
REFUSAL_TYPES = {"AGREE", "CONCEDE"}
# verbs whose xcomp describes an intention, not a realised act
INTENT_VERBS = {
    "plan", "intend", "want", "hope", "aim", "consider", "expect", "prepare", "seek", "schedule",
}  # fmt: skip
# objects that make a verb trigger mean something else ("released a statement")
NON_EVENT_OBJECTS = {
    "statement", "report", "video", "footage", "detail", "information", "document", "file",
    "figure", "result", "album", "book", "comment", "photo", "image", "record", "data",
}  # fmt: skip
# the content of a speech act ("called for X to be investigated") is not a second event
SPEECH_TYPES = {"REQUEST", "THREATEN", "REJECT", "AGREE", "ACCUSE"}
# what a concession owns to ("accepted responsibility for the murder", "apologized for the
# raid") is the act admitted, told elsewhere, not a second event; only its "for" phrase:
# "lifted the curfew after clashes" still tells the clashes
ADMISSION_TYPES = {"CONCEDE"}
ADMISSION_PREPS = {"for"}
# heads whose xcomp is a failed or refused act ("failed to reach an agreement")
FAILURE_VERBS = {"fail", "refuse", "decline"}
# promises of conflict are threats ("vowed to fight", "swore to attack")
PROMISE_TYPES = {"AGREE"}
# assent is no promise: "agreed to postpone the rally" calls a protest off, it threatens none
ASSENT_VERBS = {"agree", "accept"}
# PLOVER verbal cooperation is dyadic: with no named actor on a side there is nothing to code
NEEDS_SOURCE = {"AGREE", "CONSULT", "SUPPORT"}
# "X was airlifted to Berlin" tells what befell X; aid is coded when a giver is named
NEEDS_GIVER = {"AID"}
NEEDS_TARGET = {"CONSULT"}
# relations that put a trigger in a subordinate clause or a modifier ("after the clashes",
# "the shooting deaths", "where 24 were killed"): background to the sentence's main event
SUBORDINATE_DEPS = {"advcl", "relcl", "acl", "amod", "compound", "npadvmod", "nmod", "pcomp"}
# reactions to an act: a definite "the move" they take names an act told earlier
REACTION_TYPES = {"ACCUSE", "REJECT", "SUPPORT"}
# how many narrative (unquoted) sentences back the act "the move" re-mentions may be told
REFERENT_WINDOW = 5
# confidence kept per level of subordination, so the main clause's event leads the sentence
SUBORDINATE_FACTOR = 0.7
# clauses that set a condition or a reason on a threat, not its content ("unless X leaves")
CONDITION_DEPS = {"advcl", "relcl", "acl"}
# the dependents of a threat that tell what is threatened ("threatened to strike", "warned
# that", "threatened with expulsion", "the threat of war")
CONTENT_DEPS = {"xcomp", "ccomp", "dobj", "obj"}
CONTENT_PREPS = {"with", "of"}
# ASSAULT modes that name a weapon: a weapon named on the act ("tanks fired") is the means
WEAPON_MODES = {
    "primitive", "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
    "crowd-control", "unconventional",
}  # fmt: skip


def code_events(doc: Doc, actors: ActorTable) -> list[Event]:
    """All events of a parsed document, ids e1.. in text order."""
    return trace_events(doc, actors)[0]


def rule_coder(doc: Doc, actors: ActorTable, quotes: list[Quote]) -> list[Event]:
    """The rules alone, as the pipeline coded before the trained coder: this coder's events
    and the speech acts of the quotations. Kept for comparison (bench/throughput.py) and as
    the fixed reference event set on which the evaluation measures the date stage."""
    from eventwire.coding.stance import quote_events

    return quote_events(doc, actors, quotes, code_events(doc, actors))


def trace_events(doc: Doc, actors: ActorTable) -> tuple[list[Event], list[list[Traced]]]:
    """The rules' events of a document, and every trigger match of each sentence with the
    rules' decision on it."""
    # the same quoted spans the quote reader finds, marks included
    quoted = [(q.open_mark, q.end) for q in quote_spans(doc_text(doc))]
    events: list[Event] = []
    traces: list[list[Traced]] = []
    for sent in doc.sents:
        traced = trace_sentence(sent, actors)
        traces.append(traced)
        events.extend(t.event for t in traced if t.dropped is None and t.event)
    events = _drop_outcomes(events)
    _second_calls(doc, events)
    _referred_authors(doc, events, quoted)
    events = merge_reports(events, doc, actors)
    for i, event in enumerate(events, start=1):
        event.id = f"e{i}"
    return events, traces


def _second_calls(doc: Doc, events: list[Event]) -> None:
    """ "The call was seconded by X", "the embassy declined the request": support for or a
    refusal of a call without a named author goes to the source of the earlier request made
    to the answering actor, else of the nearest earlier request in the article."""
    for i, event in enumerate(events):
        if event.type not in ("SUPPORT", "REJECT") or event.target or not event.source:
            continue
        start, end = event.evidence.trigger_start, event.evidence.trigger_end
        span = None if start is None or end is None else doc.char_span(start, end)
        if span is None:
            continue
        head = span.root
        calls = [
            c
            for c in head.children
            if c.dep_ in OBJ | {"nsubjpass"}
            and lemma(c) in cue_words("call")
            and not any(g.dep_ == "poss" for g in c.children)
        ]
        if not calls:
            continue
        asked = [e for e in reversed(events[:i]) if e.type == "REQUEST" and e.source]
        to_me = [e for e in asked if set(e.target) & set(event.source)]
        earlier = next(iter(to_me or asked), None)
        if earlier is None:
            continue
        event.target = [a for a in earlier.source if a not in event.source]
        event.why["target"] = f"{', '.join(event.target)} (author of the earlier request)"


def _referred_authors(doc: Doc, events: list[Event], quoted: list[tuple[int, int]]) -> None:
    """ "The commission also criticized the move": a reaction to a definite act or statement
    noun ("the move", "the decision") with no target in its sentence is aimed at the author
    of the act the article told last, within a few sentences. An earlier reaction's target
    is that author too ("X criticized Y's plan ... Z also criticized the move"). Quoted
    sentences are not counted: they are coded for no act, so they bring no new referent."""
    starts = [
        sent.start_char
        for sent in doc.sents
        if not any(s <= sent.start_char < e for s, e in quoted)
    ]
    for i, event in enumerate(events):
        if event.type not in REACTION_TYPES or event.target or not event.source:
            continue
        referent = _referent_object(doc, event)
        if referent is None:
            continue
        here = bisect.bisect_right(starts, event.evidence.start)
        for earlier in reversed(events[:i]):
            if here - bisect.bisect_right(starts, earlier.evidence.start) > REFERENT_WINDOW:
                break
            if earlier.type in REACTION_TYPES:
                authors = earlier.target
            else:
                authors = earlier.source
            authors = [a for a in authors if a not in event.source]
            if authors:
                event.target = authors
                event.why["target"] = (
                    f"{', '.join(authors)} (author of the act re-mentioned as "
                    f"'{referent}', {earlier.evidence.trigger!r})"
                )
                break


def _referent_object(doc: Doc, event: Event) -> str | None:
    """The definite act or statement noun a reaction's trigger takes as its object ("the
    move"), or None."""
    start, end = event.evidence.trigger_start, event.evidence.trigger_end
    span = None if start is None or end is None else doc.char_span(start, end)
    if span is None:
        return None
    objects = [c for c in span.root.children if c.dep_ in OBJ | {"nsubjpass"}]
    objects += [
        g for c in span.root.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
    ]
    for obj in objects:
        dets = [c.lower_ for c in obj.children if c.dep_ == "det"]
        owned = any(c.dep_ == "poss" or c.lower_ == "by" for c in obj.children)
        if lemma(obj) in cue_words("referent") and set(dets) & DEFINITE and not owned:
            return f"{dets[0]} {obj.text}"
    return None


def _drop_outcomes(events: list[Event]) -> list[Event]:
    """ "Two people were killed": harm in the agentless passive, after an attack the article
    has already told, is that attack's outcome, not a new attack; aid received from nobody
    named is no aid event."""
    out: list[Event] = []
    for i, event in enumerate(events):
        told = any(
            e.type == event.type and (e.evidence.start == event.evidence.start or j < i)
            for j, e in enumerate(events)
            if j != i
        )
        agentless = event.why.get("voice") == "agentless passive"
        if agentless and (told or (event.type in NEEDS_GIVER and not event.source)):
            continue
        out.append(event)
    return out


@dataclass(slots=True)
class Traced:
    """One trigger match of a sentence and what the rules made of it: the event they build
    (with its actors and mood), and why they code none (None when they code it)."""

    match: Match
    event: Event | None = None
    dropped: str | None = None


def trace_sentence(sent: Span, actors: ActorTable) -> list[Traced]:
    """Every trigger match of the sentence, with the rules' decision on it (the trained coder
    reads these decisions as features)."""
    found = _find_triggers(sent)  # longest first: the filters below keep this order
    traced = {m.head.i: Traced(m) for m in found}

    def drop(matches: list[Match], kept: list[Match], why: str) -> list[Match]:
        ids = {id(m) for m in kept}
        for m in matches:
            if id(m) not in ids:
                traced[m.head.i].dropped = why
        return kept

    matches = list(found)
    # a quoted claim is not coded; a light noun may be quoted ("called it a 'maneuver'"),
    # but a phrasal row's other words ("said ... must") may not come from inside a quote
    matches = drop(
        matches,
        [
            m
            for m in matches
            if not in_quotes(m.head, marks=False)
            and (m.row.pattern == "light" or not any(in_quotes(t, marks=False) for t in m.tokens))
        ],
        "a claim inside quotation marks",
    )
    for m in matches:
        traced[m.head.i].dropped = why_no_event(m)
    matches = [m for m in matches if traced[m.head.i].dropped is None]
    kept, threats, contents = _drop_speech_content(matches)
    drop(matches, kept, "the content of a speech act")
    matches = kept
    kept = [m for m in kept if not _impersonal_warning(m, contents.get(m.head.i, []), actors)]
    matches = drop(matches, kept, "a warning of a consequence nobody does")
    kept = drop(matches, _drop_rementions(kept), "re-mentions an event told elsewhere")
    # "the airstrike that killed X": the relative clause tells the noun's event in full
    told = {(m.head.head.i, m.row.type) for m in kept if m.head.dep_ == "relcl"}
    kept = drop(
        kept,
        [m for m in kept if m.row.pos != "noun" or (m.head.i, m.row.type) not in told],
        "told in full by its relative clause",
    )
    seen: set[tuple[str, tuple[str, ...], tuple[str, ...]]] = set()
    by_head: dict[int, Event] = {}
    heads = {m.head.i for m in kept}
    for m in sorted(kept, key=lambda m: m.head.i):
        entry = traced[m.head.i]
        content = contents.get(m.head.i, [])
        event = _build_event(m, sent, actors, threat=m.head.i in threats, content=content)
        if event is None:
            entry.dropped = "no actor, a re-mentioned act, or an accident"
            continue
        entry.event = event
        depth = _subordination(m.head, heads)
        if depth:
            event.confidence = round(event.confidence * SUBORDINATE_FACTOR**depth, 3)
            event.why["salience"] = f"{depth} level(s) below the main clause"
        _inherit_source(m, event, by_head)
        by_head[m.head.i] = event
        if _one_sided(event, m.head):
            entry.dropped = "verbal cooperation without an actor on a side it needs"
            continue
        if _no_occurrence(event):
            entry.dropped = "a negated act with no actor"
            continue
        key = (event.type, tuple(event.source), tuple(event.target))
        if key in seen:
            entry.dropped = "the same event as another trigger of the sentence"
            continue  # "bombings struck": one attack, two triggers
        seen.add(key)
    return [t for _, t in sorted(traced.items())]


def _subordination(head: Token, heads: set[int]) -> int:
    """Levels between a trigger and its sentence's main clause: subordinate relations on the
    way to the root, plus being an argument of another trigger ("talks on a pullback")."""
    depth = 0
    tok = head
    while tok.head.i != tok.i:
        depth += tok.dep_ in SUBORDINATE_DEPS
        tok = tok.head
        depth += tok.i in heads
    return depth


def _inherit_source(m: Match, event: Event, by_head: dict[int, Event]) -> None:
    """An event noun without its own actor ("X's visit to A followed a stop in B"), object of
    a verb whose subject is an earlier event noun of the same type, shares that actor."""
    noun = m.head
    if m.row.pos != "noun" or event.source or noun.dep_ not in OBJ:
        return
    for subj in noun.head.children:
        earlier = by_head.get(subj.i)
        if subj.dep_ in SUBJ and earlier is not None and earlier.type == event.type:
            event.source = list(earlier.source)
            event.target = [a for a in event.target if a not in event.source]
            event.why["source"] = f"{', '.join(event.source)} (shared with '{subj.text}')"


# --- trigger matching -------------------------------------------------------------------


def _find_triggers(sent: Span) -> list[Match]:
    candidates: list[Match] = []
    for token in sent:
        if token.pos_ in VERB_POS:
            pos = "verb"
        elif token.pos_ in NOUN_POS:
            pos = "noun"
        else:
            continue
        rows = by_head().get((pos, lemma(token))) or by_head().get((pos, token.lower_), ())
        for row in rows:
            extra = match_others(token, row)
            if extra is None:
                continue
            objects = [c for c in token.children if c.dep_ in OBJ]
            if row.pattern == "intrans" and objects:
                continue
            if row.pattern == "comp" and not any(c.dep_ in COMPLEMENT_DEPS for c in token.children):
                continue
            if row.pattern == "clause" and not _has_clause(token):
                continue  # "asked X about it" is a question, "asked X to leave" a request
            if row.pattern == "label" and not _labels(token):
                continue
            # "released a statement" is no release; "welcomed the statement" is still praise
            material = quad(row.type).startswith("material")
            passive = [c for c in token.children if c.dep_ == "nsubjpass"]
            said = objects + passive  # "the new rules were released" is no release either
            if pos == "verb" and material and any(lemma(o) in cue_words("verbal") for o in said):
                break  # "attacked the proclamation" is words, not force
            if pos == "verb" and material and any(lemma(o) in NON_EVENT_OBJECTS for o in objects):
                break
            # denials are not coded, and "declined to comment" refuses nobody
            denied = objects + [c for c in token.children if c.dep_ == "xcomp"]
            if row.type == "REJECT" and any(lemma(o) in cue_words("denial") for o in denied):
                break
            mods = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
            if pos == "noun" and any(lemma(c) in cue_words("ordinary", row.type) for c in mods):
                break
            # "airlines offer flights", "refunds were offered": business, not cooperation
            things = objects + [c for c in token.children if c.dep_ == "nsubjpass"]
            if pos == "verb" and any(lemma(o) in cue_words("commerce", row.type) for o in things):
                break
            candidates.append(Match(row=row, head=token, tokens=[token, *extra]))
            break  # rows are longest first: the first fit is the most specific
    # multiword matches consume their words ("imposed sanctions" is not also "sanctions")
    consumed: set[int] = set()
    chosen: list[Match] = []
    for m in sorted(candidates, key=lambda m: (-len(m.tokens), m.head.i)):
        if any(t.i in consumed for t in m.tokens):
            continue
        consumed.update(t.i for t in m.tokens)
        chosen.append(m)
    return chosen


def _has_clause(verb: Token) -> bool:
    return any(
        c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "for")
        for c in verb.children
    )


def _labels(verb: Token) -> bool:
    """ "called the move a provocation": a predicate noun of the object is a pejorative label."""
    words = cue_words("label")
    for obj in verb.children:
        if obj.dep_ in OBJ:
            preds = [c for c in obj.children if c.dep_ in ("appos", "oprd", "attr")]
        elif obj.dep_ in ("oprd", "ccomp", "xcomp"):
            preds = [obj, *(c for c in obj.children if c.dep_ == "attr")]
        else:
            continue
        if any(lemma(p) in words for p in preds):
            return True
    return False


def match_others(head: Token, row: LexRow) -> list[Token] | None:
    """Tokens matching the row's non-head words among the head's dependents (two levels),
    or None when one is missing."""
    # the head's own auxiliaries are not particles ("has yet to yield" is not "yield to")
    near = [c for c in head.children if c.dep_ not in ("aux", "auxpass", "neg", "mark")]
    near += [g for c in head.children for g in c.children]
    if row.pattern == "phrasal":  # a particle follows its verb ("in which ... give" is none)
        near = [t for t in near if t.i > head.i]
    found: list[Token] = []
    for word in row.others:
        hit = next(
            (t for t in near if (lemma(t) == word or t.lower_ == word) and t not in found),
            None,
        )
        if hit is None:
            return None
        found.append(hit)
    return found


def _drop_speech_content(
    matches: list[Match],
) -> tuple[list[Match], set[int], dict[int, list[Match]]]:
    """Matches outside the content of a speech act, the heads of promises whose content is
    an act of conflict ("vowed to fight": a threat), and each speech head's content acts,
    nearest first (a condition, "unless X withdraws", is no part of the content)."""
    speech_heads = {m.head.i for m in matches if m.row.type in SPEECH_TYPES}
    admissions = {m.head.i for m in matches if m.row.type in ADMISSION_TYPES}
    promises = {
        m.head.i
        for m in matches
        if m.row.type in PROMISE_TYPES and m.row.pos == "verb" and lemma(m.head) not in ASSENT_VERBS
    }
    threats: set[int] = set()
    contents: dict[int, list[tuple[int, Match]]] = {}
    out = []
    for m in matches:
        tok = m.head
        inside = False
        crossed: set[str] = set()
        if concluded(tok) is not None:
            out.append(m)  # "agreements reached two years ago" is a fact, not speech content
            continue
        # up the clause chain ("called for his death to be investigated", "accused X of
        # attacking"); a coordinated or relative clause is a statement of its own
        clausal = False  # a promise threatens by a clause ("vowed to fight"), not by a noun
        owned = False  # reached through a concession's "for" phrase
        while tok.dep_ not in ("conj", "relcl", "ROOT") and tok.head.i != tok.i:
            if _occasion_clause(tok):
                break  # "threatened X after Y began drills": Y's act is told, not said
            clausal = clausal or tok.dep_ in ("xcomp", "ccomp")
            owned = owned or (tok.dep_ == "prep" and tok.lower_ in ADMISSION_PREPS)
            crossed.add(tok.dep_)
            tok = tok.head
            if tok.i in admissions and owned:
                inside = True
                break
            if tok.i in speech_heads:
                inside = True
                if not crossed & CONDITION_DEPS:
                    contents.setdefault(tok.i, []).append((len(crossed), m))
                if tok.i in promises and clausal and m.row.type in THREAT_TYPES | {"ASSAULT"}:
                    threats.add(tok.i)
                break
        if not inside:
            out.append(m)
    nearest = {i: [m for _, m in sorted(acts, key=lambda a: a[0])] for i, acts in contents.items()}
    return out, threats, nearest


def _occasion_clause(verb: Token) -> bool:
    """A past-tense clause of time or reason ("after Y began drills", "because Y fired"): it
    tells an event that took place, the occasion of the statement it modifies."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBD", "VBN"):
        return False
    marks = [c for c in verb.children if c.dep_ == "mark"]
    return any(c.lower_ in cue_words("occasion") for c in marks)


def _impersonal_warning(m: Match, content: list[Match], actors: ActorTable) -> bool:
    """ "Growers warned that the loss of crops could push prices higher": a warning whose
    content is a consequence with no actor doing it (a price, a loss, a crisis as subject)
    and no act of conflict threatens nobody; it is a forecast. "warned that troops would
    respond" or "warned that sanctions would follow" still threaten."""
    if m.row.type != "THREATEN" or m.row.pos != "verb":
        return False
    if any(quad(a.row.type) == "material conflict" for a in content):
        return False
    clauses = [c for c in m.head.children if c.dep_ in ("ccomp", "xcomp")]
    if not clauses or any(c.dep_ == "xcomp" for c in clauses):
        return False  # "threatened to leave": the subject's own act
    for clause in clauses:
        subjects = [c for c in clause.children if c.dep_ in SUBJ | {"nsubjpass", "expl"}]
        if not subjects or not all(_impersonal(s, actors) for s in subjects):
            return False
    return True


def _impersonal(subject: Token, actors: ActorTable) -> bool:
    """A subject that is a thing or a state of affairs: a common noun with no actor, official
    or pronoun anywhere in it ("its troops"); an expletive ("there would be consequences")
    is a veiled threat still."""
    if subject.pos_ != "NOUN":
        return False
    officials = cue_words("officials")
    return not any(
        actors.actor_for_token(t) is not None or lemma(t) in officials or t.pos_ == "PRON"
        for t in subject.subtree
    )


def _drop_rementions(matches: list[Match]) -> list[Match]:
    """A definite or possessed event noun that is the object of another trigger ("condemned
    the attack", "rejected Chile's demand") names an event told elsewhere."""
    heads = {m.head.i for m in matches}
    out = []
    for m in matches:
        noun = m.head
        governor = noun.head.head if noun.dep_ == "pobj" else noun.head
        definite = any(
            (c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in noun.children
        )
        if m.row.pos == "noun" and definite and governor.i in heads and governor.i != noun.i:
            continue
        out.append(m)
    return out


# --- mood ---------------------------------------------------------------------------------


@dataclass
class Mood:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    willing: bool = False
    conditional: bool = False
    unless: bool = False  # "will withdraw unless X acts": a condition imposed on the other side
    cues: list[str] = field(default_factory=list)  # the words that set the flags


def mood_of(pred: Token) -> Mood:
    """Negation, future, hypothetical mood and stated willingness of a predicate."""
    mood = Mood()
    negs = [c for c in pred.children if c.dep_ == "neg"]
    if pred.pos_ in NOUN_POS:
        negs += [c for c in pred.children if c.dep_ == "det" and c.lower_ == "no"]
        pred = pred.head if pred.dep_ in OBJ | {"nsubj", "nsubjpass"} else pred
        negs += [c for c in pred.children if c.dep_ == "neg"] if not negs else []
    if negs:
        mood.negated = True
        mood.cues.append(f"negated by '{negs[0].text}'")
    for c in pred.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX:
            mood.future = True
            mood.cues.append(f"future '{c.text}'")
        elif c.dep_ in ("aux", "auxpass") and c.lower_ in HYPOTHETICAL_AUX:
            mood.hypothetical = True
            mood.cues.append(f"hypothetical '{c.text}'")
    # "will withdraw unless X signs": the act is held over the other side as a threat
    for c in pred.children:
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless" for g in c.children):
            mood.hypothetical = mood.conditional = mood.unless = True
            mood.cues.append("conditional 'unless'")
    tok = pred
    for _ in range(4):  # conditional or intention anywhere up the clause chain
        for c in tok.children:
            if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                mood.hypothetical = mood.conditional = True
                mood.unless = mood.unless or c.lower_ == "unless"
                mood.cues.append(f"conditional '{c.text}'")
        if tok.dep_ == "xcomp" and lemma(tok.head) in INTENT_VERBS:
            mood.hypothetical = True
            mood.cues.append(f"intention '{tok.head.text}'")
        if tok.dep_ == "xcomp" and lemma(tok.head) in FAILURE_VERBS and not mood.negated:
            mood.negated = True
            mood.cues.append(f"negated by '{tok.head.text}'")
        if tok.dep_ == "xcomp" and tok.head.lower_ in WILLING:
            mood.willing = True
            mood.cues.append(f"willingness '{tok.head.text}'")
        if (
            tok.dep_ == "xcomp"
            and lemma(tok.head) == "go"
            and "be" in {lemma(c) for c in tok.head.children if c.dep_ == "aux"}
        ):
            mood.future = True  # "is going to"
            mood.cues.append("future 'going to'")
        if tok.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or tok.head.i == tok.i:
            break
        tok = tok.head
    return mood


def type_for_mood(etype: str, cameo: str, mood: Mood) -> tuple[str, str, str | None]:
    """(type, cameo, why) after PLOVER's rules for intentions, threats and refusals."""
    if mood.negated and etype in REFUSAL_TYPES:
        return "REJECT", "12", f"negated {etype} is a refusal"
    if not (mood.future or mood.hypothetical or mood.willing):
        return etype, cameo, None
    if mood.unless and not mood.negated and etype in ("RETREAT", "CONCEDE"):
        return "THREATEN", "13", f"{etype} made conditional with 'unless' is THREATEN"
    if etype in COOPERATIVE or (mood.willing and etype in ("RETREAT", "CONCEDE")):
        return "AGREE", "03", f"{etype} offered or announced is AGREE"
    if etype == "RETREAT":
        return "CONCEDE", "08", "an announced retreat is CONCEDE"
    if etype in THREAT_TYPES and not mood.negated:
        return "THREATEN", "13", f"{etype} announced or made conditional is THREATEN"
    return etype, cameo, None


# --- modes --------------------------------------------------------------------------------


def _threat_mode(head: Token, acts: list[Match]) -> tuple[str, str] | None:
    """(mode, why) of a threat: PLOVER codes the content of a threat, the act threatened
    ("threatened to shell the towns": violence), else a cue word in that content."""
    for act in acts:
        found = act.row.mode or (phrase_mode(act.row.type, act.head.subtree) or (None,))[0]
        if mode := threat_mode(act.row.type, found):
            return mode, f"{act.row.type} '{act.head.text}'"
    if cue := phrase_mode("THREATEN", _content_tokens(head)):
        return cue[0], f"cue '{cue[1]}'"
    return None


def _content_tokens(head: Token) -> list[Token]:
    """The words of what a threat or act threatens, without its conditions and reasons."""
    out: list[Token] = []
    stack = [
        c
        for c in head.children
        if c.dep_ in CONTENT_DEPS or (c.dep_ == "prep" and c.lower_ in CONTENT_PREPS)
    ]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in CONDITION_DEPS)
    return sorted(out, key=lambda t: t.i)


def _named_weapon(verb: Token, mode: str | None) -> tuple[str, str] | None:
    """(mode, word) of a weapon named as the doer or the thing used ("tanks fired", "fired
    rockets", "attacked with artillery"): the means, more telling than the weapon a verb
    usually implies ("fire": guns). Only a weapon mode gives way; an act mode (abduct) stays."""
    if mode not in WEAPON_MODES:
        return None
    named = [c for c in verb.children if c.dep_ in SUBJ | OBJ]
    named += [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
    ]
    for tok in named:
        words = [c for c in tok.children if c.dep_ == "compound"] + [tok]
        found = phrase_mode("ASSAULT", words)
        if found and found[0] in WEAPON_MODES:
            return None if found[0] == mode else found
    return None


def _named_force(verb: Token, mode: str | None) -> tuple[str, str] | None:
    """(mode, word) of the force the act names outside its subject ("ordered patrols by
    police", "sent militias"): what is mobilised, more telling than the row's usual force."""
    words = [t for c in verb.children if c.dep_ not in SUBJ for t in c.subtree]
    found = phrase_mode("MOBILIZE", words)
    return found if found and found[0] != mode else None


# --- events -------------------------------------------------------------------------------


def _describe(picked: Picked, actors: ActorTable, verb: Token) -> str:
    """How each argument was found: dependency relation, preposition, mention."""
    parts = []
    for actor_id, tok in picked:
        rel = tok.dep_
        if rel == "pobj":
            rel = f"object of '{tok.head.text}'"
        direct = verb.i in (tok.head.i, tok.head.head.i)
        inherited = "" if direct else f" via '{tok.head.text}'"
        parts.append(f"{actor_id} {actors.get(actor_id).name} ({rel} '{tok.text}'{inherited})")
    return "; ".join(parts) if parts else "none found"


def _is_accident(m: Match) -> bool:
    """Harm in a crash, a collision or a natural hazard (flood, earthquake) is no act of
    force: nobody did it to anybody."""
    words = cue_words("accident", m.row.type)
    if not words:
        return False
    near = [m.head.head] if m.head.dep_ == "relcl" else []
    # an adverbial clause is another event ("before the jet crashed, X fired missiles")
    args = [c for c in m.head.children if c.dep_ not in ("advcl", "conj", "ccomp")]
    near += [g for c in args for g in (c, *c.children)]
    return any(lemma(t) in words for t in near) or _hit_by_vehicle(m.head)


def _hit_by_vehicle(verb: Token) -> bool:
    """ "was struck by a car", "a truck hit the cyclist", "struck by an SUV driving on the
    wrong side": a vehicle as the doer is a road accident. Only the doer itself counts: a
    "car bomb" is a bomb."""
    words = cue_words("vehicle")
    doers = [c for c in verb.children if c.dep_ in SUBJ]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(
        lemma(d) in words or any(c.dep_ == "acl" and lemma(c) in words for c in d.children)
        for d in doers
    )


def _no_occurrence(event: Event) -> bool:
    """ "Protests are not reported in X", "no clashes took place": a negated act of force or
    dissent with nobody doing it states that nothing happened, so there is no event. A
    negated act with an actor ("X did not recognise Y") stays, flagged negated."""
    return (
        event.negated
        and not event.source
        and not event.target
        and quad(event.type).startswith("material")
    )


def _one_sided(event: Event, head: Token) -> bool:
    """A verbal-cooperation event without a named actor on a side it needs. Coordinated
    subjects ("X and Y held talks") are each other's counterpart, and unnamed officials
    ("reassured authorities") are a counterpart still."""
    if event.type in NEEDS_SOURCE and not event.source:
        return True
    if event.type not in NEEDS_TARGET or event.target or len(event.source) > 1:
        return False
    words = cue_words("officials")
    return not any(c.dep_ in OBJ and lemma(c) in words for c in head.children)


def _build_event(
    m: Match,
    sent: Span,
    actors: ActorTable,
    *,
    threat: bool = False,
    content: list[Match] | None = None,
) -> Event | None:
    row = m.row
    if row.pos == "verb":
        src_picked, tgt_picked = verb_args(m, actors)
    else:
        src_picked, tgt_picked = noun_args(m, actors)
    source = [a for a, _ in src_picked]
    target = [a for a, _ in tgt_picked]
    etype = event_types()[row.type]
    if not source and not target:
        if not etype.actorless:
            return None
        # a bare definite noun ("the attack", "the bill's withdrawal": a possessor that is
        # no actor) re-mentions an event told elsewhere; "their strike" has a doer still
        if row.pos == "noun" and any(
            (c.dep_ == "det" and c.lower_ in DEFINITE) or (c.dep_ == "poss" and c.pos_ != "PRON")
            for c in m.head.children
        ):
            return None
    if _is_accident(m):
        return None
    mood = mood_of(m.head)
    type_name, cameo, retyped = type_for_mood(row.type, row.cameo, mood)
    if threat and type_name == row.type and not mood.negated:
        type_name, cameo, retyped = "THREATEN", "13", "a promise of conflict is THREATEN"
    negated = mood.negated and type_name == row.type  # a refusal is the event, not negated
    text = doc_text(sent.doc)
    t_start = min(t.idx for t in m.tokens)
    t_end = max(t.idx + len(t.text) for t in m.tokens)
    if len(m.tokens) > 1 and t_end - t_start > 40:
        t_start, t_end = m.head.idx, m.head.idx + len(m.head.text)  # far-flung words
    why = {
        "trigger": f"'{text[t_start:t_end]}' ({m.head.pos_.lower()} lemma '{lemma(m.head)}')",
        "rule": f"{row.id}: {row.trigger} [{row.pos}, {row.pattern}] -> {row.type} "
        f"cameo {row.cameo} ({LEXICON_FILE}:{row.line})",
        "pattern": row.pattern,
        "source": _describe(src_picked, actors, m.head),
        "target": _describe(tgt_picked, actors, m.head),
    }
    if mood.cues:
        why["mood"] = ", ".join(mood.cues)
    if row.pos == "verb" and not source and row.type in ("ASSAULT", *NEEDS_GIVER):
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in m.head.children):
            why["voice"] = "agentless passive"
    if retyped:
        why["type"] = f"{type_name}: {retyped}"
    mode: str | None = None
    if type_name == "THREATEN" and row.type == "THREATEN" and row.mode:
        mode = row.mode
        why["mode"] = f"{mode} (lexicon row)"
    elif type_name == "THREATEN":
        acts = content or ([m] if row.type != "THREATEN" else [])
        if found := _threat_mode(m.head, acts):
            mode = found[0]
            why["mode"] = f"{mode} (content of the threat: {found[1]})"
    elif type_name == row.type:
        if row.mode:
            mode = row.mode
            why["mode"] = f"{mode} (lexicon row)"
        elif found := find_mode(type_name, m.head.subtree, sent):
            mode = found[0]
            why["mode"] = f"{mode} (cue '{found[1]}')"
        if row.type == "ASSAULT" and (named := _named_weapon(m.head, mode)):
            mode = named[0]
            why["mode"] = f"{mode} (weapon '{named[1]}' named on the act)"
        if row.type == "MOBILIZE" and (named := _named_force(m.head, mode)):
            mode = named[0]
            why["mode"] = f"{mode} (force '{named[1]}' named on the act)"
    contexts = [row.context] if row.context else []
    cues = []
    for context, cue in find_contexts(sent):
        if context not in contexts:
            contexts.append(context)
            cues.append(f"{context} ('{cue}')")
    if contexts:
        row_part = [f"{row.context} (lexicon row)"] if row.context else []
        why["contexts"] = ", ".join(row_part + cues)
    return Event(
        id="",
        type=type_name,
        evidence=evidence(text, sent.start_char, sent.end_char, (t_start, t_end)),
        source=source,
        target=target,
        mode=mode,
        contexts=contexts,
        cameo=cameo,
        negated=negated,
        hypothetical=mood.hypothetical,
        future=mood.future,
        confidence=round(confidence(row), 3),
        rule=row.id,
        why=why,
    )
