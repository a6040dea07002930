"""One output module: JSON Lines is the contract, CSV and tables are flat rows."""

from __future__ import annotations

import csv
import io
import json

import pytest
from factories import make_event

from sitrep.model import PlaceMention
from sitrep.output import event_row, events_geojson, write_records


def test_jsonl_prints_the_contract_record() -> None:
    out = io.StringIO()
    assert write_records([make_event()], "jsonl", out) == 1
    record = json.loads(out.getvalue())
    assert list(record)[:2] == ["schema", "id"]
    assert record["actors"][0]["country"] == "USA"
    assert record["date"] == {"text": "last month", "start": "2024-04-01", "end": "2024-04-30",
                              "precision": "month", "basis": "relative"}


def test_csv_has_one_flat_row_per_event() -> None:
    out = io.StringIO()
    write_records([make_event(), make_event("doc2", "MOBILIZE")], "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["type"] for r in rows] == ["RETREAT", "MOBILIZE"]
    assert rows[0]["date"] == "2024-04-01..2024-04-30"
    assert rows[0]["actors"] == "USA (USA/MIL)"


def test_table_lines_up_columns_and_says_none_when_empty() -> None:
    out = io.StringIO()
    write_records([make_event()], "table", out)
    header, rule, row = out.getvalue().splitlines()
    assert header.startswith("id") and set(rule) <= {"-", " "}
    assert "RETREAT" in row
    empty = io.StringIO()
    write_records([], "table", empty)
    assert empty.getvalue() == "(none)\n"


def test_other_records_flatten_nested_values() -> None:
    place = PlaceMention(doc_id="d", start=0, end=5, text="Niger", country_code="NER")
    out = io.StringIO()
    write_records([place], "csv", out)
    assert "NER" in out.getvalue().splitlines()[1]


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="xml"):
        write_records([], "xml", io.StringIO())


def test_geojson_pins_only_precise_places() -> None:
    country_level = make_event(location=("Niger", "NER", "country"))
    city = make_event("doc2", location=("Niamey", "NER", "city"))
    city.location.lat, city.location.lon = 13.5, 2.1
    collection = events_geojson([country_level, city])
    geometries = [f["geometry"] for f in collection["features"]]
    assert geometries == [None, {"type": "Point", "coordinates": [2.1, 13.5]}]
    assert collection["features"][0]["properties"]["country_code"] == "NER"


def test_event_row_without_date_or_place() -> None:
    row = event_row(make_event(date=None, location=None))
    assert row["date"] is None and row["location"] is None
