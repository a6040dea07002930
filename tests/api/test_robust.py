"""The API under unusual but legal requests: ids with any character, bodies too large to read,
tokens outside ASCII, dates at the ends of the calendar. Each is a 2xx or a clear 4xx."""

from __future__ import annotations

import asyncio
from urllib.parse import quote

import pytest
from factories import make_coded, make_event
from fastapi.testclient import TestClient

import sitrep.api.articles
from sitrep.api import create_app
from sitrep.store import Store

ODD_IDS = ["feeds/2024/05/story", "a b?c#d%e", "../etc/passwd", "ünï/cødé", "a\\b"]


@pytest.fixture
def odd_client(db, ids):
    """A store whose articles have ids with slashes, spaces, ``?``, ``#``, ``%`` and more."""
    with Store(db) as store:
        for number, article_id in enumerate(ODD_IDS):
            text = f"The USA forces withdrew from the country ({number})."
            store.add(make_coded(article_id, text, [make_event(article_id, sentence=text)]))
    with TestClient(create_app(db, token=None)) as client:
        yield client


@pytest.mark.parametrize("article_id", ODD_IDS)
def test_an_article_id_with_any_character_is_served_when_encoded(odd_client, article_id):
    response = odd_client.get(f"/api/articles/{quote(article_id, safe='')}")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["article"]["id"] == article_id
    [event] = body["events"]
    one = odd_client.get(f"/api/events/{quote(event['id'], safe='')}")
    assert one.status_code == 200
    assert article_id in [a["id"] for a in one.json()["articles"]]
    listed = odd_client.get("/api/events", params={"article_id": article_id}).json()
    assert [e["doc_id"] for e in listed["events"]] == [article_id]


def test_an_unknown_id_with_a_slash_is_404_in_the_one_error_shape(odd_client):
    response = odd_client.get("/api/articles/feeds%2Fnone")
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404
    assert odd_client.get("/api/events/a%2Fb").json()["error"]["status"] == 404


def _post_stream(app, chunks: int, chunk_size: int, headers: dict[str, str]
                 ) -> tuple[int, int]:
    """Send a body of ``chunks`` pieces straight to the ASGI app; return the status and how
    many pieces the app read before answering."""
    sent = 0
    status = 0

    async def receive():
        nonlocal sent
        sent += 1
        return {"type": "http.request", "body": b"x" * chunk_size, "more_body": sent < chunks}

    async def send(message):
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": "/api/articles", "raw_path":
             b"/api/articles", "query_string": b"", "root_path": "", "client": ("t", 1),
             "server": ("t", 80), "headers": [(b"content-type", b"text/plain"), *[
                 (name.lower().encode(), value.encode()) for name, value in headers.items()]]}
    asyncio.run(app(scope, receive, send))
    return status, sent


def test_a_streamed_body_is_refused_as_soon_as_it_passes_the_limit(db, ids, write_headers,
                                                                   monkeypatch):
    """200 pieces of 64 KiB (12.5 MiB) against a 1 MiB limit: the app stops after 17."""
    monkeypatch.setattr(sitrep.api.articles, "MAX_BODY", 1024 * 1024)
    app = create_app(db, token=write_headers["Authorization"].split()[1])
    status, read = _post_stream(app, chunks=200, chunk_size=64 * 1024, headers=write_headers)
    assert status == 413
    assert read <= 17


def test_a_declared_length_over_the_limit_is_refused_before_reading(db, ids, write_headers,
                                                                    monkeypatch):
    monkeypatch.setattr(sitrep.api.articles, "MAX_BODY", 1024 * 1024)
    app = create_app(db, token=write_headers["Authorization"].split()[1])
    declared = {**write_headers, "Content-Length": str(200 * 1024 * 1024)}
    status, read = _post_stream(app, chunks=200, chunk_size=64 * 1024, headers=declared)
    assert (status, read) == (413, 0)


def test_a_non_ascii_token_sent_as_utf8_is_accepted(db, ids):
    token = "clé-secrète-тайна"
    with TestClient(create_app(db, token=token)) as client:
        right = client.post("/api/articles", content=b" ", headers={
            "Content-Type": "text/plain", "Authorization": f"Bearer {token}".encode()})
        wrong = client.post("/api/articles", content=b" ", headers={
            "Content-Type": "text/plain", "Authorization": "Bearer clé-secrète".encode()})
    assert right.status_code == 400  # past the token: the empty body is what is refused
    assert "empty document" in right.json()["error"]["message"]
    assert wrong.status_code == 401


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_publication_date_at_the_ends_of_the_calendar_is_a_400(client, db, write_headers,
                                                                 day):
    response = client.post("/api/articles", params={"published": day},
                           content="Troops withdrew from the base.",
                           headers={"Content-Type": "text/plain", **write_headers})
    assert response.status_code == 400
    assert "in the years 1800-2100" in response.json()["error"]["message"]


@pytest.mark.parametrize(("path", "params"), [
    ("/api/events", {"since": "0001-01-01", "until": "9999-12-31"}),
    ("/api/export", {"since": "0001-01-01"}),
    ("/api/situation", {"as_of": "0001-01-01"}),
    ("/api/situation", {"as_of": "9999-12-31"}),
])
def test_reads_with_dates_at_the_ends_of_the_calendar_answer(client, path, params):
    assert client.get(path, params=params).status_code == 200


@pytest.mark.parametrize(("payload", "reason"), [
    ('{"id": "u", "text": "Troops left \\ud800 the base."}', "lone surrogate U+D800"),
    ('{"id": "u", "text": "Troops left\\u0000 the base."}', "NUL character"),
])
def test_an_upload_that_is_not_valid_unicode_is_a_400(client, db, write_headers, payload,
                                                     reason):
    response = client.post("/api/articles", content=payload,
                           headers={"Content-Type": "application/json", **write_headers})
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("request: \"text\" holds a")
    assert reason in response.json()["error"]["message"]
