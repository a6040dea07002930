"""The SQLite store: idempotent adds, filters, lookups, migrations."""

from __future__ import annotations

import sqlite3

import pytest
from factories import make_coded, make_event

from sitrep.errors import NotFoundError
from sitrep.store import EventQuery, Store, StoreError
from sitrep.store.migrations import MIGRATIONS, schema_version

TEXT_A = "The USA forces withdrew from the country. Talks went on in Niamey."
TEXT_B = "The RUS forces deployed to the base. The FRA forces withdrew from the country."


@pytest.fixture
def store() -> Store:
    store = Store(":memory:")
    store.add(make_coded("a", TEXT_A, [make_event("a", recipient_country="NER")],
                         title="US leaves", published="2024-05-03"))
    store.add(make_coded("b", TEXT_B, [
        make_event("b", "MOBILIZE", actor_country="RUS", trigger="deployed",
                   sentence="The RUS forces deployed to the base.",
                   date=("2024-01-10", "2024-01-10"), modality="future"),
        make_event("b", actor_country="FRA", start=37, date=None, location=None,
                   sentence="The FRA forces withdrew from the country."),
    ], published="2024-02-01"))
    return store


def test_adding_the_same_article_twice_changes_nothing(store: Store) -> None:
    again = make_coded("a", TEXT_A, [make_event("a")])
    assert store.add(again) is False
    assert store.stats().articles == 2
    assert store.stats().events == 3


def test_filters_by_type_country_and_modality(store: Store) -> None:
    assert [e.actors[0].country for e in store.query_events(EventQuery(event_type="retreat"))] \
        == ["USA", "FRA"]
    assert len(store.query_events(EventQuery(country="NER"))) == 1
    assert [e.event_type for e in store.query_events(EventQuery(modality="future"))] \
        == ["MOBILIZE"]


def test_date_filters_keep_overlapping_ranges_and_drop_undated(store: Store) -> None:
    april = store.query_events(EventQuery(since="2024-04-15", until="2024-04-20"))
    assert [e.doc_id for e in april] == ["a"]
    assert store.count_events(EventQuery(since="2023-01-01")) == 2


def test_text_searches_article_text_and_evidence(store: Store) -> None:
    assert {e.doc_id for e in store.query_events(EventQuery(text="Niamey"))} == {"a"}
    assert store.count_events(EventQuery(text='" OR (broken')) == 0


def test_place_and_actor_filters(store: Store) -> None:
    assert store.count_events(EventQuery(place="NER")) == 2
    assert [e.doc_id for e in store.query_events(EventQuery(actor="rus forces"))] == ["b"]


def test_paging(store: Store) -> None:
    first = store.query_events(EventQuery(limit=2, offset=0))
    rest = store.query_events(EventQuery(limit=2, offset=2))
    assert len(first) == 2 and len(rest) == 1
    assert first[0].date.start == "2024-01-10"


def test_lookups_round_trip_the_record(store: Store) -> None:
    event = store.query_events(EventQuery(country="NER"))[0]
    assert store.get_event(event.id).to_dict() == event.to_dict()
    assert [a.id for a in store.event_articles(event.id)] == ["a"]
    assert store.get_article("a").title == "US leaves"
    assert len(store.article_events("b")) == 2


def test_missing_records_raise_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.get_event("nope")
    with pytest.raises(NotFoundError):
        store.get_article("nope")


def test_same_id_with_other_text_is_refused_and_nothing_is_half_stored(store: Store) -> None:
    clash = make_coded("a", "Different words entirely.", [make_event("a", trigger="words")])
    with pytest.raises(StoreError):
        store.add(clash)
    assert store.stats().events == 3


def test_file_store_uses_wal_and_latest_schema(tmp_path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as store:
        mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
    conn = sqlite3.connect(path)
    assert schema_version(conn) == len(MIGRATIONS)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        Store(path)


def test_reports_of_one_event_from_two_outlets_merge() -> None:
    store = Store(":memory:")
    store.add(make_coded("wire", "The USA forces withdrew from the country.",
                         [make_event("wire", recipient_country="NER")], publisher="Wire A"))
    store.add(make_coded("paper", "Reports said the USA forces withdrew from the country.",
                         [make_event("paper", recipient_country="NER", start=13)],
                         publisher="Paper B"))
    store.add(make_coded("other", "The RUS forces withdrew from the country.",
                         [make_event("other", actor_country="RUS")]))
    assert store.count_events(EventQuery()) == 3
    merged = store.query_events(EventQuery(merged=True))
    assert sorted(e.doc_id for e in merged) == ["other", "wire"]
    usa = store.get_event(make_event("wire", recipient_country="NER").id)
    assert {a.publisher for a in store.event_articles(usa.id)} == {"Wire A", "Paper B"}
    assert [e.doc_id for e in store.event_reports(usa.id)] == ["wire", "paper"]


def test_a_version_1_database_is_upgraded_in_place(tmp_path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(MIGRATIONS[0])
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with Store(path) as store:
        assert schema_version(store.conn) == len(MIGRATIONS)
        store.add(make_coded("a", TEXT_A, [make_event("a")]))
        assert store.count_events(EventQuery(merged=True)) == 1
