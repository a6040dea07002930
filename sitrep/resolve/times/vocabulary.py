"""The words the time tagger knows, read from the package's data files (users may extend them)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from sitrep.errors import SetupError
from sitrep.ingest.dates import timezones

DATA_PACKAGE = "sitrep.resolve.times"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Month, weekday, season, number, unit and reference words, plus time-zone offsets."""

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


def _read(name: str) -> str:
    try:
        return resources.files(DATA_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as error:
        raise SetupError(f"time vocabulary file {name} is missing: {error}") from error


@cache
def load_vocabulary() -> Vocabulary:
    """Read the vocabulary once per process."""
    try:
        data = json.loads(_read("vocabulary.json"))
    except json.JSONDecodeError as error:
        raise SetupError(f"time vocabulary is not valid JSON: {error}") from error
    return Vocabulary(
        months=data["months"],
        ambiguous_months=frozenset(data["ambiguous_months"]),
        weekdays=data["weekdays"],
        seasons=data["seasons"],
        ambiguous_seasons=frozenset(data["ambiguous_seasons"]),
        numbers=data["numbers"],
        vague_quantities=data["vague_quantities"],
        units=data["units"],
        ordinals=data["ordinals"],
        modifiers=data["modifiers"],
        relative_words=data["relative_words"],
        day_parts=data["day_parts"],
        references=data["references"],
        sets=data["sets"],
        holidays={k: (v[0], v[1]) for k, v in data["holidays"].items()},
        timezones=timezones(),
    )
