"""The situation that follows from the events as of a day: who has forces where, which
agreements stand, which withdrawals are under way, and what is expected.

Every statement carries the ids of the events it rests on, so a reader can open the evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sitrep.cluster.events import UNSTATED_PLACES
from sitrep.model import Event
from sitrep.situation.parties import parties
from sitrep.situation.rules import SituationRules, any_rule, load_rules, sentence_words, words

if TYPE_CHECKING:
    from sitrep.store.db import Store

COUNTRY_PRECISIONS = {"country", "region", None}
FACTS_VERSION = 1
"""The shape of :func:`facts`; a store rebuilds the facts it keeps when this (or the rules)
changes."""


@dataclass(slots=True)
class Presence:
    """Forces of ``actor_country`` at ``country`` (and ``place`` when finer than the country).

    ``status`` is ``present`` or ``withdrawing``; ``since`` the earliest start date of the events
    that show the forces there.
    """

    actor_country: str
    country: str
    place: str | None
    since: str | None
    status: str = "present"
    event_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Agreement:
    """An agreement between ``parties`` (sorted country codes): ``in force`` or ``ended``."""

    parties: list[str]
    status: str
    since: str | None
    context: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Withdrawal:
    """A withdrawal of ``actor_country``'s forces from ``country`` that is under way."""

    actor_country: str
    country: str
    place: str | None
    since: str | None
    event_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Expected:
    """An announced or planned event: it changes nothing until it is reported as done."""

    event_id: str
    event_type: str
    actor_countries: list[str]
    country: str | None
    start: str | None
    end: str | None


@dataclass(slots=True)
class Situation:
    as_of: str | None
    presence: list[Presence] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    withdrawals: list[Withdrawal] = field(default_factory=list)
    expected: list[Expected] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """What :func:`dataclasses.asdict` gives, built field by field: the entries are flat
        (strings and lists of strings), and a store's situation lists tens of thousands of
        expected events, which ``asdict`` would copy recursively one value at a time."""
        return {"as_of": self.as_of, "presence": [_plain(p) for p in self.presence],
                "agreements": [_plain(a) for a in self.agreements],
                "withdrawals": [_plain(w) for w in self.withdrawals],
                "expected": [_plain(e) for e in self.expected]}


def _plain(entry: Presence | Agreement | Withdrawal | Expected) -> dict[str, Any]:
    """A flat entry as a dict, its lists copied (as ``asdict`` copies them)."""
    return {name: list(value) if isinstance(value, list) else value
            for name in entry.__slots__ for value in (getattr(entry, name),)}


def situation(events: Iterable[Event], as_of: date | None = None,
              rules: SituationRules | None = None) -> Situation:
    """The state as of ``as_of`` (default: everything known).

    Contract: events are applied in date order (undated ones last, then by id), so the result
    does not depend on input order. An event that starts after ``as_of`` is not yet known.
    Only asserted events change the state; future ones are listed in ``expected`` unless their
    whole date range lies before ``as_of`` (without it: before the latest event's start, the
    day of the latest news); hypothetical and negated ones are ignored.
    A withdrawal under way also shows its forces as present with status ``withdrawing``; a
    completed one removes both. Entries are sorted for stable output.
    """
    rules = rules or load_rules()
    given = (facts(e, rules) for e in events)
    return replay(sorted((f for f in given if f is not None), key=_order), as_of)


def replay(ordered: Iterable[Facts], as_of: date | None = None) -> Situation:
    """The state from the :func:`facts` of the events, given in date order (undated last, then
    by id): what :func:`situation` does once it has them. The store keeps each event's facts
    as it is stored, in that order, so the situation of a large store reads no event."""
    state = _State()
    day = as_of.isoformat() if as_of else None
    latest = ""
    for given in ordered:
        start = given["start"]
        if day and start and start > day:
            continue  # not yet known
        latest = max(latest, (start or "")[:10])
        expected = given.get("expected")
        if expected is None:
            state.apply(given)
        elif not _past(expected["end"], day):
            state.expected.append(Expected(**expected))
    if day is None and latest:
        state.expected = [e for e in state.expected if not _past(e.end, latest)]
    return state.result(as_of)


def _past(end: str | None, day: str | None) -> bool:
    """Whether an expected event's date range, ending on ``end``, lies wholly before ``day``.
    Without ``as_of`` the day is that of the latest news the facts hold: a plan whose time had
    passed by then is no longer expected, however long the store's history (a store of years
    of news would otherwise list every plan it ever read)."""
    return bool(day and end and end[:10] < day)


def stored_situation(store: Store, as_of: date | None = None) -> Situation:
    """:func:`situation` of the merged events of a store, from the facts it keeps (read in
    order, those after ``as_of`` left out in the query)."""
    return replay(store.situation_facts(as_of.isoformat() if as_of else None), as_of)


Facts = dict[str, Any]
"""What one event gives the situation (:func:`facts`), as plain JSON values."""


def facts(event: Event, rules: SituationRules | None = None) -> Facts | None:
    """What an event gives the situation, or None when it bears on nothing (:func:`bears_on`).

    Always ``id`` and ``start`` (the order and the ``as_of`` cut). A future event gives its
    ``expected`` entry. An asserted one gives what its rules say: the (actor, country) pairs
    whose forces it shows ``present`` or ``withdrawing`` (``complete`` when the withdrawal is
    done), the ``place`` it states finer than a country, and the ``agreement`` status it
    sets with its ``parties`` and ``context``. Computed once per event from its whole record,
    so applying it needs nothing else of the event."""
    rules = rules or load_rules()
    if not bears_on(event, rules):
        return None
    given: Facts = {"id": event.id, "start": _start(event)}
    if event.modality not in rules.state_modalities:  # bearing on it, so expected
        given["expected"] = asdict(_expected(event))
        return given
    pairs = _places(event, rules)
    if any_rule(rules.presence_open, event):
        given["present"] = pairs
    if any_rule(rules.withdrawal, event):
        given["withdrawing"] = pairs
        given["complete"] = _complete(event, rules)
    location = event.location
    if location is not None and location.basis not in UNSTATED_PLACES \
            and location.precision not in COUNTRY_PRECISIONS:
        given["place"] = location.name or location.text
    if not rules.agreement_words.isdisjoint(sentence_words(event)):
        if any_rule(rules.agreement_close, event):
            given["agreement"] = "ended"
        elif any_rule(rules.agreement_open, event):
            given["agreement"] = "in force"
        if "agreement" in given:
            given["parties"] = parties(event)
            given["context"] = list(event.context)
    return given


def bears_on(event: Event, rules: SituationRules | None = None) -> bool:
    """Whether an event can change the situation or be listed as expected: an asserted event
    that opens, marks or closes a state, or a future one. The store keeps the :func:`facts`
    of these, so the situation reads them rather than every event."""
    rules = rules or load_rules()
    if event.modality in rules.expected_modalities:
        return True
    if event.modality not in rules.state_modalities:
        return False
    if any_rule(rules.presence_open, event) or any_rule(rules.withdrawal, event):
        return True
    return ((any_rule(rules.agreement_open, event) or any_rule(rules.agreement_close, event))
            and not rules.agreement_words.isdisjoint(sentence_words(event)))


class _State:
    """The mutable state while facts are applied; keyed by (actor, country) or parties."""

    def __init__(self) -> None:
        self.presence: dict[tuple[str, str], Presence] = {}
        self.withdrawals: dict[tuple[str, str], Withdrawal] = {}
        self.agreements: dict[tuple[str, ...], Agreement] = {}
        self.expected: list[Expected] = []

    def apply(self, given: Facts) -> None:
        for pair in given.get("present", ()):
            self._open_presence((pair[0], pair[1]), given)
        for pair in given.get("withdrawing", ()):
            self._withdraw((pair[0], pair[1]), given)
        if "agreement" in given:
            self._agreement(given)

    def _open_presence(self, key: tuple[str, str], given: Facts) -> None:
        entry = self.presence.get(key)
        if entry is None:
            entry = self.presence[key] = Presence(key[0], key[1], None, given["start"])
        _note(entry, given)

    def _withdraw(self, key: tuple[str, str], given: Facts) -> None:
        if given["complete"]:
            self.presence.pop(key, None)
            self.withdrawals.pop(key, None)
            return
        entry = self.presence.get(key)
        if entry is None:
            entry = self.presence[key] = Presence(key[0], key[1], None, given["start"])
        entry.status = "withdrawing"
        _note(entry, given)
        if key not in self.withdrawals:
            self.withdrawals[key] = Withdrawal(key[0], key[1], None, given["start"])
        _note(self.withdrawals[key], given)

    def _agreement(self, given: Facts) -> None:
        key = tuple(given["parties"])
        if not key:
            return
        status = given["agreement"]
        entry = self.agreements.get(key)
        if entry is None or entry.status != status:
            entry = self.agreements[key] = Agreement(
                list(key), status, given["start"], event_ids=entry.event_ids if entry else [])
        entry.context = sorted(set(entry.context) | set(given["context"]))
        if given["id"] not in entry.event_ids:
            entry.event_ids.append(given["id"])

    def result(self, as_of: date | None) -> Situation:
        return Situation(
            as_of=as_of.isoformat() if as_of else None,
            presence=sorted(self.presence.values(), key=lambda p: (p.country, p.actor_country)),
            agreements=sorted(self.agreements.values(), key=lambda a: a.parties),
            withdrawals=sorted(self.withdrawals.values(),
                               key=lambda w: (w.country, w.actor_country)),
            expected=self.expected,
        )


def _places(event: Event, rules: SituationRules) -> list[tuple[str, str]]:
    """(actor country, place country) pairs; the place is the location, else a recipient.

    With ``skip_domestic``, an event placed in the home country of one of its own actors
    says nothing about foreign forces there: it gives no pairs at all.
    """
    actors = sorted({a.country for a in event.actors if a.country})
    where = event.location.country_code if event.location else None
    if where is None:
        where = next((r.country for r in event.recipients
                      if r.country and r.country not in actors), None)
    if where is None:
        return []
    if rules.skip_domestic and where in actors:
        return []
    return [(actor, where) for actor in actors]


def _complete(event: Event, rules: SituationRules) -> bool:
    return (not rules.complete_triggers.isdisjoint(words(event.evidence.trigger))
            or not rules.complete_words.isdisjoint(sentence_words(event)))


def _note(entry: Presence | Withdrawal, given: Facts) -> None:
    """Add the event as evidence; keep the earliest start and the finest place name the event
    itself states (a dateline city is where the story was filed, not where the forces are)."""
    if given["id"] not in entry.event_ids:
        entry.event_ids.append(given["id"])
    start = given["start"]
    if start and (entry.since is None or start < entry.since):
        entry.since = start
    if "place" in given and entry.place is None:
        entry.place = given["place"]


def _order(given: Facts) -> tuple[bool, str, str]:
    start = given["start"]
    return (start is None, start or "", given["id"])


def _start(event: Event) -> str | None:
    if event.date is None:
        return None
    value = event.date.start or event.date.end
    return value[:10] if value else None


def _expected(event: Event) -> Expected:
    return Expected(
        event_id=event.id, event_type=event.event_type,
        actor_countries=sorted({a.country for a in event.actors if a.country}),
        country=event.location.country_code if event.location else None,
        start=event.date.start if event.date else None,
        end=event.date.end if event.date else None,
    )
