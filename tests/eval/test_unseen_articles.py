"""The held-out whole articles (``unseen_articles.jsonl``): written and coded by the rules of
the development articles before sitrep was run on them, and never edited to fit its output.

The floors sit a little below what the coder measures on them (README, "Articles"), so that a
change which loses held-out events fails here even when the development numbers hold.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitrep.codebook.lexicon import load_codebook
from sitrep.eval.articles import evaluate, read_set

UNSEEN = Path(__file__).parent / "unseen_articles.jsonl"
ISO3 = re.compile(r"^[A-Z]{3}$")
FLOORS = {"required_found": 0.70, "lenient_found": 0.81, "fully_right": 0.56,
          "precision": 0.58, "record_precision": 0.62}
MOST_RECORDS_PER_EVENT = 1.15


def test_every_article_is_a_whole_dated_story_with_coded_events():
    records = [json.loads(line) for line in UNSEEN.read_text(encoding="utf-8").splitlines()]
    types = set(load_codebook().types)
    assert 15 <= len(records) <= 20
    for record in records:
        words = len(record["text"].split())
        assert 150 <= words <= 420, record["id"]
        assert record["text"].startswith(record["title"] + "\n\n")
        ids = [e["id"] for e in record["events"]]
        assert len(ids) == len(set(ids)), record["id"]
        assert any(e["required"] for e in record["events"])
        for event in record["events"]:
            assert set(event["types"]) <= types, (record["id"], event["id"])
            assert all(ISO3.match(c) for c in event["actors"] + event["recipients"])
            assert event["location_country"] is None or ISO3.match(event["location_country"])
            if event["date"] is not None:
                assert event["date"]["start"] <= event["date"]["end"]


def test_the_set_reads_as_articles_with_their_gold():
    pairs = read_set(UNSEEN)
    assert all(article.published for article, _ in pairs)
    assert sum(g["required"] for _, gold in pairs for g in gold) == 100


@pytest.mark.slow
def test_unseen_articles_quality_floor(coder):
    """The coder on the held-out articles; the floors are below what it measures."""
    metrics = evaluate(UNSEEN, coder).metrics
    for name, floor in FLOORS.items():
        assert metrics[name] >= floor, (name, metrics[name])
    assert metrics["records_per_event"] <= MOST_RECORDS_PER_EVENT
