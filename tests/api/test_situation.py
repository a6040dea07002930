"""GET /api/situation: the state that follows from the stored events."""

from __future__ import annotations


def test_situation_follows_from_the_events(client, ids):
    response = client.get("/api/situation")
    assert response.status_code == 200
    state = response.json()
    assert {"presence", "agreements", "withdrawals", "expected"} <= set(state)
    # "withdrew" is a completed withdrawal: no US forces left in Niger, none withdrawing.
    assert not [p for p in state["presence"] if p["actor_country"] == "USA"]
    assert state["withdrawals"] == []
    # The planned withdrawal from Chad is expected, and traceable to its event.
    expected = {e["event_id"]: e for e in state["expected"]}
    assert expected[ids["chad"]]["country"] == "TCD"


def test_situation_as_of_a_day_before_the_events_is_empty(client):
    state = client.get("/api/situation", params={"as_of": "2020-01-01"}).json()
    assert state["as_of"] == "2020-01-01"
    assert state["withdrawals"] == [] and state["presence"] == []
    assert state["agreements"] == []


def test_situation_rejects_a_bad_day(client):
    response = client.get("/api/situation", params={"as_of": "soon"})
    assert response.status_code == 422
    assert response.json()["error"]["status"] == 422


def test_merged_list_and_report_ids(client, ids):
    merged = client.get("/api/events", params={"merged": "true"}).json()
    assert merged["total"] == 3
    detail = client.get(f"/api/events/{ids['retreat']}").json()
    assert detail["reports"] == [ids["retreat"]]
