"""Ingest, the one write: token required, bad documents refused with a clear 4xx and nothing
stored, good ones coded by the real pipeline and stored once."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

import sitrep.api.articles
from sitrep.api import create_app
from sitrep.store import Store

SHORT = ("Niger's junta ordered US troops to leave the country, a government spokesman "
         "said on Friday.")


def stored(db) -> tuple[int, int]:
    with Store(db) as store:
        stats = store.stats()
    return stats.articles, stats.events


def post_text(client, body: str | bytes, headers: dict[str, str], **params):
    return client.post("/api/articles", content=body, params=params,
                       headers={"Content-Type": "text/plain", **headers})


# -- the token -------------------------------------------------------------------------------

def test_a_server_without_token_refuses_every_write(db, ids):
    with TestClient(create_app(db, token=None)) as client:
        response = post_text(client, SHORT, {"Authorization": "Bearer anything"})
    assert response.status_code == 403
    assert "SITREP_TOKEN" in response.json()["error"]["message"]
    assert stored(db) == (2, 3)


@pytest.mark.parametrize("header", [
    {}, {"Authorization": "Bearer wrong"}, {"Authorization": "Bearer "},
    {"Authorization": "Basic czNjcmV0LXRva2Vu"}, {"Authorization": "s3cret-token"},
])
def test_a_write_without_the_right_token_is_401(client, db, header):
    response = post_text(client, SHORT, header)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["error"]["status"] == 401
    assert stored(db) == (2, 3)


# -- bad documents ---------------------------------------------------------------------------

@pytest.mark.parametrize(("content_type", "body", "status", "words"), [
    ("text/plain", "", 400, "empty document"),
    ("text/plain", "  \n\t ", 400, "empty document"),
    ("image/png", "\x89PNG", 415, "unsupported Content-Type 'image/png'"),
    ("application/json", "{not json", 400, "JSON"),
    ("application/json", json.dumps({"id": "x", "title": "no text"}), 400, "text"),
    ("application/x-ndjson", '{"id": "a", "text": "fine"}\n[1, 2]\n', 400,
     "request:2: not a JSON object"),
])
def test_a_bad_document_is_a_clear_4xx_and_stores_nothing(client, db, write_headers,
                                                           content_type, body, status, words):
    response = client.post("/api/articles", content=body,
                           headers={"Content-Type": content_type, **write_headers})
    assert response.status_code == status
    assert words in response.json()["error"]["message"]
    assert stored(db) == (2, 3)


def test_binary_data_is_refused(client, db, write_headers):
    response = post_text(client, b"\x00\x01\x02binary\x00" * 50, write_headers)
    assert response.status_code == 400
    assert stored(db) == (2, 3)


@pytest.mark.parametrize(("params", "words"), [
    ({"published": "yesterday"}, "query.published"),
    ({"kind": "pdf"}, "query.kind"),
])
def test_bad_parameters_are_422(client, db, write_headers, params, words):
    response = post_text(client, SHORT, write_headers, **params)
    assert response.status_code == 422
    assert words in response.json()["error"]["message"]
    assert stored(db) == (2, 3)


def test_an_oversized_document_is_413(client, db, write_headers, monkeypatch):
    monkeypatch.setattr(sitrep.api.articles, "MAX_BODY", 64)
    response = post_text(client, SHORT, write_headers)
    assert response.status_code == 413
    assert stored(db) == (2, 3)


# -- good documents, coded by the real pipeline -----------------------------------------------

@pytest.fixture
def coding_client(db, ids, coder):
    with TestClient(create_app(db, token="s3cret-token", coder=coder)) as client:
        yield client


@pytest.mark.slow
def test_a_text_article_is_coded_and_stored_once(coding_client, db, write_headers,
                                                 seed_article):
    text = seed_article.read_text(encoding="utf-8")
    first = post_text(coding_client, text, write_headers, source="seed.txt")
    assert first.status_code == 201
    body = first.json()
    assert body["added"] == 1
    assert body["events"] > 0
    [article_id] = body["article_ids"]
    article = coding_client.get(f"/api/articles/{article_id}").json()
    assert len(article["events"]) == body["events"]
    assert article["article"]["published"].startswith("2024-05-03")
    again = post_text(coding_client, text, write_headers)
    assert again.status_code == 200
    assert (again.json()["added"], again.json()["skipped"]) == (0, 1)
    assert stored(db) == (3, 3 + body["events"])


@pytest.mark.slow
def test_a_json_document_keeps_its_id(coding_client, write_headers):
    doc = {"id": "api-json-1", "text": SHORT, "title": "Junta orders US out",
           "published": "2024-05-03", "publisher": "Example Wire"}
    response = coding_client.post("/api/articles", content=json.dumps(doc),
                                  headers={"Content-Type": "application/json", **write_headers})
    assert response.status_code == 201
    assert response.json()["article_ids"] == ["api-json-1"]
    article = coding_client.get("/api/articles/api-json-1").json()["article"]
    assert (article["title"], article["publisher"]) == ("Junta orders US out", "Example Wire")


@pytest.mark.slow
def test_json_lines_and_the_kind_parameter(coding_client, write_headers):
    lines = "\n".join(json.dumps({"id": f"line-{n}", "text": f"{SHORT} ({n})"})
                      for n in range(2))
    response = coding_client.post("/api/articles", content=lines, params={"kind": "jsonl",
                                  "published": "2024-05-03"}, headers=write_headers)
    assert response.status_code == 201
    assert response.json()["article_ids"] == ["line-0", "line-1"]
    article = coding_client.get("/api/articles/line-1").json()["article"]
    assert article["published"] == "2024-05-03"


@pytest.mark.slow
def test_an_html_page_is_read_for_its_main_text(coding_client, write_headers):
    page = ("<html><head><title>Junta orders US out</title></head><body><article>"
            f"<h1>Junta orders US out</h1><p>{SHORT}</p><p>{SHORT}</p></article>"
            "<script>window.bad = 1</script></body></html>")
    response = coding_client.post("/api/articles", content=page, params={"published":
                                  "2024-05-03"}, headers={"Content-Type": "text/html",
                                                          **write_headers})
    assert response.status_code == 201
    [article_id] = response.json()["article_ids"]
    text = coding_client.get(f"/api/articles/{article_id}").json()["article"]["text"]
    assert "junta ordered US troops" in text
    assert "window.bad" not in text
