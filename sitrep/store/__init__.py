"""Storage: SQLite with versioned migrations; the only package that knows SQL."""

from sitrep.query import EventQuery
from sitrep.store.db import AmbiguousIdError, Store, StoreError, StoreStats

__all__ = ["AmbiguousIdError", "EventQuery", "Store", "StoreError", "StoreStats"]
