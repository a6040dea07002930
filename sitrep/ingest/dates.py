"""The calendar knowledge every date reader shares: month and weekday words, two-digit years,
time-zone offsets, and the contract's ISO form of a publication date.

The words live in ``sitrep/codebook/times/`` (``calendar.json``, ``dateline.json``,
``timezones.tsv``); this module is their one reader, used by datelines at ingest and by the
time tagger alike."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import Any

from sitrep.codebook.load import load_json, load_table
from sitrep.errors import InputError, SetupError

_PUBLISHED = re.compile(
    r"(?P<day>\d{4}-\d{2}-\d{2})"
    r"(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(?P<zone>Z|[+-]\d{2}:\d{2})?)?"
)
_NUMERIC_ZONE = re.compile(r"(?:UTC|GMT)?\s?(?P<sign>[+-])(?P<hours>\d{1,2}):?(?P<minutes>\d{2})?")
PUBLISHED_FORM = "YYYY-MM-DD[THH:MM[:SS][±HH:MM]]"
MIN_YEAR, MAX_YEAR = 1800, 2100
"""The years a publication date may fall in: news is no older, and the calendar arithmetic of
relative dates ("next Friday", "the coming decade") stays far from the ends of ``date``."""
PUBLISHED_RULE = f"{PUBLISHED_FORM}, a real date in the years {MIN_YEAR}-{MAX_YEAR}"
FOLDER = "times"


def load_times_json(name: str) -> dict[str, Any]:
    """One JSON file of ``sitrep/codebook/times/`` through the codebook's one loader."""
    data = load_json(f"{FOLDER}/{name}")
    if not isinstance(data, dict):
        raise SetupError(f"codebook file {FOLDER}/{name} must hold a JSON object")
    return data


@cache
def calendar_words() -> dict[str, Any]:
    """Months, weekdays (names and abbreviations) and the two-digit year rule
    (``calendar.json``): the one table of them in sitrep."""
    return load_times_json("calendar.json")


@cache
def words() -> dict[str, Any]:
    """What datelines read: the calendar words plus place connectors, stamp labels and
    capitalised words that are not places (``dateline.json``). ``weekdays`` lists names and
    abbreviations."""
    calendar = calendar_words()
    weekdays = [*calendar["weekdays"], *calendar["weekday_abbreviations"]]
    return {**load_times_json("dateline.json"), "months": calendar["months"],
            "weekdays": weekdays}


@cache
def timezones() -> dict[str, str]:
    """Time-zone abbreviation to UTC offset (``timezones.tsv``), e.g. ``IST`` → ``+05:30``."""
    return {row[0]: row[1] for row in load_table(f"{FOLDER}/timezones.tsv")}


@cache
def zone_regions() -> dict[str, str]:
    """Abbreviation to the region (IANA name) whose offset on the day a zone that moves with
    daylight saving reads (``timezones.tsv``'s fifth column), e.g. ``ET`` → ``America/New_York``."""
    return {row[0]: row[4] for row in load_table(f"{FOLDER}/timezones.tsv")
            if len(row) > 4 and row[4]}


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation in any case ("May", "SEPT.", "jan")."""
    return words()["months"].get(word.lower().rstrip("."))


def zone_offset(zone: str) -> str | None:
    """``±HH:MM`` for an abbreviation (``IST``), ``Z``, or a numeric zone (``UTC+5:30``)."""
    if zone in ("Z", "z"):
        return "+00:00"
    if zone.upper() in timezones():
        return timezones()[zone.upper()]
    match = _NUMERIC_ZONE.fullmatch(zone.strip())
    if not match:
        return None
    hours, minutes = int(match["hours"]), int(match["minutes"] or 0)
    if hours > 14 or minutes > 59:
        return None
    return f"{match['sign']}{hours:02d}:{minutes:02d}"


def full_year(year: int, reference: date | None = None) -> int:
    """Four-digit year of a two-digit one as wire copy writes it ("3 JAN 90" is 1990).

    With a reference date, the year stays within ``ahead_of_reference`` years after it
    ('25 read in 2024 is 2025, '82 is 1982); without one the hundred-year window starts at
    ``without_reference`` (``calendar.json``)."""
    if year >= 100:
        return year
    rule = calendar_words()["two_digit_years"]
    if reference is None:
        first = int(rule["without_reference"])
    else:
        first = reference.year + int(rule["ahead_of_reference"]) - 99
    candidate = first // 100 * 100 + year
    return candidate if candidate >= first else candidate + 100


def nearest_date(month: int, day: int, reference: date) -> date | None:
    """The day with this month and day closest to ``reference`` (a year is often left out)."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs(d - reference), default=None)


def iso_published(day: date, clock: tuple[int, int] | None = None,
                  offset: str | None = None) -> str:
    """The contract's ``YYYY-MM-DD[THH:MM[±HH:MM]]``; a zone without a time is dropped."""
    if clock is None:
        return day.isoformat()
    return f"{day.isoformat()}T{clock[0]:02d}:{clock[1]:02d}{offset or ''}"


def normalise_published(value: str) -> str | None:
    """The contract form of an ISO date or date-time, or None when it is not a real one or
    falls outside :data:`MIN_YEAR`-:data:`MAX_YEAR`.

    ``Z`` becomes ``+00:00`` and fractions of a second are dropped; the rest is kept as given.
    """
    match = _PUBLISHED.fullmatch(value.strip())
    if not match:
        return None
    text = match["day"]
    if match["time"]:
        zone = zone_offset(match["zone"]) if match["zone"] else ""
        if zone is None:
            return None
        text += "T" + match["time"] + zone
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return text if in_range(moment.date()) else None


def in_range(day: date) -> bool:
    """Whether a day lies within the years sitrep accepts as a publication date."""
    return MIN_YEAR <= day.year <= MAX_YEAR


def check_published(value: str | None, source: str = "published") -> str | None:
    """Validate a caller's ``published`` option; raises :class:`InputError` when malformed."""
    if value is None:
        return None
    normal = normalise_published(value) if isinstance(value, str) else None
    if normal is None:
        raise InputError(source, f"{value!r} is not a date {PUBLISHED_RULE}")
    return normal


def reference_day(published: str | None) -> date | None:
    """The calendar day of a contract ``published`` string."""
    return date.fromisoformat(published[:10]) if published else None
