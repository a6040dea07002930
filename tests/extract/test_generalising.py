"""Mechanisms the held-out sets of the third round asked for, on invented sentences: violence
by a crowd in a sentence about sport, a gathering held, a town taken without a fight and a
fight that did not happen."""

from __future__ import annotations

import pytest
from factories import surest_first

pytestmark = pytest.mark.slow


def _events(coder, text: str):  # noqa: ANN001, ANN202
    return surest_first(coder, text, "g")


def test_a_crowd_of_fans_acts_in_a_sentence_about_sport(coder):
    events = _events(coder, "Supporters of the home side pelted the referee with bottles "
                            "after the football match in the port city.")
    assert events and events[0].acled["event_type"] == "Riots"


def test_a_team_named_by_its_country_does_not(coder):
    assert _events(coder, "Malta crushed Andorra in a football friendly on Tuesday.") == []


def test_a_sit_in_held_is_a_protest_not_a_detention(coder):
    events = _events(coder, "Nurses held a sit-in outside the regional hospital on Monday.")
    assert [e.event_type for e in events] == ["PROTEST"]


def test_a_town_taken_is_a_seizure_of_territory(coder):
    top = _events(coder, "Militiamen took control of the market town of Oldbridge after "
                         "the garrison left.")[0]
    assert (top.event_type, top.mode) == ("COERCE", "seize")
    assert "territory" in top.context
    assert top.acled["sub_event_type"] == "Non-violent transfer of territory"


def test_a_fight_that_did_not_happen_has_no_acled_type(coder):
    events = _events(coder, "Rebels entered the town without fighting on Sunday.")
    assert all(e.acled is None for e in events if e.event_type == "ASSAULT")
    assert all(e.modality == "negated" for e in events if e.event_type == "ASSAULT")


def test_a_people_word_of_a_place_near_the_doer_is_not_the_doers_country(coder):
    top = _events(coder, "Farmers of a hamlet near the Austrian border in Slovenia blocked "
                         "a bridge on Friday.")[0]
    assert top.event_type == "PROTEST"
    assert [a.country for a in top.actors] == ["SVN"]


def test_what_a_protest_is_for_is_its_message_not_an_event(coder):
    events = _events(coder, "Bakers in the old town went on strike on Monday to demand "
                            "cheaper flour.")
    assert [e.event_type for e in events] == ["PROTEST"]
    said = _events(coder, "Bakers went on strike, and their union demanded cheaper flour.")
    assert "REQUEST" in [e.event_type for e in said]   # a demand with a subject of its own


def test_a_place_split_off_its_preposition_is_no_second_doer(coder):
    from spacy.tokens import Doc

    from sitrep.extract.arguments import subject_tokens
    words = ["Traders", "of", "a", "market", "in", "Port", "-", "au", "-", "Prince",
             "burned", "a", "kiosk"]
    heads = [10, 0, 3, 1, 3, 9, 5, 5, 9, 10, 10, 12, 10]
    deps = ["nsubj", "prep", "det", "pobj", "prep", "nmod", "punct", "prep", "punct", "nsubj",
            "ROOT", "det", "dobj"]
    pos = ["NOUN", "ADP", "DET", "NOUN", "ADP", "NOUN", "PUNCT", "ADP", "PUNCT", "PROPN",
           "VERB", "DET", "NOUN"]
    doc = Doc(coder.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in subject_tokens(doc[10])] == ["Traders"]


def test_with_its_patient_named_a_verbs_phrases_say_where_not_whom(coder):
    top = _events(coder, "Rebels shot dead three farmers on the outskirts of Kisumu, "
                         "Nyanza province.")[0]
    assert [r.text for r in top.recipients] == ["three farmers"]
    assert top.acled["event_type"] == "Violence against civilians"
