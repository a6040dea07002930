"""Cluster measures on small known cases, and the quality gate on ECB+."""

from __future__ import annotations

import pytest

from sitrep.errors import SitrepError
from sitrep.eval.clusters import adjusted_rand, bcubed, evaluate, pairwise, scores

GOLD = ["a", "a", "a", "b", "b"]


def test_a_perfect_clustering_scores_one_everywhere() -> None:
    assert set(scores([1, 1, 1, 2, 2], GOLD).values()) == {1.0}


def test_bcubed_of_all_in_one_cluster() -> None:
    result = bcubed([0] * 5, GOLD)
    assert result["recall"] == 1.0
    assert result["precision"] == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)


def test_singletons_have_no_pairs_and_chance_level_rand() -> None:
    assert pairwise(list(range(5)), GOLD)["f1"] == 0.0
    assert adjusted_rand(list(range(5)), GOLD) == pytest.approx(0.0)


def test_adjusted_rand_of_a_known_split() -> None:
    # contingency [[2, 1], [0, 2]]: index 2, sums 4 and 4 of 10 pairs -> (2 - 1.6) / (4 - 1.6)
    assert adjusted_rand([1, 1, 2, 2, 2], GOLD) == pytest.approx(0.4 / 2.4)


def test_label_lists_of_different_length_are_refused() -> None:
    with pytest.raises(SitrepError):
        scores([1, 2], GOLD)


@pytest.mark.slow
def test_quality_gate_on_ecbplus(coder, data_dir) -> None:
    report = evaluate(data_dir / "ecbplus.jsonl", coder, limit=60)
    metrics = report.metrics
    assert metrics["documents"] == 60
    assert metrics["sitrep_bcubed_f1"] >= FLOOR_BCUBED_F1
    assert metrics["sitrep_ari"] >= FLOOR_ARI
    assert metrics["sitrep_bcubed_f1"] > metrics["singletons_bcubed_f1"]


# Measured on the first 60 documents (2 topics, 4 events): B-cubed F1 0.653, ARI 0.522.
# A floor only moves up.
FLOOR_BCUBED_F1 = 0.62
FLOOR_ARI = 0.48
