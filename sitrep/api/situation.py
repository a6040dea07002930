"""The situation endpoint: the state that follows from the stored events."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from sitrep.api.state import get_store
from sitrep.situation import situation
from sitrep.store import Store

router = APIRouter(prefix="/api", tags=["situation"])


@router.get("/situation", summary="Forces present, agreements, withdrawals under way")
def get_situation(
    store: Annotated[Store, Depends(get_store)],
    as_of: Annotated[date | None, Query(description="the state as of this day")] = None,
) -> dict[str, Any]:
    """Every entry names the events it rests on, so each statement leads to its evidence."""
    return situation(store.situation_events(), as_of=as_of).to_dict()
