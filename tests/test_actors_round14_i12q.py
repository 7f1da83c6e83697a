"""Round 14 (issue i12q): actors' countries and a state's embassies. Sentences written for
these tests."""

from __future__ import annotations

from tests.helpers import one_actor as _one


def _names(table) -> list[str]:
    return [a.name for a in table]


# 1. a state's embassy or consulate, named with its state, is an organisation of that state


def test_a_states_embassy_in_a_city_is_its_organisation(resolve) -> None:
    table = resolve("Norway's embassy in Lusaka said on Friday that two aid workers were safe.")
    embassy = _one(table, "Norway's embassy in Lusaka")
    assert (embassy.kind, embassy.country, embassy.sector) == ("organisation", "NOR", "GOV")
    assert "Norway" not in _names(table)  # the state acts through its post


def test_a_demonym_consulate_is_of_that_state(resolve) -> None:
    table = resolve("The Kenyan consulate in Dubai urged workers to register their contracts.")
    consulate = _one(table, "Kenyan consulate in Dubai")
    assert consulate.country == "KEN"


def test_the_embassy_of_a_state(resolve) -> None:
    table = resolve("The embassy of Chile in Lima protested against the new visa rules.")
    assert _one(table, "embassy of Chile in Lima").country == "CHL"


def test_an_embassy_as_a_channel_or_place_is_no_actor(resolve) -> None:
    table = resolve("Manila lodged a protest with the Vietnamese embassy on Monday.")
    assert not any("embassy" in n for n in _names(table))
    table = resolve("Students rallied outside the Danish embassy in Ankara.")
    assert not any("embassy" in n for n in _names(table))


# 2. an official the text places only by where they speak: the capital of a state it names


def test_a_minister_speaking_in_a_named_states_capital_is_of_that_state(resolve) -> None:
    text = (
        "Ecuador suspended talks with Peru on Monday. Ecuador wants a new deal, and Ecuador's "
        "farmers want cheaper power. But Energy Minister Lucia Campos told reporters in Lima "
        "that the price was fair."
    )
    assert _one(resolve(text), "Lucia Campos").country == "PER"  # not the story's Ecuador


def test_a_minister_placed_by_her_pronoun_speaking_in_the_capital(resolve) -> None:
    text = (
        'Interior Minister Helena Dorado said the wall was legal. "We decide who enters," '
        "she told reporters in Tegucigalpa. Nicaragua rejected the claim."
    )
    assert _one(resolve(text), "Helena Dorado").country == "HND"


def test_capitalised_portfolio_words_before_minister_are_no_body(resolve) -> None:
    table = resolve("Mines and Energy Minister Joana Ferraz said the quota would stay.")
    assert "Energy" not in _names(table)
    assert _one(table, "Joana Ferraz").affiliation is None


def test_the_body_a_person_leads_in_a_place_places_the_person(resolve) -> None:
    text = (
        "Venezuela sent troops to the river. Venezuela says the river is its border, and "
        'Venezuela\'s navy patrols it. "The fish are gone," said '
        "Arjun Persaud, who heads a fishermen's association in Bartica."
    )
    assert _one(resolve(text), "Arjun Persaud").country == "GUY"


def test_another_relative_clause_does_not_place_a_person(resolve) -> None:
    text = (
        "Venezuela sent troops to the river. Venezuela says the river is its border, and "
        'Venezuela\'s navy patrols it. "The fish are gone," said '
        "Arjun Persaud, who fished near Bartica for years."
    )
    assert _one(resolve(text), "Arjun Persaud").country == "VEN"  # the story's state


# 2b. an act told with the speaker's own quoted words is a statement of its own day


def test_an_accusation_in_quoted_words_after_the_lead_keeps_no_lead_day(nlp) -> None:
    from eventwire.model import Actor, Event, Evidence, Mention
    from eventwire.nlp.dates import date_events

    lead = "On Wednesday, the Danish government closed its embassy in the capital."
    after = 'The Danish trade minister blamed Oslo for ignoring "every single warning."'
    doc = nlp(f"{lead}\n\n{after}")

    def actor(aid: str, name: str) -> Actor:
        start = doc.text.index(name)
        kind = "state" if aid == "a1" else "person"
        return Actor(aid, name, kind, country="DNK", sector="GOV",
                     mentions=[Mention(name, start, start + len(name))])  # fmt: skip

    actors = [actor("a1", "Danish government"), actor("a2", "Danish trade minister")]
    start = doc.text.index(after)
    t_start = doc.text.index("blamed", start)
    ev = Evidence(after, start, start + len(after), "blamed", t_start, t_start + 6)
    event = Event("e1", "ACCUSE", ev, source=["a2"])
    date_events([event], doc, "2025-04-11", fallback="published", actors=actors)
    assert event.date is None


# 3. a body's country from its gloss or its fighters


def test_an_acronym_glossed_as_a_un_mission_is_of_no_state(resolve) -> None:
    text = (
        "Rebels attacked Bouar on Sunday. The U.N. stabilisation mission in the country, "
        "ORBIX, said 12 people were killed in Chad's border area and in Bouar."
    )
    body = _one(resolve(text), "ORBIX")
    assert (body.country, body.code) == (None, "UNO")


def test_a_unit_under_a_states_ministry_is_of_that_state(resolve) -> None:
    text = (
        "Mali's army and the Iron Brigade retook Tessit on Friday. Mali has paid the Iron "
        "Brigade, a unit under Turkey's Defence Ministry, with mining rights."
    )
    assert _one(resolve(text), "Iron Brigade").country == "TUR"


def test_fighters_of_a_demonym_make_the_body_theirs(resolve) -> None:
    text = (
        "Mali's army said Turkish fighters of the Iron Brigade attacked a rebel camp near "
        "Tessit on Friday. Mali's government thanked them."
    )
    assert _one(resolve(text), "Iron Brigade").country == "TUR"


def test_a_state_company_is_of_the_storys_state(resolve) -> None:
    text = (
        "Drivers employed by contractors of the state energy company Vostgaz blocked a road "
        "in Kazakhstan on Monday. Kazakhstan's police detained four of them."
    )
    assert _one(resolve(text), "Vostgaz").country == "KAZ"


def test_a_state_company_is_of_the_state_named_before_it(resolve) -> None:
    text = (
        "Moldova said on Monday that Russia's state-owned gas company Vostgaz had cut its "
        "supplies. Moldova's president called it blackmail."
    )
    assert _one(resolve(text), "Vostgaz").country == "RUS"


# 4. a name in apposition to a title, which NER took in part for a place


def test_a_three_part_name_after_a_title_is_one_person(resolve) -> None:
    text = (
        "The U.N. special envoy for Sudan, Marta Lopez Soto, said the truce was holding "
        "in most of the country."
    )
    person = _one(resolve(text), "Marta Lopez Soto")
    assert (person.kind, person.country, person.code) == ("person", None, "UNO")
