"""The sixth held-out set of whole articles (``unseen_articles_6.jsonl``): six wire stories
of 430-460 words of invented events (diplomats expelled over balloon flights with an answer
through the state news agency, an extradition approved by a court abroad and reported from the
requesting country, quake reconstruction pledges by several donors at a conference, an attack
on an army base with a counter-offensive and a foreign air strike, a protest against a trade
deal with arrests, a missile test and drills told through state media statements), with
datelines, quotes, claims about others, denials, planned events and background paragraphs.
They were written and coded by the rules of the development articles (48 required of 127
events) and committed before sitrep ran on them; the gold is never edited to fit sitrep's
output.

First run (2026-12-02, code of main at c480d85, before any change made after the set was
written): required found 0.688, type and actor 0.729, fully right 0.458, precision 0.508,
record precision 0.582, records per matched event 1.022 (79 records). The floors below sit a
little under the first run, so that a change which loses held-out events fails here even when
the development numbers hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from held_out_articles import check_european_union, check_floors, check_required, check_stories

UNSEEN = Path(__file__).parent / "unseen_articles_6.jsonl"
FLOORS = {"required_found": 0.66, "lenient_found": 0.70, "fully_right": 0.43,
          "precision": 0.48, "record_precision": 0.55}


def test_every_article_is_a_long_dated_story_with_coded_events():
    check_stories(UNSEEN, count=6, dated_to_publication=True)


def test_the_european_union_is_coded_as_the_other_sets_code_it():
    check_european_union(UNSEEN)


def test_the_set_reads_as_articles_with_their_gold():
    check_required(UNSEEN, 48)


@pytest.mark.slow
def test_sixth_unseen_articles_quality_floor(coder):
    """The coder on the sixth held-out articles; the floors are below its first run."""
    check_floors(UNSEEN, coder, FLOORS)
