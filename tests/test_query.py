"""The one declaration of the filters: how a raw value becomes a checked one, or a refusal that
names the value and what is accepted."""

from __future__ import annotations

import pytest

from sitrep.query import (
    BBox,
    QueryError,
    parse_bbox,
    parse_filters,
    parse_place,
    place_country,
)


@pytest.mark.parametrize(("raw", "box"), [
    ("-5.5,10,4,20.5", BBox(-5.5, 10, 4, 20.5)),
    (" 170 , -20 , -170 , -10 ", BBox(170, -20, -170, -10)),
    ("-180,-90,180,90", BBox(-180, -90, 180, 90)),
])
def test_a_box_is_west_south_east_north_in_degrees(raw: str, box: BBox) -> None:
    assert parse_bbox(raw) == box


def test_a_box_across_the_180th_meridian_is_two_ranges_of_longitude() -> None:
    assert BBox(170, -20, -170, -10).lon_ranges() == [(170, 180), (-180, -170)]
    assert BBox(-5, 0, 5, 1).lon_ranges() == [(-5, 5)]


@pytest.mark.parametrize(("raw", "words"), [
    ("1,2,3", "is not a box; give west,south,east,north"),
    ("a,b,c,d", "is not a box"),
    ("0,0,200,10", "longitudes must lie between -180 and 180"),
    ("0,-95,10,10", "latitudes must lie between -90 and 90"),
    ("0,20,10,10", "south (20) is north of north (10)"),
])
def test_a_bad_box_is_refused_naming_the_filter_and_the_form(raw: str, words: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_filters({"bbox": raw})
    assert caught.value.name == "bbox"
    assert words in caught.value.reason


def test_blank_values_are_no_filter_as_a_form_sends_its_empty_fields() -> None:
    query = parse_filters({"country": "", "type": " ", "since": "", "bbox": "", "merged": "",
                           "modality": "negated"})
    assert (query.country, query.event_type, query.since, query.bbox) == (None, None, None, None)
    assert query.modality == "negated" and query.merged is False


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


def test_load_filter_tables_reads_what_a_country_filter_checks() -> None:
    from sitrep.query import _non_state_codes, load_filter_tables
    from sitrep.resolve.places.countries import _name_index

    _non_state_codes.cache_clear()
    _name_index.cache_clear()
    load_filter_tables()
    assert _non_state_codes.cache_info().currsize == 1
    assert _name_index.cache_info().currsize == 1
