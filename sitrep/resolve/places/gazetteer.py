"""Read side of the gazetteer index: names to candidate places, cached per name."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.errors import SetupError
from sitrep.resolve.places.index import ensure_index
from sitrep.resolve.places.normalize import fold


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

    def _candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every place called ``name`` (folded, case kept), most populous first."""
        rows = self.db.execute(
            "SELECT p.id, p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1,"
            " p.feature_code, p.precision, p.population FROM names n JOIN places p"
            " ON p.id = n.place WHERE n.name = ? ORDER BY p.population DESC LIMIT 200",
            (fold(name),),
        ).fetchall()
        return tuple(Candidate(*row) for row in rows)

    def big_place_names(self, admin1_population: int, city_population: int) -> list[str]:
        """Names of regions, of divisions and cities above a population, and of capitals."""
        rows = self.db.execute(
            "SELECT name FROM places WHERE (precision = 'admin1' AND population >= ?)"
            " OR (precision = 'city' AND (population >= ? OR feature_code = 'PPLC'))"
            " OR precision = 'region'",
            (admin1_population, city_population),
        )
        return [row[0] for row in rows]

    def names_of(self, place_id: int) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM names WHERE place = ?",
                                              (place_id,))]
