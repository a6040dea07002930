"""The numeric-to-alpha-3 table the map needs for world-atlas shapes."""

from __future__ import annotations

from sitrep.api.countries import numeric_to_alpha3


def test_numeric_codes_map_to_alpha3_with_zero_padding():
    table = numeric_to_alpha3()
    assert table["562"] == {"alpha3": "NER", "name": "Niger"}
    assert table["148"]["alpha3"] == "TCD"
    assert table["004"]["alpha3"] == "AFG"


def test_the_endpoint_serves_the_table(client):
    body = client.get("/api/countries").json()
    assert body["840"]["alpha3"] == "USA"
    assert len(body) >= 240
