"""The gazetteer index file and the entity-ruler patterns built from it."""

from __future__ import annotations

from sitrep.resolve.places import place_patterns
from sitrep.resolve.places.gazetteer import Gazetteer
from sitrep.resolve.places.index import airport_names, ensure_index, index_path, source_version


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
    assert gazetteer.candidates("Eastern") == gazetteer.candidates("Gulf") == ()
    assert gazetteer.candidates("Gulf Coast")[0].precision == "region"


def test_divisions_are_filed_without_their_local_kind_word() -> None:
    gazetteer = Gazetteer()
    assert {c.precision for c in gazetteer.candidates("Piacenza")} >= {"city", "admin2"}
    assert any(c.precision == "admin2" and c.country == "PHL"
               for c in gazetteer.candidates("Nueva Vizcaya"))


def test_divisions_are_filed_without_every_affix_and_with_its_english_form() -> None:
    gazetteer = Gazetteer()
    for name in ("Guangxi", "Ningxia", "Xinjiang", "Guangxi Zhuang Autonomous Region",
                 "Ningxia Hui Autonomous Region", "Xinjiang Uyghur Autonomous Region", "Tibet",
                 "Xizang", "Inner Mongolia"):
        assert any(c.precision == "admin1" and c.country == "CHN"
                   for c in gazetteer.candidates(name)), name


def test_iso_divisions_missing_from_the_city_data_sit_at_their_seat() -> None:
    gazetteer = Gazetteer()
    town = next(c for c in gazetteer.candidates("Narok") if c.precision == "city")
    division = next(c for c in gazetteer.candidates("Narok") if c.precision == "admin1")
    assert (division.lat, division.lon, division.country) == (town.lat, town.lon, "KEN")
    assert division.population == 0
    assert any(c.precision == "admin2" and c.country == "UGA"
               for c in gazetteer.candidates("Serere"))


def test_place_patterns_cover_countries_demonyms_cities_facilities() -> None:
    patterns = place_patterns()
    pairs = {(p["label"], p["pattern"]) for p in patterns if isinstance(p["pattern"], str)}
    assert ("GPE", "Niger") in pairs
    assert ("GPE", "U.S.") in pairs
    assert ("NORP", "Nigerien") in pairs
    assert ("GPE", "Niamey") in pairs
    assert ("GPE", "N\u2019Djamena") in pairs
    assert ("FAC", "Camp Lemonnier") in pairs
    assert ("GPE", "NSW") in pairs
    assert ("GPE", "Reading") not in pairs
    assert ("GPE", "Eastern") not in pairs
    assert ("GPE", "Island") not in pairs
    assert any(p["label"] == "FAC" and isinstance(p["pattern"], list) for p in patterns)
    assert len(patterns) < 8000


def test_airport_names_give_the_short_forms_news_uses() -> None:
    names = airport_names("Chicago O'Hare International Airport", "Chicago")
    assert {"O'Hare International Airport", "O'Hare Airport", "O'Hare"} <= names
    assert "Airport" not in airport_names("Teterboro Airport", "Teterboro")
    assert "Hartsfield-Jackson Atlanta International Airport" in airport_names(
        "Hartsfield/Jackson Atlanta International Airport", "Atlanta")
    assert "John F. Kennedy International Airport" in airport_names(
        "John F Kennedy International Airport", "New York")


def test_an_airport_short_name_that_names_a_town_stays_the_towns() -> None:
    names = airport_names("Billings Logan International Airport", "Billings",
                          taken=frozenset({"Logan"}))
    assert "Logan Airport" in names
    assert "Logan" not in names


def test_index_knows_airports_and_landmarks() -> None:
    gazetteer = Gazetteer()
    heathrow = gazetteer.candidates("Heathrow Airport")[0]
    assert (heathrow.country, heathrow.feature_code, heathrow.precision) == (
        "GBR", "AIRP", "facility")
    assert gazetteer.candidates("Grand Coulee Dam")[0].precision == "facility"
    assert gazetteer.candidates("Zion National Park")[0].precision == "region"
    assert all(c.feature_code != "AIRP" for c in gazetteer.candidates("Airport"))


def test_a_kind_word_is_used_where_the_index_names_places_with_it() -> None:
    countries = Gazetteer().kind_countries("Township")
    assert max(countries, key=countries.__getitem__) == "USA"
    assert Gazetteer().kind_countries("Nowhereword") == {}


def test_index_knows_national_forests() -> None:
    forest = Gazetteer().candidates("Tongass National Forest")[0]
    assert (forest.country, forest.feature_code, forest.precision) == ("USA", "FRST", "region")


def test_french_departments_are_filed_without_their_article() -> None:
    gazetteer = Gazetteer()
    for name in ("Gironde", "Isere", "Yvelines", "Bouches-du-Rhone", "Rhone"):
        assert any(c.precision == "admin2" and c.country == "FRA"
                   for c in gazetteer.candidates(name)), name
