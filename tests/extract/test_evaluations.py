"""Naming what something is ("called the strike a violation") is a verbal event of its own."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sitrep.codebook.lexicon import Trigger, load_codebook
from sitrep.extract.events import evaluations, judgements
from sitrep.extract.triggers import TriggerHit
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


def called_beside(obj: str, noun: str) -> Doc:
    """'The president called the <obj> " an <noun> on the farmers " .' with the judgement
    parsed beside the object, as the model often does with quoted names."""
    words = ["The", "president", "called", "the", obj, '"', "an", noun, "on", "the", "farmers",
             '"', "."]
    return Doc(spacy.blank("en").vocab, words=words,
               heads=[1, 2, 2, 4, 2, 7, 7, 4, 7, 10, 8, 2, 2],
               deps=["det", "nsubj", "ROOT", "det", "dobj", "punct", "det", "appos", "prep",
                     "det", "pobj", "punct", "punct"],
               pos=["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT", "DET", "NOUN", "ADP", "DET",
                    "NOUN", "PUNCT", "PUNCT"],
               lemmas=["the", "president", "call", "the", obj, '"', "an", noun, "on", "the",
                       "farmer", '"', "."])


def test_a_judgement_set_beside_the_object_names_it_too():
    doc = called_beside("tariffs", "outrage")
    [found] = evaluations(doc, load_codebook())
    assert found.type == "ACCUSE"
    assert judgements(doc, load_codebook()) == {7}


def test_an_act_named_as_the_judgement_judges_with_the_tone_of_its_type():
    doc = called_beside("tariffs", "attack")
    assault = Trigger(lemma="attack", pos="NOUN", type="ASSAULT", mode=None, context=(),
                      frame="agent_patient", with_=frozenset(), cameo="190", weight=0.8)
    [found] = evaluations(doc, load_codebook(), [TriggerHit(7, 8, doc[7], assault)])
    assert found.type == "ACCUSE"
    assert evaluations(doc, load_codebook()) == []  # "attack" unknown as an act: no tone


@pytest.mark.slow
def test_an_act_named_as_what_something_is_is_no_event_of_its_own(coder):
    text = ('The government raised import tariffs on grain. The farmers\' union called the '
            'tariffs "an attack on every family farm".')
    events = coder.code_article(Article(id="e", text=text, published="2024-05-03")).events
    assert "ASSAULT" not in {e.event_type for e in events}
    assert "ACCUSE" in {e.event_type for e in events}


def _accusations(coder, text: str):  # noqa: ANN001, ANN202
    article = Article(id="s", text=text, published="2024-05-03")
    return [e for e in coder.code_article(article).events if e.event_type == "ACCUSE"]


def test_a_side_telling_what_another_did_to_its_own_accuses_it(coder):
    [told] = _accusations(coder, "Border row\n\nCambodia's defence ministry said on Friday that "
                                 "Thai soldiers had fired on Cambodian farmers near the border.")
    assert [a.country for a in told.actors] == ["KHM"]
    assert [r.country for r in told.recipients] == ["THA"]
    assert told.evidence.trigger == "said"


def test_an_act_told_first_and_its_teller_after_is_no_accusation(coder):
    assert not _accusations(coder, "Night attack\n\nRussia fired 40 drones at Ukraine overnight, "
                                   "Ukraine's air force said on Friday.")


def test_a_side_telling_what_others_did_to_third_parties_reports_it(coder):
    assert not _accusations(coder, "Clash\n\nPolice said on Friday that fighters from one clan "
                                   "had ambushed villagers from another clan near Wabag.")


def test_a_clause_completing_a_noun_is_no_telling_of_its_act(coder):
    assert not _accusations(coder, "Border\n\nKenya said on Friday it had no evidence that "
                                   "Somali troops had attacked Kenyan herders.")
