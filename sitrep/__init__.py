"""sitrep: news reports to a verifiable record of who did what to whom, where, when, and on
whose word.

    >>> import sitrep
    >>> events = sitrep.code("Niger ended its military agreement with the US.",
    ...                      published="2024-05-03")
"""

from __future__ import annotations

from sitrep.coder import Coder, Options, code, code_articles
from sitrep.model import Article, CodedArticle, Event

__version__ = "0.1.0"

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
