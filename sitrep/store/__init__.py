"""Storage: SQLite with versioned migrations; the only package that knows SQL."""

from sitrep.store.db import EventQuery, Store, StoreError, StoreStats

__all__ = ["EventQuery", "Store", "StoreError", "StoreStats"]
