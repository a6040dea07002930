"""One article with its events marked in its text."""

from __future__ import annotations

from factories import make_event

from sitrep.api.articles import event_marks


def test_article_with_its_events_and_marks(client, ids):
    body = client.get("/api/articles/niger").json()
    text = body["article"]["text"]
    assert body["article"]["title"] == "Niger"
    assert body["article"]["publisher"] == "ANI"
    assert {e["id"] for e in body["events"]} == {ids["retreat"], ids["coup"]}
    marked = [(m["kind"], text[m["start"]:m["end"]], m["event_id"]) for m in body["marks"]]
    assert ("evidence", "The NER forces seized power.", ids["coup"]) in marked
    assert ("trigger", "seized", ids["coup"]) in marked
    assert ("trigger", "withdrew", ids["retreat"]) in marked


def test_marks_run_in_text_order_evidence_before_its_trigger():
    event = make_event(sentence="They withdrew.", start=10, trigger="withdrew")
    marks = event_marks([event])
    assert [(m["kind"], m["start"], m["end"]) for m in marks] == [
        ("evidence", 10, 24), ("trigger", 15, 23)]
    assert {m["event_type"] for m in marks} == {"RETREAT"}


def test_marks_skip_a_trigger_without_offsets():
    event = make_event(sentence="They withdrew.", trigger="withdrew")
    event.evidence.trigger_start = event.evidence.trigger_end = None
    assert [m["kind"] for m in event_marks([event])] == ["evidence"]


def test_unknown_article_is_404(client):
    response = client.get("/api/articles/nope")
    assert response.status_code == 404
    assert response.json()["error"] == {"status": 404, "message": "no article with id 'nope'"}
