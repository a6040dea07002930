"""Datelines: the stamp line (``May 03, 2024 04:50 IST``) and the lead
(``Niamey (Niger), May 3 (ANI):``, ``WASHINGTON (Reuters) -``) that open a wire story, or
that stand alone on a line of their own above the lede, as regional dailies print them
(``Amritsar, November 20``, ``RAMANATHAPURAM``).

They give the publication date, the place the story was filed from (with its offsets in the
text, so the geocoder can resolve it) and the agency that filed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sitrep.ingest import dates

HEAD_LINES = 6
"""How many non-empty lines at the top of a text may hold a dateline."""
_MIN_BARE_PLACE = 3
_MOST_BARE_WORDS = 3
"""The most words of a place in capitals alone on its line: a longer one is a heading."""

_ORDINAL = r"(?:st|nd|rd|th)?"
_CLOCK = (
    r"(?:\s*(?:,|at|\||-|T)?\s*(?P<hour>\d{1,2})\s*[:.]\s*(?P<minute>\d{2})(?::\d{2})?"
    r"(?:\.\d+)?\s*(?P<ampm>(?i:[ap]\.?\s?m\.?))?(?:\s*(?i:hrs|hours|h)\b\.?)?"
    r"(?:\s*\(?(?P<zone>[A-Z]{2,5}|Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)\s?[+-]\d{1,2}(?::?\d{2})?)\)?)?)?"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """What the top of a text says about itself; every field may be missing."""

    place: str | None = None
    start: int | None = None
    end: int | None = None
    publisher: str | None = None
    published: str | None = None

    def article_fields(self) -> dict[str, Any]:
        """The :class:`~sitrep.model.Article` fields of the dateline's place."""
        return {"dateline_place": self.place, "dateline_start": self.start,
                "dateline_end": self.end}


@dataclass(frozen=True, slots=True)
class _Lead:
    place: str
    start: int
    end: int
    publisher: str | None
    date_text: str | None
    alone: bool = False


def read_dateline(text: str, reference: str | None = None) -> Dateline:
    """Read the stamp and lead datelines among the first lines of ``text``.

    A stamp counts only above the lead (a date further down is the story's, not the
    document's) and wins over the lead's date. ``reference`` (an ISO date) supplies the year
    a lead like ``May 3`` leaves out.
    """
    published: str | None = None
    lead: _Lead | None = None
    for line, offset in _head_lines(text):
        lead = _read_lead(line, offset)
        if lead and lead.alone and offset == 0:
            lead = None  # a line alone at the top is the headline ("KENYA VOTES")
        if lead:
            break
        published = published or _read_stamp(line)
    if published is None and lead and lead.date_text:
        day = _lead_date(lead.date_text, dates.reference_day(reference))
        published = day.isoformat() if day and dates.in_range(day) else None
    if lead is None:
        return Dateline(published=published)
    return Dateline(place=lead.place, start=lead.start, end=lead.end,
                    publisher=lead.publisher, published=published)


def _head_lines(text: str) -> list[tuple[str, int]]:
    """The first non-empty lines with their offsets in ``text``."""
    found: list[tuple[str, int]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            found.append((line, offset))
            if len(found) == HEAD_LINES:
                break
        offset += len(line) + 1
    return found


# --- stamp lines ---------------------------------------------------------------------------

@cache
def _stamp_patterns() -> tuple[re.Pattern[str], ...]:
    """A line that is only a date, time and zone, optionally labelled ("Updated:")."""
    labels = "|".join(sorted((re.escape(w) for w in dates.words()["stamp_labels"]), key=len,
                             reverse=True))
    weekdays = "|".join(dates.words()["weekdays"])
    months = _months_alternation()
    prefix = rf"(?:(?i:{labels})\s*:?\s*)?(?:(?i:{weekdays})\.?,?\s+)?"
    day_forms = (
        rf"(?P<month>(?i:{months}))\.?\s+(?P<day>\d{{1,2}}){_ORDINAL}\s*,?\s+(?P<year>\d{{4}})",
        rf"(?P<day>\d{{1,2}}){_ORDINAL}\s+(?P<month>(?i:{months}))\.?\s*,?\s+(?P<year>\d{{4}})",
        r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})",
    )
    return tuple(re.compile(prefix + form + _CLOCK + r"\s*") for form in day_forms)


def _read_stamp(line: str) -> str | None:
    """The ISO ``published`` of a stamp line, or None when the line is not one."""
    for pattern in _stamp_patterns():
        match = pattern.fullmatch(line.strip())
        if match:
            return _stamp_value(match)
    return None


def _stamp_value(match: re.Match[str]) -> str | None:
    month = int(match["month"]) if match["month"].isdigit() else dates.month_number(match["month"])
    try:
        day = date(int(match["year"]), month or 0, int(match["day"]))
    except ValueError:
        return None
    if not dates.in_range(day):
        return None
    clock = _clock(match)
    if clock is None:
        return dates.iso_published(day)
    offset = dates.zone_offset(match["zone"]) if match["zone"] else None
    return dates.iso_published(day, clock, offset)


def _clock(match: re.Match[str]) -> tuple[int, int] | None:
    """Hour and minute of a stamp, on the 24-hour clock; None when absent or impossible."""
    if match["hour"] is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"])
    ampm = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm and not 1 <= hour <= 12:
        return None
    if ampm == "pm" and hour != 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return (hour, minute) if hour < 24 and minute < 60 else None


# --- lead datelines ------------------------------------------------------------------------

@cache
def _lead_pattern() -> re.Pattern[str]:
    """``PLACE[ (Country)][, Region][, DATE][ (AGENCY)] SEPARATOR`` at the start of a line."""
    word = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
    connectors = "|".join(dates.words()["place_connectors"])
    name = rf"{word}(?:[ ](?:(?:{connectors})[ ])*{word}){{0,4}}"
    months = rf"(?i:{_months_alternation()})\.?"
    weekdays = "|".join(dates.words()["weekdays"])
    day_text = (
        rf"(?:(?i:{weekdays})\.?,?[ ])?"
        rf"(?:{months}[ ]\d{{1,2}}{_ORDINAL}(?:,?[ ]\d{{4}}|[ ]\d{{2}})?"
        rf"|\d{{1,2}}{_ORDINAL}[ ]{months}(?:,?[ ]\d{{2,4}})?|NO[ ]DATE)(?![\w])"
    )
    return re.compile(
        rf"[ \t]*(?P<place>{name}(?:[ ]?\({name}\)(?=,))?"
        rf"(?:,[ ](?!{months}[ ]\d|NO[ ]DATE|(?i:{weekdays})\b){name}){{0,2}})"
        rf"(?:,[ ](?P<date>{day_text}))?"
        r"(?:[ ]?\((?P<publisher>[^()\n]{1,40})\))?"
        r"(?:[ ]*(?P<sep>:|--?|—|–)(?=\s|\[|$)|(?P<alone>[ \t]*$))"
    )


def _read_lead(line: str, offset: int) -> _Lead | None:
    """The lead dateline opening ``line`` (at ``offset`` in the text), or None."""
    match = _lead_pattern().match(line)
    if not match or not _plausible_lead(match):
        return None
    publisher = match["publisher"].strip() if match["publisher"] else None
    return _Lead(place=match["place"], start=offset + match.start("place"),
                 end=offset + match.end("place"), publisher=publisher or None,
                 date_text=match["date"], alone=match["alone"] is not None)


def _plausible_lead(match: re.Match[str]) -> bool:
    """A bare place needs capitals and a dash (``NAIROBI —``; its country or state after a
    comma may be in title case, ``KOLDA, Senegal —``); "NOTE:" and "T - Mobile" are not
    places. A lead alone on its line has no separator to tell it from a heading or a byline,
    so it needs its date (``Amritsar, November 20``) or a place in capitals with nothing
    after it (``RAMANATHAPURAM``); a publisher in brackets is no proof there."""
    if match["alone"] is not None and not match["date"]:
        return len(match["place"].split()) <= _MOST_BARE_WORDS and _bare_place(match["place"])
    if match["date"] or match["publisher"]:
        return True
    return match["sep"] != ":" and _bare_place(match["place"].split(",")[0])


def _bare_place(place: str) -> bool:
    """A place written in capitals, long enough and not a word a dateline's shape takes."""
    return (place.isupper() and len(place) >= _MIN_BARE_PLACE
            and place not in dates.words()["not_places"])


def _lead_date(text: str, reference: date | None) -> date | None:
    """The day a lead's date names; a missing year comes from ``reference``."""
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    month = next((dates.month_number(w) for w in re.findall(r"[A-Za-z]+\.?", text)
                  if dates.month_number(w)), None)
    if month is None or not numbers:
        return None
    day, year = numbers[0], (numbers[1] if len(numbers) > 1 else None)
    if year is not None:
        try:
            return date(dates.full_year(year, reference), month, day)
        except ValueError:
            return None
    return dates.nearest_date(month, day, reference) if reference else None


def lead_span(text: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """Offsets of a lead dateline read at ingest (``Article.dateline_start``/``_end``, its
    place), from the place to the end of its separator: ``Niamey (Niger), May 3 (ANI):``.

    Later stages call this instead of reading the text's top again, so the shape of a lead
    dateline is known in this module alone."""
    if start is None or end is None:
        return None
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    match = _lead_pattern().match(line)
    if match is None or line_start + match.start("place") != start:
        return start, end
    return start, line_start + (match.end("sep") if match["sep"] else match.end("place"))


@cache
def _months_alternation() -> str:
    return "|".join(sorted(dates.words()["months"], key=len, reverse=True))
