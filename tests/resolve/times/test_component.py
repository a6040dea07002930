"""The ``sitrep_times`` component writes ``doc.spans["times"]``, on hand-built Docs."""

from __future__ import annotations

from datetime import date

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.nlp import components  # noqa: F401 - registers the factories
from sitrep.resolve.times import tag_times
from sitrep.resolve.times.component import TIME_SPANS, TimeTagger, doc_times


def test_spans_carry_type_and_value_against_the_doc_reference():
    words = ["Troops", "left", "last", "week", "and", "return", "on", "June", "3", "."]
    doc = Doc(Vocab(), words=words, spaces=[True] * 8 + [False, False])
    tagger = TimeTagger(spacy.blank("en"), "sitrep_times")
    doc._.reference = date(2024, 5, 3)
    tagger(doc)
    found = [(s.text, s.label_, s._.timex.value) for s in doc.spans[TIME_SPANS]]
    assert found == [("last week", "DATE", "2024-W17"), ("June 3", "DATE", "2024-06-03")]


def test_without_a_reference_relative_values_stay_unresolved():
    doc = Doc(Vocab(), words=["It", "ended", "yesterday", "."], spaces=[True, True, False, False])
    TimeTagger(spacy.blank("en"), "sitrep_times")(doc)
    (span,) = doc.spans[TIME_SPANS]
    assert (span.text, span._.timex.basis, span._.timex.value) == ("yesterday", "unresolved",
                                                                    None)


def test_the_factory_in_a_pipeline_gives_what_tag_times_gives():
    nlp = spacy.blank("en")
    nlp.add_pipe("sitrep_times")
    text = "The ceasefire held for two weeks until Friday, May 3, 2024."
    doc = nlp.make_doc(text)
    doc._.reference = date(2024, 5, 6)
    doc = nlp(doc)
    assert doc_times(doc, "a1") == tag_times(text, date(2024, 5, 6), "a1", doc=doc)
    assert doc_times(nlp("No time here."), "a2") == []
