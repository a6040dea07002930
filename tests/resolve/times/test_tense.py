"""The clause's direction, from the parse or from cue words."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.resolve.times import tag_times
from sitrep.resolve.times.tense import clause_direction, cue_direction


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
    assert clause_direction(text, march, march + 5, doc) == "present"
    assert tag_times(text, date(2024, 11, 20), "t", doc=doc)[0].value == "2025-03"
    past = "The vote was in March."
    assert tag_times(past, date(2024, 11, 20), "t", doc=coder.nlp(past))[0].value == "2024-03"
