"""Coreference of issue 12: a role description and the named person it takes up, acronyms
spelled out earlier, a surname and the dictionary's full name."""

from __future__ import annotations

from eventwire.actors.resolve import resolve_actors


def _one(table, name: str):
    found = [a for a in table if a.name == name]
    assert len(found) == 1, [(a.name, [m.text for m in a.mentions]) for a in table]
    return found[0]


def test_a_role_description_takes_up_the_named_national(nlp) -> None:
    text = (
        "Ariel Sharon visited the Temple Mount on Thursday. "
        "The Israeli prime minister said the visit was peaceful."
    )
    sharon = _one(resolve_actors(nlp(text), published="2003-01-10"), "Ariel Sharon")
    assert "The Israeli prime minister" in [m.text for m in sharon.mentions]
    assert (sharon.country, sharon.code, sharon.role) == ("ISR", "ISRGOV", "Prime Minister")


def test_no_description_link_without_evidence_of_nationality(resolve) -> None:
    text = "Yaakov Levin spoke to reporters. The Israeli prime minister said talks would go on."
    levin = _one(resolve(text), "Yaakov Levin")
    assert [m.text for m in levin.mentions] == ["Yaakov Levin"] and levin.country is None


def test_an_acronym_spelled_out_earlier_is_the_same_body(resolve) -> None:
    table = resolve(
        "Fighters of the Rapid Support Forces attacked El Fasher on Monday. "
        "The RSF said it had taken the airport."
    )
    rsf = _one(table, "Rapid Support Forces")
    assert "RSF" in [m.text for m in rsf.mentions]
    assert (rsf.country, rsf.code) == ("SDN", "SDNPRM")
    assert not any(a.name == "Reporters Without Borders" for a in table)


def test_the_knowledge_base_acronym_where_nothing_is_spelled_out(resolve) -> None:
    table = resolve("RSF condemned the arrest of the journalist on Monday.")
    assert _one(table, "Reporters Without Borders").code == "NGO"
