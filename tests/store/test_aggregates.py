"""Counts for the page's map and timeline: the same numbers as counting the matching events one
by one, whether they come from the kept counts or from the events, after a store upgrade too."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import date

import pytest
from factories import make_coded, make_event

from sitrep.store import EventQuery, Store
from sitrep.store.aggregates import (
    bucket_end,
    country_counts,
    date_span,
    time_counts,
    unit_for,
)
from sitrep.store.migrations import MIGRATIONS

TEXT = ("The USA forces withdrew from the country. The TCD forces attacked the town. "
        "The USA forces denied they attacked the camp. Rebels may attack the base.")


def _sentences() -> list[tuple[int, str]]:
    starts, cursor = [], 0
    for part in TEXT.split(". "):
        sentence = part if part.endswith(".") else part + "."
        starts.append((TEXT.index(sentence, cursor), sentence))
        cursor = starts[-1][0] + len(sentence)
    return starts


@pytest.fixture
def store() -> Store:
    (a, s1), (b, s2), (c, s3), (d, s4) = _sentences()
    events = [
        make_event("doc", "RETREAT", sentence=s1, start=a, date=("2024-04-01", "2024-04-30")),
        make_event("doc", "ASSAULT", sentence=s2, start=b, actor_country="TCD",
                   trigger="attacked", date=("2024-05-01", "2024-05-01"),
                   location=("Chad", "TCD", "country")),
        make_event("doc", "ASSAULT", sentence=s3, start=c, trigger="attacked",
                   date=("2024-05-02", "2024-05-02"), modality="negated",
                   location=("Gao", "MLI", "city")),
        make_event("doc", "ASSAULT", sentence=s4, start=d, trigger="attack",
                   actor_country="XYZ", date=None, location=None, modality="hypothetical"),
    ]
    store = Store(":memory:")
    store.add(make_coded("doc", TEXT, events))
    return store


def by_hand(store: Store, q: EventQuery, key) -> Counter:
    """What a count must say: the matching events counted one by one."""
    return Counter(key(e) for e in store.query_events(EventQuery(**{**_filters(q), "limit": None})))


def _filters(q: EventQuery) -> dict:
    return {f: getattr(q, f) for f in ("event_type", "country", "place", "since", "until",
                                       "modality", "text")}


QUERIES = [
    EventQuery(),
    EventQuery(event_type="ASSAULT"),
    EventQuery(modality="negated"),
    EventQuery(since="2024-05-01"),
    EventQuery(until="2024-04-15", event_type="RETREAT"),
    EventQuery(country="TCD"),
    EventQuery(text="attacked"),
    EventQuery(place="MLI", since="2024-01-01"),
]


@pytest.mark.parametrize("q", QUERIES, ids=repr)
def test_country_counts_match_the_events_one_by_one(store, q):
    counts, unplaced, exact = country_counts(store, q)
    assert exact
    expected = by_hand(store, q, lambda e: e.location.country_code if e.location else None)
    assert unplaced == expected.pop(None, 0)
    assert {c.key: c.count for c in counts} == dict(expected)
    for count in counts:
        assert sum(count.modality.values()) == count.count


@pytest.mark.parametrize("q", QUERIES, ids=repr)
def test_month_counts_match_the_events_one_by_one(store, q):
    buckets, undated, exact = time_counts(store, q, "month")
    assert exact
    expected = by_hand(store, q, lambda e: e.date.start[:7] + "-01" if e.date else None)
    assert undated == expected.pop(None, 0)
    assert {b.key: b.count for b in buckets} == dict(expected)


def test_counts_are_split_by_modality_and_weeks_start_on_monday(store):
    buckets, *_ = time_counts(store, EventQuery(event_type="ASSAULT"), "week")
    assert [(b.key, b.modality) for b in buckets] == [
        ("2024-04-29", {"asserted": 1, "negated": 1})]
    assert date.fromisoformat(buckets[0].key).weekday() == 0


def test_an_unknown_unit_is_refused(store):
    with pytest.raises(ValueError, match="unknown unit 'hour'"):
        time_counts(store, EventQuery(), "hour")


def test_the_span_leaves_out_year_long_events_when_shorter_ones_exist(store):
    sentence = "The USA forces withdrew from the country."
    store.add(make_coded("long", sentence, [make_event("long", sentence=sentence,
                                                       date=("2014-01-01", "2024-12-31"))]))
    assert date_span(store, EventQuery()) == ("2024-04-01", "2024-05-02")
    assert date_span(store, EventQuery(since="2024-06-01")) == ("2014-01-01", "2024-12-31")
    assert date_span(store, EventQuery(modality="future")) == (None, None)


def test_counts_follow_changes_to_stored_events(store):
    store.conn.execute("UPDATE events SET modality = 'asserted' WHERE modality = 'negated'")
    counts, *_ = country_counts(store, EventQuery(modality="negated"))
    assert counts == []
    store.conn.execute("DELETE FROM events WHERE location_country = 'TCD'")
    counts, *_ = country_counts(store, EventQuery())
    assert {c.key: c.count for c in counts if c.count} == {"NER": 1, "MLI": 1}


def test_an_older_store_gets_its_counts_when_upgraded(tmp_path):
    path = tmp_path / "old.db"
    (a, s1), *_ = _sentences()
    event = make_event("doc", sentence=s1, start=a)
    conn = sqlite3.connect(path, isolation_level=None)
    before = next(i for i, step in enumerate(MIGRATIONS)
                  if "CREATE TABLE event_counts" in str(step))
    for script in MIGRATIONS[:before]:
        conn.executescript(str(script))
    conn.execute("INSERT INTO articles (id, content_hash, text) VALUES ('doc', 'h', ?)", (TEXT,))
    conn.execute("INSERT INTO events (id, doc_id, event_type, modality, date_start, date_end, "
                 "location_country, evidence, confidence, record, cluster_id) VALUES "
                 "(?, 'doc', 'RETREAT', 'asserted', '2024-04-01', '2024-04-30', 'NER', ?, 0.8, "
                 "?, ?)", (event.id, s1, json.dumps(event.to_dict()), event.id))
    conn.execute(f"PRAGMA user_version = {before}")
    conn.close()
    with Store(path) as store:
        counts, *_ = country_counts(store, EventQuery())
        assert [(c.key, c.modality) for c in counts] == [("NER", {"asserted": 1})]
        buckets, *_ = time_counts(store, EventQuery(), "day")
        assert [(b.key, b.count) for b in buckets] == [("2024-04-01", 1)]


@pytest.mark.parametrize(("first", "last", "unit"), [
    ("2024-05-01", "2024-06-30", "day"),
    ("2024-01-01", "2025-12-31", "week"),
    ("2000-01-01", "2009-12-31", "month"),
    ("1990-01-01", "2024-12-31", "year"),
])
def test_the_unit_keeps_the_buckets_few(first, last, unit):
    assert unit_for(first, last) == unit


@pytest.mark.parametrize(("start", "unit", "end"), [
    ("2024-02-01", "month", "2024-02-29"),
    ("2024-12-01", "month", "2024-12-31"),
    ("2024-04-29", "week", "2024-05-05"),
    ("2024-01-01", "year", "2024-12-31"),
    ("2024-01-09", "day", "2024-01-09"),
])
def test_a_bucket_ends_on_its_last_day(start, unit, end):
    assert bucket_end(start, unit) == end


def test_a_text_search_counts_its_latest_matches_up_to_the_cap(store, monkeypatch):
    from sitrep.store import aggregates

    everything, unplaced, exact = country_counts(store, EventQuery(text="forces"))
    assert exact and sum(c.count for c in everything) + unplaced == 4
    monkeypatch.setattr(aggregates, "TEXT_TOTAL_CAP", 2)
    latest = store.query_events(EventQuery(text="forces", newest=True, limit=2))
    counts, unplaced, exact = country_counts(store, EventQuery(text="forces"))
    assert not exact
    expected = Counter(e.location.country_code if e.location else None for e in latest)
    assert unplaced == expected.pop(None, 0)
    assert {c.key: c.count for c in counts} == dict(expected)
    buckets, undated, exact = time_counts(store, EventQuery(text="forces"), "day")
    assert not exact
    assert sum(b.count for b in buckets) + undated == 2


def test_a_country_total_is_kept_as_events_come_and_go(store):
    from sitrep.store.aggregates import kept_count

    sentence = "The TCD forces attacked the town."
    store.add(make_coded("more", sentence, [make_event(
        "more", "ASSAULT", sentence=sentence, actor_country="TCD", recipient_country="NER")]))
    for q in (EventQuery(country="TCD"), EventQuery(recipient_country="NER"),
              EventQuery(country="USA"), EventQuery(country="ZZZ")):
        scanned = len(store.query_events(EventQuery(country=q.country,
                                                    recipient_country=q.recipient_country,
                                                    limit=None)))
        assert kept_count(store, q) == store.count_events(q) == scanned
    store.conn.execute("DELETE FROM events WHERE doc_id = 'more'")
    assert kept_count(store, EventQuery(country="TCD")) == 1
    assert kept_count(store, EventQuery(recipient_country="NER")) == 0
    assert kept_count(store, EventQuery(country="TCD", modality="asserted")) is None
