"""Places: gazetteer index, toponym detection and resolution.

The geocoder and the patterns need spaCy; they are imported on first use, so that the country
tables (``sitrep.resolve.places.countries``) load without the NLP stack.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.resolve.places.geocoder import Geocoder, is_event_place, is_seat_as_actor
    from sitrep.resolve.places.patterns import place_patterns

_LAZY = {"Geocoder": "sitrep.resolve.places.geocoder",
         "is_event_place": "sitrep.resolve.places.geocoder",
         "is_seat_as_actor": "sitrep.resolve.places.geocoder",
         "place_patterns": "sitrep.resolve.places.patterns"}

__all__ = ["Geocoder", "is_event_place", "is_seat_as_actor", "place_patterns"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'sitrep.resolve.places' has no attribute {name!r}")
