"""Reading events: the list with the CLI's filters and paging, one event, the export."""

from __future__ import annotations

import csv
import io
import json

import pytest


def event_types(response) -> list[str]:
    return [e["event_type"] for e in response.json()["events"]]


def test_list_gives_contract_records_in_date_order(client, ids):
    body = client.get("/api/events").json()
    assert body["total"] == 3
    assert [e["id"] for e in body["events"]] == [ids["coup"], ids["retreat"], ids["chad"]]
    first = body["events"][0]
    assert first["schema"] == 2
    assert first["evidence"]["sentence"] == "The NER forces seized power."
    assert first["date"] == {"text": "last month", "start": "2023-07-26", "end": "2023-07-26",
                             "precision": "month", "basis": "relative", "source": None}


@pytest.mark.parametrize(("params", "expected"), [
    ({"type": "RETREAT"}, ["RETREAT", "RETREAT"]),
    ({"type": "coerce"}, ["COERCE"]),
    ({"country": "USA"}, ["RETREAT", "RETREAT"]),
    ({"country": "ner"}, ["COERCE"]),
    ({"country": "Niger"}, ["COERCE"]),
    ({"country": "TCD"}, []),
    ({"recipient_country": "TCD"}, ["RETREAT"]),
    ({"actor": "%"}, []),
    ({"actor": "NER forces"}, ["COERCE"]),
    ({"place": "TCD"}, ["RETREAT"]),
    ({"place": "Niger"}, ["COERCE", "RETREAT"]),
    ({"since": "2024-04-15", "until": "2024-05-02"}, ["RETREAT", "RETREAT"]),
    ({"until": "2023-12-31"}, ["COERCE"]),
    ({"modality": "future"}, ["RETREAT"]),
    ({"text": "Chad"}, ["RETREAT"]),
    ({"text": "seized"}, ["RETREAT", "COERCE"]),  # a text search lists in stored order
    ({"article_id": "chad"}, ["RETREAT"]),
    ({"type": "ASSAULT"}, []),
])
def test_filters_match_the_cli(client, params, expected):
    response = client.get("/api/events", params=params)
    assert response.status_code == 200
    assert event_types(response) == expected
    assert response.json()["total"] == len(expected)


def test_pages_with_a_keyset_cursor(client, ids):
    first = client.get("/api/events", params={"limit": 2}).json()
    assert first["next"] == ids["retreat"]
    last = client.get("/api/events", params={"limit": 2, "after": first["next"]}).json()
    assert [e["id"] for e in last["events"]] == [ids["chad"]]
    assert last["next"] is None and last["total"] == 3


def test_pages_with_limit_and_offset(client, ids):
    first = client.get("/api/events", params={"limit": 2}).json()
    assert [e["id"] for e in first["events"]] == [ids["coup"], ids["retreat"]]
    assert first["next_offset"] == 2
    last = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert [e["id"] for e in last["events"]] == [ids["chad"]]
    assert last["total"] == 3
    assert last["next_offset"] is None


@pytest.mark.parametrize(("params", "words"), [
    ({"type": "FIGHT"}, "unknown event type 'FIGHT'; one of AGREE, CONSULT"),
    ({"since": "2024-13-01"}, "query.since"),
    ({"since": "2024-05-01", "until": "2024-04-01"}, "since (2024-05-01) is after until"),
    ({"modality": "maybe"}, "query.modality"),
    ({"country": "Narnia"}, "query.country: unknown country 'Narnia'; give an ISO 3166-1"),
    ({"type": "ATTACK"}, "query.type: unknown event type 'ATTACK'; one of AGREE"),
    ({"since": "03/05/2025"}, "query.since: '03/05/2025' is not a day; write it YYYY-MM-DD"),
    ({"modality": "maybe"}, "one of asserted, future, hypothetical, negated"),
    ({"limit": -3}, "query.limit: -3 is out of range"),
    ({"after": "nope"}, "query.after: no stored event 'nope'"),
    ({"limit": 0}, "query.limit"),
    ({"limit": 5000}, "query.limit"),
    ({"offset": -1}, "query.offset"),
])
def test_bad_filters_are_clear_4xx(client, params, words):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert words in response.json()["error"]["message"]


def test_one_event_with_its_articles_and_evidence(client, ids):
    body = client.get(f"/api/events/{ids['chad']}").json()
    assert body["event"]["id"] == ids["chad"]
    assert body["event"]["evidence"]["trigger"] == "withdrew"
    assert [a["id"] for a in body["articles"]] == ["chad"]
    assert "text" not in body["articles"][0]
    assert body["articles"][0]["title"] == "Chad"


def test_evidence_marks_index_the_sentence(client, ids):
    body = client.get(f"/api/events/{ids['chad']}").json()
    sentence = body["event"]["evidence"]["sentence"]
    marked = {m["role"]: sentence[m["start"]:m["end"]] for m in body["evidence_marks"]}
    assert marked["trigger"] == "withdrew"
    assert marked["place"] == "Chad"


def test_unknown_event_is_404(client):
    response = client.get("/api/events/0000000000000000")
    assert response.status_code == 404
    assert response.json() == {"error": {"status": 404,
                                         "message": "no event with id '0000000000000000'"}}


def test_export_json_lines(client, ids):
    response = client.get("/api/export", params={"format": "jsonl"})
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert 'filename="sitrep-events.jsonl"' in response.headers["content-disposition"]
    records = [json.loads(line) for line in response.text.splitlines()]
    assert [r["id"] for r in records] == [ids["coup"], ids["retreat"], ids["chad"]]


def test_export_csv_keeps_the_filters(client, ids):
    response = client.get("/api/export", params={"format": "csv", "type": "RETREAT"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["id"] for r in rows] == [ids["retreat"], ids["chad"]]
    assert rows[1]["modality"] == "future"


def test_export_geojson_puts_a_country_level_event_at_the_country_point(client, ids):
    response = client.get("/api/export", params={"format": "geojson", "place": "TCD"})
    assert response.headers["content-type"] == "application/geo+json"
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["id"] == ids["chad"]
    assert feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    assert 7 < lat < 24 and 13 < lon < 24
    assert feature["properties"]["precision"] == "country"
    assert feature["properties"]["country_code"] == "TCD"
    assert collection["unplaced"] == 0


def test_export_of_an_unknown_format_is_422(client):
    response = client.get("/api/export", params={"format": "xlsx"})
    assert response.status_code == 422
    assert "query.format" in response.json()["error"]["message"]


def test_empty_fields_of_a_form_are_no_filter(client):
    everything = client.get("/api/events").json()["total"]
    body = client.get("/api/events?country=&type=&since=&until=&modality=&bbox=").json()
    assert body["total"] == everything


def test_newest_lists_the_latest_first(client, ids):
    body = client.get("/api/events", params={"newest": "true"}).json()
    assert [e["id"] for e in body["events"]] == [ids["chad"], ids["retreat"], ids["coup"]]
    assert body["total"] == 3 and body["total_exact"] is True


def test_a_text_search_stops_counting_at_its_bound(client, ids, monkeypatch):
    import sitrep.api.events as events

    body = client.get("/api/events", params={"text": "forces"}).json()
    assert (body["total"], body["total_exact"]) == (3, True)
    monkeypatch.setattr(events, "TEXT_TOTAL_CAP", 2)
    body = client.get("/api/events", params={"text": "forces", "limit": 1}).json()
    assert (body["total"], body["total_exact"]) == (2, False)
    assert len(body["events"]) == 1 and body["next"] is not None
    features = client.get("/api/features", params={"text": "forces"}).json()
    assert (features["total"], features["total_exact"]) == (2, False)


def test_a_page_sends_stored_records_that_read_as_the_decoded_events(client, db, ids):
    import json
    import sqlite3

    from sitrep.store import EventQuery, Store

    with Store(db) as store:
        decoded = [e.to_dict() for e in store.query_events(EventQuery(limit=None))]
    body = client.get("/api/events").json()
    assert body["events"] == decoded
    assert list(body)[-1] == "events"
    # A record written in an older shape (here: before `acled` existed) is decoded first,
    # so the page still gives every field.
    conn = sqlite3.connect(db)
    record = json.loads(conn.execute("SELECT record FROM events WHERE id = ?",
                                     (ids["chad"],)).fetchone()[0])
    record.pop("acled")
    conn.execute("UPDATE events SET record = ?, shape = NULL WHERE id = ?",
                 (json.dumps(record), ids["chad"]))
    conn.commit()
    conn.close()
    assert client.get("/api/events").json()["events"] == decoded
