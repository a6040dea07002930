"""Times: tag and normalise time expressions against the document's reference date."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from sitrep.model import TimeMention


def tag_times(text: str, reference: date | None, doc_id: str, doc: Doc | None = None
              ) -> list[TimeMention]:
    """All time expressions in ``text`` (placeholder: none yet)."""
    return []


__all__ = ["tag_times"]
