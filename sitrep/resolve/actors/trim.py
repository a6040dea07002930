"""``sitrep_title_trimmer``: takes person titles out of PERSON spans.

The entity ruler labels "General Michael Langley" a PERSON so that the title beats the place
name "Langley"; entity conventions (and the scorers) want the name alone, and the actor
resolver finds the title again just before the name.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.codebook.lexicon import load_codebook
from sitrep.resolve.actors.patterns import TitleTable


class TitleTrimmer:
    """Shrinks PERSON entities that begin with a known title to the name after it."""

    def __init__(self, nlp: Language, name: str, *, titles: list[str] | None = None) -> None:
        self.name = name
        known = titles if titles is not None else list(load_codebook().actors.titles)
        self.titles = TitleTable(known)

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = [self.trim(ent) for ent in doc.ents]
        return doc

    def title_length(self, span: Span) -> int:
        """How many leading tokens of ``span`` form the longest known title (0 if none)."""
        return self.titles.prefix([t.text for t in span[: len(span) - 1]])

    def trim(self, ent: Span) -> Span:
        if ent.label_ != "PERSON":
            return ent
        size = self.title_length(ent)
        if not size:
            return ent
        return Span(ent.doc, ent.start + size, ent.end, label=ent.label, kb_id=ent.kb_id,
                    span_id=ent.id)
