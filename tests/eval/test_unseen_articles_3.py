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

from pathlib import Path

import pytest
from held_out_articles import check_european_union, check_floors, check_required, check_stories

UNSEEN = Path(__file__).parent / "unseen_articles_3.jsonl"
FLOORS = {"required_found": 0.76, "lenient_found": 0.82, "fully_right": 0.62,
          "precision": 0.56, "record_precision": 0.65}


def test_every_article_is_a_long_dated_story_with_coded_events():
    check_stories(UNSEEN, dated_to_publication=True)


def test_the_european_union_is_coded_as_the_other_sets_code_it():
    check_european_union(UNSEEN)


def test_the_set_reads_as_articles_with_their_gold():
    check_required(UNSEEN, 86)


@pytest.mark.slow
def test_third_unseen_articles_quality_floor(coder):
    """The coder on the third held-out articles; the floors are below its first run."""
    check_floors(UNSEEN, coder, FLOORS)
