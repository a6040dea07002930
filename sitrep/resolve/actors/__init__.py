"""Actors: mention → country (ISO alpha-3 or PLOVER non-state code) and PLOVER sector."""

from __future__ import annotations

from functools import cache

from sitrep.codebook.lexicon import Codebook, load_codebook
from sitrep.resolve.actors.patterns import body_patterns, title_patterns
from sitrep.resolve.actors.resolver import ActorContext, ActorResolver
from sitrep.resolve.places.countries import demonyms


@cache
def _patterns() -> tuple[dict, ...]:
    book = load_codebook().actors
    names = sorted(d for d in demonyms() if d[:1].isupper() and " " not in d)
    return tuple([*body_patterns(book, names), *title_patterns(book)])


def actor_patterns() -> list[dict]:
    """Entity-ruler patterns: institutions and organisations as ORG, titled names as PERSON."""
    return [dict(p) for p in _patterns()]


__all__ = ["ActorContext", "ActorResolver", "Codebook", "actor_patterns", "load_codebook"]
