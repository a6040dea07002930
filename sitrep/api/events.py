"""Read endpoints for events: the list (filtered, paged), one event, and the export."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response, StreamingResponse

from sitrep.api.filters import event_filters, keyset_filters, refused
from sitrep.api.heavy import HeavyWork
from sitrep.api.plain import with_records
from sitrep.api.state import get_heavy, get_store
from sitrep.evidence import evidence_spans
from sitrep.model import Article, Event
from sitrep.query import TEXT_TOTAL_CAP, QueryError
from sitrep.store import EventQuery, Store

router = APIRouter(prefix="/api", tags=["events"])

Filters = Annotated[EventQuery, Depends(event_filters)]
Page = Annotated[dict[str, Any], Depends(keyset_filters)]
StoreDep = Annotated[Store, Depends(get_store)]


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"


MEDIA = {
    ExportFormat.jsonl: "application/x-ndjson; charset=utf-8",
    ExportFormat.csv: "text/csv; charset=utf-8",
    ExportFormat.geojson: "application/geo+json",
}


def article_summary(article: Article) -> dict[str, Any]:
    """An article without its text: enough to name and link the source of an event."""
    data = article.to_dict()
    data.pop("text")
    return data


@router.get("/events", summary="List events (filtered, paged)")
def list_events(store: StoreDep, query: Filters, page: Page) -> Response:
    """A page of events in date order (``newest``: latest first; a text search: in the order
    they were stored). ``next`` is the cursor of the next page (pass it as ``after``; None on
    the last page): deep pages cost as little as the first. ``offset`` paging is kept for small
    stores. ``total`` counts every match, except that a text search stops counting at 1,000
    (``total_exact`` is false then)."""
    paged = replace(query, **page)
    total, exact = page_total(store, query)
    try:
        records, cursor = store.page_json(paged)
    except QueryError as exc:
        raise refused(exc) from None
    next_offset = None
    if paged.after is None and cursor is not None:
        next_offset = paged.offset + len(records)
    return with_records({
        "total": total, "total_exact": exact, "limit": paged.limit, "offset": paged.offset,
        "after": paged.after, "next": cursor, "next_offset": next_offset}, "events", records)


def page_total(store: Store, query: EventQuery) -> tuple[int, bool]:
    """The number of matching events, and whether it is exact: a text search counts up to
    :data:`~sitrep.query.TEXT_TOTAL_CAP` matches (that many means that many or more)."""
    if not query.text:
        return store.count_events(query), True
    total = store.count_events(query, at_most=TEXT_TOTAL_CAP)
    return total, total < TEXT_TOTAL_CAP


@router.get("/events/{event_id:path}", summary="One event with the articles that report it")
def get_event(event_id: str, store: StoreDep) -> dict[str, Any]:
    event = store.get_event(event_id)
    articles = store.event_articles(event_id)
    reports = [e.id for e in store.event_reports(event_id)]
    return {"event": event.to_dict(), "articles": [article_summary(a) for a in articles],
            "reports": reports, "evidence_marks": evidence_marks(event)}


def evidence_marks(event: Event) -> list[dict[str, Any]]:
    """Where the trigger, actors, recipients, place and time sit in the evidence sentence
    (offsets into ``evidence.sentence``), so the page marks them without parsing anything."""
    return [{"start": start, "end": end, "role": role}
            for start, end, role in evidence_spans(event)]


@router.get("/export", summary="Every matching event as JSON Lines, CSV or GeoJSON (streamed)",
            response_class=StreamingResponse)
def export_events(heavy: Annotated[HeavyWork, Depends(get_heavy)], query: Filters,
                  format: Annotated[ExportFormat, Query()] = ExportFormat.jsonl
                  ) -> StreamingResponse:
    """The body streams as the store is read, so an export of a million events never sits in
    memory. CSV columns are flat and typed (see the README); GeoJSON gives every event a point
    with its ``precision`` (``country-of-actor`` for an event with no place) and leaves out
    only events with neither a place nor an actor country, counted in ``unplaced``. Built
    beside the server's requests, not among them (:mod:`sitrep.api.heavy`)."""
    filename = f"sitrep-events.{format.value}"
    return StreamingResponse(heavy.export(query, format.value), media_type=MEDIA[format],
                             headers={"Content-Disposition": f'attachment; filename="{filename}"'})
