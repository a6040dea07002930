"""MUC incident scoring (data/README.md, measure *incidents*) and its quality gate."""

from __future__ import annotations

import pytest
from factories import make_event

from sitrep.eval.incidents import Tally, compatible, date_right, evaluate

INCIDENT = {"type": "BOMBING", "stage": "ACCOMPLISHED", "optional": False,
            "date_start": "1990-01-05", "date_end": "1990-01-05", "country_code": "COL",
            "perp_org": ["ELN"], "fillers": {}}


def test_compatible_types():
    assert compatible(INCIDENT, make_event(event_type="ASSAULT"))
    assert not compatible(INCIDENT, make_event(event_type="THREATEN"))
    threatened = {**INCIDENT, "stage": "THREATENED"}
    assert compatible(threatened, make_event(event_type="THREATEN"))


def test_dates_overlap_with_a_day_of_slack_and_open_starts():
    assert date_right(INCIDENT, make_event(date=("1990-01-06", "1990-01-06")))
    assert not date_right(INCIDENT, make_event(date=("1990-01-08", "1990-01-08")))
    open_start = {**INCIDENT, "date_start": None}
    assert date_right(open_start, make_event(date=("1989-12-01", "1989-12-01")))


def test_match_prefers_the_event_with_date_and_country():
    wrong = make_event(event_type="ASSAULT", date=("1990-03-01", "1990-03-01"))
    right = make_event(event_type="ASSAULT", start=100, date=("1990-01-05", "1990-01-05"),
                       location=("Cucuta", "COL", "city"))
    tally = Tally()
    tally.add([INCIDENT], [wrong, right])
    metrics = tally.metrics()
    assert metrics["recall"] == 1.0 and metrics["precision"] == 0.5
    assert metrics["recall_with_date_and_country"] == 1.0


@pytest.mark.slow
def test_muc_quality_gate(coder, data_dir):
    """On every development message, the set the issue's floor is stated on (2026-12-02:
    recall 0.912, with date and country 0.753, precision 0.297). A sample of the first 150
    messages moved by whole incidents (146 required: 131 found is 0.897, 132 is 0.904) while
    the whole set held, so the gate reads the whole set, with the same floors."""
    metrics = evaluate(data_dir / "muc_dev.jsonl", coder).metrics
    assert metrics["recall"] >= 0.90
    assert metrics["recall_with_date_and_country"] >= 0.75
    assert metrics["precision"] >= 0.18
