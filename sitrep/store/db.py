"""The SQLite store: the only module that knows SQL.

One write transaction per article (``BEGIN IMMEDIATE``: the duplicate check and the insert see
the same database), content-hash keys (storing the same article twice changes nothing), WAL mode
and a connection per thread, so readers (the web page, the API's workers) never wait for each
other or for the writer. The same-event lookup of a new event reads an index by actor country,
type and date window, so adding an event costs the same in a store of ten events or a million.
"""

from __future__ import annotations

import heapq
import json
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, replace
from datetime import date
from itertools import chain, islice
from pathlib import Path
from typing import Any

from sitrep.cluster.events import (
    Outline,
    SameEventRules,
    Scope,
    load_rules,
    outline,
    outlines_agree,
    same_event,
)
from sitrep.errors import NotFoundError, SitrepError
from sitrep.model import Article, CodedArticle, Event
from sitrep.query import BBox, EventQuery, QueryError, place_country
from sitrep.store.keys import (
    LAST,
    NO_COUNTRY,
    SPAN_CAPS,
    UNDATED,
    WIDE,
    EventKeys,
    country_rows,
    event_keys,
    point_row,
    record_shape,
)
from sitrep.store.migrations import POINT_INSERT, migrate

ARTICLE_COLUMNS = (
    "id", "content_hash", "title", "published", "url", "publisher", "language", "source",
    "dateline_place", "dateline_start", "dateline_end", "text",
)
BUSY_TIMEOUT_S = 60.0
"""How long a writer waits for another process's transaction before giving up."""
CACHE_KIB = 256 * 1024
"""Page cache per connection: a write transaction touches a page of each index for every event
it adds, and SQLite's default cache (2 MiB) would spill them and read them back."""
CHECKPOINT_PAGES = 65536
"""Pages the write-ahead log grows to (256 MiB) before a commit copies it into the database
(SQLite's default is 1,000). A transaction of a hundred articles dirties more pages than that,
so the default would copy every commit's pages twice; with a longer log the pages that many
commits touch (the tails of the indexes, the full-text segments, the tables of counts) are
copied once per checkpoint. As the store grows, each transaction dirties more distinct index
pages (2,700 for 456 events at 20,000 events, 4,600 at 320,000), so a log of 8,192 pages was
copied every second commit: at 65,536 a commit cost 73 to 78 µs an event at 340,000 events
instead of 100 µs (31 to 34 µs at 20,000 either way)."""
MMAP_BYTES = 1 << 30
"""Reads through memory mapping (up to 1 GiB of the file) rather than a system call per page."""
SITUATION_RULES = "situation_rules"
"""The ``store_meta`` key of the fingerprint of the rules ``situation_events`` was filled by."""
PREFIX_CANDIDATES = 10
SEARCH_REACH = 25
"""The latest reports of a country and type the same-event lookup compares from the span classes
it reads with a bound, and from the undated ones (see ``_candidates``)."""
SHORT_CAP = 92
"""Span classes up to this cap are read in full for an event no longer than this: their windows
are a few months at most, so what they hold depends on the feed's rate, not on the size of the
store."""
DECODED_CACHE = 50_000
"""Stored events kept decoded for the same-event lookup (the most recently used; about 3 KB
each): a new report is compared with the reports of the last weeks of its country and type,
and decoding a stored record costs more than comparing it."""


class StoreError(SitrepError):
    """The database cannot be opened, is not a sitrep store, or refuses a write."""


class AmbiguousIdError(SitrepError):
    """An id prefix that more than one stored record starts with."""

    status = 409


@dataclass(frozen=True, slots=True)
class Cluster:
    """The reports of one real-world event share the id and ``seq`` of the first one stored
    (its head); the index reads the integer."""

    id: str
    seq: int


@dataclass(slots=True)
class StoreStats:
    articles: int
    events: int


class Store:
    """An open sitrep database (a file path, or ``":memory:"``).

    Safe to share between threads: each thread reads and writes through its own connection
    (a ``":memory:"`` store has one connection, its writes serialised by a lock).
    """

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        self._memory = self.path == ":memory:"
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._opened_lock = threading.Lock()
        self._write_lock = threading.RLock()
        self._decoded: OrderedDict[int, tuple[Event, Cluster]] = OrderedDict()
        self._situation_claimed = False
        try:
            first = self._connect(migrating=True)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable sitrep database ({exc})") from exc
        self._local.conn = first
        self._shared = first if self._memory else None

    # -- connections -------------------------------------------------------------------------

    def _connect(self, *, migrating: bool = False) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_S)
        try:
            conn.row_factory = sqlite3.Row
            if not self._memory:
                _use_wal(conn)
                conn.execute("PRAGMA synchronous = NORMAL")
                conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
                conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
                conn.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
            if migrating:
                migrate(conn)
            conn.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            conn.close()
            raise
        with self._opened_lock:
            self._opened.append(conn)
        return conn

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use)."""
        if self._shared is not None:
            return self._shared
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
        return conn

    @property
    def _lock(self) -> AbstractContextManager[Any]:
        """For code that guards a statement or two: a ``":memory:"`` store's one connection is
        shared, so its statements are serialised; a file store's threads each have their own
        connection and need no lock (SQLite and WAL order the writes)."""
        return self._write_lock if self._shared is not None else nullcontext()

    @contextmanager
    def _reader(self) -> Iterator[sqlite3.Connection]:
        """A connection for a streamed read: its own, closed when the stream ends, so a
        generator consumed across threads never shares a connection with other work."""
        if self._shared is not None:
            yield self._shared
            return
        conn = self._connect()
        try:
            yield conn
        finally:
            with self._opened_lock:
                self._opened.remove(conn)
            conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._opened_lock:
            opened, self._opened = self._opened, []
        for conn in opened:
            conn.close()
        self._local = threading.local()

    # -- writing -----------------------------------------------------------------------------

    def has_article(self, content_hash: str) -> bool:
        """Whether an article with this text is stored (a hint for skipping work: :meth:`add`
        decides again inside its transaction)."""
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row is not None

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken before anything is read (``BEGIN IMMEDIATE``)."""
        conn = self.conn
        with self._write_lock:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StoreError(f"{self.path}: cannot start a write ({exc})") from exc
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                self._decoded.clear()  # it may hold events that were never stored
                raise
            conn.execute("COMMIT")

    def add(self, coded: CodedArticle) -> bool:
        """Store one coded article and its events atomically; False if it was already stored.

        The duplicate check runs inside the write transaction, so two writers storing the same
        article at once both succeed (one adds, one skips). Raises :class:`StoreError` only for
        a real conflict: another text stored under the same article id.
        """
        outcome = self.add_many([coded])[0]
        if isinstance(outcome, StoreError):
            raise outcome
        return outcome

    def add_many(self, batch: Sequence[CodedArticle]) -> list[bool | StoreError]:
        """Store several coded articles in one write transaction (what a bulk load wants: a
        commit costs more than an article's inserts). Per article, in order: True if added,
        False if already stored, or the :class:`StoreError` that refused it; a refused
        article leaves nothing behind and does not stop the others."""
        outcomes: list[bool | StoreError] = []
        with self._writing() as conn:
            self._claim_situation_index(conn)
            for coded in batch:
                conn.execute("SAVEPOINT article")
                try:
                    outcomes.append(self._add_one(conn, coded))
                except StoreError as exc:
                    conn.execute("ROLLBACK TO article")
                    self._decoded.clear()
                    outcomes.append(exc)
                conn.execute("RELEASE article")
        return outcomes

    def _add_one(self, conn: sqlite3.Connection, coded: CodedArticle) -> bool:
        article = coded.article
        if self._already_stored(conn, article):
            return False
        try:
            self._insert_article(conn, article)
            for event in coded.events:
                self._insert_event(conn, event, article.id)
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"article {article.id!r} cannot be stored: {exc}") from exc
        return True

    def _already_stored(self, conn: sqlite3.Connection, article: Article) -> bool:
        rows = conn.execute("SELECT id, content_hash FROM articles WHERE content_hash = ? "
                            "OR id = ?", (article.content_hash, article.id)).fetchall()
        if any(r["content_hash"] == article.content_hash for r in rows):
            return True
        if rows:
            raise StoreError(
                f"article id {article.id!r} is already stored with different text (stored "
                f"text {rows[0]['content_hash']}, this text {article.content_hash})"
            )
        return False

    @staticmethod
    def _insert_article(conn: sqlite3.Connection, article: Article) -> None:
        values = [getattr(article, c) for c in ARTICLE_COLUMNS]
        marks = ", ".join("?" for _ in ARTICLE_COLUMNS)
        conn.execute(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({marks})",
                     values)

    def _insert_event(self, conn: sqlite3.Connection, event: Event, article_id: str) -> None:
        record = event.to_dict()
        date, location = event.date, event.location
        keys = event_keys(event)
        seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM events").fetchone()[0]
        cluster = self._cluster_for(conn, event, keys) or Cluster(event.id, seq)
        cursor = conn.execute(
            """INSERT OR IGNORE INTO events (seq, id, doc_id, event_type, mode, quad, modality,
               date_start, date_end, day_start, day_end, location_name, location_country,
               actor_text, evidence, confidence, record, cluster_id, cluster_seq, sort_key,
               span_class, shape)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                seq, event.id, event.doc_id, event.event_type, event.mode, event.quad,
                event.modality,
                date.start if date else None, date.end if date else None,
                keys.day_start, keys.day_end,
                location.name if location else None,
                location.country_code if location else None,
                " | ".join(a.text for a in [*event.actors, *event.recipients]).lower(),
                event.evidence.sentence, event.confidence,
                json.dumps(record, ensure_ascii=False), cluster.id, cluster.seq, keys.sort_key,
                keys.span_class, record_shape(),
            ),
        )
        stored = bool(cursor.rowcount)
        if stored:
            shape = outline(event)
            merged = (keys.day_end, shape.place, shape.modality, _recipient_text(shape),
                      cluster.seq)
            conn.executemany(
                "INSERT OR IGNORE INTO event_countries (event_seq, role, country, event_type, "
                "span_class, day_start, sort_key, day_end, place, modality, recipients, "
                "cluster_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(seq, *row, *(merged if row[0] == "actor" else (None,) * 5))
                 for row in country_rows(keys)],
            )
            self._remember(seq, event, cluster)
            given = _situation_facts(event) if cluster.seq == seq else None
            if given is not None:
                conn.execute(SITUATION_INSERT, _situation_row(seq, given))
            point = point_row(seq, event)
            if point is not None:
                conn.execute(POINT_INSERT, point)
        if not stored or event.doc_id != article_id:
            # The event's own article is its doc_id; only another pairing needs a row.
            conn.execute(
                "INSERT OR IGNORE INTO event_sources (event_id, article_id) VALUES (?, ?)",
                (event.id, article_id),
            )

    def _cluster_for(self, conn: sqlite3.Connection, event: Event,
                     keys: EventKeys) -> Cluster | None:
        """The cluster an incoming event joins: that of the earliest stored report from another
        article that :func:`~sitrep.cluster.events.same_event` accepts; None when there is
        none (the event starts a cluster of its own).

        Candidates come from the ``event_countries`` index (actor country, type, span class,
        day window), never from a scan: their number depends on how many reports a few days of
        one country and type hold, not on the size of the store.
        """
        rules = load_rules()
        scope = rules.across
        mine = outline(event)
        refused: set[int] = set()  # clusters the event disagrees with: their other members too
        for seq, place, day_start, day_end, modality, recipients in _candidates(
                conn, keys, rules, mine):
            # A row an older writer left without its outline rules nothing out.
            days = None if day_start is None or day_end is None else (day_start, day_end)
            if modality is not None and not outlines_agree(
                    mine, Outline(place, days, modality, _recipient_set(recipients)), scope):
                continue  # ruled out by what the index keeps, without decoding it
            stored, cluster = self._stored_event(conn, seq)
            if cluster.seq in refused or stored.doc_id == event.doc_id or \
                    not same_event(event, stored, rules):
                continue
            if self._agrees_with_cluster(conn, event, seq, cluster, rules):
                return cluster
            refused.add(cluster.seq)
        return None

    def _agrees_with_cluster(self, conn: sqlite3.Connection, event: Event, seq: int,
                             cluster: Cluster, rules: SameEventRules) -> bool:
        """Whether a report that matches one member of a cluster is the same event as the
        cluster as a whole: the same event as its head (the report that stands for it), and
        dated where every dated member's dates allow. A report that leaves its date unknown
        matches any date, so matching one member alone would chain: an undated report joins
        a cluster of January, and a report of two years later that matches the undated one
        would join it too, until one cluster holds every report of a country and type. The
        dates are checked against every dated member, not against their hull, which would let
        a week across New Year bridge to the next year's reports of a whole year; that check
        is made in the lookup itself (:func:`_cluster_clause`), so here only the head is left.
        An article's own mentions are gathered the same way, each compared with the record
        of the mentions gathered so far (:mod:`sitrep.cluster.assemble`). ``seq`` is the
        member already compared."""
        if cluster.seq != seq:
            head, _ = self._stored_event(conn, cluster.seq)
            if head.doc_id == event.doc_id or not same_event(event, head, rules):
                return False
        return True

    def _stored_event(self, conn: sqlite3.Connection, seq: int) -> tuple[Event, Cluster]:
        """A stored event and its cluster by ``seq``, decoded once: the reports of the last
        days are candidates of many new events (called under the write lock)."""
        cached = self._decoded.get(seq)
        if cached is None:
            row = conn.execute("SELECT record, cluster_id, cluster_seq FROM events "
                               "WHERE seq = ?", (seq,)).fetchone()
            cached = (Event.from_dict(json.loads(row[0])), Cluster(row[1], row[2]))
            self._remember(seq, *cached)
        else:
            self._decoded.move_to_end(seq)
        return cached

    def _remember(self, seq: int, event: Event, cluster: Cluster) -> None:
        """Keep an event for the lookups of the events added after it (the newest reports are
        the likeliest candidates); the oldest kept one goes when the cache is full."""
        self._decoded[seq] = (event, cluster)
        if len(self._decoded) > DECODED_CACHE:
            self._decoded.popitem(last=False)

    # -- reading -----------------------------------------------------------------------------

    def stats(self) -> StoreStats:
        conn = self.conn
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        return StoreStats(articles=articles, events=events)

    def query_events(self, q: EventQuery) -> list[Event]:
        """The events ``q`` selects, read at once (in this thread, through its connection)."""
        return [Event.from_dict(json.loads(row[0])) for row in self._rows(q, "e.record")]

    def iter_events(self, q: EventQuery) -> Iterator[Event]:
        """Events matching ``q`` in date order (undated last; ``newest``: latest first, undated
        last), streamed row by row. A ``text`` search comes in the order the events were stored
        (``newest``: the most recently stored first): it is read from the full-text indexes in
        their own order, so its first page costs the same whether ten events match or a
        hundred thousand.

        Paged by ``limit`` and either ``after`` (the id of the previous page's last event: an
        index seek, however deep) or ``offset`` (rows skipped one by one).
        """
        for row in self._rows(q, "e.record", streamed=True):
            yield Event.from_dict(json.loads(row[0]))

    def iter_sourced(self, q: EventQuery) -> Iterator[tuple[Event, str | None]]:
        """Like :meth:`iter_events`, each event with the URL of its article (for exports)."""
        columns = "e.record, (SELECT a.url FROM articles a WHERE a.id = e.doc_id)"
        for row in self._rows(q, columns, streamed=True):
            yield Event.from_dict(json.loads(row[0])), row[1]

    def page_events(self, q: EventQuery) -> tuple[list[Event], str | None]:
        """One page and the cursor of the next (None on the last page)."""
        wanted = q.limit
        one_more = replace(q, limit=None if wanted is None else wanted + 1)
        events = [Event.from_dict(json.loads(row[0])) for row in self._rows(one_more, "e.record")]
        if wanted is None or len(events) <= wanted:
            return events, None
        return events[:wanted], events[wanted - 1].id

    def page_json(self, q: EventQuery) -> tuple[list[str], str | None]:
        """:meth:`page_events` with each event as the JSON text of its ``to_dict()``: the
        stored record itself when it was written in the running code's shape
        (:func:`~sitrep.store.keys.record_shape`), else the record decoded and encoded again.
        A page read for sending costs no decoding and no encoding of its events."""
        wanted = q.limit
        one_more = replace(q, limit=None if wanted is None else wanted + 1)
        shape = record_shape()
        found = (self._packed_page(one_more) if not q.text else
                 ((row[0], row[1], row[2]) for row in self._rows(one_more,
                                                                  "e.id, e.shape, e.record")))
        rows = [(event_id, record if stored == shape else _current_json(record))
                for event_id, stored, record in found]
        if wanted is None or len(rows) <= wanted:
            return [text for _, text in rows], None
        return [text for _, text in rows[:wanted]], rows[wanted - 1][0]

    def _packed_page(self, q: EventQuery) -> list[tuple[str, str, str]]:
        """``(id, shape, record)`` of each event of the page ``q`` asks for, read as one row
        per statement: the page's rows joined in SQL (``group_concat``, in the page's order;
        JSON text never holds the raw separators, control characters). Python's ``sqlite3``
        lets go of the interpreter for each row it steps over and must wait to get it back; a
        server thread reading a page of 100 rows one by one waited for it 100 times while
        other requests ran Python, and a page read as one row waits once."""
        columns = "e.id AS id_, coalesce(e.shape, '') AS shape_, e.record AS record_"

        def rows() -> Iterator[tuple[str, str, str]]:
            for sql, params in self._page_statements(q, columns):
                text = self.conn.execute(
                    "SELECT group_concat(id_ || char(31) || shape_ || char(31) || record_, "
                    f"char(30)) FROM ({sql})", params).fetchone()[0]
                for packed in text.split("\x1e") if text else ():
                    event_id, shape, record = packed.split("\x1f", 2)
                    yield event_id, shape, record

        return list(_page(rows(), q))

    def _rows(self, q: EventQuery, columns: str, *,
              streamed: bool = False) -> Iterator[sqlite3.Row]:
        """The rows of ``columns`` of the events ``q`` selects, in its order. ``streamed``: a
        caller that consumes them later, maybe in other threads, reads through a connection of
        its own (:meth:`_reader`); a page read at once uses this thread's connection."""
        reader = self._reader() if streamed else nullcontext(self.conn)
        if q.text:
            after_seq = self._seq(q.after) if q.after else None
            with reader as conn:
                yield from _page(_text_rows(conn, q, columns, after_seq), q)
            return
        statements = self._page_statements(q, columns)
        with reader as conn:
            yield from _page(chain.from_iterable(
                conn.execute(sql, params) for sql, params in statements), q)

    def _page_statements(self, q: EventQuery, columns: str) -> list[tuple[str, list[Any]]]:
        """The statements (SQL and parameters) whose rows, one statement after the other, are
        the events ``q`` selects (no text search) up to the end of its page: its ``offset``
        is left to the caller to skip."""
        after = self._sort_key(q.after) if q.after else None
        wanted = -1 if q.limit is None else q.offset + q.limit
        boxed = bool(q.bbox)
        if not q.newest:
            return [_select(q, after).page(columns, wanted, keys_first=boxed)]
        # Latest first: the dated events, then the undated ones (unless the cursor is there).
        in_undated = after is not None and after >= LAST
        parts = [_select(q, after if in_undated else None, newest=True, dated=False)]
        if not in_undated:
            parts.insert(0, _select(q, after, newest=True, dated=True))
        return [part.page(columns, wanted, keys_first=boxed) for part in parts]

    def _seq(self, event_id: str) -> int:
        row = self.conn.execute("SELECT seq FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise QueryError("after", f"no stored event {event_id!r} to continue after")
        return row[0]

    def _sort_key(self, event_id: str) -> str:
        row = self.conn.execute("SELECT sort_key FROM events WHERE id = ?",
                                (event_id,)).fetchone()
        if row is None:
            raise QueryError("after", f"no stored event {event_id!r} to continue after")
        return row[0]

    def situation_events(self) -> Iterator[Event]:
        """The merged events the situation rules bear on (:func:`sitrep.situation.bears_on`),
        read from their index rather than from every event. The index is rebuilt first when
        the rules changed since it was filled (or it never was)."""
        self._refresh_situation_index()
        with self._reader() as conn:
            for row in conn.execute("SELECT e.record FROM situation_events s "
                                    "JOIN events e ON e.seq = s.event_seq ORDER BY s.event_seq"):
                yield Event.from_dict(json.loads(row[0]))

    def situation_facts(self, as_of: str | None = None) -> Iterator[dict[str, Any]]:
        """What each merged event the situation rules bear on gives the situation
        (:func:`sitrep.situation.facts`, kept as the events are stored), in the order the
        situation applies them (dated ones by start, then undated ones, each by id); events
        that start after ``as_of`` are left out. Reads one small row per event, no record."""
        self._refresh_situation_index()
        order = " ORDER BY undated, start, event_id"
        dated = "SELECT facts FROM situation_events WHERE undated = 0"
        parts: list[tuple[str, list[Any]]] = [
            (f"{dated} AND start <= ?{order}", [as_of]) if as_of else (f"{dated}{order}", []),
            (f"SELECT facts FROM situation_events WHERE undated = 1{order}", [])]
        with self._reader() as conn:
            for sql, params in parts:
                for row in conn.execute(sql, params):
                    yield json.loads(row[0])

    def _refresh_situation_index(self) -> None:
        fingerprint = _situation_rules()
        if self._meta(SITUATION_RULES) == fingerprint:
            return
        with self._writing() as conn:
            if self._meta(SITUATION_RULES) == fingerprint:
                return  # another writer rebuilt it meanwhile
            conn.execute("DELETE FROM situation_events")
            rows = conn.execute("SELECT seq, record FROM events WHERE cluster_seq = seq")
            given = ((row[0], _situation_facts(Event.from_dict(json.loads(row[1]))))
                     for row in rows)
            conn.executemany(SITUATION_INSERT, (_situation_row(seq, facts)
                                                for seq, facts in given if facts is not None))
            conn.execute("INSERT OR REPLACE INTO store_meta (key, value) VALUES (?, ?)",
                         (SITUATION_RULES, fingerprint))

    def _claim_situation_index(self, conn: sqlite3.Connection) -> None:
        """Mark an empty store's situation index as filled under the packaged rules: the writer
        lists every event from the first one on, so the first read needs no rebuild."""
        if self._situation_claimed:
            return
        if self._meta(SITUATION_RULES) is None and conn.execute(
                "SELECT 1 FROM events LIMIT 1").fetchone() is None:
            conn.execute("INSERT INTO store_meta (key, value) VALUES (?, ?)",
                         (SITUATION_RULES, _situation_rules()))
        self._situation_claimed = True

    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM store_meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def count_events(self, q: EventQuery, *, at_most: int | None = None) -> int:
        """How many events ``q`` selects (paging aside). Filters on dates, type and modality
        alone are counted from the kept tables of counts; others from the indexes.

        A text search is counted by reading its matches; with ``at_most`` it stops there (the
        count is exact below it, and ``at_most`` means that many or more)."""
        from sitrep.store.aggregates import kept_count

        if q.text:
            return sum(1 for _ in islice(_text_rows(self.conn, q, "1", None), at_most))
        kept = kept_count(self, q)
        if kept is not None:
            return kept
        sql, params = _select(q, None, counting=True).count()
        return self.conn.execute(sql, params).fetchone()[0] or 0

    def text_matches(self, q: EventQuery, *, at_most: int) -> list[int]:
        """The ``seq`` of the latest ``at_most`` events a text search selects (every filter of
        ``q`` applied; its paging ignored), read from the full-text indexes as a page is."""
        newest = replace(q, newest=True, after=None, offset=0, limit=None)
        return [row[0] for row in islice(_text_rows(self.conn, newest, "e.seq", None), at_most)]

    def get_event(self, event_id: str) -> Event:
        row = self.conn.execute(
            "SELECT record FROM events WHERE id = ?", (event_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no event with id {event_id!r}")
        return Event.from_dict(json.loads(row["record"]))

    def event_id_for(self, prefix: str) -> str:
        """The one stored event id that starts with ``prefix`` (an id is its own prefix).

        Raises :class:`NotFoundError` when none does and :class:`AmbiguousIdError`, listing
        the candidates, when several do.
        """
        rows = self.conn.execute(
            "SELECT id FROM events WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
            (prefix, prefix + "\U0010ffff", PREFIX_CANDIDATES + 1),
        ).fetchall()
        ids = [r[0] for r in rows]
        if prefix in ids or len(ids) == 1:
            return prefix if prefix in ids else ids[0]
        if not ids:
            raise NotFoundError(f"no event with id {prefix!r}")
        shown = ", ".join(ids[:PREFIX_CANDIDATES])
        more = " and more" if len(ids) > PREFIX_CANDIDATES else ""
        raise AmbiguousIdError(f"event id prefix {prefix!r} matches {shown}{more}; "
                               "give more characters")

    def get_article(self, article_id: str) -> Article:
        row = self.conn.execute(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        return _article(row)

    def event_articles(self, event_id: str) -> list[Article]:
        """The articles that report an event: its own and those of every merged report."""
        self.get_event(event_id)
        cols = ", ".join(f"a.{c}" for c in ARTICLE_COLUMNS)
        rows = self.conn.execute(
            f"""WITH reports AS (SELECT id, doc_id FROM events WHERE cluster_seq =
                    (SELECT cluster_seq FROM events WHERE id = ?))
                SELECT {cols} FROM articles a WHERE a.id IN (
                    SELECT doc_id FROM reports UNION SELECT s.article_id FROM event_sources s
                    WHERE s.event_id IN (SELECT id FROM reports))
                ORDER BY a.published, a.id""", (event_id,)
        ).fetchall()
        return [_article(r) for r in rows]

    def event_reports(self, event_id: str) -> list[Event]:
        """Every stored report of the same real-world event, this one included."""
        self.get_event(event_id)
        rows = self.conn.execute(
            """SELECT record FROM events WHERE cluster_seq =
               (SELECT cluster_seq FROM events WHERE id = ?) ORDER BY seq""", (event_id,)
        ).fetchall()
        return [Event.from_dict(json.loads(r["record"])) for r in rows]

    def article_events(self, article_id: str) -> list[Event]:
        self.get_article(article_id)
        return self.query_events(EventQuery(article_id=article_id, limit=None))

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, by publication date then id, streamed."""
        with self._reader() as conn:
            for row in conn.execute(
                f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles ORDER BY published, id"
            ):
                yield _article(row)

    # -- fetching from the web: fetch state, the outlets of each article, signatures ---------

    def fetch_state(self, url: str) -> FetchState | None:
        """What the last fetch of ``url`` found, or None when it was never fetched."""
        with self._lock:
            row = self.conn.execute(
                f"SELECT {', '.join(FETCH_COLUMNS)} FROM fetch_state WHERE url = ?", (url,)
            ).fetchone()
        if row is None:
            return None
        state = FetchState(**{c: row[c] for c in FETCH_COLUMNS})
        state.retry = bool(state.retry)
        return state

    def record_fetch(self, state: FetchState) -> None:
        """Remember a fetch (replacing the previous record of that URL)."""
        values = [getattr(state, c) for c in FETCH_COLUMNS]
        with self._lock:
            self.conn.execute(
                f"INSERT OR REPLACE INTO fetch_state ({', '.join(FETCH_COLUMNS)}) "
                f"VALUES ({', '.join('?' for _ in FETCH_COLUMNS)})", values)

    def add_article_source(self, source: ArticleSource) -> bool:
        """Record that an outlet printed a stored article; False if already recorded."""
        values = [getattr(source, c) for c in SOURCE_COLUMNS]
        with self._lock:
            cursor = self.conn.execute(
                f"INSERT OR IGNORE INTO article_sources ({', '.join(SOURCE_COLUMNS)}) "
                f"VALUES ({', '.join('?' for _ in SOURCE_COLUMNS)})", values)
        return cursor.rowcount > 0

    def article_sources(self, article_id: str) -> list[ArticleSource]:
        """Every outlet (URL) that printed the article, in the order they were met."""
        with self._lock:
            rows = self.conn.execute(
                f"SELECT {', '.join(SOURCE_COLUMNS)} FROM article_sources WHERE article_id = ? "
                "ORDER BY rowid", (article_id,)).fetchall()
        return [ArticleSource(**{c: r[c] for c in SOURCE_COLUMNS}) for r in rows]

    def add_signature(self, article_id: str, signature: bytes) -> None:
        with self._lock:
            self.conn.execute("INSERT OR REPLACE INTO article_signatures VALUES (?, ?)",
                              (article_id, signature))

    def iter_signatures(self) -> Iterator[tuple[str, bytes]]:
        """(article id, signature bytes) of every article fetched from the web."""
        with self._lock:
            rows = self.conn.execute(
                "SELECT article_id, signature FROM article_signatures ORDER BY rowid").fetchall()
        for row in rows:
            yield row[0], row[1]


FETCH_COLUMNS = ("url", "kind", "status", "http_status", "etag", "last_modified",
                 "content_hash", "article_id", "reason", "retry")
SOURCE_COLUMNS = ("article_id", "url", "publisher", "title", "published")


@dataclass(slots=True)
class FetchState:
    """The last fetch of one URL. ``kind`` is ``feed`` or ``item``; ``status`` says what came of
    it (``stored``, ``duplicate``, ``skipped``, ``failed``, ``polled``); ``retry`` marks a
    failure that may pass later (a timeout, a 429), so the next poll tries again."""

    url: str
    kind: str
    status: str
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    article_id: str | None = None
    reason: str | None = None
    retry: bool = False


@dataclass(slots=True)
class ArticleSource:
    """One outlet's printing of a stored article: its URL, name, headline and date."""

    article_id: str
    url: str
    publisher: str | None = None
    title: str | None = None
    published: str | None = None


def _situation_facts(event: Event) -> dict[str, Any] | None:
    """:func:`sitrep.situation.facts`, imported when first needed (listing events must not
    load the situation's name tables)."""
    from sitrep.situation.state import facts

    return facts(event)


SITUATION_INSERT = ("INSERT INTO situation_events (event_seq, undated, start, event_id, facts) "
                    "VALUES (?, ?, ?, ?, ?)")


def _situation_row(seq: int, given: dict[str, Any]) -> tuple[int, int, str, str, str]:
    """The ``situation_events`` row of an event's facts: its order (undated last, by start,
    then by id) in columns the index reads, the facts as JSON."""
    start = given["start"]
    return (seq, int(start is None), start or "", given["id"],
            json.dumps(given, ensure_ascii=False, separators=(",", ":")))


def _situation_rules() -> str:
    """The fingerprint of the situation's rules and of the shape of the facts kept by them."""
    from sitrep.situation.rules import rules_fingerprint
    from sitrep.situation.state import FACTS_VERSION

    return f"{rules_fingerprint()}/{FACTS_VERSION}"


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch a database to WAL once. The switch needs the database to itself and SQLite does
    not wait for that (the busy timeout does not apply), so a process opening a new database
    while another one does retries for up to :data:`BUSY_TIMEOUT_S`."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.005
    while conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


def _candidate_types(event_type: str, scope: Scope) -> list[str]:
    """The event's type and every type the scope lists as compatible with it (the predicate
    itself checks the quad)."""
    types = {event_type}
    for pair in scope.compatible_types:
        if event_type in pair:
            types |= pair
    return sorted(types)


def _candidates(conn: sqlite3.Connection, keys: EventKeys, rules: SameEventRules,
                mine: Outline | None = None) -> list[tuple[int, str | None, int | None,
                                                           int | None, str, str | None]]:
    """Stored events that might report the same event, oldest first, each as ``(seq, place
    country, first day, last day, modality, recipient countries)`` (its :class:`Outline`, kept
    in the index, the recipients as :func:`_recipient_text` writes them): an actor
    country in common (or unknown, if the rules allow), a compatible type, and a date range
    that can overlap the event's once widened by the rules' tolerance. A superset of what
    :func:`same_event` accepts; the predicate decides.

    The span classes read with a bound (see :func:`_windows`) give, per (country, type),
    their :data:`SEARCH_REACH` latest reports together, and undated reports their own
    :data:`SEARCH_REACH` latest: a report of a whole year, or an undated one (which the rules
    let match any date), would otherwise be compared with every report of its country and type
    in that year, or ever. Every arm is one range of the ``event_countries_merge`` index read
    backwards in its own order (latest day first, then the most recently stored) and bounded
    arms are merged, so a lookup reads a bounded number of index entries however large the
    store, and nothing sorts. The earliest accepted candidate still wins.
    """
    scope = rules.across
    countries: list[str | None] = list(keys.actor_countries)
    if scope.unknown_actor_matches:
        countries = [None] if not countries else [*countries, NO_COUNTRY]
    elif not countries:
        return []
    arms = _windows(keys, scope)
    if not arms:
        return []
    parts: list[str] = []
    params: list[Any] = []
    for country in countries:
        for kind in _candidate_types(keys.event_type, scope):
            source = " FROM event_countries WHERE role = 'actor' AND event_type = ?"
            fixed: list[Any] = [kind]
            if country is not None:
                source += " AND country = ?"
                fixed.append(country)
            head = f"SELECT {_ARMED}{source}"
            latest: list[str] = []
            latest_params: list[Any] = []
            for clause, order, extra in arms:
                if order is None:
                    parts.append(f"{head}{clause}")
                    params += [*fixed, *extra]
                elif order == _LATEST:  # one bound for these classes together, below
                    latest.append(f"{head}{clause}")
                    latest_params += [*fixed, *extra]
                else:
                    parts.append(f"SELECT * FROM ({head}{clause} ORDER BY {order} "
                                 f"LIMIT {SEARCH_REACH})")
                    params += [*fixed, *extra]
            if latest:
                parts.append(f"SELECT * FROM ({' UNION ALL '.join(latest)} "
                             f"ORDER BY {_LATEST} LIMIT {SEARCH_REACH})")
                params += latest_params
    sql = " UNION ALL ".join(parts)
    sieve, sieve_params = _outline_clause(mine, scope) if mine is not None else ("", [])
    if sieve:  # what the arms give (each bound applied first), less what the outline rules out
        sql = f"SELECT * FROM ({sql}) WHERE {sieve}"
        params += sieve_params
    whole, whole_params = _cluster_clause(mine, scope) if mine is not None else ("", [])
    if whole:  # asked only of the rows the outline kept: it reads each row's cluster
        sql = f"WITH kept AS MATERIALIZED ({sql}) SELECT {_OUTLINED} FROM kept WHERE {whole}"
        params += whole_params
    else:
        sql = f"SELECT {_OUTLINED} FROM ({sql})"
    found = {row[0]: tuple(row) for row in conn.execute(sql, params)}
    return [found[seq] for seq in sorted(found)]


def _outline_clause(mine: Outline, scope: Scope) -> tuple[str, list[Any]]:
    """:func:`~sitrep.cluster.events.outlines_agree` of ``mine`` and a candidate row, as SQL
    over the row's ``place``, ``day_start``, ``day_end``, ``modality`` and ``recipients``, so
    the rows it rules
    out never reach Python (at a million bench events a lookup reads about 70, and ruling them
    out one by one in Python cost as much as reading them). A row an older writer left without
    its outline passes. The writer still asks ``outlines_agree`` of every row that comes."""
    if scope.stated_only:
        return "", []
    clauses: list[str] = []
    params: list[Any] = []
    if mine.place is not None:
        clauses.append("(place IS NULL OR place = ?)")
        params.append(mine.place)
    if mine.recipients and not scope.unknown_actor_matches:
        found = " OR ".join("instr(recipients, ?) > 0" for _ in mine.recipients)
        clauses.append(f"(recipients IS NULL OR {found})")
        params += [f",{country}," for country in sorted(mine.recipients)]
    if mine.days is not None:
        clauses.append("(day_start IS NULL OR day_end IS NULL OR "
                       "(day_start - ? <= ? AND ? - ? <= day_end))")
        tolerance = scope.date_tolerance_days
        params += [tolerance, mine.days[1], mine.days[0], tolerance]
    partners = sorted({other for pair in scope.conflicting_modalities if mine.modality in pair
                       for other in (pair - {mine.modality} or pair)})
    if partners:
        clauses.append(f"(modality IS NULL OR modality NOT IN ({_marks(partners)}))")
        params += partners
    return " AND ".join(clauses), params


def _cluster_clause(mine: Outline, scope: Scope) -> tuple[str, list[Any]]:
    """A candidate joins the event only with its whole cluster, whose every dated member's
    days must meet the event's (:meth:`Store._agrees_with_cluster`): a row of a cluster with
    a member dated outside the event's days (with the tolerance) is left out in SQL, before
    Python decodes and compares it and the cluster's head. What this saves grows with the
    store: the undated reports of a country and type the lookup reads (the latest few) are
    mostly members of clusters dated months or years before, and at a million events they were
    half of every lookup's candidates. Every dated member meets the event's days exactly when
    the latest first day and the earliest last day of the dated members do, and
    ``cluster_days`` keeps those two per cluster (migration 16), so the clause reads one row
    by the cluster's key, which the candidate's index row carries (an older writer's row
    without it: the event's own row gives it). Nothing the writer would accept is left out:
    the clause is the writer's only check of a cluster's dates, asked before the others."""
    if scope.stated_only or mine.days is None:
        return "", []
    tolerance = scope.date_tolerance_days
    return ("NOT EXISTS (SELECT 1 FROM cluster_days WHERE cluster_days.cluster_seq = "
            "coalesce(kept.cluster_seq, (SELECT cluster_seq FROM events WHERE seq = event_seq)) "
            "AND (last_start - ? > ? OR ? - ? > first_end))",
            [tolerance, mine.days[1], mine.days[0], tolerance])


_OUTLINED = "event_seq, place, day_start, day_end, modality, recipients"
"""What the lookup reads of each candidate: its ``seq`` and :class:`Outline`, all in the
``event_countries_merge`` index (migrations 13 and 14)."""
_ARMED = f"{_OUTLINED}, cluster_seq"
"""What each arm of the lookup reads: the outline and the candidate's cluster (migration 16),
the key of the cluster's dates."""


def _recipient_text(shape: Outline) -> str | None:
    """The recipient countries of an outline as the lookup's index keeps them: each between
    commas (``,FRA,GBR,``), so ``instr`` finds a whole code; None when none is known."""
    return f",{','.join(sorted(shape.recipients))}," if shape.recipients else None


def _recipient_set(text: str | None) -> frozenset[str]:
    """The countries :func:`_recipient_text` wrote (none for NULL: nothing is ruled out)."""
    return frozenset(text.strip(",").split(",")) if text else frozenset()


_RECENT = "event_seq DESC"
_LATEST = "day_start DESC, event_seq DESC"


def _windows(keys: EventKeys, scope: Scope) -> list[tuple[str, str | None, list[Any]]]:
    """(clause, order, parameters) of each span class the lookup reads: a day window widened
    by the class's cap when the event is dated (the scope's tolerance added), else the latest
    reports of every class (an undated event may match any date).

    A window longer than :data:`SHORT_CAP` days (a long class, or a long event: a report of a
    whole year overlaps every report of that year) gives its latest reports only."""
    undated: tuple[str, str | None, list[Any]] = (
        " AND span_class = ? AND day_start IS NULL", _RECENT, [UNDATED])
    if keys.day_start is None or keys.day_end is None or scope.stated_only:
        # No window: the event is undated, or the scope counts only some dates as known.
        if keys.day_start is None and not scope.unknown_date_matches:
            return []
        return [*[(" AND span_class = ?", _LATEST, [k]) for k in range(WIDE + 1)], undated]
    low = keys.day_start - scope.date_tolerance_days
    high = keys.day_end + scope.date_tolerance_days
    arms: list[tuple[str, str | None, list[Any]]] = [
        (" AND span_class = ? AND day_start BETWEEN ? AND ?",
         None if max(cap, high - low) <= SHORT_CAP else _LATEST, [k, low - cap, high])
        for k, cap in enumerate(SPAN_CAPS)]
    arms.append((" AND span_class = ? AND day_start <= ?", _LATEST, [WIDE, high]))
    if scope.unknown_date_matches:
        arms.append(undated)
    return arms


def _current_json(record: str) -> str:
    """A record written in another shape, as the running code's ``to_dict()`` gives it."""
    return json.dumps(Event.from_dict(json.loads(record)).to_dict(), ensure_ascii=False)


def _marks(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)


def _article(row: sqlite3.Row) -> Article:
    return Article(**{c: row[c] for c in ARTICLE_COLUMNS})


def _fts_phrase(text: str) -> str:
    """User text as one FTS5 phrase, so punctuation never becomes query syntax."""
    return '"' + text.replace('"', '""') + '"'


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, its own ``%``, ``_`` and ``\\`` literal
    (used with ``ESCAPE '\\'``)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _page(rows: Iterator[Any], q: EventQuery) -> Iterator[Any]:
    """The rows of the page ``q`` asks for (its offset skipped, at most its limit)."""
    return islice(rows, q.offset, None if q.limit is None else q.offset + q.limit)


def _text_rows(conn: sqlite3.Connection, q: EventQuery, columns: str,
               after: int | None) -> Iterator[Any]:
    """The events a text search selects, in the order they were stored (``q.newest``: the
    most recently stored first), after the event whose ``seq`` is ``after``; each row is
    ``columns`` then the event's ``seq``.

    Two streams, each read in the order of its full-text index: events whose evidence
    matches (``events_fts`` is keyed by the event's ``seq``) and the events of articles whose
    title or text matches (``articles_fts`` is keyed by the article's ``seq``; an article's
    events are stored right after it, so their ``seq`` follow the articles' order). Merged on
    ``seq``, an event both give comes once. Neither stream is sorted or read to its end
    before the first row comes, so a page costs the same however many events match; the
    other filters are checked on each event read.
    """
    where, params = _where(replace(q, text=None))
    others = f" AND {where.removeprefix('WHERE ')}" if where else ""
    cmp, way = ("<", "DESC") if q.newest else (">", "ASC")
    phrase = _fts_phrase(q.text or "")
    evidence_bound = article_bound = ""
    evidence_params: list[Any] = [phrase]
    article_params: list[Any] = [phrase]
    if after is not None:
        evidence_bound = f" AND f.rowid {cmp} ?"
        evidence_params.append(after)
        article_bound = (f" AND f.rowid {cmp}= (SELECT a2.seq FROM events e2 JOIN articles a2 "
                         f"ON a2.id = e2.doc_id WHERE e2.seq = ?) AND e.seq {cmp} ?")
        article_params += [after, after]
    by_evidence = conn.execute(
        f"SELECT {columns}, e.seq FROM events_fts f JOIN events e ON e.seq = f.rowid "
        f"WHERE events_fts MATCH ?{evidence_bound}{others} ORDER BY f.rowid {way}",
        [*evidence_params, *params])
    by_article = _by_group(conn.execute(
        f"SELECT {columns}, f.rowid, e.seq FROM articles_fts f JOIN articles a "
        f"ON a.seq = f.rowid JOIN events e ON e.doc_id = a.id "
        f"WHERE articles_fts MATCH ?{article_bound}{others} ORDER BY f.rowid {way}",
        [*article_params, *params]), newest=q.newest)
    last = None
    for row in heapq.merge(by_evidence, by_article, key=lambda r: r[-1], reverse=q.newest):
        if row[-1] != last:
            last = row[-1]
            yield row


def _by_group(rows: Iterator[Any], *, newest: bool) -> Iterator[Any]:
    """Rows of ``(..., article seq, event seq)`` in article order, each article's events put
    in order here: ordering them in SQL would make SQLite sort every match first, since the
    full-text index gives only the articles' order."""
    group: list[Any] = []
    for row in rows:
        if group and row[-2] != group[0][-2]:
            yield from sorted(group, key=lambda r: r[-1], reverse=newest)
            group = []
        group.append(row)
    yield from sorted(group, key=lambda r: r[-1], reverse=newest)


@dataclass(slots=True)
class _Selection:
    """How to read the events ``q`` selects: one or more arms (a WHERE clause and its
    parameters over ``source``) whose rows together, in ``order`` (``descending``: backwards),
    are the answer."""

    source: str
    order: str
    arms: list[tuple[str, list[Any]]]
    descending: bool = False

    def select(self, columns: str) -> tuple[str, list[Any]]:
        """Every matching row in order: one arm read through its index, or the arms merged
        (each is an index range in order, so SQLite merges them without sorting)."""
        way = " DESC" if self.descending else ""
        if len(self.arms) == 1:
            where, params = self.arms[0]
            return (f"SELECT {columns} FROM {self.source} {where} ORDER BY {self.order}{way}",
                    params)
        sql = " UNION ALL ".join(f"SELECT {columns}, {self.order} AS sort_key_ FROM "
                                 f"{self.source} {where}" for where, _ in self.arms)
        return f"{sql} ORDER BY sort_key_{way}", [p for _, params in self.arms for p in params]

    def page(self, columns: str, limit: int, *, keys_first: bool = False
             ) -> tuple[str, list[Any]]:
        """The first ``limit`` rows (-1: all) of :meth:`select`. ``keys_first`` sorts only the
        keys of the matches and reads the page's rows after: where no index gives the order
        (the events in a box on the map) SQLite would otherwise sort every match, its record
        and all."""
        if not keys_first or limit < 0:
            sql, params = self.select(columns)
            return f"{sql} LIMIT ?", [*params, limit]
        way = " DESC" if self.descending else ""
        keys, params = self.select(f"e.seq AS key_, {self.order} AS at_")
        return (f"SELECT {columns} FROM ({keys} LIMIT ?) AS page_ JOIN events e "
                f"ON e.seq = page_.key_ ORDER BY page_.at_{way}", [*params, limit])

    def count(self) -> tuple[str, list[Any]]:
        counts = " UNION ALL ".join(f"SELECT count(*) AS n FROM {self.source} {where}"
                                    for where, _ in self.arms)
        return f"SELECT sum(n) FROM ({counts})", [p for _, params in self.arms for p in params]


def _select(q: EventQuery, after: str | None, *, counting: bool = False, newest: bool = False,
            dated: bool | None = None) -> _Selection:
    """The events ``q`` selects.

    With a country filter the query is driven from ``event_countries`` in sort order (an index
    range, however rare the country); otherwise from the events' sort index. ``until`` bounds
    the sort key (which starts with the start date) from above. ``since`` asks for events
    still running on a day, which may have started long before: each span class is read from
    the earliest start it allows (:func:`_span_arms`), so a window in a long history reads what
    overlaps it, not every event before it. ``newest`` reads backwards from ``after``;
    ``dated`` keeps only dated (True) or undated (False) events.
    """
    clauses: list[str] = []
    params: list[Any] = []
    role, country = (("actor", q.country) if q.country
                     else ("recipient", q.recipient_country) if q.recipient_country
                     else (None, None))
    if role:
        source = "event_countries c JOIN events e ON e.seq = c.event_seq"
        clauses.append("c.country = ? AND c.role = ?")
        params += [country, role]
        table, order = "c", "c.sort_key"
        if q.country and q.recipient_country:
            clauses.append(_IN_COUNTRY)
            params += [q.recipient_country, "recipient"]
    else:
        source, table, order = "events e", "e", "e.sort_key"
    if after is not None:
        clauses.append(f"{order} {'<' if newest else '>'} ?")
        params.append(after)
    if dated is not None:
        clauses.append(f"{order} {'<' if dated else '>='} ?")
        params.append(LAST)
    if q.until:
        clauses.append(f"{order} < ?")
        params.append(q.until + " ")  # after every sort key starting with that day
    more, more_params = _event_clauses(q)
    if counting and role and not more and not (q.country and q.recipient_country):
        source = "event_countries c"  # the country index alone answers a count
    arms = (_span_arms(q.since, table) if q.since
            else _class_arms(table) if role else [("", [])])
    selection = _Selection(source, order, [], descending=newest)
    for extra, extra_params in arms:
        where = " AND ".join(clauses + ([extra] if extra else []) + more)
        selection.arms.append((f"WHERE {where}" if where else "",
                               params + extra_params + more_params))
    return selection


def _span_arms(since: str, table: str) -> list[tuple[str, list[Any]]]:
    """One clause per span class for events still running on ``since``: an event of class
    ``k`` lasts at most ``SPAN_CAPS[k]`` days, so it started no earlier than that many days
    before. Longer (and undated) events are few and read in full; undated ones only if they
    carry a start the sort key shows."""
    day = date.fromisoformat(since).toordinal()
    arms: list[tuple[str, list[Any]]] = [
        (f"{table}.span_class = ? AND {table}.sort_key >= ?",
         [k, date.fromordinal(max(1, day - cap)).isoformat()])
        for k, cap in enumerate(SPAN_CAPS)]
    arms.append((f"{table}.span_class = ?", [WIDE]))
    arms.append((f"{table}.span_class = ? AND {table}.sort_key < ?", [UNDATED, LAST]))
    return arms


def _class_arms(table: str) -> list[tuple[str, list[Any]]]:
    """One clause per span class: a country's events in sort order are the classes' ranges of
    ``event_countries_span`` merged (the store keeps no second index by country and sort key:
    one index fewer to write for every country row)."""
    return [(f"{table}.span_class = ?", [k]) for k in (UNDATED, *range(WIDE + 1))]


_IN_COUNTRY = "e.seq IN (SELECT event_seq FROM event_countries WHERE country = ? AND role = ?)"


_IN_BOX = ("e.seq IN (SELECT seq FROM event_points WHERE lat_max >= ? AND lat_min <= ? "
           "AND lon_max >= ? AND lon_min <= ? UNION ALL SELECT seq FROM event_points "
           "WHERE lat_max >= ? AND lat_min <= ? AND lon_max >= ? AND lon_min <= ?)")


def _box_params(box: BBox) -> list[float]:
    """Parameters of :data:`_IN_BOX`: the box as two longitude ranges (the second empty unless
    the box crosses the 180th meridian)."""
    ranges = box.lon_ranges()
    if len(ranges) == 1:
        ranges.append((1.0, -1.0))  # west > east: matches nothing
    return [v for west, east in ranges for v in (box.south, box.north, west, east)]


def _where(q: EventQuery) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``events e`` alone) and parameters of every filter of ``q``, for
    queries that count or group the matching events rather than page through them."""
    clauses: list[str] = []
    params: list[Any] = []
    for role, country in (("actor", q.country), ("recipient", q.recipient_country)):
        if country:
            clauses.append(_IN_COUNTRY)
            params += [country, role]
    more, more_params = _event_clauses(q)
    where = " AND ".join(clauses + more)
    return (f"WHERE {where}" if where else ""), params + more_params


def _event_clauses(q: EventQuery) -> tuple[list[str], list[Any]]:
    """Conditions on the ``events e`` row for every filter but the countries."""
    clauses: list[str] = []
    params: list[Any] = []
    if q.event_type:
        clauses.append("e.event_type = ?")
        params.append(q.event_type.upper())
    if q.actor:
        clauses.append("e.actor_text LIKE ? ESCAPE '\\'")
        params.append(_like(q.actor.lower()))
    if q.place:
        code = place_country(q.place)
        clauses.append("e.location_country = ?" if code
                       else "e.location_name = ? COLLATE NOCASE")
        params.append(code or q.place)
    if q.since:
        clauses.append("e.date_end IS NOT NULL AND e.date_end >= ?")
        params.append(q.since)
    if q.until:
        clauses.append("e.date_start IS NOT NULL AND e.date_start <= ?")
        params.append(q.until)
    if q.modality:
        clauses.append("e.modality = ?")
        params.append(q.modality.lower())
    if q.text:
        clauses.append(
            "(e.seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?) OR e.doc_id IN "
            "(SELECT a.id FROM articles a WHERE a.seq IN "
            "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)))"
        )
        params += [_fts_phrase(q.text), _fts_phrase(q.text)]
    if q.article_id:
        clauses.append("(e.doc_id = ? OR e.id IN "
                       "(SELECT event_id FROM event_sources WHERE article_id = ?))")
        params += [q.article_id, q.article_id]
    if q.bbox:
        clauses.append(_IN_BOX)
        params += _box_params(q.bbox)
    if q.merged:
        clauses.append("e.cluster_seq = e.seq")
    return clauses, params
