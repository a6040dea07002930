"""The page's third-party files: which ones it needs, copied from ``node_modules`` at set-up.

The npm lock file pins them; ``make assets`` runs ``npm ci`` then this module, so the page
loads everything from the app itself (no CDN, no tile server) and nothing downloads at run time.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from sitrep.errors import SetupError

STATIC = Path(__file__).parent / "static"
VENDOR = STATIC / "vendor"

# vendor file name -> path inside node_modules
FILES: dict[str, str] = {
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "leaflet.LICENSE": "leaflet/LICENSE",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "topojson-client.LICENSE": "topojson-client/LICENSE",
    "vis-timeline-graph2d.min.js": "vis-timeline/standalone/umd/vis-timeline-graph2d.min.js",
    "vis-timeline-graph2d.min.css": "vis-timeline/styles/vis-timeline-graph2d.min.css",
    "vis-timeline.LICENSE": "vis-timeline/LICENSE.MIT.txt",
    "countries-110m.json": "world-atlas/countries-110m.json",
    "world-atlas.LICENSE": "world-atlas/LICENSE",
}


def missing(vendor: Path | None = None) -> list[str]:
    """Vendor files the page needs that are not installed."""
    vendor = vendor or VENDOR
    return [name for name in FILES if not (vendor / name).is_file()]


def check(vendor: Path | None = None) -> None:
    """Fail clearly, with the fix, when the page's assets were never installed."""
    absent = missing(vendor)
    if absent:
        raise SetupError(
            f"web assets missing ({', '.join(absent)}): run `make assets` (npm ci) first"
        )


def install(node_modules: Path, vendor: Path | None = None) -> list[Path]:
    """Copy the needed files out of ``node_modules`` into the package's vendor folder."""
    vendor = vendor or VENDOR
    absent = [src for src in FILES.values() if not (node_modules / src).is_file()]
    if absent:
        raise SetupError(f"not in {node_modules}: {', '.join(absent)}: run `npm ci` first")
    vendor.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copyfile(node_modules / src, vendor / name))
            for name, src in FILES.items()]


def main(argv: list[str]) -> int:
    """``python -m sitrep.web.assets [NODE_MODULES]``: used by ``make assets``."""
    node_modules = Path(argv[0]) if argv else Path("node_modules")
    try:
        copied = install(node_modules)
    except SetupError as err:
        print(f"sitrep: {err}", file=sys.stderr)
        return 1
    print(f"sitrep: {len(copied)} web assets in {VENDOR}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
