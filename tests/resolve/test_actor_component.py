"""The ``sitrep_actors`` component: named entities that stand for an actor into
``doc.spans["actors"]`` and the document's actor context into ``doc._.actor_context``, read
by event extraction instead of resolving them again."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from sitrep.model import Article, PlaceMention
from sitrep.nlp.document import set_article
from sitrep.resolve.actors.component import ActorFinder, doc_entities, has_actors
from sitrep.resolve.places.component import register_extensions


def _doc() -> Doc:
    """"Nigerien soldiers arrested two men in Niamey ." with its parse, entities and places,
    built by hand (no model)."""
    words = ["Nigerien", "soldiers", "arrested", "two", "men", "in", "Niamey", "."]
    doc = Doc(spacy.blank("en").vocab, words=words,
              heads=[1, 2, 2, 4, 2, 2, 5, 2],
              deps=["amod", "nsubj", "ROOT", "nummod", "dobj", "prep", "pobj", "punct"],
              pos=["ADJ", "NOUN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PUNCT"])
    doc.ents = [Span(doc, 0, 1, label="NORP"), Span(doc, 6, 7, label="GPE")]
    register_extensions()
    start = doc[6].idx
    doc._.places = [PlaceMention(doc_id="d", start=start, end=start + 6, text="Niamey",
                                 country_code="NER", precision="city", score=1.0)]
    return set_article(doc, Article(id="d", text=doc.text, published="2024-05-03"))


def test_the_component_stores_the_actors_of_the_entities_and_the_context() -> None:
    doc = ActorFinder(spacy.blank("en"), "sitrep_actors")(_doc())
    assert has_actors(doc)
    assert [(s.text, s._.actor.country, s._.actor.sector) for s in doc.spans["actors"]] == [
        ("Nigerien", "NER", "MIL")]
    assert doc._.actor_context.focus == "NER"
    assert doc._.actor_context.date == "2024-05-03"


def test_entities_are_read_back_with_their_actors() -> None:
    doc = ActorFinder(spacy.blank("en"), "sitrep_actors")(_doc())
    entities = doc_entities(doc, "d")
    assert [(e.text, e.label, e.actor is not None) for e in entities] == [
        ("Nigerien", "NORP", True), ("Niamey", "GPE", False)]
    entities[0].actor.country = "XXX"
    assert doc.spans["actors"][0]._.actor.country == "NER", "each caller gets its own copy"


def test_a_doc_the_component_has_not_seen_has_no_actors() -> None:
    assert not has_actors(_doc())


def test_the_pipeline_resolves_actors_once_and_events_read_them(coder, monkeypatch) -> None:
    calls = []
    context = type(coder.actors).context

    def counted(self, doc, article, places):  # noqa: ANN001, ANN202 - a spy on the resolver
        calls.append(article.id)
        return context(self, doc, article, places)

    monkeypatch.setattr(type(coder.actors), "context", counted)
    article = Article(id="once", text="Nigerien soldiers arrested two men in Niamey.",
                      published="2024-05-03")
    events = coder.code_article(article).events
    assert calls == ["once"]
    assert [(e.event_type, [a.country for a in e.actors]) for e in events] == [
        ("COERCE", ["NER"])]


def test_a_doc_parsed_for_another_article_is_resolved_again(coder) -> None:
    text = "Nigerien soldiers arrested two men in Niamey."
    doc = coder.nlp(text)
    article = Article(id="other", text=text, published="2024-05-03")
    coded = coder.code_doc(doc, article)
    assert doc._.article is article
    assert [(e.text, e.actor.country) for e in coded.entities if e.actor] == [
        ("Nigerien", "NER")]
    assert {p.doc_id for p in coded.places} == {"other"}
