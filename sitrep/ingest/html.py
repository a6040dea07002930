"""HTML article pages: trafilatura finds the main text and the page's metadata."""

from __future__ import annotations

import re
from typing import Any

import htmldate
import trafilatura

from sitrep.errors import InputError
from sitrep.ingest import dates
from sitrep.ingest.dateline import read_dateline
from sitrep.ingest.decode import check_article_text
from sitrep.model import Article, content_hash

_MARKUP = re.compile(r"<(?:!doctype\b|/?[a-z][a-z0-9]*\b)[^>]*>", re.IGNORECASE)
_STAMP_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def looks_like_html(text: str) -> bool:
    """Whether the text starts with markup (after any whitespace)."""
    return bool(_MARKUP.match(text.lstrip()))


def parse_html(html: str, source: str, published: str | None = None) -> Article:
    """One article page: main text, title, date, site name and canonical URL.

    A page without markup or without extractable article text is an :class:`InputError`.
    """
    if not _MARKUP.search(html):
        raise InputError(source, "not HTML: no markup found")
    # a Document (its stub also names the dict form, which as_dict=False never returns)
    page: Any = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = (page.text or "") if page is not None else ""
    if not text.strip():
        raise InputError(source, "broken or empty HTML: no article text could be extracted")
    check_article_text(text, source, "article text")
    own = _page_published(html, page.date)
    dateline = read_dateline(text, own or published)
    return Article(
        id=content_hash(text), text=text, title=page.title or None,
        published=own or dateline.published or published, url=page.url or None,
        publisher=page.sitename or dateline.publisher, source=source,
        **dateline.article_fields(),
    )


def _page_published(html: str, day: str | None) -> str | None:
    """The page's publication date, with its time and zone when the page gives them."""
    if not day:
        return None
    stamp = htmldate.find_date(html, outputformat=_STAMP_FORMAT, original_date=True)
    if stamp and stamp.startswith(day) and stamp[11:19] != "00:00:00":
        zone = stamp[19:]
        with_time = stamp[:16] + (f"{zone[:3]}:{zone[3:]}" if zone else "")
        return dates.normalise_published(with_time) or dates.normalise_published(day)
    return dates.normalise_published(day)
