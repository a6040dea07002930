"""The tenth held-out set of whole articles (``unseen_articles_10.jsonl``): ten wire and
newspaper stories of 350-500 words of invented events, of kinds the other sets hold little of:
a coup attempt with arrests, a curfew and a border closed by a neighbour; a tanker seized at
sea after a warship was harassed; hostages freed under a brokered deal; a convoy ambushed with
a claim of responsibility; election-day violence in several towns; a diplomatic row with
ambassadors recalled and diplomats expelled; food convoys held back by a government; a port
strike cleared by police; a border agreement; a drone attack on a gas field with denials. They
were written and coded by the rules of the development articles (75 required of 208 events)
and committed before sitrep ran on them; the gold is never edited to fit sitrep's output.

First run (2026-12-03, code at f7555d8, before any change made after the set was written):
required found 0.760, type and actor 0.813, fully right 0.680, precision 0.620, record
precision 0.716, records per matched event 1.031 (134 records); field errors on type + actor
matches: place 0, date 5, modality 0, recipients 4. After the mechanisms of the same day
(warnings that foresee, curfews apart from arrests, relief that reaches a place, names no
table codes, delegations sent, the pair a story names most, bodies a pronoun owns): required
found 0.813, type and actor 0.867, fully right 0.733, precision 0.685, record precision 0.774
(137 records). The floors below sit a little under the first run, so that a change which
loses held-out events fails here even when the development numbers hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from held_out_articles import check_european_union, check_floors, check_required, check_stories

UNSEEN = Path(__file__).parent / "unseen_articles_10.jsonl"
FLOORS = {"required_found": 0.74, "lenient_found": 0.79, "fully_right": 0.66,
          "precision": 0.60, "record_precision": 0.70}


def test_every_article_is_a_dated_story_with_coded_events():
    check_stories(UNSEEN, count=10, dated_to_publication=True, words=(350, 500))


def test_the_european_union_is_coded_as_the_other_sets_code_it():
    check_european_union(UNSEEN)


def test_the_set_reads_as_articles_with_their_gold():
    check_required(UNSEEN, 75)


@pytest.mark.slow
def test_tenth_unseen_articles_quality_floor(coder):
    """The coder on the tenth held-out articles; the floors are below its first run."""
    check_floors(UNSEEN, coder, FLOORS)
