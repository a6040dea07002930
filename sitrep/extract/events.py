"""Assemble event records from a parsed document (placeholder)."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.model import Article, Event, PlaceMention, TimeMention
from sitrep.resolve.actors import ActorResolver


def extract_events(doc: Doc, article: Article, *, places: list[PlaceMention],
                   times: list[TimeMention], actors: ActorResolver) -> list[Event]:
    return []
