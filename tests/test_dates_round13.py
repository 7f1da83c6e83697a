"""Round 13 dates: an act "a day after" which an undated main clause about an earlier told
event "came", and dates the parser hung on a clause that cannot carry them (a participle
describing the object, a present-tense state). Sentences written for these tests."""

from __future__ import annotations

from eventwire.model import Event
from tests.helpers import dated_event

PUB = "2026-03-13"  # a Friday


def dated(doc, sentence: str, trigger: str) -> Event:
    return dated_event(doc, sentence, trigger, PUB, "ASSAULT")


RAID = "Border guards raided a smugglers' camp near the river on Wednesday, officials said."
CAME = "The raid came a day after smugglers shot at a patrol boat."


def test_an_act_a_day_after_which_the_told_event_came_is_a_day_before_it(nlp) -> None:
    doc = nlp(f"{RAID} {CAME}")
    assert dated(doc, CAME, "shot").date == "2026-03-10"


def test_two_days_before_counts_forward_from_the_told_event(nlp) -> None:
    later = "The raid came two days before smugglers shot at a patrol boat."
    doc = nlp(f"{RAID} {later}")
    assert dated(doc, later, "shot").date == "2026-03-13"


def test_the_told_event_may_be_named_by_another_word_than_its_verb(nlp) -> None:
    lede = "The two delegations said the rebels and the army agreed on Tuesday to a truce."
    aside = "Church leaders welcomed the news."
    came = "The accord came a day after rebels ambushed an army convoy."
    doc = nlp(f"{lede} {aside} {came}")
    assert dated(doc, came, "ambushed").date == "2026-03-09"


def test_without_a_told_day_the_act_stays_undated(nlp) -> None:
    doc = nlp(f"Border guards raided a smugglers' camp near the river. {CAME}")
    assert dated(doc, CAME, "shot").date is None


def test_a_participle_on_the_object_does_not_take_the_day_from_the_act(nlp) -> None:
    text = "Jets struck a convoy heading to the northern province on Tuesday, the army said."
    doc = nlp(text)
    assert dated(doc, text, "struck").date == "2026-03-10"


def test_a_present_tense_state_in_a_relative_clause_does_not_take_the_day(nlp) -> None:
    text = "Drones hit a depot near the canal that divides the two towns on Wednesday."
    doc = nlp(text)
    assert dated(doc, text, "hit").date == "2026-03-11"


def test_a_past_tense_relative_clause_keeps_its_own_day(nlp) -> None:
    text = "Police arrested a man who had attacked a guard on Monday."
    doc = nlp(text)
    assert dated(doc, text, "arrested").date is None


def test_a_day_before_the_mark_counts_wherever_the_parser_hung_it(nlp) -> None:
    text = (
        "Freedonia accused Ruritania on Wednesday of sending troops and heavy artillery toward "
        "their shared border, a day after Ruritania renewed its demand for access to the lake."
    )
    doc = nlp(text)
    assert dated(doc, text, "renewed").date == "2026-03-10"


TALKS = "Envoys of the two parties sat down for talks in Geneva on Wednesday, mediators said."


def test_an_act_hours_before_a_told_event_falls_on_its_day(nlp) -> None:
    act = "Hours before the talks opened, militia gunners shelled a market in the north."
    doc = nlp(f"{TALKS} {act}")
    assert dated(doc, act, "shelled").date == "2026-03-11"


def test_an_act_two_days_before_a_told_event_counts_back_from_its_day(nlp) -> None:
    act = "Two days before the talks opened, militia gunners shelled a market in the north."
    doc = nlp(f"{TALKS} {act}")
    assert dated(doc, act, "shelled").date == "2026-03-09"


def test_before_an_event_the_story_never_dated_stays_undated(nlp) -> None:
    act = "Hours before the talks opened, militia gunners shelled a market in the north."
    doc = nlp(f"Envoys of the two parties agreed to meet in Geneva. {act}")
    assert dated(doc, act, "shelled").date is None
