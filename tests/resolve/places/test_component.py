"""The ``sitrep_places`` component: place names into ``doc.spans["places"]``, which the geocoder
then resolves instead of finding the names again."""

from __future__ import annotations

import pytest
import spacy

from sitrep.model import Article
from sitrep.resolve.places import is_event_place
from sitrep.resolve.places.component import PlaceFinder


def test_the_component_stores_places_and_streets_as_spans() -> None:
    nlp = spacy.blank("en")
    finder = PlaceFinder(nlp, "sitrep_places")
    doc = finder(nlp("A crash in Tishomingo closed Elm Street in Pontotoc County."))
    assert [(s.text, s.label_) for s in doc.spans["places"]] == [
        ("Tishomingo", "weak_place"), ("Elm Street", "street"), ("Pontotoc County", "place")]


def test_the_pipeline_runs_the_component(coder) -> None:
    assert "sitrep_places" in coder.nlp.pipe_names
    doc = coder.nlp("Storms damaged homes in Ardmore and Duncan on Monday.")
    assert {s.text for s in doc.spans["places"]} == {"Ardmore", "Duncan"}


def test_the_geocoder_resolves_the_stored_spans(coder) -> None:
    text = "Storms damaged homes in Ardmore and Duncan on Monday."
    doc = coder.nlp(text)
    doc.spans["places"] = [s for s in doc.spans["places"] if s.text == "Duncan"]
    places = coder.geocoder.resolve(doc, Article(id="t", text=text))
    assert [(p.text, p.country_code) for p in places] == [("Duncan", "USA")]


def test_the_resolver_component_resolves_the_spans_with_the_articles_dateline(coder) -> None:
    from sitrep.nlp.document import set_article
    from sitrep.resolve.places.component import PlaceResolver, doc_places, has_places

    text = "NIAMEY, May 3 - Storms damaged homes in Ardmore on Monday."
    article = Article(id="t", text=text, dateline_place="NIAMEY", dateline_start=0,
                      dateline_end=6)
    with coder.nlp.select_pipes(disable=["sitrep_place_resolver", "sitrep_actors"]):
        doc = coder.nlp(text)
    assert not has_places(doc)
    resolver = PlaceResolver(coder.nlp, "sitrep_place_resolver", coder.geocoder)
    places = doc_places(resolver(set_article(doc, article)))
    assert [(p.text, p.country_code, p.doc_id) for p in places] == [
        ("NIAMEY", "NER", "t"), ("Ardmore", "USA", "t")]


def test_the_pipeline_resolves_places_after_finding_them(coder) -> None:
    names = coder.nlp.pipe_names
    assert names.index("sitrep_places") < names.index("sitrep_place_resolver") < \
        names.index("sitrep_actors") < names.index("sitrep_triggers")


def test_a_place_joined_to_an_actor_subject_is_an_actor_too(coder) -> None:
    text = "Lisbon and Rabat agreed on Friday to delay the talks, officials in Porto said."
    places = {p.text: p for p in coder.code_article(Article(id="t", text=text)).places}
    # capitals named as doers are their governments: no places of the article
    assert "Lisbon" not in places and "Rabat" not in places
    assert is_event_place(places["Porto"])


def test_a_country_named_as_a_doer_stays_a_place_but_no_event_place(coder) -> None:
    text = "Portugal and Morocco agreed on Friday to delay the talks, officials in Porto said."
    places = {p.text: p for p in coder.code_article(Article(id="t", text=text)).places}
    assert places["Portugal"].score == places["Morocco"].score == 0.0
    assert not is_event_place(places["Portugal"])
    assert is_event_place(places["Porto"])


@pytest.mark.parametrize(("text", "gone", "kept"), [
    ("Talks between Hanoi and Canberra resumed on Monday, officials in Da Nang said.",
     {"Hanoi", "Canberra"}, {"Da Nang"}),
    ("Ottawa blamed the rail company for the delays, and commuters in Toronto waited.",
     {"Ottawa"}, {"Toronto"}),
    ("Nairobi's refusal to extend the deal angered traders in Mombasa.",
     {"Nairobi"}, {"Mombasa"}),
    ("Lima warned Quito against closing the border crossing near Tumbes.",
     {"Lima", "Quito"}, {"Tumbes"}),
    ("Flights between Hanoi and Canberra resumed on Monday, officials in Da Nang said.",
     set(), {"Hanoi", "Canberra", "Da Nang"}),
    ("Nairobi's streets flooded on Monday after heavy rain.", set(), {"Nairobi"}),
])
def test_a_capital_named_as_a_doer_is_no_place(coder, text, gone, kept) -> None:
    """A capital that speaks, acts towards another side, possesses an act or dealings, or is
    one side of dealings stands for its government; named as a place, it stays one."""
    coded = coder.code_article(Article(id="t", text=text, published="2024-05-03"))
    names = {p.text for p in coded.places}
    assert not gone & names and kept <= names, names


def test_the_actor_stage_still_reads_a_capital_doer_as_its_government(coder) -> None:
    text = "Lima warned Quito against closing the border crossing near Tumbes."
    coded = coder.code_article(Article(id="t", text=text, published="2024-05-03"))
    sides = {(a.text, a.country, a.sector) for e in coded.events for a in e.actors + e.recipients}
    assert {("Lima", "PER", "GOV"), ("Quito", "ECU", "GOV")} <= sides
