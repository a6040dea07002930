"""Natural hazards, accidents and illness kill and destroy with no doer: no violent event."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.extract.hazards import hazard_cause, is_hazard
from sitrep.extract.triggers import trigger_matcher


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str],
         lemmas: list[str], tags: list[str] | None = None) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
               tags=tags or ["" for _ in words])


def _at(token: object) -> int | None:
    return getattr(token, "i", None)


def test_a_hazard_subject_makes_a_killing_no_event():
    # "An earthquake killed hundreds ."
    doc = _doc(["An", "earthquake", "killed", "hundreds", "."], [1, 2, 2, 2, 2],
               ["det", "nsubj", "ROOT", "dobj", "punct"],
               ["DET", "NOUN", "VERB", "NOUN", "PUNCT"],
               ["an", "earthquake", "kill", "hundred", "."])
    assert _at(hazard_cause(doc[2], "ASSAULT")) == 1


def test_a_toll_told_in_a_crash_has_the_crash_as_its_cause():
    # "Two were hurt in the collision ."
    doc = _doc(["Two", "were", "hurt", "in", "the", "collision", "."], [2, 2, 2, 2, 5, 3, 2],
               ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "punct"],
               ["NUM", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
               ["two", "be", "hurt", "in", "the", "collision", "."],
               ["CD", "VBD", "VBN", "IN", "DT", "NN", "."])
    assert _at(hazard_cause(doc[2], "ASSAULT")) == 5
    assert hazard_cause(doc[2], "COERCE") is None, "an arrest after a crash stays an arrest"


def test_a_hazard_a_side_or_weapon_names_is_violence():
    # "Three soldiers were killed by army fire ."
    doc = _doc(["Three", "soldiers", "were", "killed", "by", "army", "fire", "."],
               [1, 3, 3, 3, 3, 6, 4, 3],
               ["nummod", "nsubjpass", "auxpass", "ROOT", "agent", "compound", "pobj", "punct"],
               ["NUM", "NOUN", "AUX", "VERB", "ADP", "NOUN", "NOUN", "PUNCT"],
               ["three", "soldier", "be", "kill", "by", "army", "fire", "."])
    assert not is_hazard(doc[6])
    assert hazard_cause(doc[3], "ASSAULT") is None


def test_an_attack_noun_is_no_hazard():
    # "The blast killed five ."
    doc = _doc(["The", "blast", "killed", "five", "."], [1, 2, 2, 2, 2],
               ["det", "nsubj", "ROOT", "dobj", "punct"],
               ["DET", "NOUN", "VERB", "NUM", "PUNCT"], ["the", "blast", "kill", "five", "."])
    assert hazard_cause(doc[2], "ASSAULT") is None


@pytest.mark.slow
def test_parsed_hazards_give_no_violent_trigger(coder):
    def violent(text: str) -> set[str]:
        doc = coder.nlp(text)
        return {h.span.text for h in trigger_matcher(doc.vocab)(doc)
                if h.entry.type in ("ASSAULT", "COERCE")}

    assert not violent("A cyclone flattened fishing villages on the coast, killing 40 people.")
    assert not violent("Floods have destroyed thousands of homes in the delta.")
    assert not violent("Nine miners were killed in a landslide near the pit.")
    assert not violent("Villagers gathered at a memorial to the avalanche on the pass above "
                       "Tosh, which killed 12 climbers.")
    assert violent("Gunmen killed nine miners near the pit.")
    assert violent("Rebels set fire to the depot, and the fire killed two guards.") >= {"killed"}
    assert violent("Nine villagers were killed by artillery fire.")
    assert not violent("A crowded bus plunged into a ravine, killing 20 passengers.")
    assert violent("A truck carrying gunmen drove into the market, and they killed 20 people.")


@pytest.mark.slow
def test_a_toll_told_after_a_hazard_is_the_hazard_s_and_after_a_fight_the_fight_s(coder):
    def violent(text: str) -> list[str]:
        doc = coder.nlp(text)
        return [h.span.text for h in trigger_matcher(doc.vocab)(doc)
                if h.entry.type == "ASSAULT"]

    assert not violent("A strong earthquake struck the valley on Monday, killing dozens. "
                       "Officials said that 80 people had been killed and hundreds hurt.")
    assert "killed" in violent("Gunmen attacked the valley on Monday. Officials said that "
                               "80 people had been killed.")
    assert "killed" in violent("A strong earthquake struck the valley on Monday, killing "
                               "dozens. Rebels then "
                               "raided a police post, and officials said four officers were "
                               "killed.")


def test_a_hazard_brought_by_another_hazard_has_no_doer():
    # "Floods caused by days of rain killed ten ."
    doc = _doc(["Floods", "caused", "by", "days", "of", "rain", "killed", "ten", "."],
               [6, 0, 1, 2, 3, 4, 6, 6, 6],
               ["nsubj", "acl", "agent", "pobj", "prep", "pobj", "ROOT", "dobj", "punct"],
               ["NOUN", "VERB", "ADP", "NOUN", "ADP", "NOUN", "VERB", "NUM", "PUNCT"],
               ["flood", "cause", "by", "day", "of", "rain", "kill", "ten", "."],
               ["NNS", "VBN", "IN", "NNS", "IN", "NN", "VBD", "CD", "."])
    assert is_hazard(doc[0])
    assert _at(hazard_cause(doc[6], "ASSAULT")) == 0


def test_a_hazard_set_by_a_side_is_still_its_work():
    # "Fires set by rebels killed ten ."
    doc = _doc(["Fires", "set", "by", "rebels", "killed", "ten", "."], [4, 0, 1, 2, 4, 4, 4],
               ["nsubj", "acl", "agent", "pobj", "ROOT", "dobj", "punct"],
               ["NOUN", "VERB", "ADP", "NOUN", "VERB", "NUM", "PUNCT"],
               ["fire", "set", "by", "rebel", "kill", "ten", "."],
               ["NNS", "VBN", "IN", "NNS", "VBD", "CD", "."])
    assert not is_hazard(doc[0])
    assert hazard_cause(doc[4], "ASSAULT") is None


@pytest.mark.slow
def test_a_road_blocked_by_a_hazard_is_no_protest(coder):
    def blocking(text: str) -> set[str]:
        doc = coder.nlp(text)
        return {h.span.text for h in trigger_matcher(doc.vocab)(doc) if h.entry.type == "PROTEST"}

    assert not blocking("Landslides blocked the main highway to the border on Tuesday.")
    assert not blocking("Heavy rains lashed the hills, blocking several roads to the capital.")
    assert blocking("Striking farmers blocked the main highway to the border on Tuesday.")
