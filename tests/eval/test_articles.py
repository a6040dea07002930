"""The article measures (data/README.md, "articles") on small hand-made gold and records."""

from __future__ import annotations

import json

import pytest
from factories import make_event

from sitrep.eval.articles import ArticleScore, field_errors, fully_right, read_set, score_article

GOLD = [
    {"id": "e1", "required": True, "types": ["ASSAULT"], "actors": ["RUS"],
     "recipients": ["UKR"], "location_country": "UKR",
     "date": {"start": "2024-04-01", "end": "2024-04-30"}, "modality": ["asserted"]},
    {"id": "e2", "required": True, "types": ["ACCUSE"], "actors": ["UKR"], "recipients": ["RUS"],
     "location_country": None, "date": None, "modality": ["asserted"]},
    {"id": "o1", "required": False, "types": ["REJECT"], "actors": ["RUS"], "recipients": [],
     "location_country": None, "date": None, "modality": None},
]


def _assault(**kw):
    base = {"event_type": "ASSAULT", "actor_country": "RUS", "recipient_country": "UKR",
            "location": ("Kyiv", "UKR", "city")}
    base.update(kw)
    return make_event(**base)


def test_a_right_record_is_found_and_fully_right():
    one = score_article("d", GOLD, [_assault()])
    assert (one.found, one.lenient, one.fully_right, one.false_records) == (1, 1, 1, 0)
    assert one.metrics()["required_found"] == 0.5
    assert one.metrics()["record_precision"] == 1.0


def test_a_wrong_place_is_a_lenient_match_with_a_place_error():
    one = score_article("d", GOLD, [_assault(location=("Doha", "QAT", "city"))])
    assert (one.found, one.lenient) == (0, 1)
    assert one.errors["place"] == 1
    assert one.false_records == 1
    assert any("partly" in line and "place" in line for line in one.lines)


def test_a_repeat_is_neutral_for_precision_but_costs_record_precision():
    one = score_article("d", GOLD, [_assault(), _assault(start=200)])
    metrics = one.metrics()
    assert metrics["precision"] == 1.0
    assert metrics["record_precision"] == 0.5
    assert metrics["records_per_event"] == 2.0


def test_an_optional_match_is_neutral_and_counts_as_a_distinct_event():
    one = score_article("d", GOLD, [_assault(), make_event(event_type="REJECT",
                                                           actor_country="RUS", start=300)])
    metrics = one.metrics()
    assert metrics["precision"] == 1.0
    assert one.distinct_matched == 2
    assert metrics["record_precision"] == 1.0


def test_a_gold_event_is_charged_with_the_fields_of_its_closest_record():
    elsewhere = _assault(location=("Doha", "QAT", "city"))
    own = _assault(start=200, date=("2024-04-10", "2024-04-10"))
    one = score_article("d", GOLD, [elsewhere, own])
    assert one.found == 1 and one.lenient == 1
    assert one.errors["place"] == 0


def test_a_third_country_spoils_fully_right_but_not_the_match():
    event = _assault()
    extra = make_event(actor_country="BLR").actors[0]
    event.actors.append(extra)
    assert not fully_right(GOLD[0], event)
    assert score_article("d", GOLD, [event]).found == 1


def test_a_missing_recipient_spoils_fully_right_and_is_a_field_error():
    event = _assault(recipient_country=None)
    assert not fully_right(GOLD[0], event)
    assert field_errors(GOLD[0], event) == ["recipients"]


def test_counts_add_up_over_articles():
    total = ArticleScore()
    total.add(score_article("a", GOLD, [_assault()]))
    total.add(score_article("b", GOLD, [make_event(event_type="SANCTION")]))
    metrics = total.metrics()
    assert metrics["required"] == 4
    assert metrics["required_found"] == 0.25
    assert metrics["precision"] == 0.5
    assert metrics["records"] == 2


def test_reads_a_jsonl_file_and_a_seed_folder(tmp_path, seed_article):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Troops attacked.", "published": "2024-01-02",
                                "events": GOLD}) + "\n", encoding="utf-8")
    [(article, gold)] = read_set(path)
    assert article.id == "x" and len(gold) == 3
    [(seed, seed_gold)] = read_set(seed_article.parent)
    assert seed.published and sum(g["required"] for g in seed_gold) == 11


@pytest.mark.slow
def test_articles_dev_quality_floor(coder, data_dir):
    """The coder on the development articles; the floors are below what it measures."""
    from sitrep.eval.articles import evaluate

    metrics = evaluate(data_dir / "articles_dev.jsonl", coder).metrics
    assert metrics["required_found"] >= 0.35
    assert metrics["record_precision"] >= 0.35
