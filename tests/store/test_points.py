"""The map's box: events pinned to a facility, city or district inside it, read from an R*Tree
of their points, across the 180th meridian too, in stores written before the tree existed."""

from __future__ import annotations

import sqlite3

import pytest
from factories import make_coded, make_event

from sitrep.query import parse_filters
from sitrep.store import EventQuery, Store
from sitrep.store.migrations import MIGRATIONS

TEXT = "Troops moved. " * 6


def placed(name: str, country: str, precision: str, lat: float, lon: float, start: int):
    event = make_event("p", sentence="Troops moved.", trigger="moved", start=start,
                       location=(name, country, precision))
    event.location.lat, event.location.lon = lat, lon
    return event


def events() -> dict[str, object]:
    """Two cities and a district around Khartoum and Suva, and a country-level event whose
    representative point lies in the Khartoum box (it is an area, never a point)."""
    return {
        "khartoum": placed("Khartoum", "SDN", "city", 15.55, 32.53, 0),
        "omdurman": placed("Omdurman", "SDN", "admin2", 15.64, 32.48, 14),
        "suva": placed("Suva", "FJI", "city", -18.14, 178.44, 28),
        "sudan": placed("Sudan", "SDN", "country", 15.0, 32.0, 42),
        "nowhere": make_event("p", sentence="Troops moved.", trigger="moved", start=56,
                              location=None),
    }


def ids_in(store: Store, box: str) -> set[str]:
    return {e.location.name for e in store.query_events(parse_filters({"bbox": box}))}


@pytest.fixture
def store() -> Store:
    store = Store(":memory:")
    store.add(make_coded("p", TEXT, list(events().values())))
    return store


@pytest.mark.parametrize(("box", "names"), [
    ("30,10,35,20", {"Khartoum", "Omdurman"}),
    ("32.5,15.6,32.6,15.7", set()),
    ("32.4,15.6,32.5,15.7", {"Omdurman"}),
    ("170,-20,-170,-10", {"Suva"}),
    ("-180,-90,180,90", {"Khartoum", "Omdurman", "Suva"}),
    ("-10,-10,10,10", set()),
])
def test_the_box_keeps_events_pinned_inside_it(store: Store, box: str, names: set[str]) -> None:
    assert ids_in(store, box) == names
    assert store.count_events(parse_filters({"bbox": box})) == len(names)


def test_the_box_combines_with_the_other_filters(store: Store) -> None:
    query = parse_filters({"bbox": "30,10,35,20", "place": "Omdurman"})
    assert [e.location.name for e in store.query_events(query)] == ["Omdurman"]


def test_deleting_an_article_removes_its_points(tmp_path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add(make_coded("p", TEXT, list(events().values())))
        store.conn.execute("DELETE FROM articles WHERE id = 'p'")
        assert store.conn.execute("SELECT count(*) FROM event_points").fetchone()[0] == 0
        assert store.count_events(EventQuery()) == 0


def test_a_store_written_before_the_points_gets_them(tmp_path, monkeypatch) -> None:
    import sitrep.store.migrations as migrations

    path = tmp_path / "v6.db"
    with Store(path) as store:
        store.add(make_coded("p", TEXT, list(events().values())))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE event_points")
    conn.execute("DROP TRIGGER event_points_ad")
    step = next(number for number, step in enumerate(MIGRATIONS)
                if "event_points USING rtree" in getattr(step, "sql", step))
    conn.execute(f"PRAGMA user_version = {step}")
    conn.close()
    # Only the points step runs again: the later steps' objects are there already.
    monkeypatch.setattr(migrations, "MIGRATIONS", MIGRATIONS[:step + 1])
    with Store(path) as store:
        assert ids_in(store, "30,10,35,20") == {"Khartoum", "Omdurman"}


def test_pages_in_a_box_come_in_date_order_either_way() -> None:
    """The box's matches are sorted by their keys before the page's records are read; pages by
    offset and by cursor give the same order, oldest or latest first."""
    from dataclasses import replace

    store = Store(":memory:")
    days = ["2024-03-04", "2024-01-02", "2024-05-06", "2024-02-03", "2024-04-05"]
    batch = []
    for i, day in enumerate(days):
        event = placed("Gao", "MLI", "city", 16.27, -0.04, 0)
        event = replace(event, doc_id=f"g{i}", id="", date=replace(event.date, start=day, end=day))
        batch.append(make_coded(f"g{i}", f"Report {i}.", [event]))
    store.add_many(batch)
    box = parse_filters({"bbox": "-1,16,1,17"}).bbox
    for newest in (False, True):
        q = EventQuery(bbox=box, newest=newest, limit=2)
        wanted = sorted(days, reverse=newest)
        by_offset = [e.date.start for k in (0, 2, 4)
                     for e in store.query_events(replace(q, offset=k))]
        assert by_offset == wanted
        page, cursor = store.page_events(q)
        rest = store.query_events(replace(q, after=cursor, limit=None))
        assert [e.date.start for e in page + rest] == wanted
