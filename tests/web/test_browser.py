"""The page in Debian's Chromium, headless: the seed story coded by the real pipeline, served by
uvicorn, and an article whose markup must never run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.api import create_app
from sitrep.api.server import BackgroundServer
from sitrep.ingest import parse_document
from sitrep.store import Store
from sitrep.store.loader import load_articles

pytestmark = [pytest.mark.browser, pytest.mark.slow]

OUT = Path(__file__).resolve().parents[2] / "test-output" / "web"
MARKUP_ARTICLE = (
    'Convoy attacked <img src="x" onerror="window.sitrepInjected = 1"> near Gao\n\n'
    "Gunmen attacked an army convoy near Gao in Mali on Monday, the army said. "
    "<script>window.sitrepInjected = 1</script> Two soldiers were wounded.\n"
)


def code_into(db: Path, coder, documents: list[tuple[bytes | str, str, str | None]]
              ) -> list[str]:
    """Parse, code and store documents; returns the stored article ids."""
    articles = [a for data, source, published in documents
                for a in parse_document(data, kind="txt", source=source, published=published)]
    with Store(db) as store:
        return load_articles(store, coder, articles).article_ids


@pytest.fixture(scope="module")
def site(tmp_path_factory, coder, seed_article) -> Iterator[dict[str, str]]:
    db = tmp_path_factory.mktemp("web") / "page.db"
    seed_id, markup_id = code_into(db, coder, [
        (seed_article.read_bytes(), seed_article.name, None),
        (MARKUP_ARTICLE, "markup.txt", "2024-05-06"),
    ])
    with BackgroundServer(create_app(db, token=None, coder=coder)) as server:
        yield {"url": server.url, "seed": seed_id, "markup": markup_id}


def shaded_countries(page) -> set[str]:
    return set(page.eval_on_selector_all("path.country.shaded", "ps => ps.map(p => p.dataset.iso)"))


def table_event_ids(page) -> list[str]:
    return page.eval_on_selector_all("#events tbody tr", "rs => rs.map(r => r.dataset.eventId)")


def test_the_map_shades_niger_and_chad(page):
    assert {"NER", "TCD"} <= shaded_countries(page)
    assert page.locator("path.country").count() > 150


def test_city_events_are_points_and_country_events_never_are(page):
    events = page.evaluate("sitrep.shown.map")
    pointed = {e["id"] for e in events if e["geometry"]}
    drawn = set(page.eval_on_selector_all(
        "path.event-point", "ps => ps.flatMap(p => JSON.parse(p.dataset.eventIds))"))
    assert drawn == pointed
    coarse = {"country", "region", "admin1"}
    assert not [e for e in events if e["id"] in drawn and e["location"]["precision"] in coarse]


def test_the_timeline_runs_from_july_2023_to_may_2024(page):
    items = page.evaluate("sitrep.timelineItems()")
    assert any(i["start"] <= "2023-07-31" and i["end"] >= "2023-07-01" for i in items)
    assert any(i["start"] <= "2024-05-31" and i["end"] >= "2024-05-01" for i in items)
    window = page.evaluate("sitrep.timelineWindow()")
    recent = [i for i in items if i["start"] >= "2023-07-01"]
    assert all(window["start"] <= i["start"] and i["end"] <= window["end"] for i in recent)
    assert page.locator(".vis-item .vis-item-content").count() >= 2


def test_clicking_an_event_shows_its_evidence(page, site):
    page.locator(".vis-item.vis-range, .vis-item.vis-box").first.click()
    page.wait_for_selector("#evidence p.sentence")
    event_id = page.evaluate("sitrep.state.selected")
    event = page.request.get(f"{site['url']}api/events/{event_id}").json()["event"]
    assert page.inner_text("#evidence p.sentence") == event["evidence"]["sentence"]
    assert page.inner_text("#evidence p.sentence mark.trigger") == event["evidence"]["trigger"]
    panel = page.inner_text("#evidence")
    assert "Claimant" in panel
    assert page.locator(f'#evidence a[href="#article={site["seed"]}"]').count() == 1
    assert page.locator(f'#events tr.selected[data-event-id="{event_id}"]').count() == 1
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / "page.png"), full_page=True)


def test_the_article_view_marks_its_events(page, site):
    page.locator(".vis-item.vis-range, .vis-item.vis-box").first.click()
    page.locator(f'#evidence a[href="#article={site["seed"]}"]').click()
    page.wait_for_selector("#article-text .event-span")
    assert page.locator("#article-text strong.event-span").count() >= 1
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / "article.png"))


def test_a_table_row_selects_its_event_on_the_timeline_and_the_map(page):
    event = page.evaluate("""sitrep.shown.map.find(e => !e.geometry && e.date
        && e.date.start && e.location && e.location.country_code)""")
    page.locator(f'#events tr[data-event-id="{event["id"]}"]').click()
    assert page.evaluate("sitrep.state.selected") == event["id"]
    # The views are redrawn once the event's evidence has arrived from the server.
    page.wait_for_function(
        "id => document.getElementById('evidence').dataset.eventId === id", arg=event["id"])
    assert page.inner_text("#evidence p.sentence") == event["evidence"]["sentence"]
    assert page.locator(".vis-item.vis-selected").count() >= 1
    iso = event["location"]["country_code"]
    assert page.locator(f'path.country.focus[data-iso="{iso}"]').count() == 1


def test_clicking_a_country_filters_the_table_and_the_timeline(page):
    everything = table_event_ids(page)
    page.locator('path.country[data-iso="TCD"]').dispatch_event("click")
    assert page.locator("#chips .chip").inner_text().startswith("Place: Chad")
    page.wait_for_function("n => sitrep.shown.table.length < n", arg=len(everything))
    chad_ids = table_event_ids(page)
    events = {e["id"]: e for e in page.evaluate("sitrep.shown.map")}
    assert chad_ids and len(chad_ids) < len(everything)
    assert {events[i]["location"]["country_code"] for i in chad_ids} == {"TCD"}
    # The timeline is redrawn after the table; wait for it rather than race it.
    page.wait_for_function(
        "ids => sitrep.timelineItems().every(i => ids.includes(i.id))", arg=chad_ids)
    timeline_ids = {i["id"] for i in page.evaluate("sitrep.timelineItems()")}
    assert timeline_ids and timeline_ids <= set(chad_ids)
    assert {"NER", "TCD"} <= shaded_countries(page), "the map keeps its own view"
    page.locator("#chips .chip").click()
    page.wait_for_function("n => sitrep.shown.table.length === n", arg=len(everything))
    assert table_event_ids(page) == everything


def test_a_time_range_on_the_timeline_filters_the_map_and_the_table(page):
    everything = table_event_ids(page)
    all_events = page.evaluate("sitrep.shown.map")
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(10):
        page.mouse.wheel(0, -400)
    page.wait_for_selector("#chips .chip")
    assert page.locator("#chips .chip").inner_text().startswith("Time:")
    page.wait_for_function("n => sitrep.shown.table.length < n", arg=len(everything))
    kept = table_event_ids(page)
    since, until = page.evaluate("sitrep.rangeDays()")
    overlapping = [e["id"] for e in all_events
                   if e["date"] and e["date"]["start"] and e["date"]["start"] <= until
                   and e["date"]["end"] >= since]
    assert sorted(kept) == sorted(overlapping)
    assert page.evaluate("location.search") == f"?from={since}&to={until}"


def test_the_type_filter_reloads_the_views(page):
    types = page.evaluate("sitrep.shown.map.map(e => e.event_type)")
    wanted = types[0]
    page.select_option("#f-type", wanted)
    page.click("#filters button[type=submit]")
    page.wait_for_function("""t => sitrep.shown.map.every(e => e.event_type === t)
        && sitrep.shown.table.every(e => e.event_type === t)""", arg=wanted)
    assert len(table_event_ids(page)) == types.count(wanted)


def test_markup_in_an_article_is_shown_and_never_runs(page, site):
    page.goto(f"{site['url']}#article={site['markup']}")
    page.wait_for_selector("#article-view:not([hidden]) #article-text")
    page.wait_for_function("() => document.querySelector('#article-text').textContent.length > 0")
    assert "<script>window.sitrepInjected = 1</script>" in page.inner_text("#article-text")
    assert "<img" in page.inner_text("#article-title")
    assert page.locator("#article-text script, #article-title img").count() == 0
    assert page.evaluate("typeof window.sitrepInjected") == "undefined"


def test_the_api_docs_render_with_no_network(browser, site):
    page = browser.new_page()
    page.goto(f"{site['url']}docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".opblock-summary-path", has_text="/api/events").count() >= 1
    page.close()
