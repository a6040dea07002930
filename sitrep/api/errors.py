"""One JSON error shape for every 4xx/5xx the API returns: ``{"error": {"status", "message"}}``.

sitrep's own exceptions carry their HTTP status (``SitrepError.status``); only this edge turns
them into responses, so handlers raise and never build error bodies themselves.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from sitrep.errors import SitrepError

log = logging.getLogger("sitrep.api")


def error_response(status: int, message: str, headers: dict[str, str] | None = None
                   ) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status,
                        headers=headers)


def _validation_message(errors: list[Any]) -> str:
    """Name each bad parameter and why, e.g. ``query.since: Input should be a valid date``."""
    parts = []
    for err in errors:
        where = ".".join(str(p) for p in err.get("loc", ()))
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


async def _http_error(_: Request, exc: HTTPException) -> JSONResponse:
    return error_response(exc.status_code, str(exc.detail), getattr(exc, "headers", None))


async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
    return error_response(422, _validation_message(list(exc.errors())))


async def _sitrep_error(_: Request, exc: SitrepError) -> JSONResponse:
    return error_response(exc.status, str(exc))


async def _unexpected_error(_: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled error", exc_info=exc)
    return error_response(500, "internal error; see the server log")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(SitrepError, _sitrep_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected_error)
