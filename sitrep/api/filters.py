"""The event filters of ``sitrep events``, as query parameters, turned into one ``EventQuery``."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from fastapi import HTTPException, Query

from sitrep.codebook.lexicon import load_codebook
from sitrep.store import EventQuery

MAX_PAGE = 1000


class _AnyCase(StrEnum):
    """An enum that accepts its values in any case (``Future`` = ``future``)."""

    @classmethod
    def _missing_(cls, value: object) -> _AnyCase | None:
        if isinstance(value, str):
            for member in cls:
                if member.value.lower() == value.lower():
                    return member
        return None


class Modality(_AnyCase):
    asserted = "asserted"
    future = "future"
    hypothetical = "hypothetical"
    negated = "negated"


def event_filters(
    type: Annotated[str | None, Query(
        description="PLOVER event type (see /api/event-types)")] = None,
    country: Annotated[str | None, Query(
        pattern="^[A-Za-z]{3}$", description="actor or recipient country (ISO alpha-3 or "
                                             "PLOVER code such as IGO)")] = None,
    actor: Annotated[str | None, Query(description="words in an actor's name or text")] = None,
    place: Annotated[str | None, Query(
        description="location country code or place name")] = None,
    since: Annotated[date | None, Query(description="events ending on or after this day")] = None,
    until: Annotated[date | None, Query(
        description="events starting on or before this day")] = None,
    modality: Annotated[Modality | None, Query()] = None,
    text: Annotated[str | None, Query(
        description="words in the evidence or the article text")] = None,
    article_id: Annotated[str | None, Query(description="events of one article")] = None,
    merged: Annotated[bool, Query(
        description="one event per real-world event: reports from other outlets merged")] = False,
) -> EventQuery:
    """Filters without paging: what the list and the export share."""
    if type and type.upper() not in load_codebook().types:
        known = ", ".join(load_codebook().types)
        raise HTTPException(422, f"unknown event type {type!r}; one of {known}")
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    return EventQuery(
        event_type=type.upper() if type else None, country=country.upper() if country else None,
        actor=actor or None, place=place or None,
        since=since.isoformat() if since else None, until=until.isoformat() if until else None,
        modality=modality.value if modality else None, text=text or None,
        article_id=article_id or None, merged=merged, limit=None,
    )


def paged_filters(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="events per page")] = 100,
    offset: Annotated[int, Query(ge=0, description="events to skip")] = 0,
) -> tuple[int, int]:
    return limit, offset
