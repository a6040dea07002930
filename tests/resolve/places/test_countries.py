"""Countries by name, alias, demonym and code."""

from __future__ import annotations

import pytest

from sitrep.resolve.actors.resolver import _capitals
from sitrep.resolve.places.countries import (
    all_countries,
    country_by_iso3,
    country_for_demonym,
    country_for_name,
    country_names,
    demonyms,
)


@pytest.mark.parametrize(("text", "iso3"), [
    ("US", "USA"), ("U.S.", "USA"), ("USA", "USA"), ("United States", "USA"),
    ("the United States", "USA"), ("America", "USA"), ("Russia", "RUS"), ("Niger", "NER"),
    ("Nigeria", "NGA"), ("Chad", "TCD"), ("Ivory Coast", "CIV"), ("Côte d’Ivoire", "CIV"),
    ("Britain", "GBR"), ("UK", "GBR"), ("DRC", "COD"), ("Burma", "MMR"),
])
def test_country_for_name_knows_names_and_aliases(text: str, iso3: str) -> None:
    country = country_for_name(text)
    assert country is not None
    assert country.iso3 == iso3


def test_acronyms_match_only_in_capitals() -> None:
    assert country_for_name("us") is None


def test_a_city_is_not_a_country() -> None:
    assert country_for_name("N’Djamena") is None


@pytest.mark.parametrize(("text", "iso3"), [
    ("Russian", "RUS"), ("American", "USA"), ("Nigerien", "NER"), ("Nigerian", "NGA"),
    ("Chadian", "TCD"), ("French", "FRA"), ("British", "GBR"), ("Russians", "RUS"),
    ("Chinese", "CHN"), ("Congolese", "COD"),
])
def test_country_for_demonym_prefers_the_curated_reading(text: str, iso3: str) -> None:
    country = country_for_demonym(text)
    assert country is not None
    assert country.iso3 == iso3


def test_country_by_iso3_carries_coordinates_and_capital() -> None:
    niger = country_by_iso3("ner")
    assert niger is not None
    assert niger.name == "Niger"
    assert niger.capital == "Niamey"
    assert niger.lat is not None and 10 < niger.lat < 24
    assert "TCD" in niger.neighbours


def test_curated_tables_load() -> None:
    assert country_names()["Ivory Coast"] == "CIV"
    assert demonyms()["Nigerien"] == "NER"


def test_a_dissolved_country_is_marked_and_its_successor_is_not() -> None:
    countries = all_countries()
    assert countries["SCG"].dissolved  # Serbia and Montenegro, still listed by GeoNames
    assert not countries["SRB"].dissolved
    assert not countries["XKX"].dissolved  # no ISO code yet, but no retired one either


@pytest.mark.parametrize(("capital", "iso3"), [
    ("Belgrade", "SRB"),  # also the capital GeoNames gives Serbia and Montenegro
    ("Kingston", "JAM"),  # also Norfolk Island's seat
    ("Moscow", "RUS"),
])
def test_a_capital_shared_by_two_countries_speaks_for_the_current_larger_one(
        capital: str, iso3: str) -> None:
    assert _capitals()[capital] == iso3
