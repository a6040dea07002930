"""The place finder as a spaCy component: it writes the document's place names to
``doc.spans["places"]`` so that later stages read them from the ``Doc``.

Each span's label says how it was found: ``"place"`` (an entity of the model, or a gazetteer
name its context marks as a place), ``"weak_place"`` and ``"maybe_place"`` (weaker evidence,
see :meth:`Geocoder.find_spans`), ``"facility"`` or ``"street"``. The geocoder resolves these spans
(:meth:`Geocoder.resolve` reads them when they are there) and adds the dateline, which only the
article knows.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.resolve.places.geocoder import PLACE_SPANS, Geocoder


class PlaceFinder:
    """Finds the place names of a document (no resolution) and stores them as spans."""

    def __init__(self, nlp: Language, name: str, geocoder: Geocoder | None = None) -> None:
        self.name = name
        self.geocoder = geocoder or Geocoder()

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[PLACE_SPANS] = self.geocoder.find_spans(doc)
        return doc
