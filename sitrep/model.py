"""The records of sitrep's contract (CONTRACT.md) as dataclasses.

Every record has ``to_dict()`` giving exactly the JSON shape the contract prints, so the CLI,
the HTTP API and the store all serialise through one place.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

SCHEMA_VERSION = 2


_LEAVES = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """A record as JSON-shaped values: what ``dataclasses.asdict`` gives, without its deep
    copies of every leaf (the store serialises every event it adds through here, so leaves
    are passed through without a call of their own)."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    names = getattr(kind, "__dataclass_fields__", None)
    if names is not None:
        out = {}
        for name in names:
            item = getattr(value, name)
            out[name] = item if type(item) in _LEAVES else plain(item)
        return out
    if isinstance(value, list | tuple):
        return type(value)(v if type(v) in _LEAVES else plain(v) for v in value)
    if isinstance(value, dict):
        return {k: v if type(v) in _LEAVES else plain(v) for k, v in value.items()}
    return value


class Record:
    """Mixin: JSON-shaped dict out, and back in."""

    def to_dict(self) -> dict[str, Any]:
        return plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]):  # type: ignore[no-untyped-def]
        """Unknown keys (written by a later version) are left out."""
        names = cls.__dataclass_fields__  # type: ignore[attr-defined]
        if names.keys() >= data.keys():
            return cls(**data)
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(slots=True)
class Article(Record):
    """One input document, normalised by ingest.

    ``id`` is the id given in JSON Lines input, else the content hash. ``published`` is an ISO
    string ``YYYY-MM-DD[THH:MM[:SS][±HH:MM]]`` or ``None`` when the document carries no date.
    ``uppercase`` marks all-capitals wire copy whose case the pipeline restores.
    """

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    publisher: str | None = None
    language: str = "en"
    source: str | None = None
    dateline_place: str | None = None
    dateline_start: int | None = None
    dateline_end: int | None = None
    content_hash: str = ""

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)

    @property
    def reference_date(self) -> date | None:
        """The publication day that relative dates resolve against, or None."""
        if not self.published:
            return None
        try:
            return date.fromisoformat(self.published[:10])
        except ValueError:
            return None

    @property
    def title_end(self) -> int:
        """Where the headline ends in the text (0 when the text does not open with it)."""
        title = (self.title or "").strip()
        if title and self.text.lstrip().startswith(title):
            return self.text.index(title) + len(title)
        return 0


def content_hash(text: str) -> str:
    """Stable id of a text: same words, same id, so a re-ingest is a no-op.

    Any string hashes, a lone surrogate included (``surrogatepass``): ingest refuses such text
    with its reason, and the hash must never be what fails first.
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(slots=True)
class Actor(Record):
    """Who acts or is acted upon: the words, and the country and PLOVER sector they stand for."""

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(slots=True)
class Claimant(Record):
    """Who vouches for an event in the text ("according to a US defense official")."""

    text: str
    country: str | None = None
    sector: str | None = None


@dataclass(slots=True)
class Quantity(Record):
    text: str
    value: float | int
    unit: str | None = None


@dataclass(slots=True)
class PlaceMention(Record):
    """A resolved place mention, one line of ``sitrep places``.

    ``precision`` is one of facility, city, admin2, admin1, country, region.
    """

    doc_id: str
    start: int
    end: int
    text: str
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature_code: str | None = None
    precision: str | None = None
    score: float = 0.0


@dataclass(slots=True)
class TimeMention(Record):
    """A normalised time expression, one line of ``sitrep times``.

    ``value`` is a TimeML TIMEX3 value; ``start_date``/``end_date`` an inclusive ISO range;
    ``basis`` one of explicit, relative, publication, unresolved.
    """

    doc_id: str
    start: int
    end: int
    text: str
    type: str
    value: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    precision: str | None = None
    basis: str = "unresolved"


@dataclass(slots=True)
class EntityMention(Record):
    """A named entity, one line of ``sitrep entities``; ``actor`` when it stands for one."""

    doc_id: str
    start: int
    end: int
    text: str
    label: str
    actor: Actor | None = None


PINNED_PRECISIONS: tuple[str, ...] = ("facility", "city", "admin2")
"""Place precisions a map draws as a point of its own; a place known only to a province, a
country or a region is an area (its representative point stands for the whole of it). The
``bbox`` filter, the map's points and the page all read this one list."""


@dataclass(slots=True)
class Location(Record):
    """Where an event happened. ``basis`` says where it came from: ``clause`` or ``sentence``
    of the event's best mention, ``mention`` (another mention of the same event), ``dateline``
    (where the story was filed, when no mention states a place), ``article`` (the country a
    story filed from abroad is about, for an act on the ground no mention places)."""

    text: str
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature_code: str | None = None
    precision: str | None = None
    basis: str | None = None

    @classmethod
    def from_place(cls, place: PlaceMention, basis: str) -> Location:
        return cls(
            text=place.text, name=place.name, geonameid=place.geonameid, lat=place.lat,
            lon=place.lon, country_code=place.country_code, admin1=place.admin1,
            feature_code=place.feature_code, precision=place.precision, basis=basis,
        )

    @property
    def pin(self) -> tuple[float, float] | None:
        """``(lat, lon)`` when the place is precise enough to be a point on a map (see
        :data:`PINNED_PRECISIONS`), else None."""
        if self.precision in PINNED_PRECISIONS and self.lat is not None and self.lon is not None:
            return self.lat, self.lon
        return None


@dataclass(slots=True)
class EventDate(Record):
    """When an event happened: an inclusive range with its precision and basis. ``source``
    says where it came from: ``clause`` (a time of the best mention's own clause),
    ``sentence`` (a time elsewhere in its sentence: the event's, or the day it was told, up to
    which the range runs), ``mention`` (another mention of the same event), ``article`` (no
    mention states one: the window up to the story's day)."""

    text: str | None
    start: str | None
    end: str | None
    precision: str | None
    basis: str
    source: str | None = None

    @classmethod
    def from_time(cls, time: TimeMention, source: str | None = None) -> EventDate:
        return cls(text=time.text, start=time.start_date, end=time.end_date,
                   precision=time.precision, basis=time.basis, source=source)


@dataclass(slots=True)
class Evidence(Record):
    """A sentence that states the event; ``start``/``end`` index the document text.

    The same shape serves ``evidence`` (the mention that states the event best) and each of
    ``mentions`` (every place in the article that speaks of the event).
    """

    sentence: str
    start: int
    end: int
    trigger: str
    trigger_start: int | None = None
    trigger_end: int | None = None


@dataclass(slots=True)
class Event(Record):
    """One coded PLOVER event: the record ``sitrep code`` prints."""

    doc_id: str
    event_type: str
    mode: str | None
    context: list[str]
    quad: int | None
    actors: list[Actor]
    recipients: list[Actor]
    location: Location | None
    date: EventDate | None
    modality: str
    claimant: Claimant | None
    reported_by: list[str]
    quantities: list[Quantity]
    evidence: Evidence
    confidence: float
    cameo: str | None = None
    acled: dict[str, str] | None = None
    mentions: list[Evidence] = field(default_factory=list)
    id: str = ""
    schema: int = SCHEMA_VERSION

    def __post_init__(self) -> None:
        if not self.mentions:
            self.mentions = [self.evidence]
        if not self.id:
            self.id = event_id(self.doc_id, self.evidence.start, self.evidence.end,
                               self.event_type, self.evidence.trigger_start)

    def to_dict(self) -> dict[str, Any]:
        data = plain(self)
        ordered = {"schema": data.pop("schema"), "id": data.pop("id")}
        mentions = data.pop("mentions")
        for key, value in data.items():
            ordered[key] = value
            if key == "evidence":
                ordered["mentions"] = mentions
        return ordered

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """Rebuild an event from its JSON shape (as stored or printed)."""

        def actor_list(items: list[dict] | None) -> list[Actor]:
            return [Actor.from_dict(a) for a in items or []]

        return cls(
            doc_id=data["doc_id"], event_type=data["event_type"], mode=data.get("mode"),
            context=list(data.get("context") or []), quad=data.get("quad"),
            actors=actor_list(data.get("actors")), recipients=actor_list(data.get("recipients")),
            location=Location.from_dict(data["location"]) if data.get("location") else None,
            date=EventDate.from_dict(data["date"]) if data.get("date") else None,
            modality=data.get("modality", "asserted"),
            claimant=Claimant.from_dict(data["claimant"]) if data.get("claimant") else None,
            reported_by=list(data.get("reported_by") or []),
            quantities=[Quantity.from_dict(q) for q in data.get("quantities") or []],
            evidence=Evidence.from_dict(data["evidence"]), confidence=data.get("confidence", 0.0),
            cameo=data.get("cameo"), acled=data.get("acled"), id=data.get("id", ""),
            mentions=[Evidence.from_dict(m) for m in data.get("mentions") or []],
        )


def event_id(doc_id: str, start: int, end: int, event_type: str,
             trigger_start: int | None = None, part: str | None = None) -> str:
    """Stable id from the document, the evidence span, the type (and the trigger, so two
    events of one type in one sentence stay apart; and ``part``, the doer, for the events
    of several doers one trigger tells, each doing its own)."""
    key = f"{doc_id}|{start}|{end}|{event_type}|{trigger_start}"
    if part is not None:
        key += f"|{part}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class CodedArticle:
    """Everything sitrep reads out of one article: the unit every face consumes."""

    article: Article
    events: list[Event] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
