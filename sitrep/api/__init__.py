"""The HTTP API (FastAPI) over a sitrep store; the page is served by the same app."""

from sitrep.api.app import create_app
from sitrep.api.server import serve

__all__ = ["create_app", "serve"]
