"""Counts of events for the page's map and timeline: by location country, and by day, week,
month or year, each split by modality.

The page shows these instead of the events themselves while a view holds more events than it can
draw, so a store of a million events opens as fast as one of ten. Two small tables kept by
triggers answer the page's usual questions without reading events: ``event_days`` (date range
and modality: the timeline, and its span) and ``event_places`` (location country, type and
modality: the map); a third, ``country_totals``, gives the total of a page by one actor or
recipient country. Any other filter counts the matching events themselves, under the same
filters as the event list (one definition of each filter), from covering indexes; a text
search counts its :data:`~sitrep.query.TEXT_TOTAL_CAP` latest matches (read from the full-text
indexes, as the event list reads them), so a common word costs what a rare one does, and says
it stopped there (``exact`` false), as the event list's total does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import Any

from sitrep.query import TEXT_TOTAL_CAP
from sitrep.store.db import EventQuery, Store, _where

UNITS = ("day", "week", "month", "year")
"""Bucket sizes, finest first."""

# A bucket's first day, from an ISO day expression (weeks start on Monday).
_BUCKET_START = {
    "day": "{d}",
    "week": "date({d}, '-6 days', 'weekday 1')",
    "month": "substr({d}, 1, 7) || '-01'",
    "year": "substr({d}, 1, 4) || '-01-01'",
}
# The most buckets a unit gives before the next coarser one is chosen.
MAX_BUCKETS = 160
LONG_DAYS = 366
"""Events lasting this long or longer ("since 2014") do not widen the span the page opens on."""


@dataclass(slots=True)
class Count:
    """Events in one bucket (a country, or a run of days), split by modality."""

    key: str
    count: int = 0
    modality: dict[str, int] = field(default_factory=dict)

    def add(self, modality: str, events: int) -> None:
        self.count += events
        self.modality[modality] = self.modality.get(modality, 0) + events


@dataclass(slots=True)
class _Source:
    """Where counts come from (a table of counts, or the events), with its columns named."""

    table: str
    weight: str
    where: list[str]
    params: list[Any]
    start: str = "NULL"
    end: str = "NULL"
    country: str = "NULL"
    exact: bool = True
    """False when a text search's matches were counted up to :data:`TEXT_TOTAL_CAP` only."""

    def sql(self, select: str, extra: str = "", group: str = "") -> str:
        clauses = [*self.where, extra] if extra else self.where
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        return f"SELECT {select} FROM {self.table}{where}{f' GROUP BY {group}' if group else ''}"


_PAGING = {"limit", "offset", "after", "newest"}


def _only(q: EventQuery, kept: set[str]) -> bool:
    """Whether ``q`` filters on nothing but ``kept``."""
    return all(f.name in kept | _PAGING or getattr(q, f.name) in (None, False, "")
               for f in fields(q))


def _counted(q: EventQuery) -> tuple[list[str], list[Any]]:
    """The clauses of ``q`` on a table of counts ('' there stands for no date)."""
    clauses: list[str] = ["c.events > 0"]  # rows whose events were all deleted stay at zero
    params: list[Any] = []
    if q.event_type:
        clauses.append("c.event_type = ?")
        params.append(q.event_type.upper())
    if q.modality:
        clauses.append("c.modality = ?")
        params.append(q.modality.lower())
    if q.since:
        clauses.append("c.date_end != '' AND c.date_end >= ?")
        params.append(q.since)
    if q.until:
        clauses.append("c.date_start != '' AND c.date_start <= ?")
        params.append(q.until)
    return clauses, params


def _by_days(q: EventQuery) -> _Source | None:
    """``event_days`` (date range x modality) when it holds the answer."""
    if not _only(q, {"modality", "since", "until"}):
        return None
    clauses, params = _counted(q)
    return _Source("event_days c", "c.events", clauses, params,
                   start="nullif(c.date_start, '')", end="nullif(c.date_end, '')")


def _by_places(q: EventQuery) -> _Source | None:
    """``event_places`` (country x type x modality) when it holds the answer."""
    if not _only(q, {"event_type", "modality"}):
        return None
    clauses, params = _counted(q)
    return _Source("event_places c", "c.events", clauses, params,
                   country="nullif(c.location_country, '')")


def _events(store: Store, q: EventQuery) -> _Source:
    """The matching events themselves, under the event list's own filters. A ``since`` also
    bounds the first day from below (the earliest start of an event still running then, read
    from ``event_days``), so the date index is read from there rather than from its start. A
    text search is the :func:`_matches` it gives."""
    if q.text:
        return _matches(store, q)
    where, params = _where(q)
    clauses = [where.removeprefix("WHERE ")] if where else []
    if q.since:
        rows = _rows(store, "SELECT min(date_start) FROM event_days WHERE events > 0 "
                            "AND date_end != '' AND date_end >= ?", [q.since])
        clauses.append("e.date_start >= ?")
        params = [*params, rows[0][0] or q.since]
    return _Source("events e", "1", clauses, params, start="e.date_start", end="e.date_end",
                   country="e.location_country")


def _matches(store: Store, q: EventQuery) -> _Source:
    """A text search's latest :data:`TEXT_TOTAL_CAP` matches (every other filter applied while
    they are read), found through the full-text indexes as the event list finds them: a
    condition on every event (``events_fts MATCH ... OR`` an article match) would read the
    whole store."""
    seqs = store.text_matches(q, at_most=TEXT_TOTAL_CAP)
    return _Source("events e", "1", ["e.seq IN (SELECT value FROM json_each(?))"],
                   [json.dumps(seqs)], start="e.date_start", end="e.date_end",
                   country="e.location_country", exact=len(seqs) < TEXT_TOTAL_CAP)


def _rows(store: Store, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with store._lock:
        return [tuple(row) for row in store.conn.execute(sql, params).fetchall()]


def kept_count(store: Store, q: EventQuery) -> int | None:
    """The number of events ``q`` selects, read from a table of counts when one holds the
    answer (filters on dates and modality, on type and modality, or on one actor or
    recipient country alone); None otherwise."""
    for role, name in (("actor", "country"), ("recipient", "recipient_country")):
        country = getattr(q, name)
        if country and _only(q, {name}):
            rows = _rows(store, "SELECT events FROM country_totals WHERE country = ? AND "
                                "role = ?", [country, role])
            return int(rows[0][0]) if rows else 0
    src = _by_days(q) or _by_places(q)
    if src is None:
        return None
    rows = _rows(store, src.sql(f"coalesce(sum({src.weight}), 0)"), src.params)
    return int(rows[0][0])


def country_counts(store: Store, q: EventQuery) -> tuple[list[Count], int, bool]:
    """Matching events per location country (most first), the number with no country, and
    whether every match was counted (see :func:`_matches`)."""
    src = _by_places(q) or _events(store, q)
    rows = _rows(store, src.sql(f"{src.country}, modality, sum({src.weight})",
                                group=f"{src.country}, modality"), src.params)
    counts: dict[str, Count] = {}
    unplaced = 0
    for country, modality, events in rows:
        if country is None:
            unplaced += events
        else:
            counts.setdefault(country, Count(country)).add(modality, events)
    ranked = sorted(counts.values(), key=lambda c: (-c.count, c.key))
    return ranked, unplaced, src.exact


def time_counts(store: Store, q: EventQuery, unit: str) -> tuple[list[Count], int, bool]:
    """Matching events per bucket of ``unit`` by their first day (in date order), the number
    of undated ones, and whether every match was counted (see :func:`_matches`)."""
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}; one of {', '.join(UNITS)}")
    src = _by_days(q) or _events(store, q)
    bucket = _BUCKET_START[unit].format(d=src.start)
    rows = _rows(store, src.sql(f"{bucket}, modality, sum({src.weight})",
                                group=f"{bucket}, modality"), src.params)
    counts: dict[str, Count] = {}
    undated = 0
    for start, modality, events in rows:
        if start is None:
            undated += events
        else:
            counts.setdefault(start, Count(start)).add(modality, events)
    return [counts[k] for k in sorted(counts)], undated, src.exact


def date_span(store: Store, q: EventQuery) -> tuple[str | None, str | None]:
    """The first and last day of the matching events, leaving out those lasting a year or more
    when shorter ones exist (so a few "since 2014" events do not squeeze all the others)."""
    src = _by_days(q) or _events(store, q)
    short = f"julianday({src.end}) - julianday({src.start}) < {LONG_DAYS}"
    for extra in (f"{src.start} IS NOT NULL AND {short}", f"{src.start} IS NOT NULL"):
        rows = _rows(store, src.sql(f"min({src.start}), max({src.end})", extra), src.params)
        if rows and rows[0][0] is not None:
            return rows[0][0], rows[0][1]
    return None, None


def unit_for(first: str, last: str) -> str:
    """The finest unit that shows ``first``..``last`` in at most :data:`MAX_BUCKETS` buckets."""
    lo, hi = date.fromisoformat(first), date.fromisoformat(last)
    days = (hi - lo).days + 1
    buckets = {"day": days, "week": days // 7 + 2,
               "month": (hi.year - lo.year) * 12 + hi.month - lo.month + 1}
    for unit in ("day", "week", "month"):
        if buckets[unit] <= MAX_BUCKETS:
            return unit
    return "year"


def bucket_end(start: str, unit: str) -> str:
    """The last day of the bucket of ``unit`` that begins on ``start``."""
    first = date.fromisoformat(start)
    if unit == "day":
        last = first
    elif unit == "week":
        last = first + timedelta(days=6)
    elif unit == "month":
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        last = following - timedelta(days=1)
    else:
        last = date(first.year, 12, 31)
    return last.isoformat()
