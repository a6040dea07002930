"""PLOVER gold scoring (data/README.md, measure *events*) and its quality gate."""

from __future__ import annotations

import pytest
from factories import make_event

from sitrep.eval.events import Tally, evaluate

GOLD = [{"type": "RETREAT", "actors": ["USA"], "recipients": ["NER"]}]


def scored(*events) -> dict:
    tally = Tally()
    tally.add(GOLD, list(events))
    return tally.metrics()


def test_top1_is_the_surest_event():
    right = make_event(event_type="RETREAT")
    wrong = make_event(event_type="ASSAULT", start=50)
    wrong.confidence = 0.9
    metrics = scored(right, wrong)
    assert metrics["correct"] == 1 and metrics["top1_correct"] == 0
    assert metrics["extra"] == 1 and metrics["extra_pct_of_gold"] == 1.0


def test_actor_and_recipient_accuracy_on_the_best_correct_event():
    metrics = scored(make_event(event_type="RETREAT", actor_country="USA",
                                recipient_country="TCD"))
    assert metrics["actor_accuracy"] == 1.0
    assert metrics["recipient_accuracy"] == 0.0


def test_nothing_predicted_is_uncoded():
    metrics = scored()
    assert metrics["uncoded"] == 1 and metrics["correct"] == 0
    assert metrics["actor_accuracy"] is None


def test_confusion_matrix_rows_are_gold_columns_top1():
    tally = Tally()
    tally.add(GOLD, [make_event(event_type="SANCTION")])
    assert tally.confusion[("RETREAT", "SANCTION")] == 1
    assert "RETREAT" in tally.matrix()


@pytest.mark.slow
def test_plover_quality_gate(coder, data_dir):
    """Measured on the dev half: top-1 0.895, extra 0.213 of gold, actor country 0.766,
    recipient country 0.667."""
    metrics = evaluate(data_dir / "plover_gsr.jsonl", coder).metrics
    assert metrics["top1_accuracy"] >= 0.86
    assert metrics["extra_pct_of_gold"] <= 0.24
    assert metrics["actor_accuracy"] >= 0.74
    assert metrics["recipient_accuracy"] >= 0.62
