"""Articles grouped by the event they report, from shared rare words, names and places."""

from __future__ import annotations

import numpy as np
import pytest
from factories import make_coded

from sitrep.cluster import cluster_documents
from sitrep.cluster.documents import average_linkage, features, load_rules, terms
from sitrep.errors import SitrepError
from sitrep.model import EntityMention

QUAKE_1 = "A strong earthquake struck Sumatra on Tuesday, killing 40 people in Padang."
QUAKE_2 = "Rescuers in Padang searched rubble after the Sumatra earthquake killed 40 people."
COACH_1 = "The Philadelphia 76ers fired coach Maurice Cheeks after a losing start."
COACH_2 = "Maurice Cheeks was fired as coach of the Philadelphia 76ers on Saturday."
FLOOD = "Floods closed roads across Bavaria as rivers rose after a week of rain."


def coded(doc_id: str, text: str):
    return make_coded(doc_id, text, [])


def test_the_packaged_rules_load() -> None:
    rules = load_rules()
    assert 0 < rules.threshold < 1
    assert "PERSON" in rules.entity_labels and "CARDINAL" in rules.number_labels


def test_terms_drop_stop_words_and_single_letters() -> None:
    assert terms("The coach of a team, Maurice Cheeks, was fired in 2008") == [
        "coach", "team", "maurice", "cheeks", "fired", "2008"]


def test_entity_names_and_numbers_are_features_of_their_own() -> None:
    article = coded("a", COACH_1)
    article.entities = [EntityMention("a", 39, 53, "Maurice Cheeks", "PERSON"),
                        EntityMention("a", 0, 3, "40", "CARDINAL")]
    found = features(article, load_rules())
    assert found[("entity", "cheeks")] == 1 and found[("number", "40")] == 1


def test_reports_of_one_event_group_and_other_stories_stay_apart() -> None:
    articles = [coded("q1", QUAKE_1), coded("c1", COACH_1), coded("q2", QUAKE_2),
                coded("f", FLOOD), coded("c2", COACH_2)]
    assert cluster_documents(articles) == [["q1", "q2"], ["c1", "c2"], ["f"]]


def test_a_higher_threshold_keeps_everything_apart() -> None:
    articles = [coded("q1", QUAKE_1), coded("q2", QUAKE_2)]
    assert cluster_documents(articles, threshold=1.01) == [["q1"], ["q2"]]


def test_average_linkage_does_not_chain_through_one_link() -> None:
    sim = np.array([[1.0, 0.9, 0.0], [0.9, 1.0, 0.5], [0.0, 0.5, 1.0]])
    assert average_linkage(sim, 0.4) == [[0, 1], [2]]
    assert average_linkage(sim, 0.2) == [[0, 1, 2]]


def test_duplicate_ids_are_refused_and_no_articles_give_no_groups() -> None:
    assert cluster_documents([]) == []
    with pytest.raises(SitrepError):
        cluster_documents([coded("a", QUAKE_1), coded("a", QUAKE_2)])
