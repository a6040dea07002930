"""The ``sitrep_coreference`` component: kind nouns ("the army", "troops", "residents") resolved
through the article into ``doc.spans["references"]``, on hand-built Docs (the parse, entities
and places given) and with the model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from sitrep.extract.coreference import REFERENCE_SPANS, CoreferenceFinder, has_coreference
from sitrep.model import Article, PlaceMention
from sitrep.nlp.document import set_article
from sitrep.resolve.actors.component import ActorFinder
from sitrep.resolve.places.component import register_extensions

# "Sudan 's army spoke in Khartoum . Kenyan soldiers patrolled . The NOUN refused talks in
#  PLACE . Troops fired . Residents marched in Kisumu ."
WORDS = ["Sudan", "'s", "army", "spoke", "in", "Khartoum", ".", "Kenyan", "soldiers",
         "patrolled", ".", "The", "NOUN", "refused", "talks", "in", "PLACE", ".", "Troops",
         "fired", ".", "Residents", "marched", "in", "Kisumu", "."]
HEADS = [2, 0, 3, 3, 3, 4, 3, 8, 9, 9, 9, 12, 13, 13, 13, 14, 15, 13, 19, 19, 19, 22, 22, 22,
         23, 22]
DEPS = ["poss", "case", "nsubj", "ROOT", "prep", "pobj", "punct", "amod", "nsubj", "ROOT",
        "punct", "det", "nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "nsubj", "ROOT",
        "punct", "nsubj", "ROOT", "prep", "pobj", "punct"]
POS = ["PROPN", "PART", "NOUN", "VERB", "ADP", "PROPN", "PUNCT", "ADJ", "NOUN", "VERB", "PUNCT",
       "DET", "NOUN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT", "NOUN", "VERB", "PUNCT", "NOUN",
       "VERB", "ADP", "PROPN", "PUNCT"]
TAGS = ["NNP", "POS", "NN", "VBD", "IN", "NNP", ".", "JJ", "NNS", "VBD", ".", "DT", "NN", "VBD",
        "NNS", "IN", "NNP", ".", "NNS", "VBD", ".", "NNS", "VBD", "IN", "NNP", "."]
SINGULAR = {"soldiers": "soldier", "Troops": "troop", "Residents": "resident", "talks": "talk"}


def hand_doc(noun: str, place: str, country: str, precision: str) -> Doc:
    """The sentence above with NOUN and PLACE filled in, its entities and resolved places."""
    words = [noun if w == "NOUN" else place if w == "PLACE" else w for w in WORDS]
    lemmas = [SINGULAR.get(w, w.lower()) for w in words]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=HEADS, deps=DEPS, pos=POS, tags=TAGS,
              lemmas=lemmas, sent_starts=[i in (0, 7, 11, 18, 21) for i in range(len(words))])
    doc.ents = [Span(doc, 0, 1, "GPE"), Span(doc, 5, 6, "GPE"), Span(doc, 7, 8, "NORP"),
                Span(doc, 16, 17, "GPE"), Span(doc, 24, 25, "GPE")]
    register_extensions()
    found = [(0, "SDN", "country"), (5, "SDN", "city"), (16, country, precision),
             (24, "KEN", "city")]
    doc._.places = [PlaceMention(doc_id="d", start=doc[i].idx, end=doc[i].idx + len(doc[i]),
                                 text=doc[i].text, country_code=code, precision=level,
                                 score=1.0) for i, code, level in found]
    return set_article(doc, Article(id="d", text=doc.text, published="2024-05-03"))


def resolved(doc: Doc) -> dict[str, tuple[str, str]]:
    """Each resolved kind noun's text → (country, how it was found)."""
    nlp = spacy.blank("en")
    doc = CoreferenceFinder(nlp, "sitrep_coreference")(ActorFinder(nlp, "sitrep_actors")(doc))
    assert has_coreference(doc)
    return {s.text: (s._.actor.country, s.label_) for s in doc.spans[REFERENCE_SPANS]}


def test_a_local_body_named_by_the_same_noun_is_that_one_not_a_venue_or_the_last_named():
    found = resolved(hand_doc("army", "Geneva", "CHE", "city"))
    assert found["The army"] == ("SDN", "antecedent")  # not Geneva's, not the Kenyans'


def test_a_bare_kind_noun_takes_the_most_salient_actor_of_its_sector_nearby():
    found = resolved(hand_doc("army", "Geneva", "CHE", "city"))
    assert found["Troops"] == ("KEN", "antecedent")


def test_people_known_by_where_they_are_take_their_sentences_place():
    found = resolved(hand_doc("army", "Geneva", "CHE", "city"))
    assert found["Residents"] == ("KEN", "context")


def test_a_local_body_named_by_no_earlier_noun_takes_the_story_not_the_venue():
    found = resolved(hand_doc("government", "Geneva", "CHE", "city"))
    assert found["The government"] == ("SDN", "context")


def test_a_local_body_in_a_sentence_that_names_a_country_is_that_countrys():
    found = resolved(hand_doc("government", "Kenya", "KEN", "country"))
    assert found["The government"] == ("KEN", "sentence")


def test_a_phrase_that_names_its_owner_is_no_kind_noun():
    found = resolved(hand_doc("army", "Geneva", "CHE", "city"))
    assert "army" not in found and "Sudan 's army" not in found


def test_the_actor_resolver_reads_the_resolution_for_the_phrase():
    nlp = spacy.blank("en")
    finder = ActorFinder(nlp, "sitrep_actors")
    doc = CoreferenceFinder(nlp, "sitrep_coreference")(finder(hand_doc("army", "Geneva", "CHE",
                                                                       "city")))
    actor = finder.resolver.resolve_span(doc[11:13], doc._.actor_context)
    assert actor is not None and (actor.country, actor.sector) == ("SDN", "MIL")


@pytest.mark.slow
def test_the_pipeline_resolves_kind_nouns_through_the_article(coder):
    text = ("NAIROBI -- Ethiopia's army said on Monday it had retaken two towns in the Amhara "
            "region. Talks between the two sides were due to open in Nairobi this week. "
            "The army refused to attend the talks, a spokesman said.")
    coded = coder.code_article(Article(id="k", text=text, published="2024-05-03"))
    refusals = [e for e in coded.events if e.event_type == "REJECT"]
    assert refusals and refusals[0].actors[0].country == "ETH"


@pytest.mark.slow
def test_a_possessive_whose_owner_the_sentence_names_says_whose_the_kind_noun_is(coder):
    """Not the last actor of the noun's sector named earlier (an alliance's troops)."""
    text = ("VILNIUS -- Alliance troops from NATO held drills near the border on Monday. "
            "Officials met in the capital. Lithuania said on Wednesday that its officers "
            "detained two smugglers at a crossing on Tuesday.")
    coded = coder.code_article(Article(id="p", text=text, published="2024-05-03"))
    arrests = [e for e in coded.events if e.event_type == "COERCE"]
    assert arrests and [a.country for a in arrests[0].actors] == ["LTU"]


@pytest.mark.slow
def test_counted_holders_of_an_office_are_no_pair_of_bodies_of_another_kind(coder):
    """"The two presidents": not a company and a ministry named together just before."""
    text = ("BRASILIA -- Brazil and Argentina signed a trade pact on Monday. Critics said "
            "the deal let U.S. oil company Chevron and the Pentagon shape the region. The two "
            "presidents met in Brasilia on Tuesday.")
    coded = coder.code_article(Article(id="c", text=text, published="2024-05-03"))
    meetings = [e for e in coded.events if e.event_type == "CONSULT"]
    assert meetings
    assert {a.country for a in meetings[0].actors} == {"BRA", "ARG"}
