"""Places: gazetteer index, toponym detection and resolution."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.model import Article, PlaceMention


def place_patterns() -> list[dict]:
    """Entity-ruler patterns for countries, demonyms, cities, facilities (placeholder)."""
    return []


class Geocoder:
    """Resolves the place mentions of a document (placeholder: none yet)."""

    def resolve(self, doc: Doc, article: Article) -> list[PlaceMention]:
        return []


__all__ = ["Geocoder", "place_patterns"]
