"""Entity-ruler patterns for places: countries and aliases, demonyms, divisions (and their
listed short forms in capitals, "NSW"), big cities, regions and facilities. Phrase patterns
match case-sensitively on ORTH."""

from __future__ import annotations

from functools import cache

from sitrep.resolve.places.countries import country_names, demonyms, read_tsv
from sitrep.resolve.places.detect import place_acronyms
from sitrep.resolve.places.gazetteer import Gazetteer

CITY_POPULATION = 250_000
ADMIN1_POPULATION = 200_000
FACILITY_WORDS = ("Air Base", "Airbase", "Air Force Base", "Naval Base", "Military Base",
                  "airport", "Airport", "International Airport", "Barracks")


def _facility_patterns() -> list[dict]:
    """"Air Base 101", "Camp Lemonnier", "Agadez Air Base", "Kandahar airport"."""
    patterns: list[dict] = [
        {"label": "FAC", "pattern": [{"ORTH": "Air"}, {"ORTH": "Base"}, {"LIKE_NUM": True}]},
        {"label": "FAC", "pattern": [{"ORTH": "Camp"}, {"IS_TITLE": True, "ENT_TYPE": {"NOT_IN": [
            "PERSON"]}}]},
        {"label": "FAC", "pattern": [{"ORTH": "Fort"}, {"IS_TITLE": True}]},
    ]
    for words in FACILITY_WORDS:
        tail = [{"ORTH": w} for w in words.split()]
        patterns.append({"label": "FAC", "pattern": [
            {"IS_TITLE": True, "IS_SENT_START": False, "OP": "+"}, *tail]})
    for row in read_tsv("facilities.tsv"):
        patterns.append({"label": "FAC", "pattern": row[0]})
    return patterns


@cache
def _stoplist() -> frozenset[str]:
    return frozenset(row[0] for row in read_tsv("not_places.tsv"))


@cache
def _generic() -> frozenset[str]:
    return frozenset(row[0] for row in read_tsv("generic_names.tsv"))


def _gazetteer_names(gazetteer: Gazetteer) -> list[str]:
    """Names of first-level divisions and cities big enough to be named in world news.

    Generic words ("Eastern", "Delta") stay out even where a division bears them: as a pattern
    they would cut "Eastern Ridge" or "Volga Delta" short before the statistical NER sees them.
    """
    names = set(gazetteer.big_place_names(ADMIN1_POPULATION, CITY_POPULATION))
    skip = _stoplist() | _generic()
    return sorted(n for n in names if n not in skip and len(n) > 2)


def _with_curly(patterns: list[dict]) -> list[dict]:
    """Add the curly-apostrophe spelling of every phrase pattern with an apostrophe."""
    extra = [{**p, "pattern": p["pattern"].replace("'", "\u2019")} for p in patterns
             if isinstance(p["pattern"], str) and "'" in p["pattern"]]
    return patterns + extra


def place_patterns(gazetteer: Gazetteer | None = None) -> list[dict]:
    """The place patterns for the ``sitrep_entity_ruler`` (about 6,000, phrase patterns)."""
    gazetteer = gazetteer or Gazetteer()
    countries = set(country_names())
    patterns = [{"label": "GPE", "pattern": name} for name in sorted(countries - _generic())]
    for demonym in sorted(demonyms()):
        if demonym not in countries:
            patterns.append({"label": "NORP", "pattern": demonym})
            if not demonym.endswith(("s", "ese", "sh", "ch")):
                patterns.append({"label": "NORP", "pattern": demonym + "s"})
    patterns += [{"label": "LOC", "pattern": row[0]} for table in ("regions.tsv", "physical.tsv")
                 for row in read_tsv(table)]
    patterns += [{"label": "GPE", "pattern": name} for name in _gazetteer_names(gazetteer)
                 if name not in countries]
    patterns += [{"label": "GPE", "pattern": name} for name in sorted(place_acronyms())
                 if "." not in name and len(name) > 2]  # "NSW"; "N.C." needs its context
    return _with_curly([*patterns, *_facility_patterns()])
