"""Reference tables the page needs: what the page must know of the library (which place
precisions are points, the modalities, the page size), PLOVER event types from the codebook,
and ISO numeric codes to alpha-3 (world-atlas names its shapes by number, sitrep by alpha-3;
the table is built from pycountry and served, never downloaded)."""

from __future__ import annotations

from functools import cache
from typing import Any

import pycountry
from fastapi import APIRouter

from sitrep.codebook.lexicon import load_codebook
from sitrep.model import PINNED_PRECISIONS
from sitrep.query import MAX_PAGE, MODALITIES

router = APIRouter(prefix="/api", tags=["reference"])


@cache
def numeric_to_alpha3() -> dict[str, dict[str, str]]:
    """``{"562": {"alpha3": "NER", "name": "Niger"}, ...}`` for every ISO country."""
    table: dict[str, dict[str, str]] = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        table[country.numeric] = {"alpha3": country.alpha_3, "name": name}
    return table


@router.get("/countries", summary="ISO numeric code -> alpha-3 and name, for the map")
def countries() -> dict[str, Any]:
    return numeric_to_alpha3()


@router.get("/event-types", summary="The PLOVER event types, with quad class and description")
def event_types() -> list[dict[str, Any]]:
    return [{"name": t.name, "quad": t.quad, "description": t.description}
            for t in load_codebook().types.values()]


@router.get("/config", summary="What the page draws by: point precisions, modalities, page size")
def config() -> dict[str, Any]:
    """The library's own lists, so the page never keeps a copy: ``pinned_precisions`` are the
    place precisions drawn as points (the ``bbox`` filter keeps only those), ``modalities``
    the values of the ``modality`` filter, ``max_page`` the most events one page returns."""
    return {"pinned_precisions": list(PINNED_PRECISIONS), "modalities": list(MODALITIES),
            "max_page": MAX_PAGE}
