"""The page's counts and features: by country, by day/week/month, and one page of events as
GeoJSON, under the same filters as the event list."""

from __future__ import annotations

import pytest


def test_countries_count_each_location_country_by_modality(client):
    body = client.get("/api/aggregates/countries").json()
    assert body["total"] == 3
    assert body["unplaced"] == 0
    assert body["countries"] == [
        {"country": "NER", "count": 2, "modality": {"asserted": 2}},
        {"country": "TCD", "count": 1, "modality": {"future": 1}},
    ]


@pytest.mark.parametrize(("params", "expected"), [
    ({"modality": "future"}, {"TCD": 1}),
    ({"type": "COERCE"}, {"NER": 1}),
    ({"since": "2024-01-01"}, {"NER": 1, "TCD": 1}),
    ({"text": "Chad"}, {"TCD": 1}),
    ({"country": "NER"}, {"NER": 1}),
])
def test_countries_take_the_event_filters(client, params, expected):
    body = client.get("/api/aggregates/countries", params=params).json()
    assert {c["country"]: c["count"] for c in body["countries"]} == expected
    assert body["total"] == client.get("/api/events", params=params).json()["total"]


def test_time_buckets_by_month_with_the_span_to_open_on(client):
    body = client.get("/api/aggregates/time", params={"unit": "month"}).json()
    assert body["unit"] == "month"
    assert (body["first"], body["last"]) == ("2023-07-26", "2024-05-10")
    assert body["total"] == 3
    assert body["buckets"] == [
        {"start": "2023-07-01", "end": "2023-07-31", "count": 1, "modality": {"asserted": 1}},
        {"start": "2024-04-01", "end": "2024-04-30", "count": 1, "modality": {"asserted": 1}},
        {"start": "2024-05-01", "end": "2024-05-31", "count": 1, "modality": {"future": 1}},
    ]


@pytest.mark.parametrize(("params", "unit"), [
    ({}, "week"),
    ({"since": "2024-04-01", "until": "2024-05-31"}, "day"),
    ({"since": "2016-01-01", "until": "2024-12-31"}, "month"),
    ({"since": "1990-01-01", "until": "2024-12-31"}, "year"),
])
def test_the_unit_follows_the_window(client, params, unit):
    assert client.get("/api/aggregates/time", params=params).json()["unit"] == unit


def test_a_bad_unit_or_filter_is_a_clear_422(client):
    response = client.get("/api/aggregates/time", params={"unit": "hour"})
    assert response.status_code == 422
    assert "unit" in response.json()["error"]["message"]
    response = client.get("/api/aggregates/countries", params={"type": "NOPE"})
    assert response.status_code == 422
    assert "NOPE" in response.json()["error"]["message"]


def test_features_are_the_geojson_writers_collection_with_the_paging_members(client, db):
    from sitrep.output import events_geojson
    from sitrep.store import EventQuery, Store

    with Store(db) as store:
        collection = events_geojson(store.query_events(EventQuery(limit=2)))
    body = client.get("/api/features", params={"limit": 2}).json()
    assert body == {**collection, "total": 3, "total_exact": True, "next_offset": 2}


def test_features_are_one_page_of_geojson_with_the_total(client, ids):
    body = client.get("/api/features", params={"limit": 2}).json()
    assert body["type"] == "FeatureCollection"
    assert body["total"] == 3
    assert body["next_offset"] == 2
    assert [f["id"] for f in body["features"]] == [ids["coup"], ids["retreat"]]
    feature = body["features"][0]
    assert feature["properties"]["evidence"]["sentence"] == "The NER forces seized power."
    assert feature["properties"]["country_code"] == "NER"
    rest = client.get("/api/features", params={"limit": 2, "offset": 2}).json()
    assert [f["id"] for f in rest["features"]] == [ids["chad"]]
    assert rest["next_offset"] is None


def test_features_in_a_box_are_the_events_pinned_inside_it(tmp_path):
    from factories import make_coded, make_event
    from fastapi.testclient import TestClient

    from sitrep.api import create_app
    from sitrep.store import Store

    gao = make_event("m", sentence="Troops moved.", trigger="moved",
                     location=("Gao", "MLI", "city"))
    gao.location.lat, gao.location.lon = 16.27, -0.04
    mali = make_event("m", sentence="Troops moved.", trigger="moved", start=14,
                      location=("Mali", "MLI", "country"))
    mali.location.lat, mali.location.lon = 16.5, -0.5
    with Store(tmp_path / "box.db") as store:
        store.add(make_coded("m", "Troops moved. Troops moved.", [gao, mali]))
    with TestClient(create_app(tmp_path / "box.db", token=None)) as client:
        body = client.get("/api/features", params={"bbox": "-2,15,1,17"}).json()
        assert [f["id"] for f in body["features"]] == [gao.id]
        assert body["total"] == 1
        counts = client.get("/api/aggregates/countries", params={"bbox": "-2,15,1,17"}).json()
        assert counts["total"] == 1
        response = client.get("/api/events", params={"bbox": "-2,17,1,15"})
        assert response.status_code == 422
        assert "query.bbox" in response.json()["error"]["message"]
        assert "south (17) is north of north (15)" in response.json()["error"]["message"]


def test_features_in_a_box_can_be_the_latest_first(tmp_path):
    """The zoomed-in map asks for the latest events in its box, not the oldest."""
    from factories import make_coded, make_event
    from fastapi.testclient import TestClient

    from sitrep.api import create_app
    from sitrep.store import Store

    events = []
    for i, day in enumerate(("2024-01-05", "2024-03-01", "2024-02-10")):
        event = make_event("g", sentence="Troops moved.", trigger="moved", start=14 * i,
                           location=("Gao", "MLI", "city"), date=(day, day))
        event.location.lat, event.location.lon = 16.27, -0.04
        events.append(event)
    with Store(tmp_path / "box.db") as store:
        store.add(make_coded("g", "Troops moved. Troops moved. Troops moved.", events))
    with TestClient(create_app(tmp_path / "box.db", token=None)) as client:
        params = {"bbox": "-2,15,1,17", "limit": 2}
        oldest = client.get("/api/features", params=params).json()
        latest = client.get("/api/features", params={**params, "newest": "true"}).json()
        assert [f["id"] for f in oldest["features"]] == [events[0].id, events[2].id]
        assert [f["id"] for f in latest["features"]] == [events[1].id, events[2].id]
        assert latest["total"] == 3 and latest["next_offset"] == 2
