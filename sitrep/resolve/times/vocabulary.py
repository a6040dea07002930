"""The words the time tagger knows, read from ``sitrep/codebook/times/`` (users may extend them).

Months, weekdays, two-digit years and time zones come from the calendar table every date
reader shares (:mod:`sitrep.ingest.dates`), number words from the codebook's one list
(``cues/quantities.json``); the rest (``vocabulary.json``) is the tagger's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sitrep.codebook.lexicon import load_codebook
from sitrep.errors import SetupError
from sitrep.ingest.dates import calendar_words, load_times_json, timezones, zone_regions


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Month, weekday, season, number, unit and reference words, plus time-zone offsets.

    ``words`` holds the lists the patterns are built from, by role (``vocabulary.json``
    documents each)."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    seasons: dict[str, dict[str, Any]]
    ambiguous_seasons: frozenset[str]
    numbers: dict[str, float]
    vague_quantities: dict[str, float]
    units: dict[str, dict[str, Any]]
    ordinals: dict[str, int]
    modifiers: dict[str, str]
    relative_words: dict[str, int]
    day_parts: dict[str, str]
    references: dict[str, dict[str, Any]]
    sets: dict[str, str]
    holidays: dict[str, tuple[int, int]]
    timezones: dict[str, str]
    words: dict[str, Any]
    time_words: frozenset[str] = frozenset()
    """Single words that name a time (months, weekdays, seasons, parts of day, units): a
    capitalised one after a calendar word continues the time rather than a name."""
    zone_regions: dict[str, str] = field(default_factory=dict)
    """Zones that move with daylight saving, by abbreviation: the region whose offset on the
    day they read ("ET": America/New_York)."""
    movable_holidays: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Feasts whose day moves with the year: days from Easter, the nth weekday of a month (and
    days after it), or a table of days by year for a feast of another calendar."""

    def word_list(self, role: str) -> list[str]:
        """One role's words (the keys, where the role maps words to values)."""
        return list(self.words[role])


@cache
def load_vocabulary() -> Vocabulary:
    """Read the vocabulary once per process."""
    data = load_times_json("vocabulary.json")
    calendar = calendar_words()
    try:
        return Vocabulary(
            months=calendar["months"],
            ambiguous_months=frozenset(calendar["ambiguous_months"]),
            weekdays=calendar["weekdays"],
            seasons=data["seasons"],
            ambiguous_seasons=frozenset(data["ambiguous_seasons"]),
            numbers={**load_codebook().cues["number_words"], **data["number_phrases"]},
            vague_quantities=data["vague_quantities"],
            units=data["units"],
            ordinals=data["ordinals"],
            modifiers=data["modifiers"],
            relative_words=data["relative_words"],
            day_parts=data["day_parts"],
            references=data["references"],
            sets=data["sets"],
            holidays={k: (v[0], v[1]) for k, v in data["holidays"].items()},
            movable_holidays=data["movable_holidays"],
            timezones=timezones(),
            zone_regions=zone_regions(),
            words=data["words"],
            time_words=frozenset(w.rstrip(".") for w in [
                *calendar["months"], *calendar["weekdays"], *data["seasons"],
                *data["day_parts"], *data["units"]] if " " not in w),
        )
    except KeyError as error:
        raise SetupError(f"codebook file times/vocabulary.json lacks {error}") from error


def points_back(text: str) -> bool:
    """Whether a time's own words put it before the reference, whatever the tense of its
    clause: a backward relative word ("last month", "the previous week"), a day word
    ("yesterday") or an "ago" ("two days ago"). "Friday" or "March 3" do not: the clause
    chooses their side."""
    vocab = load_vocabulary()
    lowered = " ".join(text.lower().split())
    words = set(lowered.split())
    backward = {w for w, step in vocab.words["relative"].items() if int(step) < 0}
    backward |= {w for w, step in vocab.words["ago"].items() if int(step) < 0}
    backward |= {w for w, step in vocab.words["anchored_ago"].items() if int(step) < 0}
    days = [w for w, step in vocab.relative_words.items() if int(step) < 0]
    return bool(words & backward) or any(day in lowered for day in days)
