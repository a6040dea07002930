"""Answers that are plain JSON already, sent as they are.

A route that returns a dict has FastAPI check it against a response model and walk it through
its recursive encoder (``jsonable_encoder``) before encoding it: for a page of 100 events that
costs more than reading the page from the store and encoding it together (8 ms of 13 ms of
CPU). The records' ``to_dict`` and the counts give only strings, numbers, booleans, None,
lists and dicts, which the encoder would hand back unchanged, so these routes return a
:class:`JSONResponse` of their data, encoded once by the same encoder FastAPI would use. A page
of events goes further: the store keeps each record as the JSON text of its ``to_dict()``, and
:func:`with_records` puts those texts into the answer as they are.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi.responses import JSONResponse, Response


def plain_json(data: dict[str, Any]) -> JSONResponse:
    """``data`` (plain JSON values only) as the response body."""
    return JSONResponse(data)


def with_records(data: dict[str, Any], key: str, records: list[str]) -> Response:
    """``data`` with ``key`` (last) holding ``records``, each already the JSON text of one
    record (:meth:`sitrep.store.Store.page_json`): the same JSON as encoding the decoded
    records, without decoding or encoding them."""
    head = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    body = f'{head[:-1]}{"," if data else ""}{json.dumps(key)}:[{",".join(records)}]}}'
    return Response(body.encode("utf-8"), media_type="application/json")


def with_members(text: str, members: dict[str, Any]) -> Response:
    """The JSON object ``text`` (as a writer streamed it) with ``members`` added at its end:
    the same JSON as decoding it, adding them and encoding it again, without doing either."""
    head = text.rstrip()
    if not head.endswith("}"):
        raise ValueError("not the text of a JSON object")
    extra = json.dumps(members, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    body = head[:-1] + ("," + extra[1:] if members else "}")
    return Response(body.encode("utf-8"), media_type="application/json")
