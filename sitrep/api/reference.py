"""Numeric ISO 3166-1 codes to alpha-3: world-atlas names its shapes by number, sitrep by
alpha-3, so the map needs the table (built from pycountry, served, never downloaded)."""

from __future__ import annotations

from functools import cache
from typing import Any

import pycountry
from fastapi import APIRouter

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
