"""The SQLite store: the only module that knows SQL.

One write transaction per article (``BEGIN IMMEDIATE``: the duplicate check and the insert see
the same database), content-hash keys (storing the same article twice changes nothing), WAL mode
and a connection per thread, so readers (the web page, the API's workers) never wait for each
other or for the writer. The same-event lookup of a new event reads an index by actor country,
type and date window, so adding an event costs the same in a store of ten events or a million.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sitrep.cluster.events import SameEventRules, Scope, load_rules, same_event
from sitrep.errors import NotFoundError, SitrepError
from sitrep.model import Article, CodedArticle, Event
from sitrep.query import BBox, EventQuery, QueryError
from sitrep.store.keys import (
    NO_COUNTRY,
    SPAN_CAPS,
    UNDATED,
    WIDE,
    EventKeys,
    country_rows,
    event_keys,
    point_row,
)
from sitrep.store.migrations import POINT_INSERT, migrate

ARTICLE_COLUMNS = (
    "id", "content_hash", "title", "published", "url", "publisher", "language", "source",
    "dateline_place", "dateline_start", "dateline_end", "text",
)
BUSY_TIMEOUT_S = 60.0
"""How long a writer waits for another process's transaction before giving up."""
PREFIX_CANDIDATES = 10
SEARCH_REACH = 25
"""The most recent reports per span class the same-event lookup compares (see ``_candidates``)."""
DECODED_CACHE = 20_000
"""Stored events kept decoded for the same-event lookup (the most recently used)."""


class StoreError(SitrepError):
    """The database cannot be opened, is not a sitrep store, or refuses a write."""


class AmbiguousIdError(SitrepError):
    """An id prefix that more than one stored record starts with."""

    status = 409


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
        self._decoded: OrderedDict[int, tuple[Event, str]] = OrderedDict()
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
                raise
            conn.execute("COMMIT")

    def add(self, coded: CodedArticle) -> bool:
        """Store one coded article and its events atomically; False if it was already stored.

        The duplicate check runs inside the write transaction, so two writers storing the same
        article at once both succeed (one adds, one skips). Raises :class:`StoreError` only for
        a real conflict: another text stored under the same article id.
        """
        article = coded.article
        with self._writing() as conn:
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
        cursor = conn.execute(
            """INSERT OR IGNORE INTO events (id, doc_id, event_type, mode, quad, modality,
               date_start, date_end, day_start, day_end, location_name, location_country,
               actor_text, evidence, confidence, record, cluster_id, sort_key)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                event.id, event.doc_id, event.event_type, event.mode, event.quad, event.modality,
                date.start if date else None, date.end if date else None,
                keys.day_start, keys.day_end,
                location.name if location else None,
                location.country_code if location else None,
                " | ".join(a.text for a in [*event.actors, *event.recipients]).lower(),
                event.evidence.sentence, event.confidence,
                json.dumps(record, ensure_ascii=False), self._cluster_for(conn, event, keys),
                keys.sort_key,
            ),
        )
        if cursor.rowcount and cursor.lastrowid is not None:
            conn.executemany(
                "INSERT OR IGNORE INTO event_countries (event_seq, role, country, event_type, "
                "span_class, day_start, sort_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(cursor.lastrowid, *row) for row in country_rows(keys)],
            )
            point = point_row(cursor.lastrowid, event)
            if point is not None:
                conn.execute(POINT_INSERT, point)
        conn.execute(
            "INSERT OR IGNORE INTO event_sources (event_id, article_id) VALUES (?, ?)",
            (event.id, article_id),
        )

    def _cluster_for(self, conn: sqlite3.Connection, event: Event, keys: EventKeys) -> str:
        """The cluster an incoming event joins: the earliest stored report from another article
        that :func:`~sitrep.cluster.events.same_event` accepts, else a cluster of its own.

        Candidates come from the ``event_countries`` index (actor country, type, span class,
        day window), never from a scan: their number depends on how many reports a few days of
        one country and type hold, not on the size of the store.
        """
        rules = load_rules()
        for seq in _candidates(conn, keys, rules):
            stored, cluster = self._stored_event(conn, seq)
            if stored.doc_id != event.doc_id and same_event(event, stored, rules):
                return cluster
        return event.id

    def _stored_event(self, conn: sqlite3.Connection, seq: int) -> tuple[Event, str]:
        """A stored event and its cluster by ``seq``, decoded once: the reports of the last
        days are candidates of many new events (called under the write lock)."""
        cached = self._decoded.get(seq)
        if cached is None:
            row = conn.execute("SELECT record, cluster_id FROM events WHERE seq = ?",
                               (seq,)).fetchone()
            cached = (Event.from_dict(json.loads(row["record"])), row["cluster_id"])
            self._decoded[seq] = cached
            if len(self._decoded) > DECODED_CACHE:
                self._decoded.popitem(last=False)
        else:
            self._decoded.move_to_end(seq)
        return cached

    # -- reading -----------------------------------------------------------------------------

    def stats(self) -> StoreStats:
        conn = self.conn
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        return StoreStats(articles=articles, events=events)

    def query_events(self, q: EventQuery) -> list[Event]:
        return list(self.iter_events(q))

    def iter_events(self, q: EventQuery) -> Iterator[Event]:
        """Events matching ``q`` in date order (undated last), streamed row by row.

        Paged by ``limit`` and either ``after`` (the id of the previous page's last event: an
        index seek, however deep) or ``offset`` (rows skipped one by one).
        """
        for row in self._rows(q, "e.record"):
            yield Event.from_dict(json.loads(row[0]))

    def iter_sourced(self, q: EventQuery) -> Iterator[tuple[Event, str | None]]:
        """Like :meth:`iter_events`, each event with the URL of its article (for exports)."""
        columns = "e.record, (SELECT a.url FROM articles a WHERE a.id = e.doc_id)"
        for row in self._rows(q, columns):
            yield Event.from_dict(json.loads(row[0])), row[1]

    def page_events(self, q: EventQuery) -> tuple[list[Event], str | None]:
        """One page and the cursor of the next (None on the last page)."""
        wanted = q.limit
        events = list(self.iter_events(replace(q, limit=None if wanted is None else wanted + 1)))
        if wanted is None or len(events) <= wanted:
            return events, None
        return events[:wanted], events[wanted - 1].id

    def _rows(self, q: EventQuery, columns: str) -> Iterator[sqlite3.Row]:
        after = self._sort_key(q.after) if q.after else None
        source, where, params, order = _select(q, after)
        sql = f"SELECT {columns} FROM {source} {where} ORDER BY {order}"
        if q.limit is not None or q.offset:
            sql += " LIMIT ? OFFSET ?"
            params += [-1 if q.limit is None else q.limit, q.offset]
        with self._reader() as conn:
            yield from conn.execute(sql, params)

    def _sort_key(self, event_id: str) -> str:
        row = self.conn.execute("SELECT sort_key FROM events WHERE id = ?",
                                (event_id,)).fetchone()
        if row is None:
            raise QueryError("after", f"no stored event {event_id!r} to continue after")
        return row[0]

    def count_events(self, q: EventQuery) -> int:
        source, where, params, _ = _select(q, None, counting=True)
        return self.conn.execute(f"SELECT count(*) FROM {source} {where}", params).fetchone()[0]

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
            f"""SELECT DISTINCT {cols} FROM articles a
                JOIN event_sources s ON s.article_id = a.id
                JOIN events e ON e.id = s.event_id
                WHERE e.cluster_id = (SELECT cluster_id FROM events WHERE id = ?)
                ORDER BY a.published, a.id""", (event_id,)
        ).fetchall()
        return [_article(r) for r in rows]

    def event_reports(self, event_id: str) -> list[Event]:
        """Every stored report of the same real-world event, this one included."""
        self.get_event(event_id)
        rows = self.conn.execute(
            """SELECT record FROM events WHERE cluster_id =
               (SELECT cluster_id FROM events WHERE id = ?) ORDER BY seq""", (event_id,)
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


def _candidates(conn: sqlite3.Connection, keys: EventKeys, rules: SameEventRules) -> list[int]:
    """Stored events (by ``seq``, oldest first) that might report the same event: an actor
    country in common (or unknown, if the rules allow), a compatible type, and a date range
    that can overlap the event's once widened by the rules' tolerance. A superset of what
    :func:`same_event` accepts; the predicate decides.

    Each span class gives at most its :data:`SEARCH_REACH` most recent reports: a report of a
    whole year, or an undated one (which the rules let match any date), would otherwise be
    compared with every report of its country and type in that year, or ever, and make adding
    cost more as the store grows. The earliest accepted candidate still wins.
    """
    scope = rules.across
    countries = list(keys.actor_countries)
    if scope.unknown_actor_matches:
        countries.append(NO_COUNTRY)
    elif not countries:
        return []
    types = _candidate_types(keys.event_type, scope)
    base = (f"SELECT event_seq FROM event_countries WHERE role = 'actor' "
            f"AND country IN ({_marks(countries)}) AND event_type IN ({_marks(types)})")
    if not keys.actor_countries:
        base = (f"SELECT event_seq FROM event_countries WHERE role = 'actor' "
                f"AND event_type IN ({_marks(types)})")
        countries = []
    arms: list[tuple[str, list[Any]]] = []
    if keys.day_start is None or keys.day_end is None or scope.stated_only:
        # No window: the event is undated, or the scope counts only some dates as known.
        if keys.day_start is None and not scope.unknown_date_matches:
            return []
        arms.append(("", []))
    else:
        low = keys.day_start - scope.date_tolerance_days
        high = keys.day_end + scope.date_tolerance_days
        arms += [(" AND span_class = ? AND day_start BETWEEN ? AND ?", [k, low - cap, high])
                 for k, cap in enumerate(SPAN_CAPS)]
        arms.append((" AND span_class = ? AND day_start <= ?", [WIDE, high]))
        if scope.unknown_date_matches:
            arms.append((" AND span_class = ?", [UNDATED]))
    sql = " UNION ".join(
        f"SELECT * FROM ({base}{clause} ORDER BY event_seq DESC LIMIT {SEARCH_REACH})"
        for clause, _ in arms)
    params = [p for _, extra in arms for p in [*countries, *types, *extra]]
    return sorted(row[0] for row in conn.execute(sql, params))


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


def _select(q: EventQuery, after: str | None, *, counting: bool = False
            ) -> tuple[str, str, list[Any], str]:
    """(FROM clause, WHERE clause, parameters, ORDER BY) for the events ``q`` selects.

    With a country filter the query is driven from ``event_countries`` in sort order (an index
    range, however rare the country); otherwise from the events' sort index.
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
        order = "c.sort_key"
        if q.country and q.recipient_country:
            clauses.append(_IN_COUNTRY)
            params += [q.recipient_country, "recipient"]
    else:
        source, order = "events e", "e.sort_key"
    if after is not None:
        clauses.append(f"{order} > ?")
        params.append(after)
    more, more_params = _event_clauses(q)
    if counting and role and not more and not (q.country and q.recipient_country):
        source = "event_countries c"  # the country index alone answers a count
    where = " AND ".join(clauses + more)
    return source, f"WHERE {where}" if where else "", params + more_params, order


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
        clauses.append("(e.location_country = ? OR e.location_name LIKE ? ESCAPE '\\')")
        params += [q.place.upper(), _like(q.place)]
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
            "(SELECT a.id FROM articles a WHERE a.rowid IN "
            "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)))"
        )
        params += [_fts_phrase(q.text), _fts_phrase(q.text)]
    if q.article_id:
        clauses.append("e.id IN (SELECT event_id FROM event_sources WHERE article_id = ?)")
        params.append(q.article_id)
    if q.bbox:
        clauses.append(_IN_BOX)
        params += _box_params(q.bbox)
    if q.merged:
        clauses.append("e.cluster_id = e.id")
    return clauses, params
