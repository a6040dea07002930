"""One spelling key for names: accents, curly quotes and odd spaces must not hide a match."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_QUOTES = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-",
})
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _latin_ascii(char: str) -> str:
    """A Latin letter that has no accent to strip ("ı", "Ł", "ø", "ß") spelled in ASCII; any
    other character unchanged (other scripts are not transliterated: their romanisations are
    too loose to match news spellings)."""
    if char.isascii() or not unicodedata.name(char, "").startswith("LATIN"):
        return char
    return anyascii(char) or char


def fold(text: str) -> str:
    """Strip accents, spell Latin letters in ASCII, straighten quotes and dashes, collapse
    spaces; keep case.

    Case is kept on purpose: matching is case-sensitive (a country's name capitalised is the
    country; the same letters in lower case are no name).
    """
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(_latin_ascii(ch) for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text).strip()


def key(text: str) -> str:
    """Case-insensitive lookup key: folded, lower-cased, without a leading "the"."""
    folded = fold(text).casefold()
    return folded[4:] if folded.startswith("the ") else folded
