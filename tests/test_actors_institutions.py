"""A state's institutions and parties named without the state (issue 12, second pass)."""

from __future__ import annotations

from tests.helpers import one_actor as _one


def test_a_body_only_one_state_has_is_that_states(resolve) -> None:
    table = resolve("The Kremlin rejected the report, and Civic Platform called for a vote.")
    assert (_one(table, "Kremlin").country, _one(table, "Kremlin").code) == ("RUS", "RUSGOV")
    assert _one(table, "Civic Platform").country == "POL"


def test_a_shared_party_name_is_the_story_states(resolve) -> None:
    us = (
        "The United States Senate passed the bill on Monday. The Democratic Party said the "
        "vote in Washington was rushed, and Democrats in Ohio and Texas agreed."
    )
    table = resolve(us)
    assert _one(table, "Democratic Party").country == "USA"
    democrats = _one(table, "Democrats")
    assert (democrats.kind, democrats.country) == ("group", "USA")
    hk = (
        "Hong Kong's legislature met on Monday. Lawmaker Lee Ka-ming of the Democratic Party "
        "said Hong Kong people had been betrayed by the Hong Kong government."
    )
    assert _one(resolve(hk), "Lee Ka-ming").country == "HKG"


def test_a_shared_name_in_a_story_about_no_named_state_has_no_country(resolve) -> None:
    table = resolve("The Democratic Party said the vote was rushed.")
    assert _one(table, "Democratic Party").country is None


def test_a_party_word_describing_a_person_gives_the_country(resolve) -> None:
    text = (
        "The House of Representatives in Washington voted on Thursday. A Republican, Dale "
        "Hobart, backed the inquiry, and Republican congressman Earl Whitby of Ohio opposed it."
    )
    table = resolve(text)
    assert _one(table, "Dale Hobart").country == "USA"
    assert _one(table, "Earl Whitby").affiliation == "Republican Party"


def test_institutions_tell_which_state_a_story_is_about(resolve) -> None:
    """A story about US politics that names Ukraine more often than the United States is
    still about the United States where its institutions are American."""
    text = (
        "The State Department and the White House refused to hand over documents about "
        "Ukraine. The Pentagon delayed aid to Ukraine, and Ukraine asked why. President Mark "
        "Ellison said Ukraine had been treated fairly."
    )
    assert _one(resolve(text), "Mark Ellison").country == "USA"


def test_police_and_courts_named_by_their_noun_are_the_story_states(resolve) -> None:
    text = (
        "Thousands marched in Tbilisi, the capital of Georgia, on Saturday against the "
        "Georgian government. Police detained 34 protesters near the parliament in Tbilisi."
    )
    police = _one(resolve(text), "police")
    assert (police.kind, police.country, police.code) == ("group", "GEO", "GEOCOP")


def test_the_place_before_a_police_force_or_court_gives_its_state(resolve) -> None:
    table = resolve(
        "Northamptonshire police questioned the driver. A Paris court jailed two officers."
    )
    assert _one(table, "Northamptonshire police").country == "GBR"
    assert _one(table, "Paris court").country == "FRA"


def test_a_bare_national_body_and_those_affiliated_to_it_are_the_story_states(resolve) -> None:
    text = (
        "Manila rejected the claim, the Philippines said on Monday. The Philippine navy "
        "shadowed the ships, and the Coast Guard said it had filed a report with Manila."
    )
    assert _one(resolve(text), "Coast Guard").country == "PHL"


def test_bare_police_is_the_police_force_the_text_names_in_full(resolve) -> None:
    text = (
        'Police fired tear gas at marchers in Kowloon on Sunday. "Officers were attacked '
        'with bricks," police spokesperson Mei Tsang Ka-lok said. Hong Kong police said '
        "twelve people were arrested."
    )
    table = resolve(text)
    forces = [a for a in table if a.sector == "COP" and a.kind == "group"]
    assert [(a.name, a.country) for a in forces] == [("Hong Kong police", "HKG")]
    assert _one(table, "Mei Tsang Ka-lok").country == "HKG"


def test_a_dictionary_name_ending_in_a_bodys_noun_is_a_body(resolve) -> None:
    """The converted dictionaries file the Kurdistan Regional Government among people."""
    table = resolve("Kurdistan Regional Government spokesman Aram Salih rejected the law.")
    krg = _one(table, "Kurdistan Regional Government")
    assert (krg.kind, krg.country) == ("organisation", "IRQ")
    assert _one(table, "Aram Salih").country == "IRQ"


def test_a_party_ner_took_for_a_place_is_a_party_and_places_its_leader(resolve) -> None:
    text = (
        "Thousands marched in Tbilisi on Saturday against the Georgian government. Opposition "
        "politician Nodar Beridze, leader of the United Georgia party, called for new elections."
    )
    table = resolve(text)
    party = _one(table, "United Georgia")  # "X party" is the party X (round 11)
    assert (party.kind, party.country) == ("organisation", "GEO")
    assert [m.text for m in party.mentions] == ["United Georgia party"]
    assert _one(table, "Nodar Beridze").country == "GEO"


def test_a_bare_lower_case_senate_is_the_story_states(resolve) -> None:
    text = (
        "Chile's congress approved the pension bill in Chile on Monday, but the senate "
        "rejected it on Friday, Chilean officials said."
    )
    senate = [a for a in resolve(text) if a.name.lower() == "senate"]
    assert len(senate) == 1 and senate[0].country == "CHL", [(a.name, a.country) for a in senate]


def test_a_person_name_inside_a_knowledge_base_bodys_name_is_the_body(resolve) -> None:
    text = "Investigators say the bomber belonged to the Jamaah Ansharut Daulah network in Java."
    names = {a.name: (a.kind, a.country) for a in resolve(text)}
    assert names.get("Jamaah Ansharut Daulah") == ("organisation", "IDN"), names
    assert "Ansharut Daulah" not in names


def test_a_bodys_chapter_in_a_province_is_named_with_it(resolve) -> None:
    text = "On Friday the American Civil Liberties Union of Oregon sued the county."
    names = {a.name for a in resolve(text) if a.kind == "organisation"}
    assert "American Civil Liberties Union of Oregon" in names, names


def test_a_described_name_runs_over_for_and_of(resolve) -> None:
    text = "Music for Peace Foundation, a Vienna-based charity, paid the lawyers."
    names = {a.name: a.country for a in resolve(text) if a.kind == "organisation"}
    assert names.get("Music for Peace Foundation") == "AUT", names


def test_a_leaders_administration_is_the_state(nlp) -> None:
    from eventwire.actors.resolve import resolve_actors

    doc = nlp("On Monday the Biden administration said the tariffs would stay.")
    table = resolve_actors(doc, published="2022-03-01")
    state = [a for a in table if a.kind == "state"]
    assert [(a.name, [m.text for m in a.mentions]) for a in state] == [
        ("United States", ["Biden administration"])
    ]


def test_an_unknown_persons_government_is_no_state(resolve) -> None:
    table = resolve("On Monday the Ortiz government said the tariffs would stay.")
    assert not [a for a in table if a.kind == "state"]
