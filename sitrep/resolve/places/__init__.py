"""Places: gazetteer index, toponym detection and resolution."""

from __future__ import annotations

from sitrep.resolve.places.geocoder import Geocoder, is_event_place
from sitrep.resolve.places.patterns import place_patterns

__all__ = ["Geocoder", "is_event_place", "place_patterns"]
