"""``sitrep serve``: the app under uvicorn."""

from __future__ import annotations

import os
from pathlib import Path

import uvicorn

from sitrep.api.app import create_app

TOKEN_ENV = "SITREP_TOKEN"


def resolve_token(token: str | None) -> str | None:
    """The token given, else ``$SITREP_TOKEN``; none means a read-only server."""
    return token or os.environ.get(TOKEN_ENV) or None


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000,
          token: str | None = None) -> None:
    """Serve the API and the page until interrupted."""
    app = create_app(db, token=resolve_token(token))
    uvicorn.run(app, host=host, port=port, log_level="info")
