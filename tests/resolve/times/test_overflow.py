"""No time expression overflows the calendar, whatever the reference date and the numbers."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.resolve.times import calendar as cal
from sitrep.resolve.times import tag_times
from sitrep.resolve.times.vocabulary import load_vocabulary

VOCAB = load_vocabulary()
UNITS = sorted(VOCAB.units)
RELATIVE = sorted(VOCAB.words["relative"])
WEEKDAYS = [w.capitalize() for w in VOCAB.weekdays]
MONTHS = [m.capitalize() for m in VOCAB.months]
TEMPLATES = [
    "It happened {n} {unit}s ago.",
    "It will happen {n} {unit}s from now.",
    "They fought for the past {n} {unit}s.",
    "Talks will last the next {n} {unit}s.",
    "He left {rel} {unit}.",
    "They met {rel} {weekday}.",
    "They will meet on {weekday} morning.",
    "It was signed in early {month}.",
    "The day before, {rel} week, and the following day.",
    "The same period {rel} year, the third quarter, this weekend, the 1990s.",
    "Now, recently and in the future, since {month} {day} and until {weekday}.",
    "At 23:59 GMT on {month} {day}, the next day, that day.",
    "Every {weekday}, twice a {unit}, {n} times a year, the 21st century.",
]
REFERENCES = st.one_of(
    st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from([date.min, date.max, date(1800, 1, 1), date(2100, 12, 31)]),
)
NUMBERS = st.one_of(st.integers(min_value=0, max_value=10**30).map(str),
                    st.sampled_from(["several", "a few", "many", "hundreds of", "ninety-nine"]))


@st.composite
def texts(draw: st.DrawFn) -> str:
    template = draw(st.sampled_from(TEMPLATES))
    return template.format(
        n=draw(NUMBERS), unit=draw(st.sampled_from(UNITS)), rel=draw(st.sampled_from(RELATIVE)),
        weekday=draw(st.sampled_from(WEEKDAYS)), month=draw(st.sampled_from(MONTHS)),
        day=draw(st.integers(min_value=1, max_value=31)))


@settings(max_examples=300, deadline=None)
@given(reference=REFERENCES, text=texts())
def test_no_expression_overflows(reference: date, text: str) -> None:
    for mention in tag_times(text, reference, "t"):
        if mention.start_date is not None and mention.end_date is not None:
            assert date.fromisoformat(mention.start_date) <= date.fromisoformat(mention.end_date)


def test_a_huge_count_clamps_to_the_calendar_edge() -> None:
    mention = tag_times("It began 900000000 years ago.", date(2024, 5, 3), "t")[0]
    assert mention.start_date == cal.year(cal.FIRST_DAY.year).start.isoformat()  # type: ignore[union-attr]


def test_the_calendar_edges_keep_every_period_whole() -> None:
    assert cal.week(date.max).end == cal.LAST_DAY + (cal.week(cal.LAST_DAY).end - cal.LAST_DAY)
    assert cal.decade(1).start == date(100, 1, 1)
    assert cal.add_days(date(2024, 5, 3), float("-inf")) == cal.FIRST_DAY
