"""The actor codebook: sectors, sector words, person titles, institutions and organisations.

All of it is data in ``sitrep/codebook/actors`` that a user can read and extend; this module
only loads and checks it, once per process.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from sitrep.errors import SetupError

CODEBOOK = "sitrep.codebook.actors"


@dataclass(frozen=True, slots=True)
class Body:
    """A named institution or organisation; ``country`` is None when the context decides."""

    name: str
    country: str | None
    sector: str | None
    entity: bool = True


@dataclass(frozen=True, slots=True)
class SectorWord:
    """A word that signals a sector; ``strong`` words beat generic ones, ``local`` ones take
    the country of the context when the phrase names none."""

    sector: str
    strong: bool
    local: bool


@dataclass(frozen=True, slots=True)
class Codebook:
    sectors: dict[str, str]
    non_state: dict[str, str]
    words: dict[str, SectorWord]
    titles: dict[str, str | None]
    bodies: dict[str, Body]
    name_stopwords: frozenset[str]


def read_text(name: str) -> str:
    """One codebook file's text; a missing file is a broken install, not an empty table."""
    try:
        return (resources.files(CODEBOOK) / name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SetupError(f"codebook file {name} is missing from sitrep/codebook/actors") from exc


def read_rows(name: str) -> Iterator[list[str]]:
    """Tab-separated rows, comments and blank lines skipped."""
    for line in read_text(name).splitlines():
        if line.strip() and not line.startswith("#"):
            yield [cell.strip() for cell in line.split("\t")]


def read_jsonl(name: str) -> Iterator[dict]:
    for number, line in enumerate(read_text(name).splitlines(), 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise SetupError(f"{name} line {number}: {exc.msg}") from exc


def _check(value: str | None, known: dict[str, str] | set[str], where: str) -> str | None:
    if value and value not in known:
        raise SetupError(f"{where}: unknown code {value!r}")
    return value or None


def _words(sectors: dict[str, str]) -> dict[str, SectorWord]:
    words = {}
    for row in read_rows("sector_words.tsv"):
        word, sector, weight = row[0], row[1], row[2]
        scope = row[3] if len(row) > 3 else ""
        _check(sector, sectors, f"sector_words.tsv {word!r}")
        words[word.lower()] = SectorWord(sector, weight == "strong", scope == "local")
    return words


def _titles(sectors: dict[str, str]) -> dict[str, str | None]:
    return {row[0]: _check(row[1] if len(row) > 1 else "", sectors, f"titles.tsv {row[0]!r}")
            for row in read_rows("titles.tsv")}


def _bodies(sectors: dict[str, str], non_state: dict[str, str]) -> dict[str, Body]:
    bodies: dict[str, Body] = {}
    for name in ("institutions.jsonl", "organisations.jsonl"):
        for row in read_jsonl(name):
            country = row.get("country")
            if country and not (len(country) == 3 and country.isupper()):
                raise SetupError(f"{name} {row['name']!r}: country must be ISO alpha-3 or a "
                                 f"non-state code, not {country!r}")
            body = Body(row["name"], country, _check(row.get("sector"), sectors, name),
                        bool(row.get("entity", True)))
            for alias in row["aliases"]:
                bodies.setdefault(alias, body)
    return bodies


@cache
def load_codebook() -> Codebook:
    """The whole actor codebook, checked: unknown sector codes fail loudly."""
    sectors = {row[0]: row[1] for row in read_rows("sectors.tsv")}
    non_state = {row[0]: row[1] for row in read_rows("non_state_codes.tsv")}
    stop = frozenset(row[0] for row in read_rows("name_stopwords.txt"))
    return Codebook(sectors=sectors, non_state=non_state, words=_words(sectors),
                    titles=_titles(sectors), bodies=_bodies(sectors, non_state),
                    name_stopwords=stop)
