"""The ninth held-out set of whole articles (``unseen_articles_9.jsonl``): ten short wire
stories of 210-260 words of invented events from many regions, each telling several events
and mentioning some of them more than once, by role nouns, pronouns and quoted claims: an
ambush on a convoy answered by air strikes, with an accusation against a third country and its
rejection; a border incursion alleged and denied, with a neighbour's deployment and call; a
fuel-tax protest met with tear gas and arrests, a conditional threat to protest again; an
opposition leader jailed by a court, a rally and detentions; an aid convoy let through a siege,
with accusations each side makes of the other; sanctions on officials answered by a summons;
a drone strike, rockets and shelling across a border, a planned visit; water cannon at sea and
a summons; an air strike on a village with a denial, refugees sheltered and aid promised
abroad; a town seized by rebels, a neighbour blamed and blaming back. They were written and
coded by the rules of the development articles (67 required of 144 events) and committed
before sitrep ran on them; the gold is never edited to fit sitrep's output.

First run (2026-12-03, code at 817a3e0, before any change made after the set was written):
required found 0.746, type and actor 0.776, fully right 0.687, precision 0.694, record
precision 0.747, records per matched event 1.028 (95 records); field errors on type + actor
matches: place 2, date 1, modality 1, recipients 4. After the mechanisms of the same day (cues
outside names, pronouns for people of no country yet, compounds of what a vehicle holds):
required found 0.761, type and actor 0.791, fully right 0.701, precision 0.699, record
precision 0.750 (96 records). The floors below sit a little under that, so that a change
which loses held-out events fails here even when the development numbers hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from held_out_articles import check_european_union, check_floors, check_required, check_stories

UNSEEN = Path(__file__).parent / "unseen_articles_9.jsonl"
FLOORS = {"required_found": 0.74, "lenient_found": 0.77, "fully_right": 0.68,
          "precision": 0.67, "record_precision": 0.73}


def test_every_article_is_a_short_dated_story_with_coded_events():
    check_stories(UNSEEN, count=10, dated_to_publication=True, words=(180, 350))


def test_the_european_union_is_coded_as_the_other_sets_code_it():
    check_european_union(UNSEEN)


def test_the_set_reads_as_articles_with_their_gold():
    check_required(UNSEEN, 67)


@pytest.mark.slow
def test_ninth_unseen_articles_quality_floor(coder):
    """The coder on the ninth held-out articles; the floors are below its first run."""
    check_floors(UNSEEN, coder, FLOORS)
