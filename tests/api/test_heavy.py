"""The situation and exports built in a worker process: the same answers as built inline."""

from __future__ import annotations

import csv
import io
import multiprocessing
import threading
from pathlib import Path

from factories import make_coded, make_event
from fastapi.testclient import TestClient

from sitrep.api import create_app, heavy
from sitrep.query import EventQuery
from sitrep.store import Store

ASKED = {
    "situation": ("/api/situation", {}),
    "situation before": ("/api/situation", {"as_of": "2024-04-15"}),
    "csv": ("/api/export", {"format": "csv"}),
    "jsonl by type": ("/api/export", {"format": "jsonl", "type": "RETREAT"}),
    "geojson": ("/api/export", {"format": "geojson"}),
}


def test_a_worker_process_answers_as_the_request_thread_does(db, ids):
    found: dict[bool, dict[str, bytes]] = {}
    for separate in (False, True):
        app = create_app(db, token=None, separate_heavy=separate)
        with TestClient(app) as client:
            found[separate] = {name: client.get(url, params=params).raise_for_status().content
                               for name, (url, params) in ASKED.items()}
    assert isinstance(app.state.sitrep.heavy, heavy.Worker)
    for name in ASKED:
        assert found[True][name] == found[False][name], name
    assert ids["chad"].encode() in found[True]["situation"]
    assert ids["retreat"].encode() in found[True]["jsonl by type"]


def test_an_app_over_a_store_in_memory_builds_inline():
    app = create_app(":memory:", token=None, separate_heavy=True)
    assert isinstance(app.state.sitrep.heavy, heavy.Inline)


def test_a_long_export_comes_in_batches_of_records(tmp_path, monkeypatch):
    monkeypatch.setattr(heavy, "EXPORT_BATCH", 2)
    text = " ".join(f"Crowd {n} marched." for n in range(5))
    events = [make_event("many", "PROTEST", sentence=f"Crowd {n} marched.",
                         start=text.index(f"Crowd {n}"), trigger="marched") for n in range(5)]
    with Store(tmp_path / "s.db") as store:
        store.add(make_coded("many", text, events))
        chunks = list(heavy.export_chunks(store, EventQuery(limit=None), "csv"))
    # The header and one record, then two records a chunk.
    assert len(chunks) == 3
    rows = list(csv.DictReader(io.StringIO("".join(chunks))))
    assert len(rows) == 5


def test_the_worker_drops_an_export_closed_early(db: Path, ids):
    heavy._worker_open(str(db))
    try:
        key = heavy._worker_open_export(EventQuery(limit=None), "jsonl")
        assert heavy._worker_next_chunk(key)
        heavy._worker_close_export(key)
        assert key not in heavy._exports
        assert heavy._worker_next_chunk(key) is None
    finally:
        heavy._worker_store().close()
        heavy._store = None


def test_the_worker_builds_the_situation_again_once_something_was_stored(db: Path, ids):
    path = db
    heavy._worker_open(str(path))
    try:
        first = heavy._worker_situation(None)
        assert heavy._worker_situation(None) is first  # nothing stored since: kept
        plan = make_event("mali", "RETREAT", sentence="The USA forces will leave Mali.",
                          start=0, location=("Mali", "MLI", "country"),
                          recipient_country="MLI", date=("2024-06-01", "2024-06-30"),
                          modality="future")
        with Store(path) as other:
            other.add(make_coded("mali", "The USA forces will leave Mali.", [plan],
                                 published="2024-05-20"))
        again = heavy._worker_situation(None)
        assert again != first
        assert plan.id.encode() in again
    finally:
        heavy._worker_store().close()
        heavy._store = None
        heavy._answered.clear()


def test_the_worker_closes_an_export_left_idle(db: Path, ids, monkeypatch):
    heavy._worker_open(str(db))
    try:
        key = heavy._worker_open_export(EventQuery(limit=None), "jsonl")
        monkeypatch.setattr(heavy, "EXPORT_IDLE_S", -1.0)  # every stream is idle now
        other = heavy._worker_open_export(EventQuery(limit=None), "csv")
        assert key not in heavy._exports and other in heavy._exports
        assert heavy._worker_next_chunk(key) is None
    finally:
        for open_key in list(heavy._exports):
            heavy._worker_close_export(open_key)
        heavy._worker_store().close()
        heavy._store = None


def test_an_export_left_by_its_client_is_closed_without_waiting_on_the_pool(db: Path, ids):
    # A client that leaves mid-export leaves its iterator to the garbage collector, which may
    # close it inside ``ProcessPoolExecutor.submit`` while that holds the pool's lock: the
    # close must not ask the pool for anything then, or every later request waits forever.
    worker = heavy.Worker(str(db))
    closed = threading.Event()
    try:
        stream = worker.export(EventQuery(limit=None), "jsonl")
        assert next(stream)
        pool = worker._executor()

        def close_while_the_pool_is_busy() -> None:
            with pool._shutdown_lock:  # what ``submit`` holds while the collector runs
                stream.close()
            closed.set()

        closer = threading.Thread(target=close_while_the_pool_is_busy, daemon=True)
        closer.start()
        assert closed.wait(10), "closing an export waited on the pool's lock"
        assert not worker._abandoned.empty(), "the close is left for the next request"
        assert worker.situation(None)  # the worker still answers, and was told to close it
        assert worker._abandoned.empty()
    finally:
        if closed.is_set():
            worker.close()
        else:  # the pool's lock is lost: end its process rather than hang the tests
            for child in multiprocessing.active_children():
                child.kill()
