"""The situation and exports, built in a process of their own rather than beside the page's
queries.

Python runs one thread of a process at a time. A page query's thread lets go of the
interpreter at every row SQLite steps over and must wait to get it back, each time, until the
thread that holds it is made to yield (every ``sys.getswitchinterval()``, 5 ms): beside an
export or the situation, which hold the interpreter for whole seconds, a page of 100 rows waited
hundreds of milliseconds in the same server process. Here they run in one worker process per
server process (bounded: more requests wait their turn), with its own connection to the store;
the request's thread waits on a pipe, which holds nothing, and the operating system shares the
cores between the processes.

An export is a stream read in one read transaction (one consistent snapshot of the store): the
worker keeps each open export's stream and hands it on in batches, so it serves any number of
exports in turns without holding one in memory. The situation's answer is
kept with the store's change counter (``PRAGMA data_version``), so asking again while nothing
was stored costs one pragma.

A store in memory (tests, ``":memory:"``) cannot be opened from another process: the same
functions then run in the request's thread (:class:`Inline`).
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import queue
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from typing import Any, Protocol

from sitrep.query import EventQuery
from sitrep.store import Store

EXPORT_IDLE_S = 300.0
"""An export stream not asked for its next batch for this long is closed by the worker: its
read transaction would keep the write-ahead log from being reset while it lasts, and a client
that left may not have closed it."""
EXPORT_BATCH = 256
"""Records per chunk of a streamed export: each chunk is one hop between the processes (and
one between the server's threads), so one per record would make a large export slow."""


class HeavyWork(Protocol):
    """Where the situation and exports are built."""

    def start(self) -> None: ...

    def situation(self, as_of: date | None) -> bytes: ...

    def export(self, query: EventQuery, fmt: str) -> Iterator[str]: ...

    def close(self) -> None: ...


class Inline:
    """The situation and exports built in the calling thread (a store in memory)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def situation(self, as_of: date | None) -> bytes:
        return situation_json(self.store, as_of)

    def export(self, query: EventQuery, fmt: str) -> Iterator[str]:
        return export_chunks(self.store, query, fmt)

    def start(self) -> None:
        """Nothing to start: the store is the app's."""

    def close(self) -> None:
        """Nothing to release: the store is the app's."""


class Worker:
    """The situation and exports built by one worker process over the store at ``path``
    (one, so an export's stream, kept there, is found again by each of its batches); it starts
    with the first request (or :meth:`start`) and starts again if it died."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._abandoned: queue.SimpleQueue[int] = queue.SimpleQueue()
        """Keys of exports their client left, for the worker to close with the next request."""

    def start(self) -> None:
        """Start the worker now (it takes a moment to start and open the store), not on the
        first request."""
        self._submit(_ready).result()

    def situation(self, as_of: date | None) -> bytes:
        return self._submit(_worker_situation, as_of).result()

    def export(self, query: EventQuery, fmt: str) -> Iterator[str]:
        """The export's chunks as the worker makes them; closing the iterator early (a client
        that went away) drops the worker's stream with the next request.

        The server does not close the iterator of a client that left: the garbage collector
        does, at any moment in any thread, also inside ``ProcessPoolExecutor.submit`` while
        that holds the pool's own lock. A ``submit`` from here would then wait for that lock
        forever, and every later request with it. So the early close only leaves the key in
        a ``SimpleQueue`` (made to be used from finalizers), and the next request sends the
        closes before its own work."""
        key = self._submit(_worker_open_export, query, fmt).result()
        pool = self._executor()  # the worker that holds the stream: a new one would not
        finished = False
        try:
            while (chunk := self._next_chunk(pool, key)) is not None:
                yield chunk
            finished = True
        finally:
            if not finished:
                self._abandoned.put(key)

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    1, mp_context=multiprocessing.get_context("spawn"),
                    initializer=_worker_open, initargs=(self.path,))
            return self._pool

    def _submit(self, fn: Any, *args: Any) -> Future[Any]:
        pool = self._executor()
        self._close_abandoned(pool)
        try:
            return pool.submit(fn, *args)
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:
                    self._pool = None
            return self._executor().submit(fn, *args)

    def _next_chunk(self, pool: ProcessPoolExecutor, key: int) -> str | None:
        self._close_abandoned(pool)
        return pool.submit(_worker_next_chunk, key).result()

    def _close_abandoned(self, pool: ProcessPoolExecutor) -> None:
        """Ask the worker to close the exports whose clients left (their read transactions
        and connections would otherwise stay open until :data:`EXPORT_IDLE_S`)."""
        while True:
            try:
                key = self._abandoned.get_nowait()
            except queue.Empty:
                return
            try:
                pool.submit(_worker_close_export, key)
            except BrokenProcessPool:
                return  # the worker died, and its streams with it


def heavy_work(store: Store, *, separate: bool) -> HeavyWork:
    """A worker process over the store's file when ``separate`` (what a server wants), else
    the calling thread (and always for a store in memory)."""
    if not separate or store.path == ":memory:":
        return Inline(store)
    return Worker(store.path)


# -- what is built, wherever it runs ---------------------------------------------------------

def situation_json(store: Store, as_of: date | None) -> bytes:
    """The situation as the API sends it (the JSON ``JSONResponse`` would encode)."""
    from sitrep.situation import stored_situation

    data = stored_situation(store, as_of=as_of).to_dict()
    return json.dumps(data, ensure_ascii=False, allow_nan=False, indent=None,
                      separators=(",", ":")).encode("utf-8")


def export_chunks(store: Store, query: EventQuery, fmt: str) -> Iterator[str]:
    """Every event ``query`` selects in ``fmt`` (``jsonl``, ``csv`` with the flat columns,
    ``geojson``), in chunks of :data:`EXPORT_BATCH` records, as the store is read."""
    from sitrep.output import EVENT_COLUMNS, GeoJSONWriter, record_chunks

    events = store.iter_sourced(query)
    if fmt == "geojson":
        return _batched(GeoJSONWriter().chunks(events))
    return _batched(record_chunks(events, fmt, header=EVENT_COLUMNS))


def _batched(chunks: Iterator[str]) -> Iterator[str]:
    batch: list[str] = []
    for chunk in chunks:
        batch.append(chunk)
        if len(batch) >= EXPORT_BATCH:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


# -- the worker process's side ---------------------------------------------------------------

_store: Store | None = None
_exports: dict[int, tuple[Iterator[str], float]] = {}
"""Each open export's stream and when it was last asked for a batch."""
_keys = itertools.count()
_answered: dict[date | None, tuple[int, bytes]] = {}
"""The situation's answers by ``as_of``, with the ``data_version`` they were built at."""


def _worker_open(path: str) -> None:
    global _store
    _store = Store(path)


def _worker_store() -> Store:
    assert _store is not None, "the worker's store is opened by the pool's initializer"
    return _store


def _ready() -> bool:
    return _store is not None


def _worker_situation(as_of: date | None) -> bytes:
    """The situation, again only when another connection stored something since the last
    answer (``data_version`` changes with every commit of another connection)."""
    store = _worker_store()
    version = store.conn.execute("PRAGMA data_version").fetchone()[0]
    kept = _answered.get(as_of)
    if kept is not None and kept[0] == version:
        return kept[1]
    body = situation_json(store, as_of)
    if len(_answered) > 16:
        _answered.clear()
    _answered[as_of] = (version, body)
    return body


def _worker_open_export(query: EventQuery, fmt: str) -> int:
    _close_idle_exports()
    key = next(_keys)
    _exports[key] = (export_chunks(_worker_store(), query, fmt), time.monotonic())
    return key


def _worker_next_chunk(key: int) -> str | None:
    _close_idle_exports()
    kept = _exports.get(key)
    if kept is None:
        return None
    chunk = next(kept[0], None)
    if chunk is None:
        del _exports[key]
    else:
        _exports[key] = (kept[0], time.monotonic())
    return chunk


def _worker_close_export(key: int) -> None:
    kept = _exports.pop(key, None)
    if kept is not None and hasattr(kept[0], "close"):
        kept[0].close()


def _close_idle_exports() -> None:
    now = time.monotonic()
    for key in [k for k, (_, at) in _exports.items() if now - at > EXPORT_IDLE_S]:
        _worker_close_export(key)
