"""Read side of the gazetteer index: names to candidate places, cached per name."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.errors import SetupError
from sitrep.resolve.places.index import ensure_index
from sitrep.resolve.places.normalize import fold

PART_MIN_TOWNS = 5


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may stand for."""

    id: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature_code: str
    precision: str
    population: int


class Gazetteer:
    """Looks names up in the index file (built on first use if missing)."""

    def __init__(self, path: Path | None = None, progress: bool = False) -> None:
        self.path = path or ensure_index(progress=progress)
        try:
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                      check_same_thread=False)
        except sqlite3.Error as exc:
            raise SetupError(f"cannot open the gazetteer index {self.path}: {exc}") from exc
        self.candidates = lru_cache(maxsize=200_000)(self._candidates)
        self._parts: dict[tuple[str, str | None, str], tuple[float, float] | None] = {}
        self._kinds: dict[str, dict[str, float]] = {}
        self._divisions: dict[str, int] | None = None

    def _candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every place called ``name`` (folded, case kept), most populous first."""
        rows = self.db.execute(
            "SELECT p.id, p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1,"
            " p.feature_code, p.precision, p.population FROM names n JOIN places p"
            " ON p.id = n.place WHERE n.name = ? ORDER BY p.population DESC LIMIT 200",
            (fold(name),),
        ).fetchall()
        return tuple(Candidate(*row) for row in rows)

    def kind_countries(self, word: str) -> dict[str, float]:
        """The countries whose places the index names with a kind word ("Township",
        "Parish"), each with its share of those names: where the word is used."""
        if word not in self._kinds:
            self._kinds[word] = self._kind_countries(word)
        return self._kinds[word]

    def _kind_countries(self, word: str) -> dict[str, float]:
        rows = self.db.execute(
            "SELECT p.country, count(*) FROM names n JOIN places p ON p.id = n.place"
            " WHERE n.name LIKE ? AND p.country IS NOT NULL GROUP BY p.country",
            (f"% {word}",)).fetchall()
        total = sum(count for _, count in rows)
        return {country: count / total for country, count in rows} if total else {}

    def division_counts(self) -> dict[str, int]:
        """How many first-level divisions the index holds per country (the UK's four
        nations, the fifty states)."""
        if self._divisions is None:
            rows = self.db.execute(
                "SELECT country, count(*) FROM places WHERE precision = 'admin1'"
                " AND country IS NOT NULL GROUP BY country").fetchall()
            self._divisions = {country: count for country, count in rows}
        return self._divisions

    def big_place_names(self, admin1_population: int, city_population: int) -> list[str]:
        """Names of regions, of divisions and cities above a population, and of capitals."""
        rows = self.db.execute(
            "SELECT name FROM places WHERE (precision = 'admin1' AND population >= ?)"
            " OR (precision = 'city' AND (population >= ? OR feature_code = 'PPLC'))"
            " OR precision = 'region'",
            (admin1_population, city_population),
        )
        return [row[0] for row in rows]

    def part_point(self, country: str, admin1: str | None, side: str
                   ) -> tuple[float, float] | None:
        """The middle of the towns of a country (or of its first-level division ``admin1``)
        that lie on one ``side`` of it ("N", "SE", "C"...): the point of "Southern
        California". Sides are halves of the towns' bounding box, trimmed of the outermost
        2% (islands and exclaves); "C" is its middle half both ways. None without towns."""
        key = (country, admin1, side)
        if key not in self._parts:
            self._parts[key] = self._part_point(country, admin1, side)
        return self._parts[key]

    def _part_point(self, country: str, admin1: str | None, side: str
                    ) -> tuple[float, float] | None:
        rows = self.db.execute(
            "SELECT lat, lon FROM places WHERE country = ? AND precision = 'city'"
            " AND (? IS NULL OR admin1 = ?)", (country, admin1, admin1)).fetchall()
        if len(rows) < PART_MIN_TOWNS:
            return None
        lats, lons = sorted(r[0] for r in rows), sorted(r[1] for r in rows)
        cut = len(rows) // 50
        south, north = lats[cut], lats[-1 - cut]
        west, east = lons[cut], lons[-1 - cut]
        mid_lat, mid_lon = (south + north) / 2, (west + east) / 2
        quarter_lat, quarter_lon = (north - south) / 4, (east - west) / 4
        tests = {"N": lambda lat, lon: lat >= mid_lat, "S": lambda lat, lon: lat <= mid_lat,
                 "E": lambda lat, lon: lon >= mid_lon, "W": lambda lat, lon: lon <= mid_lon,
                 "C": lambda lat, lon: abs(lat - mid_lat) <= quarter_lat and (
                     abs(lon - mid_lon) <= quarter_lon)}
        inside = [(lat, lon) for lat, lon in rows if south <= lat <= north and west <= lon <= east
                  and all(tests[letter](lat, lon) for letter in side)]
        if not inside:
            return None
        return (sum(p[0] for p in inside) / len(inside), sum(p[1] for p in inside) / len(inside))

    def names_of(self, place_id: int) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM names WHERE place = ?",
                                              (place_id,))]
