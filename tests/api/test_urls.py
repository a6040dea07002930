"""POST /api/urls: the server fetches pages itself, only with the token, and never to loopback
or private addresses unless the operator allows it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from localsite import LocalSite

from sitrep.api import create_app
from sitrep.store import Store

TOKEN = "s3cret-token"


class UnusedCoder:
    def code_articles(self, articles, on_error=None):
        raise AssertionError("a refused request reached the coder")

PAGE = ("<html><head><title>Port reopens</title><meta property=\"og:site_name\" "
        "content=\"Harbour Times\"></head><body><article><p>Chile reopened the port of "
        "Valparaiso on Monday after a strike by dock workers ended, the transport ministry "
        "said.</p><p>The ministry said ships would be unloaded in the order they arrived and "
        "that the backlog would take about a week to clear.</p></article></body></html>")


@pytest.fixture
def site():
    with LocalSite() as local:
        local.page("/story", PAGE)
        yield local


def test_urls_need_the_token(client, site):
    response = client.post("/api/urls", json={"urls": [site.url("/story")]})
    assert response.status_code == 401
    assert site.log == []


def test_loopback_is_refused_without_the_operator_s_leave(client, site, write_headers, db):
    response = client.post("/api/urls", json={"urls": [site.url("/story")]},
                           headers=write_headers)
    assert response.status_code == 400
    assert "127.0.0.1 is not a public address" in response.json()["error"]["message"]
    assert site.log == []
    with Store(db) as store:
        assert store.stats().articles == 2


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://x/", "not a url"])
def test_what_is_not_an_http_url_is_refused(client, write_headers, url):
    response = client.post("/api/urls", json={"urls": [url]}, headers=write_headers)
    assert response.status_code == 400
    assert "not an http(s) URL" in response.json()["error"]["message"]


def test_no_urls_is_422(client, write_headers):
    assert client.post("/api/urls", json={"urls": []}, headers=write_headers).status_code == 422


@pytest.mark.slow
def test_with_the_operator_s_leave_a_local_page_is_fetched_and_stored(db, ids, coder, site,
                                                                       write_headers):
    app = create_app(db, token=TOKEN, coder=coder, allow_private_urls=True)
    with TestClient(app) as client:
        first = client.post("/api/urls", json={"urls": [site.url("/story")]},
                            headers=write_headers)
        again = client.post("/api/urls", json={"urls": [site.url("/story")]},
                            headers=write_headers)
        with Store(db) as store:
            [article_id] = [a.id for a in store.iter_articles() if a.url == site.url("/story")]
        outlets = client.get(f"/api/articles/{article_id}").json()["outlets"]
    assert first.status_code == 201 and first.json()["added"] == 1
    assert [(o["url"], o["publisher"]) for o in outlets] == [(site.url("/story"), "Harbour Times")]
    assert again.status_code == 200 and again.json()["fetched_before"] == 1
    assert site.requests("/story") == 1


def test_a_read_only_server_never_fetches(db, ids, site):
    with TestClient(create_app(db, token=None, coder=UnusedCoder())) as client:
        response = client.post("/api/urls", json={"urls": [site.url("/story")]},
                               headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403 and site.log == []
