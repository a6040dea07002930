"""Entity scoring: label mapping, strict and overlap matching, and a run on real gold."""

from __future__ import annotations

from sitrep.eval.entities import evaluate, match, predicted_spans
from sitrep.model import EntityMention


def test_labels_map_to_the_standard_ones_and_unknown_ones_drop() -> None:
    entities = [EntityMention("d", 0, 5, "Niger", "GPE"),
                EntityMention("d", 6, 9, "100", "CARDINAL"),
                EntityMention("d", 10, 14, "Ramadan", "EVENT")]
    assert predicted_spans(entities) == [(0, 5, "GPE_OR_LOC"), (6, 9, "QUANTITY")]


def test_strict_needs_the_same_offsets_overlap_any_shared_character() -> None:
    gold = [(0, 20, "ORG"), (30, 35, "PERSON")]
    pred = [(4, 20, "ORG"), (30, 35, "PERSON"), (30, 35, "ORG")]
    assert match(gold, pred, overlap=False) == {"PERSON": 1}
    assert match(gold, pred, overlap=True) == {"ORG": 1, "PERSON": 1}


def test_each_prediction_matches_one_gold_entity() -> None:
    gold = [(0, 10, "ORG"), (0, 4, "ORG")]
    assert match(gold, [(0, 10, "ORG")], overlap=True) == {"ORG": 1}


def test_re3d_scores_all_and_confident_entities(coder, data_dir) -> None:
    report = evaluate(data_dir / "re3d.jsonl", coder, limit=5)
    assert report.metrics["documents"] == 5
    assert 0.0 < report.metrics["all_overlap_f1"] <= 1.0
    assert "confident_strict_f1" in report.metrics
    assert report.metrics["all_strict_f1"] <= report.metrics["all_overlap_f1"]


def test_meantime_judges_only_the_labels_and_lines_it_annotates(coder, data_dir) -> None:
    report = evaluate(data_dir / "meantime.jsonl", coder, limit=4)
    table = report.sections["per label (all gold entities)"]
    assert "ORG" in table
    assert "DATE" not in table and "QUANTITY" not in table
    assert report.metrics["all_overlap_f1"] > 0.3
