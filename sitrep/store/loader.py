"""Code articles and store them: what ``sitrep ingest`` and the API's ingest endpoint share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from sitrep.errors import InputError, SitrepError
from sitrep.model import Article, CodedArticle
from sitrep.store.db import Store


@dataclass(slots=True)
class LoadResult:
    """What one load did: articles added, articles already stored, events added, errors."""

    added: int = 0
    skipped: int = 0
    events: int = 0
    errors: list[InputError] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


class ArticleCoder(Protocol):
    """What loading needs of a coder (``sitrep.coder.Coder`` is one)."""

    def code_articles(self, articles: Iterable[Article],
                      on_error: Callable[[InputError], None] | None = None
                      ) -> Iterable[CodedArticle]: ...


def load_articles(store: Store, coder: ArticleCoder, items: Iterable[Article | InputError],
                  on_article: Callable[[CodedArticle | None], None] | None = None) -> LoadResult:
    """Code the articles not yet stored and store each in its own transaction.

    Already-stored articles (same content hash) are skipped before coding, so a second run over
    the same input changes nothing and costs little. ``InputError`` items are collected, never
    raised: one bad input does not stop the others.
    """
    result = LoadResult()
    fresh = _new_articles(store, items, result)
    for coded in coder.code_articles(fresh, on_error=result.errors.append):
        try:
            added = store.add(coded)
        except SitrepError as exc:
            result.errors.append(InputError(coded.article.source or coded.article.id, str(exc)))
            continue
        if added:
            result.added += 1
            result.events += len(coded.events)
        else:
            result.skipped += 1
        result.article_ids.append(coded.article.id)
        if on_article:
            on_article(coded)
    return result


def _new_articles(store: Store, items: Iterable[Article | InputError],
                  result: LoadResult) -> Iterator[Article]:
    seen: set[str] = set()
    for item in items:
        if isinstance(item, InputError):
            result.errors.append(item)
        elif item.content_hash in seen or store.has_article(item.content_hash):
            result.skipped += 1
            result.article_ids.append(item.id)
        else:
            seen.add(item.content_hash)
            yield item
