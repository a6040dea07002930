"""Versioned schema migrations: each step runs once, in order, recorded in ``user_version``."""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: articles with full text search, events, which articles support which event.
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT,
        published TEXT,
        url TEXT,
        publisher TEXT,
        language TEXT,
        source TEXT,
        dateline_place TEXT,
        dateline_start INTEGER,
        dateline_end INTEGER,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        event_type TEXT NOT NULL,
        mode TEXT,
        quad INTEGER,
        modality TEXT NOT NULL,
        date_start TEXT,
        date_end TEXT,
        location_name TEXT,
        location_country TEXT,
        actor_countries TEXT NOT NULL DEFAULT '',
        recipient_countries TEXT NOT NULL DEFAULT '',
        actor_text TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL,
        confidence REAL NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX events_type ON events(event_type);
    CREATE INDEX events_date ON events(date_start, date_end);
    CREATE INDEX events_doc ON events(doc_id);
    CREATE TABLE event_sources (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, article_id)
    );
    CREATE INDEX event_sources_article ON event_sources(article_id);
    """,
    # 2: reports of one real-world event across outlets share a cluster (the first report's id).
    """
    ALTER TABLE events ADD COLUMN cluster_id TEXT;
    UPDATE events SET cluster_id = id;
    CREATE INDEX events_cluster ON events(cluster_id);
    """,
    # 3: what was fetched from the web (so a poll resumes and never fetches an item twice), the
    # outlets that printed each article (syndicated copies of one story), and each fetched
    # article's MinHash signature (so a copy met in a later poll still finds its original).
    """
    CREATE TABLE fetch_state (
        url TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        http_status INTEGER,
        etag TEXT,
        last_modified TEXT,
        content_hash TEXT,
        article_id TEXT,
        reason TEXT,
        retry INTEGER NOT NULL DEFAULT 0,
        fetched_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE article_sources (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        publisher TEXT,
        title TEXT,
        published TEXT,
        PRIMARY KEY (article_id, url)
    );
    CREATE TABLE article_signatures (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        signature BLOB NOT NULL
    );
    """,
    # 4: event counts by date range, location country, type and modality, kept by triggers, so
    # the page's map and timeline totals read a small table instead of every event
    # (sitrep.store.aggregates). '' stands for "undated" and "no country".
    """
    CREATE TABLE event_counts (
        date_start TEXT NOT NULL,
        date_end TEXT NOT NULL,
        location_country TEXT NOT NULL,
        event_type TEXT NOT NULL,
        modality TEXT NOT NULL,
        events INTEGER NOT NULL,
        PRIMARY KEY (date_start, date_end, location_country, event_type, modality)
    ) WITHOUT ROWID;
    INSERT INTO event_counts
        SELECT coalesce(date_start, ''), coalesce(date_end, ''), coalesce(location_country, ''),
               event_type, modality, count(*)
        FROM events GROUP BY 1, 2, 3, 4, 5;
    CREATE TRIGGER event_counts_ai AFTER INSERT ON events BEGIN
        INSERT INTO event_counts VALUES (
            coalesce(new.date_start, ''), coalesce(new.date_end, ''),
            coalesce(new.location_country, ''), new.event_type, new.modality, 1)
        ON CONFLICT DO UPDATE SET events = events + 1;
    END;
    CREATE TRIGGER event_counts_ad AFTER DELETE ON events BEGIN
        UPDATE event_counts SET events = events - 1
        WHERE date_start = coalesce(old.date_start, '') AND date_end = coalesce(old.date_end, '')
          AND location_country = coalesce(old.location_country, '')
          AND event_type = old.event_type AND modality = old.modality;
    END;
    CREATE TRIGGER event_counts_au
    AFTER UPDATE OF date_start, date_end, location_country, event_type, modality ON events BEGIN
        UPDATE event_counts SET events = events - 1
        WHERE date_start = coalesce(old.date_start, '') AND date_end = coalesce(old.date_end, '')
          AND location_country = coalesce(old.location_country, '')
          AND event_type = old.event_type AND modality = old.modality;
        INSERT INTO event_counts VALUES (
            coalesce(new.date_start, ''), coalesce(new.date_end, ''),
            coalesce(new.location_country, ''), new.event_type, new.modality, 1)
        ON CONFLICT DO UPDATE SET events = events + 1;
    END;
    """,
]


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to the latest schema; returns the version reached.

    Each step runs inside one transaction with its version bump, so a failed step leaves the
    database at the previous version.
    """
    current = schema_version(conn)
    for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
        conn.execute("BEGIN")
        try:
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
        except sqlite3.Error:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return schema_version(conn)


def _statements(script: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
