"""The invented example articles that ``make run`` codes must all read cleanly."""

from pathlib import Path

from sitrep.errors import InputError
from sitrep.ingest import read_documents

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FICTIONAL_PUBLISHERS = {"Example Wire", "Sample News Service"}


def example_articles():
    items = list(read_documents([str(EXAMPLES)]))
    assert not [i for i in items if isinstance(i, InputError)]
    return items


def test_every_example_reads_with_date_place_and_a_fictional_publisher():
    articles = example_articles()
    assert 6 <= len(articles) <= 8
    for article in articles:
        assert article.published and article.reference_date, article.source
        assert article.text[article.dateline_start:article.dateline_end] == \
            article.dateline_place
        assert article.publisher in FICTIONAL_PUBLISHERS, article.source


def test_examples_mix_formats_and_stay_short():
    articles = example_articles()
    suffixes = [Path(a.source).suffix for a in articles]
    assert suffixes.count(".txt") >= 4
    assert suffixes.count(".html") == 1
    assert suffixes.count(".jsonl") == 2
    assert all(150 <= len(a.text.split()) <= 400 for a in articles)


def test_examples_are_labelled_invented():
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    assert "invented" in readme.lower()
    assert all(name in readme for name in (p.name for p in EXAMPLES.iterdir()
                                           if p.suffix in {".txt", ".html", ".jsonl"}))
