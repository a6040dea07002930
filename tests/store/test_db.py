"""The SQLite store: idempotent adds, filters, lookups, migrations."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from factories import make_coded, make_event
from hypothesis import given, settings
from hypothesis import strategies as st

import sitrep.store.db as db
from sitrep.errors import NotFoundError
from sitrep.query import BBox
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



def spy_on_comparisons(monkeypatch) -> list[str]:  # noqa: ANN001
    """The doc ids of the stored reports each new report is compared with, as they happen."""
    compared: list[str] = []
    real = db.same_event

    def counting(a, b, rules=None):  # noqa: ANN001, ANN202
        compared.append(b.doc_id)
        return real(a, b, rules)

    monkeypatch.setattr(db, "same_event", counting)
    return compared


def spy_on_head_checks(monkeypatch, compared: list[str]) -> list[int]:  # noqa: ANN001
    """How many of the ``compared`` comparisons check a matched report's cluster head (made
    after a candidate matched, not by the lookup)."""
    made = [0]
    real = db.Store._agrees_with_cluster

    def counting(self, *args):  # noqa: ANN001, ANN002, ANN202
        before = len(compared)
        try:
            return real(self, *args)
        finally:
            made[0] += len(compared) - before

    monkeypatch.setattr(db.Store, "_agrees_with_cluster", counting)
    return made


def read_by_lookup(store: Store, event) -> list[str]:  # noqa: ANN001
    """The doc ids of the stored reports the same-event lookup reads for ``event``, before
    their columns rule any out."""
    from sitrep.cluster.events import load_rules
    from sitrep.store.keys import event_keys

    rows = db._candidates(store.conn, event_keys(event), load_rules())
    docs = dict(store.conn.execute("SELECT seq, doc_id FROM events").fetchall())
    return [docs[row[0]] for row in rows]


def test_adding_the_same_article_twice_changes_nothing(store: Store) -> None:
    again = make_coded("a", TEXT_A, [make_event("a")])
    assert store.add(again) is False
    assert store.stats().articles == 2
    assert store.stats().events == 3


def test_filters_by_type_country_and_modality(store: Store) -> None:
    assert [e.actors[0].country for e in store.query_events(EventQuery(event_type="retreat"))] \
        == ["USA", "FRA"]
    assert len(store.query_events(EventQuery(recipient_country="NER"))) == 1
    assert store.count_events(EventQuery(country="NER")) == 0
    assert store.count_events(EventQuery(country="RUS")) == 1
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
    event = store.query_events(EventQuery(recipient_country="NER"))[0]
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


def test_an_undated_report_does_not_chain_reports_years_apart_into_one_cluster() -> None:
    """An undated report matches any date, so it joins January's cluster; a report of two
    years later matches the undated one but not the cluster, and starts its own."""
    store = Store(":memory:")
    january = make_event("jan", date=("2024-01-10", "2024-01-10"))
    store.add(make_coded("jan", "Report 1: the USA forces withdrew from the country.", [january]))
    store.add(make_coded("undated", "Report 2: the USA forces withdrew from the country.",
                         [make_event("undated", date=None)]))
    later = make_event("later", date=("2026-03-02", "2026-03-02"))
    store.add(make_coded("later", "Report 3: the USA forces withdrew from the country.", [later]))
    assert [e.doc_id for e in store.event_reports(january.id)] == ["jan", "undated"]
    assert [e.doc_id for e in store.event_reports(later.id)] == ["later"]


def test_a_report_is_not_compared_with_members_of_a_cluster_dated_elsewhere(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The lookup reads the latest undated reports of a country and type; one that joined a
    cluster of another year is left out before it is decoded, and a report of the cluster's
    days is still compared with it and joins."""
    store = Store(":memory:")
    store.add(make_coded("jan", "Report 1: the USA forces withdrew from the country.",
                         [make_event("jan", date=("2024-01-10", "2024-01-10"))]))
    store.add(make_coded("undated", "Report 2: the USA forces withdrew from the country.",
                         [make_event("undated", date=None)]))
    compared = spy_on_comparisons(monkeypatch)
    later = make_event("later", date=("2026-03-02", "2026-03-02"))
    store.add(make_coded("later", "Report 3: the USA forces withdrew from the country.", [later]))
    assert compared == []
    again = make_event("again", date=("2024-01-11", "2024-01-11"))
    store.add(make_coded("again", "Report 4: the USA forces withdrew from the country.", [again]))
    assert compared == ["jan"]
    jan = store.get_event(make_event("jan", date=("2024-01-10", "2024-01-10")).id)
    assert [e.doc_id for e in store.event_reports(jan.id)] == ["jan", "undated", "again"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_cluster_of_a_feed_keeps_its_dated_members_within_each_others_days(
        seed: int) -> None:
    """The lookup's date check of whole clusters, in SQL, keeps what the writer promises: no
    two dated members of a cluster whose days do not meet (with the tolerance)."""
    from sitrep.cluster.events import load_rules
    store = Store(":memory:")
    store.add_many(_feed(seed, 160))
    slack = load_rules().across.date_tolerance_days
    spans = store.conn.execute(
        "SELECT cluster_seq, max(day_start), min(day_end), count(*) FROM events "
        "WHERE day_start IS NOT NULL GROUP BY cluster_seq").fetchall()
    assert sum(size > 1 for _, _, _, size in spans) > 20
    assert all(latest - slack <= earliest for _, latest, earliest, _ in spans)


def test_a_cluster_headed_by_an_undated_report_keeps_to_the_dates_of_its_members() -> None:
    store = Store(":memory:")
    undated = make_event("undated", date=None)
    store.add(make_coded("undated", "Report 4: the USA forces withdrew from the country.",
                         [undated]))
    store.add(make_coded("march", "Report 5: the USA forces withdrew from the country.",
                         [make_event("march", date=("2024-03-04", "2024-03-04"))]))
    store.add(make_coded("again", "Report 6: the USA forces withdrew from the country.",
                         [make_event("again", date=("2024-03-05", "2024-03-05"))]))
    store.add(make_coded("later", "Report 7: the USA forces withdrew from the country.",
                         [make_event("later", date=("2025-09-01", "2025-09-01"))]))
    assert [e.doc_id for e in store.event_reports(undated.id)] == ["undated", "march", "again"]
    assert store.count_events(EventQuery(merged=True)) == 2


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


def test_like_wildcards_in_filters_are_plain_characters(store: Store) -> None:
    assert store.count_events(EventQuery(actor="%")) == 0
    assert store.count_events(EventQuery(actor="_")) == 0
    assert store.count_events(EventQuery(place="%")) == 0
    store.add(make_coded("pct", "The 100% forces withdrew from the country.",
                         [make_event("pct", sentence="The 100% forces withdrew.",
                                     actor_country="MLI")]))
    store.get_event(make_event("pct", sentence="The 100% forces withdrew.",
                               actor_country="MLI").id)
    assert store.count_events(EventQuery(actor="%")) == 0
    assert store.count_events(EventQuery(actor="mli forces")) == 1


def test_keyset_pages_cover_every_event_once_in_order(store: Store) -> None:
    for i in range(7):
        store.add(make_coded(f"k{i}", f"Text {i}.", [make_event(
            f"k{i}", actor_country="TCD", date=(f"2024-03-0{i + 1}", f"2024-03-0{i + 1}"))]))
    everything = [e.id for e in store.iter_events(EventQuery(limit=None))]
    seen, after = [], None
    while True:
        page, after = store.page_events(EventQuery(limit=3, after=after))
        seen += [e.id for e in page]
        if after is None:
            break
    assert seen == everything and len(seen) == 10
    tchad, cursor = store.page_events(EventQuery(country="TCD", limit=4))
    rest, end = store.page_events(EventQuery(country="TCD", limit=4, after=cursor))
    assert [e.date.start for e in tchad + rest] == [f"2024-03-0{i + 1}" for i in range(7)]
    assert end is None


def test_an_unknown_cursor_is_a_clear_error(store: Store) -> None:
    from sitrep.query import QueryError

    with pytest.raises(QueryError, match="after"):
        store.query_events(EventQuery(after="no-such-event"))


def test_an_event_is_found_by_a_unique_prefix_of_its_id(store: Store) -> None:
    from sitrep.store import AmbiguousIdError

    ids = sorted(e.id for e in store.iter_events(EventQuery(limit=None)))
    assert store.event_id_for(ids[0]) == ids[0]
    assert store.event_id_for(ids[0][:12]) == ids[0]
    with pytest.raises(AmbiguousIdError, match="matches"):
        store.event_id_for("")
    with pytest.raises(NotFoundError):
        store.event_id_for("zz")


def test_the_merge_lookup_compares_only_events_near_in_type_country_and_time(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Stored reports months away, of another type or another country, are never compared."""

    store = Store(":memory:")
    for month in range(1, 13):
        for i, (kind, country) in enumerate([("RETREAT", "USA"), ("AID", "USA"),
                                             ("RETREAT", "FRA")]):
            day = f"2023-{month:02d}-15"
            doc = f"m{month}-{i}"
            store.add(make_coded(doc, f"Report {doc}.", [make_event(
                doc, kind, actor_country=country, date=(day, day))]))
    compared = spy_on_comparisons(monkeypatch)
    store.add(make_coded("new", "The new report.", [make_event(
        "new", actor_country="USA", date=("2023-06-16", "2023-06-16"))]))
    assert compared == ["m6-0"]
    merged = store.get_event(make_event("new", actor_country="USA",
                                        date=("2023-06-16", "2023-06-16")).id)
    assert [e.doc_id for e in store.event_reports(merged.id)] == ["m6-0", "new"]


def test_a_version_2_database_gets_country_rows_and_keys(tmp_path) -> None:
    import json

    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:2]:
        conn.executescript(script)  # type: ignore[arg-type]
    conn.execute("PRAGMA user_version = 2")
    event = make_event("a", recipient_country="NER", date=("2024-01-02", "2024-01-03"))
    conn.execute("INSERT INTO articles (id, content_hash, text) VALUES ('a', 'h', 'x')")
    conn.execute("INSERT INTO events (id, doc_id, event_type, modality, date_start, date_end, "
                 "evidence, confidence, record, cluster_id) VALUES (?, 'a', 'RETREAT', "
                 "'asserted', '2024-01-02', '2024-01-03', ?, 0.8, ?, ?)",
                 (event.id, event.evidence.sentence, json.dumps(event.to_dict()), event.id))
    conn.execute("INSERT INTO event_sources VALUES (?, 'a')", (event.id,))
    conn.close()
    with Store(path) as store:
        assert store.count_events(EventQuery(country="USA")) == 1
        assert store.count_events(EventQuery(recipient_country="NER")) == 1
        assert store.count_events(EventQuery(text="forces")) == 1
        assert store.event_articles(event.id)[0].id == "a"
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_threads_read_through_their_own_connections(tmp_path) -> None:
    import threading

    with Store(tmp_path / "t.db") as store:
        store.add(make_coded("a", TEXT_A, [make_event("a")]))
        seen: list = []
        thread = threading.Thread(target=lambda: seen.append(
            (store.conn, store.count_events(EventQuery()))))
        thread.start()
        thread.join()
        assert seen[0][1] == 1
        assert seen[0][0] is not store.conn


def test_undated_reports_are_compared_with_the_latest_few_only(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Undated reports match any date (per the rules), so only the most recent of a country
    and type are candidates: adding stays as cheap in a large store as in a small one."""

    store = Store(":memory:")
    for i, recipient in enumerate(["NER", "MLI", "TCD", "SDN"]):
        store.add(make_coded(f"u{i}", f"Undated {i}.", [make_event(
            f"u{i}", recipient_country=recipient, date=None)]))
    monkeypatch.setattr(db, "SEARCH_REACH", 2)
    new = make_event("new", recipient_country="BFA", date=None)
    assert read_by_lookup(store, new) == ["u2", "u3"]
    compared = spy_on_comparisons(monkeypatch)
    store.add(make_coded("new", "New.", [new]))
    assert compared == []  # both aimed at another country: ruled out by their columns


def _varied_store() -> Store:
    """Reports of several countries, places, spans (a day to a decade) and undated ones."""
    store = Store(":memory:")
    spans = [("2024-03-02", "2024-03-02"), ("2024-02-26", "2024-03-03"),
             ("2024-03-01", "2024-03-31"), ("2024-01-01", "2024-12-31"),
             ("2015-01-01", "2024-12-31"), ("2001-01-01", "2024-12-31"),
             ("2024-06-10", "2024-06-10"), ("2023-11-05", "2023-11-05"), None]
    places = [("Niamey", "NER", "city"), ("Niger", "NER", "country"),
              ("Bamako", "MLI", "city"), None]
    batch = []
    for i in range(36):
        doc = f"v{i}"
        batch.append(make_coded(doc, f"Report {i} from Niamey.", [make_event(
            doc, ["RETREAT", "AID", "MOBILIZE"][i % 3], actor_country=["USA", "FRA"][i % 2],
            recipient_country=["NER", None, "MLI"][i % 3], date=spans[i % len(spans)],
            location=places[i % len(places)], modality=["asserted", "future"][i % 5 == 0])]))
    assert store.add_many(batch) == [True] * len(batch)
    return store


def _slow_path(store: Store, keep) -> list[str]:
    """The ids of every stored event that ``keep`` accepts, in the store's order."""
    return [e.id for e in store.iter_events(EventQuery(limit=None)) if keep(e)]


@pytest.mark.parametrize(("since", "until"), [("2024-03-01", "2024-03-31"),
                                              ("2024-06-01", None), (None, "2023-12-31"),
                                              ("2010-01-01", "2010-12-31")])
@pytest.mark.parametrize("country", [None, "USA"])
def test_a_date_window_selects_what_overlaps_it_as_a_scan_would(since, until, country) -> None:
    store = _varied_store()
    q = EventQuery(since=since, until=until, country=country, limit=None)

    def keep(e) -> bool:
        return (e.date is not None and (since is None or e.date.end >= since)
                and (until is None or e.date.start <= until)
                and (country is None or e.actors[0].country == country))

    assert [e.id for e in store.iter_events(q)] == _slow_path(store, keep)
    assert store.count_events(q) == len(_slow_path(store, keep))
    pages, after = [], None
    while True:
        page, after = store.page_events(replace(q, limit=4, after=after))
        pages += [e.id for e in page]
        if after is None:
            break
    assert pages == _slow_path(store, keep)


def test_a_date_window_reads_each_span_class_from_its_own_index_range() -> None:
    from sitrep.store.db import _select

    store = _varied_store()
    for q in (EventQuery(since="2024-03-01"), EventQuery(since="2024-03-01", country="USA")):
        sql, params = _select(q, None).select("e.id")
        plan = " ".join(r[3] for r in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
        assert "span_class=?" in plan and "TEMP B-TREE" not in plan
        assert "SCAN e" not in plan and "SCAN c" not in plan


def test_a_country_page_merges_its_span_classes_in_sort_order_without_sorting() -> None:
    """With no second index by country and sort key, a country's page is the span classes'
    ranges of ``event_countries_span`` merged, either way, and reads as the slow path does."""
    from sitrep.store.db import _select

    store = _varied_store()
    wanted = [(EventQuery(country="USA"), lambda e: e.actors[0].country == "USA"),
              (EventQuery(recipient_country="NER"),
               lambda e: [r.country for r in e.recipients] == ["NER"]),
              (EventQuery(country="FRA", event_type="AID"),
               lambda e: e.actors[0].country == "FRA" and e.event_type == "AID")]
    for q, keep in wanted:
        for newest in (False, True):
            sql, params = _select(q, None, newest=newest).select("e.id")
            plan = " ".join(r[3] for r in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}",
                                                             params))
            assert "event_countries_span" in plan and "TEMP B-TREE" not in plan
        assert _pages(store, q) == _slow_path(store, keep) != []
        assert store.count_events(q) == len(_slow_path(store, keep))


@pytest.mark.parametrize(("place", "wanted"), [
    ("NER", lambda e: e.location is not None and e.location.country_code == "NER"),
    ("Niger", lambda e: e.location is not None and e.location.country_code == "NER"),
    ("niamey", lambda e: e.location is not None and e.location.name == "Niamey"),
    ("Nia", lambda e: False),
])
def test_the_place_filter_is_a_country_or_an_exact_place_name(place, wanted) -> None:
    from sitrep.query import parse_place

    store = _varied_store()
    q = EventQuery(place=parse_place(place), limit=None)
    assert [e.id for e in store.iter_events(q)] == _slow_path(store, wanted)
    assert store.count_events(q) == len(_slow_path(store, wanted))


def test_the_place_filter_reads_an_index() -> None:
    from sitrep.store.db import _select

    store = _varied_store()
    for place in ("NER", "Niamey"):
        sql, params = _select(EventQuery(place=place), None).select("e.id")
        plan = " ".join(r[3] for r in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
        assert "USING INDEX events_place" in plan and "TEMP B-TREE" not in plan


@pytest.mark.parametrize("q", [EventQuery(), EventQuery(modality="future"),
                               EventQuery(event_type="AID", modality="asserted"),
                               EventQuery(since="2024-03-01", until="2024-03-31"),
                               EventQuery(country="USA"), EventQuery(text="Niamey")])
def test_counts_equal_the_events_listed(q: EventQuery) -> None:
    store = _varied_store()
    assert store.count_events(q) == len(store.query_events(replace(q, limit=None)))


def test_many_articles_in_one_transaction_store_as_one_by_one() -> None:
    articles = [make_coded(f"d{i}", f"Report {i}.", [make_event(
        f"d{i}", actor_country="USA", date=("2024-03-0" + str(1 + i % 3),) * 2)])
        for i in range(6)]
    one = Store(":memory:")
    for coded in articles:
        one.add(coded)
    many = Store(":memory:")
    clash = make_coded("d0", "Other text.", [make_event("d0")])
    outcomes = many.add_many([*articles, articles[0], clash])
    assert outcomes[:7] == [True] * 6 + [False]
    assert isinstance(outcomes[7], StoreError)
    rows = "SELECT id, cluster_id FROM events ORDER BY seq"
    assert many.conn.execute(rows).fetchall() == one.conn.execute(rows).fetchall()


def test_every_arm_of_the_same_event_lookup_is_a_bounded_index_range() -> None:
    """The lookup reads the merge index by country, type and span class, each arm within a
    window or up to a few rows: never a scan of a country's reports."""
    from sitrep.cluster.events import load_rules
    from sitrep.store.keys import event_keys

    store = _varied_store()
    seen: list[tuple[str, list]] = []

    class Recording:
        def execute(self, sql: str, params: list):
            seen.append((sql, params))
            return store.conn.execute(sql, params)

    for dates in (("2024-03-02", "2024-03-02"), None):
        db._candidates(Recording(), event_keys(make_event("x", date=dates)), load_rules())
    for sql, params in seen:
        plan = [r[3] for r in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
        searches = [p for p in plan if "event_countries" in p]
        assert searches and all("event_countries_merge" in p and "span_class=?" in p
                                for p in searches)


def test_a_version_7_store_keeps_its_articles_searchable_by_a_stable_key(tmp_path) -> None:
    """Step 8 keys the articles' full-text index by ``seq`` (their old rowid), rebuilt from the
    stored text: a VACUUM after a deletion no longer points the index at other articles."""
    import json

    from sitrep.store.migrations import Step, _run

    path = tmp_path / "v7.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for number, step in enumerate(MIGRATIONS[:7], start=1):
        _run(conn, step if isinstance(step, Step) else Step(step))
        conn.execute(f"PRAGMA user_version = {number}")
    for doc, text in (("x", "An article about nothing."), ("a", TEXT_A), ("b", TEXT_B)):
        conn.execute("INSERT INTO articles (id, content_hash, text) VALUES (?, ?, ?)",
                     (doc, f"h{doc}", text))
    event = make_event("b", "MOBILIZE", actor_country="RUS", trigger="deployed",
                       sentence="The RUS forces deployed to the base.")
    conn.execute("INSERT INTO events (id, doc_id, event_type, modality, evidence, confidence, "
                 "record, cluster_id, sort_key) VALUES (?, 'b', 'MOBILIZE', 'asserted', ?, 0.8, "
                 "?, ?, '')", (event.id, event.evidence.sentence, json.dumps(event.to_dict()),
                               event.id))
    rowids = dict(conn.execute("SELECT id, rowid FROM articles").fetchall())
    conn.close()
    with Store(path) as store:
        assert dict(store.conn.execute("SELECT id, seq FROM articles").fetchall()) == rowids
        store.add(make_coded("c", "Later the FRA forces withdrew.", [make_event("c")]))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DELETE FROM articles WHERE id = 'x'")
    conn.execute("VACUUM")
    conn.close()
    with Store(path) as store:
        assert {e.doc_id for e in store.query_events(EventQuery(text="Niamey"))} == set()
        assert {e.doc_id for e in store.query_events(EventQuery(text="base"))} == {"b"}
        assert {e.doc_id for e in store.query_events(EventQuery(text="Later"))} == {"c"}
        hits = store.conn.execute("SELECT a.id FROM articles_fts f JOIN articles a "
                                  "ON a.seq = f.rowid WHERE articles_fts MATCH 'Niamey'")
        assert [r[0] for r in hits] == ["a"]


def test_the_situation_reads_its_index_and_finds_what_every_event_gives() -> None:
    from sitrep.situation import situation

    store = _varied_store()
    every = situation(store.iter_events(EventQuery(merged=True, limit=None)))
    indexed = list(store.situation_events())
    assert situation(indexed) == every
    assert 0 < len(indexed) < store.count_events(EventQuery(merged=True))


@pytest.mark.parametrize("as_of", [None, date(2024, 3, 1), date(2024, 3, 15), date(2023, 1, 1),
                                   date(2030, 1, 1)])
def test_the_kept_facts_give_the_situation_of_every_event(as_of) -> None:
    from sitrep.situation import situation, stored_situation

    store = _varied_store()
    every = situation(store.iter_events(EventQuery(merged=True, limit=None)), as_of=as_of)
    assert stored_situation(store, as_of) == every
    assert every.presence or every.expected or as_of == date(2023, 1, 1)


def test_the_kept_facts_come_in_the_order_the_situation_applies_them() -> None:
    from sitrep.situation.state import _order

    store = _varied_store()
    kept = list(store.situation_facts())
    assert kept == sorted(kept, key=_order)
    assert {f["id"] for f in kept} == {e.id for e in store.situation_events()}
    assert [f["id"] for f in store.situation_facts("2024-03-01")] == [
        f["id"] for f in kept if f["start"] is None or f["start"] <= "2024-03-01"]


def test_the_situation_index_is_rebuilt_when_the_rules_change(monkeypatch) -> None:

    store = _varied_store()
    before = [e.id for e in store.situation_events()]
    kept = list(store.situation_facts())
    store.conn.execute("DELETE FROM situation_events")
    assert list(store.situation_events()) == []  # same rules: the index is trusted
    monkeypatch.setattr(db, "_situation_rules", lambda: "other rules")
    assert [e.id for e in store.situation_events()] == before
    assert list(store.situation_facts()) == kept
    assert store.conn.execute("SELECT value FROM store_meta").fetchone()[0] == "other rules"


def test_a_new_store_trusts_the_situation_index_its_writer_fills(monkeypatch) -> None:

    store = _varied_store()
    rebuilt: list[bool] = []
    real = db._situation_facts
    monkeypatch.setattr(db, "_situation_facts",
                        lambda event: rebuilt.append(True) or real(event))
    assert list(store.situation_events())
    assert list(store.situation_facts())
    assert rebuilt == []  # read from the index, no pass over every event


def _drop_step_16(conn: sqlite3.Connection) -> None:
    """Undo step 16 on a store made by the running code: as a version-15 writer left it."""
    for trigger in ("cluster_days_ai", "cluster_days_ad", "cluster_days_au"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP TABLE cluster_days")
    conn.execute("DROP INDEX event_countries_merge")
    conn.execute("ALTER TABLE event_countries DROP COLUMN cluster_seq")
    conn.execute("CREATE INDEX event_countries_merge ON event_countries(country, event_type, "
                 "span_class, day_start, event_seq, day_end, place, modality, recipients) "
                 "WHERE role = 'actor'")


def _drop_step_15(conn: sqlite3.Connection) -> None:
    """Undo steps 15 and 16 on a store made by the running code: as a version-14 writer left
    it."""
    _drop_step_16(conn)
    conn.execute("DROP INDEX events_seq_cluster")
    conn.execute("DROP INDEX events_cluster_seq")
    conn.execute("CREATE INDEX events_cluster_seq ON events(cluster_seq)")


def _drop_step_14(conn: sqlite3.Connection) -> None:
    """Undo steps 14 and 15 on a store made by the running code: as a version-13 writer left
    it."""
    _drop_step_15(conn)
    conn.execute("DROP INDEX event_countries_merge")
    conn.execute("ALTER TABLE event_countries DROP COLUMN recipients")
    conn.execute("CREATE INDEX event_countries_merge ON event_countries(country, event_type, "
                 "span_class, day_start, event_seq, day_end, place, modality) "
                 "WHERE role = 'actor'")
    conn.execute("CREATE INDEX event_countries_filter ON event_countries(country, role, "
                 "sort_key)")


def _drop_after_step_10(conn: sqlite3.Connection) -> None:
    """Undo steps 11 to 14 on a store made by the running code."""
    _drop_step_14(conn)
    conn.execute("DROP INDEX event_countries_merge")
    for column in ("day_end", "place", "modality"):
        conn.execute(f"ALTER TABLE event_countries DROP COLUMN {column}")
    conn.execute("CREATE INDEX event_countries_merge ON event_countries(country, event_type, "
                 "span_class, day_start) WHERE role = 'actor'")
    conn.execute("ALTER TABLE events DROP COLUMN shape")
    conn.execute("DROP TABLE country_totals")
    conn.execute("DROP TRIGGER country_totals_ai")
    conn.execute("DROP TRIGGER country_totals_ad")


def _version(path, version: int) -> sqlite3.Connection:
    """A database at an older schema ``version``, built by the released steps."""
    from sitrep.store.migrations import Step, _run

    conn = sqlite3.connect(path, isolation_level=None)
    for number, step in enumerate(MIGRATIONS[:version], start=1):
        _run(conn, step if isinstance(step, Step) else Step(step))
        conn.execute(f"PRAGMA user_version = {number}")
    return conn


def test_a_version_8_store_keys_its_clusters_by_seq_and_keeps_every_source(tmp_path) -> None:
    """Step 9 indexes clusters by the head's ``seq`` and drops the source rows the events'
    ``doc_id`` already gives: every report, cluster, article and source reads as before."""
    path = tmp_path / "v8.db"
    with Store(path) as old:
        old.add(make_coded("a", TEXT_A, [make_event("a", date=("2024-05-01", "2024-05-01"))]))
        old.add(make_coded("b", "Later the USA forces withdrew.", [
            make_event("b", date=("2024-05-01", "2024-05-01"))]))
        old.add(make_coded("c", TEXT_B, [make_event("c", actor_country="FRA")]))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA user_version = 8")  # as a version-8 writer left it
    _drop_after_step_10(conn)
    conn.execute("DROP INDEX events_cluster_seq")
    conn.execute("CREATE INDEX events_cluster ON events(cluster_id)")
    conn.execute("ALTER TABLE events DROP COLUMN cluster_seq")
    ids = [r[0] for r in conn.execute("SELECT id FROM events ORDER BY seq")]
    conn.executemany("INSERT INTO event_sources VALUES (?, ?)",
                     [(ids[0], "a"), (ids[1], "b"), (ids[2], "c"), (ids[2], "a")])
    conn.close()
    with Store(path) as store:
        assert schema_version(store.conn) == len(MIGRATIONS)
        assert [e.doc_id for e in store.event_reports(ids[1])] == ["a", "b"]
        assert [a.id for a in store.event_articles(ids[0])] == ["a", "b"]
        assert [a.id for a in store.event_articles(ids[2])] == ["a", "c"]  # the odd pair kept
        sources = store.conn.execute("SELECT event_id, article_id FROM event_sources")
        assert [tuple(r) for r in sources] == [(ids[2], "a")]
        assert {e.id for e in store.query_events(EventQuery(article_id="a"))} == {ids[0], ids[2]}
        assert {e.id for e in store.query_events(EventQuery(merged=True, limit=None))} == {
            ids[0], ids[2]}
        plan = " ".join(r[3] for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT seq FROM events WHERE cluster_seq = 1"))
        assert "events_cluster_seq" in plan


def test_a_version_9_store_gets_the_facts_of_its_situation_on_first_read(tmp_path) -> None:
    """Step 10 makes the situation's index anew (a version-9 index lists events, no facts):
    the first read fills it from the events, and the situation is what every event gives."""
    from sitrep.situation import situation, stored_situation

    path = tmp_path / "v9.db"
    with Store(path) as old:
        old.add_many([make_coded(f"s{i}", f"Report {i}.", [make_event(
            f"s{i}", ["MOBILIZE", "RETREAT"][i % 2], trigger=["deployed", "withdrawing"][i % 2],
            date=(f"2024-0{i + 1}-01",) * 2, modality=["asserted", "future"][i // 3])])
            for i in range(5)])
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA user_version = 9")  # as a version-9 writer left it
    _drop_after_step_10(conn)
    conn.execute("DROP TABLE situation_events")
    conn.execute("CREATE TABLE situation_events (event_seq INTEGER PRIMARY KEY "
                 "REFERENCES events(seq) ON DELETE CASCADE)")
    conn.execute("INSERT INTO situation_events SELECT seq FROM events")
    conn.close()
    with Store(path) as store:
        assert schema_version(store.conn) == len(MIGRATIONS)
        every = situation(store.iter_events(EventQuery(merged=True, limit=None)))
        assert every.presence and every.expected
        assert stored_situation(store) == every


def test_a_new_report_joins_its_cluster_by_seq_and_writes_no_redundant_source() -> None:
    store = Store(":memory:")
    store.add(make_coded("a", TEXT_A, [make_event("a", date=("2024-05-01", "2024-05-01"))]))
    store.add(make_coded("b", "Then the USA forces withdrew.", [
        make_event("b", date=("2024-05-02", "2024-05-02"))]))
    rows = store.conn.execute("SELECT seq, cluster_seq, cluster_id = (SELECT id FROM events "
                              "WHERE seq = 1) FROM events ORDER BY seq").fetchall()
    assert [tuple(r) for r in rows] == [(1, 1, 1), (2, 1, 1)]
    assert store.conn.execute("SELECT count(*) FROM event_sources").fetchone()[0] == 0
    later = make_event("b", date=("2024-05-02", "2024-05-02")).id
    assert [a.id for a in store.event_articles(later)] == ["a", "b"]


def test_a_long_report_is_compared_with_the_latest_reports_of_its_span_only(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A report of a whole year overlaps every day of it: each arm gives its latest few."""

    store = Store(":memory:")
    for day in range(1, 29):
        doc = f"d{day}"
        store.add(make_coded(doc, f"Report {doc}.", [make_event(
            doc, recipient_country="NER", date=(f"2023-02-{day:02d}",) * 2)]))
    monkeypatch.setattr(db, "SEARCH_REACH", 3)
    year = make_event("year", recipient_country="MLI", date=("2023-01-01", "2023-12-31"))
    assert read_by_lookup(store, year) == ["d26", "d27", "d28"]
    compared = spy_on_comparisons(monkeypatch)
    store.add(make_coded("year", "Year.", [year]))
    assert compared == []  # aimed at another country: ruled out by their columns


def _ordered_store() -> Store:
    """Articles stored in an order unlike their dates, one undated event, all saying Niamey."""
    store = Store(":memory:")
    for doc, day in (("s1", "2024-03-05"), ("s2", "2024-01-10"), ("s3", None),
                     ("s4", "2024-06-01"), ("s5", "2024-02-20")):
        date = (day, day) if day else None
        store.add(make_coded(doc, f"Report {doc} from Niamey.", [
            make_event(doc, date=date), make_event(doc, "AID", start=1, date=date)]))
    return store


def _pages(store: Store, q: EventQuery) -> list[str]:
    """Every event id, page after page through the keyset cursor."""
    ids: list[str] = []
    cursor = None
    while True:
        page, cursor = store.page_events(replace(q, limit=3, after=cursor))
        ids += [e.id for e in page]
        if cursor is None:
            return ids


def test_newest_lists_the_latest_dates_first_and_undated_events_last() -> None:
    store = _ordered_store()
    oldest = store.query_events(EventQuery(limit=None))
    newest = store.query_events(EventQuery(limit=None, newest=True))
    days = [e.date.start if e.date else None for e in newest]
    assert days[:2] == ["2024-06-01"] * 2 and days[-2:] == [None, None]
    assert [e.id for e in newest[:-2]] == [e.id for e in reversed(oldest[:-2])]
    assert _pages(store, EventQuery(newest=True)) == [e.id for e in newest]
    assert [e.id for e in store.query_events(EventQuery(newest=True, limit=3, offset=8))] == [
        e.id for e in newest[8:]]
    assert store.query_events(EventQuery(newest=True, bbox=None, country="USA", limit=1))[
        0].date.start == "2024-06-01"


def test_a_text_search_lists_in_stored_order_and_pages_through_every_match_once() -> None:
    store = _ordered_store()
    stored = [r[0] for r in store.conn.execute("SELECT id FROM events ORDER BY seq")]
    found = store.query_events(EventQuery(text="Niamey", limit=None))
    assert [e.id for e in found] == stored
    latest = store.query_events(EventQuery(text="Niamey", limit=None, newest=True))
    assert [e.id for e in latest] == stored[::-1]
    assert _pages(store, EventQuery(text="Niamey")) == stored
    assert _pages(store, EventQuery(text="Niamey", newest=True)) == stored[::-1]
    assert [e.id for e in store.query_events(EventQuery(text="Niamey", event_type="AID",
                                                        limit=None))] == stored[1::2]


def test_a_text_search_counts_up_to_a_bound_when_asked() -> None:
    store = _ordered_store()
    assert store.count_events(EventQuery(text="Niamey")) == 10
    assert store.count_events(EventQuery(text="Niamey"), at_most=4) == 4
    assert store.count_events(EventQuery(text="Niamey"), at_most=50) == 10
    assert store.count_events(EventQuery(text="withdrew", event_type="AID")) == 5


def test_step_9_gives_a_cluster_whose_head_was_deleted_its_earliest_remaining_report(
        tmp_path) -> None:
    path = tmp_path / "v8.db"
    conn = _version(path, 8)
    for doc in ("a", "b", "c"):
        conn.execute("INSERT INTO articles (id, content_hash, text) VALUES (?, ?, 'x')",
                     (doc, f"h{doc}"))
    for seq, doc in ((1, "b"), (2, "c")):
        conn.execute("INSERT INTO events (seq, id, doc_id, event_type, modality, evidence, "
                     "confidence, record, cluster_id, sort_key) VALUES (?, ?, ?, 'AID', "
                     "'asserted', 'x', 0.5, '{}', 'gone', '')", (seq, f"e{doc}", doc))
    conn.execute("INSERT INTO events (seq, id, doc_id, event_type, modality, evidence, "
                 "confidence, record, cluster_id, sort_key) VALUES (3, 'ea', 'a', 'AID', "
                 "'asserted', 'x', 0.5, '{}', 'ea', '')")
    conn.close()
    with Store(path) as store:
        rows = store.conn.execute("SELECT id, cluster_id, cluster_seq FROM events ORDER BY seq")
        assert [tuple(r) for r in rows] == [("eb", "gone", 1), ("ec", "gone", 1),
                                            ("ea", "ea", 3)]


def test_a_long_report_compares_the_latest_reports_across_span_classes_together(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The classes read with a bound share it: a year's report meets the latest few reports
    of its country and type whatever their span, not a few of every span."""

    store = Store(":memory:")
    spans = [("d1", ("2023-03-01", "2023-03-01")), ("w1", ("2023-05-01", "2023-05-07")),
             ("m1", ("2023-04-01", "2023-04-30")), ("d2", ("2023-06-10", "2023-06-10")),
             ("m2", ("2023-02-01", "2023-02-28"))]
    for doc, dates in spans:
        store.add(make_coded(doc, f"Report {doc}.", [make_event(
            doc, recipient_country="NER", date=dates)]))
    monkeypatch.setattr(db, "SEARCH_REACH", 2)
    year = make_event("year", recipient_country="MLI", date=("2023-01-01", "2023-12-31"))
    assert read_by_lookup(store, year) == ["w1", "d2"]


def test_the_record_shape_names_every_record_an_event_holds(monkeypatch) -> None:
    from dataclasses import dataclass

    from sitrep.store import keys

    shape: dict[str, list[str]] = {}
    keys._shape_of(db.Event, shape)
    assert {"Event", "Actor", "Location", "EventDate", "Evidence", "Claimant",
            "Quantity"} <= set(shape)
    assert "acled" in shape["Event"]
    before = keys.record_shape()
    @dataclass
    class Wider(db.Event):  # the record as a later version with one more field would have it
        new_field: str = ""

    Wider.__name__ = "Event"
    Wider.__module__ = "sitrep.model"
    keys.record_shape.cache_clear()
    monkeypatch.setattr(keys, "Event", Wider)
    try:
        assert keys.record_shape() != before
    finally:
        keys.record_shape.cache_clear()


@pytest.mark.parametrize("q", [
    EventQuery(limit=7, country="USA"),
    EventQuery(limit=5, offset=3),
    EventQuery(limit=6, newest=True),
    EventQuery(limit=40, newest=True, offset=30),  # into the undated events
    EventQuery(limit=4, since="2024-03-01", until="2024-03-31"),
    EventQuery(limit=5, place="NER", modality="future"),
    EventQuery(limit=3, bbox=BBox(0.0, 10.0, 5.0, 15.0)),
    EventQuery(limit=4, text="Niamey"),
    EventQuery(limit=None, event_type="AID"),
    EventQuery(limit=5, country="ZZZ"),
])
def test_a_page_as_json_is_the_page_of_events_encoded(q: EventQuery) -> None:
    store = _varied_store()
    events, cursor = store.page_events(q)
    texts, cursor_json = store.page_json(q)
    assert [json.loads(t) for t in texts] == [e.to_dict() for e in events]
    assert cursor_json == cursor
    if cursor is not None:  # and the next page, through the cursor
        after = replace(q, after=cursor, offset=0)
        assert [json.loads(t) for t in store.page_json(after)[0]] == [
            e.to_dict() for e in store.page_events(after)[0]]


def test_the_merge_lookup_decodes_no_report_its_columns_rule_out(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports of the same country, type and days but placed in another country, or in
    conflicting modality, are ruled out by their columns, never compared."""
    store = Store(":memory:")
    kept = [("chad", dict(location=("Chad", "TCD", "country"))),
            ("denied", dict(modality="negated")),
            ("same", {})]
    for doc, fields in kept:
        store.add(make_coded(doc, f"Report {doc}.", [make_event(doc, **fields)]))
    store._decoded.clear()
    compared = spy_on_comparisons(monkeypatch)
    store.add(make_coded("new", "The new report.", [make_event("new")]))
    assert compared == ["same"]
    assert [e.doc_id for e in store.event_reports(make_event("new").id)] == ["same", "new"]


def test_the_columns_of_a_stored_event_are_its_outline() -> None:
    from sitrep.cluster.events import Outline, outline

    store = Store(":memory:")
    events = [make_event("o", date=("2024-04-30", "2024-04-01"), start=0),
              make_event("o", date=None, location=None, start=10, modality="future"),
              make_event("o", date=("2024-04-02", ""), start=20,
                         location=("Niamey", "NER", "city"))]
    store.add(make_coded("o", "x" * 40, events))
    rows = store.conn.execute("SELECT record, location_country, day_start, day_end, modality "
                              "FROM events ORDER BY seq").fetchall()
    assert len(rows) == 3
    for record, place, first, last, modality in rows:
        event = db.Event.from_dict(json.loads(record))
        days = None if first is None else (first, last)
        assert Outline(place, days, modality) == outline(event)


def test_a_version_12_store_keeps_the_outline_of_each_actor_row_in_the_lookup_index(
        tmp_path) -> None:
    """Step 13 fills the country rows' outline from the stored events: a version-12 store's
    reports merge as before, and the lookup reads the outline from its index alone."""
    path = tmp_path / "v12.db"
    with Store(path) as old:
        old.add(make_coded("a", TEXT_A, [make_event("a", recipient_country="NER")]))
        old.add(make_coded("c", TEXT_B, [make_event("c", actor_country="FRA", date=None,
                                                    location=None, modality="future")]))
    conn = sqlite3.connect(path, isolation_level=None)
    _drop_step_14(conn)
    conn.execute("DROP INDEX event_countries_merge")
    for column in ("day_end", "place", "modality"):
        conn.execute(f"ALTER TABLE event_countries DROP COLUMN {column}")
    conn.execute("CREATE INDEX event_countries_merge ON event_countries(country, event_type, "
                 "span_class, day_start) WHERE role = 'actor'")
    conn.execute("PRAGMA user_version = 12")
    conn.close()
    with Store(path) as store:
        assert schema_version(store.conn) == len(MIGRATIONS)
        rows = store.conn.execute("SELECT role, country, day_end, place, modality "
                                  "FROM event_countries ORDER BY event_seq, role").fetchall()
        assert [tuple(r) for r in rows] == [("actor", "USA", 739006, "NER", "asserted"),
                                            ("recipient", "NER", None, None, None),
                                            ("actor", "FRA", None, None, "future")]
        store.add(make_coded("b", "Later the USA forces withdrew.", [make_event("b")]))
        assert [e.doc_id for e in store.event_reports(make_event("b").id)] == ["a", "b"]
        plan = " ".join(r[3] for r in store.conn.execute(
            f"EXPLAIN QUERY PLAN SELECT {db._OUTLINED} FROM event_countries WHERE "
            "role = 'actor' AND country = 'USA' AND event_type = 'RETREAT' AND span_class = 2 "
            "AND day_start BETWEEN 1 AND 2"))
        assert "COVERING INDEX event_countries_merge" in plan


def test_a_version_14_store_reads_its_clusters_days_from_the_index_alone(tmp_path) -> None:
    """Step 15 indexes each event's cluster and each member's days: a version-14 store's
    reports merge as before, and the lookup's date check of a candidate's cluster reads no
    row of the table."""
    path = tmp_path / "v14.db"
    with Store(path) as old:
        old.add(make_coded("a", TEXT_A, [make_event("a", recipient_country="NER")]))
    conn = sqlite3.connect(path, isolation_level=None)
    _drop_step_15(conn)
    conn.execute("PRAGMA user_version = 14")
    conn.close()
    with Store(path) as store:
        assert schema_version(store.conn) == len(MIGRATIONS)
        store.add(make_coded("b", "Later the USA forces withdrew.", [make_event("b")]))
        assert [e.doc_id for e in store.event_reports(make_event("a").id)] == ["a", "b"]
        assert _cluster_days(store) == [(1, APRIL_1, APRIL_1 + 29)]


APRIL_1 = date(2024, 4, 1).toordinal()
"""The first day of the factory's default date (April 2024)."""


def _cluster_days(store: Store) -> list[tuple]:
    return [tuple(r) for r in store.conn.execute("SELECT * FROM cluster_days ORDER BY 1")]


def test_a_version_15_store_reads_a_clusters_days_from_one_row(tmp_path) -> None:
    """Step 16 keeps each cluster's dates in one row (the latest first day and the earliest
    last day of its dated members) and each actor row's cluster in the lookup's index: a
    version-15 store's clusters get theirs, its reports merge as before, and the lookup's date
    check of a candidate reads that row by its key."""
    path = tmp_path / "v15.db"
    with Store(path) as old:
        old.add(make_coded("a", TEXT_A, [make_event("a", recipient_country="NER")]))
        old.add(make_coded("c", TEXT_B, [make_event("c", actor_country="FRA", date=None,
                                                    location=None)]))
    conn = sqlite3.connect(path, isolation_level=None)
    _drop_step_16(conn)
    conn.execute("PRAGMA user_version = 15")
    conn.close()
    with Store(path) as store:
        assert schema_version(store.conn) == len(MIGRATIONS)
        assert _cluster_days(store) == [(1, APRIL_1, APRIL_1 + 29)]
        rows = store.conn.execute("SELECT event_seq, role, cluster_seq FROM event_countries "
                                  "ORDER BY event_seq, role").fetchall()
        assert [tuple(r) for r in rows] == [(1, "actor", 1), (1, "recipient", None),
                                            (2, "actor", 2)]
        store.add(make_coded("b", "Later the USA forces withdrew.", [make_event("b")]))
        assert [e.doc_id for e in store.event_reports(make_event("a").id)] == ["a", "b"]
        from sitrep.cluster.events import Outline, load_rules
        clause, params = db._cluster_clause(Outline(None, (739006, 739006), "asserted"),
                                            load_rules().across)
        plan = [r[3] for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT 1 FROM (SELECT 1 AS event_seq, 1 AS cluster_seq) "
            f"AS kept WHERE {clause}", params)]
        assert any("cluster_days USING INTEGER PRIMARY KEY" in step for step in plan)
        assert not any("SCAN" in step and "kept" not in step and "CONSTANT" not in step
                       for step in plan)
        from sitrep.query import EventQuery
        page = store._page_statements(EventQuery(merged=True, country="USA", limit=10),
                                      "e.seq")
        steps = [r[3] for sql, page_params in page
                 for r in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", page_params)]
        assert any("COVERING INDEX events_seq_cluster" in step for step in steps)


def test_a_clusters_days_follow_its_dated_members() -> None:
    """``cluster_days`` holds, per cluster, the latest first day and the earliest last day of
    its dated members (an undated member changes nothing), and is made again when a member
    goes."""
    store = Store(":memory:")
    store.add(make_coded("a", TEXT_A, [make_event("a", date=("2024-04-01", "2024-04-03"))]))
    store.add(make_coded("b", "Later the USA forces withdrew.",
                         [make_event("b", date=("2024-04-02", "2024-04-05"))]))
    store.add(make_coded("c", TEXT_B, [make_event("c", date=None)]))
    first = APRIL_1
    clusters = store.conn.execute("SELECT DISTINCT cluster_seq FROM events").fetchall()
    assert len(clusters) == 1
    assert _cluster_days(store) == [(1, first + 1, first + 2)]
    store.conn.execute("DELETE FROM articles WHERE id = 'b'")
    assert _cluster_days(store) == [(1, first, first + 2)]


def test_a_country_row_without_its_cluster_still_has_its_clusters_days_checked() -> None:
    """A row an older writer left without ``cluster_seq`` is checked against its cluster's
    days all the same (the event's own row gives the cluster): an undated head whose cluster
    holds an April report is not the same event as a report of May."""
    store = Store(":memory:")
    store.add(make_coded("a", TEXT_A, [make_event("a", date=None)]))
    store.add(make_coded("b", "Later the USA forces withdrew.",
                         [make_event("b", date=("2024-04-01", "2024-04-03"))]))
    assert [e.doc_id for e in store.event_reports(make_event("a", date=None).id)] == ["a", "b"]
    store.conn.execute("UPDATE event_countries SET cluster_seq = NULL")
    store._decoded.clear()
    may = make_event("c", date=("2024-05-10", "2024-05-10"))
    store.add(make_coded("c", TEXT_B, [may]))
    assert [e.doc_id for e in store.event_reports(may.id)] == ["c"]


def test_a_country_row_an_older_writer_left_without_its_outline_rules_nothing_out() -> None:
    store = Store(":memory:")
    store.add(make_coded("a", TEXT_A, [make_event("a")]))
    store.conn.execute("UPDATE event_countries SET day_end = NULL, place = NULL, "
                       "modality = NULL")
    store._decoded.clear()
    store.add(make_coded("b", "Later the USA forces withdrew.", [make_event("b")]))
    assert [e.doc_id for e in store.event_reports(make_event("b").id)] == ["a", "b"]


OUTLINE_PLACES = st.sampled_from([None, "NER", "TCD"])
OUTLINE_DAYS = st.one_of(st.none(), st.tuples(st.integers(10, 20), st.integers(0, 12)).map(
    lambda pair: (pair[0], pair[0] + pair[1])))
OUTLINE_MODALITIES = st.sampled_from(["asserted", "negated", "future", "hypothetical"])
OUTLINE_RECIPIENTS = st.sampled_from([frozenset(), frozenset({"NER"}), frozenset({"MLI"}),
                                      frozenset({"NER", "MLI"}), frozenset({"NE"})])
OUTLINES = st.builds(db.Outline, OUTLINE_PLACES, OUTLINE_DAYS, OUTLINE_MODALITIES,
                     OUTLINE_RECIPIENTS)


@settings(max_examples=150, deadline=None)
@given(OUTLINES, st.lists(OUTLINES, min_size=1, max_size=6))
def test_the_lookup_rules_out_in_sql_what_outlines_agree_rules_out(mine, rows) -> None:
    from sitrep.cluster.events import load_rules, outlines_agree

    scope = load_rules().across
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE c (seq INTEGER, place TEXT, day_start INTEGER, day_end INTEGER, "
                 "modality TEXT, recipients TEXT)")
    conn.executemany("INSERT INTO c VALUES (?, ?, ?, ?, ?, ?)", [
        (n, row.place, *(row.days or (None, None)), row.modality, db._recipient_text(row))
        for n, row in enumerate(rows)])
    sieve, params = db._outline_clause(mine, scope)
    kept = [n for (n,) in conn.execute(f"SELECT seq FROM c WHERE {sieve or '1'} ORDER BY seq",
                                       params)]
    assert kept == [n for n, row in enumerate(rows) if outlines_agree(mine, row, scope)]


def _feed(seed: int, articles: int) -> list:
    """Articles of a few countries, recipients, places, spans and modalities, a third of their
    events re-reporting a recent one (other outlets, the same facts), as a feed arrives."""
    import random

    rng = random.Random(seed)
    recent: list = []
    feed = []
    for n in range(articles):
        doc, events = f"f{n:04d}", []
        for k in range(rng.randint(1, 5)):
            if recent and rng.random() < 0.35:
                old = rng.choice(recent)
                events.append(replace(old, doc_id=doc, id="", mentions=[], evidence=replace(
                    old.evidence, start=100 * k, end=100 * k + len(old.evidence.sentence))))
                continue
            day = date(2024, 1, 1).toordinal() + n // 3 + rng.choice((0, 0, -1, -3))
            first = date.fromordinal(day)
            span = rng.choice(["day", "day", "day", "week", "month", "year", None])
            dates = None if span is None else (
                (first.isoformat(),) * 2 if span == "day" else
                (first.isoformat(), date.fromordinal(day + 6).isoformat()) if span == "week"
                else (first.replace(day=1).isoformat(), first.replace(day=28).isoformat())
                if span == "month" else ("2024-01-01", "2024-12-31"))
            events.append(make_event(
                doc, rng.choice(["RETREAT", "AID", "COOPERATE", "MOBILIZE"]), start=100 * k,
                actor_country=rng.choice(["USA", "FRA", "RUS"]),
                recipient_country=rng.choice([None, "NER", "MLI", "TCD", "BFA"]), date=dates,
                location=rng.choice([None, ("Niger", "NER", "country"),
                                     ("Bamako", "MLI", "city")]),
                modality=rng.choice(["asserted"] * 6 + ["negated", "future"])))
        recent = (recent + events)[-60:]
        feed.append(make_coded(doc, f"Article {n}.", events))
    return feed


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ruling_out_other_recipients_by_their_columns_merges_what_comparing_them_merged(
        seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The recipients kept in the lookup's index rule out only reports the predicate keeps
    apart: a feed stored with them merges exactly the reports it merged when every candidate
    was compared (no recipients kept: the columns rule nothing out), with fewer comparisons."""
    feed = _feed(seed, 160)
    clusters = "SELECT seq, cluster_seq FROM events ORDER BY seq"
    compared = spy_on_comparisons(monkeypatch)
    with_heads = spy_on_head_checks(monkeypatch, compared)
    sieved = Store(":memory:")
    assert sieved.add_many(feed) == [True] * len(feed)
    with_columns = len(compared) - with_heads[0]
    monkeypatch.setattr(db, "_recipient_text", lambda shape: None)
    compared.clear()
    with_heads[0] = 0
    every = Store(":memory:")
    every.add_many(feed)
    merged = sieved.conn.execute(clusters).fetchall()
    assert merged == every.conn.execute(clusters).fetchall()
    assert sum(seq != head for seq, head in merged) > 50
    # 0.42, 0.52 and 0.47 of the lookup's comparisons for these seeds: a candidate the
    # columns let through and that matches may still be refused by its cluster, and the
    # lookup then compares more of them, in both stores alike
    assert with_columns < 0.6 * (len(compared) - with_heads[0])
