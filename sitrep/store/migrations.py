"""Versioned schema migrations: each step runs once, in order, recorded in ``user_version``.

A step is SQL, or SQL followed by a Python step that fills what SQL cannot compute the way the
writer does (the keys of the same-event lookup). Steps are never edited once released: a
change is a new step, so every existing database upgrades in place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Step:
    """One migration: ``sql`` first, then ``fill`` (if any) in the same transaction."""

    sql: str
    fill: Callable[[sqlite3.Connection], None] | None = None


MIGRATIONS: list[str | Step] = [
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
    # 5: events get a stable integer key (``seq``, which VACUUM never renumbers), a sort key for
    # keyset paging, day numbers; event_countries holds each actor and recipient country with
    # what the same-event lookup and the country filters need, indexed; the evidence gets a
    # full-text index. The old table is copied, keeping its order; step 4's count triggers are
    # created again on the new table (they went with the old one).
    Step("""
    CREATE TABLE events_v3 (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        doc_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        event_type TEXT NOT NULL,
        mode TEXT,
        quad INTEGER,
        modality TEXT NOT NULL,
        date_start TEXT,
        date_end TEXT,
        day_start INTEGER,
        day_end INTEGER,
        location_name TEXT,
        location_country TEXT,
        actor_text TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL,
        confidence REAL NOT NULL,
        record TEXT NOT NULL,
        cluster_id TEXT NOT NULL,
        sort_key TEXT NOT NULL
    );
    INSERT INTO events_v3 (seq, id, doc_id, event_type, mode, quad, modality, date_start,
        date_end, location_name, location_country, actor_text, evidence, confidence, record,
        cluster_id, sort_key)
    SELECT rowid, id, doc_id, event_type, mode, quad, modality, date_start, date_end,
        location_name, location_country, actor_text, evidence, confidence, record,
        coalesce(cluster_id, id), ''
    FROM events ORDER BY rowid;
    DROP TABLE events;
    ALTER TABLE events_v3 RENAME TO events;
    CREATE INDEX events_sort ON events(sort_key);
    CREATE INDEX events_type_sort ON events(event_type, sort_key);
    CREATE INDEX events_doc ON events(doc_id);
    CREATE INDEX events_cluster ON events(cluster_id);
    CREATE TABLE event_countries (
        event_seq INTEGER NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
        country TEXT NOT NULL,
        event_type TEXT NOT NULL,
        span_class INTEGER NOT NULL,
        day_start INTEGER,
        sort_key TEXT NOT NULL,
        PRIMARY KEY (event_seq, role, country)
    ) WITHOUT ROWID;
    CREATE INDEX event_countries_filter ON event_countries(country, role, sort_key);
    CREATE INDEX event_countries_merge
        ON event_countries(country, event_type, span_class, day_start) WHERE role = 'actor';
    CREATE VIRTUAL TABLE events_fts USING fts5(evidence, content='events', content_rowid='seq');
    CREATE TRIGGER events_ai AFTER INSERT ON events BEGIN
        INSERT INTO events_fts(rowid, evidence) VALUES (new.seq, new.evidence);
    END;
    CREATE TRIGGER events_ad AFTER DELETE ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, evidence)
        VALUES ('delete', old.seq, old.evidence);
    END;
    INSERT INTO events_fts(events_fts) VALUES ('rebuild');
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
    """, fill=lambda conn: _fill_event_keys(conn)),
    # 6: step 4's one table of counts had nearly a row per event on a large store; two small
    # ones replace it, each for the question it answers without reading events: counts by date
    # range and modality (the timeline), by location country, type and modality (the map).
    # Other filters read two covering indexes of events instead of the records themselves.
    """
    DROP TRIGGER event_counts_ai;
    DROP TRIGGER event_counts_ad;
    DROP TRIGGER event_counts_au;
    DROP TABLE event_counts;
    CREATE TABLE event_days (
        date_start TEXT NOT NULL,
        date_end TEXT NOT NULL,
        modality TEXT NOT NULL,
        events INTEGER NOT NULL,
        PRIMARY KEY (date_start, date_end, modality)
    ) WITHOUT ROWID;
    CREATE TABLE event_places (
        location_country TEXT NOT NULL,
        event_type TEXT NOT NULL,
        modality TEXT NOT NULL,
        events INTEGER NOT NULL,
        PRIMARY KEY (location_country, event_type, modality)
    ) WITHOUT ROWID;
    INSERT INTO event_days
        SELECT coalesce(date_start, ''), coalesce(date_end, ''), modality, count(*)
        FROM events GROUP BY 1, 2, 3;
    INSERT INTO event_places
        SELECT coalesce(location_country, ''), event_type, modality, count(*)
        FROM events GROUP BY 1, 2, 3;
    CREATE TRIGGER event_rollups_ai AFTER INSERT ON events BEGIN
        INSERT INTO event_days VALUES (
            coalesce(new.date_start, ''), coalesce(new.date_end, ''), new.modality, 1)
        ON CONFLICT DO UPDATE SET events = events + 1;
        INSERT INTO event_places VALUES (
            coalesce(new.location_country, ''), new.event_type, new.modality, 1)
        ON CONFLICT DO UPDATE SET events = events + 1;
    END;
    CREATE TRIGGER event_rollups_ad AFTER DELETE ON events BEGIN
        UPDATE event_days SET events = events - 1
        WHERE date_start = coalesce(old.date_start, '') AND date_end = coalesce(old.date_end, '')
          AND modality = old.modality;
        UPDATE event_places SET events = events - 1
        WHERE location_country = coalesce(old.location_country, '')
          AND event_type = old.event_type AND modality = old.modality;
    END;
    CREATE TRIGGER event_rollups_au
    AFTER UPDATE OF date_start, date_end, location_country, event_type, modality ON events BEGIN
        UPDATE event_days SET events = events - 1
        WHERE date_start = coalesce(old.date_start, '') AND date_end = coalesce(old.date_end, '')
          AND modality = old.modality;
        UPDATE event_places SET events = events - 1
        WHERE location_country = coalesce(old.location_country, '')
          AND event_type = old.event_type AND modality = old.modality;
        INSERT INTO event_days VALUES (
            coalesce(new.date_start, ''), coalesce(new.date_end, ''), new.modality, 1)
        ON CONFLICT DO UPDATE SET events = events + 1;
        INSERT INTO event_places VALUES (
            coalesce(new.location_country, ''), new.event_type, new.modality, 1)
        ON CONFLICT DO UPDATE SET events = events + 1;
    END;
    CREATE INDEX events_days_cover
        ON events(date_start, date_end, modality, location_country, event_type);
    CREATE INDEX events_type_cover
        ON events(event_type, date_start, date_end, modality, location_country);
    """,
    # 7: the points of events pinned to a facility, city or district, in an R*Tree, so that the
    # map's box at a high zoom is an index lookup however large the store. Written by the
    # writer (which knows which precisions are points), filled here for stored events.
    Step("""
    CREATE VIRTUAL TABLE event_points USING rtree(seq, lat_min, lat_max, lon_min, lon_max);
    CREATE TRIGGER event_points_ad AFTER DELETE ON events BEGIN
        DELETE FROM event_points WHERE seq = old.seq;
    END;
    """, fill=lambda conn: _fill_event_points(conn)),
    # 8: articles get a stable integer key (``seq``) and their full-text index is keyed by it,
    # not by the implicit rowid that VACUUM may renumber; the index is rebuilt from the stored
    # text. Events get their span class (as the same-event lookup's country rows have it), so a
    # date window reads each class from its earliest possible start instead of from the first
    # event ever; the place filter reads an index by place country and by place name. The events
    # the situation rules bear on get an index of their own, filled by the store, which rebuilds
    # it whenever the rules' fingerprint kept in store_meta is not the packaged rules'.
    Step("""
    DROP TRIGGER articles_ai;
    DROP TRIGGER articles_ad;
    DROP TABLE articles_fts;
    CREATE TABLE articles_v2 (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
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
    INSERT INTO articles_v2 (seq, id, content_hash, title, published, url, publisher, language,
        source, dateline_place, dateline_start, dateline_end, text, ingested_at)
    SELECT rowid, id, content_hash, title, published, url, publisher, language, source,
        dateline_place, dateline_start, dateline_end, text, ingested_at
    FROM articles ORDER BY rowid;
    DROP TABLE articles;
    ALTER TABLE articles_v2 RENAME TO articles;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='seq'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    ALTER TABLE events ADD COLUMN span_class INTEGER NOT NULL DEFAULT -1;
    CREATE INDEX events_span_sort ON events(span_class, sort_key);
    CREATE INDEX event_countries_span
        ON event_countries(country, role, span_class, sort_key);
    CREATE INDEX events_place_sort ON events(location_country, sort_key);
    CREATE INDEX events_place_name_sort ON events(location_name COLLATE NOCASE, sort_key);
    CREATE TABLE situation_events (
        event_seq INTEGER PRIMARY KEY REFERENCES events(seq) ON DELETE CASCADE
    );
    CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """, fill=lambda conn: _fill_span_classes(conn)),
    # 9: clusters are indexed by the head report's integer ``seq`` (a new cluster's key is the
    # newest seq, a joining report's a recent one: the index grows at its end) instead of its
    # text id, whose random keys spread every commit over the whole index. A report's own
    # article is its ``doc_id`` (indexed), so ``event_sources`` keeps only the pairs that say
    # something else; the pairs it held that ``doc_id`` already says are dropped (nothing is
    # lost: every one is still read from the event). A cluster whose head was deleted gets
    # its earliest remaining report as its key, as a head is its cluster's earliest report.
    """
    ALTER TABLE events ADD COLUMN cluster_seq INTEGER;
    UPDATE events SET cluster_seq =
        (SELECT min(h.seq) FROM events h WHERE h.cluster_id = events.cluster_id);
    DROP INDEX events_cluster;
    CREATE INDEX events_cluster_seq ON events(cluster_seq);
    DELETE FROM event_sources WHERE EXISTS (SELECT 1 FROM events e
        WHERE e.id = event_sources.event_id AND e.doc_id = event_sources.article_id);
    """,
    # 10: the situation's index keeps, for each event it bears on, what the event gives it
    # (``sitrep.situation.facts``, computed when the event is stored) under the order the
    # situation applies them in (dated first, by start, then by id), so the situation replays
    # them without reading or decoding an event. The rows of an older store hold no facts:
    # the table is made anew and its fingerprint dropped, so the first read fills it.
    """
    DROP TABLE situation_events;
    CREATE TABLE situation_events (
        event_seq INTEGER PRIMARY KEY REFERENCES events(seq) ON DELETE CASCADE,
        undated INTEGER NOT NULL,
        start TEXT NOT NULL,
        event_id TEXT NOT NULL,
        facts TEXT NOT NULL
    );
    CREATE INDEX situation_order ON situation_events(undated, start, event_id);
    DELETE FROM store_meta WHERE key = 'situation_rules';
    """,
    # 11: each record carries the shape it was written in (``sitrep.store.keys.record_shape``):
    # a record of the running code's shape is sent as stored; older rows (NULL) are decoded.
    """
    ALTER TABLE events ADD COLUMN shape TEXT;
    """,
    # 12: how many events each country is actor or recipient of, kept by triggers on the
    # country rows (as ``event_days`` and ``event_places`` are on events), so the total of a
    # page by country is one row rather than a count over the country's index range.
    """
    CREATE TABLE country_totals (
        country TEXT NOT NULL,
        role TEXT NOT NULL,
        events INTEGER NOT NULL,
        PRIMARY KEY (country, role)
    ) WITHOUT ROWID;
    INSERT INTO country_totals
        SELECT country, role, count(*) FROM event_countries GROUP BY country, role;
    CREATE TRIGGER country_totals_ai AFTER INSERT ON event_countries BEGIN
        INSERT INTO country_totals VALUES (new.country, new.role, 1)
        ON CONFLICT DO UPDATE SET events = events + 1;
    END;
    CREATE TRIGGER country_totals_ad AFTER DELETE ON event_countries BEGIN
        UPDATE country_totals SET events = events - 1
        WHERE country = old.country AND role = old.role;
    END;
    """,
    # 13: an actor's country row keeps what rules out most candidates of the same-event lookup
    # (``sitrep.cluster.events.Outline``: the place's country, the last day, the modality) in
    # the lookup's index, so a candidate is ruled out without reading its event, let alone
    # decoding its record; the index is made again with them, after ``event_seq`` so that a
    # range is still read in the lookup's order (latest day, then most recently stored).
    """
    ALTER TABLE event_countries ADD COLUMN day_end INTEGER;
    ALTER TABLE event_countries ADD COLUMN place TEXT;
    ALTER TABLE event_countries ADD COLUMN modality TEXT;
    UPDATE event_countries SET (day_end, place, modality) =
        (SELECT e.day_end, e.location_country, e.modality FROM events e
         WHERE e.seq = event_countries.event_seq)
    WHERE role = 'actor';
    DROP INDEX event_countries_merge;
    CREATE INDEX event_countries_merge ON event_countries(
        country, event_type, span_class, day_start, event_seq, day_end, place, modality)
        WHERE role = 'actor';
    """,
    # 14: an actor's country row also keeps its event's recipient countries (``,FRA,GBR,``;
    # NULL when none is known), in the lookup's index, so the same-event lookup rules out a
    # report aimed at another country without reading its event: of the candidates a lookup
    # compared, about two thirds had another recipient. ``event_countries_filter`` (country,
    # role, sort key) goes: ``event_countries_span`` (country, role, span class, sort key) gives
    # a country's events in sort order as one range per span class, merged without sorting,
    # and a store written on one index fewer dirties fewer pages in every transaction.
    """
    ALTER TABLE event_countries ADD COLUMN recipients TEXT;
    UPDATE event_countries SET recipients = (
        SELECT ',' || group_concat(r.country, ',') || ',' FROM event_countries r
        WHERE r.event_seq = event_countries.event_seq AND r.role = 'recipient')
    WHERE role = 'actor';
    DROP INDEX event_countries_merge;
    CREATE INDEX event_countries_merge ON event_countries(
        country, event_type, span_class, day_start, event_seq, day_end, place, modality,
        recipients) WHERE role = 'actor';
    DROP INDEX event_countries_filter;
    """,
    # 15: the same-event lookup asks, in SQL, whether a candidate's whole cluster is dated
    # where the new report can be (``_cluster_clause`` in the writer): ``events_seq_cluster``
    # gives a candidate's cluster without reading its row (the rows of old reports are cold
    # pages of the table), and ``events_cluster_seq`` now carries each member's days, so the
    # members are read from the index alone. The first is written in ``seq`` order (appended),
    # the second replaces an index of the same key.
    """
    CREATE INDEX events_seq_cluster ON events(seq, cluster_seq);
    DROP INDEX events_cluster_seq;
    CREATE INDEX events_cluster_seq ON events(cluster_seq, day_start, day_end);
    """,
    # 16: the date check of a candidate's cluster reads one row: ``cluster_days`` keeps, per
    # cluster with a dated member, the latest first day and the earliest last day of its dated
    # members (kept by triggers on events), and an actor's country row keeps its event's
    # cluster (``cluster_seq``, fixed when the event is stored) in the lookup's index. Every
    # dated member's days meet a report's exactly when those two do, so the check says what it
    # said when it read each member (step 15). ``events_seq_cluster`` stays: a merged page by
    # country asks each row whether it heads its cluster from it, without reading the row.
    """
    CREATE TABLE cluster_days (
        cluster_seq INTEGER PRIMARY KEY,
        last_start INTEGER NOT NULL,
        first_end INTEGER NOT NULL
    );
    INSERT INTO cluster_days
        SELECT cluster_seq, max(day_start), min(day_end) FROM events
        WHERE cluster_seq IS NOT NULL AND day_start IS NOT NULL AND day_end IS NOT NULL
        GROUP BY cluster_seq;
    CREATE TRIGGER cluster_days_ai AFTER INSERT ON events
    WHEN new.cluster_seq IS NOT NULL AND new.day_start IS NOT NULL AND new.day_end IS NOT NULL
    BEGIN
        INSERT INTO cluster_days VALUES (new.cluster_seq, new.day_start, new.day_end)
        ON CONFLICT DO UPDATE SET last_start = max(last_start, excluded.last_start),
                                  first_end = min(first_end, excluded.first_end);
    END;
    CREATE TRIGGER cluster_days_ad AFTER DELETE ON events
    WHEN old.cluster_seq IS NOT NULL AND old.day_start IS NOT NULL AND old.day_end IS NOT NULL
    BEGIN
        DELETE FROM cluster_days WHERE cluster_seq = old.cluster_seq;
        INSERT INTO cluster_days
            SELECT cluster_seq, max(day_start), min(day_end) FROM events
            WHERE cluster_seq = old.cluster_seq AND day_start IS NOT NULL
              AND day_end IS NOT NULL
            GROUP BY cluster_seq;
    END;
    CREATE TRIGGER cluster_days_au AFTER UPDATE OF cluster_seq, day_start, day_end ON events
    BEGIN
        DELETE FROM cluster_days WHERE cluster_seq IN (old.cluster_seq, new.cluster_seq);
        INSERT INTO cluster_days
            SELECT cluster_seq, max(day_start), min(day_end) FROM events
            WHERE cluster_seq IN (old.cluster_seq, new.cluster_seq)
              AND day_start IS NOT NULL AND day_end IS NOT NULL
            GROUP BY cluster_seq;
    END;
    ALTER TABLE event_countries ADD COLUMN cluster_seq INTEGER;
    UPDATE event_countries SET cluster_seq =
        (SELECT e.cluster_seq FROM events e WHERE e.seq = event_countries.event_seq)
    WHERE role = 'actor';
    DROP INDEX event_countries_merge;
    CREATE INDEX event_countries_merge ON event_countries(
        country, event_type, span_class, day_start, event_seq, day_end, place, modality,
        recipients, cluster_seq) WHERE role = 'actor';
    """,
]


def _fill_event_keys(conn: sqlite3.Connection) -> None:
    """Sort keys, day numbers and country rows of events stored before step 3, computed by the
    same code the writer uses."""
    from sitrep.store.keys import country_rows, event_keys

    rows = conn.execute("SELECT seq, record FROM events ORDER BY seq").fetchall()
    for seq, record in rows:
        keys = event_keys(record)
        conn.execute("UPDATE events SET sort_key = ?, day_start = ?, day_end = ? WHERE seq = ?",
                     (keys.sort_key, keys.day_start, keys.day_end, seq))
        conn.executemany(
            "INSERT OR IGNORE INTO event_countries (event_seq, role, country, event_type, "
            "span_class, day_start, sort_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(seq, *row) for row in country_rows(keys)],
        )


def _fill_event_points(conn: sqlite3.Connection) -> None:
    """The points of events stored before step 7, chosen by the same code the writer uses."""
    from sitrep.store.keys import point_row

    for seq, record in conn.execute("SELECT seq, record FROM events ORDER BY seq").fetchall():
        row = point_row(seq, record)
        if row is not None:
            conn.execute(POINT_INSERT, row)


POINT_INSERT = ("INSERT OR REPLACE INTO event_points (seq, lat_min, lat_max, lon_min, lon_max) "
                "VALUES (?, ?, ?, ?, ?)")


def _fill_span_classes(conn: sqlite3.Connection) -> None:
    """Span classes of the events stored before step 8, from their day numbers, by the same
    code the writer uses."""
    from sitrep.store.keys import span_class

    rows = conn.execute("SELECT seq, day_start, day_end FROM events WHERE day_start IS NOT NULL")
    conn.executemany("UPDATE events SET span_class = ? WHERE seq = ?",
                     [(span_class((start, end)), seq) for seq, start, end in rows.fetchall()])


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to the latest schema; returns the version reached.

    The version is read again under the write lock (``BEGIN IMMEDIATE``) before any step runs,
    so any number of processes may open a new database at once: the first one migrates, the
    others wait for it and then find nothing to do. All pending steps run in that one
    transaction with their version bumps, so a failed step leaves the previous version. Foreign
    keys are off while migrating (a step that rebuilds a table must not cascade deletes).
    """
    if schema_version(conn) >= len(MIGRATIONS):
        return schema_version(conn)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = schema_version(conn)
        for number, step in enumerate(MIGRATIONS[current:], start=current + 1):
            _run(conn, step if isinstance(step, Step) else Step(step))
            conn.execute(f"PRAGMA user_version = {number}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return schema_version(conn)


def _run(conn: sqlite3.Connection, step: Step) -> None:
    for statement in _statements(step.sql):
        conn.execute(statement)
    if step.fill:
        step.fill(conn)


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
