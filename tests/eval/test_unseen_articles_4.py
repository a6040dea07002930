"""The fourth held-out set of whole articles (``unseen_articles_4.jsonl``): ten wire stories
of 400-450 words of invented events (a drone strike on a power station answered by air raids,
a rail deal signed at talks abroad, road blockades met by a state of emergency, a mass trial
with a lawyers' walk-out, sanctions answered by the summoning of ambassadors, a disputed
election count, earthquake aid from several donors, a hostage release, a troop build-up on a
border, a minister's arrest and resignation), with datelines, semicolon headlines, quotes,
spokesmen, denials, claims about others, planned events and background paragraphs. They were
written and coded by the rules of the development articles (83 required of 214 events) and
committed before sitrep ran on them; the gold is never edited to fit sitrep's output.

First run (2026-12-02, code of branch articles4 at ca43837, before any change of that
branch): required found 0.747, type and actor 0.807, fully right 0.602, precision 0.626,
record precision 0.715, records per matched event 1.056 (151 records). The floors below sit a
little under the first run, so that a change which loses held-out events fails here even when
the development numbers hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from held_out_articles import check_european_union, check_floors, check_required, check_stories

UNSEEN = Path(__file__).parent / "unseen_articles_4.jsonl"
FLOORS = {"required_found": 0.72, "lenient_found": 0.78, "fully_right": 0.57,
          "precision": 0.59, "record_precision": 0.68}


def test_every_article_is_a_long_dated_story_with_coded_events():
    check_stories(UNSEEN, dated_to_publication=True)


def test_the_european_union_is_coded_as_the_other_sets_code_it():
    check_european_union(UNSEEN)


def test_the_set_reads_as_articles_with_their_gold():
    check_required(UNSEEN, 83)


@pytest.mark.slow
def test_fourth_unseen_articles_quality_floor(coder):
    """The coder on the fourth held-out articles; the floors are below its first run."""
    check_floors(UNSEEN, coder, FLOORS)
