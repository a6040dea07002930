"""What the app holds between requests: the open store and the coder (loaded lazily)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from fastapi import Request

from sitrep.api.heavy import HeavyWork
from sitrep.coder import Coder, default_coder
from sitrep.store import Store


@dataclass
class AppState:
    """One store for the app's life (it is thread-safe); where the situation and exports are
    built (:mod:`sitrep.api.heavy`); the coder only once a write needs it, so a read-only
    server starts without loading the model."""

    store: Store
    heavy: HeavyWork
    coder: Coder | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get_coder(self) -> Coder:
        with self._lock:
            if self.coder is None:
                self.coder = default_coder()
        return self.coder


def app_state(request: Request) -> AppState:
    return request.app.state.sitrep


def get_store(request: Request) -> Store:
    return app_state(request).store


def get_heavy(request: Request) -> HeavyWork:
    return app_state(request).heavy
