"""sitrep's spaCy component factories, registered in one place.

Importing this module registers them; :func:`sitrep.nlp.pipeline.build_pipeline` does so before
adding them, so nothing registers at package import.
"""

from __future__ import annotations

from spacy.language import Language

from sitrep.codebook.lexicon import load_codebook
from sitrep.extract.coreference import CoreferenceFinder
from sitrep.extract.triggers import TriggerFinder
from sitrep.nlp.paragraphs import ParagraphBreaks
from sitrep.nlp.ruler import GazetteerRuler
from sitrep.resolve.actors.component import ActorFinder
from sitrep.resolve.actors.trim import TitleTrimmer
from sitrep.resolve.places.component import PlaceFinder, PlaceResolver
from sitrep.resolve.times.component import TimeTagger


@Language.factory("sitrep_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    """A sentence start after every blank line, before the parser runs (a headline without a
    full stop is no part of the lede)."""
    return ParagraphBreaks(nlp, name)


@Language.factory(
    "sitrep_entity_ruler", assigns=["doc.ents"], default_config={"titles": None},
)
def make_entity_ruler(nlp: Language, name: str, titles: list[str] | None) -> GazetteerRuler:
    """Gazetteer places, named bodies and titled names as entities, before ``ner``."""
    known = titles if titles is not None else list(load_codebook().actors.titles)
    return GazetteerRuler(nlp, name, titles=known)


@Language.factory(
    "sitrep_title_trimmer", assigns=["doc.ents"], requires=["doc.ents"],
    default_config={"titles": None},
)
def make_title_trimmer(nlp: Language, name: str, titles: list[str] | None) -> TitleTrimmer:
    """Person titles out of PERSON spans ("General Michael Langley" → "Michael Langley")."""
    return TitleTrimmer(nlp, name, titles=titles)


@Language.factory("sitrep_places", assigns=["doc.spans"], requires=["doc.ents", "token.pos"])
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    """Place names (the model's place entities and gazetteer names their context marks as
    places, streets) into ``doc.spans["places"]``, for the geocoder to resolve."""
    return PlaceFinder(nlp, name)


@Language.factory("sitrep_place_resolver", assigns=["doc._.places"],
                  requires=["doc.spans", "doc._.article"])
def make_place_resolver(nlp: Language, name: str) -> PlaceResolver:
    """The place names of ``doc.spans["places"]`` and the article's dateline resolved against
    the gazetteer into ``doc._.places`` (with the place finder's geocoder)."""
    return PlaceResolver(nlp, name)


@Language.factory("sitrep_actors", assigns=["doc.spans", "doc._.actor_context"],
                  requires=["doc.ents", "doc._.places", "doc._.article", "token.dep"])
def make_actor_finder(nlp: Language, name: str) -> ActorFinder:
    """The named entities that stand for an actor into ``doc.spans["actors"]`` (the actor on
    ``span._.actor``) and the document's actor context into ``doc._.actor_context``."""
    return ActorFinder(nlp, name)


@Language.factory("sitrep_coreference",
                  assigns=["doc.spans", "doc._.coreference", "doc._.actor_chains"],
                  requires=["doc.spans", "doc._.actor_context", "token.dep", "token.tag"])
def make_coreference(nlp: Language, name: str) -> CoreferenceFinder:
    """Entity coreference: the actors named in the article (``doc.spans["actors"]``) as
    antecedents, every kind noun ("the army", "police") resolved through them into
    ``doc.spans["references"]`` (the actor on ``span._.actor``), the chains in
    ``doc._.actor_chains`` and the resolver, for pronouns read in their clause, in
    ``doc._.coreference``."""
    return CoreferenceFinder(nlp, name)


@Language.factory("sitrep_times", assigns=["doc.spans"], requires=["token.dep", "token.tag"])
def make_time_tagger(nlp: Language, name: str) -> TimeTagger:
    """Time expressions into ``doc.spans["times"]`` (TIMEX3 type as label, the normalised
    mention on ``span._.timex``), resolved against ``doc._.reference``."""
    return TimeTagger(nlp, name)


@Language.factory("sitrep_triggers", assigns=["doc.spans"],
                  requires=["token.dep", "token.lemma", "token.pos", "token.ent_type",
                            "token.is_sent_start"])
def make_trigger_finder(nlp: Language, name: str) -> TriggerFinder:
    """Event triggers of the codebook's lexicon into ``doc.spans["triggers"]`` (PLOVER type as
    label, the entry on ``span._.trigger``), for event extraction to read."""
    return TriggerFinder(nlp, name)
