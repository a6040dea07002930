"""The page as the app serves it: local files only, a strict policy, a clear error when the
assets were never installed."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.web import assets


def page_client(tmp_path) -> TestClient:
    return TestClient(create_app(tmp_path / "web.db", token=None))


def test_the_page_loads_everything_from_the_app(tmp_path):
    client = page_client(tmp_path)
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    urls = re.findall(r"""(?:src|href)=["']([^"']+)["']""", page.text)
    local = [u for u in urls if u.startswith("/")]
    assert len(local) >= 6
    assert not [u for u in urls if u.startswith(("http:", "https:", "//"))]
    for url in local:
        assert client.get(url).status_code == 200, url


def test_the_page_forbids_inline_and_foreign_scripts(tmp_path):
    policy = page_client(tmp_path).get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "connect-src 'self'" in policy


def test_the_page_script_never_writes_markup():
    script = (assets.STATIC / "app.js").read_text()
    assert "innerHTML" not in script
    assert "insertAdjacentHTML" not in script
    assert "textContent" in script


def test_the_page_script_keeps_no_copy_of_the_servers_lists():
    script = (assets.STATIC / "app.js").read_text()
    assert "/api/config" in script
    for precision in ("facility", "admin2"):
        assert precision not in script


def test_without_assets_the_page_is_a_503_that_says_what_to_run(tmp_path, monkeypatch):
    monkeypatch.setattr(assets, "VENDOR", tmp_path / "no-vendor")
    response = page_client(tmp_path).get("/")
    assert response.status_code == 503
    assert "make assets" in response.json()["error"]["message"]
