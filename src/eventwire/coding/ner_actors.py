"""A stand-in actor table built from named entities, for measuring the coder before (or
without) the actors stage. Same surface, same name: one actor; a person's last name and
a following he/she/his/her link to the latest person."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.actors.table import ActorTable
from eventwire.model import Actor, ActorKind, Mention

KINDS: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "state",
    "NORP": "group",
}
PRONOUNS = {"he", "she", "his", "her", "him"}


def ner_actor_table(doc: Doc, *, link_pronouns: bool = True) -> ActorTable:
    table = ActorTable()
    by_name: dict[str, str] = {}
    last_person: str | None = None
    ents = {e.start: e for e in doc.ents if e.label_ in KINDS}
    i = 0
    while i < len(doc):
        ent = ents.get(i)
        if ent is not None:
            name = ent.text.removesuffix("'s").strip()
            if name.lower().startswith("the "):
                name = name[4:]
            key = name.lower()
            actor_id = by_name.get(key)
            if actor_id is None and ent.label_ == "PERSON":
                # "Rutte" after "Mark Rutte"
                actor_id = next(
                    (v for k, v in by_name.items() if k.split()[-1] == key.split()[-1]), None
                )
            mention = Mention(ent.text, ent.start_char, ent.end_char)
            if actor_id is None:
                actor = table.add(Actor("", name, KINDS[ent.label_], mentions=[mention]))
                actor_id = actor.id
                by_name[key] = actor_id
            else:
                table.link(actor_id, ent.start_char, ent.end_char, ent.text)
            if ent.label_ == "PERSON":
                last_person = actor_id
            i = ent.end
            continue
        tok = doc[i]
        if link_pronouns and tok.lower_ in PRONOUNS and last_person is not None:
            table.link(last_person, tok.idx, tok.idx + len(tok.text), tok.text)
        i += 1
    return table
