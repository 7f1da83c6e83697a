"""The story's state when a second state is named almost as often: the state the story
opens with and names most is its state. Sentences written for this test."""

from __future__ import annotations

from tests.helpers import one_actor

TEXT = (
    "Laos closed two border crossings on Monday after clashes between Lao soldiers and "
    "smugglers. Vietnam said the closures hurt its traders, and Vietnamese officials asked "
    "for talks. Hanoi did not comment. Laos said the crossings would reopen within a week. "
    "The army had arrested 12 men, Defence Minister Khamphet Sisouk told reporters. Laos has "
    "guarded the frontier closely since last year."
)


def test_the_state_a_story_opens_with_and_names_most_is_its_state(resolve) -> None:
    minister = one_actor(resolve(TEXT), "Khamphet Sisouk")
    assert minister.country == "LAO"


def test_a_state_named_as_often_as_the_opening_one_leaves_the_story_open(resolve) -> None:
    text = TEXT.replace("Laos has guarded", "Vietnam has guarded")
    minister = one_actor(resolve(text), "Khamphet Sisouk")
    assert minister.country is None
