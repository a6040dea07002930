"""Ranking rules of the geocoder, on hand-made entity spans (no statistical model needed)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sitrep.model import Article, PlaceMention
from sitrep.resolve.places import Geocoder, is_event_place
from sitrep.resolve.places.countries import country_by_iso3


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder()


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def tagged(blank, text: str, names: list[str], label: str = "GPE") -> Doc:
    """A document whose entities are every occurrence of ``names``."""
    doc = blank(text)
    spans = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            span = doc.char_span(at, at + len(name), label=label)
            assert span is not None, name
            spans.append(span)
            at = text.find(name, at + len(name))
    doc.ents = sorted(spans, key=lambda s: s.start)
    return doc


def resolve(geocoder: Geocoder, blank, text: str, names: list[str], **article
            ) -> dict[str, PlaceMention]:
    doc = tagged(blank, text, names)
    places = geocoder.resolve(doc, Article(id="t", text=text, **article))
    return {p.text: p for p in places}


def test_city_with_its_country_after_a_comma(geocoder, blank) -> None:
    places = resolve(geocoder, blank, "Soldiers left Niamey, Niger, on Friday.",
                     ["Niamey", "Niger"])
    assert places["Niamey"].precision == "city"
    assert places["Niamey"].country_code == "NER"
    assert places["Niger"].precision == "country"
    assert places["Niger"].country_code == "NER"


def test_containment_beats_population(geocoder, blank) -> None:
    alone = resolve(geocoder, blank, "A fair opened in Paris today.", ["Paris"])
    assert alone["Paris"].country_code == "FRA"
    inside = resolve(geocoder, blank, "A fair opened in Paris, Texas today.", ["Paris", "Texas"])
    assert inside["Paris"].country_code == "USA"
    assert inside["Texas"].precision == "admin1"


def test_document_focus_picks_the_country_talked_about(geocoder, blank) -> None:
    text = ("Australia sent help after floods in Queensland and New South Wales; "
            "Perth and Victoria were spared.")
    places = resolve(geocoder, blank, text,
                     ["Australia", "Queensland", "New South Wales", "Perth", "Victoria"])
    assert places["Victoria"].country_code == "AUS"
    assert places["Perth"].country_code == "AUS"


def test_country_names_always_resolve_to_the_country(geocoder, blank) -> None:
    places = resolve(geocoder, blank, "Troops left Chad and Niger for Mexico.",
                     ["Chad", "Niger", "Mexico"])
    for text, iso3 in (("Chad", "TCD"), ("Niger", "NER"), ("Mexico", "MEX")):
        assert places[text].precision == "country"
        assert places[text].country_code == iso3
        assert places[text].feature_code == "PCLI"


def test_country_level_mentions_never_get_city_coordinates(geocoder, blank) -> None:
    niger = resolve(geocoder, blank, "They flew to Niger.", ["Niger"])["Niger"]
    country = country_by_iso3("NER")
    assert country is not None
    assert (niger.lat, niger.lon) == (country.lat, country.lon)
    assert (niger.lat, niger.lon) != (country.capital_lat, country.capital_lon)


def test_curly_apostrophe_names_resolve(geocoder, blank) -> None:
    places = resolve(geocoder, blank, "US troops at the N\u2019Djamena base moved.",
                     ["N\u2019Djamena"])
    assert places["N\u2019Djamena"].country_code == "TCD"
    assert places["N\u2019Djamena"].precision == "city"


def test_facility_from_the_codebook(geocoder, blank) -> None:
    place = resolve(geocoder, blank, "They share Air Base 101 now.", ["Air Base 101"])
    assert place["Air Base 101"].precision == "facility"
    assert place["Air Base 101"].country_code == "NER"


def test_dateline_is_a_resolved_mention(geocoder, blank) -> None:
    text = "Niamey (Niger), May 3: troops arrived."
    doc = tagged(blank, text, [])
    places = geocoder.resolve(doc, Article(id="t", text=text, dateline_place="Niamey",
                                           dateline_start=0, dateline_end=6))
    assert [(p.start, p.end, p.country_code, p.precision) for p in places] == [
        (0, 6, "NER", "city")]


def test_unknown_names_stay_unresolved(geocoder, blank) -> None:
    places = resolve(geocoder, blank, "They reached Zqxwvland.", ["Zqxwvland"])
    assert places["Zqxwvland"].lat is None
    assert places["Zqxwvland"].precision is None
    assert not is_event_place(places["Zqxwvland"])


def test_names_used_as_actors_are_marked(coder) -> None:
    text = "Washington said on Monday that troops in Kenya would stay."
    doc = coder.nlp(text)
    places = {p.text: p for p in coder.geocoder.resolve(doc, Article(id="t", text=text))}
    assert places["Washington"].score == 0.0
    assert not is_event_place(places["Washington"])
    assert is_event_place(places["Kenya"])
