"""Entity-ruler patterns from the actor codebook: named bodies as ORG, titled names as PERSON.

The ruler sits before ``ner`` and keeps the longest match, so "General Michael Langley" is a
PERSON although "Langley" is a town, and "Russian Defense Ministry" one ORG.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
    # WordNet's people nouns are surnames as often as not: they may continue a name
    words.update(w for w, sector in book.words.items() if not sector.noun)
    for phrase in [*book.titles, *(a for a, b in book.bodies.items() if b.country is None)]:
        words.update(w.lower() for w in split_words(phrase))
    return sorted(w for w in words if (w not in PARTICLES and w.isalpha()) or w.endswith("."))


TITLED = "title"


class TitleTable:
    """The known person titles as token tuples, found at the start or the end of a run of
    words: one table for the ruler (which finds titled names) and the trimmer (which takes the
    title off again)."""

    def __init__(self, titles: Iterable[str]) -> None:
        self.titles = frozenset(split_words(t) for t in titles)
        self.longest = max((len(t) for t in self.titles), default=0)

    def last_words(self) -> list[str]:
        """The words a title can end with."""
        return sorted({t[-1] for t in self.titles})

    def prefix(self, words: Sequence[str]) -> int:
        """How many leading ``words`` form the longest known title (0 if none)."""
        for size in range(min(len(words), self.longest), 0, -1):
            if tuple(words[:size]) in self.titles:
                return size
        return 0

    def suffix(self, words: Sequence[str]) -> int:
        """How many trailing ``words`` form the longest known title (0 if none)."""
        for size in range(min(len(words), self.longest), 0, -1):
            if tuple(words[len(words) - size:]) in self.titles:
                return size
        return 0


def title_patterns(book: ActorTables) -> list[dict]:
    """A title's last word + one to four capitalised name tokens → PERSON.

    One token pattern instead of one per title: the matcher's cost grows with the number of
    token patterns it tries at every token, and titles run to hundreds. The ruler then checks
    that the words before the match complete a known title and starts the entity there (see
    :class:`sitrep.nlp.ruler.GazetteerRuler`); the trimmer takes the title off after ``ner``.
    """
    stop = {"NOT_IN": not_name_words(book)}
    first = {"TEXT": {"REGEX": NAME}, "LOWER": stop}
    more = {"TEXT": {"REGEX": NAME_PART}, "LOWER": stop, "OP": f"{{0,{MAX_NAME_PARTS}}}"}
    last = {"ORTH": {"IN": TitleTable(book.titles).last_words()}}
    return [{"label": "PERSON", "pattern": [last, first, more], "id": TITLED}]


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
