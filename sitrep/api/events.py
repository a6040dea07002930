"""Read endpoints for events: the list (filtered, paged), one event, and the export."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from sitrep.api.filters import event_filters, paged_filters
from sitrep.api.state import get_store
from sitrep.evidence import evidence_spans
from sitrep.model import Article, Event
from sitrep.output import events_geojson, write_records
from sitrep.store import EventQuery, Store

router = APIRouter(prefix="/api", tags=["events"])

Filters = Annotated[EventQuery, Depends(event_filters)]
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
def list_events(store: StoreDep, query: Filters,
                page: Annotated[tuple[int, int], Depends(paged_filters)]) -> dict[str, Any]:
    limit, offset = page
    total = store.count_events(query)
    events = store.query_events(replace(query, limit=limit, offset=offset))
    next_offset = offset + len(events) if offset + len(events) < total else None
    return {"total": total, "limit": limit, "offset": offset, "next_offset": next_offset,
            "events": [e.to_dict() for e in events]}


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


@router.get("/export", summary="Every matching event as JSON Lines, CSV or GeoJSON",
            response_class=Response)
def export_events(store: StoreDep, query: Filters,
                  format: Annotated[ExportFormat, Query()] = ExportFormat.jsonl) -> Response:
    events = store.iter_events(query)
    if format is ExportFormat.geojson:
        body = json.dumps(events_geojson(events), ensure_ascii=False)
    else:
        buffer = io.StringIO()
        write_records(events, format.value, buffer)
        body = buffer.getvalue()
    filename = f"sitrep-events.{format.value}"
    return Response(body, media_type=MEDIA[format],
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
