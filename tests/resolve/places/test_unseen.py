"""Sentences the geocoder was not written from: each place they name is found and resolved in
its country, within 161 km of where it is.

The sentences live in ``unseen_places.tsv`` next to this file (local US news and web news,
written before the geocoder ran on them). A row with a known gap is expected to fail until the
gap is closed (strict xfail: a fixed gap fails the test until its note is removed).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from sitrep.eval.places import NEAR_KM, distance_km
from sitrep.model import Article, PlaceMention

pytestmark = pytest.mark.slow

FIXTURE = Path(__file__).with_name("unseen_places.tsv")


def read_rows(path: Path = FIXTURE) -> list[dict[str, str]]:
    """The fixture's rows, comment lines left out."""
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = read_rows()


def cases() -> list:
    """One case per expected place; known gaps are strict expected failures."""
    return [pytest.param(row, id=f"{int(row['sentence']):02d}-{row['place']}",
                         marks=[] if row["known_gap"] == "-" else [
                             pytest.mark.xfail(reason=row["known_gap"], strict=True)])
            for row in ROWS]


@cache
def _places(coder, text: str) -> tuple[PlaceMention, ...]:
    article = Article(id="unseen", text=text, published="2024-05-03")
    return tuple(coder.code_article(article).places)


def test_every_row_names_a_place_of_its_sentence():
    assert len({row["sentence"] for row in ROWS}) >= 40
    for row in ROWS:
        assert row["place"] in row["text"], row


@pytest.mark.parametrize("row", cases())
def test_place_of_an_unseen_sentence(coder, row):
    text, place = row["text"], row["place"]
    start = text.index(place)
    found = [p for p in _places(coder, text) if p.start < start + len(place) and start < p.end]
    assert found, f"{place!r} not found"
    mention = found[0]
    assert mention.country_code == row["country"], mention
    if row["lat"] != "-":
        assert mention.lat is not None and mention.lon is not None, mention
        km = distance_km(float(row["lat"]), float(row["lon"]), mention.lat, mention.lon)
        assert km <= NEAR_KM, (round(km), mention)
