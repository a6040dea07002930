"""Save ``docs/screenshot.png``: the example articles coded into a fresh database, served, and
the page photographed in Debian's Chromium (headless) with one event's evidence open.

    .venv/bin/python scripts/screenshot.py [--examples examples] [--out docs/screenshot.png]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from sitrep.api import create_app
from sitrep.api.server import BackgroundServer
from sitrep.coder import default_coder
from sitrep.ingest import read_documents
from sitrep.store import Store
from sitrep.store.loader import load_articles

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
VIEWPORT = {"width": 1440, "height": 1080}


def code_examples(examples: Path, db: Path) -> int:
    """Code every example into ``db``; returns how many events were stored."""
    with Store(db) as store:
        result = load_articles(store, default_coder(), read_documents([str(examples)]))
    for error in result.errors:
        print(f"skipped {error}", file=sys.stderr)
    return result.events


def open_evidence(page: Page) -> None:
    """Open the evidence of the most confident event on the table's first page that names a
    claimant, else the first."""
    event_id = page.evaluate("""() => {
        const events = [...sitrep.shown.table].sort((a, b) => b.confidence - a.confidence);
        const claimed = events.find(e => e.claimant && e.date && e.date.start);
        return (claimed || events[0]).id;
    }""")
    page.locator(f'#events tr[data-event-id="{event_id}"]').click()
    page.wait_for_selector(f'#evidence[data-event-id="{event_id}"] p.sentence')


def photograph(url: str, out: Path, profile: Path) -> None:
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport=VIEWPORT,
        )
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector("body[data-ready=true]")
        open_evidence(page)
        page.evaluate("window.scrollTo(0, 0)")
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=Path, default=ROOT / "examples")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sitrep-screenshot-") as tmp:
        db = Path(tmp) / "examples.db"
        events = code_examples(args.examples, db)
        with BackgroundServer(create_app(db, token=None)) as server:
            photograph(server.url, args.out, Path(tmp) / "profile")
    print(f"{args.out}: {events} events from {args.examples}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
