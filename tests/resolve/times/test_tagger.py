"""tag_times on short texts, one expression class at a time (reference day 2024-05-03)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.resolve.times import tag_times

REF = date(2024, 5, 3)  # a Friday


def tag(text: str, reference: date | None = REF) -> list:
    return tag_times(text, reference, "t")


def one(text: str, expression: str, reference: date | None = REF):
    """The mention whose text is ``expression``."""
    found = [m for m in tag(text, reference) if m.text == expression]
    assert found, f"{expression!r} not tagged in {text!r}: {tag(text, reference)}"
    return found[0]


def fields(m) -> tuple:
    return (m.type, m.value, m.start_date, m.end_date, m.precision, m.basis)


def test_offsets_index_the_text():
    text = "Troops left Niger last month."
    m = one(text, "last month")
    assert text[m.start:m.end] == "last month"
    assert m.doc_id == "t"


def test_dateline_with_indian_time_zone_is_one_time():
    m = one("May 03, 2024 04:50 IST\nNiamey", "May 03, 2024 04:50 IST")
    assert fields(m) == ("TIME", "2024-05-03T04:50+05:30", "2024-05-03", "2024-05-03", "day",
                         "explicit")


@pytest.mark.parametrize("text, expression, value", [
    ("It was signed on March 01 , 2008 in Paris.", "March 01 , 2008", "2008-03-01"),
    ("It was signed on 24th of July 2003.", "24th of July 2003", "2003-07-24"),
    ("The vote is on Tuesday, May 7, 2024.", "Tuesday, May 7, 2024", "2024-05-07"),
    ("It happened on 7/8/07 at dawn.", "7/8/07", "2007-07-08"),
    ("Filed 2023-11-02 in court.", "2023-11-02", "2023-11-02"),
])
def test_full_dates_are_explicit_days(text, expression, value):
    m = one(text, expression)
    assert (m.value, m.start_date, m.end_date, m.precision, m.basis) == (
        value, value, value, "day", "explicit")


def test_partial_date_takes_the_nearest_year():
    assert one("Talks began on April 18.", "April 18").value == "2024-04-18"
    assert one("Talks begin on December 11.", "December 11",
               reference=date(2025, 1, 10)).value == "2024-12-11"


def test_weekday_is_the_latest_one_unless_the_clause_is_future():
    assert one("Officials said on Tuesday that troops left.", "Tuesday").value == "2024-04-30"
    assert one("The delegation will arrive on Tuesday.", "Tuesday").value == "2024-05-07"
    assert one("It happened on Friday.", "Friday").value == "2024-05-03"


def test_weekday_with_part_of_day_is_a_time():
    m = one("Shelling resumed on Thursday night.", "Thursday night")
    assert (m.type, m.value) == ("TIME", "2024-05-02TNI")


def test_last_month_is_the_whole_previous_month():
    m = one("The government demanded their departure last month.", "last month")
    assert fields(m) == ("DATE", "2024-04", "2024-04-01", "2024-04-30", "month", "relative")


def test_this_week_is_the_iso_week():
    m = one("A delegation will visit this week.", "this week")
    assert fields(m) == ("DATE", "2024-W18", "2024-04-29", "2024-05-05", "week", "relative")


def test_month_alone_is_the_past_one_in_news():
    m = one("An agreement was announced in January.", "January")
    assert (m.value, m.start_date, m.end_date) == ("2024-01", "2024-01-01", "2024-01-31")
    assert one("They met in June.", "June").value == "2023-06"


def test_month_in_a_future_clause_is_the_next_one():
    assert one("The troops will leave in March.", "March").value == "2025-03"


def test_month_with_year_is_explicit():
    m = one("The junta seized power in a coup in July 2023.", "July 2023")
    assert fields(m) == ("DATE", "2023-07", "2023-07-01", "2023-07-31", "month", "explicit")


def test_relative_years_and_months():
    assert one("Prices rose last year.", "last year").value == "2023"
    assert one("Elections are due next month.", "next month").value == "2024-06"
    assert one("Trade fell last September.", "last September").value == "2023-09"


def test_since_runs_from_the_start_to_the_reference():
    m = one("US forces have operated there since 2014.", "since 2014")
    assert (m.value, m.start_date, m.end_date, m.precision) == ("2014", "2014-01-01",
                                                                "2024-05-03", "year")


def test_before_is_open_at_the_start():
    m = one("Russian troops were present in Niger before April.", "before April")
    assert (m.value, m.start_date, m.end_date) == ("2024-04", None, "2024-03-31")


def test_until_a_future_date_starts_at_the_reference():
    m = one("The embargo holds until 2026.", "until 2026")
    assert (m.start_date, m.end_date) == ("2024-05-03", "2026-12-31")


def test_duration_in_a_perfect_clause_ends_at_the_reference():
    m = one("Russian forces have been operating from the base for several weeks.",
            "several weeks")
    assert (m.type, m.value, m.end_date, m.precision) == ("DURATION", "PXW", "2024-05-03",
                                                          "week")
    assert m.start_date == "2024-04-12"  # "several" counts as three in the vocabulary


@pytest.mark.parametrize("text, expression, value", [
    ("The war has lasted two years.", "two years", "P2Y"),
    ("It took almost two and a half years.", "almost two and a half years", "P2.5Y"),
    ("A 12-year sentence was handed down.", "12-year", "P12Y"),
    ("The flight took thirty minutes.", "thirty minutes", "PT30M"),
    ("Fighting in the past nine days killed dozens.", "the past nine days", "P9D"),
    ("Shops closed for years.", "years", "PXY"),
])
def test_durations(text, expression, value):
    m = one(text, expression)
    assert (m.type, m.value) == ("DURATION", value)


def test_the_next_months_run_forward():
    m = one("Talks will continue over the next four years.", "the next four years")
    assert (m.start_date, m.end_date) == ("2024-05-03", "2028-05-03")


def test_a_span_measured_from_another_event_is_not_placed_against_the_reference():
    m = one("Troops will leave within a week of the deal.", "a week")
    assert (m.value, m.start_date, m.end_date) == ("P1W", None, None)
    ahead = one("Troops will leave within a week.", "a week")
    assert (ahead.start_date, ahead.end_date) == ("2024-05-03", "2024-05-10")


def test_hours_later_runs_from_the_last_day_named():
    m = one("A school was hit on Wednesday. Hours later, militants fired rockets.", "Hours")
    assert (m.value, m.start_date, m.end_date) == ("PTXH", "2024-05-01", "2024-05-02")
    days = one("The deal was signed on March 3. Days later, it collapsed.", "Days")
    assert (days.value, days.start_date, days.end_date) == ("PXD", "2024-03-03", "2024-03-06")
    unplaced = one("Days after the vote, the army moved.", "Days")
    assert (unplaced.start_date, unplaced.end_date) == (None, None)


def test_a_reference_word_before_an_event_is_no_time():
    assert tag("Shortly before the vote, the bridge was closed.") == []
    assert fields(one("The bridge will close shortly.", "shortly"))[:2] == ("DATE", "FUTURE_REF")


@pytest.mark.parametrize("text, expression, value", [
    ("Markets open every Monday.", "every Monday", "XXXX-WXX-1"),
    ("The council meets weekly.", "weekly", "P1W"),
    ("It produces 15 a year.", "a year", "P1Y"),
    ("Patrols pass twice a day.", "twice a day", "P1D"),
])
def test_sets(text, expression, value):
    m = one(text, expression)
    assert (m.type, m.value, m.start_date) == ("SET", value, None)


@pytest.mark.parametrize("text, expression, value, start, end", [
    ("Clashes recently intensified.", "recently", "PAST_REF", "2024-04-03", "2024-05-03"),
    ("Troops are now leaving.", "now", "PRESENT_REF", "2024-05-03", "2024-05-03"),
    ("Talks will resume soon.", "soon", "FUTURE_REF", "2024-05-03", "2024-06-02"),
    ("This may change in the future.", "the future", "FUTURE_REF", "2024-05-03", None),
])
def test_references(text, expression, value, start, end):
    m = one(text, expression)
    assert (m.type, m.value, m.start_date, m.end_date) == ("DATE", value, start, end)


@pytest.mark.parametrize("text, expression, value, start, end, precision", [
    ("Profits fell in the first quarter of 2009.", "the first quarter of 2009", "2009-Q1",
     "2009-01-01", "2009-03-31", "quarter"),
    ("Sales fell in the last quarter.", "the last quarter", "2024-Q1", "2024-01-01",
     "2024-03-31", "quarter"),
    ("Floods hit in the spring of 2022.", "the spring of 2022", "2022-SP", "2022-03-01",
     "2022-05-31", "quarter"),
    ("Fighting paused last winter.", "last winter", "2023-WI", "2023-12-01", "2024-02-29",
     "quarter"),
    ("The party was founded in 1998.", "1998", "1998", "1998-01-01", "1998-12-31", "year"),
    ("Growth was strong in the 1990s.", "the 1990s", "199", "1990-01-01", "1999-12-31",
     "decade"),
    ("Aid arrived in early May.", "early May", "2024-05", "2024-05-01", "2024-05-10", "month"),
    ("The deal was reached in mid-2023.", "mid-2023", "2023", "2023-05-01", "2023-08-31", "year"),
    ("Talks collapsed late last year.", "late last year", "2023", "2023-09-01",
     "2023-12-31", "year"),
    ("He left two years ago.", "two years ago", "2022", "2022-01-01", "2022-12-31", "year"),
    ("Trade doubled compared with the same period last year.", "the same period last year",
     None, None, None, None),
])
def test_periods(text, expression, value, start, end, precision):
    m = one(text, expression)
    assert (m.value, m.start_date, m.end_date, m.precision) == (value, start, end, precision)


def test_same_period_takes_the_last_named_period_a_year_back():
    m = one("Sales rose in February compared to the same period last year.",
            "the same period last year")
    assert (m.value, m.start_date, m.end_date) == ("2023-02", "2023-02-01", "2023-02-28")


def test_between_two_months_adds_a_range():
    mentions = tag("Fighting raged between March and May.")
    assert [m.text for m in mentions] == ["between March and May", "March", "May"]
    assert (mentions[0].type, mentions[0].value, mentions[0].start_date,
            mentions[0].end_date) == ("DURATION", "P2M", "2024-03-01", "2024-05-31")


def test_a_clock_range_past_midnight_ends_the_next_day_and_leaves_the_full_stop():
    mentions = tag("A curfew runs from 6pm to 6am.")
    assert [(m.text, m.value) for m in mentions] == [
        ("6pm", "2024-05-03T18:00"), ("6am", "2024-05-04T06:00")]


def test_that_day_is_the_last_day_named():
    m = one("Voting ended on June 18. Results came that day.", "that day",
            reference=date(2024, 7, 1))
    assert m.value == "2024-06-18"


def test_clock_time_with_utc():
    m = one("The launch was at 08:30 UTC.", "08:30 UTC")
    assert (m.type, m.value) == ("TIME", "2024-05-03T08:30Z")


def test_without_reference_relative_expressions_stay_unresolved():
    m = one("Troops left last month.", "last month", reference=None)
    assert (m.value, m.start_date, m.end_date, m.basis) == (None, None, None, "unresolved")
    assert one("It happened in March.", "March", reference=None).value == "XXXX-03"
    explicit = one("It happened in July 2023.", "July 2023", reference=None)
    assert (explicit.value, explicit.basis) == ("2023-07", "explicit")


@pytest.mark.parametrize("text", [
    "The talks may resume.",
    "Protesters march on the capital.",
    "The fund holds $ 2000 in cash.",
    "The plant employs 2012 workers.",
    "Demonstrators gathered in the spring sunshine.",
])
def test_ordinary_words_and_numbers_are_not_times(text):
    assert tag(text) == []


def test_all_capitals_wire_copy():
    m = one("THE ATTACK TOOK PLACE ON 12 MARCH 1989 IN LIMA.", "12 MARCH 1989")
    assert m.value == "1989-03-12"


OVERFLOWING = ("They met last Monday and will meet next Friday. Talks resume next week, next "
               "month, next quarter, next year and in the coming decade; they began last "
               "century, in the past decade, on Sunday and the weekend before.")


@pytest.mark.parametrize("reference", [date.min, date(1, 1, 7), date(9999, 12, 25), date.max])
def test_arithmetic_past_the_ends_of_the_calendar_leaves_the_expression_unresolved(reference):
    mentions = tag(OVERFLOWING, reference)
    assert mentions, "the expressions are still found"
    for mention in mentions:
        assert OVERFLOWING[mention.start:mention.end] == mention.text


def test_a_measure_later_runs_from_the_month_last_named_not_from_the_story():
    days = one("In March 2021 the crew was seized and freed days later.", "days")
    assert (days.start_date, days.end_date) == ("2021-03-01", "2021-04-03")
    week = one("In March 2021 the crew was seized. A week later it was freed.", "A week later")
    assert (week.start_date, week.end_date) == ("2021-03-08", "2021-04-07")
    after_day = one("In March 2021 talks began. On May 2, two days later, a deal came.",
                    "two days later")
    assert after_day.start_date == "2024-05-04"


def test_a_zone_that_keeps_daylight_saving_reads_the_offset_of_the_day():
    assert one("The market opens at 9:30 a.m. ET.", "9:30 a.m. ET",
               date(2021, 2, 16)).value == "2021-02-16T09:30-05:00"
    assert one("The market opens at 9:30 a.m. ET.", "9:30 a.m. ET",
               date(2021, 7, 16)).value == "2021-07-16T09:30-04:00"
    assert one("The show starts at 8 p.m. EST.", "8 p.m. EST",
               date(2021, 7, 16)).value == "2021-07-16T20:00-05:00"


def test_a_modifier_before_a_century_is_part_of_it():
    m = one("Mills closed in the late 18th century.", "the late 18th century")
    assert (m.type, m.value) == ("DATE", "17")
    assert "1760" < m.start_date < "1770" and m.end_date == "1800-12-31"  # its last third
    assert one("The chapel dates from the 14th century.", "the 14th century").value == "13"


def test_the_article_before_a_counted_duration_is_part_of_it():
    m = one("Sales fell in the six months to June.", "the six months")
    assert (m.type, m.value) == ("DURATION", "P6M")
    assert one("Yields on the 30-year bond rose.", "30-year").value == "P30Y"
