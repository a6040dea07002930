"""TimeML / TIMEX3 conventions, one invented sentence each (reference Friday 2024-05-03).

The sentences are in ``conventions.tsv``, written from the annotation guidelines, not taken
from any corpus. Matching is TempEval-3's: the mention overlapping the expression must carry
the type and value; an empty expression means no time expression at all.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.resolve.times import tag_times

REF = date(2024, 5, 3)
CASES = [
    tuple(cell or None for cell in line.split("\t"))
    for line in (Path(__file__).parent / "conventions.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]


def overlapping(text: str, expression: str, reference: date = REF) -> list[tuple[str, str | None]]:
    start = text.index(expression)
    end = start + len(expression)
    return [(m.type, m.value) for m in tag_times(text, reference, "t")
            if m.start < end and start < m.end]


@pytest.mark.parametrize("text, expression, kind, value", CASES)
def test_convention(text: str, expression: str | None, kind: str | None, value: str | None):
    if expression is None:
        assert tag_times(text, REF, "t") == []
    else:
        assert (kind, value) in overlapping(text, expression)


def test_a_year_earlier_keeps_the_quarter_it_compares_with():
    text = "Third-quarter profit rose to $5 million from $4 million a year earlier."
    assert overlapping(text, "a year earlier", date(2024, 10, 20)) == [("DATE", "2023-Q3")]


def test_the_previous_year_counts_from_the_year_just_named():
    text = "Sales rose 5% in 2019. The previous year, they fell."
    assert overlapping(text, "The previous year") == [("DATE", "2018")]
    assert overlapping("The previous year, sales fell.", "The previous year") == [("DATE", "2023")]


def test_an_anchor_coarser_than_the_step_is_ignored():
    text = "Sales were flat in 2019, but rose from the previous month."
    assert overlapping(text, "the previous month") == [("DATE", "2024-04")]


def test_later_than_is_a_comparison_not_a_date():
    text = "The ship arrived on May 1, three days later than planned."
    assert ("DATE", "2024-05-04") not in overlapping(text, "three days later")


def test_last_season_is_the_latest_one_that_has_ended():
    assert overlapping("The truce broke down last spring.", "last spring",
                       date(2024, 11, 20)) == [("DATE", "2024-SP")]
    assert overlapping("The truce broke down last fall.", "last fall",
                       date(2024, 11, 20)) == [("DATE", "2023-FA")]
    assert overlapping("The truce broke down last winter.", "last winter",
                       date(2024, 12, 10)) == [("DATE", "2023-WI")]


def test_a_season_in_a_future_clause_is_the_next_one_that_has_not_ended():
    text = "The plan will take effect in the spring."
    assert overlapping(text, "the spring", date(2024, 12, 10)) == [("DATE", "2025-SP")]
    assert overlapping(text, "the spring", date(2024, 4, 10)) == [("DATE", "2024-SP")]


def test_a_figure_a_year_earlier_keeps_the_quarter_past_a_reporting_day():
    text = "Second-quarter profit, reported on Tuesday, rose from $4 million a year earlier."
    assert overlapping(text, "a year earlier", date(2024, 7, 20)) == [("DATE", "2023-Q2")]
    text = "The plant opened in the first quarter and closed on May 1. A year earlier, it was sold."
    assert overlapping(text, "A year earlier") == [("DATE", "2023")]


def test_early_or_late_before_a_weekday_is_part_of_the_expression():
    text = "The talks broke up late Sunday."
    assert [text[m.start:m.end] for m in tag_times(text, REF, "t")] == ["late Sunday"]


def test_an_hour_before_a_part_of_the_day_needs_a_clock_preposition():
    assert overlapping("The clinic employs 5 in the morning shift.", "5") == []
    assert overlapping("Doors open at 9 in the evening.", "9") == [("TIME", "2024-05-03T21:00")]


def test_year_ago_compares_with_the_period_last_named_as_year_earlier_does():
    text = "Third-quarter profit rose from $3 million in the year-ago quarter."
    assert ("DATE", "2023-Q3") in overlapping(text, "year-ago", date(2024, 10, 20))


def test_the_verb_last_before_a_single_unit_is_no_relative_word():
    (found,) = tag_times("The strike will last a week.", REF, "t")
    assert (found.text, found.value, found.start_date) == ("a week", "P1W", None)
