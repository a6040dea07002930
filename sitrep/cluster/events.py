"""One definition of "the same real-world event", within an article and across articles.

Inside one article it groups the mentions of an event into one record
(:mod:`sitrep.cluster.assemble`); across articles it merges the reports of different outlets
(the store, as each article arrives). The thresholds of each scope live in
``same_event.json`` so they can be tuned without touching code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from sitrep.errors import SetupError
from sitrep.model import Actor, Event

RULES_FILE = "same_event.json"
STATED_DATES = frozenset({"explicit", "relative"})
UNSTATED_PLACES = frozenset({"dateline", "article"})


@dataclass(frozen=True, slots=True)
class Scope:
    """How strict "the same event" is in one scope; pairs as frozensets, order-free."""

    compatible_types: frozenset[frozenset[str]]
    date_tolerance_days: int
    unknown_actor_matches: bool
    unknown_date_matches: bool
    stated_only: bool
    shared_argument: bool
    same_admin1: bool
    conflicting_modalities: frozenset[frozenset[str]]
    unstated_reach_days: int | None = None
    acts_by_code: frozenset[str] = frozenset()
    acts_by_mode: dict[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SameEventRules:
    """The loaded ``same_event.json``: one scope per kind of comparison."""

    within: Scope
    across: Scope
    unknown_actor_penalty: float
    attach_reach_sentences: int = 2
    fight_attach_reach_sentences: int = 2
    toll_attach_reach_sentences: int = 2
    kept_without_actor: frozenset[str] = frozenset()
    unknown_actor_floor: float = 0.0
    camps: tuple[frozenset[str], ...] = ()
    fights: frozenset[str] = frozenset()
    replies: frozenset[str] = frozenset()

    @property
    def compatible_types(self) -> frozenset[frozenset[str]]:
        return self.across.compatible_types

    @property
    def conflicting_modalities(self) -> frozenset[frozenset[str]]:
        return self.across.conflicting_modalities


def _scope(data: dict[str, Any]) -> Scope:
    return Scope(
        compatible_types=frozenset(frozenset(p) for p in data["compatible_types"]),
        date_tolerance_days=int(data["date_tolerance_days"]),
        unknown_actor_matches=bool(data["unknown_actor_matches"]),
        unknown_date_matches=bool(data["unknown_date_matches"]),
        stated_only=bool(data["stated_only"]),
        shared_argument=bool(data["shared_argument"]),
        same_admin1=bool(data["same_admin1"]),
        conflicting_modalities=frozenset(frozenset(p) for p in data["conflicting_modalities"]),
        unstated_reach_days=(None if data.get("unstated_reach_days") is None
                             else int(data["unstated_reach_days"])),
        acts_by_code=frozenset(data.get("acts_by_code", [])),
        acts_by_mode={kind: frozenset(modes)
                      for kind, modes in data.get("acts_by_mode", {}).items()},
    )


@cache
def load_rules() -> SameEventRules:
    """Read the packaged rules once; a missing or malformed file is a setup error."""
    path = resources.files("sitrep.cluster").joinpath(RULES_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return SameEventRules(within=_scope(data["within_article"]),
                              across=_scope(data["across_articles"]),
                              unknown_actor_penalty=float(data["unknown_actor_penalty"]),
                              attach_reach_sentences=int(data["attach_reach_sentences"]),
                              fight_attach_reach_sentences=int(
                                  data["fight_attach_reach_sentences"]),
                              toll_attach_reach_sentences=int(
                                  data["toll_attach_reach_sentences"]),
                              kept_without_actor=frozenset(data["kept_without_actor"]),
                              unknown_actor_floor=float(data["unknown_actor_floor"]),
                              camps=tuple(frozenset(c) for c in data["opposed_camps"]),
                              fights=frozenset(data["fight_types"]),
                              replies=frozenset(data["reply_types"]))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SetupError(f"sitrep.cluster/{RULES_FILE}: {error}") from error


def same_event(a: Event, b: Event, rules: SameEventRules | None = None, *,
               anaphor: bool = False, refers_back: bool = False) -> bool:
    """Whether two event records speak of the same real-world event.

    Two records of one article are two mentions and are compared with the ``within_article``
    scope; records of different articles with ``across_articles``. All must hold:

    - types equal, or compatible (same quad and listed); of a type told apart by its
      CAMEO code in the scope (``acts_by_code``), not two different specific acts; of a
      type with modes that are acts of their own (``acts_by_mode``), not one such mode and
      another mode;
    - actors agree: countries overlap; where the scope lets an unknown side match, a side
      with no actor at all matches, and two uncoded actors must have the same words;
    - recipient countries overlap when both are known; two mentions that each name an
      uncoded target must name the same one, unless ``b`` is a nominal ``anaphor``;
    - place countries (and, with ``same_admin1``, first-level regions) equal when both known;
    - date ranges overlap (with the tolerance) when both are known;
    - modalities not in conflict;
    - where the only codes the two doers share stand for many bodies (a code of no one state,
      ``non_state_codes.tsv``: the EU and the World Food Programme are both IGO), the doers
      are named alike (:func:`distinct_bodies`);
    - for a statement a side answers in kind (``reply_types``), no body one names as its
      target is the other's speaker (:func:`roles_reversed`: the accused answering with an
      accusation of its own makes another statement).

    With ``stated_only``, the dateline's place and the publication date standing in for a
    missing one count as unknown. With ``shared_argument``, the two must also share something
    they state (a coded actor or recipient, a date, a place) unless ``b`` is an ``anaphor``: a
    nominal mention ("the attack", "the talks") that refers back without saying more. A
    mention that ``refers_back`` so in the text ("the attack was never solved") is not held
    apart by the reach of its unstated date.
    """
    rules = rules or load_rules()
    scope = rules.within if a.doc_id == b.doc_id else rules.across
    return (types_agree(a, b, scope)
            and not two_acts_by_code(a, b, scope)
            and not two_acts_by_mode(a, b, scope)
            and actors_agree(a.actors, b.actors, scope.unknown_actor_matches)
            and (a.event_type in rules.fights or not opposed_camps(a.actors, b.actors,
                                                                   rules.camps))
            and not distinct_bodies(a.actors, b.actors)
            and (a.event_type not in rules.replies or not roles_reversed(a, b))
            and recipients_agree(_targets(a, scope), _targets(b, scope),
                                 scope.unknown_actor_matches and not anaphor)
            and _location_agrees(a, b, scope)
            and dates_overlap(a, b, scope, refers_back)
            and frozenset((a.modality, b.modality)) not in scope.conflicting_modalities
            and (anaphor or not scope.shared_argument or shares_argument(a, b, scope)))


@dataclass(frozen=True, slots=True)
class Outline:
    """What a store keeps in columns beside a record, enough to rule out most pairs before
    decoding one: the place's country, the hull of the date range in day numbers (its two ends
    in order; None when undated), the modality, the recipients' countries (empty when none is
    known)."""

    place: str | None
    days: tuple[int, int] | None
    modality: str
    recipients: frozenset[str] = frozenset()


def outline(event: Event) -> Outline:
    """The :class:`Outline` of a record."""
    loc = event.location
    days = _date_range(event)
    hull = None if days is None else (min(days).toordinal(), max(days).toordinal())
    return Outline(place=loc.country_code if loc is not None else None, days=hull,
                   modality=event.modality, recipients=frozenset(_countries(event.recipients)))


def outlines_agree(a: Outline, b: Outline, scope: Scope) -> bool:
    """False only for reports of two articles that :func:`same_event` would keep apart
    whatever else they say: places in two countries, dates that do not overlap even with the
    tolerance, modalities in conflict, or recipients of disjoint countries where the scope
    compares every recipient. True says nothing: the predicate decides. (Each condition is one
    :func:`same_event` applies across articles, read from the outline, and a hull overlaps
    wherever the range does.) A scope that counts only stated places and dates cannot be told
    from an outline: always True there."""
    if scope.stated_only:
        return True
    if a.place is not None and b.place is not None and a.place != b.place:
        return False
    if (not scope.unknown_actor_matches and a.recipients and b.recipients
            and a.recipients.isdisjoint(b.recipients)):
        return False
    if a.days is not None and b.days is not None and not (
            a.days[0] - scope.date_tolerance_days <= b.days[1]
            and b.days[0] - scope.date_tolerance_days <= a.days[1]):
        return False
    return frozenset((a.modality, b.modality)) not in scope.conflicting_modalities


def actors_agree(left: list, right: list, unknown_matches: bool) -> bool:
    """Coded actors overlap; otherwise, where unknowns may match, one side names no actor or
    both name the same words."""
    countries_l, countries_r = _countries(left), _countries(right)
    if countries_l and countries_r:
        return not countries_l.isdisjoint(countries_r)
    if not unknown_matches:
        return False
    if not left or not right:
        return True
    return any(named_alike(a, b) for a in left for b in right)


def named_alike(a: Actor, b: Actor) -> bool:
    """Two uncoded sides named by the same words, or by the same last (head) word for a side
    of the same kind ("Gunman", "a gunman", "the gunman"; "Bandits", "armed bandits"): the
    article names one side again. "The mayor" and "the police chief" are two."""
    words_a, words_b = a.text.lower().split(), b.text.lower().split()
    if words_a == words_b:
        return True
    return bool(words_a and words_b and words_a[-1] == words_b[-1] and a.sector
                and a.sector == b.sector)


@cache
def _many_body_codes() -> frozenset[str]:
    """The codes of no one state (``actors/non_state_codes.tsv``): each stands for many
    bodies."""
    from sitrep.codebook.load import load_table

    return frozenset(row[0] for row in load_table("actors/non_state_codes.tsv"))


def distinct_bodies(left: list, right: list) -> bool:
    """Whether the only codes two records' doers share are codes of no one state (IGO, NGO,
    MNC ...: :func:`_many_body_codes`) and the doers so coded are named differently: the
    European Union releasing funds and the World Food Programme's trucks arriving are two
    bodies' acts, where two sides coded to one country are compared by their country."""
    shared = _countries(left) & _countries(right)
    if not shared or not shared <= _many_body_codes():
        return False
    here = [a for a in left if a.country in shared]
    there = [a for a in right if a.country in shared]
    return not any(_body_name(a) == _body_name(b) or named_alike(a, b)
                   for a in here for b in there)


def _body_name(actor: Actor) -> str:
    return (actor.name or actor.text).lower()


@lru_cache(maxsize=8)
def _camp_of(camps: tuple[frozenset[str], ...]) -> dict[str, int]:
    """Each sector's camp (the first that lists it), read once per rules rather than once per
    comparison: the store's same-event lookup compares several reports per event."""
    index: dict[str, int] = {}
    for number, members in enumerate(camps):
        for sector in members:
            index.setdefault(sector, number)
    return index


def opposed_camps(left: list, right: list, camps: tuple[frozenset[str], ...]) -> bool:
    """Two sides of one country in opposed camps ("the army" and "the rebels", the president
    and a guerrilla group): where the only countries the two records share are named by
    bodies of different camps (``opposed_camps``), they were done by different sides."""
    shared = _countries(left) & _countries(right)
    if not shared:
        return False
    camp = _camp_of(camps).get
    for country in shared:
        here = {camp(a.sector) for a in left if a.country == country}
        there = {camp(a.sector) for a in right if a.country == country}
        if None in here or None in there or not here.isdisjoint(there):
            return False
    return True


def two_acts_by_code(a: Event, b: Event, scope: Scope) -> bool:
    """Whether two mentions of a type the scope tells apart by code (``acts_by_code``) name
    two different specific CAMEO acts ("condemned the verdict" 111, "summoned the charge
    d'affaires" 114); a family's general code (ending in 0, or shorter) names none."""
    def specific(code: str | None) -> bool:
        return code is not None and len(code) == 3 and not code.endswith("0")

    return (a.event_type in scope.acts_by_code and specific(a.cameo) and specific(b.cameo)
            and a.cameo != b.cameo)


def two_acts_by_mode(a: Event, b: Event, scope: Scope) -> bool:
    """Whether two mentions of one type name two acts by their modes (``acts_by_mode``): a
    curfew imposed and arrests made are two coercive acts, though one side does both on one
    day; the mode of either must be one the scope lists, and both must be known."""
    apart = scope.acts_by_mode.get(a.event_type, frozenset())
    return (a.event_type == b.event_type and a.mode is not None and b.mode is not None
            and a.mode != b.mode and (a.mode in apart or b.mode in apart))


def roles_reversed(a: Event, b: Event) -> bool:
    """Whether a body one names as its target (country and kind) is the other's doer and
    not its own: "the opposition accused the military", then "the military accused the
    rebels", is a reply, another act. Bodies known by country alone are told apart by
    :func:`actors_agree` already."""
    def bodies(actors: list) -> set[tuple[str, str]]:
        return {(x.country, x.sector) for x in actors if x.country and x.sector}

    doers_a, doers_b = bodies(a.actors), bodies(b.actors)
    return bool((bodies(a.recipients) - doers_a) & doers_b or
                (bodies(b.recipients) - doers_b) & doers_a)


def _targets(event: Event, scope: Scope) -> list:
    """The recipients to compare. Within an article only those that are actors count (a
    place taken for a target, "the base in Niger", says nothing) and not the doers
    themselves (no side is the target of its own act)."""
    if not scope.unknown_actor_matches:
        return event.recipients
    doers = _countries(event.actors)
    return [r for r in event.recipients if r.sector and r.country not in doers]


def recipients_agree(left: list, right: list, by_words: bool) -> bool:
    """Recipient countries overlap when both are known. With ``by_words`` (two mentions in
    one article that each name their target), uncoded actors must be named alike ("the
    mayor" and "the police chief" are two attacks)."""
    countries_l, countries_r = _countries(left), _countries(right)
    if countries_l and countries_r:
        return not countries_l.isdisjoint(countries_r)
    named_l = [a for a in left if not a.country]
    named_r = [a for a in right if not a.country]
    if not by_words or not named_l or not named_r:
        return True
    return any(named_alike(a, b) for a in named_l for b in named_r)


def shared_arguments(a: Event, b: Event) -> int:
    """How many things both state alike: a coded actor (or an uncoded doer of one kind named
    alike, :func:`named_alike`), a coded recipient, a day, a place finer than a country, a
    count of the same things (:func:`same_count`). A country alone or a year alone is too
    coarse to tell two events of one article apart."""
    shared = int(same_count(a, b))
    shared += not _countries(a.actors).isdisjoint(_countries(b.actors)) or any(
        named_alike(x, y) for x in a.actors for y in b.actors
        if x.sector and not x.country and not y.country)
    shared += not _countries(a.recipients).isdisjoint(_countries(b.recipients))
    range_a, range_b = _date_range(a, True), _date_range(b, True)
    if range_a is not None and range_b is not None and range_a == range_b and \
            range_a[0] == range_a[1]:
        shared += 1
    loc_a, loc_b = a.location, b.location
    if place_code(a, True) and place_code(b, True) and loc_a and loc_b and \
            loc_a.precision != "country" and loc_a.admin1 and loc_a.admin1 == loc_b.admin1:
        shared += 1
    return shared


SHARED_COUNT_LEAST = 3
"""The smallest count two mentions must both give to share it: "two soldiers" is said of
many events of one story, "38 people" of one."""


def same_count(a: Event, b: Event) -> bool:
    """Whether both mentions count the same things with the same number ("38 people were
    detained" in a summary and "38 people have been detained" in the update it sums up): a
    count of at least :data:`SHARED_COUNT_LEAST` with the same unit, which words that leave
    the doer and the day unstated still give."""
    def counts(event: Event) -> set[tuple[float, str]]:
        return {(q.value, q.unit.lower()) for q in event.quantities
                if q.unit and q.value >= SHARED_COUNT_LEAST}
    return not counts(a).isdisjoint(counts(b))


def shares_argument(a: Event, b: Event, scope: Scope) -> bool:
    """Something both state alike (see :func:`shared_arguments`)."""
    return shared_arguments(a, b) > 0


def types_agree(a: Event, b: Event, scope: Scope) -> bool:
    """Equal types, or compatible types of the same PLOVER quad."""
    if a.event_type == b.event_type:
        return True
    same_quad = a.quad is not None and a.quad == b.quad
    return same_quad and frozenset((a.event_type, b.event_type)) in scope.compatible_types


def dates_overlap(a: Event, b: Event, scope: Scope, refers_back: bool = False) -> bool:
    """Inclusive ranges overlap once widened by the tolerance; unknown dates per the scope.
    A nominal mention that ``refers_back`` ("the attack was never solved") names the event
    told before however long ago it happened, so the reach of an unstated date does not hold
    it."""
    range_a, range_b = _date_range(a, scope.stated_only), _date_range(b, scope.stated_only)
    if range_a is None or range_b is None:
        return scope.unknown_date_matches and (
            refers_back or _within_reach(a, b, range_a, range_b, scope))
    slack = timedelta(days=scope.date_tolerance_days)
    return range_a[0] - slack <= range_b[1] and range_b[0] - slack <= range_a[1]


def _within_reach(a: Event, b: Event, range_a: tuple[date, date] | None,
                  range_b: tuple[date, date] | None, scope: Scope) -> bool:
    """A mention whose date the text leaves unstated happened on or shortly before the
    story's day, so it may be a mention of an event dated in the text only when that date
    ends within ``unstated_reach_days`` before its stand-in window: "the attack on Monday"
    dates the lede's attack, while the war that began two years ago is another event."""
    if scope.unstated_reach_days is None or (range_a is None) == (range_b is None):
        return True
    known, unstated = (range_a, b) if range_b is None else (range_b, a)
    window = _date_range(unstated)
    if known is None or window is None:
        return True
    return known[1] >= window[0] - timedelta(days=scope.unstated_reach_days)


def group(events: list[Event], fits: Any) -> list[list[int]]:
    """Indices of ``events`` grouped in input order: each joins the group for which
    ``fits(group, event)`` scores highest (None: not this group; ties: the earlier group),
    else starts its own. Deterministic for a given order."""
    groups: list[list[int]] = []
    for index, event in enumerate(events):
        best, best_score = None, None
        for members in groups:
            score = fits(members, event)
            if score is not None and (best_score is None or score > best_score):
                best, best_score = members, score
        if best is None:
            groups.append([index])
        else:
            best.append(index)
    return groups


def _countries(actors: list) -> set[str]:
    return {actor.country for actor in actors if actor.country}


def _countries_agree(left: set[str], right: set[str], unknown_matches: bool) -> bool:
    if not left or not right:
        return unknown_matches
    return not left.isdisjoint(right)


def place_code(event: Event, stated_only: bool = False) -> str | None:
    """The country of the event's place (only a place the text states for it, if asked)."""
    loc = event.location
    if loc is None or (stated_only and loc.basis in UNSTATED_PLACES):
        return None
    return loc.country_code


def _location_agrees(a: Event, b: Event, scope: Scope) -> bool:
    code_a, code_b = place_code(a, scope.stated_only), place_code(b, scope.stated_only)
    if code_a is None or code_b is None:
        return True
    if code_a != code_b:
        return False
    region_a = a.location.admin1 if a.location else None
    region_b = b.location.admin1 if b.location else None
    return not scope.same_admin1 or region_a is None or region_b is None or region_a == region_b


def _date_range(event: Event, stated_only: bool = False) -> tuple[date, date] | None:
    """The event's inclusive range; an open end takes the other end's day."""
    if event.date is None or (stated_only and event.date.basis not in STATED_DATES):
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
