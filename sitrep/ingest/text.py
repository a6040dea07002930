"""Plain-text articles: the first non-empty line is the title, the dateline gives the rest."""

from __future__ import annotations

from sitrep.ingest.dateline import read_dateline
from sitrep.ingest.decode import check_article_text
from sitrep.model import Article, content_hash


def parse_text(text: str, source: str, published: str | None = None) -> Article:
    """One ``.txt`` article; ``published`` fills in only when the text carries no date.

    ``Article.text`` is the whole text as decoded, so offsets index the file itself.
    """
    check_article_text(text, source)
    dateline = read_dateline(text, published)
    return Article(
        id=content_hash(text), text=text, title=_title(text),
        published=dateline.published or published, publisher=dateline.publisher,
        source=source, **dateline.article_fields(),
    )


def _title(text: str) -> str | None:
    return next((line.strip() for line in text.splitlines() if line.strip()), None)
