"""Where sitrep keeps files it builds once (the gazetteer index): never inside the package."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``$SITREP_CACHE`` if set, else ``~/.cache/sitrep``; created on first use."""
    root = os.environ.get("SITREP_CACHE")
    path = Path(root) if root else Path.home() / ".cache" / "sitrep"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db() -> Path:
    """The embedded store used when no ``--db`` is given."""
    return Path(os.environ.get("SITREP_DB", "sitrep.db"))
