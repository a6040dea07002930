"""The page's requests on a given store, p50/p95 over repeated runs, served by uvicorn on
127.0.0.1, and (with ``--browser``) the time until the page is ready in headless Chromium:

    .venv/bin/python bench/page.py --db STORE.db [--runs 20] [--browser]

Give it a large store (a million events) to see what an analyst waits for. The requests are
the ones the page makes when it opens, when a type is chosen, when the timeline is zoomed to a
month and to a week (the window sits in the middle of the store's span), and when the map is
zoomed in on the place of the first pinned event (the events pinned inside a box of about the
map's size at zoom 7). With ``--browser`` it also lists what the page asked for while opening:
counts and one page of rows, never every event.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx

from sitrep.api import create_app
from sitrep.api.server import BackgroundServer

CHROMIUM = "/usr/bin/chromium"


def zoomed_box(client: httpx.Client) -> str:
    """A box of about the map's size at zoom 7 around the first event pinned to a point."""
    world = client.get("/api/features", params={"bbox": "-180,-90,180,90", "limit": 1}).json()
    if not world["features"]:
        return "-5,10,5,16"
    lon, lat = world["features"][0]["geometry"]["coordinates"]
    west, east = max(-180, lon - 4.5), min(180, lon + 4.5)
    return f"{west:.4f},{max(-90, lat - 2.5):.4f},{east:.4f},{min(90, lat + 2.5):.4f}"


def page_requests(client: httpx.Client) -> dict[str, str]:
    """The page's requests, named, with a window in the middle of the store's span, and a text
    search for the trigger word of the newest event (a common word: its counts stop at the
    cap)."""
    span = client.get("/api/aggregates/time").json()
    first = date.fromisoformat(span["first"] or "2024-01-01")
    last = date.fromisoformat(span["last"] or "2024-12-31")
    middle = first + (last - first) / 2
    month = f"since={middle.isoformat()}&until={(middle + timedelta(days=30)).isoformat()}"
    week = f"since={middle.isoformat()}&until={(middle + timedelta(days=6)).isoformat()}"
    newest = client.get("/api/events", params={"limit": 1, "newest": "true"}).json()["events"]
    words = urlencode({"text": newest[0]["evidence"]["trigger"] if newest else "forces"})
    return {
        "open: countries": "/api/aggregates/countries",
        "open: timeline": "/api/aggregates/time",
        "open: table page": "/api/events?limit=100",
        "type: countries": "/api/aggregates/countries?type=ASSAULT",
        "type: timeline": "/api/aggregates/time?type=ASSAULT",
        "type: table page": "/api/events?type=ASSAULT&limit=100",
        "month: countries": f"/api/aggregates/countries?{month}",
        "month: timeline": f"/api/aggregates/time?{month}",
        "month: table page": f"/api/events?{month}&limit=100",
        "week: features": f"/api/features?{week}&limit=500",
        "text: countries": f"/api/aggregates/countries?{words}",
        "text: timeline": f"/api/aggregates/time?{words}",
        "text: table page": f"/api/events?{words}&limit=100",
        "zoomed: map points": f"/api/features?bbox={zoomed_box(client)}&limit=500",
    }


def time_requests(client: httpx.Client, runs: int) -> None:
    for name, url in page_requests(client).items():
        seconds = []
        for _ in range(runs):
            start = time.perf_counter()
            client.get(url).raise_for_status()
            seconds.append(time.perf_counter() - start)
        seconds.sort()
        p95 = seconds[min(len(seconds) - 1, round(0.95 * (len(seconds) - 1)))]
        print(f"{name:20s} p50 {statistics.median(seconds) * 1000:7.0f} ms   "
              f"p95 {p95 * 1000:7.0f} ms   {url}")


def time_page(url: str, runs: int) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        asked: list[str] = []
        page.on("request", lambda request: asked.append(request.url))
        seconds = []
        for _ in range(runs):
            start = time.perf_counter()
            page.goto(url)
            page.wait_for_selector("body[data-ready=true]", timeout=300_000)
            seconds.append(time.perf_counter() - start)
        print(f"page ready: median {statistics.median(seconds):.2f} s, "
              f"slowest {max(seconds):.2f} s over {runs} loads")
        first = [urlsplit(url) for url in asked[:len(asked) // runs]]
        api = [f"{u.path}{'?' + u.query if u.query else ''}" for u in first
               if u.path.startswith("/api/")]
        print(f"the page asked, opening: {', '.join(api)}")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--browser", action="store_true", help="also time the page in Chromium")
    args = parser.parse_args()
    if not args.db.is_file():
        parser.error(f"{args.db}: no such store")
    with BackgroundServer(create_app(args.db, token=None)) as server:
        with httpx.Client(base_url=server.url, timeout=300) as client:
            total = client.get("/api/events?limit=1").json()["total"]
            print(f"{args.db}: {total:,} events")
            time_requests(client, args.runs)
        if args.browser:
            time_page(server.url, max(3, args.runs // 5))


if __name__ == "__main__":
    main()
