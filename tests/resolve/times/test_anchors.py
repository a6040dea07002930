"""Dates measured from another event: which clause a phrase dates, which event it is measured
from, by how much; read from the time spans and the parse of hand-built Docs."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from sitrep.model import TimeMention
from sitrep.resolve.times.anchors import shifted, time_anchors
from sitrep.resolve.times.component import TIME_SPANS, register_extensions
from sitrep.resolve.times.tagger import tag_times


def parsed(words: list[str], heads: list[int], deps: list[str], measure: tuple[int, int],
           value: str, pos: list[str] | None = None) -> Doc:
    """A Doc with a parse and one DURATION span over the tokens ``measure``."""
    register_extensions()
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps,
              pos=pos or ["NOUN"] * len(words))
    span = Span(doc, *measure, label="DURATION")
    span._.timex = TimeMention(doc_id="", start=span.start_char, end=span.end_char,
                               text=span.text, type="DURATION", value=value)
    doc.spans[TIME_SPANS] = [span]
    return doc


def test_a_measure_after_an_event_noun_dates_the_clause_it_modifies():
    words = ["troops", "arrived", "a", "week", "after", "the", "attack"]
    doc = parsed(words, heads=[1, 1, 3, 4, 1, 6, 4],
                 deps=["nsubj", "ROOT", "det", "npadvmod", "prep", "det", "pobj"],
                 measure=(2, 4), value="P1W")
    [anchor] = time_anchors(doc)
    assert (anchor.dated.text, anchor.anchor.text) == ("arrived", "attack")
    assert (anchor.sign, anchor.unit, anchor.count) == (1, "W", 1.0)
    assert anchor.text == "a week after the attack"


def test_a_clause_the_signal_introduces_is_the_event_measured_from():
    words = ["the", "strike", "came", "a", "day", "after", "Peru", "recalled", "it"]
    doc = parsed(words, heads=[1, 2, 2, 4, 2, 7, 7, 2, 7],
                 deps=["det", "nsubj", "ROOT", "det", "npadvmod", "mark", "nsubj", "advcl",
                       "dobj"],
                 measure=(3, 5), value="P1D")
    [anchor] = time_anchors(doc)
    assert (anchor.dated.text, anchor.anchor.text, anchor.sign) == ("came", "recalled", 1)


def test_the_day_before_an_event_dates_the_clause_the_measure_modifies():
    words = ["the", "day", "before", "the", "vote", ",", "police", "arrested", "him"]
    doc = parsed(words, heads=[1, 7, 1, 4, 2, 7, 7, 7, 7],
                 deps=["det", "npadvmod", "prep", "det", "pobj", "punct", "nsubj", "ROOT",
                       "dobj"],
                 measure=(0, 3), value="P1D")
    [anchor] = time_anchors(doc)
    assert (anchor.dated.text, anchor.anchor.text, anchor.sign) == ("arrested", "vote", -1)


def test_since_an_event_runs_from_it_and_a_vague_measure_relates_nothing():
    words = ["they", "held", "the", "square", "since", "the", "coup"]
    doc = parsed(words, heads=[1, 1, 3, 1, 1, 6, 4],
                 deps=["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj"],
                 measure=(0, 1), value="PXD",
                 pos=["PRON", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN"])
    [anchor] = time_anchors(doc)
    assert (anchor.dated.text, anchor.anchor.text, anchor.sign, anchor.unit) == (
        "held", "coup", 0, None)


def test_during_an_event_noun_is_the_same_time_as_that_event():
    words = ["during", "that", "trip", ",", "Iran", "agreed", "to", "stop"]
    doc = parsed(words, heads=[5, 2, 0, 5, 5, 5, 7, 5],
                 deps=["prep", "det", "pobj", "punct", "nsubj", "ROOT", "aux", "xcomp"],
                 measure=(7, 8), value="PXD",
                 pos=["ADP", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "PART", "VERB"])
    [anchor] = time_anchors(doc)
    assert (anchor.dated.text, anchor.anchor.text, anchor.sign, anchor.unit) == (
        "agreed", "trip", 1, None)
    day = date(2024, 11, 14)
    assert shifted(day, day, anchor) == (day, day)


def test_shifting_moves_both_ends_forwards_or_back():
    words = ["troops", "arrived", "two", "days", "after", "the", "attack"]
    doc = parsed(words, heads=[1, 1, 3, 4, 1, 6, 4],
                 deps=["nsubj", "ROOT", "nummod", "npadvmod", "prep", "det", "pobj"],
                 measure=(2, 4), value="P2D")
    [anchor] = time_anchors(doc)
    day = date(2024, 5, 6)
    assert shifted(day, day, anchor) == (date(2024, 5, 8), date(2024, 5, 8))
    assert shifted(day, day, anchor, backwards=True) == (date(2024, 5, 4), date(2024, 5, 4))


def test_the_grammar_reads_one_unit_before_an_event_as_a_measure():
    reference = date(2024, 5, 10)
    [found] = tag_times("The day before the vote, police arrested him.", reference, "x")
    assert (found.text, found.type, found.value, found.start_date) == (
        "The day before", "DURATION", "P1D", None)
    [found] = tag_times("He left the day after.", reference, "x")
    assert (found.type, found.start_date) == ("DATE", "2024-05-11")
