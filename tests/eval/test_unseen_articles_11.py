"""The eleventh held-out set of whole articles (``unseen_articles_11.jsonl``): ten wire and
newspaper stories of 370-440 words of invented events, of kinds the other sets hold little of:
a ship hijacked by pirates and freed by a foreign navy; a militia's attack on a displacement
camp after peacekeepers left; a migrant boat said to have been pushed back at sea, told by
both governments; journalists arrested and a news site blocked; a prison stormed by gangs,
with a neighbour closing its consulates; an airspace violation with allies' reactions;
mass detentions and deportations of a neighbour's nationals; political prisoners freed for
sanctions lifted; clan fighting with a deployment and a state of emergency; a mayor shot dead
and a cartel's arson. They were written and coded by the rules of the development articles
(76 required of 188 events) and committed before sitrep ran on them; the gold is never edited
to fit sitrep's output.

First run (2026-12-03, code at b42349a, before any change made after the set was written):
required found 0.789, type and actor 0.842, fully right 0.684, precision 0.625, record
precision 0.686, records per matched event 1.074 (137 records); field errors on type + actor
matches: place 1, date 2, modality 1, recipients 6. The floors below are the first run's
numbers rounded down, so that a change which loses held-out events fails here even when the
development numbers hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from held_out_articles import check_european_union, check_floors, check_required, check_stories

UNSEEN = Path(__file__).parent / "unseen_articles_11.jsonl"
FLOORS = {"required_found": 0.78, "lenient_found": 0.84, "fully_right": 0.68,
          "precision": 0.62, "record_precision": 0.68}


def test_every_article_is_a_dated_story_with_coded_events():
    check_stories(UNSEEN, count=10, dated_to_publication=True, words=(350, 500))


def test_the_european_union_is_coded_as_the_other_sets_code_it():
    check_european_union(UNSEEN)


def test_the_set_reads_as_articles_with_their_gold():
    check_required(UNSEEN, 76)


@pytest.mark.slow
def test_eleventh_unseen_articles_quality_floor(coder):
    """The coder on the eleventh held-out articles; the floors are below its first run."""
    check_floors(UNSEEN, coder, FLOORS)
