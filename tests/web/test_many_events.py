"""The page over more events than it draws one by one: it asks for counts and one page of rows,
never for every event, and shows single events once the timeline narrows to a short window or
the map is zoomed in (the events pinned inside its box)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from factories import make_coded, make_event

from sitrep.api import create_app
from sitrep.api.server import BackgroundServer
from sitrep.store import Store

pytestmark = [pytest.mark.browser]

OUT = Path(__file__).resolve().parents[2] / "test-output" / "web"
EVENTS = 640
SENTENCE = "The USA forces withdrew from the country."
COUNTRIES = ("NER", "MLI", "TCD", "SDN", "BFA")
MODALITIES = ("asserted", "asserted", "asserted", "negated", "hypothetical")
CITIES = {"NER": ("Niamey", 13.51, 2.11), "MLI": ("Bamako", 12.65, -8.0),
          "TCD": ("N'Djamena", 12.13, 15.06), "SDN": ("Khartoum", 15.5, 32.56),
          "BFA": ("Ouagadougou", 12.37, -1.52)}


def seed(db: Path) -> None:
    """One article with ``EVENTS`` events, one every day or so over two years; every third
    at its country's capital (a point on the map), spread a little around it."""
    first = date(2023, 1, 1)
    events = []
    for i in range(EVENTS):
        day = (first + timedelta(days=i * 730 // EVENTS)).isoformat()
        country = COUNTRIES[i % len(COUNTRIES)]
        city = CITIES[country] if i % 3 == 0 else None
        event = make_event("many", "RETREAT" if i % 2 else "ASSAULT", sentence=SENTENCE,
                           start=i, date=(day, day),
                           location=(city[0], country, "city") if city else (country, country,
                                                                              "country"),
                           modality=MODALITIES[i % len(MODALITIES)])
        if city:
            event.location.lat = city[1] + (i % 7) * 0.05
            event.location.lon = city[2] + (i % 5) * 0.05
        events.append(event)
    with Store(db) as store:
        store.add(make_coded("many", SENTENCE, events, title="Many", published="2025-01-01"))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("many") / "many.db"
    seed(db)
    with BackgroundServer(create_app(db, token=None)) as server:
        yield server.url


@pytest.fixture
def page(browser, site):
    page = browser.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site)
    page.wait_for_selector("body[data-ready=true]")
    page.requests = requests
    yield page
    page.close()
    assert errors == [], "the page raised errors"


def asked_for(page, path: str) -> list[dict[str, list[str]]]:
    return [parse_qs(urlparse(url).query) for url in page.requests
            if urlparse(url).path == path]


def test_the_page_asks_for_counts_and_pages_never_for_every_event(page):
    assert not asked_for(page, "/api/export")
    assert not asked_for(page, "/api/features"), "too many events to draw one by one"
    rows = asked_for(page, "/api/events")
    assert rows and all(int(q["limit"][0]) <= 100 for q in rows)
    assert asked_for(page, "/api/aggregates/time") and asked_for(page, "/api/aggregates/countries")
    assert page.locator("#events tbody tr").count() == 100
    assert page.inner_text("#page-info") == f"1–100 of {EVENTS}"


def test_the_timeline_shows_counts_and_the_map_shades_countries(page):
    bars = page.locator(".vis-item.bucket")
    assert bars.count() > 50
    assert page.evaluate("sitrep.timelineItems()") == []
    assert "counted by week" in page.inner_text("#timeline-note")
    assert page.locator("path.event-point").count() == 0
    isos = "ps => ps.map(p => p.dataset.iso)"
    # Each country's events share one modality here: only asserted ones shade.
    assert set(page.eval_on_selector_all("path.country.shaded", isos)) == {"NER", "MLI", "TCD"}
    assert set(page.eval_on_selector_all("path.country.unasserted", isos)) == {"SDN", "BFA"}
    assert "asserted" in page.inner_text("#map-note")
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / "many-counts.png"), full_page=True)


def test_the_table_pages_through_the_events(page):
    first = page.eval_on_selector_all("#events tbody tr", "rs => rs.map(r => r.dataset.eventId)")
    page.click("#page-next")
    page.wait_for_function("() => document.querySelector('#page-info').textContent"
                           ".startsWith('101')")
    second = page.eval_on_selector_all("#events tbody tr", "rs => rs.map(r => r.dataset.eventId)")
    assert len(second) == 100 and not set(first) & set(second)
    page.click("#page-prev")
    page.wait_for_function("() => document.querySelector('#page-info').textContent"
                           ".startsWith('1–')")
    assert page.eval_on_selector_all("#events tbody tr",
                                     "rs => rs.map(r => r.dataset.eventId)") == first
    assert page.is_disabled("#page-prev")


def test_a_bar_zooms_in_to_single_events_whose_evidence_opens(page):
    page.locator(".vis-item.bucket").nth(10).click()
    page.wait_for_selector("#chips .chip")
    page.wait_for_function("() => sitrep.timelineItems().length > 0")
    items = page.evaluate("sitrep.timelineItems()")
    since, until = page.evaluate("sitrep.rangeDays()")
    assert all(since <= i["start"] <= until for i in items)
    assert page.evaluate("location.search") == f"?from={since}&to={until}"
    total = int(page.inner_text("#page-info").split(" of ")[1])
    assert total == len(items) < EVENTS
    event_id = items[0]["id"]
    page.locator(f'.vis-item:has(span[data-event-id="{event_id}"])').click()
    page.wait_for_selector(f'#evidence[data-event-id="{event_id}"] p.sentence')
    assert page.inner_text("#evidence p.sentence") == SENTENCE
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / "many.png"), full_page=True)


def test_zoomed_in_the_map_draws_the_events_pinned_inside_its_box(page):
    assert page.evaluate("sitrep.map().getZoom()") < 5
    assert "Zoom in to see single events" in page.inner_text("#map-note")
    bamako = CITIES["MLI"]
    page.evaluate("([lat, lon]) => sitrep.map().setView([lat, lon], 7, {animate: false})",
                  [bamako[1] + 0.15, bamako[2] + 0.1])
    page.wait_for_function("() => document.querySelectorAll('path.event-point').length > 0")
    boxes = [q["bbox"][0] for q in asked_for(page, "/api/features") if "bbox" in q]
    assert boxes, "the map asks for the events in its box"
    west, south, east, north = map(float, boxes[-1].split(","))
    assert west < bamako[2] < east and south < bamako[1] < north
    drawn = page.evaluate("sitrep.shown.map")
    assert drawn and all(e["location"]["name"] == "Bamako" and e["geometry"] for e in drawn)
    pinned_in_mali = sum(1 for i in range(EVENTS) if i % 3 == 0
                         and COUNTRIES[i % len(COUNTRIES)] == "MLI")
    assert len(drawn) == pinned_in_mali
    markers = page.eval_on_selector_all(
        "path.event-point", "ps => ps.map(p => JSON.parse(p.dataset.eventIds))")
    assert sorted(i for ids in markers for i in ids) == sorted(e["id"] for e in drawn)
    assert len(markers) == len({tuple(e["geometry"]["coordinates"]) for e in drawn})
    assert f"{pinned_in_mali} in view are at a city or finer" in page.inner_text("#map-note")
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / "many-zoomed.png"), full_page=True)
    event_id = drawn[0]["id"]
    page.locator(f'path.event-point[data-event-id="{event_id}"]').dispatch_event("click")
    page.wait_for_selector(f'#evidence[data-event-id="{event_id}"] p.sentence')
    niamey = page.evaluate("sitrep.shown.table.find(e => e.location.name === 'Niamey').id")
    page.locator(f'#events tr[data-event-id="{niamey}"]').click()
    page.wait_for_selector(f'path.event-point[data-event-ids*="{niamey}"]')
    assert "Bamako" not in {e["location"]["name"] for e in page.evaluate("sitrep.shown.map")}
    # Across the 180th meridian the box's west lies beyond its east.
    page.evaluate("sitrep.map().setView([-18, 180], 6, {animate: false})")
    page.wait_for_function("() => sitrep.shown.mapBox && sitrep.shown.mapBox.total === 0")
    west, _, east, _ = map(float, page.evaluate("sitrep.shown.mapBox.box").split(","))
    assert 170 < west <= 180 and -180 <= east < -170
    page.evaluate("sitrep.map().setZoom(3, {animate: false})")
    page.wait_for_function("() => document.querySelectorAll('path.event-point').length === 0")
    assert "Zoom in to see single events" in page.inner_text("#map-note")


def test_a_link_to_an_event_no_view_draws_opens_its_evidence_and_survives_a_reload(page, site):
    deep = page.request.get(f"{site}api/events?limit=1&offset=600").json()["events"][0]
    assert deep["id"] not in page.eval_on_selector_all(
        "#events tbody tr", "rs => rs.map(r => r.dataset.eventId)")
    page.goto(f"{site}#event={deep['id']}")
    for _ in range(2):
        page.wait_for_selector(f'#evidence[data-event-id="{deep["id"]}"] p.sentence')
        assert page.inner_text("#evidence p.sentence") == SENTENCE
        assert deep["date"]["start"] in page.inner_text("#evidence")
        page.reload()
        page.wait_for_selector("body[data-ready=true]")


def test_the_map_moved_by_hand_is_in_the_url_and_a_reload_returns_to_it(page, site):
    bamako = CITIES["MLI"]
    page.evaluate("([lat, lon]) => sitrep.map().setView([lat, lon], 7, {animate: false})",
                  [bamako[1], bamako[2]])
    page.wait_for_function("() => location.search.includes('map=')")
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert page.evaluate("sitrep.map().getZoom()") == 7
    lat, lon = page.evaluate("[sitrep.map().getCenter().lat, sitrep.map().getCenter().lng]")
    assert abs(lat - bamako[1]) < 0.01 and abs(lon - bamako[2]) < 0.01
    page.wait_for_function("() => document.querySelectorAll('path.event-point').length > 0")
    page.click("#filters button[type=reset]")
    page.wait_for_function("() => !location.search.includes('map=')")
    page.wait_for_function("() => sitrep.map().getZoom() < 5")


def test_a_text_search_counted_up_to_its_cap_reads_as_that_many_or_more(browser, site,
                                                                         monkeypatch):
    from sitrep.api import events
    from sitrep.store import aggregates

    cap = 600  # the store's one article holds EVENTS (640) events, all matching its text
    monkeypatch.setattr(events, "TEXT_TOTAL_CAP", cap)
    monkeypatch.setattr(aggregates, "TEXT_TOTAL_CAP", cap)
    page = browser.new_page()
    try:
        page.goto(f"{site}?text=forces")
        page.wait_for_selector("body[data-ready=true]")
        page.wait_for_function("() => document.querySelector('#page-info').textContent"
                               ".endsWith('+')")
        assert page.inner_text("#page-info") == "1–100 of 600+"
        assert page.inner_text("#timeline-note").startswith(
            "600+ events (the latest 600 matches of the text counted), counted by")
        assert page.inner_text("#map-note").startswith("600+ events (the latest 600 matches")
    finally:
        page.close()
