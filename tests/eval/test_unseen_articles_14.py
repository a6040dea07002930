"""The fourteenth held-out set of whole articles (``unseen_articles_14.jsonl``): eight stories
of 270-370 words of invented events, chosen so that place and date are hard: each is filed from
one capital about events in several provinces or across a border (Nairobi on al Shabaab attacks
in Mandera, on a road between Garissa and Dadaab and in Somalia's Gedo; Bogota on attacks in
three provinces and a charge against Venezuela; Dhaka on wage protests and a shooting at the
Indian border), events are told days apart ("on Tuesday ... last week ... on Nov. 6"), two hold
a timeline or background paragraph of earlier clashes (Second Thomas Shoal, the Thai-Cambodian
border), acts happen at sea, at borders and on roads between towns (a water cannon at a shoal,
a border shooting whose side is disputed, buses stopped on a highway), one is a follow-up that
recaps an attack six days later (Plateau, Nigeria), and recipients are groups named by role
("villagers", "the protesters", "a delegation"). They were written and coded by the rules of the
development articles (55 required of 102 events) and committed before sitrep ran on them; the
gold is never edited to fit sitrep's output.

First run (2026-12-03, code at 868a0b5, before any change made after the set was written):
required found 0.709, type and actor 0.800, fully right 0.618, precision 0.582, record
precision 0.600, records per matched event 1.175 (95 records); field errors on type + actor
matches: place 3, date 3, modality 0, recipients 4. The floors below are the first run's
numbers rounded down, so that a change which loses held-out events fails here even when the
development numbers hold. Records per matched event were above the 1.15 every other set is held
to at the first run; that check is an expected failure here until a change brings it under.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from held_out_articles import (
    MOST_RECORDS_PER_EVENT,
    check_european_union,
    check_required,
    check_stories,
)

from sitrep.eval.articles import evaluate

UNSEEN = Path(__file__).parent / "unseen_articles_14.jsonl"
FLOORS = {"required_found": 0.70, "lenient_found": 0.79, "fully_right": 0.61,
          "precision": 0.58, "record_precision": 0.59}


def test_every_article_is_a_dated_story_with_coded_events():
    check_stories(UNSEEN, count=8, dated_to_publication=True, words=(250, 400))


def test_the_european_union_is_coded_as_the_other_sets_code_it():
    check_european_union(UNSEEN)


def test_the_set_reads_as_articles_with_their_gold():
    check_required(UNSEEN, 55)


@pytest.fixture(scope="module")
def metrics(coder):
    return evaluate(UNSEEN, coder).metrics


@pytest.mark.slow
def test_fourteenth_unseen_articles_quality_floor(metrics):
    """The coder on the fourteenth held-out articles; the floors are below its first run."""
    for name, floor in FLOORS.items():
        assert metrics[name] >= floor, (name, metrics[name])


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason="first run 1.175 records per matched event: acts told "
                   "again ('its fighters had carried out the attack') and two verbs of one "
                   "coded event ('rejected the charge and accused') are records of their own")
def test_fourteenth_unseen_articles_records_per_event(metrics):
    """The goal every set is held to; this set's first run is above it (a known gap): strict,
    so the test says when a change brings it under."""
    assert metrics["records_per_event"] <= MOST_RECORDS_PER_EVENT
