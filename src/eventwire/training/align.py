"""Labels for the candidates of a gold article, by aligning its gold events to them.

Gold events give a type, the actors' names and the evidence sentence, not the trigger word.
A gold event is assigned to one candidate of its type in a sentence its evidence overlaps:
the one whose words stand closest, in the parse, to the gold actors' mentions (the rule
coder's own reading of the actors counts first), then a candidate the rules code, then the
one nearest the main clause. A candidate with a gold event is positive; every other one is
negative. A gold event with no candidate of its type cannot be learned; it counts as missed
in the out-of-fold figures all the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from eventwire.actors.table import ActorTable
from eventwire.coding.candidates import ArticleCandidates, Candidate
from eventwire.coding.score import Names, evidence_overlaps, names_match

FAR = 99  # tree distance standing for "no mention in the sentence"


@dataclass(frozen=True, slots=True)
class GoldSides:
    source: Names | None
    target: Names | None


def gold_sides(gold: dict[str, Any]) -> list[GoldSides]:
    """Each gold event's source and target as the names they go by (name and aliases)."""
    aliases = {a["name"]: (a["name"], *a.get("aliases", [])) for a in gold["actors"]}

    def names(value: str | None) -> Names | None:
        return None if value is None else aliases.get(value, (value,))

    return [GoldSides(names(e.get("source")), names(e.get("target"))) for e in gold["events"]]


def actor_names(actors: ActorTable, actor_id: str) -> Names:
    """An actor's name and the texts of its mentions: the forms the scorer compares."""
    actor = actors.get(actor_id)
    return (actor.name, *(m.text for m in actor.mentions))


def matching_actors(actors: ActorTable, gold: Names | None) -> set[str]:
    if gold is None:
        return set()
    return {a.id for a in actors if names_match(actor_names(actors, a.id), gold)}


def _ancestors(tok: Token) -> list[int]:
    out = [tok.i]
    while tok.head.i != tok.i:
        tok = tok.head
        out.append(tok.i)
    return out


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    up_a, up_b = _ancestors(a), _ancestors(b)
    common = set(up_a) & set(up_b)
    if not common:
        return FAR
    return next(i for i, t in enumerate(up_a) if t in common) + next(
        i for i, t in enumerate(up_b) if t in common
    )


def _closeness(cand: Candidate, ids: set[str], actors: ActorTable) -> int:
    """Tree distance from the trigger to the nearest mention of one of the actors."""
    best = FAR
    for tok in cand.sent:
        if ids & set(actors.actors_for_token(tok)):
            best = min(best, tree_distance(cand.head, tok))
    return best


def _rule_sides(cand: Candidate) -> tuple[list[str], list[str]]:
    event = cand.quote_act or (cand.traced.event if cand.traced else None)
    return (event.source, event.target) if event is not None else ([], [])


def _depth(tok: Token) -> int:
    return len(_ancestors(tok)) - 1


# sources whose proposal of a type is a reading of the word itself (a mood change is not)
DIRECT_SOURCES = ("lexicon", "petrarch", "quotation")


def _rank(
    article: ArticleCandidates, k: int, src_ids: set[str], tgt_ids: set[str], taken: int
) -> tuple[int, int, int, int, int, int]:
    """Sort key of a candidate for a gold event: its sides read by the rules, how many
    dictionaries propose the type for the word, its nearness to the gold actors, being
    coded by the rules, being free, being near the main clause."""
    c = article.candidates[k]
    rule_src, rule_tgt = _rule_sides(c)
    fit = bool(src_ids & set(rule_src)) + bool(tgt_ids & set(rule_tgt))
    strength = sum(s in c.sources for s in DIRECT_SOURCES)
    near = _closeness(c, src_ids, article.actors) + _closeness(c, tgt_ids, article.actors)
    return (-fit, -strength, near, -int(c.rule_final), taken, _depth(c.head))


def align(article: ArticleCandidates, gold: dict[str, Any]) -> list[list[int]]:
    """For each candidate (in order), the indexes of the gold events assigned to it."""
    actors = article.actors
    assigned: list[list[int]] = [[] for _ in article.candidates]
    for g_index, (event, sides) in enumerate(zip(gold["events"], gold_sides(gold), strict=True)):
        eligible = [
            k
            for k, c in enumerate(article.candidates)
            if c.type == event["type"] and evidence_overlaps(c.evidence.sentence, event["evidence"])
        ]
        if not eligible:
            continue
        src_ids = matching_actors(actors, sides.source)
        tgt_ids = matching_actors(actors, sides.target)

        best = min(eligible, key=lambda k: _rank(article, k, src_ids, tgt_ids, len(assigned[k])))
        assigned[best].append(g_index)
    return assigned
