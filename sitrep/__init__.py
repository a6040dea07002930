"""sitrep: news reports to a verifiable record of who did what to whom, where, when, and on
whose word.

    >>> import sitrep
    >>> events = sitrep.code("Niger ended its military agreement with the US.",
    ...                      published="2024-05-03")

The coder (and with it spaCy) is imported on first use of one of its names, so that reading a
store (``sitrep events``, ``sitrep --help``) never pays for loading the NLP stack.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.coder import Coder, Options, code, code_articles
    from sitrep.model import Article, CodedArticle, Event

__version__ = "0.1.0"

_LAZY = {
    "Coder": "sitrep.coder", "Options": "sitrep.coder", "code": "sitrep.coder",
    "code_articles": "sitrep.coder", "Article": "sitrep.model", "CodedArticle": "sitrep.model",
    "Event": "sitrep.model",
}

__all__ = [
    "Article",
    "CodedArticle",
    "Coder",
    "Event",
    "Options",
    "__version__",
    "code",
    "code_articles",
]


def __getattr__(name: str) -> Any:
    """The public names, imported from their module when first asked for."""
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
