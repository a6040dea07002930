"""Calendar periods: a TIMEX3 value with the inclusive day range it covers.

Every resolved date is a :class:`Period`, so a month, an ISO week, a quarter or a season all give
the event coder the same thing: a first day, a last day and a precision.

Arithmetic never raises: every day is kept between :data:`FIRST_DAY` and :data:`LAST_DAY`, far
enough inside Python's calendar that a decade, century or ISO week around it still exists, so
"a million years ago" against any reference clamps instead of overflowing.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

SEASON_CODES = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
FIRST_DAY = date(100, 1, 1)
LAST_DAY = date(9899, 12, 31)


def clamp(d: date) -> date:
    """``d`` kept within the calendar sitrep computes in."""
    return min(max(d, FIRST_DAY), LAST_DAY)


def clamp_year(number: int) -> int:
    return min(max(number, FIRST_DAY.year), LAST_DAY.year)


def add_days(d: date, days: float) -> date:
    """``d`` moved by ``days`` (rounded), clamped; any count, even an infinite one, is safe."""
    if not math.isfinite(days):
        return FIRST_DAY if days < 0 else LAST_DAY
    ordinal = d.toordinal() + round(days)
    return date.fromordinal(min(max(ordinal, FIRST_DAY.toordinal()), LAST_DAY.toordinal()))


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of calendar time; ``start``/``end`` inclusive, either may be open (None)."""

    value: str
    start: date | None
    end: date | None
    precision: str | None

    def with_range(self, start: date | None, end: date | None) -> Period:
        return replace(self, start=start, end=end)


def day(d: date) -> Period:
    return Period(d.isoformat(), d, d, "day")


def month(year: int, number: int) -> Period:
    year = clamp_year(year)
    last = calendar.monthrange(year, number)[1]
    return Period(f"{year:04d}-{number:02d}", date(year, number, 1), date(year, number, last),
                  "month")


def year(number: int) -> Period:
    number = clamp_year(number)
    return Period(f"{number:04d}", date(number, 1, 1), date(number, 12, 31), "year")


def decade(first_year: int) -> Period:
    """The decade starting ``first_year`` (1990 → value ``199``)."""
    first_year = clamp_year(first_year)
    first = first_year - first_year % 10
    return Period(f"{first // 10:03d}", date(first, 1, 1), date(first + 9, 12, 31), "decade")


def hundred_years(hundred: int) -> Period:
    """The hundred years a round year's plural names ("the 1800s": 18 → 1800..1899, value
    ``18``), at the coarsest precision known."""
    first = clamp_year(hundred * 100)
    return Period(f"{first // 100:02d}", date(first, 1, 1), date(first + 99, 12, 31), "decade")


def century(number: int) -> Period:
    """The ``number``-th century (21 → 2001..2100, value ``20``); coarsest precision known."""
    number = min(max(number, FIRST_DAY.year // 100 + 1), LAST_DAY.year // 100)
    first = (number - 1) * 100 + 1
    return Period(f"{number - 1:02d}", date(first, 1, 1), date(first + 99, 12, 31), "decade")


def quarter(year_number: int, number: int) -> Period:
    year_number = clamp_year(year_number)
    first = 3 * (number - 1) + 1
    last_month = month(year_number, first + 2)
    return Period(f"{year_number:04d}-Q{number}", date(year_number, first, 1), last_month.end,
                  "quarter")


HALVES = {"FIRST_HALF": 1, "SECOND_HALF": 2}
PRECISIONS = ("day", "week", "month", "quarter", "year", "decade")


def finer(precision: str | None, than: str) -> bool:
    """Whether a period of ``precision`` is as fine as or finer than a ``than`` unit ("day"
    is finer than "year"); an anchor coarser than the step it takes is no anchor."""
    rank = {p: i for i, p in enumerate(PRECISIONS)}
    unit_rank = rank.get(than, rank.get("day" if than == "night" else "year", 4))
    return precision in rank and rank[precision] <= unit_rank


def half(year_number: int, number: int) -> Period:
    """The first or second half of a year: TIMEX3 ``2024-H1``."""
    year_number = clamp_year(year_number)
    first = month(year_number, 6 * (number - 1) + 1)
    last = month(year_number, 6 * number)
    return Period(f"{year_number:04d}-H{number}", first.start, last.end, "quarter")


def quarter_of(d: date) -> Period:
    return quarter(d.year, (d.month - 1) // 3 + 1)


def week(d: date) -> Period:
    """The ISO week holding ``d`` (Monday to Sunday)."""
    d = clamp(d)
    iso_year, iso_week, weekday = d.isocalendar()
    monday = d - timedelta(days=weekday - 1)
    return Period(f"{iso_year:04d}-W{iso_week:02d}", monday, monday + timedelta(days=6), "week")


def weekend(d: date) -> Period:
    """The Saturday and Sunday of the ISO week holding ``d``."""
    whole = week(d)
    assert whole.start is not None
    saturday = whole.start + timedelta(days=5)
    return Period(f"{whole.value}-WE", saturday, saturday + timedelta(days=1), "week")


def season(year_number: int, code: str) -> Period:
    """Meteorological seasons of the northern hemisphere; winter runs December to February."""
    first = SEASON_CODES[code]
    year_number = min(clamp_year(year_number), LAST_DAY.year - 1)
    start = date(year_number, first, 1)
    end_month = month(year_number + (1 if first == 12 else 0), (first + 1) % 12 + 1)
    return Period(f"{year_number:04d}-{code}", start, end_month.end, "quarter")


def add_months(d: date, count: int) -> date:
    """``d`` moved by whole months, the day clipped to the month's length (and the year to
    the calendar's)."""
    index = d.year * 12 + d.month - 1 + count
    y, m = divmod(index, 12)
    if not FIRST_DAY.year <= y <= LAST_DAY.year:
        return FIRST_DAY if y < FIRST_DAY.year else LAST_DAY
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def move_years(period: Period, count: int) -> Period:
    """The same period ``count`` calendar years later (earlier when negative): "July" read in
    the year after the one first chosen. A range that ends on a month's last day still does
    (February in a leap year)."""

    def moved(d: date | None, month_end: bool) -> date | None:
        if d is None:
            return None
        new = add_months(d, 12 * count)
        return new.replace(day=calendar.monthrange(new.year, new.month)[1]) if month_end else new

    end_of_month = period.end is not None and period.end.day == calendar.monthrange(
        period.end.year, period.end.month)[1]
    value = period.value
    if value[:4].isdigit():
        value = f"{clamp_year(int(value[:4]) + count):04d}{value[4:]}"
    return Period(value, moved(period.start, False), moved(period.end, end_of_month),
                  period.precision)


def shift(d: date, unit: str, count: float) -> date:
    """``d`` moved by ``count`` units (D, W, M, Q, Y); fractions of months round to days."""
    if unit == "D":
        return add_days(d, count)
    if unit == "W":
        return add_days(d, 7 * count)
    months = {"M": 1, "Q": 3, "Y": 12}[unit] * count
    if not math.isfinite(months) or abs(months) > 12 * LAST_DAY.year:
        return FIRST_DAY if months < 0 else LAST_DAY
    whole = int(months)
    moved = add_months(d, whole)
    return add_days(moved, (months - whole) * 30)


def narrow(period: Period, modifier: str) -> Period:
    """The part of a period that "early", "mid", "late" (and halves) point at; value kept.

    Periods of three months or more split by whole months (early 2009 = January to April),
    shorter ones by days (early May = 1 to 10 May).
    """
    if period.start is None or period.end is None:
        return period
    months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    if months >= 3:
        first, last = part_bounds(months, modifier)
        start = add_months(period.start.replace(day=1), first)
        end = add_months(period.start.replace(day=1), last + 1) - timedelta(days=1)
        return period.with_range(start, end)
    first, last = part_bounds((period.end - period.start).days + 1, modifier)
    return period.with_range(period.start + timedelta(days=first),
                             period.start + timedelta(days=last))


def part_bounds(total: int, modifier: str) -> tuple[int, int]:
    """First and last index (0-based, inclusive) of a modifier's part of ``total`` steps."""
    third = total // 3
    return {
        "START": (0, third - 1),
        "MID": (third, 2 * third - 1),
        "END": (2 * third, total - 1),
        "FIRST_HALF": (0, total // 2 - 1),
        "SECOND_HALF": (total // 2, total - 1),
    }[modifier]


TIMETABLE_PAST_DAYS = 62  # about two months: a headline's present tells what is that recent


def nearest_year(month_number: int, day_number: int | None, reference: date,
                 direction: str | None) -> int:
    """The year that puts a month (and day) nearest the reference, or on the tense's side.

    ``direction`` "past" picks the latest occurrence not after the reference, "future" the
    earliest not before it, None the nearest of the two; "ahead" (a timetable told in the
    present: "the summit opens on Sept. 9") the earliest not before it unless the latest
    before it is within ``TIMETABLE_PAST_DAYS``, as a headline's present of a recent act is.
    """
    def occurrence(y: int) -> date:
        last = calendar.monthrange(y, month_number)[1]
        return date(y, month_number, min(day_number or 1, last))

    def key(y: int) -> tuple[int, int]:
        return (y, month_number) if day_number is None else (y, month_number * 100 + day_number)

    here = key(reference.year)
    ref_key = (reference.year, reference.month if day_number is None
               else reference.month * 100 + reference.day)
    past_year = reference.year if here <= ref_key else reference.year - 1
    future_year = reference.year if here >= ref_key else reference.year + 1
    if direction == "past":
        return past_year
    if direction == "future":
        return future_year
    gap_past = abs((reference - occurrence(past_year)).days)
    if direction == "ahead":
        return past_year if gap_past <= TIMETABLE_PAST_DAYS else future_year
    gap_future = abs((occurrence(future_year) - reference).days)
    return past_year if gap_past <= gap_future else future_year


def easter(year_number: int) -> date:
    """Western Easter Sunday of a year (the anonymous Gregorian computus)."""
    a, b, c = year_number % 19, year_number // 100, year_number % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month_number = (h + l_ - 7 * m + 114) // 31
    return date(year_number, month_number, (h + l_ - 7 * m + 114) % 31 + 1)


def movable_day(spec: dict[str, Any], year_number: int) -> date | None:
    """The day a movable feast falls on in a year: so many days from Easter (``easter``), the
    ``nth`` ``weekday`` (ISO number) of a ``month`` (``nth`` -1: the last), moved on by
    ``days`` where given (the day after a feast), or the day a table of ``dates`` by year gives
    a feast of another calendar (None for a year the table lacks)."""
    if "dates" in spec:
        listed = spec["dates"].get(str(year_number))
        return date(year_number, listed[0], listed[1]) if listed else None
    if "easter" in spec:
        return add_days(easter(year_number), spec["easter"])
    month_number, weekday, nth = spec["month"], spec["weekday"], spec["nth"]
    if nth < 0:
        last = date(year_number, month_number, calendar.monthrange(year_number, month_number)[1])
        day = add_days(last, -((last.isoweekday() - weekday) % 7) + 7 * (nth + 1))
    else:
        first = date(year_number, month_number, 1)
        day = add_days(first, (weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    return add_days(day, spec.get("days", 0))
