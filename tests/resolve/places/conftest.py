"""Fixtures of the place tests: one geocoder over the built index, one blank English pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from sitrep.resolve.places import Geocoder


@pytest.fixture(scope="package")
def geocoder() -> Geocoder:
    return Geocoder()


@pytest.fixture(scope="package")
def blank() -> Language:
    return spacy.blank("en")
