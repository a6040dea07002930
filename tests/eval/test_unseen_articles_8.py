"""The eighth held-out set of whole articles (``unseen_articles_8.jsonl``): twelve wire stories
of 400-460 words of invented events, chosen to test tolls and causes: a clash between an army and
rebels whose toll is reported in the next paragraph beside a separate bombing with its own toll,
a border clash with each side's casualties reported by its own ministry, a drone strike, a
suicide bombing followed by a counter-attack, two attacks in one story each with its own place,
day and toll, a police crackdown on protesters with a rights body's toll, and natural disasters
and accidents that kill people (an earthquake, floods and a capsized canoe, a typhoon beside a
rebel ambush, a train collision, a factory fire, wildfires with arrests for arson), where the
deaths themselves are no event. They were written and coded by the rules of the development
articles (70 required of 181 events) and committed before sitrep ran on them; the gold is never
edited to fit sitrep's output.

First run (2026-12-02, code at 6c8971d, before any change made after the set was written):
required found 0.829, type and actor 0.857, fully right 0.686, precision 0.569, record
precision 0.662, records per matched event 1.070 (151 records); field errors on type + actor
matches: date 1, modality 1, recipients 6. The floors below sit a little under the first run, so
that a change which loses held-out events fails here even when the development numbers hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from held_out_articles import check_european_union, check_floors, check_required, check_stories

UNSEEN = Path(__file__).parent / "unseen_articles_8.jsonl"
FLOORS = {"required_found": 0.80, "lenient_found": 0.83, "fully_right": 0.65,
          "precision": 0.54, "record_precision": 0.63}


def test_every_article_is_a_long_dated_story_with_coded_events():
    check_stories(UNSEEN, count=12, dated_to_publication=True)


def test_the_european_union_is_coded_as_the_other_sets_code_it():
    check_european_union(UNSEEN)


def test_the_set_reads_as_articles_with_their_gold():
    check_required(UNSEEN, 70)


@pytest.mark.slow
def test_eighth_unseen_articles_quality_floor(coder):
    """The coder on the eighth held-out articles; the floors are below its first run."""
    check_floors(UNSEEN, coder, FLOORS)
