"""Following outlets: poll feeds, fetch the new items once, keep one article per wire story.

One poll of a feed: a conditional GET (a 304 ends it, with no fetching or coding); the items
not fetched before; each page fetched politely, read by trafilatura, checked to be English;
copies of a story already kept (MinHash, :class:`~sitrep.cluster.duplicates.SyndicationIndex`)
become further sources of that article instead of new articles; the rest are coded and stored.
What each URL gave is written to the store's fetch state as it is known, so a poll that dies
half-way resumes where it stopped and an item is never fetched twice (a failure that may pass,
such as a timeout or a 429, is tried again next poll). The feed's own validators are saved only
once its items are done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

from sitrep.cluster.duplicates import (
    SyndicationIndex,
    article_signature,
    signature_bytes,
    signature_from_bytes,
)
from sitrep.errors import InputError
from sitrep.ingest import decode
from sitrep.ingest.feeds import FeedItem, parse_feed
from sitrep.ingest.fetch import Fetcher, FetchError
from sitrep.ingest.html import parse_html
from sitrep.ingest.language import detect_language
from sitrep.model import Article, CodedArticle
from sitrep.store.db import ArticleSource, FetchState, Store
from sitrep.store.loader import load_articles

LANGUAGE = "en"
MAX_FEED_DEPTH = 2
"""A sitemap index may list sitemaps; deeper nesting than that is not followed."""
_DONE = frozenset({"stored", "duplicate", "skipped"})


class ArticleCoder(Protocol):
    def code_articles(self, articles: Iterable[Article],
                      on_error: Callable[[InputError], None] | None = None
                      ) -> Iterable[CodedArticle]: ...


@dataclass(slots=True)
class PollReport:
    """What one poll did, for the summary line; ``errors`` name each URL that failed."""

    feeds: int = 0
    not_modified: int = 0
    items: int = 0
    seen: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    events: int = 0
    errors: list[InputError] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.feeds} feeds ({self.not_modified} not modified), {self.items} items: "
                f"{self.stored} articles stored ({self.events} events), {self.duplicates} "
                f"copies of a stored story, {self.skipped} skipped, {self.seen} fetched before, "
                f"{len(self.errors)} failed")


@dataclass(slots=True)
class _Page:
    item: FeedItem
    article: Article
    fetched_url: str
    http_status: int
    original: str | None = None


class Watcher:
    """Polls feeds and ingests URLs into one store; reuse it across polls (it keeps the
    fetcher's manners and the index of stories already kept).

    ``coder`` is a factory, called only when there is something new to code, so a poll where
    every feed answers 304 never loads the model. ``say`` receives progress and notes (the CLI
    sends them to standard error).
    """

    def __init__(self, store: Store, fetcher: Fetcher, coder: Callable[[], ArticleCoder], *,
                 say: Callable[[str], None] = lambda _: None, threshold: float = 0.8) -> None:
        self.store, self.fetcher, self.coder, self.say = store, fetcher, coder, say
        self.index = SyndicationIndex(threshold)
        for article_id, data in store.iter_signatures():
            self.index.add(article_id, signature_from_bytes(data))

    def poll(self, feeds: Iterable[str]) -> PollReport:
        """One pass over the feeds; failures are in the report, never raised."""
        report = PollReport()
        for feed in feeds:
            self._poll_feed(feed, report, depth=0)
        return report

    def ingest_urls(self, urls: Iterable[str]) -> PollReport:
        """Fetch and store article pages given by URL (``sitrep ingest URL``)."""
        report = PollReport()
        self._ingest_items([FeedItem(url) for url in urls], report)
        return report

    # -- feeds -----------------------------------------------------------------------------

    def _poll_feed(self, url: str, report: PollReport, depth: int) -> None:
        report.feeds += 1
        before = self.store.fetch_state(url)
        try:
            fetched = self.fetcher.get(url, etag=before.etag if before else None,
                                       last_modified=before.last_modified if before else None)
            if fetched.not_modified:
                report.not_modified += 1
                self.say(f"{url}: not modified")
                return
            feed = parse_feed(fetched.body, fetched.final_url)
        except InputError as err:
            self._failed(report, err, "feed", before)
            return
        self.say(f"{url}: {feed.kind}, {len(feed.items) or len(feed.feeds)} entries")
        for nested in feed.feeds:
            if depth < MAX_FEED_DEPTH:
                self._poll_feed(nested, report, depth + 1)
        self._ingest_items(feed.items, report)
        self.store.record_fetch(FetchState(
            url=url, kind="feed", status="polled", http_status=fetched.status,
            etag=fetched.etag, last_modified=fetched.last_modified))

    # -- items -----------------------------------------------------------------------------

    def _ingest_items(self, items: list[FeedItem], report: PollReport) -> None:
        fresh = self._unseen(items, report)
        pages: list[_Page] = []
        for number, item in enumerate(fresh, start=1):
            page = self._fetch_page(item, report)
            if page is not None:
                pages.append(page)
            if number % 10 == 0 or number == len(fresh):
                self.say(f"fetched {number}/{len(fresh)} new items")
        originals = [page for page in pages if page.original is None]
        if originals:
            self._store_originals(originals, report)
        for page in pages:
            if page.original is not None:
                self._store_copy(page, report)

    def _unseen(self, items: list[FeedItem], report: PollReport) -> list[FeedItem]:
        """Items never fetched (or whose last failure may pass), each URL once."""
        fresh, urls = [], set()
        for item in items:
            report.items += 1
            state = self.store.fetch_state(item.url)
            if item.url in urls or (state is not None and (state.status in _DONE
                                                           or not state.retry)):
                report.seen += 1
                continue
            urls.add(item.url)
            fresh.append(item)
        return fresh

    def _fetch_page(self, item: FeedItem, report: PollReport) -> _Page | None:
        """Fetch and read one item; None when it failed or was skipped (already recorded)."""
        try:
            fetched = self.fetcher.get(item.url)
            html = decode.decode_bytes(fetched.body, item.url)
            article = parse_html(html, item.url, item.published)
        except InputError as err:
            self._failed(report, err, "item", None)
            return None
        language = detect_language(article.text)
        if language is not None and language != LANGUAGE:
            report.skipped += 1
            reason = f"skipped: the page is in language {language!r}, not English"
            self.say(f"note: {item.url}: {reason}")
            self.store.record_fetch(FetchState(url=item.url, kind="item", status="skipped",
                                               http_status=fetched.status, reason=reason,
                                               content_hash=article.content_hash))
            return None
        article.url = article.url or fetched.final_url
        article.publisher = article.publisher or urlsplit(fetched.final_url).hostname
        article.title = article.title or item.title
        signature = article_signature(article.text)
        original = self.index.original(signature)
        if original is None:
            self.index.add(article.id, signature)
        return _Page(item, article, fetched.final_url, fetched.status, original)

    def _store_originals(self, pages: list[_Page], report: PollReport) -> None:
        """Code and store the articles that are no copy, one transaction each (the loader);
        each one's source, signature and fetch state are written as soon as it is stored, so
        a crash later in the batch does not make it fetched again."""
        by_id = {page.article.id: page for page in pages}

        def stored(coded: CodedArticle | None) -> None:
            page = by_id.get(coded.article.id) if coded is not None else None
            if page is None:
                return
            self._record_source(page, page.article.id)
            self.store.add_signature(page.article.id,
                                     signature_bytes(self.index.signatures[page.article.id]))
            self._done(page, "stored", page.article.id)
            report.stored += 1

        result = load_articles(self.store, self.coder(), [page.article for page in pages],
                               on_article=stored)
        report.events += result.events
        for page in pages:
            if page.article.id in result.article_ids and self.store.fetch_state(
                    page.item.url) is None:
                stored(CodedArticle(article=page.article))
        for err in result.errors:
            self._failed(report, err, "item", None)

    def _store_copy(self, page: _Page, report: PollReport) -> None:
        """A copy of a kept story: one more source of that article, nothing coded."""
        assert page.original is not None
        if not self.store.has_article(page.original):
            self._failed(report, InputError(page.item.url, "a copy of a story that failed to "
                                                           "store"), "item", None)
            return
        self._record_source(page, page.original)
        self._done(page, "duplicate", page.original)
        report.duplicates += 1

    def _record_source(self, page: _Page, article_id: str) -> None:
        article = page.article
        self.store.add_article_source(ArticleSource(
            article_id=article_id, url=article.url or page.fetched_url,
            publisher=article.publisher, title=article.title, published=article.published))

    def _done(self, page: _Page, status: str, article_id: str) -> None:
        self.store.record_fetch(FetchState(
            url=page.item.url, kind="item", status=status, http_status=page.http_status,
            content_hash=page.article.content_hash, article_id=article_id))

    def _failed(self, report: PollReport, err: InputError, kind: str,
                before: FetchState | None, url: str | None = None) -> None:
        """Name the failure and remember it (keeping a feed's old validators)."""
        where = url or err.source
        report.errors.append(InputError(where, err.reason))
        self.say(f"error: {where}: {err.reason}")
        self.store.record_fetch(FetchState(
            url=where, kind=kind, status="failed", reason=err.reason,
            retry=isinstance(err, FetchError) and err.retry,
            etag=before.etag if before else None,
            last_modified=before.last_modified if before else None))
