"""The app as a whole: one error shape, the OpenAPI schema, API docs that need no network."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.errors import NotFoundError


def test_every_endpoint_is_in_the_openapi_schema(client):
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) >= {"/api/events", "/api/events/{event_id}", "/api/export",
                                    "/api/articles", "/api/articles/{article_id}",
                                    "/api/countries", "/api/event-types"}
    ingest = schema["paths"]["/api/articles"]["post"]
    assert set(ingest["requestBody"]["content"]) >= {"text/plain", "text/html",
                                                      "application/json"}
    filters = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert filters >= {"type", "country", "actor", "place", "since", "until", "modality",
                       "text", "limit", "offset"}


@pytest.mark.parametrize("docs", ["/docs", "/redoc"])
def test_docs_load_every_script_and_style_from_the_app(client, docs):
    page = client.get(docs)
    assert page.status_code == 200
    assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", page.text)
    assert assets, "the docs page names its script and style"
    assert not [url for url in assets if url.startswith(("http:", "https:", "//"))]
    for url in assets:
        assert client.get(url).status_code == 200, url


def test_unknown_paths_and_methods_use_the_error_shape(client):
    assert client.get("/api/nothing").json() == {"error": {"status": 404,
                                                           "message": "Not Found"}}
    response = client.delete("/api/events")
    assert response.status_code == 405
    assert response.json()["error"]["status"] == 405


def test_library_errors_keep_their_status(db):
    app = create_app(db, token=None)

    def missing() -> None:
        raise NotFoundError("no such thing")

    app.add_api_route("/api/missing", missing)
    response = TestClient(app).get("/api/missing")
    assert response.json() == {"error": {"status": 404, "message": "no such thing"}}


def test_an_unexpected_error_is_a_500_in_the_same_shape_without_details(db):
    app = create_app(db, token=None)

    def broken() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/api/broken", broken)
    response = TestClient(app, raise_server_exceptions=False).get("/api/broken")
    assert response.status_code == 500
    assert response.json() == {"error": {"status": 500,
                                         "message": "internal error; see the server log"}}


def test_an_in_memory_store_serves_an_empty_list():
    with TestClient(create_app(":memory:", token=None)) as client:
        body = client.get("/api/events").json()
    assert (body["total"], body["events"]) == (0, [])


def test_reads_need_no_token(client):
    assert client.get("/api/events").status_code == 200
    assert client.get("/api/export").status_code == 200
