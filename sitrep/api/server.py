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

TOKEN_ENV = "SITREP_TOKEN"


def resolve_token(token: str | None) -> str | None:
    """The token given, else ``$SITREP_TOKEN``; none means a read-only server."""
    return token or os.environ.get(TOKEN_ENV) or None


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000,
          token: str | None = None, allow_private_urls: bool = False) -> None:
    """Serve the API and the page until interrupted."""
    app = create_app(db, token=resolve_token(token), allow_private_urls=allow_private_urls)
    uvicorn.run(app, host=host, port=port, log_level="info")


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
