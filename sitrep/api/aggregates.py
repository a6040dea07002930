"""What the page's map and timeline ask for: counts of the matching events by country and by
day, week, month or year while there are too many to draw, and the events themselves as GeoJSON
features once a filter or a short window leaves few enough."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response

from sitrep.api.events import page_total
from sitrep.api.filters import event_filters, paged_filters
from sitrep.api.plain import plain_json, with_members
from sitrep.api.state import get_store
from sitrep.output import GeoJSONWriter
from sitrep.store import EventQuery, Store
from sitrep.store.aggregates import (
    Count,
    bucket_end,
    country_counts,
    date_span,
    time_counts,
    unit_for,
)

router = APIRouter(prefix="/api", tags=["views"])

Filters = Annotated[EventQuery, Depends(event_filters)]
StoreDep = Annotated[Store, Depends(get_store)]


class Unit(StrEnum):
    auto = "auto"
    day = "day"
    week = "week"
    month = "month"
    year = "year"


def _count(count: Count) -> dict[str, Any]:
    return {"count": count.count, "modality": count.modality}


@router.get("/aggregates/countries", summary="Matching events per location country")
def countries(store: StoreDep, query: Filters) -> JSONResponse:
    """Per country, most events first, with the split by modality; ``unplaced`` counts the
    events with no location country. A text search counts its 1,000 latest matches
    (``total_exact`` is false when there are more), as the event list's total does."""
    counts, unplaced, exact = country_counts(store, query)
    total = sum(c.count for c in counts) + unplaced
    return plain_json({"total": total, "total_exact": exact, "unplaced": unplaced,
                       "countries": [{"country": c.key, **_count(c)} for c in counts]})


@router.get("/aggregates/time", summary="Matching events per day, week, month or year")
def timeline(store: StoreDep, query: Filters,
             unit: Annotated[Unit, Query(description="bucket size; auto picks the finest that "
                                                     "shows the span in at most 160 buckets")]
             = Unit.auto) -> JSONResponse:
    """Buckets by each event's first day, in date order; ``first`` and ``last`` are the span
    the page opens on (events lasting a year or more left out when shorter ones exist). A text
    search counts its 1,000 latest matches (``total_exact`` is false when there are more)."""
    first, last = date_span(store, query)
    if unit is Unit.auto:
        lo, hi = query.since or first, query.until or last
        chosen = unit_for(lo, hi) if lo and hi and lo <= hi else "month"
    else:
        chosen = unit.value
    buckets, undated, exact = time_counts(store, query, chosen)
    total = sum(b.count for b in buckets) + undated
    return plain_json({
        "unit": chosen, "first": first, "last": last, "total": total, "total_exact": exact,
        "undated": undated,
        "buckets": [{"start": b.key, "end": bucket_end(b.key, chosen), **_count(b)}
                    for b in buckets]})


@router.get("/features", summary="One page of matching events as GeoJSON features")
def features(store: StoreDep, query: Filters,
             page: Annotated[tuple[int, int], Depends(paged_filters)]) -> Response:
    """What the map and the timeline draw one by one: a FeatureCollection (city-precise events
    carry a point) with ``total`` and ``next_offset`` as in the event list."""
    limit, offset = page
    total, exact = page_total(store, query)
    events = store.query_events(replace(query, limit=limit, offset=offset))
    collection = "".join(GeoJSONWriter().chunks(events))
    next_offset = offset + len(events) if offset + len(events) < total else None
    return with_members(collection, {"total": total, "total_exact": exact,
                                      "next_offset": next_offset})
