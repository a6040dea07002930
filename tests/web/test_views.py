"""The page over a small hand-made store (no model): every view opens the evidence of day and
range events, links and filters survive a reload, and modality is drawn where it shows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from factories import make_coded, make_event

from sitrep.api import create_app
from sitrep.api.server import BackgroundServer
from sitrep.store import Store

pytestmark = [pytest.mark.browser]

OUT = Path(__file__).resolve().parents[2] / "test-output" / "web"
MALI = ("Rebels attacked a convoy near Gao.\n"
        "The army withdrew from Kidal over the month.\n"
        "Officials denied that troops shelled Menaka.\n"
        "Gunmen attacked a market in Gao.\n")
SAHEL = ("Soldiers attacked a camp in eastern Chad.\n"
         "Niger may expel foreign troops.\n"
         "Troops withdrew from a base in the north.\n")
ODD_ID = "odd/id #1?&%'\"<b>/../x"
SLASH_ID = "mali/kidal/2024-04"
MALI_ID = "reports/2024/mali.txt"


def _event(text: str, sentence: str, event_type: str, trigger: str, date: tuple[str, str], *,
           city: tuple[str, str, float, float] | None = None,
           country: str | None = None, modality: str = "asserted", **fields):
    """A hand-made event whose sentence sits in ``text``; a city gets a point on the map."""
    if city:
        location = (city[0], city[1], "city")
    else:
        location = (country or "MLI", country or "MLI", "country")
    event = make_event("mali" if text is MALI else "sahel", event_type, sentence=sentence,
                       start=text.index(sentence), trigger=trigger, date=date,
                       location=location, modality=modality, **fields)
    if city:
        event.location.lat, event.location.lon = city[2], city[3]
    return event


def seed(db: Path) -> dict[str, dict]:
    """Point-dated and range-dated events at cities and at countries; one negated, one
    hypothetical, one with an id made of characters a URL must escape, one (at a city) whose
    id holds slashes, in an article whose id is a path; two at one city."""
    events = {
        "day_point": _event(MALI, "Rebels attacked a convoy near Gao.", "ASSAULT", "attacked",
                            ("2024-05-06", "2024-05-06"), city=("Gao", "MLI", 16.27, -0.04),
                            recipient_country="MLI"),
        "range_point": _event(MALI, "The army withdrew from Kidal over the month.", "RETREAT",
                              "withdrew", ("2024-04-01", "2024-04-30"),
                              city=("Kidal", "MLI", 18.44, 1.41)),
        "negated_point": _event(MALI, "Officials denied that troops shelled Menaka.", "ASSAULT",
                                "shelled", ("2024-05-02", "2024-05-02"),
                                city=("Menaka", "MLI", 15.92, 2.40), modality="negated"),
        "gao_again": _event(MALI, "Gunmen attacked a market in Gao.", "ASSAULT", "attacked",
                            ("2024-05-07", "2024-05-07"), city=("Gao", "MLI", 16.27, -0.04)),
        "day_country": _event(SAHEL, "Soldiers attacked a camp in eastern Chad.", "ASSAULT",
                              "attacked", ("2024-05-03", "2024-05-03"), country="TCD",
                              actor_country="TCD"),
        "range_country": _event(SAHEL, "Niger may expel foreign troops.", "COERCE", "expel",
                                ("2024-03-01", "2024-03-31"), country="NER",
                                actor_country="NER", modality="hypothetical"),
        "odd_id": _event(SAHEL, "Troops withdrew from a base in the north.", "RETREAT",
                         "withdrew", ("2024-04-10", "2024-04-10"), country="MLI"),
    }
    events["odd_id"].id = ODD_ID
    events["range_point"].id = SLASH_ID
    for name in ("day_point", "range_point", "negated_point", "gao_again"):
        events[name].doc_id = MALI_ID
    with Store(db) as store:
        store.add(make_coded(MALI_ID, MALI, [events[k] for k in
                                            ("day_point", "range_point", "negated_point",
                                             "gao_again")],
                             title="Mali", published="2024-05-07"))
        store.add(make_coded("sahel", SAHEL, [events[k] for k in
                                             ("day_country", "range_country", "odd_id")],
                             title="Sahel", published="2024-05-08"))
    return {name: event.to_dict() for name, event in events.items()}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[dict]:
    db = tmp_path_factory.mktemp("views") / "views.db"
    events = seed(db)
    with BackgroundServer(create_app(db, token=None)) as server:
        yield {"url": server.url, "events": events}


def attr(event_id: str) -> str:
    """``[data-event-id="..."]`` for any id (CSS strings escape like JSON's)."""
    return f"[data-event-id={json.dumps(event_id)}]"


def evidence_of(page, event: dict) -> str:
    """Wait until the panel shows ``event`` and return its sentence."""
    page.wait_for_selector(f"#evidence{attr(event['id'])} p.sentence")
    return page.inner_text("#evidence p.sentence")


def click_in(page, where: str, event: dict) -> None:
    if where == "table":
        page.locator(f"#events tr{attr(event['id'])}").click()
    elif where == "map":
        page.locator(f"path.event-point{attr(event['id'])}").dispatch_event("click")
    else:
        page.locator(f".vis-item:has(span{attr(event['id'])})").click()


@pytest.mark.parametrize(("where", "names"), [
    ("table", ["day_point", "range_point", "day_country", "range_country", "negated_point"]),
    ("map", ["day_point", "range_point", "negated_point"]),
    ("timeline", ["day_point", "range_point", "day_country", "range_country"]),
])
def test_every_view_opens_the_evidence_of_day_and_range_events(page, site, where, names):
    for name in names:
        event = site["events"][name]
        click_in(page, where, event)
        assert evidence_of(page, event) == event["evidence"]["sentence"], (where, name)
        assert page.evaluate("sitrep.state.selected") == event["id"]


def test_an_event_link_opens_its_evidence_and_survives_a_reload(page, site):
    event = site["events"]["odd_id"]
    page.goto(f"{site['url']}#event={quote(ODD_ID, safe='')}")
    assert evidence_of(page, event) == event["evidence"]["sentence"]
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert evidence_of(page, event) == event["evidence"]["sentence"]
    page.locator(f"#events tr{attr(site['events']['day_point']['id'])}").click()
    evidence_of(page, site["events"]["day_point"])
    assert page.evaluate("decodeURIComponent(location.hash)") == (
        f"#event={site['events']['day_point']['id']}")


@pytest.mark.parametrize("where", ["table", "map", "timeline"])
def test_an_id_with_slashes_opens_from_every_view_and_its_link_survives_a_reload(
        page, site, where):
    event = site["events"]["range_point"]
    click_in(page, where, event)
    assert evidence_of(page, event) == event["evidence"]["sentence"]
    assert page.evaluate("location.hash") == f"#event={quote(SLASH_ID, safe='')}"
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert evidence_of(page, event) == event["evidence"]["sentence"]
    assert page.locator(f"#events tr.selected{attr(SLASH_ID)}").count() == 1
    assert page.locator(f".vis-item.vis-selected:has(span{attr(SLASH_ID)})").count() == 1


def test_a_link_typed_with_bare_slashes_opens_the_event_and_its_article(page, site):
    event = site["events"]["range_point"]
    page.goto(f"{site['url']}#event={SLASH_ID}")
    page.wait_for_selector("body[data-ready=true]")
    assert evidence_of(page, event) == event["evidence"]["sentence"]
    page.locator(f'#evidence a[href="#article={quote(MALI_ID, safe="")}"]').click()
    page.wait_for_selector("#article-view:not([hidden]) #article-text .event-span")
    assert page.inner_text("#article-title") == "Mali"
    page.locator("#article-text strong.event-span", has_text="shelled").click()
    evidence_of(page, site["events"]["negated_point"])


def test_filters_are_in_the_url_and_survive_a_reload(page, site):
    page.select_option("#f-modality", "negated")
    page.select_option("#f-type", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => location.search.includes('modality=negated')")
    assert "type=ASSAULT" in page.evaluate("location.search")
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert page.input_value("#f-modality") == "negated"
    assert page.input_value("#f-type") == "ASSAULT"
    rows = page.eval_on_selector_all("#events tbody tr", "rs => rs.map(r => r.dataset.eventId)")
    assert rows == [site["events"]["negated_point"]["id"]]


@pytest.mark.parametrize(("params", "names"), [
    ("recipient_country=MLI", ["day_point"]),
    ("country=MLI", []),
    ("country=TCD", ["day_country"]),
    ("country=USA&recipient_country=MLI", ["day_point"]),
])
def test_actor_and_recipient_countries_are_apart(page, site, params, names):
    page.goto(f"{site['url']}?{params}")
    page.wait_for_selector("body[data-ready=true]")
    rows = page.eval_on_selector_all("#events tbody tr", "rs => rs.map(r => r.dataset.eventId)")
    assert rows == [site["events"][name]["id"] for name in names]
    fields = {"country": "#f-country", "recipient_country": "#f-recipient-country"}
    for pair in params.split("&"):
        name, value = pair.split("=")
        assert page.input_value(fields[name]) == value


def test_a_negated_event_is_drawn_apart_and_the_legend_says_how(page, site):
    negated = site["events"]["negated_point"]["id"]
    asserted = site["events"]["day_point"]["id"]
    style = "p => [p.getAttribute('fill-opacity'), p.getAttribute('stroke-dasharray')]"
    assert page.eval_on_selector(f"path.event-point{attr(negated)}", style) == ["0", "2 2"]
    assert page.eval_on_selector(f"path.event-point{attr(asserted)}", style)[1] is None
    assert page.locator(f"path.modality-negated{attr(negated)}").count() == 1
    assert page.locator(f"#events tr{attr(negated)} .badge.negated").count() == 1
    assert page.locator(f".vis-item.modality-negated:has(span{attr(negated)})").count() == 1
    legend = page.inner_text("#legend")
    for modality in ("asserted", "future", "hypothetical", "negated"):
        assert modality in legend
    page.locator(f"#events tr{attr(negated)}").click()
    evidence_of(page, site["events"]["negated_point"])
    assert page.locator("#evidence .badge.negated").count() == 1
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / "views.png"), full_page=True)


def test_labels_are_whole_type_names(page, site):
    types = page.eval_on_selector_all("#events tbody tr td:nth-child(2)",
                                      "cs => cs.map(c => c.textContent)")
    assert set(types) == {"ASSAULT", "RETREAT", "COERCE"}
    box = page.locator(f".vis-item:has(span{attr(site['events']['range_country']['id'])})")
    assert box.inner_text().startswith("COERCE")


def test_opening_asks_for_counts_one_page_of_rows_and_the_events_once(browser, site):
    page = browser.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site["url"])
    page.wait_for_selector("body[data-ready=true]")
    api = [url.split("/api/", 1)[1] for url in asked if "/api/" in url]
    assert sorted(api) == sorted(["config", "countries", "event-types", "aggregates/countries?",
                                  "aggregates/time?", "events?limit=100",
                                  "features?limit=500"])
    page.close()


def test_a_link_with_a_bare_percent_sign_names_the_id_it_could_not_find(page, site):
    page.goto(f"{site['url']}#event=50%off")
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    page.wait_for_selector("#evidence .error")
    assert "no event with id '50%off'" in page.inner_text("#evidence")


def test_the_export_links_give_every_event_of_the_table_under_its_filters(page, site):
    import csv
    import io

    page.select_option("#f-type", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => document.querySelector('#export-csv').href.includes('ASSAULT')")
    rows = page.eval_on_selector_all("#events tbody tr", "rs => rs.map(r => r.dataset.eventId)")
    body = page.request.get(page.eval_on_selector("#export-csv", "a => a.href")).text()
    exported = [row["id"] for row in csv.DictReader(io.StringIO(body))]
    assert sorted(exported) == sorted(rows) and len(rows) == 4
    geojson = page.request.get(page.eval_on_selector("#export-geojson", "a => a.href")).json()
    assert sorted(f["id"] for f in geojson["features"]) == sorted(rows)


def test_events_at_one_point_are_one_marker_that_lists_them_all(page, site):
    first, second = site["events"]["day_point"], site["events"]["gao_again"]
    stack = page.locator("path.event-stack")
    assert stack.count() == 1
    assert json.loads(stack.get_attribute("data-event-ids")) == [first["id"], second["id"]]
    stack.dispatch_event("click")
    assert evidence_of(page, first) == first["evidence"]["sentence"]
    assert page.locator(f".stack button.selected{attr(first['id'])}").count() == 1
    page.locator(f".stack button{attr(second['id'])}").click()
    assert evidence_of(page, second) == second["evidence"]["sentence"]
    assert page.locator(".stack li").count() == 2, "the list stays open"
    assert page.locator(f".stack button.selected{attr(second['id'])}").count() == 1
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / "stack.png"))
