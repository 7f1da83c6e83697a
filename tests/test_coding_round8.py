"""The coder's round-8 rules, on invented sentences: the mode of a threat is its content,
weapons named on an act, warnings that threaten nobody, and acts re-mentioned as "the move"."""

from __future__ import annotations

from eventwire.coding.cues import cue_words, phrase_mode, threat_mode
from tests.test_coding_coder import code, names, only


def types(events) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.type for e in events}


# --- THREATEN modes: the act threatened --------------------------------------------------


def test_threat_to_shell_is_violence(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Canada threatened to shell the border towns of Peru.")
    assert only(events, "THREATEN").mode == "violence"


def test_threat_of_a_general_strike_restricts(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kosovo threatened to hold a general strike unless Serbia withdrew its police."
    events, _ = code(nlp, text)
    assert only(events, "THREATEN").mode == "restrict"


def test_threat_to_break_off_negotiations_is_relations(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Canada threatened to break off negotiations with Peru.")
    assert only(events, "THREATEN").mode == "relations"


def test_condition_of_a_threat_is_not_its_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile threatened to suspend talks with Peru if Peru shelled the border again."
    events, _ = code(nlp, text)
    assert only(events, "THREATEN").mode == "relations"


def test_announced_blockade_is_a_restricting_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Canada said on Monday it would blockade the ports of Peru.")
    assert only(events, "THREATEN").mode == "restrict"


def test_announced_withdrawal_of_observers_is_relations(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile announced that it will withdraw its election observers from Peru."
    events, _ = code(nlp, text)
    assert only(events, "THREATEN").mode == "relations"


def test_threatened_embargo_restricts(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Canada warned it would impose an embargo on Peru.")
    assert only(events, "THREATEN").mode == "restrict"


def test_threat_table_reads_content_type_and_mode() -> None:
    assert threat_mode("ASSAULT", "heavy-weapons") == "violence"
    assert threat_mode("COERCE", "arrest") == "arrest"
    assert threat_mode("PROTEST", "demo") is None


# --- ASSAULT and COERCE mode cues ----------------------------------------------------------


def test_weapon_named_as_the_doer_is_the_means(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Serbian tanks fired shells at villages in Kosovo.")
    assert only(events, "ASSAULT").mode == "heavy-weapons"
    events, _ = code(nlp, "Serbian police fired at protesters in Kosovo.")
    assert only(events, "ASSAULT").mode == "firearms"


def test_act_mode_gives_way_to_no_weapon(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Gunmen kidnapped two aid workers in Kosovo.")
    assert only(events, "ASSAULT").mode == "abduct"


def test_suicide_bombers_are_a_suicide_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Two suicide bombers killed nine people in Kosovo.")
    assert only(events, "ASSAULT").mode == "suicide-attack"


def test_gunbattle_is_firearms(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Serbian police killed two men in a gunbattle in Kosovo.")
    assert only(events, "ASSAULT").mode == "firearms"


def test_sexually_abused_is_sexual_violence(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Prison guards in Chile sexually abused detainees from Peru.")
    assert only(events, "ASSAULT").mode == "sexual"


def test_state_of_siege_is_martial_law(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The junta declared a state of siege in the capital.")
    assert phrase_mode("COERCE", doc) == ("martial-law", "state of siege")


# --- warnings of a consequence -------------------------------------------------------------


def test_warning_of_an_impersonal_consequence_is_no_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Canada warned that the poor harvest could push bread prices higher."
    events, _ = code(nlp, text)
    assert "THREATEN" not in types(events)


def test_warning_of_an_actor_s_act_is_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "Canada warned that its troops would respond to any incursion.")
    only(events, "THREATEN")
    events, _ = code(nlp, "Canada warned that sanctions against Peru would follow.")
    only(events, "THREATEN")
    events, _ = code(nlp, "Canada warned that there would be consequences for Peru.")
    only(events, "THREATEN")


# --- "the move": an act told earlier -------------------------------------------------------


def test_the_move_is_the_last_told_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peru imposed a curfew in the capital. Canada criticized the move."
    events, actors = code(nlp, text)
    e = only(events, "ACCUSE")
    assert names(actors, e.target) == ["Peru"]


def test_the_move_after_a_criticism_is_the_criticised_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile condemned Peru over the new curfew. Canada also condemned the decision."
    events, actors = code(nlp, text)
    e = next(e for e in events if e.type == "ACCUSE" and names(actors, e.source) == ["Canada"])
    assert names(actors, e.target) == ["Peru"]


def test_the_move_told_long_before_is_not_resolved(nlp) -> None:  # type: ignore[no-untyped-def]
    filler = " ".join(f"The weather was mild on day {n}." for n in range(1, 8))
    text = f"Peru imposed a curfew in the capital. {filler} Canada criticized the move."
    events, _ = code(nlp, text)
    assert only(events, "ACCUSE").target == []


def test_quoted_sentences_do_not_push_the_move_away(nlp) -> None:  # type: ignore[no-untyped-def]
    quote = " ".join(f"It was mild on day {n}." for n in range(1, 8))
    text = (
        f'Peru imposed a curfew in the capital. A mayor said: "{quote}" Canada criticized the move.'
    )
    events, actors = code(nlp, text)
    assert names(actors, only(events, "ACCUSE").target) == ["Peru"]


# --- cue kinds asked for by other rules ----------------------------------------------------


def test_press_release_is_no_release(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = code(nlp, "According to a press release from Chile, Canada met Peru in Lima.")
    assert "RETREAT" not in types(events)


def test_author_and_light_verbs_are_read_from_cues() -> None:
    assert {"orchestrate", "mastermind", "claim", "order"} <= cue_words("author")
    assert "announce" in cue_words("light")
    assert "criticize" not in cue_words("author")
