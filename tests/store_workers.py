"""Work done in child processes by the store's concurrency tests (importable when spawned)."""

from __future__ import annotations

from typing import Any


def open_new_stores(paths: list[str], barrier: Any, results: Any) -> None:
    """Open each new database the moment the other process does; report ``(path, error)``
    for each, ``error`` None when it opened."""
    from sitrep.store import Store

    reports: list[tuple[str, str | None]] = []
    for path in paths:
        barrier.wait()
        try:
            Store(path).close()
            reports.append((path, None))
        except Exception as exc:  # noqa: BLE001 - the test reports whatever went wrong
            reports.append((path, f"{type(exc).__name__}: {exc}"))
    results.put(reports)


def store_articles(path: str, docs: list[tuple[str, str]], barrier: Any, results: Any) -> None:
    """Store hand-made articles ``(doc_id, actor_country)`` as a writer would; report every
    error the store raises."""
    from factories import make_coded, make_event

    from sitrep.store import Store, StoreError

    errors = []
    barrier.wait()
    with Store(path) as store:
        for doc_id, country in docs:
            coded = make_coded(doc_id, f"The {country} forces withdrew from the country "
                                       f"({doc_id}).",
                               [make_event(doc_id, actor_country=country)])
            try:
                store.add(coded)
            except StoreError as exc:
                errors.append(str(exc))
    results.put(errors)
