"""Place and time of an event: its clause first, then its sentence, then the dateline and the
publication date, each saying which (hand-made place and time mentions, real parse)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.extract.events import extract_events
from sitrep.extract.setting import asked_tokens, reported_tokens, time_relation
from sitrep.ingest.jsonl import article_from_record
from sitrep.model import Article, PlaceMention, TimeMention

pytestmark = pytest.mark.slow

TEXT = ("NIAMEY, May 3: US troops withdrew from Chad in April. "
        "Officials met in Paris while rebels attacked a convoy.")


def place(text: str, code: str, nth: int = 0) -> PlaceMention:
    start = TEXT.index(text) if nth == 0 else TEXT.index(text, TEXT.index(text) + 1)
    return PlaceMention(doc_id="t", start=start, end=start + len(text), text=text, name=text,
                        country_code=code, precision="country", feature_code="PCLI")


def time(text: str, start_date: str, end_date: str) -> TimeMention:
    start = TEXT.index(text)
    return TimeMention(doc_id="t", start=start, end=start + len(text), text=text, type="DATE",
                       value=start_date[:7], start_date=start_date, end_date=end_date,
                       precision="month", basis="relative")


def events(coder, places, times, published="2024-05-03", **fields):
    article = Article(id="t", text=TEXT, published=published, **fields)
    return {e.event_type: e for e in extract_events(coder.nlp(TEXT), article, places=places,
                                                    times=times, actors=coder.actors)}


def test_clause_place_and_time_come_first(coder):
    found = events(coder, [place("Chad", "TCD")], [time("April", "2024-04-01", "2024-04-30")])
    retreat = found["RETREAT"]
    assert (retreat.location.country_code, retreat.location.basis) == ("TCD", "clause")
    assert (retreat.date.start, retreat.date.end, retreat.date.basis) == \
        ("2024-04-01", "2024-04-30", "relative")
    assert retreat.date.source == "clause"


def test_sentence_place_when_the_clause_has_none(coder):
    found = events(coder, [place("Paris", "FRA")], [])
    assault = found["ASSAULT"]
    assert (assault.location.country_code, assault.location.basis) == ("FRA", "sentence")


def test_dateline_place_and_the_days_up_to_publication_stand_in(coder):
    niamey = PlaceMention(doc_id="t", start=0, end=6, text="NIAMEY", name="Niamey",
                          country_code="NER", precision="city")
    found = events(coder, [niamey], [], dateline_place="NIAMEY", dateline_start=0,
                   dateline_end=6)
    assault = found["ASSAULT"]
    assert (assault.location.country_code, assault.location.basis) == ("NER", "dateline")
    # an event no words date happened on or shortly before the story's day (records.json)
    assert (assault.date.start, assault.date.end, assault.date.basis) == \
        ("2024-05-01", "2024-05-03", "publication")
    assert (assault.date.precision, assault.date.source) == (None, "article")


def test_without_a_date_the_time_is_unresolved(coder):
    found = events(coder, [], [], published=None)
    date = found["ASSAULT"].date
    assert (date.start, date.end, date.basis) == (None, None, "unresolved")
    assert found["ASSAULT"].location is None


def test_dateline_words_are_neither_actor_nor_date(coder):
    article = article_from_record({
        "id": "m", "published": "1990-01-03",
        "text": "SAN SALVADOR, 3 JAN 90 -- [TEXT] TERRORISTS OF THE FMLN KILLED THREE "
                "PEASANTS IN SAN MIGUEL YESTERDAY, THE ARMY REPORTED."}, "test")
    event = coder.code_article(article).events[0]
    assert [a.text for a in event.actors] == ["TERRORISTS OF THE FMLN"]
    assert (event.date.start, event.date.basis) == ("1990-01-02", "relative")


def coded(coder, text: str, published: str = "2024-05-03") -> dict:
    article = Article(id="c", text=text, published=published)
    return {e.event_type: e for e in coder.code_article(article).events}


def test_the_day_a_statement_was_made_bounds_the_event_it_reports(coder):
    found = coded(coder, "Local officials said on Thursday that rebels attacked a village in "
                         "northern Mali.")
    date = found["ASSAULT"].date
    assert (date.start, date.end, date.source) == ("2024-04-30", "2024-05-02", "sentence")


def test_the_time_of_what_a_statement_is_about_is_not_the_statements(coder):
    found = coded(coder, "The French government urged the European Union to impose new "
                         "sanctions on Iran next month.")
    date = found["REQUEST"].date
    assert (date.start, date.end, date.basis) == ("2024-05-01", "2024-05-03", "publication")


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str],
           lemmas: list[str] | None = None) -> Doc:
    """A hand-built parse: ``heads`` are absolute token indices."""
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos,
               lemmas=lemmas or [w.lower() for w in words])


CALL = (["Unions", "called", "for", "a", "strike", "on", "Friday", "."],
        [1, 1, 1, 4, 2, 1, 5, 1],
        ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"])


def test_a_time_after_the_event_a_call_asks_for_is_that_events():
    doc = parsed(*CALL)
    assert asked_tokens(doc[1], {4}) == {3, 4, 5, 6}
    assert asked_tokens(doc[1], set()) == set(), "an object that is no event asks for no time"


def test_a_time_before_the_object_a_call_asks_for_is_the_calls():
    doc = parsed(["Unions", "called", "on", "Friday", "for", "a", "strike", "."],
                 [1, 1, 1, 2, 1, 6, 4, 1],
                 ["nsubj", "ROOT", "prep", "pobj", "prep", "det", "pobj", "punct"],
                 ["NOUN", "VERB", "ADP", "PROPN", "ADP", "DET", "NOUN", "PUNCT"])
    assert asked_tokens(doc[1], {6}) == {5, 6}


def test_the_asking_takes_the_story_window_when_the_time_is_what_it_asks_for(coder):
    found = coded(coder, "Opposition leaders called for a nationwide strike on Friday.")
    date = found["REQUEST"].date
    assert (date.start, date.end, date.basis) == ("2024-05-01", "2024-05-03", "publication")


def test_the_reported_clause_holding_a_conjoined_speech_act_is_the_tellers_content():
    doc = parsed(["Officials", "said", "trucks", "entered", "last", "week", "and", "accused",
                  "Israel", "."],
                 [1, 1, 3, 1, 5, 3, 3, 3, 7, 1],
                 ["nsubj", "ROOT", "nsubj", "ccomp", "amod", "npadvmod", "cc", "conj", "dobj",
                  "punct"],
                 ["NOUN", "VERB", "NOUN", "VERB", "ADJ", "NOUN", "CCONJ", "VERB", "PROPN",
                  "PUNCT"])
    assert reported_tokens(doc[1], doc[7]) == {2, 3, 4, 5, 6, 7, 8}
    assert reported_tokens(doc[1], doc[0]) == set()


def test_a_speech_act_joined_to_reported_content_does_not_take_its_time(coder):
    found = coded(coder, "The U.N. humanitarian office said only 83 aid trucks entered Gaza "
                         "last week and accused Israel of impeding convoys.")
    date = found["ACCUSE"].date
    assert (date.start, date.end, date.basis) == ("2024-05-01", "2024-05-03", "publication")


def test_a_time_that_points_back_after_what_is_asked_is_the_askings(coder):
    found = coded(coder, "The government demanded the departure of the troops last month.")
    date = found["REQUEST"].date
    assert (date.start, date.end) == ("2024-04-01", "2024-04-30")


def test_an_adjunct_shares_the_time_of_the_verb_it_hangs_from():
    doc = parsed(["Gunmen", "stormed", "the", "town", "on", "Monday", ",", "killing", "ten",
                  "people", "."],
                 [1, 1, 3, 1, 1, 4, 1, 1, 9, 7, 1],
                 ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct", "advcl", "nummod",
                  "dobj", "punct"],
                 ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "VERB", "NUM", "NOUN",
                  "PUNCT"])
    assert time_relation(doc[7], doc[5:6]) == "shared"


def test_reported_content_and_a_clause_of_its_own_subject_happened_by_then():
    said = parsed(["Officials", "said", "on", "Monday", "rebels", "attacked", "the", "town", "."],
                  [1, 1, 1, 2, 5, 1, 7, 5, 1],
                  ["nsubj", "ROOT", "prep", "pobj", "nsubj", "ccomp", "det", "dobj", "punct"],
                  ["NOUN", "VERB", "ADP", "PROPN", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
                  ["official", "say", "on", "Monday", "rebel", "attack", "the", "town", "."])
    assert time_relation(said[5], said[3:4]) == "by"
    joined = parsed(["Troops", "shelled", "it", "on", "Monday", "and", "rebels", "attacked", "."],
                    [1, 1, 1, 1, 3, 1, 7, 1, 1],
                    ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "nsubj", "conj", "punct"],
                    ["NOUN", "VERB", "PRON", "ADP", "PROPN", "CCONJ", "NOUN", "VERB", "PUNCT"])
    assert time_relation(joined[7], joined[4:5]) == "by"


def test_the_time_of_another_reported_clause_says_nothing_of_the_event():
    doc = parsed(["Officials", "said", "trucks", "entered", "the", "strip", "last", "week", "and",
                  "accused", "the", "army", "."],
                 [1, 1, 3, 1, 5, 3, 7, 3, 1, 1, 11, 9, 1],
                 ["nsubj", "ROOT", "nsubj", "ccomp", "det", "dobj", "amod", "npadvmod", "cc",
                  "conj", "det", "dobj", "punct"],
                 ["NOUN", "VERB", "NOUN", "VERB", "DET", "NOUN", "ADJ", "NOUN", "CCONJ", "VERB",
                  "DET", "NOUN", "PUNCT"])
    assert time_relation(doc[9], doc[6:8]) == "other"


def test_a_participle_takes_the_day_of_the_verb_it_hangs_from(coder):
    found = coded(coder, "Rebels ambushed an army convoy near Gao on Tuesday, wounding six "
                         "soldiers.")
    date = found["ASSAULT"].date
    assert (date.start, date.end, date.basis) == ("2024-04-30", "2024-04-30", "relative")


def test_a_clause_the_event_governs_without_an_ordering_word_shares_its_time():
    doc = parsed(["Rebels", "attacked", "Gao", "when", "troops", "left", "on", "Monday", "."],
                 [1, 1, 1, 5, 5, 1, 5, 6, 1],
                 ["nsubj", "ROOT", "dobj", "advmod", "nsubj", "advcl", "prep", "pobj", "punct"],
                 ["NOUN", "VERB", "PROPN", "SCONJ", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"])
    assert time_relation(doc[1], doc[7:8]) == "shared"
    after = parsed(["Rebels", "attacked", "Gao", "after", "troops", "left", "on", "Monday", "."],
                   [1, 1, 1, 5, 5, 1, 5, 6, 1],
                   ["nsubj", "ROOT", "dobj", "mark", "nsubj", "advcl", "prep", "pobj", "punct"],
                   ["NOUN", "VERB", "PROPN", "SCONJ", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"])
    assert time_relation(after[1], after[7:8]) == "other"


def test_the_far_side_of_a_border_is_not_where_troops_massed(coder):
    found = coded(coder, "Kenya sent two battalions of troops to its frontier with Somalia on "
                         "Friday, officials said.")
    mobilize = found["MOBILIZE"]
    assert mobilize.location is None or mobilize.location.country_code != "SOM"


@pytest.mark.parametrize(("text", "code"), [
    ("Gunmen torched a school in the country's Maniema province overnight.", "COD"),
])
def test_a_division_named_with_its_kind_word_in_a_place_phrase_is_the_events_place(
        coder, text, code):
    events = coder.code_article(Article(id="t", text=text, published="2024-05-03")).events
    top = max(events, key=lambda e: e.confidence)
    assert top.location is not None and top.location.country_code == code, top.location
    assert code in [a.country for a in top.actors]


def test_a_country_named_as_a_side_elsewhere_is_not_where_the_act_happened(coder):
    found = coded(coder, "Sudanese militia fighters burned a market on the highway, officials "
                         "said, accusing Chad of arming them.")
    burned = [e for e in found.values() if e.event_type != "ACCUSE"]
    assert burned and all(e.location is None or e.location.country_code != "TCD"
                          for e in burned)


def test_a_place_named_as_where_someone_came_from_is_not_where_they_acted(coder):
    found = coded(coder, "Raiders who had come from Niger overnight attacked a granary in the "
                         "village, residents said.")
    assault = found["ASSAULT"]
    assert assault.location is None or assault.location.country_code != "NER"


def test_a_doers_own_country_named_as_the_speaker_is_where_it_acted(coder):
    found = coded(coder, "Ghana said its soldiers had reinforced checkpoints along the highway.")
    mobilize = found["MOBILIZE"]
    assert mobilize.location is not None and mobilize.location.country_code == "GHA"


def test_a_place_another_event_noun_takes_is_that_events(coder):
    found = coded(coder, "Chad has deployed thousands of troops to its eastern provinces this "
                         "week, officials said, raising fears of a wider war in the Sahel.")
    mobilize = found["MOBILIZE"]
    assert mobilize.location is None or mobilize.location.text != "Sahel"


def test_a_time_of_a_noun_deep_in_the_clause_does_not_date_the_verb(coder):
    found = coded(coder, "Police arrested the organiser of last week's protest on Tuesday.")
    date = found["COERCE"].date
    assert (date.start, date.end) == ("2024-04-30", "2024-04-30")


def test_a_time_of_a_noun_the_verb_takes_through_a_preposition_dates_the_verb(coder):
    found = coded(coder, "Malian troops attacked the town in the 2019 uprising.")
    date = found["ASSAULT"].date
    assert (date.start[:4], date.end[:4]) == ("2019", "2019")


def test_a_region_describing_a_side_is_not_where_it_acted(coder):
    found = coded(coder, "Ansarul Islam, an armed group active in the Sahel, attacked an army "
                         "post on Monday, the army said.")
    assault = found["ASSAULT"]
    assert assault.location is None or assault.location.text != "Sahel"
    found = coded(coder, "Gunmen attacked an army convoy in the Sahel on Monday, the army said.")
    assert found["ASSAULT"].location is not None
    assert found["ASSAULT"].location.text == "Sahel", "the region the act is told in stays"


def test_where_a_side_spoke_is_not_where_the_act_it_tells_happened(coder):
    found = coded(coder, "MAPUTO, May 3 (Reuters) - Ugandan soldiers retook the town on Monday, "
                         "the army said in a statement from Kampala, adding that it had killed "
                         "five fighters.")
    assault = found["ASSAULT"]
    assert assault.location is not None and assault.location.country_code == "MOZ"


def test_a_place_put_before_the_reporting_verb_still_sets_the_scene(coder):
    found = coded(coder, "In Kidal, officials said on Monday that gunmen had attacked a "
                         "convoy.")
    assault = found["ASSAULT"]
    assert assault.location is not None and assault.location.country_code == "MLI"


def test_a_reporting_verb_that_is_an_act_keeps_its_places(coder):
    found = coded(coder, "The government declared a state of emergency in the Arequipa "
                         "region on Tuesday and sent soldiers to clear the highways.")
    mobilize = found["MOBILIZE"]
    assert mobilize.location is not None and mobilize.location.country_code == "PER"
