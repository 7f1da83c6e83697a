"""The trained event coder: candidates in, events out, decided by the shipped model.

1. `article_candidates` lists every trigger word with a type proposed for it (our lexicon,
   PETRARCH2's verb dictionary, quotation speech acts, PLOVER's mood rules).
2. The event model scores each candidate; a word keeps its best type when that scores at or
   above the model's threshold (a threshold of its own for a candidate the rules code).
3. The rules' reading of a side wins when they read one; for a side they leave empty, the
   source and target models score every actor of the sentence (and of the sentence before,
   for a side the sentence leaves implicit); actors at or above a threshold fill the side,
   an actor going to the side it scores higher on.
4. One event per (type, source, target) in a sentence; repeated reports are merged as the
   rule coder merges them (`merge.merge_reports`).
The mood flags, mode, contexts and CAMEO code come from the rules' reading of the trigger.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from spacy.tokens import Doc

from eventwire.actors.table import ActorTable
from eventwire.coding.candidates import ArticleCandidates, Candidate, article_candidates
from eventwire.coding.coder import SUBORDINATE_FACTOR
from eventwire.coding.cues import find_contexts, find_mode
from eventwire.coding.features import (
    ActorMention,
    argument_candidates,
    argument_features,
    event_features,
    sentence_actors,
    subordination,
)
from eventwire.coding.lexicon import LEXICON_FILE
from eventwire.coding.linear import CoderModel, shipped_model
from eventwire.coding.merge import merge_reports
from eventwire.coding.ontology import cameo_fits, cameo_roots, modes
from eventwire.coding.petrarch import PATTERNS_FILE, VERBS_FILE
from eventwire.coding.stance import STANCE_FILE
from eventwire.model import Event, Quote

Scored = tuple[ActorMention, list[str]]
# acts two parties do together: "X and Y signed an agreement" is coded both ways
JOINT_TYPES = {"AGREE", "SUPPORT", "CONSULT", "COOPERATE"}


@dataclass(slots=True)
class ArticleFeatures:
    """An article's candidates with their features; argument features are computed for a
    candidate the first time they are asked for."""

    art: ArticleCandidates
    events: list[list[str]]
    _actors: dict[int, dict[str, list]] = field(default_factory=dict)  # sentence -> mentions
    _args: dict[int, list[Scored]] = field(default_factory=dict)

    def arguments(self, k: int) -> list[Scored]:
        if k not in self._args:
            c = self.art.candidates[k]
            mentions = self._sentence_actors(c.sent_index)
            self._args[k] = [
                (m, argument_features(c, m, self.art))
                for m in argument_candidates(c, self.art, mentions)
            ]
        return self._args[k]

    def _sentence_actors(self, index: int) -> dict[str, list]:
        if index not in self._actors:
            self._actors[index] = sentence_actors(self.art, self.art.sentences[index])
        return self._actors[index]


def article_features(art: ArticleCandidates) -> ArticleFeatures:
    return ArticleFeatures(art, [event_features(c, art) for c in art.candidates])


def code_article(
    doc: Doc, actors: ActorTable, quotes: list[Quote], model: CoderModel | None = None
) -> list[Event]:
    """The events of a parsed article, ids e1.. in text order."""
    feats = article_features(article_candidates(doc, actors, quotes))
    return decode(feats, model or shipped_model())


@dataclass(frozen=True, slots=True)
class Decision:
    index: int  # candidate
    probability: float
    source: list[tuple[str, float]]
    target: list[tuple[str, float]]


@dataclass(frozen=True, slots=True)
class Thresholds:
    event: float
    source: float
    target: float
    rules: float  # the event threshold of a candidate the rules code themselves

    @classmethod
    def of(cls, model: CoderModel) -> Thresholds:
        ev = model.event
        return cls(
            ev.threshold,
            model.source.threshold,
            model.target.threshold,
            ev.threshold if ev.rules_threshold is None else ev.rules_threshold,
        )

    def for_event(self, c: Candidate) -> float:
        return self.rules if c.rule_final else self.event


class Scores:
    """One article's probabilities under one model, each computed once (training tries
    several thresholds on the same scores)."""

    def __init__(self, feats: ArticleFeatures, model: CoderModel) -> None:
        self.feats = feats
        self.model = model
        self.events = [model.event.probability(fs) for fs in feats.events]
        self._sides: dict[int, list[Side]] = {}

    def sides(self, k: int) -> list[Side]:
        """Each actor around candidate k with its probability of being the source and the
        target."""
        if k not in self._sides:
            m = self.model
            self._sides[k] = [
                Side(mention, m.source.probability(fs), m.target.probability(fs))
                for mention, fs in self.feats.arguments(k)
            ]
        return self._sides[k]


@dataclass(frozen=True, slots=True)
class Side:
    mention: ActorMention
    source: float
    target: float


def _coordinated(best: Side, around: list[Side], art: ArticleCandidates) -> list[Side]:
    """The best actor and those coordinated with its mention ("Egypt, Greece and Cyprus
    condemned"): the gold sets code one event per actor of such a list."""
    if best.mention.previous:
        return [best]
    tok = best.mention.token
    named = {a for t in (tok, *tok.conjuncts) for a in art.actors.actors_for_token(t)}
    return [best] + [s for s in around if s.mention.actor in named and s is not best]


def decide(scores: Scores, limits: Thresholds) -> list[Decision]:
    """The candidates the model accepts (one type per word), with their sides: for each
    side the actor scoring highest, when at or above the side's threshold, with the actors
    coordinated with it; the source is chosen first."""
    best: dict[int, tuple[float, int]] = {}
    cands = scores.feats.art.candidates
    for k, p in enumerate(scores.events):
        head = cands[k].head.i
        if p >= limits.for_event(cands[k]) and p > best.get(head, (-1.0, -1))[0]:
            best[head] = (p, k)
    art = scores.feats.art
    out = []
    for p, k in sorted(best.values(), key=lambda pk: pk[1]):
        around = scores.sides(k)
        source: list[Side] = []
        top = max(around, key=lambda s: s.source, default=None)
        if top is not None and top.source >= limits.source:
            source = _coordinated(top, around, art)
        rest = [s for s in around if s not in source]
        top = max(rest, key=lambda s: s.target, default=None)
        target: list[Side] = []
        if top is not None and top.target >= limits.target:
            target = [s for s in _coordinated(top, rest, art) if s not in source]
        out.append(
            Decision(
                k,
                p,
                [(s.mention.actor, s.source) for s in source],
                [(s.mention.actor, s.target) for s in target],
            )
        )
    return out


def decode(
    feats: ArticleFeatures,
    model: CoderModel,
    *,
    scores: Scores | None = None,
    limits: Thresholds | None = None,
    merge: bool = True,
) -> list[Event]:
    art = feats.art
    scores = scores or Scores(feats, model)
    events: list[Event] = []
    seen: set[tuple[int, str, tuple[str, ...], tuple[str, ...]]] = set()
    for d in decide(scores, limits or Thresholds.of(model)):
        c = art.candidates[d.index]
        event = _event(c, d, art, model, feats.events[d.index])
        key = (c.sent_index, event.type, tuple(event.source), tuple(event.target))
        if key in seen:
            continue  # "bombings struck": one attack, two triggers
        seen.add(key)
        events.extend(_joint(event))
    if merge:
        events = merge_reports(events, art.doc, art.actors)
    for i, event in enumerate(events, start=1):
        event.id = f"e{i}"
    return events


def _joint(event: Event) -> list[Event]:
    """ "Turkey and Libya signed an agreement": a joint act of two parties is coded both ways,
    each party the other's counterpart."""
    if event.type not in JOINT_TYPES or event.target or len(event.source) != 2:
        return [event]
    a, b = event.source
    return [
        dataclasses.replace(event, source=[a], target=[b], why=dict(event.why)),
        dataclasses.replace(event, source=[b], target=[a], why=dict(event.why), mentions=[]),
    ]


def _sides(found: list[tuple[str, float]], art: ArticleCandidates) -> str:
    if not found:
        return "none scored high enough"
    named = "; ".join(f"{a} {art.actors.get(a).name} (p={p:.2f})" for a, p in found)
    return f"{named} (argument model)"


def _rule(c: Candidate) -> tuple[str, str]:
    """(rule id, where it comes from) of the candidate's strongest source."""
    if c.quote_act is not None and c.quote_act.rule:
        return c.quote_act.rule, c.quote_act.why.get("rule", STANCE_FILE)
    if c.traced is not None:
        row = c.traced.match.row
        return (
            row.id,
            f"{row.id}: {row.trigger} [{row.pos}, {row.pattern}] ({LEXICON_FILE}:{row.line})",
        )
    for row in c.loose:
        return (
            row.id,
            f"{row.id}: {row.trigger}, its words without its pattern ({LEXICON_FILE}:{row.line})",
        )
    for pm in c.petrarch:
        if pm.pattern is not None:
            return f"petrarch:{pm.pattern.line}", (
                f"PETRARCH2 pattern of '{pm.verb.verb}', CAMEO {pm.cameo} "
                f"({PATTERNS_FILE}, CAMEO.2.0.txt:{pm.pattern.line})"
            )
        return (
            f"petrarch:{pm.verb.verb}",
            f"PETRARCH2 verb '{pm.verb.verb}', CAMEO {pm.cameo} ({VERBS_FILE})",
        )
    if c.quotes:
        return "quotation", "a direct quotation attributed by this verb"
    return "model", "no dictionary"


def _read(ids: list[str], base: Event | None, side: str, art: ArticleCandidates) -> str:
    if base is not None and side in base.why:
        return f"{base.why[side]} (rules)"
    return (
        f"{', '.join(f'{a} {art.actors.get(a).name}' for a in ids)} (the rules' argument reading)"
    )


def _base(c: Candidate) -> Event | None:
    """The rules' own event for this word and type, when they build one."""
    if c.quote_act is not None and c.quote_act.type == c.type:
        return c.quote_act
    if c.traced is not None and c.traced.event is not None and c.traced.event.type == c.type:
        return c.traced.event
    return None


def _event(
    c: Candidate, d: Decision, art: ArticleCandidates, model: CoderModel, fs: list[str]
) -> Event:
    rule_id, rule = _rule(c)
    strongest = ", ".join(f"{f} {w:+.2f}" for f, w in model.event.strongest(fs))
    why = {
        "rule": rule,
        "proposed by": ", ".join(sorted(c.sources)),
        "model": f"event p={d.probability:.2f} (strongest features: {strongest})",
        "source": _sides(d.source, art),
        "target": _sides(d.target, art),
    }
    source = [a for a, _ in d.source]
    target = [a for a, _ in d.target]
    # a subordinate event keeps less confidence, so a sentence's main event leads it
    depth = subordination(c.head)
    confidence = round(d.probability * SUBORDINATE_FACTOR**depth, 3)
    if depth:
        why["salience"] = f"{depth} level(s) below the main clause"
    # the rules' reading of a side wins; the argument model fills a side they leave empty
    read_source, read_target = c.reading
    base = _base(c)
    if read_source:
        source, why["source"] = list(read_source), _read(read_source, base, "source", art)
    if read_target:
        target, why["target"] = list(read_target), _read(read_target, base, "target", art)
    target = [a for a in target if a not in source]
    if base is not None:
        return dataclasses.replace(
            base,
            evidence=dataclasses.replace(base.evidence),
            source=source,
            target=target,
            confidence=confidence,
            mentions=[],
            why={**base.why, **why},
            rule=rule_id,
            contexts=list(base.contexts),
        )
    mood = art.moods[c.head.i]
    sent = c.sent
    cameo = next((pm.cameo for pm in c.petrarch if cameo_fits(c.type, pm.cameo)), None)
    # a cue word of the sentence, as the rules read modes, else the CAMEO code's mode
    found = find_mode(c.type, c.head.subtree, sent)
    mode = found[0] if found else None
    if mode is None:
        mode = next(
            (
                pm.pattern.mode
                for pm in c.petrarch
                if pm.pattern and pm.pattern.mode in modes(c.type) and c.type in pm.types
            ),
            None,
        )
    why["trigger"] = f"'{c.evidence.trigger}' ({c.head.pos_.lower()} lemma '{c.head.lemma_}')"
    why["pattern"] = ", ".join(sorted(c.sources))
    if mood.cues:
        why["mood"] = ", ".join(mood.cues)
    # a refusal made of a negated offer is the event itself, not a negated one
    refusal = "mood" in c.sources and c.type == "REJECT"
    return Event(
        id="",
        type=c.type,
        evidence=dataclasses.replace(c.evidence),
        source=source,
        target=[a for a in target if a not in source],
        mode=mode,
        contexts=[context for context, _ in find_contexts(sent)],
        cameo=cameo or cameo_roots(c.type)[0],
        negated=mood.negated and not refusal,
        hypothetical=mood.hypothetical,
        future=mood.future,
        confidence=confidence,
        rule=rule_id,
        why=why,
    )
