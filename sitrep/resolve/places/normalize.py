"""One spelling key for place names: the codebook's ``fold`` with case kept.

Case is kept on purpose: matching is case-sensitive ("Niger" the country, "niger" nothing).
"""

from __future__ import annotations

from sitrep.codebook.load import fold as _fold


def fold(text: str) -> str:
    """Accents stripped, quotes and dashes straightened, spaces collapsed; case kept."""
    return _fold(text, keep_case=True)


def key(text: str) -> str:
    """Case-insensitive lookup key: folded, lower-cased, without a leading "the"."""
    folded = _fold(text)
    return folded[4:] if folded.startswith("the ") else folded
