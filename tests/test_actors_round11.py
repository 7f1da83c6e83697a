"""Round 11 (issue i12h): actor country rules. Sentences written for these tests."""

from __future__ import annotations

from tests.helpers import one_actor as _one

# 1. an envoy "to X" belongs to the sending state, not to X


def test_an_ambassador_to_a_body_is_of_the_sending_state(resolve) -> None:
    text = "Peru's ambassador to the United Nations, Jorge Salas, rejected the claim on Monday."
    person = _one(resolve(text), "Jorge Salas")
    assert person.country == "PER"
    assert person.affiliation != "United Nations"


def test_an_ambassador_to_a_body_holds_the_title_before_the_comma(resolve) -> None:
    text = "Chile's ambassador to the African Union, Rosa Fuentes, welcomed the vote."
    person = _one(resolve(text), "Rosa Fuentes")
    assert person.role == "Ambassador" and person.code == "CHLGOV"


def test_an_envoy_to_a_body_named_by_demonym_is_of_the_demonym_state(resolve) -> None:
    text = "The Peruvian envoy to the European Union, Jorge Salas, rejected the claim."
    assert _one(resolve(text), "Jorge Salas").country == "PER"


def test_an_international_envoy_to_a_state_has_no_state(resolve) -> None:
    text = "The UN envoy to Yemen, Jorge Salas, urged both sides to talk."
    person = _one(resolve(text), "Jorge Salas")
    assert person.country is None and person.code == "UNO"


# 2. a demonym two states share follows the state the text names


def test_congolese_follows_the_democratic_republic_the_text_names(resolve) -> None:
    text = (
        "The Democratic Republic of Congo closed its eastern border on Friday. Congolese "
        "Interior Minister Paul Ilunga said the crossings would stay shut."
    )
    assert _one(resolve(text), "Paul Ilunga").country == "COD"


def test_congolese_follows_kinshasa_in_an_apposition(resolve) -> None:
    text = (
        "Kinshasa protested on Friday. Paul Ilunga, a Congolese lawyer, said the arrests "
        "were illegal."
    )
    assert _one(resolve(text), "Paul Ilunga").country == "COD"


def test_congolese_alone_keeps_the_republic_of_the_congo(resolve) -> None:
    text = "Congolese Interior Minister Paul Ilunga said the crossings would stay shut."
    assert _one(resolve(text), "Paul Ilunga").country == "COG"


# 3. a body named after an intergovernmental body and the place it works in is of no state


def test_a_un_mission_named_with_its_place_has_no_state(resolve) -> None:
    text = (
        "The United Nations Observer Mission in Guatemala will oversee the vote. Its chief, "
        "Karl Brenner, asked both parties to cooperate."
    )
    table = resolve(text)
    mission = _one(table, "United Nations Observer Mission in Guatemala")
    assert mission.country is None and mission.code == "UNO"
    head = _one(table, "Karl Brenner")
    assert head.country is None and head.code == "UNO"


def test_an_osce_mission_to_a_state_is_no_body_of_that_state(resolve) -> None:
    table = resolve("The OSCE Mission to Serbia said on Monday that the count was fair.")
    mission = _one(table, "OSCE Mission to Serbia")
    assert mission.country is None and mission.code == "IGO"


def test_a_special_representative_is_no_legislator(resolve) -> None:
    text = "Special Representative Elena Marsh told reporters the vote was fair."
    person = _one(resolve(text), "Elena Marsh")
    assert person.role == "Special Representative" and person.sector != "LEG"


# 5. "the government" is the state whose government the text just named, not a later state


def test_the_government_is_the_state_whose_government_was_just_named(resolve) -> None:
    text = (
        "Peru's government and the miners' union agreed on Monday to end the strike, the two "
        "sides said in a statement read out in Quito, where Ecuador hosted the talks. The "
        "government's chief negotiator, Laura Campos, called the deal fair."
    )
    assert _one(resolve(text), "Laura Campos").country == "PER"


# 4. local people take the state the text names with their own place


def test_residents_of_a_village_the_text_calls_by_a_demonym(resolve) -> None:
    text = (
        "Uzbekistan and Tajikistan agreed on Friday to reopen two crossings. Residents of "
        "Zarkhuntob, a Tajik village near the river, blocked the road on Sunday."
    )
    group = _one(resolve(text), "Residents of Zarkhuntob")
    assert group.country == "TJK"


def test_the_governor_of_a_province_the_text_placed_in_a_state(resolve) -> None:
    text = (
        "Uzbekistan and Tajikistan agreed on Friday to reopen the crossing between "
        "Tajikistan's Korvazi province and Uzbekistan's Ferlan district. The governor of "
        "Korvazi province, Farrukh Zamonbekov, said the traders would return."
    )
    person = _one(resolve(text), "Farrukh Zamonbekov")
    assert person.country == "TJK" and person.country_basis == "text"


def test_a_place_no_state_is_named_with_gives_no_country(resolve) -> None:
    text = (
        "Uzbekistan and Tajikistan agreed on Friday to reopen two crossings. Residents of "
        "Zarkhuntob, a village near the river, blocked the road on Sunday."
    )
    assert _one(resolve(text), "Residents of Zarkhuntob").country is None


def test_a_farmer_quoted_after_a_local_group_is_one_of_them(resolve) -> None:
    text = (
        "Uzbekistan and Tajikistan agreed on Friday to reopen two crossings, Uzbek officials "
        "said in Tashkent. Residents of Zarkhuntob, a Tajik village near the river, blocked "
        "the road on Sunday. \"We have waited for years,\" said Anvar Qodirzoda, a farmer."
    )
    person = _one(resolve(text), "Anvar Qodirzoda")
    assert person.country == "TJK" and person.country_basis == "text"


def test_a_farmer_with_no_local_group_before_takes_nothing_from_the_text(resolve) -> None:
    text = (
        "Uzbekistan and Tajikistan agreed on Friday to reopen two crossings, Uzbek officials "
        "said in Tashkent. \"We have waited for years,\" said Anvar Qodirzoda, a farmer."
    )
    assert _one(resolve(text), "Anvar Qodirzoda").country_basis != "text"  # the story's, if any
