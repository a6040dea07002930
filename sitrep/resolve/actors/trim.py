"""``sitrep_title_trimmer``: takes person titles out of PERSON spans, and mends a name the
model cut inside a hyphenated word ("Lee Jae-" of "Lee Jae-myung").

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
        ents = [self.trim(ent) for ent in doc.ents]
        doc.ents = [mend_hyphenated(ent, ents[i + 1].start if i + 1 < len(ents) else len(doc))
                    for i, ent in enumerate(ents)]
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


HYPHEN = "-"


def mend_hyphenated(ent: Span, limit: int) -> Span:
    """A PERSON span that ends inside a hyphenated word, on the hyphen ("Lee Jae-") or before
    it ("Lee Jae" of "Lee Jae-myung"), taken to the word's end: the rest of the name is a
    word of letters written on without a space, before ``limit`` (the next entity's start).
    A name cut so is no name the leaders table or a later surname can know."""
    if ent.label_ != "PERSON":
        return ent
    doc, end = ent.doc, ent.end
    if doc[end - 1].text != HYPHEN and end + 1 < limit and not doc[end - 1].whitespace_ \
            and doc[end].text == HYPHEN:
        end += 1  # "Lee Jae" before "-myung"
    if doc[end - 1].text != HYPHEN or doc[end - 1].whitespace_ or end >= limit or \
            not doc[end].is_alpha or end - 1 == ent.start:
        return ent
    return Span(doc, ent.start, end + 1, label=ent.label, kb_id=ent.kb_id, span_id=ent.id)
