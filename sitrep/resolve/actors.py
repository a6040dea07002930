"""Actor mentions to country (ISO alpha-3 or PLOVER non-state code) and PLOVER sector."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.model import Article, EntityMention, PlaceMention


def actor_patterns() -> list[dict]:
    """Entity-ruler patterns for institutions and titled persons (placeholder: none yet)."""
    return []


class ActorResolver:
    """Resolves actor mentions using the codebook's institutions, titles and demonyms."""

    def entities(self, doc: Doc, article: Article, places: list[PlaceMention]
                 ) -> list[EntityMention]:
        return [
            EntityMention(doc_id=article.id, start=e.start_char, end=e.end_char, text=e.text,
                          label=e.label_)
            for e in doc.ents
        ]
