"""References that events and quotes need: gender, they/their, role nouns for bodies,
split names, seats, acronyms; and names that are not actors. Invented sentences."""

from __future__ import annotations

from eventwire.actors.filters import is_place_name, not_an_actor
from eventwire.actors.table import ActorTable
from tests.helpers import actor_at_text as _at


def _names(table: ActorTable) -> list[str]:
    return [a.name for a in table]


def test_she_skips_the_last_man_named(resolve) -> None:
    text = (
        "Foreign Minister Maria Lopez met Prime Minister John Carter on Monday. "
        "She said the talks were useful. He did not comment."
    )
    table = resolve(text)
    assert _at(table, text, "She").name == "Maria Lopez"
    assert _at(table, text, "He").name == "John Carter"


def test_honorific_gives_gender(resolve) -> None:
    text = "Mrs Okonkwo spoke after Mr Adebayo left the hall. She called for calm."
    table = resolve(text)
    she = _at(table, text, "She")
    assert she is not None and "Okonkwo" in she.name


def test_unknown_gender_takes_either_pronoun(resolve) -> None:
    text = "Commissioner Tavita Leaupepe visited the port. She praised the customs officers."
    table = resolve(text)
    assert _at(table, text, "She").name == "Tavita Leaupepe"


def test_title_before_name_is_part_of_the_mention(resolve) -> None:
    text = "French President Emmanuel Macron called for action on Thursday."
    table = resolve(text)
    assert _at(table, text, "President").name == "Emmanuel Macron"
    assert _at(table, text, "French President Emmanuel Macron").name == "Emmanuel Macron"


def test_surname_without_diacritics_is_the_same_person(resolve) -> None:
    text = "Turkish President Recep Tayyip Erdoğan spoke. Later, Erdogan repeated the pledge."
    table = resolve(text)
    full = _at(table, text, "Recep Tayyip Erdoğan")
    assert full is not None and full.name == "Recep Tayyip Erdoğan"
    assert _at(table, text, "Erdogan") is full
    assert len(table) == 1, _names(table)


def test_organisation_noun_refers_to_the_body_named_before(resolve) -> None:
    text = (
        "The Manila Broadcasting Corporation lost its licence. "
        "The regulator ordered the network to stop broadcasting."
    )
    table = resolve(text)
    network = _at(table, text, "the network")
    assert network is not None and network.name == "Manila Broadcasting Corporation"


def test_organisation_noun_without_antecedent_stays_unlinked(resolve) -> None:
    text = "The regulator ordered the network to stop broadcasting."
    assert _at(resolve(text), text, "the network") is None


def test_they_refers_to_the_collective_subject(resolve) -> None:
    text = "Amnesty International criticised the law on Friday. They said it breaks treaties."
    table = resolve(text)
    assert _at(table, text, "They").name == "Amnesty International"


def test_their_government_is_the_state(resolve) -> None:
    text = "Representatives from Iran said their government had made a grave mistake."
    table = resolve(text)
    assert _at(table, text, "their government").name == "Iran"


def test_acronym_in_brackets_joins_the_full_name(resolve) -> None:
    text = (
        "The National Electoral Tribunal (NET) suspended the count. "
        "Observers said the NET acted too late."
    )
    table = resolve(text)
    assert _at(table, text, "NET", 1) is _at(table, text, "National Electoral Tribunal")


def test_embassy_keeps_its_seat(resolve) -> None:
    text = "The police chief wrote to the US Embassy in Paris asking for help."
    table = resolve(text)
    embassy = _at(table, text, "Embassy")
    assert embassy is not None and embassy.name == "US Embassy in Paris"


def test_bare_plural_of_lawmakers_is_a_group(resolve) -> None:
    text = "A number of Senators condemned the order on Tuesday."
    table = resolve(text)
    senators = _at(table, text, "Senators")
    assert senators is not None and senators.kind == "group"


def test_things_and_places_are_not_actors() -> None:
    assert not_an_actor("Benito Juárez International Airport")
    assert not_an_actor("UTC")
    assert not_an_actor("Western Balkans")
    assert not not_an_actor("World Health Organization")
    assert is_place_name("Omsk")
    assert not is_place_name("Pompeo")  # a gazetteer alias only, not a place's name


def test_facility_named_in_text_is_no_actor(resolve) -> None:
    text = "Flights from Benito Juárez International Airport resumed at 14:00 UTC."
    names = _names(resolve(text))
    assert not any("Airport" in n or n == "UTC" for n in names), names
