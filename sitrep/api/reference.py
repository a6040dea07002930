"""Reference tables the page needs: PLOVER event types from the codebook, and ISO numeric
codes to alpha-3 (world-atlas names its shapes by number, sitrep by alpha-3; the table is built
from pycountry and served, never downloaded)."""

from __future__ import annotations

from functools import cache
from typing import Any

import pycountry
from fastapi import APIRouter

from sitrep.codebook.lexicon import load_codebook

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
