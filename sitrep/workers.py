"""Coding in several processes on one machine: a pool of workers, each with its own coder.

The caller stays the only writer to the store: it hands out chunks of articles and gets coded
articles back, in input order, a bounded number of chunks in flight so memory stays flat.
Workers are forked where the platform allows it, after the calling process has coded the first
article (which loads the pipeline and everything loaded on first use), so they start at once and
share its memory until they write to it; elsewhere each worker loads the pipeline on its first
chunk.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from sitrep.errors import InputError
from sitrep.model import Article, CodedArticle
from sitrep.nlp.pipeline import DEFAULT_MODEL

CHUNK = 16
"""Articles per task: large enough to keep ``nlp.pipe`` batching, small enough to share out."""


class WorkerPool:
    """Codes articles like :class:`~sitrep.coder.Coder` does, in ``workers`` processes."""

    def __init__(self, workers: int, model: str = DEFAULT_MODEL, chunk: int = CHUNK) -> None:
        self.workers, self.model, self.chunk = workers, model, chunk

    def code_articles(self, articles: Iterable[Article],
                      on_error: Callable[[InputError], None] | None = None
                      ) -> Iterator[CodedArticle]:
        """Coded articles in input order; the pool lives as long as the iteration. An article
        that fails is given to ``on_error`` (raised without one), as :class:`Coder` does."""
        fork = "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if fork else "spawn")
        stream = iter(articles)
        if fork:
            # The first article is coded here, so that what loads on first use (the model,
            # tables, indexes, caches) is loaded once and shared by every forked worker.
            yield from _sorted_out(code_chunk(list(islice(stream, 1)), self.model), on_error)
        with ProcessPoolExecutor(self.workers, mp_context=context) as pool:
            pending: deque[Future[list[CodedArticle | InputError]]] = deque()
            chunks = iter(lambda: list(islice(stream, self.chunk)), [])
            for chunk in chunks:
                pending.append(pool.submit(code_chunk, chunk, self.model))
                while len(pending) >= 2 * self.workers:
                    yield from _sorted_out(pending.popleft().result(), on_error)
            while pending:
                yield from _sorted_out(pending.popleft().result(), on_error)


def code_chunk(articles: list[Article], model: str = DEFAULT_MODEL
               ) -> list[CodedArticle | InputError]:
    """Code a chunk with this process's coder (loaded on the first chunk, then reused); an
    article that fails comes back as its error, in its place."""
    from sitrep.coder import default_coder

    results: list[CodedArticle | InputError] = []
    for coded in default_coder(model).code_articles(articles, on_error=results.append):
        results.append(coded)
    return results


def _sorted_out(results: list[CodedArticle | InputError],
                on_error: Callable[[InputError], None] | None) -> Iterator[CodedArticle]:
    for item in results:
        if isinstance(item, InputError):
            if on_error is None:
                raise item
            on_error(item)
        else:
            yield item
