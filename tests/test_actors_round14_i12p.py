"""Round 14 (issue i12p): recall of counted groups. Sentences written for these tests."""

from __future__ import annotations

from tests.helpers import one_actor as _one


def _names(table) -> list[str]:
    return [a.name for a in table]


# 1. a group counted by a number is named by its counted phrase where, uncounted, its name
#    would mean people at large (a people by its demonym, "women", "people")


def test_a_counted_demonym_plural_is_named_with_its_count(resolve) -> None:
    text = "Border guards arrested 23 Guatemalans who tried to cross the river on Monday."
    group = _one(resolve(text), "23 Guatemalans")
    assert group.kind == "group" and group.country == "GTM"


def test_counted_employees_described_by_modifiers_are_a_group(resolve) -> None:
    text = "Militia officers in Benghazi detained four female hospital employees on Friday."
    group = _one(resolve(text), "four female hospital employees")
    assert group.kind == "group" and group.sector == "CVL"


def test_a_counted_crowd_that_gathers_is_a_group(resolve) -> None:
    text = "In Kandahar, about 60 women gathered outside the governor's office on Sunday."
    group = _one(resolve(text), "about 60 women")
    assert group.kind == "group" and group.country == "AFG"


def test_a_crowd_counted_in_hundreds_that_marches_is_a_group(resolve) -> None:
    text = "Several hundred people marched through Gizo to the town hall on Monday."
    assert "several hundred people" in _names(resolve(text))


def test_people_counted_as_victims_are_no_group(resolve) -> None:
    text = "Police in Lagos arrested 12 people after the clashes on Monday."
    assert not [n for n in _names(resolve(text)) if "people" in n]


def test_a_population_counted_in_millions_is_no_group(resolve) -> None:
    text = "About two million people rallied across the country on Saturday."
    assert not [n for n in _names(resolve(text)) if "people" in n]


def test_an_uncounted_trade_group_keeps_its_name(resolve) -> None:
    text = "Hundreds of dock workers blocked the port of Durban on Tuesday."
    assert "dock workers" in _names(resolve(text))


# 2. title-case words whose initials spell the bracketed acronym after them, ending in a
#    body's noun, are one body's name even where NER found none


def _without_names(nlp, text: str):
    """The parse of `text` with no entity the NER found around the bracketed acronym, as
    where it misses a long body name (`doc.ents` reset there)."""
    doc = nlp(text)
    doc.ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME", "CARDINAL", "GPE")
                and "(" not in doc[max(e.start - 1, 0):e.end + 1].text]  # fmt: skip
    return doc


def test_a_spelled_out_police_force_with_its_acronym_is_one_body(nlp) -> None:
    from eventwire.actors.resolve import resolve_actors

    text = (
        "The Royal Vanuatu Police Force (RVPF) said it had sent 40 extra officers to the "
        "island on Sunday night."
    )
    body = _one(resolve_actors(_without_names(nlp, text)), "Royal Vanuatu Police Force")
    assert body.kind == "organisation" and body.country == "VUT"


def test_a_spelled_out_agency_with_its_acronym_is_one_body(nlp) -> None:
    from eventwire.actors.resolve import resolve_actors

    text = (
        "The Coastal Fisheries Protection Agency (CFPA) seized two trawlers on Tuesday, "
        "officials said."
    )
    names = _names(resolve_actors(_without_names(nlp, text)))
    assert "Coastal Fisheries Protection Agency" in names


def test_title_words_that_do_not_spell_the_acronym_are_no_body(nlp) -> None:
    from eventwire.actors.resolve import resolve_actors

    text = "Officials from the Coastal Fisheries Agency (NFA) met on Tuesday."
    names = _names(resolve_actors(_without_names(nlp, text)))
    assert "Officials Coastal Fisheries Agency" not in names


# 3. a body named by its noun and a remit of two parts joined by "and" is one name, also
#    where the people of the body are named first ("officers of the Ministry for ...")

REMIT = "Ministry for the Protection of Forests and the Promotion of Tourism"


def test_a_remit_of_two_parts_is_one_body_name(resolve) -> None:
    text = f"The {REMIT} fined three logging companies on Monday, officials in Quito said."
    assert REMIT in _names(resolve(text))


def test_the_body_of_officers_named_by_a_long_remit_is_an_actor(resolve) -> None:
    text = f"Last week, inspectors of the {REMIT} detained two loggers near Tena."
    assert REMIT in _names(resolve(text))


def test_a_second_body_after_and_is_not_part_of_the_first(resolve) -> None:
    text = "The Ministry of Finance and the Central Bank announced new rules on Monday."
    assert "Ministry of Finance and the Central Bank" not in _names(resolve(text))


def test_the_body_of_officers_is_an_actor_where_the_parse_cuts_its_name(resolve) -> None:
    text = "On Monday, officers of the Department for the Prevention of Fraud raided a bank."
    assert "Department for the Prevention of Fraud" in _names(resolve(text))


# 4. an office named by its holder's title or by an international body and its remit acts
#    as a body; "the three" takes up the group counted by three


def test_a_holders_office_that_acts_is_a_body_of_the_story_state(resolve) -> None:
    text = (
        "TASHKENT, March 3 (Reuters) - Uzbek police detained two bloggers on Monday. The "
        "district prosecutor's office charged them with insulting the president."
    )
    body = _one(resolve(text), "district prosecutor's office")
    assert body.kind == "organisation" and body.country == "UZB"


def test_an_office_cited_as_a_source_is_no_actor(resolve) -> None:
    text = "Twelve people were hurt, according to a report citing the mayor's office."
    assert "mayor's office" not in _names(resolve(text))


def test_an_international_bodys_office_with_its_remit_is_a_body(resolve) -> None:
    text = "In Geneva, the U.N. refugee office urged Tunisia to stop the expulsions."
    body = _one(resolve(text), "U.N. refugee office")
    assert body.kind == "organisation" and body.country is None and body.code == "UNO"


def test_the_three_takes_up_three_counted_leaders(resolve) -> None:
    text = (
        "Police in Oran detained three union leaders on Monday. A court charged the three "
        "with organising a strike, and lawyers asked for the three men to be freed."
    )
    group = _one(resolve(text), "three union leaders")
    assert {"the three", "the three men"} <= {m.text for m in group.mentions}


# 5. a demonym says whose women, men or employees they are; "people" after a demonym is the
#    whole people


def test_women_of_a_people_are_a_group_of_its_state(resolve) -> None:
    text = "The junta barred Malian women from travelling abroad without a guardian."
    group = _one(resolve(text), "Malian women")
    assert group.kind == "group" and group.country == "MLI"


def test_a_demonym_before_people_is_no_group_of_its_own(resolve) -> None:
    text = "The junta told the Malian people to stay calm on Monday."
    assert "Malian people" not in _names(resolve(text))


# 6. "the provincial government" of the one province the text has named before it


def test_the_provincial_government_is_the_named_provinces(resolve) -> None:
    text = (
        "SUVA, May 4 (Reuters) - Fiji's government cut road funds to Tavuki province on "
        "Monday, a day after the provincial government banned logging trucks from its roads. "
        "Fiji's prime minister called the ban unlawful."
    )
    body = _one(resolve(text), "Tavuki provincial government")
    assert body.kind == "state" and body.country == "FJI"


def test_the_regional_authorities_are_the_region_acting_later_by_name(resolve) -> None:
    text = (
        "Police detained 30 people in Sverdlovsk region on Monday. Rights groups urged the "
        "regional authorities to free them. On Friday, the Sverdlovsk regional government "
        "freed 12 of them."
    )
    table = resolve(text)
    region = [a for a in table if a.name.startswith("Sverdlovsk")]
    assert len(region) == 1, [(a.name, a.kind) for a in table]
    assert "the regional authorities" in {m.text for m in region[0].mentions}


def test_two_provinces_named_leave_the_provincial_government_unplaced(resolve) -> None:
    text = (
        "Fiji cut funds to Tavuki province and to Lomaiviti province on Monday, after the "
        "provincial government banned logging trucks."
    )
    names = _names(resolve(text))
    assert not [n for n in names if "provincial government" in n]


# 7. a gendarmerie is a state's police force, like "police": its post stands for it


def test_an_attacked_gendarmerie_post_makes_the_gendarmerie_a_target(resolve) -> None:
    text = (
        "NIAMEY, May 6 (Reuters) - Jihadists attacked a gendarmerie post near Tera on "
        "Saturday, Niger's army said. Niger's defence minister vowed to hunt them down."
    )
    force = _one(resolve(text), "gendarmerie")
    assert force.country == "NER" and force.sector == "COP"


def test_the_gendarmerie_that_acts_is_the_story_states(resolve) -> None:
    text = (
        "NIAMEY, May 6 (Reuters) - Niger's government banned the march on Monday. The "
        "gendarmerie arrested 14 organisers in Zinder."
    )
    assert _one(resolve(text), "gendarmerie").country == "NER"


# 8. residents named without their place are the residents of the place their clause is in


def test_residents_of_the_place_a_sentence_opens_with(resolve) -> None:
    text = "In Kisumu, hundreds of residents marched on Friday against the new tax."
    group = _one(resolve(text), "residents in Kisumu")
    assert group.country == "KEN"


def test_villagers_protesting_in_a_place_are_its_villagers(resolve) -> None:
    text = "On Friday, villagers protested in Mombasa against the eviction order."
    assert "villagers in Mombasa" in _names(resolve(text))


def test_residents_placed_by_nothing_keep_their_name(resolve) -> None:
    text = "Residents said the shelling went on for hours."
    assert not [n for n in _names(resolve(text)) if n.startswith("residents in")]


# 9. a participle before a group that the parser took for a verb ("fire on striking miners")
#    is part of the group's name, not a verb whose object the group is


def test_a_participle_the_parser_took_for_a_verb_names_the_group(resolve) -> None:
    text = (
        "The town has been tense since 2014, when soldiers opened fire on striking copper "
        "miners in the main square, killing nine people."
    )
    assert "striking copper miners" in _names(resolve(text))


def test_a_verb_with_its_particle_is_no_part_of_the_group(resolve) -> None:
    text = "Villagers accused the militia of cutting herders off from their wells."
    assert not [n for n in _names(resolve(text)) if n.startswith("cutting")]
