"""Ingest by URL: the server fetches article pages itself (a write: needs the token).

URLs that come over the network are fetched with the address guard on: never to loopback,
private, link-local or other non-public addresses, each redirect hop checked, unless the
operator started the server with ``--allow-private-urls``.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from sitrep.api.auth import require_token
from sitrep.api.state import AppState, app_state
from sitrep.errors import InputError
from sitrep.ingest.feeds import is_url
from sitrep.ingest.fetch import Fetcher, FetchPolicy
from sitrep.ingest.watch import PollReport, Watcher

router = APIRouter(prefix="/api", tags=["articles"])

MAX_URLS = 100


class UrlRequest(BaseModel):
    urls: list[str] = Field(min_length=1, max_length=MAX_URLS,
                            description="http(s) URLs of article pages")


def _fetch(state: AppState, urls: list[str], allow_private: bool) -> PollReport:
    """Fetch, read and store, off the event loop (fetching waits on hosts, coding on the CPU)."""
    policy = FetchPolicy(allow_private=allow_private)
    with Fetcher(policy) as fetcher:
        watcher = Watcher(state.store, fetcher, state.get_coder)
        return watcher.ingest_urls(urls)


@router.post("/urls", summary="Fetch article pages by URL and ingest them; needs the token",
             dependencies=[Depends(require_token)], status_code=201)
async def ingest_urls(request: Request, body: UrlRequest) -> JSONResponse:
    bad = next((url for url in body.urls if not is_url(url)), None)
    if bad is not None:
        raise InputError(bad, "not an http(s) URL")
    allow_private = bool(getattr(request.app.state, "allow_private_urls", False))
    report = await run_in_threadpool(_fetch, app_state(request), body.urls, allow_private)
    if report.errors and not (report.stored or report.duplicates or report.skipped
                              or report.seen):
        raise InputError("urls", "; ".join(str(e) for e in report.errors))
    return JSONResponse(status_code=201 if report.stored else 200, content={
        "added": report.stored, "copies": report.duplicates, "skipped": report.skipped,
        "fetched_before": report.seen, "events": report.events,
        "errors": [str(e) for e in report.errors],
    })
