"""The situation endpoint: the state that follows from the stored events."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from sitrep.api.heavy import HeavyWork
from sitrep.api.state import get_heavy

router = APIRouter(prefix="/api", tags=["situation"])


@router.get("/situation", summary="Forces present, agreements, withdrawals under way")
def get_situation(
    heavy: Annotated[HeavyWork, Depends(get_heavy)],
    as_of: Annotated[date | None, Query(
        description="the state as of this day (default: the latest news stored)")] = None,
) -> Response:
    """Every entry names the events it rests on, so each statement leads to its evidence.
    Built beside the server's requests, not among them (:mod:`sitrep.api.heavy`)."""
    return Response(heavy.situation(as_of), media_type="application/json")
