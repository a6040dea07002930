"""Dates an article gives one event by another: the record whose date the text states dates
the other, moved by the measure, forwards or back (hand-built Docs and records)."""

from __future__ import annotations

from dataclasses import replace

from factories import make_event
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from sitrep.cluster.anchored import dated_by_events, strength
from sitrep.model import Article, EventDate, TimeMention
from sitrep.resolve.times.component import TIME_SPANS, register_extensions

WORDS = ["rebels", "attacked", "the", "base", ".", "troops", "arrived", "two", "days",
         "after", "the", "attack", "."]
HEADS = [1, 1, 3, 1, 1, 6, 6, 8, 9, 6, 11, 9, 6]
DEPS = ["nsubj", "ROOT", "det", "dobj", "punct", "nsubj", "ROOT", "nummod", "npadvmod", "prep",
        "det", "pobj", "punct"]


def story() -> Doc:
    register_extensions()
    doc = Doc(Vocab(), words=WORDS, heads=HEADS, deps=DEPS,
              sent_starts=[1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    span = Span(doc, 7, 9, label="DURATION")
    span._.timex = TimeMention(doc_id="d", start=span.start_char, end=span.end_char,
                               text=span.text, type="DURATION", value="P2D")
    doc.spans[TIME_SPANS] = [span]
    doc.spans["triggers"] = []
    return doc


def record(doc: Doc, token: int, event_type: str, when: EventDate):
    """A record whose one mention's trigger is the Doc's token ``token``."""
    sent = doc[token].sent
    event = make_event(event_type=event_type, sentence=sent.text, start=sent.start_char,
                       trigger=doc[token].text)
    return replace(event, date=when)


def day(text: str, iso: str, source: str) -> EventDate:
    return EventDate(text=text, start=iso, end=iso, precision="day", basis="relative",
                     source=source)


ARTICLE = Article(id="d", text=" ".join(WORDS), published="2024-05-20")
UNSTATED = EventDate(text=None, start="2024-05-18", end="2024-05-20", precision=None,
                     basis="publication", source="article")


def test_the_event_measured_from_dates_the_one_the_phrase_dates():
    doc = story()
    attack = record(doc, 1, "ASSAULT", day("Monday", "2024-05-06", "clause"))
    attack.mentions.append(replace(attack.evidence, trigger="attack",
                                   trigger_start=doc[11].idx, trigger_end=doc[11].idx + 6))
    arrival = record(doc, 6, "MOBILIZE", UNSTATED)
    _, moved = dated_by_events([attack, arrival], doc, ARTICLE)
    assert (moved.date.start, moved.date.end, moved.date.source) == (
        "2024-05-08", "2024-05-08", "event")
    assert moved.date.text == "two days after the attack"
    assert strength(moved) == 1, "a moved date dates further events, less surely than a stated"


def test_the_event_the_phrase_dates_dates_the_one_measured_from_back():
    doc = story()
    attack = record(doc, 1, "ASSAULT", UNSTATED)
    attack.mentions.append(replace(attack.evidence, trigger="attack",
                                   trigger_start=doc[11].idx, trigger_end=doc[11].idx + 6))
    arrival = record(doc, 6, "MOBILIZE", day("Friday", "2024-05-10", "clause"))
    moved, kept = dated_by_events([attack, arrival], doc, ARTICLE)
    assert (moved.date.start, moved.date.source) == ("2024-05-08", "event")
    assert kept.date.start == "2024-05-10"


def test_a_date_wider_than_the_measure_or_one_the_text_states_is_not_moved():
    doc = story()
    year = EventDate(text="2023", start="2023-01-01", end="2023-12-31", precision="year",
                     basis="explicit", source="clause")
    attack = record(doc, 1, "ASSAULT", year)
    attack.mentions.append(replace(attack.evidence, trigger="attack",
                                   trigger_start=doc[11].idx, trigger_end=doc[11].idx + 6))
    arrival = record(doc, 6, "MOBILIZE", UNSTATED)
    assert dated_by_events([attack, arrival], doc, ARTICLE)[1].date == UNSTATED
    stated = day("Friday", "2024-05-10", "clause")
    arrival = record(doc, 6, "MOBILIZE", stated)
    attack = replace(attack, date=day("Monday", "2024-05-06", "clause"))
    assert dated_by_events([attack, arrival], doc, ARTICLE)[1].date == stated


def test_an_event_told_as_done_is_not_moved_past_the_story():
    doc = story()
    attack = record(doc, 1, "ASSAULT", day("Sunday", "2024-05-19", "clause"))
    attack.mentions.append(replace(attack.evidence, trigger="attack",
                                   trigger_start=doc[11].idx, trigger_end=doc[11].idx + 6))
    arrival = record(doc, 6, "MOBILIZE", UNSTATED)
    assert dated_by_events([attack, arrival], doc, ARTICLE)[1].date == UNSTATED


def test_an_event_noun_told_in_passing_stands_for_the_latest_record_of_its_type():
    from sitrep.codebook.lexicon import load_codebook
    from sitrep.extract.triggers import TRIGGER_SPANS

    doc = story()
    if not Span.has_extension("trigger"):
        Span.set_extension("trigger", default=None)
    attack_entry = next(t for t in load_codebook().triggers
                        if t.lemma == "attack" and t.pos == "NOUN")
    noun = Span(doc, 11, 12)
    noun._.trigger = (11, attack_entry, False)
    doc.spans[TRIGGER_SPANS] = [noun]
    attack = record(doc, 1, "ASSAULT", day("Monday", "2024-05-06", "clause"))
    arrival = record(doc, 6, "MOBILIZE", UNSTATED)
    _, moved = dated_by_events([attack, arrival], doc, ARTICLE)
    assert (moved.date.start, moved.date.source) == ("2024-05-08", "event")


# "the vote came a week after troops withdrew": the clause the phrase dates tells no record
VOTE = ["the", "vote", "came", "a", "week", "after", "troops", "withdrew", "."]
VOTE_HEADS = [1, 2, 2, 4, 7, 7, 7, 2, 2]
VOTE_DEPS = ["det", "nsubj", "ROOT", "det", "npadvmod", "mark", "nsubj", "advcl", "punct"]


def vote_story(deps: list[str] = VOTE_DEPS) -> Doc:
    register_extensions()
    doc = Doc(Vocab(), words=VOTE, heads=VOTE_HEADS, deps=deps,
              pos=["DET", "NOUN", "VERB", "DET", "NOUN", "SCONJ", "NOUN", "VERB", "PUNCT"])
    span = Span(doc, 3, 5, label="DURATION")
    span._.timex = TimeMention(doc_id="d", start=span.start_char, end=span.end_char,
                               text=span.text, type="DURATION", value="P1W")
    doc.spans[TIME_SPANS] = [span]
    doc.spans["triggers"] = []
    return doc


def test_a_clause_of_no_record_and_no_time_dates_the_event_measured_from_by_the_story():
    doc = vote_story()
    article = Article(id="d", text=doc.text, published="2024-05-20")
    withdrawal = record(doc, 7, "RETREAT", UNSTATED)
    [moved] = dated_by_events([withdrawal], doc, article)
    assert (moved.date.start, moved.date.end, moved.date.source) == (
        "2024-05-11", "2024-05-13", "event")


def test_a_subjectless_clause_shares_the_time_of_the_clause_it_hangs_on():
    deps = [*VOTE_DEPS]
    deps[1] = "dobj"  # "... the vote, coming a week after troops withdrew": no subject
    doc = vote_story(deps)
    article = Article(id="d", text=doc.text, published="2024-05-20")
    withdrawal = record(doc, 7, "RETREAT", UNSTATED)
    assert dated_by_events([withdrawal], doc, article)[0].date == UNSTATED


LATER = ["rebels", "attacked", "the", "base", ".", "the", "sides", "later", "signed", "a",
         "deal", "."]
LATER_HEADS = [1, 1, 3, 1, 1, 6, 8, 8, 8, 10, 8, 8]
LATER_DEPS = ["nsubj", "ROOT", "det", "dobj", "punct", "det", "nsubj", "advmod", "ROOT", "det",
              "dobj", "punct"]


def later_story(words: list[str] = LATER) -> Doc:
    register_extensions()
    doc = Doc(Vocab(), words=words, heads=LATER_HEADS, deps=LATER_DEPS,
              sent_starts=[1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    doc.spans[TIME_SPANS] = []
    doc.spans["triggers"] = []
    return doc


def test_an_act_told_later_than_a_dated_one_runs_from_its_date_to_the_story():
    doc = later_story()
    attack = record(doc, 1, "ASSAULT", EventDate(text="2020", start="2020-01-01",
                                                 end="2020-12-31", precision="year",
                                                 basis="explicit", source="clause"))
    deal = record(doc, 8, "AGREE", UNSTATED)
    _, dated = dated_by_events([attack, deal], doc, ARTICLE)
    assert (dated.date.start, dated.date.end, dated.date.source) == (
        "2020-01-01", "2024-05-20", "event")
    assert dated.date.text == "later"


def test_without_an_adverb_of_sequence_or_a_dated_act_before_the_story_day_stands():
    doc = later_story([*LATER[:7], "also", *LATER[8:]])
    attack = record(doc, 1, "ASSAULT", EventDate(text="2020", start="2020-01-01",
                                                 end="2020-12-31", precision="year",
                                                 basis="explicit", source="clause"))
    deal = record(doc, 8, "AGREE", UNSTATED)
    assert dated_by_events([attack, deal], doc, ARTICLE)[1].date == UNSTATED
    doc = later_story()
    undated = record(doc, 1, "ASSAULT", UNSTATED)
    deal = record(doc, 8, "AGREE", UNSTATED)
    assert dated_by_events([undated, deal], doc, ARTICLE)[1].date == UNSTATED


def test_an_act_told_later_that_states_its_own_time_keeps_it():
    doc = later_story()
    attack = record(doc, 1, "ASSAULT", EventDate(text="2020", start="2020-01-01",
                                                 end="2020-12-31", precision="year",
                                                 basis="explicit", source="clause"))
    own = day("Monday", "2024-05-20", "clause")
    deal = record(doc, 8, "AGREE", own)
    assert dated_by_events([attack, deal], doc, ARTICLE)[1].date == own


NEXT = ["rebels", "seized", "the", "town", ".", "troops", "shelled", "their", "positions", "."]
NEXT_HEADS = [1, 1, 3, 1, 1, 6, 6, 8, 6, 6]
NEXT_DEPS = ["nsubj", "ROOT", "det", "dobj", "punct", "nsubj", "ROOT", "poss", "dobj", "punct"]
MONDAY = day("Monday", "2024-05-13", "clause")


def next_story(paragraph: bool = False) -> Doc:
    """Two sentences, in one paragraph or (``paragraph``) in two."""
    register_extensions()
    words, heads, deps = list(NEXT), list(NEXT_HEADS), list(NEXT_DEPS)
    starts = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0]
    if paragraph:
        words.insert(5, "\n\n")
        heads = [*heads[:5], 4, *(h + 1 for h in heads[5:])]
        deps.insert(5, "dep")
        starts.insert(5, 0)
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, sent_starts=starts)
    doc.spans[TIME_SPANS] = []
    doc.spans["triggers"] = []
    return doc


def test_an_undated_act_after_a_dated_one_in_its_paragraph_runs_from_that_date():
    doc = next_story()
    seizure = record(doc, 1, "COERCE", MONDAY)
    shelling = record(doc, 6, "ASSAULT", UNSTATED)
    _, dated = dated_by_events([seizure, shelling], doc, ARTICLE)
    assert (dated.date.start, dated.date.end, dated.date.source) == (
        "2024-05-13", "2024-05-20", "event")


def test_a_new_paragraph_a_statement_or_an_undated_act_before_leave_the_story_day():
    doc = next_story(paragraph=True)
    assert "\n\n" in doc.text
    seizure = record(doc, 1, "COERCE", MONDAY)
    shelling = record(doc, 7, "ASSAULT", UNSTATED)
    assert dated_by_events([seizure, shelling], doc, ARTICLE)[1].date == UNSTATED
    doc = next_story()
    seizure = record(doc, 1, "COERCE", MONDAY)
    blame = record(doc, 6, "ACCUSE", UNSTATED)
    assert dated_by_events([seizure, blame], doc, ARTICLE)[1].date == UNSTATED
    undated = record(doc, 1, "COERCE", UNSTATED)
    shelling = record(doc, 6, "ASSAULT", UNSTATED)
    assert dated_by_events([undated, shelling], doc, ARTICLE)[1].date == UNSTATED
