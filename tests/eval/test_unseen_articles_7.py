"""The seventh held-out set of whole articles (``unseen_articles_7.jsonl``): six wire stories
of 420-460 words of invented events (highway blockades and a sit-in over fuel shortages, trade
preferences withdrawn over a rights record and the envoy summoned in reply, ceasefire talks
held in a neighbouring capital while fighting goes on at home, a disputed presidential result
with crowds outside the electoral commission, an insurgent raid on an army base, reforms
promised for a loan and a contested bill withdrawn), with datelines, quotes, spokesmen,
denials, claims about others, planned events and background paragraphs. They were written and
coded by the rules of the development articles (44 required of 115 events) and committed
before sitrep ran on them; the gold is never edited to fit sitrep's output.

First run (2026-12-02, code at c480d85, before any change made after the set was written):
required found 0.682, type and actor 0.727, fully right 0.500, precision 0.508, record
precision 0.607, records per matched event 1.078 (84 records); field errors on type + actor
matches: date 2, recipients 6. The floors below sit a little under the first run, so that a
change which loses held-out events fails here even when the development numbers hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from held_out_articles import check_european_union, check_floors, check_required, check_stories

UNSEEN = Path(__file__).parent / "unseen_articles_7.jsonl"
FLOORS = {"required_found": 0.65, "lenient_found": 0.70, "fully_right": 0.47,
          "precision": 0.48, "record_precision": 0.58}


def test_every_article_is_a_long_dated_story_with_coded_events():
    check_stories(UNSEEN, count=6, dated_to_publication=True)


def test_the_european_union_is_coded_as_the_other_sets_code_it():
    check_european_union(UNSEEN)


def test_the_set_reads_as_articles_with_their_gold():
    check_required(UNSEEN, 44)


@pytest.mark.slow
def test_seventh_unseen_articles_quality_floor(coder):
    """The coder on the seventh held-out articles; the floors are below its first run."""
    check_floors(UNSEEN, coder, FLOORS)
