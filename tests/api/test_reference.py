"""The reference tables the page reads: event types, and numeric to alpha-3 country codes."""

from __future__ import annotations

from sitrep.api.reference import numeric_to_alpha3


def test_numeric_codes_map_to_alpha3_with_zero_padding():
    table = numeric_to_alpha3()
    assert table["562"] == {"alpha3": "NER", "name": "Niger"}
    assert table["148"]["alpha3"] == "TCD"
    assert table["004"]["alpha3"] == "AFG"


def test_the_endpoint_serves_the_table(client):
    body = client.get("/api/countries").json()
    assert body["840"]["alpha3"] == "USA"
    assert len(body) >= 240


def test_the_event_types_come_from_the_codebook(client):
    types = client.get("/api/event-types").json()
    assert len(types) == 16
    by_name = {t["name"]: t for t in types}
    assert (by_name["AGREE"]["quad"], by_name["ASSAULT"]["quad"]) == (1, 4)
    assert all(t["description"] for t in types)


def test_the_page_reads_the_point_precisions_and_modalities_from_the_library(client):
    from sitrep.model import PINNED_PRECISIONS
    from sitrep.query import MAX_PAGE, MODALITIES

    body = client.get("/api/config").json()
    assert body == {"pinned_precisions": list(PINNED_PRECISIONS),
                    "modalities": list(MODALITIES), "max_page": MAX_PAGE}
    assert "city" in body["pinned_precisions"] and "country" not in body["pinned_precisions"]
