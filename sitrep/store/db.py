"""The SQLite store: the only module that knows SQL.

One transaction per article, content-hash keys (storing the same article twice changes nothing),
WAL mode so readers (the web page) never block the writer.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.cluster.events import same_event
from sitrep.errors import NotFoundError, SitrepError
from sitrep.model import Article, CodedArticle, Event
from sitrep.store.migrations import migrate

ARTICLE_COLUMNS = (
    "id", "content_hash", "title", "published", "url", "publisher", "language", "source",
    "dateline_place", "dateline_start", "dateline_end", "text",
)


class StoreError(SitrepError):
    """The database cannot be opened or is not a sitrep store."""


@dataclass(slots=True)
class EventQuery:
    """Filters shared by ``sitrep events``, the HTTP API and the web page."""

    event_type: str | None = None
    country: str | None = None
    actor: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None
    modality: str | None = None
    text: str | None = None
    article_id: str | None = None
    merged: bool = False
    limit: int | None = 100
    offset: int = 0


@dataclass(slots=True)
class StoreStats:
    articles: int
    events: int


class Store:
    """An open sitrep database (a file path, or ``":memory:"``)."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
            migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable sitrep database ({exc})") from exc
        self._lock = threading.RLock()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- writing -----------------------------------------------------------------------------

    def has_article(self, content_hash: str) -> bool:
        with self._lock:
            row = self.conn.execute(
                "SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)
            ).fetchone()
        return row is not None

    def add(self, coded: CodedArticle) -> bool:
        """Store one coded article and its events atomically; False if it was already stored."""
        article = coded.article
        with self._lock:
            if self.has_article(article.content_hash):
                return False
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self._insert_article(article)
                for event in coded.events:
                    self._insert_event(event, article.id)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        return True

    def _insert_article(self, article: Article) -> None:
        values = [getattr(article, c) for c in ARTICLE_COLUMNS]
        marks = ", ".join("?" for _ in ARTICLE_COLUMNS)
        try:
            self.conn.execute(
                f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({marks})", values
            )
        except sqlite3.IntegrityError as exc:
            raise StoreError(
                f"article id {article.id!r} is already stored with different text"
            ) from exc

    def _insert_event(self, event: Event, article_id: str) -> None:
        record = event.to_dict()
        date = event.date
        location = event.location
        self.conn.execute(
            """INSERT OR IGNORE INTO events (id, doc_id, event_type, mode, quad, modality,
               date_start, date_end, location_name, location_country, actor_countries,
               recipient_countries, actor_text, evidence, confidence, record, cluster_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                event.id, event.doc_id, event.event_type, event.mode, event.quad, event.modality,
                date.start if date else None, date.end if date else None,
                location.name if location else None,
                location.country_code if location else None,
                _codes(a.country for a in event.actors),
                _codes(a.country for a in event.recipients),
                " | ".join(a.text for a in [*event.actors, *event.recipients]).lower(),
                event.evidence.sentence, event.confidence,
                json.dumps(record, ensure_ascii=False), self._cluster_for(event),
            ),
        )
        self.conn.execute(
            "INSERT OR IGNORE INTO event_sources (event_id, article_id) VALUES (?, ?)",
            (event.id, article_id),
        )

    def _cluster_for(self, event: Event) -> str:
        """The cluster an incoming event joins: the earliest stored report from another article
        that :func:`~sitrep.cluster.events.same_event` accepts, else a cluster of its own."""
        countries = sorted({a.country for a in event.actors if a.country})
        if not countries:
            return event.id
        like = " OR ".join("actor_countries LIKE ?" for _ in countries)
        rows = self.conn.execute(
            f"""SELECT record, cluster_id FROM events WHERE doc_id != ?
                AND (event_type = ? OR quad = ?) AND ({like}) ORDER BY rowid""",
            [event.doc_id, event.event_type, event.quad, *(f"%|{c}|%" for c in countries)],
        ).fetchall()
        for row in rows:
            if same_event(event, Event.from_dict(json.loads(row["record"]))):
                return row["cluster_id"]
        return event.id

    # -- reading -----------------------------------------------------------------------------

    def stats(self) -> StoreStats:
        with self._lock:
            articles = self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            events = self.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        return StoreStats(articles=articles, events=events)

    def query_events(self, q: EventQuery) -> list[Event]:
        return list(self.iter_events(q))

    def iter_events(self, q: EventQuery) -> Iterator[Event]:
        """Events matching ``q`` in date order (undated last), paged by limit/offset."""
        where, params = _where(q)
        sql = (f"SELECT record FROM events e {where} "
               "ORDER BY e.date_start IS NULL, e.date_start, e.doc_id, e.id")
        if q.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [q.limit, q.offset]
        with self._lock:
            rows = self.conn.execute(sql, params).fetchall()
        for row in rows:
            yield Event.from_dict(json.loads(row["record"]))

    def count_events(self, q: EventQuery) -> int:
        where, params = _where(q)
        with self._lock:
            return self.conn.execute(f"SELECT count(*) FROM events e {where}", params).fetchone()[0]

    def get_event(self, event_id: str) -> Event:
        with self._lock:
            row = self.conn.execute(
                "SELECT record FROM events WHERE id = ?", (event_id,)
            ).fetchone()
        if row is None:
            raise NotFoundError(f"no event with id {event_id!r}")
        return Event.from_dict(json.loads(row["record"]))

    def get_article(self, article_id: str) -> Article:
        with self._lock:
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
        with self._lock:
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
        with self._lock:
            rows = self.conn.execute(
                """SELECT record FROM events WHERE cluster_id =
                   (SELECT cluster_id FROM events WHERE id = ?) ORDER BY rowid""", (event_id,)
            ).fetchall()
        return [Event.from_dict(json.loads(r["record"])) for r in rows]

    def article_events(self, article_id: str) -> list[Event]:
        self.get_article(article_id)
        return self.query_events(EventQuery(article_id=article_id, limit=None))

    def iter_articles(self) -> Iterator[Article]:
        with self._lock:
            rows = self.conn.execute(
                f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles ORDER BY published, id"
            ).fetchall()
        for row in rows:
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


def _codes(countries: Any) -> str:
    """Countries as ``|NER|USA|`` so a LIKE '%|NER|%' finds one exactly."""
    codes = sorted({c for c in countries if c})
    return f"|{'|'.join(codes)}|" if codes else ""


def _article(row: sqlite3.Row) -> Article:
    return Article(**{c: row[c] for c in ARTICLE_COLUMNS})


def _fts_phrase(text: str) -> str:
    """User text as one FTS5 phrase, so punctuation never becomes query syntax."""
    return '"' + text.replace('"', '""') + '"'


def _where(q: EventQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if q.event_type:
        clauses.append("e.event_type = ?")
        params.append(q.event_type.upper())
    if q.country:
        code = f"%|{q.country.upper()}|%"
        clauses.append("(e.actor_countries LIKE ? OR e.recipient_countries LIKE ?)")
        params += [code, code]
    if q.actor:
        clauses.append("e.actor_text LIKE ?")
        params.append(f"%{q.actor.lower()}%")
    if q.place:
        clauses.append("(e.location_country = ? OR e.location_name LIKE ?)")
        params += [q.place.upper(), f"%{q.place}%"]
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
            "(e.evidence LIKE ? OR e.doc_id IN (SELECT a.id FROM articles a WHERE a.rowid IN "
            "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)))"
        )
        params += [f"%{q.text}%", _fts_phrase(q.text)]
    if q.article_id:
        clauses.append("e.id IN (SELECT event_id FROM event_sources WHERE article_id = ?)")
        params.append(q.article_id)
    if q.merged:
        clauses.append("e.cluster_id = e.id")
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params
