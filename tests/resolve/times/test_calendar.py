"""Calendar periods: values and inclusive day ranges."""

from __future__ import annotations

from datetime import date

from sitrep.resolve.times import calendar as cal


def test_iso_week_runs_monday_to_sunday():
    week = cal.week(date(2024, 5, 3))
    assert (week.value, week.start, week.end) == ("2024-W18", date(2024, 4, 29), date(2024, 5, 5))


def test_weekend_of_a_week():
    weekend = cal.weekend(date(2010, 1, 25))
    assert (weekend.value, weekend.start, weekend.end) == (
        "2010-W04-WE", date(2010, 1, 30), date(2010, 1, 31))


def test_winter_crosses_the_year():
    winter = cal.season(2023, "WI")
    assert (winter.value, winter.start, winter.end) == ("2023-WI", date(2023, 12, 1),
                                                        date(2024, 2, 29))


def test_quarter_decade_and_century():
    assert cal.quarter(2009, 4).end == date(2009, 12, 31)
    assert cal.decade(1994).value == "199"
    assert (cal.century(21).start, cal.century(21).end) == (date(2001, 1, 1), date(2100, 12, 31))


def test_narrow_splits_years_by_months_and_months_by_days():
    assert cal.narrow(cal.year(2009), "START").end == date(2009, 4, 30)
    assert cal.narrow(cal.month(2024, 5), "END").start == date(2024, 5, 21)


def test_nearest_year_follows_the_tense():
    ref = date(2024, 5, 3)
    assert cal.nearest_year(3, None, ref, "past") == 2024
    assert cal.nearest_year(3, None, ref, "future") == 2025
    assert cal.nearest_year(12, 11, date(2025, 1, 10), None) == 2024


def test_shift_by_months_clips_the_day():
    assert cal.shift(date(2024, 3, 31), "M", -1) == date(2024, 2, 29)


def test_moving_a_period_by_years_keeps_its_shape():
    february = cal.month(2023, 2)
    leap = cal.move_years(february, 1)
    assert (leap.value, leap.start, leap.end) == ("2024-02", date(2024, 2, 1), date(2024, 2, 29))
    back = cal.move_years(cal.day(date(2024, 7, 4)), -2)
    assert (back.value, back.start, back.end) == ("2022-07-04", date(2022, 7, 4), date(2022, 7, 4))


def test_movable_feasts_fall_on_their_computed_days():
    assert [cal.easter(y) for y in (1995, 2000, 2019, 2024, 2025)] == [
        date(1995, 4, 16), date(2000, 4, 23), date(2019, 4, 21), date(2024, 3, 31),
        date(2025, 4, 20)]
    assert cal.movable_day({"easter": -2}, 2024) == date(2024, 3, 29)
    assert cal.movable_day({"month": 11, "weekday": 4, "nth": 4}, 2023) == date(2023, 11, 23)
    assert cal.movable_day({"month": 5, "weekday": 1, "nth": -1}, 2024) == date(2024, 5, 27)
    assert cal.movable_day({"month": 11, "weekday": 4, "nth": 4, "days": 1}, 2023) == date(
        2023, 11, 24)
    assert cal.movable_day({"dates": {"2024": [4, 10]}}, 2024) == date(2024, 4, 10)
    assert cal.movable_day({"dates": {"2024": [4, 10]}}, 2031) is None
