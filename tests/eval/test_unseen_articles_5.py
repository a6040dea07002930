"""The fifth held-out set of whole articles (``unseen_articles_5.jsonl``): eight wire stories
of 400-425 words of invented events (a cross-border shelling answered by fire and a summoned
envoy, a coalition collapse and a no-confidence motion, a port strike with a threat to send in
the navy, an extradition request after an arrest abroad, a cyber attack blamed on a state, a
round of prisoner-swap talks abroad, a refugee aid pledging conference, an arrest of opposition
leaders), with datelines, quotes, spokesmen, denials, claims about others, planned events and
background paragraphs. They were written and coded by the rules of the development articles
(76 required of 180 events) and committed before sitrep ran on them; the gold is never edited
to fit sitrep's output.

First run (2026-12-02, code of main at 9deae7c, before any change made after the set was
written): required found 0.632, type and actor 0.737, fully right 0.474, precision 0.571,
record precision 0.643, records per matched event 1.068 (115 records). The floors below sit a
little under the first run, so that a change which loses held-out events fails here even when
the development numbers hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from held_out_articles import check_european_union, check_floors, check_required, check_stories

UNSEEN = Path(__file__).parent / "unseen_articles_5.jsonl"
FLOORS = {"required_found": 0.60, "lenient_found": 0.70, "fully_right": 0.44,
          "precision": 0.54, "record_precision": 0.61}


def test_every_article_is_a_long_dated_story_with_coded_events():
    check_stories(UNSEEN, count=8, dated_to_publication=True)


def test_the_european_union_is_coded_as_the_other_sets_code_it():
    check_european_union(UNSEEN)


def test_the_set_reads_as_articles_with_their_gold():
    check_required(UNSEEN, 76)


@pytest.mark.slow
def test_fifth_unseen_articles_quality_floor(coder):
    """The coder on the fifth held-out articles; the floors are below its first run."""
    check_floors(UNSEEN, coder, FLOORS)
