"""``sitrep_entity_ruler``: spaCy's entity ruler over the gazetteer, with titled names.

Place, body and organisation names are phrase patterns (a hash lookup per token, whatever
their number). Titled names ("General Michael Langley") are one token pattern that starts at a
title's last word; this ruler extends each such match back over the whole title, or drops it
when the words before do not complete one. Then the longest match wins as in spaCy's ruler,
so the titled name beats the place name inside it.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

from sitrep.resolve.actors.patterns import TITLED, TitleTable

Match = tuple[int, int, int]


class GazetteerRuler(EntityRuler):
    """An :class:`~spacy.pipeline.EntityRuler` whose titled-name matches begin at the title."""

    def __init__(self, nlp: Language, name: str, *, titles: Iterable[str],
                 overwrite_ents: bool = True) -> None:
        super().__init__(nlp, name, phrase_matcher_attr=None, validate=False,
                         overwrite_ents=overwrite_ents)
        self.titles = TitleTable(titles)

    def match(self, doc: Doc) -> list[Match]:  # type: ignore[override]
        """The ruler's matches, titled names moved back to the start of their title."""
        found: set[Match] = set()
        for match in super().match(doc):
            if self._ent_ids.get(match[0], ("", ""))[1] == TITLED:
                titled = self._with_title(doc, match)
                if titled is not None:
                    found.add(titled)
            else:
                found.add(match)
        return sorted(found, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    def _with_title(self, doc: Doc, match: Match) -> Match | None:
        """The match from the first word of the longest title ending at its first token."""
        key, start, end = match
        words = [t.text for t in doc[max(0, start + 1 - self.titles.longest): start + 1]]
        size = self.titles.suffix(words)
        return (key, start + 1 - size, end) if size else None
