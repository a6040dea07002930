"""The coder codes every article it can: one that fails is named, the others go through."""

from __future__ import annotations

import pytest

from sitrep import coder as coder_module
from sitrep.coder import code
from sitrep.errors import InputError
from sitrep.model import Article
from sitrep.nlp import parse

GOOD = "French troops withdrew from Chad on Thursday."


def _articles(bad_at: int, count: int = 5) -> list[Article]:
    return [Article(id=f"a{i}", text=("BOOM. " if i == bad_at else "") + GOOD,
                    published="2024-05-03", source="feed.jsonl") for i in range(count)]


def test_a_failure_in_the_model_loses_only_its_own_article(coder, boom) -> None:
    """The component raises inside ``nlp.pipe``, which kills the whole batch in flight."""
    errors: list[InputError] = []
    coded = list(coder.code_articles(_articles(bad_at=2), on_error=errors.append))
    assert [c.article.id for c in coded] == ["a0", "a1", "a3", "a4"]
    assert all(c.events for c in coded)
    assert [e.source for e in errors] == ["feed.jsonl: article a2"]
    assert errors[0].reason == "could not be coded: RuntimeError: the component broke"


def test_a_failure_after_parsing_loses_only_its_own_article(
        coder, monkeypatch: pytest.MonkeyPatch) -> None:
    code_doc = type(coder).code_doc

    def failing(self, doc, article):
        if article.id == "a0":
            raise OverflowError("date value out of range")
        return code_doc(self, doc, article)

    monkeypatch.setattr(type(coder), "code_doc", failing)
    errors: list[InputError] = []
    coded = list(coder.code_articles(_articles(bad_at=-1, count=3), on_error=errors.append))
    assert [c.article.id for c in coded] == ["a1", "a2"]
    assert [str(e) for e in errors] == [
        "feed.jsonl: article a0: could not be coded: OverflowError: date value out of range"]


def test_without_on_error_the_failure_is_raised_as_an_input_error(
        coder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(coder_module, "prepare_text", _refuse)
    with pytest.raises(InputError, match="article x: could not be coded: ValueError: no"):
        coder.code_article(Article(id="x", text=GOOD))


def _refuse(article: Article) -> str:
    raise ValueError("no")


def test_a_broken_input_stream_is_raised_not_taken_for_an_article(coder) -> None:
    def stream():
        yield Article(id="ok", text=GOOD)
        raise KeyError("reader bug")

    with pytest.raises(KeyError):
        list(coder.code_articles(stream(), on_error=lambda e: None))


def test_a_text_longer_than_the_models_limit_is_parsed_in_pieces(
        coder, monkeypatch: pytest.MonkeyPatch) -> None:
    """spaCy refuses a text over ``nlp.max_length`` (E088); the coder never hands it one."""
    paragraph = ("French troops withdrew from Chad on Thursday, officials said. "
                 "Russia sent 100 military trainers to Niger in April.\n\n")
    text = paragraph * 60
    monkeypatch.setattr(coder.nlp, "max_length", 3_000)
    monkeypatch.setattr(parse, "CHUNK_CHARS", 2_000)
    coded = coder.code_article(Article(id="long", text=text, published="2024-05-03"))
    assert sum(len(event.mentions) for event in coded.events) >= 60
    for ev in (mention for event in coded.events for mention in event.mentions):
        assert text[ev.start:ev.end] == ev.sentence
        assert text[ev.trigger_start:ev.trigger_end] == ev.trigger
    for mention in [*coded.places, *coded.entities, *coded.times]:
        assert text[mention.start:mention.end] == mention.text


def test_code_refuses_a_date_outside_the_accepted_years() -> None:
    with pytest.raises(InputError, match="1800-2100"):
        code(GOOD, published="0001-01-01")


def test_code_refuses_text_that_is_not_valid_unicode() -> None:
    with pytest.raises(InputError, match="lone surrogate U\\+D800"):
        code("Troops left \ud800 the base.")


def test_an_input_error_crosses_a_process_boundary_whole() -> None:
    import pickle

    error = pickle.loads(pickle.dumps(InputError("feed.jsonl:3", "not valid JSON")))
    assert (error.source, error.reason, str(error)) == (
        "feed.jsonl:3", "not valid JSON", "feed.jsonl:3: not valid JSON")
