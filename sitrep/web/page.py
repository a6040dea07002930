"""Serves the page and its static files from the API's own app: one origin, no CDN."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from sitrep.web.assets import STATIC, check

# The page builds every node from data with textContent; this stops inline scripts anyway.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'")


def index() -> FileResponse:
    """The page; a clear 503 (with the fix) when ``make assets`` was never run."""
    check()
    return FileResponse(STATIC / "index.html", media_type="text/html",
                        headers={"Content-Security-Policy": CSP,
                                 "X-Content-Type-Options": "nosniff"})


def mount_page(app: FastAPI) -> None:
    app.add_api_route("/", index, methods=["GET"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
