"""Naming what something is ("called the strike a violation") is a verbal event of its own."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sitrep.codebook.lexicon import load_codebook
from sitrep.extract.events import evaluations
from sitrep.model import Article


def called(obj: str, adjective: str, noun: str) -> Doc:
    """'The ministry called the <obj> a <adjective> <noun> .'"""
    words = ["The", "ministry", "called", "the", obj, "a", adjective, noun, "."]
    return Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 4, 2, 7, 7, 2, 2],
               deps=["det", "nsubj", "ROOT", "det", "dobj", "det", "amod", "oprd", "punct"],
               pos=["DET", "NOUN", "VERB", "DET", "NOUN", "DET", "ADJ", "NOUN", "PUNCT"],
               lemmas=["the", "ministry", "call", "the", obj, "a", adjective, noun, "."])


@pytest.mark.parametrize(("obj", "adjective", "noun", "kind"), [
    ("raid", "serious", "violation", "ACCUSE"),
    ("release", "positive", "step", "SUPPORT"),
    ("accusation", "baseless", "claim", "REJECT"),
])
def test_the_tone_of_a_judgement_gives_the_type(obj, adjective, noun, kind):
    [found] = evaluations(called(obj, adjective, noun), load_codebook())
    assert found.type == kind and found.head.text == "called"


def test_a_name_that_judges_nothing_is_no_event():
    assert evaluations(called("man", "tall", "hero"), load_codebook()) == []


@pytest.mark.slow
def test_a_judgement_of_an_attack_accuses_its_doers(coder):
    text = ("Russian forces attacked the port of Odesa on Monday. The European Union called the "
            "attack a flagrant violation of international law.")
    events = coder.code_article(Article(id="e", text=text, published="2024-05-03")).events
    [accuse] = [e for e in events if e.event_type == "ACCUSE"]
    assert [a.country for a in accuse.actors] == ["IGO"]
    assert [r.country for r in accuse.recipients] == ["RUS"]
