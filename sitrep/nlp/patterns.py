"""Entity-ruler patterns gathered from the knowledge files of places and actors."""

from __future__ import annotations

from sitrep.resolve.actors import actor_patterns
from sitrep.resolve.places import place_patterns


def entity_patterns() -> list[dict]:
    """All patterns for the ``sitrep_entity_ruler``: places first, then actors."""
    return [*place_patterns(), *actor_patterns()]
