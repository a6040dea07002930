"""The ``sitrep_times`` component writes ``doc.spans["times"]``, on hand-built Docs and in the
default pipeline, where the coder reads the times from the Doc."""

from __future__ import annotations

from datetime import date

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.coder import prepare_doc
from sitrep.model import Article
from sitrep.nlp import components  # noqa: F401 - registers the factories
from sitrep.resolve.times import tag_times
from sitrep.resolve.times.component import TIME_SPANS, TimeTagger, doc_times, has_times, mark_doc


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


def test_a_parsed_future_clause_on_a_hand_built_doc_puts_the_month_ahead():
    words = ["Troops", "will", "leave", "in", "March", "."]
    doc = Doc(Vocab(), words=words, spaces=[True, True, True, True, False, False],
              heads=[2, 2, 2, 2, 3, 2], deps=["nsubj", "aux", "ROOT", "prep", "pobj", "punct"],
              pos=["NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
              tags=["NNS", "MD", "VB", "IN", "NNP", "."])
    tagger = TimeTagger(spacy.blank("en"), "sitrep_times")
    tagger(mark_doc(doc, date(2024, 11, 20)))
    assert [s._.timex.value for s in doc.spans[TIME_SPANS]] == ["2025-03"]


def test_restored_case_tells_the_tagger_that_capitals_mean_nothing():
    words = ["Talks", "resume", "in", "May", "."]
    doc = mark_doc(Doc(Vocab(), words=words, spaces=[True, True, True, False, False]),
                   date(2024, 1, 10), case_restored=True)
    TimeTagger(spacy.blank("en"), "sitrep_times")(doc)
    assert has_times(doc)
    assert doc._.case_restored is True
    assert [s.text for s in doc.spans[TIME_SPANS]] == ["May"]


def test_in_the_default_pipeline_times_come_after_the_entities_and_before_the_places(coder):
    names = coder.nlp.pipe_names
    assert names.index("ner") < names.index("sitrep_times") < names.index("sitrep_places")
    meta = coder.nlp.get_pipe_meta("sitrep_times")
    assert meta.assigns == ["doc.spans"]
    assert "token.dep" in meta.requires


def test_the_coder_reads_the_times_the_pipeline_put_on_the_doc(coder):
    article = Article(id="t1", text="Rebels attacked the town on Tuesday and again last week.",
                      published="2024-05-03")
    (doc, _), = coder._parse([(article.text, article)])
    assert doc._.reference == date(2024, 5, 3)
    from_doc = doc_times(doc, "t1")
    assert [m.value for m in from_doc] == ["2024-04-30", "2024-W17"]
    assert coder.code_doc(doc, article).times == from_doc
    assert from_doc == tag_times(article.text, date(2024, 5, 3), "t1", doc=doc)


def test_a_doc_parsed_without_the_tagger_gets_its_times_when_coded(coder):
    article = Article(id="t2", text="The siege ended on Friday.", published="2024-05-08")
    with coder.nlp.select_pipes(disable=["sitrep_times"]):
        doc = coder.nlp(article.text)
    assert not has_times(doc)
    assert [m.value for m in coder.code_doc(doc, article).times] == ["2024-05-03"]


def test_a_long_text_is_tagged_once_over_the_joined_doc(coder, monkeypatch):
    from sitrep.nlp import parse

    monkeypatch.setattr(parse, "CHUNK_CHARS", 200)
    text = ("Fighting broke out on Monday in the north. " * 6 + "\n\n"
            + "Two days later the army said it had retaken the town. " * 4)
    article = Article(id="t3", text=text, published="2024-05-08")
    (doc, _), = parse.parse_stream(coder.nlp, [(text, article)], prepare=prepare_doc)
    spans = doc.spans[TIME_SPANS]
    assert len(spans) == 10
    assert all(text[s.start_char:s.end_char] == s.text for s in spans)
    assert spans[0]._.timex.value == "2024-05-06"
    assert "places" in doc.spans
    assert "triggers" in doc.spans
