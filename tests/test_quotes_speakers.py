"""Speaker choice for quotes: apposition, organisations speaking through statements,
agents of issued words, and definite descriptions the actor table left unlinked."""

from __future__ import annotations

import pytest

from eventwire.actors.table import ActorTable
from eventwire.model import Actor, ActorKind, Mention
from eventwire.nlp.quotes import find_quotes

KINDS: dict[str, ActorKind] = {"PERSON": "person", "ORG": "organisation", "GPE": "state"}


def kinded_table(doc, names: dict[str, ActorKind]) -> ActorTable:
    """One actor per listed name, linked at every verbatim occurrence (a stand-in for the
    actors stage that, like it, leaves pronouns and descriptions such as "the party" alone)."""
    table = ActorTable()
    for name, kind in names.items():
        mentions = []
        start = doc.text.find(name)
        while start >= 0:
            mentions.append(Mention(name, start, start + len(name)))
            start = doc.text.find(name, start + 1)
        table.add(Actor("", name, kind, mentions=mentions))
    return table


def speakers(doc, table: ActorTable) -> list[str | None]:
    return [
        table.get(q.speaker).name if q.speaker else None
        for q in find_quotes(doc, table)
        if q.direct
    ]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            # the name in apposition speaks, not the person the description hangs on
            'Ruiz\'s sister, Marta Ruiz, said, "We will keep asking for answers."',
            {"Ruiz": "person", "Marta Ruiz": "person"},
            "Marta Ruiz",
        ),
        (
            # a person named inside the subject phrase beats the country in it
            'Foreign Minister of Chile Ana Soto said, "The border stays open for trade."',
            {"Chile": "state", "Ana Soto": "person"},
            "Ana Soto",
        ),
        (
            # two subjects: the one next to the verb
            'A member of the Senate, Lars Holm said, "This is a sad day for all of us."',
            {"Senate": "organisation", "Lars Holm": "person"},
            "Lars Holm",
        ),
        (
            # words issued "from" someone are that someone's, whoever relays them
            'The ministry published the following message from the governor: "Stay indoors '
            'until the storm passes."',
            {"ministry": "organisation", "governor": "person"},
            "governor",
        ),
        (
            "Earlier the Harbour Board issued an order by Captain Ivo Marin telling crews to "
            '"leave the docks at once and wait for instructions."',
            {"Harbour Board": "organisation", "Ivo Marin": "person"},
            "Ivo Marin",
        ),
    ],
)
def test_speaker_from_the_subject_phrase(nlp, text: str, names, expected: str) -> None:
    doc = nlp(text)
    assert speakers(doc, kinded_table(doc, names)) == [expected]


def test_a_statement_speaks_for_whoever_issued_it(nlp):
    text = (
        "On Monday the Northern Shipping Alliance released a statement on the strike. "
        "A spokesperson told reporters the talks had failed. "
        '"No vessel will leave port this week," read the statement.'
    )
    doc = nlp(text)
    table = kinded_table(doc, {"Northern Shipping Alliance": "organisation"})
    assert speakers(doc, table) == ["Northern Shipping Alliance"]


def test_they_released_a_statement_which_said(nlp):
    text = (
        "The Baltic Fisheries Council also criticised the quota. "
        'They released a statement which said, "Quotas must follow the science."'
    )
    doc = nlp(text)
    table = kinded_table(doc, {"Baltic Fisheries Council": "organisation"})
    assert speakers(doc, table) == ["Baltic Fisheries Council"]


def test_the_party_is_the_party_named_before(nlp):
    text = (
        "The Green Harvest Party met in the capital on Sunday.\n\n"
        '"We will not join any coalition that cuts farm support," the party told the press.'
    )
    doc = nlp(text)
    table = kinded_table(doc, {"Green Harvest Party": "organisation"})
    assert speakers(doc, table) == ["Green Harvest Party"]


def test_an_unlinked_person_description_stays_unattributed(nlp):
    # "the farmer" matches no actor's name: no speaker is better than a wrong one
    text = 'The Green Harvest Party met on Sunday. "Prices are too low," the farmer said.'
    doc = nlp(text)
    table = kinded_table(doc, {"Green Harvest Party": "organisation"})
    assert speakers(doc, table) == [None]
