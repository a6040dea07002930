"""The twelfth held-out set of whole articles (``unseen_articles_12.jsonl``): ten stories of
450-560 words of invented events, in styles and of kinds the other sets hold little of: a
regional Indian daily's copy (a drone shot down on the Pakistani border, a dateline a day
before publication, "here today"); a long analysis with background paragraphs (Niger's closed
border with Benin); a live blog with time-stamped updates, newest first (a protest in
Belgrade); a Security Council meeting with many quoted parties (Chad and Sudan); a German
court's verdict on torture in Syria a decade earlier; a regional Tamil Nadu report of
fishermen arrested by Sri Lanka's navy; shots fired at a charity's rescue ship at sea; a
Brazilian police operation in local style ("on Monday (9)"); a border closed over a river
canal (the Dominican Republic and Haiti); and an attack on a candidate's convoy in broadcast
style, with no dateline. They were written and coded by the rules of the development articles
(77 required of 185 events) and committed before sitrep ran on them; the gold is never edited
to fit sitrep's output.

First run (2026-12-03, code at 47285d0, before any change made after the set was written):
required found 0.662, type and actor 0.792, fully right 0.455, precision 0.472, record
precision 0.566, records per matched event 1.026 (136 records); field errors on type + actor
matches: place 10, date 3, modality 0, recipients 16. The floors below are the first run's
numbers rounded down, so that a change which loses held-out events fails here even when the
development numbers hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from held_out_articles import check_european_union, check_floors, check_required, check_stories

UNSEEN = Path(__file__).parent / "unseen_articles_12.jsonl"
FLOORS = {"required_found": 0.66, "lenient_found": 0.79, "fully_right": 0.45,
          "precision": 0.47, "record_precision": 0.56}


def test_every_article_is_a_dated_story_with_coded_events():
    check_stories(UNSEEN, count=10, dated_to_publication=True, words=(440, 580))


def test_the_european_union_is_coded_as_the_other_sets_code_it():
    check_european_union(UNSEEN)


def test_the_set_reads_as_articles_with_their_gold():
    check_required(UNSEEN, 77)


@pytest.mark.slow
def test_twelfth_unseen_articles_quality_floor(coder):
    """The coder on the twelfth held-out articles; the floors are below its first run."""
    check_floors(UNSEEN, coder, FLOORS)
