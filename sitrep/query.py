"""The event filters, declared once: what ``sitrep events``/``export``, the HTTP API and the page
accept, how each value is checked, and the :class:`EventQuery` they become.

The CLI builds its options and the API its query parameters from :data:`FILTERS`, and both
hand the raw values to :func:`parse_filters` and :func:`parse_page`, so a value is accepted or
refused the same way everywhere. A refusal is a :class:`QueryError` that names the parameter,
the value and the accepted values; the CLI turns it into exit code 2, the API into a 422.

This module imports no NLP code: listing events must not load spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sitrep.errors import SitrepError

MODALITIES = ("asserted", "future", "hypothetical", "negated")
MAX_PAGE = 1000
"""The most events one API page returns; the CLI and exports stream without this bound."""
DEFAULT_PAGE = 100
TEXT_TOTAL_CAP = 1000
"""A text search's ``total`` counts its matches up to this many (the API says ``total_exact:
false`` when it stopped there): its matches are read one by one from the full-text indexes,
so a common word would otherwise cost a read of every event that contains it."""
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CODE = re.compile(r"^[A-Za-z]{3}$")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class QueryError(SitrepError):
    """A filter or paging value that is refused: names the parameter and the reason."""

    status = 422

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


@dataclass(frozen=True, slots=True)
class BBox:
    """A box on the map in degrees. ``west`` > ``east`` is a box across the 180th meridian
    (from ``west`` eastwards to 180, then from -180 to ``east``)."""

    west: float
    south: float
    east: float
    north: float

    def lon_ranges(self) -> list[tuple[float, float]]:
        """The box's longitudes as one or two ranges west..east that do not cross 180."""
        if self.west <= self.east:
            return [(self.west, self.east)]
        return [(self.west, 180.0), (-180.0, self.east)]

    def __str__(self) -> str:
        return ",".join(f"{v:g}" for v in (self.west, self.south, self.east, self.north))


@dataclass(slots=True)
class EventQuery:
    """Checked filters and paging, as the store reads them.

    ``country`` is an actor's country, ``recipient_country`` a recipient's (ISO alpha-3 or a
    PLOVER non-state code). ``bbox`` keeps the events pinned to a point inside the box
    (places as precise as :data:`~sitrep.model.PINNED_PRECISIONS`). ``after`` is a keyset
    cursor, the id of the last event of the previous page: deep pages cost as little as the
    first. ``limit=None`` means every matching event. Events come in date order, undated last
    (``newest``: latest first, undated still last); a ``text`` search comes in the order the
    events were stored (newest stored first with ``newest``), which its index reads without
    visiting every match.
    """

    event_type: str | None = None
    country: str | None = None
    recipient_country: str | None = None
    actor: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None
    modality: str | None = None
    text: str | None = None
    article_id: str | None = None
    bbox: BBox | None = None
    merged: bool = False
    newest: bool = False
    limit: int | None = DEFAULT_PAGE
    offset: int = 0
    after: str | None = None


@dataclass(frozen=True, slots=True)
class Filter:
    """One filter: its parameter name (``--name-with-dashes`` on the command line), the
    :class:`EventQuery` field it sets, a help line, and the parser that checks a raw value."""

    name: str
    field: str
    help: str
    parse: Callable[[str], Any]
    flag: bool = False

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")


def _event_types() -> tuple[str, ...]:
    from sitrep.codebook.lexicon import load_codebook

    return tuple(load_codebook().types)


def parse_event_type(value: str) -> str:
    name = value.strip().upper()
    known = _event_types()
    if name not in known:
        raise ValueError(f"unknown event type {value!r}; one of {', '.join(known)}")
    return name


@cache
def _non_state_codes() -> frozenset[str]:
    from sitrep.codebook.actor_tables import load_actor_tables

    return frozenset(load_actor_tables().non_state)


def load_filter_tables() -> None:
    """Read now the tables the filters check a country or a place against (country codes and
    names, the non-state codes). A server calls this before it answers: loaded by its first
    requests instead, they cost each of them 20 to 45 ms, more when several arrive at once."""
    from sitrep.resolve.places.countries import all_countries, country_for_name

    _non_state_codes()
    first = next(iter(all_countries().values()), None)
    if first is not None:
        country_for_name(first.name)  # builds the index of names


def parse_country(value: str) -> str:
    """An ISO 3166-1 alpha-3 code, a PLOVER non-state code, or a country name → the code."""
    from sitrep.resolve.places.countries import country_by_iso3, country_for_name

    text = value.strip()
    if _CODE.match(text):
        code = text.upper()
        if country_by_iso3(code) or code in _non_state_codes():
            return code
    country = country_for_name(text) if text else None
    if country is None:
        codes = ", ".join(sorted(_non_state_codes()))
        raise ValueError(f"unknown country {value!r}; give an ISO 3166-1 alpha-3 code such as "
                         f"SDN or USA, a country name such as Sudan, or one of {codes}")
    return country.iso3


def parse_place(value: str) -> str | None:
    """A place: a country (as :func:`parse_country` reads it) becomes its code; anything else
    is a place name, matched exactly but for case. Blank is no filter."""
    text = value.strip()
    if not text:
        return None
    try:
        return parse_country(text)
    except ValueError:
        return text


def place_country(place: str) -> str | None:
    """The country code a checked ``place`` value stands for, or None for a place name."""
    from sitrep.resolve.places.countries import country_by_iso3

    if _CODE.match(place) and place.isupper() and (
            country_by_iso3(place) or place in _non_state_codes()):
        return place
    return None


def parse_day(value: str) -> str:
    """A calendar day written YYYY-MM-DD, and only that (03/05/2025 is ambiguous)."""
    text = value.strip()
    try:
        if not _ISO_DAY.match(text):
            raise ValueError
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not a day; write it YYYY-MM-DD, e.g. 2025-03-05"
                         ) from None


def parse_modality(value: str) -> str:
    name = value.strip().lower()
    if name not in MODALITIES:
        raise ValueError(f"unknown modality {value!r}; one of {', '.join(MODALITIES)}")
    return name


def parse_words(value: str) -> str | None:
    """Free text: matched literally (``%`` and ``_`` are plain characters); blank is no filter."""
    return value.strip() or None


_BBOX_HELP = "give west,south,east,north in degrees, e.g. -5.5,10,4,20.5"


def parse_bbox(value: str) -> BBox:
    """``west,south,east,north`` in degrees: longitudes -180..180, latitudes -90..90 with
    south ≤ north; a west beyond the east is a box across the 180th meridian."""
    parts = [p.strip() for p in value.split(",")]
    try:
        if len(parts) != 4:
            raise ValueError
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise ValueError(f"{value!r} is not a box; {_BBOX_HELP}") from None
    if not all(-180 <= lon <= 180 for lon in (west, east)):
        raise ValueError(f"{value!r}: longitudes must lie between -180 and 180; {_BBOX_HELP}")
    if not all(-90 <= lat <= 90 for lat in (south, north)):
        raise ValueError(f"{value!r}: latitudes must lie between -90 and 90; {_BBOX_HELP}")
    if south > north:
        raise ValueError(f"{value!r}: south ({south:g}) is north of north ({north:g}); "
                         f"{_BBOX_HELP}")
    return BBox(west, south, east, north)


def parse_flag(value: str | bool) -> bool:
    if isinstance(value, bool):
        return value
    text = value.strip().lower()
    if text in _TRUE | _FALSE:
        return text in _TRUE
    raise ValueError(f"{value!r} is not a yes/no value; use true or false")


FILTERS: tuple[Filter, ...] = (
    Filter("type", "event_type", "PLOVER event type, e.g. RETREAT (any case).", parse_event_type),
    Filter("country", "country", "Actor country: ISO alpha-3 (SDN), PLOVER code (IGO) or name "
           "(Sudan).", parse_country),
    Filter("recipient_country", "recipient_country", "Recipient country, as --country.",
           parse_country),
    Filter("actor", "actor", "Words in an actor's or recipient's text.", parse_words),
    Filter("place", "place", "Where the event took place: a country (code or name, e.g. NER or "
           "Niger) or a place name as stored (e.g. Niamey, any case).", parse_place),
    Filter("since", "since", "Events whose date range ends on or after this day (YYYY-MM-DD).",
           parse_day),
    Filter("until", "until", "Events whose date range starts on or before this day "
           "(YYYY-MM-DD).", parse_day),
    Filter("modality", "modality", f"One of {', '.join(MODALITIES)}.", parse_modality),
    Filter("text", "text", "Words in the evidence sentence or the article text.", parse_words),
    Filter("article_id", "article_id", "Events of one article (its id).", parse_words),
    Filter("bbox", "bbox", "Events pinned to a point (a facility, city or district) inside "
           "WEST,SOUTH,EAST,NORTH, in degrees.", parse_bbox),
    Filter("merged", "merged", "One row per real-world event: reports from other outlets "
           "merged.", parse_flag, flag=True),
    Filter("newest", "newest", "Newest first: the latest dates first, undated events last (a "
           "text search: the most recently stored first).", parse_flag, flag=True),
)


def parse_filters(raw: Mapping[str, Any]) -> EventQuery:
    """An :class:`EventQuery` (no paging) from raw values keyed by filter name.

    Missing, ``None`` and blank values are no filter (a form sends its empty fields as
    ``country=``). Raises :class:`QueryError` for the first value refused, naming the filter as
    the caller spells it (``--type`` or ``type``).
    """
    query = EventQuery(limit=None)
    for spec in FILTERS:
        value = raw.get(spec.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        try:
            setattr(query, spec.field, spec.parse(value))
        except ValueError as exc:
            raise QueryError(spec.name, str(exc)) from None
    if query.since and query.until and query.since > query.until:
        raise QueryError("since", f"since ({query.since}) is after until ({query.until})")
    return query


def parse_page(query: EventQuery, *, limit: int | str | None, offset: int | str | None = 0,
               after: str | None = None, max_limit: int | None = MAX_PAGE) -> EventQuery:
    """``query`` with its paging checked and set: ``limit`` 1..``max_limit`` (None: no bound
    on the command line), ``offset`` ≥ 0, ``after`` the id of the last event of the previous
    page."""
    query.limit = None if limit is None else _bounded_int("limit", limit, 1, max_limit)
    query.offset = _bounded_int("offset", offset or 0, 0, None)
    if after is not None:
        query.after = after.strip() or None
    return query


def _bounded_int(name: str, value: int | str, low: int, high: int | None) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise QueryError(name, f"{value!r} is not a whole number") from None
    if number < low or (high is not None and number > high):
        span = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise QueryError(name, f"{number} is out of range; give a number {span}")
    return number
