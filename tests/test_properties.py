"""Properties of ingest → code → store over generated input: any bytes, any Unicode text, any
JSON record, any date string. Every input is either read or refused with an ``InputError``
(never another exception); every offset indexes the text; a second run changes nothing.

The examples are bounded so ``make test`` stays fast; ``HYPOTHESIS_PROFILE=explore`` runs many
more, with fresh random seeds.
"""

from __future__ import annotations

import json
import os
from datetime import datetime

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sitrep.errors import InputError
from sitrep.ingest import dates, parse_document
from sitrep.ingest.dateline import read_dateline
from sitrep.ingest.jsonl import article_from_record
from sitrep.model import Article, CodedArticle, content_hash
from sitrep.store import Store
from sitrep.store.loader import load_articles

settings.register_profile("default", max_examples=60, deadline=None, derandomize=True,
                          database=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("explore", max_examples=2_000, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
CODED = settings(max_examples=12)
"""Coding runs the model: a dozen documents per property."""

NEWS_WORDS = ("Niger", "Chad", "French", "troops", "withdrew", "from", "the", "base", "on",
              "Monday", "next", "week", "last", "month", "May", "3", "2024", "said", "police",
              "arrested", "50", "protesters", "in", "Niamey", "--", "(Reuters)", ".", ",", "\n\n",
              "\U0001F600", "N'DJAMENA", "decade", "year", "ago", "Friday", "killed")
words = st.sampled_from(NEWS_WORDS)
any_piece = st.one_of(words, words, words, st.text(max_size=8),
                      st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=300))
news_like = st.lists(any_piece, max_size=60).map(" ".join)
"""Text that looks enough like news to reach every stage, laced with any characters."""

date_like = st.one_of(
    st.text(max_size=30),
    st.from_regex(r"\d{1,5}-\d{1,2}-\d{1,2}(T\d{1,2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?",
                  fullmatch=True),
    st.dates().map(str),
    st.datetimes().map(datetime.isoformat),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)
records = st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.text(), st.integers(), json_values),
    "text": st.one_of(news_like, st.text(), json_values),
    "published": st.one_of(date_like, json_values),
    "title": st.one_of(st.text(), json_values),
    "url": st.text(), "publisher": st.text(), "language": st.text(max_size=3),
    "extra": json_values,
})


def _read(data: bytes | str, kind: str, published: str | None = None) -> list[Article]:
    """Ingest a document; an ``InputError`` means refused, anything else escapes the test."""
    try:
        return parse_document(data, kind=kind, source="doc", published=published)
    except InputError:
        return []


def _valid(article: Article) -> None:
    """What every article ingest lets through satisfies."""
    for value in (article.text, article.id, article.title or "", article.publisher or ""):
        value.encode("utf-8")  # no lone surrogates: every stage can encode and store it
        assert "\x00" not in value
    assert article.text.strip()
    assert article.content_hash == content_hash(article.text)
    if article.published:
        assert dates.normalise_published(article.published) == article.published
    if article.dateline_start is not None:
        place = article.text[article.dateline_start:article.dateline_end]
        assert place == article.dateline_place


@given(st.binary(max_size=2_000), st.sampled_from(["txt", "json", "jsonl"]))
def test_any_bytes_are_read_or_refused_with_a_reason(data: bytes, kind: str) -> None:
    for article in _read(data, kind):
        _valid(article)


@given(st.text(max_size=2_000), st.sampled_from(["txt", "json", "jsonl"]))
def test_any_string_is_read_or_refused_with_a_reason(text: str, kind: str) -> None:
    for article in _read(text, kind):
        _valid(article)


@settings(max_examples=15)
@given(news_like)
def test_any_html_is_read_or_refused_with_a_reason(body: str) -> None:
    page = f"<html><body><article><p>{body}</p><p>{body}</p></article></body></html>"
    for article in _read(page, "html"):
        _valid(article)


@given(records)
def test_any_json_record_is_an_article_or_a_named_error(record: dict) -> None:
    line = json.dumps(record)
    try:
        article = article_from_record(json.loads(line), "doc", where="feed.jsonl:1")
    except InputError as err:
        assert err.source == "feed.jsonl:1" and err.reason
        return
    _valid(article)
    assert _read(line, "jsonl")[0].to_dict() == article.to_dict()


@given(date_like)
@example("0000-00-00T00:00-00:60")
def test_any_date_string_is_normalised_into_range_or_refused(value: str) -> None:
    normal = dates.normalise_published(value)
    if normal is None:
        try:
            dates.check_published(value)
        except InputError as err:
            assert "1800-2100" in err.reason
        else:
            raise AssertionError(f"{value!r} was neither normalised nor refused")
        return
    moment = datetime.fromisoformat(normal)
    assert dates.MIN_YEAR <= moment.year <= dates.MAX_YEAR
    assert dates.normalise_published(normal) == normal


@given(news_like, st.one_of(st.none(), date_like))
def test_a_dateline_never_dates_a_text_outside_the_accepted_years(text: str, reference) -> None:
    reference = dates.normalise_published(reference) if reference else None
    published = read_dateline(text, reference).published
    assert published is None or dates.normalise_published(published) == published


def _offsets_exact(coded: CodedArticle) -> None:
    text = coded.article.text
    for ev in (mention for event in coded.events for mention in [event.evidence, *event.mentions]):
        assert text[ev.start:ev.end] == ev.sentence
        if ev.trigger_start is not None:
            assert text[ev.trigger_start:ev.trigger_end] == ev.trigger
    for mention in [*coded.places, *coded.entities, *coded.times]:
        assert text[mention.start:mention.end] == mention.text


@CODED
@given(news_like, st.one_of(st.none(), st.dates().map(str), date_like))
def test_ingest_code_store_never_fails_keeps_offsets_and_a_second_run_changes_nothing(
        coder, text: str, published: str | None) -> None:
    try:
        published = dates.check_published(published)
    except InputError:
        return
    articles = _read(text.encode("utf-8", "surrogatepass"), "txt", published)
    coded: list[CodedArticle] = []
    with Store(":memory:") as store:
        first = load_articles(store, coder, articles, on_article=coded.append)
        stats = store.stats()
        again = load_articles(store, coder, articles)
        assert (first.errors, again.errors) == ([], [])
        assert (again.added, again.events) == (0, 0)
        assert store.stats() == stats
        assert stats.articles == len(articles)
        assert stats.events == sum(len(c.events) for c in coded)
    for one in coded:
        _offsets_exact(one)


@CODED
@given(st.lists(records, min_size=1, max_size=4))
def test_any_json_lines_feed_is_coded_whole_or_refused_with_a_reason(
        coder, feed: list[dict]) -> None:
    items = _read("\n".join(json.dumps(r) for r in feed), "jsonl")
    errors: list[InputError] = []
    coded = list(coder.code_articles(items, on_error=errors.append))
    assert errors == [] and len(coded) == len(items)
    for one in coded:
        _offsets_exact(one)
