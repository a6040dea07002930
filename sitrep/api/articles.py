"""Article endpoints: one article with its events marked, and ingest (the only write)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from sitrep.api.auth import require_token
from sitrep.api.state import AppState, app_state, get_store
from sitrep.errors import InputError
from sitrep.ingest import parse_document
from sitrep.model import Article, Event
from sitrep.store import Store
from sitrep.store.loader import LoadResult, load_articles

router = APIRouter(prefix="/api", tags=["articles"])

MAX_BODY = 10 * 1024 * 1024


class Kind(StrEnum):
    txt = "txt"
    html = "html"
    json = "json"
    jsonl = "jsonl"


CONTENT_KINDS = {
    "text/plain": Kind.txt,
    "text/html": Kind.html,
    "application/xhtml+xml": Kind.html,
    "application/json": Kind.json,
    "application/x-ndjson": Kind.jsonl,
    "application/jsonl": Kind.jsonl,
    "application/jsonlines": Kind.jsonl,
}


def event_marks(events: list[Event]) -> list[dict[str, Any]]:
    """Spans of the article text to mark: each event's evidence sentence and trigger.

    Offsets index the article text, so a client wraps them with text nodes and never needs to
    parse markup.
    """
    marks = []
    for event in events:
        ev = event.evidence
        marks.append({"event_id": event.id, "kind": "evidence", "start": ev.start, "end": ev.end,
                      "event_type": event.event_type})
        if ev.trigger_start is not None and ev.trigger_end is not None:
            marks.append({"event_id": event.id, "kind": "trigger", "start": ev.trigger_start,
                          "end": ev.trigger_end, "event_type": event.event_type})
    return sorted(marks, key=lambda m: (m["start"], -m["end"]))


@router.get("/articles/{article_id:path}", summary="One article with its events marked in the "
            "text and the outlets that printed it")
def get_article(article_id: str, store: Annotated[Store, Depends(get_store)]) -> dict[str, Any]:
    article = store.get_article(article_id)
    events = store.article_events(article_id)
    outlets = [asdict(o) for o in store.article_sources(article_id)]
    return {"article": article.to_dict(), "events": [e.to_dict() for e in events],
            "marks": event_marks(events), "outlets": outlets}


def body_kind(request: Request, kind: Kind | None) -> Kind:
    """The document kind: the ``kind`` parameter, else the request's Content-Type."""
    if kind:
        return kind
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in CONTENT_KINDS:
        raise HTTPException(415, f"unsupported Content-Type {media or '(none)'!r}; send one of "
                                 f"{', '.join(CONTENT_KINDS)} or set ?kind=")
    return CONTENT_KINDS[media]


async def read_body(request: Request) -> bytes:
    """The request body, refused with 413 as soon as it passes :data:`MAX_BODY`: a declared
    length is checked before reading, a streamed body while it arrives (never held whole)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise _too_large()
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise _too_large()
    if not body.strip():
        raise HTTPException(400, "empty document: send the article in the request body")
    return bytes(body)


def _too_large() -> HTTPException:
    return HTTPException(413, f"document larger than {MAX_BODY // (1024 * 1024)} MiB")


def _load(state: AppState, articles: list[Article]) -> LoadResult:
    """Code and store, off the event loop: coding takes the CPU for a while."""
    return load_articles(state.store, state.get_coder(), articles)


@router.post(
    "/articles", summary="Ingest a document (text, HTML, JSON or JSON Lines); needs the token",
    dependencies=[Depends(require_token)], status_code=201,
    openapi_extra={"requestBody": {"required": True, "content": {
        media: {"schema": {"type": "string"}} for media in CONTENT_KINDS}}},
)
async def ingest(
    request: Request,
    kind: Annotated[Kind | None, Query(description="overrides the Content-Type")] = None,
    source: Annotated[str, Query(max_length=200, description="name used in messages")] = "request",
    published: Annotated[date | None, Query(
        description="reference date for a document that carries none")] = None,
) -> JSONResponse:
    doc_kind = body_kind(request, kind)
    body = await read_body(request)
    articles = parse_document(body, kind=doc_kind.value, source=source,
                              published=published.isoformat() if published else None)
    if not articles:
        raise InputError(source, "no article in the document")
    state: AppState = app_state(request)
    result = await run_in_threadpool(_load, state, articles)
    if result.errors and not result.added:
        raise InputError(source, "; ".join(e.reason for e in result.errors))
    status = 201 if result.added else 200
    return JSONResponse(status_code=status, content={
        "added": result.added, "skipped": result.skipped, "events": result.events,
        "article_ids": result.article_ids, "errors": [str(e) for e in result.errors],
    })
