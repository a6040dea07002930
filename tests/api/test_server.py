"""``sitrep serve``: the token from the option or the environment, the app under uvicorn."""

from __future__ import annotations

import uvicorn

from sitrep.api import server


def test_the_given_token_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("SITREP_TOKEN", "from-env")
    assert server.resolve_token("given") == "given"


def test_the_token_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("SITREP_TOKEN", "from-env")
    assert server.resolve_token(None) == "from-env"


def test_no_token_anywhere_means_read_only(monkeypatch):
    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    assert server.resolve_token(None) is None
    monkeypatch.setenv("SITREP_TOKEN", "")
    assert server.resolve_token("") is None


def test_serve_runs_the_app_on_the_given_address(monkeypatch, tmp_path):
    calls = {}

    def fake_run(app, **kwargs):
        calls.update(kwargs, app=app)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.setenv("SITREP_TOKEN", "from-env")
    server.serve(tmp_path / "served.db", host="127.0.0.1", port=8123)
    assert (calls["host"], calls["port"]) == ("127.0.0.1", 8123)
    assert calls["app"].state.token == "from-env"
    assert (tmp_path / "served.db").exists()


def test_several_workers_build_their_app_from_the_environment(monkeypatch, tmp_path):
    calls = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.update(kwargs, app=app))
    for name in (server.DB_ENV, server.PRIVATE_URLS_ENV, server.TOKEN_ENV):
        monkeypatch.setenv(name, "")  # what serve sets there is undone after the test
    server.serve(tmp_path / "served.db", port=8124, token="secret", allow_private_urls=True,
                 workers=3)
    assert calls["app"] == "sitrep.api.server:app_from_environment"
    assert (calls["factory"], calls["workers"], calls["port"]) == (True, 3, 8124)
    assert (tmp_path / "served.db").exists()
    app = server.app_from_environment()
    assert app.state.token == "secret" and app.state.allow_private_urls is True
    assert app.state.sitrep.store.path == str(tmp_path / "served.db")


def test_a_background_server_serves_the_app_until_it_exits(tmp_path):
    import httpx

    from sitrep.api import create_app

    with server.BackgroundServer(create_app(tmp_path / "bg.db", token=None)) as running:
        assert running.url.startswith("http://127.0.0.1:")
        assert httpx.get(f"{running.url}api/events").json()["total"] == 0
    assert not running.thread.is_alive()
