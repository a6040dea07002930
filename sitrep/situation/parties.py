"""Parties of an agreement: the event's own countries, else the countries its sentence names.

A government ending a pact "that let French troops use its bases" is coded with one actor and
no recipient, yet its sentence names the other party; an agreement of one party says little,
so the sentence fills in what the arguments missed.
"""

from __future__ import annotations

import re

from sitrep.model import Event
from sitrep.resolve.places.countries import country_for_demonym, country_for_name

_RUN = re.compile(r"[A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*)*")
MAX_WORDS = 3


def parties(event: Event) -> list[str]:
    """Sorted country codes of the agreement an event is about."""
    found = {a.country for a in event.actors + event.recipients if a.country}
    if len(found) < 2:
        found |= named_countries(event.evidence.sentence)
    return sorted(found)


def named_countries(sentence: str) -> set[str]:
    """Countries named or adjectivally mentioned ("U.S.", "Nigerien") in a sentence."""
    found: set[str] = set()
    for run in _RUN.findall(sentence):
        found |= _run_countries(re.split(r"[ -]", run))
    return found


def _run_countries(words: list[str]) -> set[str]:
    """Longest names first, so "United States" is not read as two unknown words."""
    found: set[str] = set()
    i = 0
    while i < len(words):
        for size in range(min(MAX_WORDS, len(words) - i), 0, -1):
            code = _lookup(" ".join(words[i:i + size]))
            if code:
                found.add(code)
                i += size
                break
        else:
            i += 1
    return found


def _lookup(text: str) -> str | None:
    for candidate in dict.fromkeys((text, text.rstrip(".’'"))):
        country = country_for_name(candidate) or country_for_demonym(candidate)
        if country:
            return country.iso3
    return None
