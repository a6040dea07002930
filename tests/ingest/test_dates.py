from datetime import date

import pytest

from sitrep.errors import InputError
from sitrep.ingest import dates


def test_timezone_table_loads_with_the_common_abbreviations():
    table = dates.timezones()
    expected = {"IST": "+05:30", "GMT": "+00:00", "UTC": "+00:00", "BST": "+01:00",
                "CET": "+01:00", "CEST": "+02:00", "EST": "-05:00", "EDT": "-04:00",
                "CST": "-06:00", "CDT": "-05:00", "PST": "-08:00", "PDT": "-07:00",
                "WAT": "+01:00", "EAT": "+03:00", "CAT": "+02:00", "MSK": "+03:00",
                "JST": "+09:00", "AEST": "+10:00"}
    assert {abbr: table[abbr] for abbr in expected} == expected
    assert all(len(offset) == 6 and offset[0] in "+-" for offset in table.values())


def test_dateline_words_load():
    assert dates.month_number("SEPT.") == 9
    assert dates.month_number("may") == 5
    assert dates.month_number("Maybe") is None
    assert "tuesday" in dates.words()["weekdays"]


@pytest.mark.parametrize(("zone", "offset"), [
    ("IST", "+05:30"), ("ist", "+05:30"), ("Z", "+00:00"), ("+0530", "+05:30"),
    ("UTC+5:30", "+05:30"), ("GMT-3", "-03:00"), ("XYZ", None), ("UTC+15", None),
])
def test_zone_offsets(zone, offset):
    assert dates.zone_offset(zone) == offset


def test_two_digit_years_follow_wire_usage():
    assert dates.full_year(90) == 1990
    assert dates.full_year(24) == 2024
    assert dates.full_year(2024) == 2024


def test_a_day_without_year_takes_the_year_nearest_the_reference():
    assert dates.nearest_date(5, 3, date(2024, 5, 5)) == date(2024, 5, 3)
    assert dates.nearest_date(12, 30, date(2024, 1, 2)) == date(2023, 12, 30)
    assert dates.nearest_date(2, 29, date(2023, 3, 1)) == date(2024, 2, 29)


@pytest.mark.parametrize(("value", "normal"), [
    ("2024-05-03", "2024-05-03"),
    ("2024-05-03T04:50+05:30", "2024-05-03T04:50+05:30"),
    ("2024-05-03T04:50:10.123Z", "2024-05-03T04:50:10+00:00"),
    ("2024-05-03 04:50", "2024-05-03T04:50"),
    ("2024-13-01", None),
    ("3 May 2024", None),
    ("2024-05-03T04:50-00:60", None),
])
def test_published_strings_are_normalised_or_refused(value, normal):
    assert dates.normalise_published(value) == normal


def test_a_bad_published_option_is_an_input_error():
    assert dates.check_published(None) is None
    with pytest.raises(InputError, match="'May 3' is not a date YYYY-MM-DD"):
        dates.check_published("May 3")


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1799-12-31T23:59", "2101-01-01"])
def test_a_date_outside_the_accepted_years_is_refused(value):
    assert dates.normalise_published(value) is None
    with pytest.raises(InputError, match="in the years 1800-2100"):
        dates.check_published(value)


@pytest.mark.parametrize("value", ["1800-01-01", "2100-12-31T23:59+14:00"])
def test_the_ends_of_the_accepted_years_are_accepted(value):
    assert dates.check_published(value) == value


def test_two_digit_years_near_a_reference_stay_close_to_it():
    assert dates.full_year(25, date(2024, 5, 3)) == 2025
    assert dates.full_year(82, date(2024, 5, 3)) == 1982
    assert dates.full_year(99, date(1998, 1, 1)) == 1999


def test_one_calendar_table_serves_datelines_and_time_expressions():
    from sitrep.resolve.times.vocabulary import load_vocabulary

    assert dates.words()["months"] is load_vocabulary().months
    assert "tues" in dates.words()["weekdays"]
    assert "tues" not in load_vocabulary().weekdays
