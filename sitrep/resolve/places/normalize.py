"""One spelling key for names: accents, curly quotes and odd spaces must not hide a match."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-",
})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Strip accents, straighten quotes and dashes, collapse spaces; keep case.

    Case is kept on purpose: matching is case-sensitive ("Niger" the country, "niger" nothing).
    """
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text).strip()


def key(text: str) -> str:
    """Case-insensitive lookup key: folded, lower-cased, without a leading "the"."""
    folded = fold(text).casefold()
    return folded[4:] if folded.startswith("the ") else folded
