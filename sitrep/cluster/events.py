"""Same-event merging: reports of one real-world event from different articles become a cluster.

The thresholds live in ``same_event.json`` so they can be tuned without touching code.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from sitrep.errors import SetupError
from sitrep.model import Event

RULES_FILE = "same_event.json"


@dataclass(frozen=True, slots=True)
class SameEventRules:
    """The loaded ``same_event.json``: pairs as frozensets so order does not matter."""

    compatible_types: frozenset[frozenset[str]]
    date_tolerance_days: int
    unknown_actor_matches: bool
    unknown_date_matches: bool
    conflicting_modalities: frozenset[frozenset[str]]


@cache
def load_rules() -> SameEventRules:
    """Read the packaged rules once; a missing or malformed file is a setup error."""
    path = resources.files("sitrep.cluster").joinpath(RULES_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return SameEventRules(
            compatible_types=frozenset(frozenset(p) for p in data["compatible_types"]),
            date_tolerance_days=int(data["date_tolerance_days"]),
            unknown_actor_matches=bool(data["unknown_actor_matches"]),
            unknown_date_matches=bool(data["unknown_date_matches"]),
            conflicting_modalities=frozenset(frozenset(p) for p in data["conflicting_modalities"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SetupError(f"sitrep.cluster/{RULES_FILE}: {error}") from error


@dataclass(slots=True)
class EventCluster:
    """One real-world event and the reports of it.

    ``id`` is a hash of the sorted member ids: the same members give the same id in every run.
    ``representative`` is the member that says the most (see :func:`representative`).
    """

    id: str
    event_ids: list[str]
    doc_ids: list[str]
    representative: Event
    members: list[Event] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "event_ids": self.event_ids, "doc_ids": self.doc_ids,
                "representative": self.representative.to_dict()}


def same_event(a: Event, b: Event, rules: SameEventRules | None = None) -> bool:
    """Whether two events from different articles report the same real-world event.

    Contract: never true for two events of one article. Otherwise all must hold: types equal or
    compatible (same quad and listed in ``same_event.json``); actor countries overlap (an unknown
    side matches only if the rules say so); recipient countries overlap when both are known;
    location countries equal when both are known; date ranges overlap (with the tolerance) when
    both are known; modalities not in conflict (asserted vs negated).
    """
    rules = rules or load_rules()
    if a.doc_id == b.doc_id:
        return False
    return (types_agree(a, b, rules)
            and _countries_agree(_countries(a.actors), _countries(b.actors),
                                 rules.unknown_actor_matches)
            and _countries_agree(_countries(a.recipients), _countries(b.recipients), True)
            and _location_agrees(a, b)
            and dates_overlap(a, b, rules)
            and frozenset((a.modality, b.modality)) not in rules.conflicting_modalities)


def types_agree(a: Event, b: Event, rules: SameEventRules) -> bool:
    """Equal types, or compatible types of the same PLOVER quad."""
    if a.event_type == b.event_type:
        return True
    same_quad = a.quad is not None and a.quad == b.quad
    return same_quad and frozenset((a.event_type, b.event_type)) in rules.compatible_types


def dates_overlap(a: Event, b: Event, rules: SameEventRules) -> bool:
    """Inclusive ranges overlap once widened by the tolerance; unknown dates per the rules."""
    range_a, range_b = _date_range(a), _date_range(b)
    if range_a is None or range_b is None:
        return rules.unknown_date_matches
    slack = timedelta(days=rules.date_tolerance_days)
    return range_a[0] - slack <= range_b[1] and range_b[0] - slack <= range_a[1]


def merge_events(events: Iterable[Event], rules: SameEventRules | None = None
                 ) -> list[EventCluster]:
    """Group events into clusters of reports of one real-world event.

    Contract: every input event is in exactly one cluster (singletons included); a cluster never
    holds two events of the same article, even through a chain of matches; clusters follow the
    order of their first member in the input, members keep input order. Deterministic: the same
    events give the same clusters and ids.
    """
    rules = rules or load_rules()
    items = _unique(events)
    groups: list[list[int]] = [[i] for i in range(len(items))]
    owner = list(range(len(items)))
    for i, j in _matching_pairs(items, rules):
        gi, gj = owner[i], owner[j]
        if gi == gj or _share_article(items, groups[gi], groups[gj]):
            continue
        keep, drop = min(gi, gj), max(gi, gj)
        for k in groups[drop]:
            owner[k] = keep
        groups[keep] = sorted(groups[keep] + groups[drop])
        groups[drop] = []
    return [_cluster([items[k] for k in group]) for group in groups if group]


def representative(events: list[Event]) -> Event:
    """The member that says the most: asserted, most confident, located, narrowest date."""
    def key(event: Event) -> tuple:
        span = _date_range(event)
        width = (span[1] - span[0]).days if span else 10**6
        return (event.modality != "asserted", -event.confidence, event.location is None,
                width, event.id)

    return min(events, key=key)


def cluster_id(event_ids: Iterable[str]) -> str:
    """Stable id of a set of event ids, order-free."""
    key = "|".join(sorted(event_ids))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _unique(events: Iterable[Event]) -> list[Event]:
    seen: dict[str, Event] = {}
    for event in events:
        seen.setdefault(event.id, event)
    return list(seen.values())


def _matching_pairs(items: list[Event], rules: SameEventRules) -> Iterable[tuple[int, int]]:
    """Pairs that report one event, compared only within a type or a compatible pair of types
    so the quadratic part stays small."""
    by_type: dict[str, list[int]] = {}
    for index, event in enumerate(items):
        by_type.setdefault(event.event_type, []).append(index)
    candidates: set[tuple[int, int]] = set()
    for members in by_type.values():
        candidates.update((i, j) for n, i in enumerate(members) for j in members[n + 1:])
    for pair in rules.compatible_types:
        left, right = sorted(pair)
        for i in by_type.get(left, []):
            candidates.update((min(i, j), max(i, j)) for j in by_type.get(right, []))
    return sorted(p for p in candidates if same_event(items[p[0]], items[p[1]], rules))


def _share_article(items: list[Event], left: list[int], right: list[int]) -> bool:
    return not {items[k].doc_id for k in left}.isdisjoint(items[k].doc_id for k in right)


def _cluster(members: list[Event]) -> EventCluster:
    ids = [e.id for e in members]
    docs = list(dict.fromkeys(e.doc_id for e in members))
    return EventCluster(id=cluster_id(ids), event_ids=ids, doc_ids=docs,
                        representative=representative(members), members=members)


def _countries(actors: list) -> set[str]:
    return {actor.country for actor in actors if actor.country}


def _countries_agree(left: set[str], right: set[str], unknown_matches: bool) -> bool:
    if not left or not right:
        return unknown_matches
    return not left.isdisjoint(right)


def _location_agrees(a: Event, b: Event) -> bool:
    code_a = a.location.country_code if a.location else None
    code_b = b.location.country_code if b.location else None
    return code_a is None or code_b is None or code_a == code_b


def _date_range(event: Event) -> tuple[date, date] | None:
    """The event's inclusive range; an open end takes the other end's day."""
    if event.date is None:
        return None
    start, end = _day(event.date.start), _day(event.date.end)
    if start is None and end is None:
        return None
    return (start or end, end or start)  # type: ignore[return-value]


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
