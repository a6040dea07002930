"""``sitrep serve``: the app under uvicorn; and a background server for the page's checks."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from sitrep.api.app import create_app
from sitrep.errors import SitrepError
from sitrep.store import Store

TOKEN_ENV = "SITREP_TOKEN"
DB_ENV = "SITREP_SERVE_DB"
PRIVATE_URLS_ENV = "SITREP_SERVE_PRIVATE_URLS"
"""How ``serve`` hands the store and its settings to worker processes, which build their app
themselves (:func:`app_from_environment`)."""


def resolve_token(token: str | None) -> str | None:
    """The token given, else ``$SITREP_TOKEN``; none means a read-only server."""
    return token or os.environ.get(TOKEN_ENV) or None


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000,
          token: str | None = None, allow_private_urls: bool = False, workers: int = 1) -> None:
    """Serve the API and the page until interrupted.

    With ``workers`` above one, that many processes share the port, each with its own
    connections to the store: Python runs one thread of a process at a time, so in one process
    a slow request (an export, the situation) slows every request served beside it; in several
    it slows only its own process's share. Each worker opens the store itself. The situation
    and exports are built in a process of their own beside each server process
    (:mod:`sitrep.api.heavy`), so they slow no page query.
    """
    if workers > 1:
        Store(db).close()  # create and migrate the store once, before the workers open it
        os.environ[DB_ENV] = str(db)
        os.environ[PRIVATE_URLS_ENV] = "1" if allow_private_urls else ""
        if token:
            os.environ[TOKEN_ENV] = token
        uvicorn.run(f"{__name__}:app_from_environment", factory=True, host=host, port=port,
                    workers=workers, log_level="info")
        return
    app = create_app(db, token=resolve_token(token), allow_private_urls=allow_private_urls,
                     separate_heavy=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


def app_from_environment() -> FastAPI:
    """The app of one worker process, from what :func:`serve` put in the environment."""
    return create_app(os.environ[DB_ENV], token=resolve_token(None),
                      allow_private_urls=bool(os.environ.get(PRIVATE_URLS_ENV)),
                      separate_heavy=True)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class BackgroundServer:
    """The app served from a thread on a free local port, for a browser to load:
    ``with BackgroundServer(app) as server: open(server.url)``."""

    def __init__(self, app: FastAPI, host: str = "127.0.0.1") -> None:
        self.host, self.port = host, free_port(host)
        config = uvicorn.Config(app, host=host, port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    def __enter__(self) -> BackgroundServer:
        self.thread.start()
        while not self.server.started:
            if not self.thread.is_alive():
                raise SitrepError(f"the server on {self.url} did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join()
