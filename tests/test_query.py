"""The filters declared once: how a raw place value is read."""

from __future__ import annotations

import pytest

from sitrep.query import parse_filters, parse_place, place_country


@pytest.mark.parametrize(("raw", "value", "country"), [
    ("NER", "NER", "NER"), ("ner", "NER", "NER"), ("Niger", "NER", "NER"),
    (" Niamey ", "Niamey", None), ("niamey", "niamey", None), ("Ufa", "Ufa", None),
])
def test_a_place_is_a_country_code_or_a_place_name(raw: str, value: str,
                                                   country: str | None) -> None:
    assert parse_place(raw) == value
    assert place_country(value) == country


def test_a_blank_place_is_no_filter() -> None:
    assert parse_filters({"place": "  "}).place is None
