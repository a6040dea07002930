"""The clause's direction, from the parse or from cue words."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.resolve.times import tag_times
from sitrep.resolve.times.tense import attached_verb, clause_direction, cue_direction


def test_cue_words_without_a_parse():
    text = "The US said troops will leave in March."
    assert cue_direction(text, text.index("March")) == "future"
    text = "Forces have been there for weeks."
    assert cue_direction(text, text.index("weeks")) == "perfect"
    text = "Troops were withdrawn in March."
    assert cue_direction(text, text.index("March")) == "past"


@pytest.mark.slow
def test_parse_decides_the_clause(coder):
    text = "Officials said on Monday that the delegation will visit in March."
    doc = coder.nlp(text)
    assert clause_direction(text, text.index("Monday"), text.index("Monday") + 6, doc) == "past"
    march = text.index("March")
    assert clause_direction(text, march, march + 5, doc) == "future"
    by_value = {m.text: m.value for m in tag_times(text, date(2024, 5, 3), "t", doc=doc)}
    assert by_value == {"Monday": "2024-04-29", "March": "2025-03"}


@pytest.mark.slow
def test_a_present_clause_takes_the_nearest_month(coder):
    text = "The vote is in March."
    doc = coder.nlp(text)
    march = text.index("March")
    assert clause_direction(text, march, march + 5, doc) == "scheduled"
    assert tag_times(text, date(2024, 11, 20), "t", doc=doc)[0].value == "2025-03"
    past = "The vote was in March."
    assert tag_times(past, date(2024, 11, 20), "t", doc=coder.nlp(past))[0].value == "2024-03"


def test_a_time_between_a_reporting_verb_and_what_it_reports_dates_the_telling():
    words = ["Officials", "said", "on", "Thursday", "they", "would", "reopen", "it", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 6, 2, 6, 6, 1, 6, 1],
              deps=["nsubj", "ROOT", "prep", "pobj", "nsubj", "aux", "ccomp", "dobj", "punct"],
              pos=["NOUN", "VERB", "ADP", "PROPN", "PRON", "AUX", "VERB", "PRON", "PUNCT"],
              tags=["NNS", "VBD", "IN", "NNP", "PRP", "MD", "VB", "PRP", "."],
              lemmas=["official", "say", "on", "Thursday", "they", "would", "reopen", "it", "."])
    assert attached_verb(doc[3:4]) is not None and attached_verb(doc[3:4]).i == 1
    text = doc.text
    thursday = text.index("Thursday")
    assert clause_direction(text, thursday, thursday + 8, doc) == "past"
    assert tag_times(text, date(2024, 8, 16), "t", doc=doc)[0].value == "2024-08-15"


def test_a_time_after_the_reported_clause_begins_is_the_clauses():
    words = ["Officials", "said", "they", "would", "reopen", "it", "on", "Thursday", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 4, 4, 1, 4, 4, 6, 1],
              deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj", "prep", "pobj", "punct"],
              pos=["NOUN", "VERB", "PRON", "AUX", "VERB", "PRON", "ADP", "PROPN", "PUNCT"],
              tags=["NNS", "VBD", "PRP", "MD", "VB", "PRP", "IN", "NNP", "."],
              lemmas=["official", "say", "they", "would", "reopen", "it", "on", "Thursday", "."])
    assert attached_verb(doc[7:8]).i == 4
    assert tag_times(doc.text, date(2024, 8, 16), "t", doc=doc)[0].value == "2024-08-22"


def test_a_day_in_a_parsed_past_clause_is_the_last_one_before_the_reference():
    words = ["Gunmen", "stormed", "the", "town", "on", "Oct.", "7", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 3, 1, 1, 4, 5, 1],
              deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "nummod", "punct"],
              pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "NUM", "PUNCT"],
              tags=["NNS", "VBD", "DT", "NN", "IN", "NNP", "CD", "."])
    reference = date(2024, 7, 18)
    assert tag_times(doc.text, reference, "t", doc=doc)[0].value == "2023-10-07"
    # without a parse nothing says the clause is past: the nearest Oct. 7 it is
    assert tag_times(doc.text, reference, "t")[0].value == "2024-10-07"


def test_a_time_after_a_fronted_clause_and_its_comma_opens_the_main_clause():
    words = ["As", "police", "said", ",", "on", "Monday", "a", "bus", "was", "bombed", "."]
    doc = Doc(Vocab(), words=words, heads=[2, 2, 9, 2, 2, 4, 7, 9, 9, 9, 9],
              deps=["mark", "nsubj", "advcl", "punct", "prep", "pobj", "det", "nsubjpass",
                    "auxpass", "ROOT", "punct"],
              pos=["SCONJ", "NOUN", "VERB", "PUNCT", "ADP", "PROPN", "DET", "NOUN", "AUX",
                   "VERB", "PUNCT"])
    assert attached_verb(doc[5:6]).i == 9


def test_a_present_clause_that_says_something_is_planned_looks_ahead():
    words = ["The", "vote", "is", "scheduled", "for", "Dec.", "1", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 3, 3, 3, 3, 4, 5, 3],
              deps=["det", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "nummod", "punct"],
              pos=["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "NUM", "PUNCT"],
              tags=["DT", "NN", "VBZ", "VBN", "IN", "NNP", "CD", "."],
              lemmas=["the", "vote", "be", "schedule", "for", "Dec.", "1", "."])
    assert tag_times(doc.text, date(2024, 5, 3), "t", doc=doc)[0].value == "2024-12-01"
    words = ["Elections", "are", "due", "in", "November", "."]
    due = Doc(Vocab(), words=words, heads=[1, 1, 1, 2, 3, 1],
              deps=["nsubj", "ROOT", "acomp", "prep", "pobj", "punct"],
              pos=["NOUN", "AUX", "ADJ", "ADP", "PROPN", "PUNCT"],
              tags=["NNS", "VBP", "JJ", "IN", "NNP", "."],
              lemmas=["election", "be", "due", "in", "November", "."])
    assert tag_times(due.text, date(2024, 4, 20), "t", doc=due)[0].value == "2024-11"


def test_a_plan_told_in_the_past_may_still_lie_ahead():
    words = ["The", "vote", "was", "scheduled", "for", "Nov.", "5", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 3, 3, 3, 3, 4, 5, 3],
              deps=["det", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "nummod", "punct"],
              pos=["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "NUM", "PUNCT"],
              tags=["DT", "NN", "VBD", "VBN", "IN", "NNP", "CD", "."],
              lemmas=["the", "vote", "be", "schedule", "for", "Nov.", "5", "."])
    assert tag_times(doc.text, date(1989, 11, 2), "t", doc=doc)[0].value == "1989-11-05"


def test_within_a_span_in_a_past_clause_is_not_counted_from_the_reference():
    words = ["Troops", "withdrew", "within", "a", "week", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 1, 4, 2, 1],
              deps=["nsubj", "ROOT", "prep", "det", "pobj", "punct"],
              pos=["NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
              tags=["NNS", "VBD", "IN", "DT", "NN", "."])
    [span] = tag_times(doc.text, date(2024, 5, 3), "t", doc=doc)
    assert (span.value, span.start_date, span.end_date) == ("P1W", None, None)
    ahead = tag_times("Troops will leave within a week.", date(2024, 5, 3), "t")[0]
    assert (ahead.start_date, ahead.end_date) == ("2024-05-03", "2024-05-10")


def test_an_infinitive_after_be_or_go_lies_ahead():
    words = ["The", "bill", "is", "to", "be", "voted", "on", "Thursday", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 2, 2, 5, 5, 2, 5, 6, 2],
              deps=["det", "nsubj", "ROOT", "aux", "auxpass", "xcomp", "prep", "pobj", "punct"],
              pos=["DET", "NOUN", "AUX", "PART", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
              tags=["DT", "NN", "VBZ", "TO", "VB", "VBN", "IN", "NNP", "."],
              lemmas=["the", "bill", "be", "to", "be", "vote", "on", "Thursday", "."])
    text = doc.text
    thursday = text.index("Thursday")
    assert clause_direction(text, thursday, thursday + 8, doc) == "future"
    assert tag_times(text, date(2024, 5, 3), "t", doc=doc)[0].value == "2024-05-09"
    told = Doc(Vocab(), words=words, heads=[1, 2, 2, 5, 5, 2, 5, 6, 2],
               deps=["det", "nsubj", "ROOT", "aux", "auxpass", "xcomp", "prep", "pobj", "punct"],
               pos=["DET", "NOUN", "AUX", "PART", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
               tags=["DT", "NN", "VBD", "TO", "VB", "VBN", "IN", "NNP", "."],
               lemmas=["the", "bill", "be", "to", "be", "vote", "on", "Thursday", "."])
    assert clause_direction(told.text, thursday, thursday + 8, told) == "present"


@pytest.mark.slow
def test_a_day_on_a_planning_verb_in_the_past_dates_the_planning(coder):
    text = "The two armies agreed on Tuesday to set up a joint patrol next month."
    doc = coder.nlp(text)
    tuesday = text.index("Tuesday")
    assert clause_direction(text, tuesday, tuesday + 7, doc) == "past"
    by_value = {m.text: m.value for m in tag_times(text, date(2024, 5, 3), "t", doc=doc)}
    assert by_value["Tuesday"] == "2024-04-30"
    assert by_value["next month"] == "2024-06"


def test_a_timetable_told_in_the_bare_present_puts_its_day_ahead():
    words = ["Voters", "go", "to", "the", "polls", "on", "Sunday", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 1, 4, 2, 1, 5, 1],
              deps=["nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"],
              pos=["NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
              tags=["NNS", "VBP", "IN", "DT", "NNS", "IN", "NNP", "."],
              lemmas=["voter", "go", "to", "the", "poll", "on", "Sunday", "."])
    sunday = doc.text.index("Sunday")
    assert clause_direction(doc.text, sunday, sunday + 6, doc) == "scheduled"
    assert tag_times(doc.text, date(2024, 3, 15), "t", doc=doc)[0].value == "2024-03-17"


def test_a_present_reporting_verb_tells_now_not_a_timetable():
    words = ["The", "ministry", "says", "on", "Sunday", "it", "is", "ready", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 2, 2, 2, 3, 6, 2, 6, 2],
              deps=["det", "nsubj", "ROOT", "prep", "pobj", "nsubj", "ccomp", "acomp", "punct"],
              pos=["DET", "NOUN", "VERB", "ADP", "PROPN", "PRON", "AUX", "ADJ", "PUNCT"],
              tags=["DT", "NN", "VBZ", "IN", "NNP", "PRP", "VBZ", "JJ", "."],
              lemmas=["the", "ministry", "say", "on", "Sunday", "it", "be", "ready", "."])
    sunday = doc.text.index("Sunday")
    assert clause_direction(doc.text, sunday, sunday + 6, doc) == "present"
    assert tag_times(doc.text, date(2024, 3, 15), "t", doc=doc)[0].value == "2024-03-10"


def test_the_day_a_past_call_sets_something_for_is_the_nearest():
    words = ["Unions", "called", "a", "strike", "for", "November", "5", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 3, 1, 1, 4, 5, 1],
              deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "nummod", "punct"],
              pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "NUM", "PUNCT"],
              tags=["NNS", "VBD", "DT", "NN", "IN", "NNP", "CD", "."],
              lemmas=["union", "call", "a", "strike", "for", "November", "5", "."])
    assert tag_times(doc.text, date(2018, 10, 26), "t", doc=doc)[0].value == "2018-11-05"
    on = Doc(Vocab(), words=[*words[:4], "on", *words[5:]], heads=[1, 1, 3, 1, 1, 4, 5, 1],
             deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "nummod", "punct"],
             pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "NUM", "PUNCT"],
             tags=["NNS", "VBD", "DT", "NN", "IN", "NNP", "CD", "."],
             lemmas=["union", "call", "a", "strike", "on", "November", "5", "."])
    assert tag_times(on.text, date(2018, 10, 26), "t", doc=on)[0].value == "2017-11-05"


@pytest.mark.slow
def test_the_day_of_a_telling_is_no_anchor_once_the_told_time_is_named(coder):
    text = ("Rebels shelled the port late on Tuesday, officials said on Thursday.\n"
            "The shelling began at 9 p.m. and lasted an hour.")
    doc = coder.nlp(text)
    by_value = {m.text: m.value for m in tag_times(text, date(2024, 5, 3), "t", doc=doc)}
    assert by_value["9 p.m."] == "2024-04-30T21:00"
    text = ("Exports fell in March, the ministry said on Thursday.\n"
            "They had risen the previous month.")
    doc = coder.nlp(text)
    by_value = {m.text: m.value for m in tag_times(text, date(2024, 5, 3), "t", doc=doc)}
    assert by_value["the previous month"] == "2024-02"


@pytest.mark.slow
def test_a_telling_dated_first_is_still_the_anchor(coder):
    text = "The firm said on Tuesday that sales rose.\nIts shares fell later in the day."
    values = parsed_values(coder, text, date(2024, 5, 3))
    assert "2024-04-30" in values[1:]


@pytest.mark.slow
def test_a_bare_conjunct_shares_its_heads_auxiliaries(coder):
    text = "Troops will leave the city and return on Friday."
    doc = coder.nlp(text)
    friday = text.index("Friday")
    assert clause_direction(text, friday, friday + 6, doc) == "future"
    text = "Troops left the city and returned on Friday."
    doc = coder.nlp(text)
    friday = text.index("Friday")
    assert clause_direction(text, friday, friday + 6, doc) == "past"


@pytest.mark.slow
def test_a_possibility_lies_ahead_but_a_past_ability_does_not(coder):
    for text, expected in [("Officials warned that the dam could burst on Sunday.", "future"),
                           ("Residents could see smoke on Sunday.", "past"),
                           ("The minister could not be reached on Sunday.", "past")]:
        doc = coder.nlp(text)
        sunday = text.index("Sunday")
        direction = clause_direction(text, sunday, sunday + 6, doc)
        assert (direction == "future") == (expected == "future"), text


@pytest.mark.slow
def test_a_participle_before_its_clauses_verb_tells_that_clauses_time(coder):
    text = "The hearings, starting Monday, will last a week."
    doc = coder.nlp(text)
    monday = text.index("Monday")
    assert clause_direction(text, monday, monday + 6, doc) == "future"
    values = {m.text: m.value for m in tag_times(text, date(2024, 5, 3), "t", doc=doc)}
    assert values["Monday"] == "2024-05-06"


@pytest.mark.slow
def test_a_past_clause_counts_the_next_year_and_the_months_end_from_the_story(coder):
    cases = [
        ("The talks ended on April 3, 2019. The next year, the alliance collapsed.",
         "The next year", "2020"),
        ("The strike began on March 2. By the end of the month, 9,000 workers had joined.",
         "the end of the month", "2024-03"),
        ("The storm hit on Sunday night. By Monday morning, 3,000 homes had lost power.",
         "Monday morning", "2024-04-29TMO"),
        ("The union called a strike for Monday.", "Monday", "2024-05-06"),
    ]
    for text, expression, value in cases:
        doc = coder.nlp(text)
        values = {m.text: m.value for m in tag_times(text, date(2024, 5, 3), "t", doc=doc)}
        found = next(v for t, v in values.items() if expression in t)
        assert found == value, text


@pytest.mark.slow
def test_a_day_a_past_act_lasts_until_is_the_nearest(coder):
    text = "The judge adjourned the trial until July 12."
    values = values_by_text(coder, text, date(2024, 5, 3))
    assert values["until July 12"] == "2024-07-12"


@pytest.mark.slow
def test_a_timetables_day_of_the_month_is_the_nearest(coder):
    text = "The conference ends on the 12th."
    values = values_by_text(coder, text, date(2024, 5, 3))
    assert values["the 12th"] == "2024-05-12"


@pytest.mark.slow
def test_a_participle_after_a_preposition_tells_its_clauses_time(coder):
    text = "The coach said the runner would rest for weeks before racing again in the autumn."
    doc = coder.nlp(text)
    assert season(text, date(2024, 8, 12), doc) == "2024-FA"


@pytest.mark.slow
def test_a_season_something_is_put_off_until_lies_ahead_unless_told_as_past(coder):
    text = "The hearing has been postponed until the autumn."
    doc = coder.nlp(text)
    assert season(text, date(2022, 3, 4), doc) == "2022-FA"
    text = "The road stayed shut until the autumn."
    doc = coder.nlp(text)
    assert season(text, date(2022, 3, 4), doc) == "2021-FA"


def parsed_values(coder, text: str, reference: date) -> list[str | None]:  # noqa: ANN001
    """The values of every mention of ``text``, tagged with the model's parse of it."""
    return [m.value for m in tag_times(text, reference, "t", doc=coder.nlp(text))]


def values_by_text(coder, text: str, reference: date) -> dict[str, str | None]:  # noqa: ANN001
    """Each mention's value by its words, tagged with the model's parse of ``text``."""
    return {m.text: m.value for m in tag_times(text, reference, "t", doc=coder.nlp(text))}


def season(text: str, reference: date, doc: Doc) -> str | None:
    """The value of the one mention that names a season."""
    return next(m.value for m in tag_times(text, reference, "t", doc=doc) if "autumn" in m.text)


@pytest.mark.slow
def test_a_bare_participle_of_expectation_awaits_its_day(coder):
    text = "Forecasters warned of storms, with heavy rain expected by Sunday night."
    values = parsed_values(coder, text, date(2023, 12, 22))
    assert "2023-12-24TNI" in values


@pytest.mark.slow
def test_what_is_due_on_a_day_lies_ahead(coder):
    text = "Traders are waiting for the jobs report, due on Friday."
    values = parsed_values(coder, text, date(2024, 5, 1))
    assert values == ["2024-05-03"]


@pytest.mark.slow
def test_a_clock_time_told_in_the_past_is_not_on_a_day_ahead(coder):
    text = "The warning runs until Friday. Shelters opened at noon."
    values = parsed_values(coder, text, date(2022, 7, 21))
    assert "2022-07-21T12:00" in values


@pytest.mark.slow
def test_a_date_set_for_something_is_the_nearest_even_when_told_as_past(coder):
    text = "A judge on Monday set a trial date of March 12."
    values = parsed_values(coder, text, date(2017, 12, 5))
    assert "2018-03-12" in values


def test_a_bare_conjunct_hung_on_a_noun_shares_the_verb_above_it():
    # the parser hangs "resume" on "weekend"; the verb it is joined to is "continue"
    words = ["Talks", "would", "continue", "through", "the", "weekend", "and", "resume",
             "Monday", "."]
    doc = Doc(Vocab(), words=words, heads=[2, 2, 2, 2, 5, 3, 5, 5, 7, 2],
              deps=["nsubj", "aux", "ROOT", "prep", "det", "pobj", "cc", "conj", "npadvmod",
                    "punct"],
              pos=["NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "CCONJ", "VERB", "PROPN",
                   "PUNCT"],
              tags=["NNS", "MD", "VB", "IN", "DT", "NN", "CC", "VB", "NNP", "."],
              lemmas=["talk", "would", "continue", "through", "the", "weekend", "and",
                      "resume", "Monday", "."])
    monday = doc.text.index("Monday")
    assert clause_direction(doc.text, monday, monday + 6, doc) == "future"
    by_value = {m.text: m.value for m in tag_times(doc.text, date(2024, 5, 3), "t", doc=doc)}
    assert by_value["Monday"] == "2024-05-06"


@pytest.mark.slow
def test_a_day_a_past_perfect_clause_tells_is_no_anchor(coder):
    text = ("The dam burst on April 12.\n"
            "Engineers had inspected it on April 2.\n"
            "Rescuers reached the valley the next day.")
    by_value = values_by_text(coder, text, date(2024, 5, 3))
    assert by_value["the next day"] == "2024-04-13"


@pytest.mark.slow
def test_a_weekday_in_a_story_told_weeks_back_follows_the_storys_day(coder):
    text = ("The strike began on Monday, March 4.\n"
            "Dockers blocked the port on Wednesday.\n"
            "Talks resumed two days later.")
    by_value = values_by_text(coder, text, date(2024, 5, 3))
    assert by_value["Wednesday"] == "2024-03-06"
    assert by_value["two days later"] == "2024-03-08"


@pytest.mark.slow
def test_a_weekday_near_the_reference_or_in_a_past_perfect_clause_stays_the_latest(coder):
    text = "The strike began on Monday, March 4.\nTalks had collapsed on Wednesday."
    values = parsed_values(coder, text, date(2024, 5, 3))
    assert "2024-05-01" in values
    text = "The strike began on Monday, April 29.\nDockers blocked the port on Wednesday."
    assert "2024-05-01" in parsed_values(coder, text, date(2024, 5, 3))


@pytest.mark.slow
def test_a_date_named_in_passing_leaves_a_weekday_in_the_references_week(coder):
    text = "Troops left most towns by the April 12 deadline.\nOn Monday, the president spoke."
    assert "2024-04-29" in parsed_values(coder, text, date(2024, 5, 3))


@pytest.mark.slow
def test_a_month_or_quarter_in_a_story_told_in_a_past_year_takes_the_storys_year(coder):
    text = ("The mill flooded on May 9, 2019.\n"
            "Its owners reported a loss for the second quarter.\n"
            "Work resumed in September.")
    by_value = values_by_text(coder, text, date(2024, 5, 3))
    assert by_value["the second quarter"] == "2019-Q2"
    assert by_value["September"] == "2019-09"


@pytest.mark.slow
def test_a_month_after_a_date_named_in_passing_without_its_year_keeps_the_references(coder):
    text = "Troops left most towns by the April 12 deadline.\nTalks resumed in March."
    assert "2024-03" in parsed_values(coder, text, date(2024, 5, 3))


def _present_clause(words: list[str], verb: int, date_at: int, lemma: str) -> Doc:
    """A hand-built parse of "<subject> <present verb> on <Month> <day> ." """
    rows = {verb: (verb, "ROOT", "VERB", "VBZ"), date_at - 1: (verb, "prep", "ADP", "IN"),
            date_at: (date_at - 1, "pobj", "PROPN", "NNP"),
            date_at + 1: (date_at, "nummod", "NUM", "CD")}
    other = {".": (verb, "punct", "PUNCT", ".")}
    parsed = [rows.get(i) or other.get(w) or (verb, "nsubj", "NOUN", "NN")
              for i, w in enumerate(words)]
    heads, deps, pos, tags = (list(column) for column in zip(*parsed, strict=True))
    lemmas = [lemma if i == verb else w.lower() for i, w in enumerate(words)]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def test_a_timetable_in_the_present_looks_ahead_past_a_recent_day():
    # "The convention opens on Aug. 27." told in February: August ahead, not last August,
    # though last August is as near
    doc = _present_clause(["Convention", "opens", "on", "Aug.", "27", "."], 1, 3, "open")
    assert tag_times(doc.text, date(2012, 2, 24), "t", doc=doc)[0].value == "2012-08-27"
    # a headline's present of a recent act keeps the day just past
    doc = _present_clause(["Police", "open", "on", "Feb.", "20", "."], 1, 3, "open")
    assert tag_times(doc.text, date(2012, 2, 24), "t", doc=doc)[0].value == "2012-02-20"
    # a bare present of no timetable verb takes the nearest, as before
    doc = _present_clause(["Pullout", "follows", "on", "Aug.", "27", "."], 1, 3, "follow")
    assert tag_times(doc.text, date(2012, 2, 24), "t", doc=doc)[0].value == "2011-08-27"


@pytest.mark.slow
def test_a_bare_participle_joined_to_a_future_passive_shares_its_time(coder):
    text = "The last episode will be taped next month and shown on April 5."
    values = values_by_text(coder, text, date(1998, 1, 22))
    assert values["April 5"] == "1998-04-05"
    text = "He was arrested in March and charged on April 5."
    values = values_by_text(coder, text, date(1998, 1, 22))
    assert values["April 5"] == "1997-04-05"


@pytest.mark.slow
def test_a_season_in_a_timetable_is_the_next_that_has_not_ended(coder):
    text = "Contracts at two airlines expire in the spring."
    doc = coder.nlp(text)
    assert tag_times(text, date(1997, 8, 15), "t", doc=doc)[0].value == "1998-SP"


@pytest.mark.slow
def test_a_telling_that_names_no_other_time_is_the_day_the_story_has_reached(coder):
    # an act told with a reporting verb, no reported clause and no other time in its
    # sentence: "that day" counts from the announcement
    text = ("Sales fell in March. On Aug. 16 the company announced the merger. "
            "Its shares jumped 31 percent that day.")
    values = values_by_text(coder, text, date(2010, 10, 20))
    assert values["that day"] == "2010-08-16"
    # a telling that names the time of what it tells stays no anchor
    text = ("Rebels attacked the town on Sunday. Officials said on Tuesday that 12 people had "
            "died there on Sunday night. The next morning, troops arrived.")
    values = values_by_text(coder, text, date(2010, 10, 20))
    assert values["The next morning"] == "2010-10-18TMO"
    # nor does a telling of what others did, with its reported clause
    text = ("A drone hit the market on Sunday. Seventy people were wounded, the network said "
            "on Monday. Witnesses said the drone struck shortly after noon.")
    values = values_by_text(coder, text, date(2010, 10, 20))
    assert values["noon"] == "2010-10-17T12:00"


@pytest.mark.slow
def test_the_quarter_is_the_reports_not_one_it_looks_back_to(coder):
    text = ("Output grew 2 percent in the first quarter, the agency said on Friday. "
            "Growth had slowed to 1 percent in the fourth quarter of 2000. "
            "Spending rose 3 percent in the quarter, up from 2.8 percent in the previous "
            "quarter. The department said on Tuesday that it would revise the figure on "
            "May 25. Of the companies that have reported results for the quarter, most earned "
            "less than a year earlier. One lost $12 million in the three months ended March 31. "
            "It had earned $8 million a year earlier.")
    found = [(m.text, m.value) for m in tag_times(text, date(2001, 4, 27), "t",
                                                  doc=coder.nlp(text))]
    assert [v for t, v in found if t == "the quarter"] == ["2001-Q1", "2001-Q1"]
    assert dict(found)["the previous quarter"] == "2000-Q4"
    assert [v for t, v in found if t.endswith("a year earlier")] == ["2000-Q1", "2000-Q1"]


@pytest.mark.slow
def test_a_story_that_has_left_its_year_no_longer_lends_it_to_a_bare_month(coder):
    text = ("She was born on March 3, 1920. In 1971 she was named head of the office. "
            "Her last paper appeared in November.")
    values = values_by_text(coder, text, date(2007, 1, 18))
    assert values["November"] == "2006-11"
    text = ("The deal was signed on Oct. 3, 2000. Two days later the firm reported a loss in "
            "November.")
    values = values_by_text(coder, text, date(2003, 3, 14))
    assert values["November"] == "2000-11"


@pytest.mark.slow
def test_days_later_count_from_the_story_not_a_period_a_past_perfect_clause_tells(coder):
    text = ("The fire began on Monday, Feb. 10. Records released the following Monday showed "
            "that the firm had shut off the sprinklers in March 2001. The owner resigned two "
            "days later.")
    values = values_by_text(coder, text, date(2003, 3, 14))
    assert values["two days later"] == "2003-02-19"


@pytest.mark.slow
def test_a_telling_of_what_lay_before_or_lies_ahead_is_the_storys_act(coder):
    # a past-perfect reported clause, with the wider period it looks back to
    text = ("The fund lost money in August. On Sept. 2 the fund wrote that it had lost "
            "$2 billion in the previous month. Two weeks later its lenders asked for more.")
    values = values_by_text(coder, text, date(1998, 10, 2))
    assert values["Two weeks later"] == "1998-09-16"
    # a reported clause that looks ahead
    text = ("The lab reported in December that the samples did not match. On Feb. 27, the "
            "prosecutor told the court his office would not oppose a new trial. The judge set "
            "a hearing for the following week.")
    values = values_by_text(coder, text, date(2006, 3, 9))
    assert values["the following week"] == "2006-W10"


@pytest.mark.slow
def test_that_weekday_is_the_weekday_of_the_week_the_story_has_reached(coder):
    text = ("The trial began on Monday, April 26. In his opening statement that Thursday, "
            "the prosecutor spoke for two hours.")
    found = values_by_text(coder, text, date(2004, 6, 18))
    assert found["that Thursday"] == "2004-04-29"
    # a "that" opening a clause after a verb is no determiner of the weekday
    text = "The trial began on Monday, April 26. Police said that Thursday was calm."
    found = values_by_text(coder, text, date(2004, 6, 18))
    assert "that Thursday" not in found and "Thursday" in found
    # after a verb, but closing its clause: the weekday's determiner
    text = "The hearing opened on Monday, Nov. 4. The chief executive testified that Thursday."
    found = values_by_text(coder, text, date(2002, 11, 15))
    assert found["that Thursday"] == "2002-11-07"


@pytest.mark.slow
def test_a_week_a_storys_act_took_moves_the_day_the_story_has_reached(coder):
    text = ("The leaders agreed on a deal on Saturday, July 20. Writing the bill took another "
            "week. The House passed it on Tuesday.")
    found = values_by_text(coder, text, date(2019, 8, 2))
    assert found["Tuesday"] == "2019-07-30"
    # a span not told of the story's act ("will take a week") moves nothing
    text = ("The leaders agreed on a deal on Saturday, July 20. Writing the bill will take a "
            "week. The House passed a smaller bill on Tuesday.")
    found = values_by_text(coder, text, date(2019, 8, 2))
    assert found["Tuesday"] == "2019-07-23"


@pytest.mark.slow
def test_a_span_a_story_told_moves_it_to_the_spans_last_day(coder):
    text = ("The plane crashed on Saturday, Oct. 12. That Sunday, the airline grounded its "
            "other planes. The grounding lasted five days. The planes flew again on Friday.")
    found = values_by_text(coder, text, date(2002, 11, 15))
    assert found["Friday"] == "2002-10-18"


@pytest.mark.slow
def test_the_small_hours_after_a_day_reached_late_lie_on_the_next_day(coder):
    text = ("The talks opened on Monday, June 7. The last chapter was settled late Thursday. "
            "The signing ceremony began at 1:30 a.m.")
    found = values_by_text(coder, text, date(1999, 6, 18))
    assert found["1:30 a.m."] == "1999-06-11T01:30"
    text = ("The plane crashed on Saturday, Oct. 12, at 7:22 p.m. Rescuers reached the wreckage "
            "by morning.")
    found = values_by_text(coder, text, date(2002, 11, 15))
    assert found["morning"] == "2002-10-13TMO"
    # a day not reached late keeps its small hours
    text = "The talks opened on Monday, June 7. The first session began at 5:30 a.m."
    found = values_by_text(coder, text, date(1999, 6, 18))
    assert found["5:30 a.m."] == "1999-06-07T05:30"
    # nor do small hours told sentences after the late day, once the text has moved back
    text = ("Gunmen attacked the base on Tuesday, Sept. 1. Aircraft struck them that "
            "evening. The army said no one was hurt. Residents said they heard shooting at "
            "4 a.m.")
    found = values_by_text(coder, text, date(2026, 9, 30))
    assert found["4 a.m."] == "2026-09-01T04:00"


@pytest.mark.slow
def test_a_year_earlier_compares_with_the_period_told_outside_a_past_perfect_clause(coder):
    text = ("A revised growth figure is due next Thursday. Home sales rose 3.9 percent in "
            "February, the group said on Friday. Sales had fallen 7.1 percent in January. The "
            "median price was 1.3 percent lower than a year earlier.")
    found = values_by_text(coder, text, date(2007, 3, 23))
    assert found["a year earlier"] == "2006-02"


@pytest.mark.slow
def test_a_period_before_a_noun_is_the_things_not_the_future_acts(coder):
    text = "The agency will publish its fourth-quarter trade figures on Tuesday."
    doc = coder.nlp(text)
    quarter = text.index("fourth-quarter")
    assert clause_direction(text, quarter, quarter + len("fourth-quarter"), doc) == "present"
    by_value = values_by_text(coder, text, date(2023, 2, 2))
    assert by_value["fourth-quarter"] == "2022-Q4"
    month = "The ministry will release its October jobs data next week."
    assert values_by_text(coder, month, date(2023, 11, 14))["October"] == "2023-10"
    ahead = "The ministry will release the data in October."
    assert values_by_text(coder, ahead, date(2023, 11, 14))["October"] == "2024-10"


@pytest.mark.slow
def test_an_ended_quarter_in_a_future_clause_is_next_years(coder):
    text = "The merger is expected to be completed in the second quarter."
    assert values_by_text(coder, text, date(2023, 11, 6))["the second quarter"] == "2024-Q2"
    current = "The merger is expected to be completed in the fourth quarter."
    assert values_by_text(coder, current, date(2023, 11, 6))["the fourth quarter"] == "2023-Q4"
    past = "The merger was completed in the second quarter."
    assert values_by_text(coder, past, date(2023, 11, 6))["the second quarter"] == "2023-Q2"


@pytest.mark.slow
def test_a_period_a_thing_is_for_is_the_things_not_the_future_acts(coder):
    text = "The bank now expects a profit of $1.10 a share for the fourth quarter."
    assert values_by_text(coder, text, date(2024, 1, 22))["the fourth quarter"] == "2023-Q4"


@pytest.mark.slow
def test_a_deadlines_day_is_read_as_a_timetables(coder):
    text = "The regulator set a deadline of Nov. 30 for banks to file their plans."
    assert values_by_text(coder, text, date(2025, 2, 10))["Nov. 30"] == "2025-11-30"
    recent = "The deadline of Jan. 15 passed without a deal."
    assert values_by_text(coder, recent, date(2025, 2, 10))["Jan. 15"] == "2025-01-15"
