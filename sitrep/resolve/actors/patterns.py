"""Entity-ruler patterns from the actor codebook: named bodies as ORG, titled names as PERSON.

The ruler sits before ``ner`` and keeps the longest match, so "General Michael Langley" is a
PERSON although "Langley" is a town, and "Russian Defense Ministry" one ORG.
"""

from __future__ import annotations

from functools import cache

import spacy

from sitrep.codebook.actor_tables import ActorTables
from sitrep.codebook.load import load_list

NAME = r"^[A-Z][\w'’.\-]*$"
PARTICLES = frozenset(w for w in load_list("actors/name_particles.txt") if w.isalpha())
NAME_PART = rf"^(?:[A-Z][\w'’.\-]*|-|{'|'.join(sorted(PARTICLES))})$"
MAX_NAME_PARTS = 3


@cache
def split_words(text: str) -> tuple[str, ...]:
    """The token texts spaCy's English tokenizer makes of a phrase."""
    return tuple(t.text for t in _tokenizer()(text))


@cache
def _tokenizer():  # noqa: ANN202 - a spaCy Tokenizer
    return spacy.blank("en").tokenizer


def not_name_words(book: ActorTables) -> list[str]:
    """Lower-case words that cannot continue a person's name after a title."""
    words = {w.lower() for w in book.name_stopwords}
    words.update(book.words)
    for phrase in [*book.titles, *(a for a, b in book.bodies.items() if b.country is None)]:
        words.update(w.lower() for w in split_words(phrase))
    return sorted(w for w in words if (w not in PARTICLES and w.isalpha()) or w.endswith("."))


def title_patterns(book: ActorTables) -> list[dict]:
    """Title + one to four capitalised name tokens → PERSON (the title is trimmed later)."""
    stop = {"NOT_IN": not_name_words(book)}
    first = {"TEXT": {"REGEX": NAME}, "LOWER": stop}
    more = {"TEXT": {"REGEX": NAME_PART}, "LOWER": stop, "OP": f"{{0,{MAX_NAME_PARTS}}}"}
    patterns = []
    for title in book.titles:
        words = [{"ORTH": w} for w in split_words(title)]
        patterns.append({"label": "PERSON", "pattern": [*words, first, more], "id": "title"})
    return patterns


def body_patterns(book: ActorTables, demonyms: list[str]) -> list[dict]:
    """Named bodies as ORG; bodies without a fixed country also with a demonym before them."""
    patterns = []
    for alias, body in book.bodies.items():
        if not body.entity or not alias[:1].isupper():
            continue
        patterns.append({"label": "ORG", "pattern": alias, "id": "body"})
        if body.country is None:
            patterns.extend({"label": "ORG", "pattern": f"{demonym} {alias}", "id": "body"}
                            for demonym in demonyms)
    return patterns
