"""The HTTP API and the page, as one FastAPI app over a sitrep store.

Reads are open; the one write (ingest) needs the bearer token. The API docs (``/docs``) are
served from the package, so they work with no network.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

import sitrep
from sitrep.api import aggregates, articles, events, reference, situation, urls
from sitrep.api.errors import install_error_handlers
from sitrep.api.heavy import heavy_work
from sitrep.api.state import AppState
from sitrep.coder import Coder
from sitrep.query import load_filter_tables
from sitrep.store import Store
from sitrep.web.page import mount_page

DESCRIPTION = """PLOVER-coded events from news articles: who did what to whom, where, when,
and on whose word. Every error is `{"error": {"status", "message"}}`. Writes need
`Authorization: Bearer TOKEN`."""


def create_app(db: str | Path, *, token: str | None, coder: Coder | None = None,
               allow_private_urls: bool = False, separate_heavy: bool = False) -> FastAPI:
    """An app over the store at ``db`` (``":memory:"`` works too).

    ``token`` guards writes; ``None`` refuses them all. ``coder`` is loaded on the first write
    when not given, so a read-only server never loads the model. ``allow_private_urls`` lets
    URLs sent for fetching reach loopback and private addresses (off by default).
    ``separate_heavy`` builds the situation and exports in a worker process of their own, so
    they never hold up the page's queries (what a server wants; :mod:`sitrep.api.heavy`).
    """
    store = Store(db)
    heavy = heavy_work(store, separate=separate_heavy)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        load_filter_tables()
        heavy.start()
        yield
        heavy.close()
        store.close()

    app = FastAPIOffline(title="sitrep", version=sitrep.__version__, description=DESCRIPTION,
                         lifespan=lifespan)
    app.state.sitrep = AppState(store=store, heavy=heavy, coder=coder)
    app.state.token = token or None
    app.state.allow_private_urls = allow_private_urls
    install_error_handlers(app)
    for module in (events, articles, reference, situation, urls, aggregates):
        app.include_router(module.router)
    mount_page(app)
    return app
