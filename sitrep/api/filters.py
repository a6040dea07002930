"""The event filters and paging as query parameters, built from the one declaration in
:mod:`sitrep.query` and checked by the same code as the CLI's options."""

from __future__ import annotations

import inspect
from typing import Annotated, Any

from fastapi import HTTPException, Query

from sitrep.query import (
    DEFAULT_PAGE,
    FILTERS,
    MAX_PAGE,
    EventQuery,
    QueryError,
    parse_filters,
    parse_page,
)


def refused(exc: QueryError) -> HTTPException:
    """A refused filter as the API's 422, naming the query parameter."""
    return HTTPException(422, f"query.{exc.name}: {exc.reason}")


def _filter_parameters() -> list[inspect.Parameter]:
    return [inspect.Parameter(spec.name, inspect.Parameter.KEYWORD_ONLY, default=None,
                              annotation=Annotated[str | None, Query(description=spec.help)])
            for spec in FILTERS]


def event_filters(**raw: str | None) -> EventQuery:
    """Filters without paging: what the list and the export share."""
    try:
        return parse_filters(raw)
    except QueryError as exc:
        raise refused(exc) from None


event_filters.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    _filter_parameters(), return_annotation=EventQuery)


def paged_filters(
    limit: Annotated[str | None, Query(description=f"events per page, 1 to {MAX_PAGE} "
                                                   f"(default {DEFAULT_PAGE})")] = None,
    offset: Annotated[str | None, Query(description="events to skip (prefer `after`)")] = None,
) -> tuple[int, int]:
    """``(limit, offset)``, checked like the CLI's ``--limit``."""
    page = _page(limit, offset, None)
    return page["limit"], page["offset"]


def keyset_filters(
    limit: Annotated[str | None, Query(description=f"events per page, 1 to {MAX_PAGE} "
                                                   f"(default {DEFAULT_PAGE})")] = None,
    offset: Annotated[str | None, Query(description="events to skip (prefer `after`)")] = None,
    after: Annotated[str | None, Query(
        description="the id of the last event of the previous page (its `next`)")] = None,
) -> dict[str, Any]:
    """Paging by ``limit`` and either ``after`` (a keyset cursor) or ``offset``."""
    return _page(limit, offset, after)


def _page(limit: str | None, offset: str | None, after: str | None) -> dict[str, Any]:
    try:
        page = parse_page(EventQuery(), limit=limit or DEFAULT_PAGE, offset=offset, after=after)
    except QueryError as exc:
        raise refused(exc) from None
    return {"limit": page.limit, "offset": page.offset, "after": page.after}
