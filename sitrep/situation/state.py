"""The situation that follows from the events as of a day: who has forces where, which
agreements stand, which withdrawals are under way, and what is expected.

Every statement carries the ids of the events it rests on, so a reader can open the evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sitrep.model import Event
from sitrep.situation.parties import parties
from sitrep.situation.rules import SituationRules, any_rule, load_rules, sentence_words, words

COUNTRY_PRECISIONS = {"country", "region", None}


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
        return asdict(self)


def situation(events: Iterable[Event], as_of: date | None = None,
              rules: SituationRules | None = None) -> Situation:
    """The state as of ``as_of`` (default: everything known).

    Contract: events are applied in date order (undated ones last, then by id), so the result
    does not depend on input order. An event that starts after ``as_of`` is not yet known.
    Only asserted events change the state; future ones are listed in ``expected`` (unless their
    whole date range lies before ``as_of``); hypothetical and negated ones are ignored.
    A withdrawal under way also shows its forces as present with status ``withdrawing``; a
    completed one removes both. Entries are sorted for stable output.
    """
    rules = rules or load_rules()
    state = _State(rules)
    relevant = (e for e in events if bears_on(e, rules))
    for event in sorted(_known(relevant, as_of), key=_order):
        if event.modality in rules.state_modalities:
            state.apply(event)
        elif event.modality in rules.expected_modalities and not _past(event, as_of):
            state.expected.append(_expected(event))
    return state.result(as_of)


def bears_on(event: Event, rules: SituationRules | None = None) -> bool:
    """Whether an event can change the situation or be listed as expected: an asserted event
    that opens, marks or closes a state, or a future one. The store keeps an index of these,
    so the situation reads them rather than every event."""
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
    """The mutable state while events are applied; keyed by (actor, country) or parties."""

    def __init__(self, rules: SituationRules) -> None:
        self.rules = rules
        self.presence: dict[tuple[str, str], Presence] = {}
        self.withdrawals: dict[tuple[str, str], Withdrawal] = {}
        self.agreements: dict[tuple[str, ...], Agreement] = {}
        self.expected: list[Expected] = []

    def apply(self, event: Event) -> None:
        rules = self.rules
        if any_rule(rules.presence_open, event):
            for key in self._places(event):
                self._open_presence(key, event)
        if any_rule(rules.withdrawal, event):
            for key in self._places(event):
                self._withdraw(key, event)
        mentions_agreement = not rules.agreement_words.isdisjoint(sentence_words(event))
        if mentions_agreement and any_rule(rules.agreement_close, event):
            self._agreement(event, "ended")
        elif mentions_agreement and any_rule(rules.agreement_open, event):
            self._agreement(event, "in force")

    def _places(self, event: Event) -> list[tuple[str, str]]:
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
        if self.rules.skip_domestic and where in actors:
            return []
        return [(actor, where) for actor in actors]

    def _open_presence(self, key: tuple[str, str], event: Event) -> None:
        entry = self.presence.get(key)
        if entry is None:
            entry = self.presence[key] = Presence(key[0], key[1], None, _start(event))
        _note(entry, event)

    def _withdraw(self, key: tuple[str, str], event: Event) -> None:
        if self._complete(event):
            self.presence.pop(key, None)
            self.withdrawals.pop(key, None)
            return
        entry = self.presence.get(key)
        if entry is None:
            entry = self.presence[key] = Presence(key[0], key[1], None, _start(event))
        entry.status = "withdrawing"
        _note(entry, event)
        if key not in self.withdrawals:
            self.withdrawals[key] = Withdrawal(key[0], key[1], None, _start(event))
        _note(self.withdrawals[key], event)

    def _complete(self, event: Event) -> bool:
        rules = self.rules
        return (not rules.complete_triggers.isdisjoint(words(event.evidence.trigger))
                or not rules.complete_words.isdisjoint(sentence_words(event)))

    def _agreement(self, event: Event, status: str) -> None:
        key = tuple(parties(event))
        if not key:
            return
        entry = self.agreements.get(key)
        if entry is None or entry.status != status:
            entry = self.agreements[key] = Agreement(
                list(key), status, _start(event), event_ids=entry.event_ids if entry else [])
        entry.context = sorted(set(entry.context) | set(event.context))
        if event.id not in entry.event_ids:
            entry.event_ids.append(event.id)

    def result(self, as_of: date | None) -> Situation:
        return Situation(
            as_of=as_of.isoformat() if as_of else None,
            presence=sorted(self.presence.values(), key=lambda p: (p.country, p.actor_country)),
            agreements=sorted(self.agreements.values(), key=lambda a: a.parties),
            withdrawals=sorted(self.withdrawals.values(),
                               key=lambda w: (w.country, w.actor_country)),
            expected=self.expected,
        )


def _note(entry: Presence | Withdrawal, event: Event) -> None:
    """Add the event as evidence; keep the earliest start and the finest place name the event
    itself states (a dateline city is where the story was filed, not where the forces are)."""
    if event.id not in entry.event_ids:
        entry.event_ids.append(event.id)
    start = _start(event)
    if start and (entry.since is None or start < entry.since):
        entry.since = start
    location = event.location
    stated = location is not None and location.basis != "dateline"
    if location is not None and stated and location.precision not in COUNTRY_PRECISIONS \
            and entry.place is None:
        entry.place = location.name or location.text


def _known(events: Iterable[Event], as_of: date | None) -> list[Event]:
    if as_of is None:
        return list(events)
    day = as_of.isoformat()
    return [e for e in events if not (_start(e) and _start(e) > day)]  # type: ignore[operator]


def _past(event: Event, as_of: date | None) -> bool:
    end = event.date.end if event.date else None
    return bool(as_of and end and end[:10] < as_of.isoformat())


def _order(event: Event) -> tuple[bool, str, str]:
    start = _start(event)
    return (start is None, start or "", event.id)


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
