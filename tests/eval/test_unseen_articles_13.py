"""The thirteenth held-out set of whole articles (``unseen_articles_13.jsonl``): ten stories of
320-430 words of invented events, of kinds the other sets hold few of: a wire roundup of
unrelated incidents in one country (Mexico: a bar shooting, a drug lab raided, a journalist
abducted, a highway blocked by teachers); election-day violence told as many small incidents
(Zimbabwe's by-elections); a state visit with many meetings and agreements (South Korea in
Kazakhstan); a hostage release mediated by a third state (Spaniards held in Mali, freed through
Mauritania, a prisoner exchange claimed and denied); a split inside an armed group (the UPC in
the Central African Republic); a naval blockade and the reactions to it (Venezuela and Guyana);
refugees with aid and a closed border (Burkina Faso, Ghana and Togo); a story mostly of
reactions with one act at its core (an execution in Iran); a translated agency's copy with a
one-word dateline ("neutralized"); and a protest crackdown told again under other words
(Georgia). They were written and coded by the rules of the development articles (70 required of
167 events) and committed before sitrep ran on them; the gold is never edited to fit sitrep's
output.

First run (2026-12-03, code at bc18db2, before any change made after the set was written):
required found 0.786, type and actor 0.843, fully right 0.614, precision 0.625, record
precision 0.692, records per matched event 1.048 (120 records); field errors on type + actor
matches: place 2, date 1, modality 1, recipients 11. The floors below are the first run's
numbers rounded down, so that a change which loses held-out events fails here even when the
development numbers hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from held_out_articles import check_european_union, check_floors, check_required, check_stories

UNSEEN = Path(__file__).parent / "unseen_articles_13.jsonl"
FLOORS = {"required_found": 0.78, "lenient_found": 0.84, "fully_right": 0.61,
          "precision": 0.62, "record_precision": 0.69}


def test_every_article_is_a_dated_story_with_coded_events():
    check_stories(UNSEEN, count=10, dated_to_publication=True, words=(300, 450))


def test_the_european_union_is_coded_as_the_other_sets_code_it():
    check_european_union(UNSEEN)


def test_the_set_reads_as_articles_with_their_gold():
    check_required(UNSEEN, 70)


@pytest.mark.slow
def test_thirteenth_unseen_articles_quality_floor(coder):
    """The coder on the thirteenth held-out articles; the floors are below its first run."""
    check_floors(UNSEEN, coder, FLOORS)
