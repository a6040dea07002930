"""The gazetteer index file and the entity-ruler patterns built from it."""

from __future__ import annotations

from sitrep.resolve.places import place_patterns
from sitrep.resolve.places.gazetteer import Gazetteer
from sitrep.resolve.places.index import ensure_index, index_path, source_version


def test_index_is_named_by_source_version_and_reused() -> None:
    path = ensure_index()
    assert path == index_path()
    assert source_version() in path.name
    stamp = path.stat().st_mtime_ns
    assert ensure_index() == path
    assert path.stat().st_mtime_ns == stamp


def test_index_knows_cities_divisions_countries() -> None:
    gazetteer = Gazetteer()
    assert gazetteer.candidates("N'Djamena")[0].country == "TCD"
    assert any(c.precision == "admin1" for c in gazetteer.candidates("Queensland"))
    assert gazetteer.candidates("Niger")[0].precision == "country"
    assert gazetteer.candidates("Eastern") == ()


def test_place_patterns_cover_countries_demonyms_cities_facilities() -> None:
    patterns = place_patterns()
    pairs = {(p["label"], p["pattern"]) for p in patterns if isinstance(p["pattern"], str)}
    assert ("GPE", "Niger") in pairs
    assert ("GPE", "U.S.") in pairs
    assert ("NORP", "Nigerien") in pairs
    assert ("GPE", "Niamey") in pairs
    assert ("GPE", "N\u2019Djamena") in pairs
    assert ("FAC", "Camp Lemonnier") in pairs
    assert ("GPE", "Reading") not in pairs
    assert ("GPE", "Eastern") not in pairs
    assert ("GPE", "Island") not in pairs
    assert any(p["label"] == "FAC" and isinstance(p["pattern"], list) for p in patterns)
    assert len(patterns) < 8000
