"""The third held-out set of whole articles (``unseen_articles_3.jsonl``): ten wire stories
of 400-450 words of invented events (an insurgent raid and a counter-offensive, an expulsion
answered in kind, a station bombing blamed on a neighbour, a mine blockade and a state of
emergency, a school abduction and a rescue, a border build-up, an opposition arrest with an
internet cut, a truce agreed abroad, a knife attack, a drone strike answered by a missile
strike), with datelines, quotes, spokesmen, "the gunman" / "the group" / "Moscow" style
references, tolls told apart from their attack, and background paragraphs. They were written
and coded by the rules of the development articles (86 required of 208 events) and committed
before sitrep ran on them; the gold is never edited to fit sitrep's output.

First run (2026-12-02, code of branch articles3 at 35940e6, before any change of that
branch): required found 0.791, type and actor 0.849, fully right 0.651, precision 0.596,
record precision 0.680, records per matched event 1.029 (153 records). The floors below sit a
little under the first run, so that a change which loses held-out events fails here even when
the development numbers hold.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitrep.codebook.lexicon import load_codebook
from sitrep.eval.articles import evaluate, read_set

UNSEEN = Path(__file__).parent / "unseen_articles_3.jsonl"
ISO3 = re.compile(r"^[A-Z]{3}$")
FLOORS = {"required_found": 0.76, "lenient_found": 0.82, "fully_right": 0.62,
          "precision": 0.56, "record_precision": 0.65}
MOST_RECORDS_PER_EVENT = 1.15


def test_every_article_is_a_long_dated_story_with_coded_events():
    records = [json.loads(line) for line in UNSEEN.read_text(encoding="utf-8").splitlines()]
    types = set(load_codebook().types)
    assert len(records) == 10
    for record in records:
        words = len(record["text"].split())
        assert 400 <= words <= 900, record["id"]
        assert record["text"].startswith(record["title"] + "\n\n")
        ids = [e["id"] for e in record["events"]]
        assert len(ids) == len(set(ids)), record["id"]
        assert any(e["required"] for e in record["events"])
        assert any(not e["required"] for e in record["events"]), record["id"]
        for event in record["events"]:
            assert set(event["types"]) <= types, (record["id"], event["id"])
            assert all(ISO3.match(c) for c in event["actors"] + event["recipients"])
            assert event["location_country"] is None or ISO3.match(event["location_country"])
            if event["date"] is not None:
                assert event["date"]["start"] <= event["date"]["end"]
                assert event["date"]["end"] <= record["published"] or "future" in event["modality"]


def test_the_european_union_is_coded_as_the_other_sets_code_it():
    """The EU is an IGO with the EUR code, as in the development articles."""
    for _, gold in read_set(UNSEEN):
        for event in gold:
            for sides in (event["actors"], event["recipients"]):
                assert "EUR" not in sides or "IGO" in sides, event["id"]


def test_the_set_reads_as_articles_with_their_gold():
    pairs = read_set(UNSEEN)
    assert all(article.published for article, _ in pairs)
    assert sum(g["required"] for _, gold in pairs for g in gold) == 86


@pytest.mark.slow
def test_third_unseen_articles_quality_floor(coder):
    """The coder on the third held-out articles; the floors are below its first run."""
    metrics = evaluate(UNSEEN, coder).metrics
    for name, floor in FLOORS.items():
        assert metrics[name] >= floor, (name, metrics[name])
    assert metrics["records_per_event"] <= MOST_RECORDS_PER_EVENT
