"""The named sets of dependency labels: each stage that asks whether a word qualifies a noun
asks it of one of these, so a place before a noun is read the same way everywhere."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from sitrep.nlp.deps import ATTRIBUTIVE_DEPS, NOUN_MODIFIER_DEPS, PREMODIFIER_DEPS


def _doc() -> Doc:
    """"Sudan 's two US brigades left": a possessor, a number and a compound on one head."""
    words = ["Sudan", "'s", "two", "US", "brigades", "left"]
    return Doc(spacy.blank("en").vocab, words=words, heads=[4, 0, 4, 4, 5, 5],
               deps=["poss", "case", "nummod", "compound", "nsubj", "ROOT"])


def test_a_compound_place_is_attributive_and_a_premodifier() -> None:
    us = _doc()[3]
    assert us.dep_ in ATTRIBUTIVE_DEPS and us.dep_ in PREMODIFIER_DEPS


def test_a_possessor_says_whose_not_what_kind() -> None:
    sudan = _doc()[0]
    assert sudan.dep_ in PREMODIFIER_DEPS and sudan.dep_ not in ATTRIBUTIVE_DEPS


def test_a_number_is_inside_the_noun_phrase_but_qualifies_nothing() -> None:
    two = _doc()[2]
    assert two.dep_ in NOUN_MODIFIER_DEPS and two.dep_ not in PREMODIFIER_DEPS


def test_the_sets_nest() -> None:
    assert ATTRIBUTIVE_DEPS < PREMODIFIER_DEPS < NOUN_MODIFIER_DEPS
