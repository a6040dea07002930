"""The page's vendor files: copied from node_modules at set-up, checked before serving."""

from __future__ import annotations

import json

import pytest

from sitrep.errors import SetupError
from sitrep.web import assets


def fake_node_modules(root):
    for src in assets.FILES.values():
        path = root / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"// {src}\n")
    return root


def test_install_copies_each_needed_file(tmp_path):
    node_modules = fake_node_modules(tmp_path / "node_modules")
    vendor = tmp_path / "vendor"
    copied = assets.install(node_modules, vendor)
    assert sorted(p.name for p in copied) == sorted(assets.FILES)
    assert (vendor / "leaflet.js").read_text() == "// leaflet/dist/leaflet.js\n"
    assert assets.missing(vendor) == []


def test_install_names_what_npm_did_not_provide(tmp_path):
    node_modules = fake_node_modules(tmp_path / "node_modules")
    (node_modules / "world-atlas" / "countries-110m.json").unlink()
    with pytest.raises(SetupError, match="world-atlas/countries-110m.json"):
        assets.install(node_modules, tmp_path / "vendor")


def test_check_says_how_to_fix_missing_assets(tmp_path):
    with pytest.raises(SetupError, match="make assets"):
        assets.check(tmp_path)


def test_main_reports_failure_on_stderr(tmp_path, capsys):
    assert assets.main([str(tmp_path)]) == 1
    assert "npm ci" in capsys.readouterr().err


def test_the_installed_assets_are_complete():
    """``make assets`` ran: the page can load every library from the package."""
    assert assets.missing() == []


def test_the_world_atlas_names_countries_by_numeric_code():
    topology = json.loads((assets.VENDOR / "countries-110m.json").read_text())
    ids = {g.get("id") for g in topology["objects"]["countries"]["geometries"]}
    assert {"562", "148"} <= ids  # Niger, Chad


def test_the_lock_file_pins_every_page_library():
    root = assets.STATIC.parents[2]
    lock = json.loads((root / "package-lock.json").read_text())
    versions = {name.removeprefix("node_modules/"): meta["version"]
                for name, meta in lock["packages"].items() if name}
    assert versions["leaflet"] == "1.9.4"
    assert versions["world-atlas"] == "2.0.2"
    assert versions["topojson-client"] == "3.1.0"
    assert "vis-timeline" in versions
    assert all(meta.get("integrity") for name, meta in lock["packages"].items() if name)
