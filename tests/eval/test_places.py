"""The places scorer, and the quality gate on the GeoVirus dev data."""

from __future__ import annotations

import pytest

from sitrep.eval.places import (
    benchmark,
    distance_km,
    evaluate,
    match,
    score,
    score_countries,
)
from sitrep.model import PlaceMention


def place(start: int, end: int, lat: float | None = None, lon: float | None = None
          ) -> PlaceMention:
    return PlaceMention(doc_id="d", start=start, end=end, text="x", lat=lat, lon=lon)


def test_distance_km_is_great_circle() -> None:
    assert distance_km(0, 0, 0, 0) == 0
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)
    assert distance_km(13.51, 2.11, 12.11, 15.04) == pytest.approx(1410, rel=0.01)


def test_match_is_any_overlap_one_to_one() -> None:
    gold = [{"start": 0, "end": 5}, {"start": 10, "end": 20}]
    pairs = match(gold, [place(2, 4), place(3, 8), place(12, 30)])
    assert [(g["start"], p.start) for g, p in pairs] == [(0, 2), (10, 12)]


def test_score_counts_unresolved_matches_as_misses() -> None:
    gold = [{"start": 0, "end": 5, "lat": 0.0, "lon": 0.0},
            {"start": 10, "end": 20, "lat": 0.0, "lon": 10.0},
            {"start": 30, "end": 40, "lat": 0.0, "lon": 20.0}]
    predicted = [place(0, 5, 0.0, 1.0), place(10, 20), place(50, 60, 0.0, 0.0)]
    metrics = score([(gold, predicted)]).metrics
    assert metrics["detection_precision"] == pytest.approx(2 / 3)
    assert metrics["detection_recall"] == pytest.approx(2 / 3)
    assert metrics["accuracy_161km"] == pytest.approx(0.5)
    assert metrics["accuracy_20km"] == 0.0
    assert metrics["end_to_end_161km"] == pytest.approx(1 / 3)
    assert metrics["unresolved_share"] == pytest.approx(2 / 3)
    assert metrics["median_error_km"] == pytest.approx(111.2, abs=0.2)


def test_event_countries_count_resolved_event_places_only() -> None:
    record = {"id": "a", "events": [
        {"id": "e1", "location_country": "KEN"}, {"id": "e2", "location_country": "UGA"},
        {"id": "e3", "location_country": "TZA"}, {"id": "e4", "location_country": None}]}
    places = [
        PlaceMention(doc_id="a", start=0, end=5, text="x", lat=1.0, lon=37.0,
                     country_code="KEN", score=0.9),
        PlaceMention(doc_id="a", start=9, end=14, text="y", lat=1.0, lon=32.0,
                     country_code="UGA", score=0.0),
        PlaceMention(doc_id="a", start=20, end=25, text="z"),
    ]
    report = score_countries([(record, places)])
    assert report.metrics["events_with_country"] == 3
    assert report.metrics["country_among_places"] == 1
    assert "a e2 UGA" in report.sections["events whose country no place gives"]


def test_event_countries_of_the_seed(coder, seed_article) -> None:
    report = evaluate(seed_article.parent, coder)
    assert report.metrics["events_with_country"] >= 1
    assert report.metrics["share"] == 1.0


def test_quality_gate_geovirus(coder, data_dir) -> None:
    """Floors a little under what the first 80 GeoVirus documents measured (a floor only
    moves up): detection F1 0.902, within 161 km 0.901 on matches, 0.865 end to end, 0.062
    unresolved."""
    metrics = evaluate(data_dir / "geovirus.jsonl", coder, limit=80).metrics
    assert metrics["detection_f1"] >= 0.88
    assert metrics["accuracy_161km"] >= 0.89
    assert metrics["end_to_end_161km"] >= 0.84
    assert metrics["unresolved_share"] <= 0.08


def test_benchmark_counts_mentions(coder, data_dir) -> None:
    result = benchmark(coder, data_dir / "geovirus.jsonl", limit=3, rounds=1)
    assert result["mentions"] > 0
    assert result["mentions_per_second"] > 0
