"""Worker processes code like the coder: an article that fails is named, the rest come back."""

from __future__ import annotations

import multiprocessing

import pytest

from sitrep.errors import InputError
from sitrep.model import Article
from sitrep.workers import WorkerPool, code_chunk

GOOD = "French troops withdrew from Chad on Thursday."


def _articles() -> list[Article]:
    return [Article(id=f"a{i}", text=("BOOM. " if i == 1 else "") + GOOD, source="feed")
            for i in range(4)]


def test_a_chunk_returns_the_error_of_a_failed_article_in_its_place(coder, boom) -> None:
    results = code_chunk(_articles()[:3])
    assert [type(r).__name__ for r in results] == ["CodedArticle", "InputError", "CodedArticle"]
    assert str(results[1]) == (
        "feed: article a1: could not be coded: RuntimeError: the component broke")


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="the patch reaches workers only when they are forked")
def test_the_pool_names_a_failed_article_and_codes_the_others(coder, boom) -> None:
    errors: list[InputError] = []
    coded = list(WorkerPool(2, chunk=2).code_articles(_articles(), on_error=errors.append))
    assert [c.article.id for c in coded] == ["a0", "a2", "a3"]
    assert [e.source for e in errors] == ["feed: article a1"]
    with pytest.raises(InputError, match="article a1"):
        list(WorkerPool(2, chunk=2).code_articles(_articles()))
