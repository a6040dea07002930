"""What the store indexes about an event besides its record: the sort key of keyset paging, the
day numbers and span class of the same-event lookup, and one row per actor or recipient country.

The writer and the migration that fills older stores both compute them here, so a store holds
the same keys whatever wrote it.
"""

from __future__ import annotations

import hashlib
import json
import typing
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from functools import cache

from sitrep.model import SCHEMA_VERSION, Event

SPAN_CAPS = (0, 7, 31, 92, 366, 3660)
"""Span classes: an event whose range is at most ``SPAN_CAPS[k]`` days long is in class ``k``;
longer ones in ``len(SPAN_CAPS)``; undated ones in :data:`UNDATED`. The same-event lookup
searches each class over a window widened by its cap, so it stays an index range scan."""
WIDE = len(SPAN_CAPS)
UNDATED = -1
NO_COUNTRY = ""
"""The country row of an event whose actors have no known country (the same-event rules may
let an unknown side match)."""
LAST = "~"
"""Sorts after every ISO date: undated events come last."""
SEP = "\x1f"


@dataclass(frozen=True, slots=True)
class EventKeys:
    event_type: str
    sort_key: str
    day_start: int | None
    day_end: int | None
    span_class: int
    actor_countries: tuple[str, ...]
    recipient_countries: tuple[str, ...]


def event_keys(event: Event | str) -> EventKeys:
    """The keys of an event (or of its stored JSON record)."""
    if isinstance(event, str):
        event = Event.from_dict(json.loads(event))
    days = day_range(event)
    start = event.date.start if event.date else None
    return EventKeys(
        event_type=event.event_type,
        sort_key=SEP.join((start or LAST, event.doc_id, event.id)),
        day_start=days[0] if days else None,
        day_end=days[1] if days else None,
        span_class=span_class(days),
        actor_countries=tuple(sorted({a.country for a in event.actors if a.country})),
        recipient_countries=tuple(sorted({a.country for a in event.recipients if a.country})),
    )


def day_range(event: Event) -> tuple[int, int] | None:
    """Inclusive day numbers (proleptic ordinals) of the event's date; an open end takes the
    other end's day; None when undated or unreadable."""
    if event.date is None:
        return None
    start, end = _ordinal(event.date.start), _ordinal(event.date.end)
    if start is None and end is None:
        return None
    low, high = start or end, end or start
    assert low is not None and high is not None
    return (low, high) if low <= high else (high, low)


def span_class(days: tuple[int, int] | None) -> int:
    if days is None:
        return UNDATED
    span = days[1] - days[0]
    return next((k for k, cap in enumerate(SPAN_CAPS) if span <= cap), WIDE)


def country_rows(keys: EventKeys) -> list[tuple[str, str, str, int, int | None, str]]:
    """(role, country, event_type, span_class, day_start, sort_key) for ``event_countries``."""
    rest = (keys.event_type, keys.span_class, keys.day_start, keys.sort_key)
    actors = keys.actor_countries or (NO_COUNTRY,)
    return ([("actor", c, *rest) for c in actors]
            + [("recipient", c, *rest) for c in keys.recipient_countries])


def point_row(seq: int, event: Event | str) -> tuple[int, float, float, float, float] | None:
    """``(seq, lat, lat, lon, lon)`` for ``event_points`` when the event's place is a point on
    the map (:attr:`~sitrep.model.Location.pin`), else None."""
    if isinstance(event, str):
        event = Event.from_dict(json.loads(event))
    pin = event.location.pin if event.location else None
    if pin is None:
        return None
    lat, lon = pin
    return seq, lat, lat, lon, lon


def _ordinal(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


@cache
def record_shape() -> str:
    """A fingerprint of the shape of a stored record: the schema number and the fields of
    :class:`~sitrep.model.Event` and of every record it holds. The writer stores it with each
    record; a record stored under the running code's shape is its own ``to_dict()`` output
    and may be sent as stored, while one written by another version (a field added since)
    is decoded, which fills what it lacks."""
    shape: dict[str, list[str]] = {}
    _shape_of(Event, shape)
    text = json.dumps([SCHEMA_VERSION, sorted(shape.items())])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _shape_of(cls: type, shape: dict[str, list[str]]) -> None:
    if cls.__name__ in shape:
        return
    shape[cls.__name__] = [f.name for f in fields(cls)]
    for hint in typing.get_type_hints(cls).values():
        for kind in _kinds(hint):
            if is_dataclass(kind):
                _shape_of(kind, shape)


def _kinds(hint: object) -> list[type]:
    """The classes a type hint names (``list[Actor]``, ``Location | None``, ...)."""
    args = typing.get_args(hint)
    if not args:
        return [hint] if isinstance(hint, type) else []
    return [kind for arg in args for kind in _kinds(arg)]
