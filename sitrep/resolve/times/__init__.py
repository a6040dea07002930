"""Times: tag and normalise time expressions against the document's reference date."""

from __future__ import annotations

from sitrep.resolve.times.tagger import tag_times

__all__ = ["tag_times"]
