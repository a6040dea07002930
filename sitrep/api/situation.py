"""The situation endpoint: the state that follows from the stored events."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from sitrep.api.plain import plain_json
from sitrep.api.state import get_store
from sitrep.situation import stored_situation
from sitrep.store import Store

router = APIRouter(prefix="/api", tags=["situation"])


@router.get("/situation", summary="Forces present, agreements, withdrawals under way")
def get_situation(
    store: Annotated[Store, Depends(get_store)],
    as_of: Annotated[date | None, Query(
        description="the state as of this day (default: the latest news stored)")] = None,
) -> JSONResponse:
    """Every entry names the events it rests on, so each statement leads to its evidence."""
    return plain_json(stored_situation(store, as_of=as_of).to_dict())
