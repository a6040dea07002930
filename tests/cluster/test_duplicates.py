"""Near-duplicate articles: a wire story and its lightly edited copies form one group."""

from __future__ import annotations

import pytest

from sitrep.cluster import article_signature, near_duplicates
from sitrep.cluster.duplicates import shingles
from sitrep.errors import SitrepError
from sitrep.model import Article

STORY = (
    "The United States military has begun withdrawing troops from a base in Chad after the "
    "government demanded their departure last month, officials said on Thursday. More than half "
    "of the troops stationed at the base have moved to Germany, and the rest are expected to "
    "leave in the coming weeks as talks on a new security arrangement continue in the capital."
)
COPY = STORY.replace("officials said on Thursday", "officials said Thursday") + " (Reuters)"
OTHER = (
    "Heavy rain flooded the river valley overnight, closing schools and roads across three "
    "provinces while rescue teams moved families to higher ground and the weather service warned "
    "of more storms arriving before the weekend in the northern hills."
)


def test_signature_is_the_same_in_every_run() -> None:
    text = "Russian and US forces share a base in Niger, officials said on Friday."
    assert [int(v) for v in article_signature(text).hashvalues[:3]] == [
        512323786, 637343951, 129696790]


def test_a_lightly_edited_copy_scores_high_and_an_unrelated_story_zero() -> None:
    signature = article_signature(STORY)
    assert signature.jaccard(article_signature(COPY)) > 0.8
    assert signature.jaccard(article_signature(OTHER)) < 0.1


def test_copies_form_one_group_and_unrelated_stories_none() -> None:
    articles = [Article(id="a", text=STORY), Article(id="b", text=OTHER),
                Article(id="c", text=COPY)]
    assert near_duplicates(articles) == [["a", "c"]]


def test_a_chain_of_copies_is_one_group() -> None:
    second = COPY.replace("in the coming weeks", "within weeks")
    articles = [Article(id=i, text=t) for i, t in (("x", STORY), ("y", COPY), ("z", second))]
    assert near_duplicates(articles, threshold=0.7) == [["x", "y", "z"]]


def test_empty_texts_and_repeated_ids_are_not_duplicates() -> None:
    articles = [Article(id="a", text=STORY), Article(id="a", text=STORY),
                Article(id="e", text="  "), Article(id="f", text="...")]
    assert near_duplicates(articles) == []


def test_short_texts_are_one_shingle() -> None:
    assert shingles("Troops left Niger.") == {"troops left niger"}


def test_a_threshold_outside_zero_to_one_is_refused() -> None:
    with pytest.raises(SitrepError):
        near_duplicates([], threshold=1.5)
