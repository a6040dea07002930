"""The place finder as a spaCy component: it writes the document's place names to
``doc.spans["places"]`` so that later stages read them from the ``Doc``.

Each span's label says how it was found: ``"place"`` (an entity of the model, or a gazetteer
name its context marks as a place), ``"weak_place"``, ``"maybe_place"`` and ``"lone_place"``
(weaker evidence, see :meth:`Geocoder.find_spans`), ``"facility"`` or ``"street"``. The
geocoder resolves these spans (:meth:`Geocoder.resolve` reads them when they are there) and
adds the dateline, which only the article knows.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.model import PlaceMention
from sitrep.nlp.document import article_of
from sitrep.resolve.places.geocoder import PLACE_SPANS, Geocoder


class PlaceFinder:
    """Finds the place names of a document (no resolution) and stores them as spans."""

    def __init__(self, nlp: Language, name: str, geocoder: Geocoder | None = None) -> None:
        self.name = name
        self.geocoder = geocoder or Geocoder()

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[PLACE_SPANS] = self.geocoder.find_spans(doc)
        return doc


def register_extensions() -> None:
    """``Doc._.places`` (the resolved places, a list of PlaceMention, or None), once."""
    if not Doc.has_extension("places"):
        Doc.set_extension("places", default=None)


class PlaceResolver:
    """Resolves the document's place names (``doc.spans["places"]``, and the dateline the
    article on ``doc._.article`` names) into ``doc._.places``, with the finder's geocoder."""

    def __init__(self, nlp: Language, name: str, geocoder: Geocoder | None = None) -> None:
        self.name = name
        finder = nlp.get_pipe("sitrep_places") if "sitrep_places" in nlp.pipe_names else None
        self.geocoder = geocoder or (finder.geocoder if isinstance(finder, PlaceFinder)
                                     else Geocoder())
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = self.geocoder.resolve(doc, article_of(doc))
        return doc


def doc_places(doc: Doc) -> list[PlaceMention]:
    """The places the resolver stored on ``doc`` (none when it did not run: see
    :func:`has_places`)."""
    register_extensions()
    return list(doc._.places or [])


def has_places(doc: Doc) -> bool:
    """Whether the place resolver has run over ``doc`` (an empty result included)."""
    register_extensions()
    return doc._.places is not None
