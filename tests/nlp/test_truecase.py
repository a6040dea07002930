"""Case restoration of all-capitals wire copy: same length, names and sentences back."""

from __future__ import annotations

import json

import pytest

from sitrep.model import Article
from sitrep.nlp.truecase import acronyms, is_shouting, known_names, prepare_text, restore_case

WIRE = ("SAN SALVADOR, 3 JAN 90 -- [TEXT] TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION "
        "FRONT [FMLN] KIDNAPPED 50 PEASANTS IN USULUTAN DEPARTMENT. THE ARMY SAID I WAS THERE.")


def test_ordinary_text_is_left_alone():
    text = "Russian and US troops share a base in Niger."
    assert prepare_text(Article(id="a", text=text)) is text


def test_shouting_needs_most_letters_in_capitals():
    assert is_shouting(WIRE)
    assert not is_shouting("NATO and the UN met in Brussels on Monday to talk.")
    assert not is_shouting("SHORT")


def test_restored_text_keeps_every_offset():
    restored = restore_case(WIRE)
    assert len(restored) == len(WIRE)
    assert restored.lower() == WIRE.lower()


def test_restores_names_acronyms_sentence_starts_and_i():
    restored = restore_case(WIRE)
    assert restored.startswith("San Salvador, 3 Jan 90 -- [TEXT] Terrorists of the Farabundo")
    assert "Farabundo Marti National Liberation Front [FMLN]" in restored
    assert "in Usulutan department. The Army said I was there." in restored


def test_case_data_loads():
    assert {"fmln", "eln", "un"} <= acronyms()
    names = known_names()
    assert names["el salvador"] == "El Salvador"
    assert names["salvadoran"] == "Salvadoran"
    assert names["march"] == "March"
    assert "police" not in names and "reading" not in names


@pytest.fixture(scope="module")
def muc_shouting(data_dir):
    rows = []
    with (data_dir / "muc_dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("uppercase") and row.get("incidents"):
                rows.append(row)
            if len(rows) == 20:
                break
    return rows


@pytest.mark.slow
def test_muc_messages_get_places_and_sentences_back(coder, muc_shouting):
    found = total = 0
    for row in muc_shouting:
        restored = restore_case(row["text"])
        assert len(restored) == len(row["text"])
        doc = coder.nlp(restored)
        raw = coder.nlp(row["text"])
        labels = {e.label_ for e in doc.ents}
        assert labels & {"GPE", "NORP"}, row["id"]
        assert len(list(doc.sents)) <= len(list(raw.sents)) + 2
        texts = {e.text for e in doc.ents if e.label_ in ("GPE", "NORP")}
        total += 1
        found += bool(texts)
    assert found == total


def test_a_place_name_before_a_division_word_is_restored_even_when_an_english_word():
    text = "FLOODS HIT BIHAR STATE. SHELTERS OPENED IN ORANGE COUNTY AND BATH TOWNSHIP."
    restored = restore_case(text)
    assert "hit Bihar state." in restored
    assert "in Orange County and Bath township." in restored


def test_a_place_name_after_a_kind_phrase_is_restored():
    restored = restore_case("TROOPS REACHED THE CITY OF NICE AND THE PROVINCE OF KERMAN.")
    assert "the city of Nice and the province of Kerman." in restored


def test_words_the_kind_does_not_fit_stay_lower_case():
    restored = restore_case("THE POLICE DEPARTMENT DECLARED A STATE OF WAR IN THE SCHOOL "
                            "DISTRICT OF THE TOWN.")
    assert "police department declared a state of war in the school district" in restored


def test_a_headline_in_capitals_above_a_mixed_case_story_is_restored_alone() -> None:
    text = "TORNADO DAMAGES HOMES NEAR TISHOMINGO\n\nNo one was hurt, the SHERIFF said."
    restored = prepare_text(Article(id="a", text=text))
    assert len(restored) == len(text)
    assert restored.startswith("Tornado damages homes near Tishomingo\n")
    assert restored.endswith("No one was hurt, the SHERIFF said.")


def test_an_english_word_town_before_a_comma_and_its_state_is_restored():
    restored = restore_case("A TORNADO HIT HOPE, ARK., ON MONDAY. WE HOPE, SIR, TO LEAVE.")
    assert "hit Hope, Ark., on Monday." in restored
    assert "We hope, sir, to leave." in restored


def test_a_noun_only_place_after_a_preposition_is_restored():
    restored = restore_case("FLIGHTS LEFT FROM ADEN ON MONDAY. SHE REFUSED TO BEND.")
    assert "from Aden on Monday." in restored
    assert "refused to bend." in restored


def test_a_town_listed_with_a_capitalised_place_is_restored():
    restored = restore_case("FLOODS HIT ARDMORE, HOPE AND ADA. PEACE, HOPE AND LOVE.")
    assert "Ardmore, Hope and Ada." in restored
    assert "Peace, hope and love." in restored


def test_web_copy_written_in_lower_case_gets_the_capitals_of_its_names() -> None:
    text = ("stopped in tishomingo for pie, then on to durant. the drive back through ardmore "
            "took an hour, and we saw Lake Murray.")
    restored = prepare_text(Article(id="a", text=text))
    assert len(restored) == len(text)
    assert restored.startswith("Stopped in Tishomingo for pie, then on to Durant. The drive "
                               "back through Ardmore")
    assert restored.endswith("we saw Lake Murray.")
    text = ("We ate pie in Durant that day. then drove to tishomingo for the night. the lake "
            "near ardmore was full, and who knew it would rain.")
    restored = prepare_text(Article(id="a", text=text))
    assert "Then drove to Tishomingo" in restored and "near Ardmore was full" in restored
    assert "and who knew" in restored


def test_web_copy_whose_first_word_has_an_apostrophe_is_careless_copy() -> None:
    text = "it's snowing hard near tishomingo tonight, and the road to ardmore is shut again."
    restored = prepare_text(Article(id="a", text=text))
    assert restored.startswith("It's snowing hard near Tishomingo tonight")
    assert "the road to Ardmore is shut" in restored


def test_one_sentence_in_lower_case_inside_copy_in_mixed_case_is_no_careless_copy() -> None:
    for text in ("Crews were sent to Durant. then they drove on to tishomingo for the night.",
                 "Apple said on Monday that sales rose. iPhone sales in tishomingo fell a lot."):
        assert prepare_text(Article(id="a", text=text)) is text


def test_a_lower_case_word_after_an_abbreviation_or_a_quotation_is_no_careless_copy() -> None:
    for text in ("Acme Inc. said on Tuesday that its plant near tishomingo would close.",
                 "The fire began at 6 p.m. the crews from tishomingo arrived by nine.",
                 'Officials said: "the road near tishomingo stays closed all week."'):
        assert prepare_text(Article(id="a", text=text)) is text


def test_a_hard_wrapped_line_going_on_with_its_sentence_is_no_careless_copy() -> None:
    text = "Crews from Durant and Ada were sent to the\nfire near tishomingo late on Monday."
    assert prepare_text(Article(id="a", text=text)) is text
    text = "Crews were sent.\n\nfire crews from ardmore stayed near tishomingo overnight."
    assert "from Ardmore stayed near Tishomingo" in prepare_text(Article(id="a", text=text))


def test_a_headline_in_capitals_run_into_its_story_is_restored_alone() -> None:
    text = "TORNADO DAMAGES HOMES NEAR TISHOMINGO. No one was hurt, the SHERIFF said."
    restored = prepare_text(Article(id="a", text=text))
    assert restored == "Tornado damages homes near Tishomingo. No one was hurt, the SHERIFF said."


def test_a_lower_case_place_after_a_preposition_in_mixed_case_copy_is_restored() -> None:
    text = "Where To Eat In oklahoma city? Our Picks From ardmore To Durant"
    restored = prepare_text(Article(id="a", text=text))
    assert restored == "Where To Eat In Oklahoma City? Our Picks From Ardmore To Durant"
    for text in ("He was in federal district court on Monday in far north Texas.",
                 "Prices rose in reading rooms, she wrote from home.",
                 "Write to tishomingo@example.com for tickets."):
        assert prepare_text(Article(id="a", text=text)) == text


def test_a_town_of_several_words_listed_with_a_capitalised_place_is_restored() -> None:
    restored = restore_case("FLOODS HIT ARDMORE, LONE GROVE AND HEALDTON. "
                            "THE CITY AND ARDMORE WAIT.")
    assert "Ardmore, Lone Grove and Healdton." in restored
    assert "The city and Ardmore wait." in restored


def test_a_town_wordnet_writes_only_as_a_name_is_no_common_word() -> None:
    from sitrep.nlp.truecase import common_words

    assert "tulsa" not in common_words() and "tours" in common_words()
    text = "Our Favourite Diners In tulsa, By Neighbourhood"
    assert prepare_text(Article(id="a", text=text)).startswith("Our Favourite Diners In Tulsa,")
    restored = restore_case("BUS TOURS LEAVE TULSA AND WICHITA AT NOON. THE TOURS ARE FULL.")
    assert "Bus tours leave Tulsa and Wichita at noon." in restored
    assert "The tours are full." in restored


def test_a_lower_case_place_after_a_preposition_further_on_and_its_list_are_restored() -> None:
    text = "5 cheap weekends away from home in oklahoma: tishomingo, lone grove and more"
    restored = prepare_text(Article(id="a", text=text))
    assert restored.endswith("from home in Oklahoma: Tishomingo, Lone Grove and more")


def test_an_english_word_town_near_a_town_the_copy_names_is_restored() -> None:
    text = ("we drove over from texarkana on sunday and stopped for lunch in hope. we hope to "
            "go back in spring.")
    restored = prepare_text(Article(id="a", text=text))
    assert "from Texarkana on Sunday and stopped for lunch in Hope." in restored
    assert "We hope to go back in spring." in restored
