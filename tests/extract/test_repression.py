"""Force against a protest: the force takes the protesters as recipients and the repression
context, a protest broken up stays an event of its own, and what a crowd demands in a clause
on it is the protest's message."""

from __future__ import annotations

import pytest
from factories import surest_first
from spacy.tokens import Doc

from sitrep.codebook.lexicon import load_codebook
from sitrep.extract.events import Candidate
from sitrep.extract.repression import against_protest, counted, targets, without_messages
from sitrep.extract.triggers import trigger_matcher

pytestmark = pytest.mark.slow


def _candidates(doc: Doc) -> list[Candidate]:
    return [Candidate(hit, hit.entry, hit.entry.mode) for hit in trigger_matcher(doc.vocab)(doc)]


def _purpose_doc(coder) -> Doc:
    words = ["Police", "fired", "shots", "to", "disperse", "thousands", "of", "demonstrators",
             "demanding", "reforms", "."]
    return Doc(coder.nlp.vocab, words=words,
               heads=[1, 1, 1, 4, 1, 4, 5, 6, 5, 8, 1],
               deps=["nsubj", "ROOT", "dobj", "aux", "advcl", "dobj", "prep", "pobj", "acl",
                     "dobj", "punct"],
               pos=["PROPN", "VERB", "NOUN", "PART", "VERB", "NOUN", "ADP", "NOUN", "VERB",
                    "NOUN", "PUNCT"],
               lemmas=["Police", "fire", "shot", "to", "disperse", "thousand", "of",
                       "demonstrator", "demand", "reform", "."],
               sent_starts=[1] + [0] * 10)


def test_on_a_hand_built_doc_the_purpose_clause_names_the_protesters(coder):
    doc = _purpose_doc(coder)
    book = load_codebook()
    assert [t.text for t in targets(doc[1], book)] == ["shots", "demonstrators"]
    assert counted(doc[5]).text == "demonstrators"
    fired = next(c for c in _candidates(doc) if c.head.i == 1)
    (marked,) = [c for c in against_protest([fired], book) if c.head.i == 1]
    assert "pro_autocracy" in marked.entry.context
    assert [t.text for t in marked.targets] == ["demonstrators"]


def test_on_a_hand_built_doc_the_crowds_demand_is_its_message(coder):
    doc = _purpose_doc(coder)
    candidates = _candidates(doc)
    assert "REQUEST" in {c.type for c in candidates}
    kept = without_messages(candidates, load_codebook())
    assert "REQUEST" not in {c.type for c in kept}


def _events(coder, text: str):  # noqa: ANN001, ANN202
    return surest_first(coder, text, "r")


def test_force_on_protesters_is_repression_with_them_as_recipients(coder):
    top = _events(coder, "Troops fired on marchers near the palace on Sunday.")[0]
    assert top.event_type == "ASSAULT"
    assert "pro_autocracy" in top.context
    assert [r.text for r in top.recipients] == ["marchers"]


def test_a_protest_broken_up_stays_a_protest_below_the_force(coder):
    events = _events(coder, "Riot police broke up a rally by teachers in the capital.")
    assert [e.event_type for e in events] == ["COERCE", "PROTEST"]
    assert "pro_autocracy" in events[0].context
    assert events[0].confidence > events[1].confidence
    assert not any(a.text == "Riot police" for a in events[1].actors)


def test_a_ban_is_no_force_against_a_protest_that_took_place(coder):
    events = _events(coder, "The governor banned the rally planned for Friday.")
    assert [(e.event_type, e.mode) for e in events] == [("COERCE", "ban")]


def test_on_a_hand_built_doc_people_a_clause_says_protest_are_a_protest_crowd(coder):
    words = ["Police", "arrested", "people", "protesting", "against", "the", "law", "."]
    doc = Doc(coder.nlp.vocab, words=words, heads=[1, 1, 1, 2, 3, 6, 4, 1],
              deps=["nsubj", "ROOT", "dobj", "acl", "prep", "det", "pobj", "punct"],
              pos=["PROPN", "VERB", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
              lemmas=["Police", "arrest", "people", "protest", "against", "the", "law", "."],
              sent_starts=[1] + [0] * 7)
    candidates = _candidates(doc)
    assert "PROTEST" in {c.type for c in candidates}
    (arrest,) = [c for c in against_protest(candidates, load_codebook()) if c.head.i == 1]
    assert "pro_autocracy" in arrest.entry.context
    assert [t.text for t in arrest.targets] == ["people"]
    without_clause = [c for c in _candidates(doc) if c.type != "PROTEST"]
    (plain,) = [c for c in against_protest(without_clause, load_codebook()) if c.head.i == 1]
    assert "pro_autocracy" not in plain.entry.context


def test_the_people_of_a_rally_named_by_of_and_a_conjoined_arrest_are_repression(coder):
    events = _events(coder, "Gendarmes dispersed a rally of striking dockers in the port city "
                            "and detained 20 of them on Monday.")
    arrest = next(e for e in events if e.mode == "arrest")
    assert "pro_autocracy" in arrest.context
    assert arrest.acled == {"event_type": "Protests",
                            "sub_event_type": "Protest with intervention"}
