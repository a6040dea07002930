"""Which language a fetched page is in: ``py3langid`` with the model it ships (no download).

Pages from feeds are checked before coding, since sitrep's pipeline reads English; a page too
short to judge is taken as it comes.
"""

from __future__ import annotations

MIN_CHARS = 40
"""Below this many characters the identifier guesses more than it knows."""


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when it is too short to tell."""
    sample = text[:5000]
    if len(sample.strip()) < MIN_CHARS:
        return None
    import py3langid  # the model loads on first use (about a second), not at import

    language, _ = py3langid.classify(sample)
    return str(language)
