"""One output module: JSON Lines is the contract, CSV and tables are flat rows."""

from __future__ import annotations

import csv
import io
import json

import pytest
from factories import make_event

from sitrep.model import Actor, PlaceMention
from sitrep.output import EVENT_COLUMNS, GeoJSONWriter, date_label, event_row, write_records


def test_jsonl_prints_the_contract_record() -> None:
    out = io.StringIO()
    assert write_records([make_event()], "jsonl", out) == 1
    record = json.loads(out.getvalue())
    assert list(record)[:2] == ["schema", "id"]
    assert record["actors"][0]["country"] == "USA"
    assert record["date"] == {"text": "last month", "start": "2024-04-01", "end": "2024-04-30",
                              "precision": "month", "basis": "relative", "source": None}


def test_csv_has_one_flat_typed_row_per_event() -> None:
    out = io.StringIO()
    write_records([make_event(recipient_country="NER"), make_event("doc2", "MOBILIZE")], "csv",
                  out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert [r["event_type"] for r in rows] == ["RETREAT", "MOBILIZE"]
    assert (rows[0]["date_start"], rows[0]["date_end"]) == ("2024-04-01", "2024-04-30")
    assert (rows[0]["actor_countries"], rows[0]["recipient_countries"]) == ("USA", "NER")
    assert rows[0]["sentence"] == "The USA forces withdrew from the country."


def test_csv_joins_several_actors_with_semicolons_keeping_unknowns_in_place() -> None:
    event = make_event()
    event.actors.append(Actor(text="local militias"))
    row = event_row(event, "https://example.org/a")
    assert row["actor_names"] == "USA;local militias"
    assert row["actor_countries"] == "USA;"
    assert row["article_url"] == "https://example.org/a"


def test_table_fits_the_terminal_and_says_none_when_empty(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = io.StringIO()
    many = [make_event(f"doc{i}", sentence="The USA forces withdrew " + "far " * 40 + ".")
            for i in range(3)]
    write_records(many, "table", out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("id")
    assert all(len(line) <= 80 for line in lines)
    assert many[0].id in out.getvalue()
    empty = io.StringIO()
    write_records([], "table", empty)
    assert empty.getvalue() == "(none)\n"


@pytest.mark.parametrize(("start", "end", "label"), [
    ("2024-02-14", "2024-02-14", "2024-02-14"),
    ("2024-02-01", "2024-02-29", "2024-02"),
    ("2024-01-01", "2024-12-31", "2024"),
    ("2024-02-05", "2024-02-11", "2024-02-05..11"),
    ("2024-02-27", "2024-03-02", "2024-02-27..03-02"),
    ("2023-12-30", "2024-01-02", "2023-12-30..2024-01-02"),
    ("2024-02-01", "2024-02-28", "2024-02-01..28"),
    ("2024-02-05", None, "2024-02-05.."),
    (None, None, None),
])
def test_a_date_range_is_labelled_as_short_as_it_is_exact(start, end, label) -> None:
    assert date_label(start, end) == label


@pytest.mark.parametrize("columns", [60, 80, 100, 160])
def test_a_narrow_table_keeps_id_date_type_and_modality_whole_and_says_what_it_left_out(
        monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    event = make_event("doc", sentence="The USA forces withdrew " + "far " * 40 + ".",
                       modality="hypothetical", date=("2024-02-05", "2024-03-02"),
                       recipient_country="NER")
    out = io.StringIO()
    write_records([event], "table", out)
    lines = out.getvalue().splitlines()
    assert all(len(line) <= columns for line in lines)
    header, row = lines[0].split(), lines[1].split()
    assert header[:4] == ["id", "date", "type", "modality"]
    assert row[:4] == [event.id, "2024-02-05..03-02", "RETREAT", "hypothetical"]
    left_out = [c for c in ("actors", "recipients", "place", "trigger") if c not in header]
    if left_out:
        assert f"({', '.join(left_out)} left out to fit" in " ".join(lines[2:])
    else:
        assert len(lines) == 2


def test_other_records_flatten_nested_values() -> None:
    place = PlaceMention(doc_id="d", start=0, end=5, text="Niger", country_code="NER")
    out = io.StringIO()
    write_records([place], "csv", out)
    assert "NER" in out.getvalue().splitlines()[1]


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="xml"):
        write_records([], "xml", io.StringIO())


def test_geojson_gives_every_event_a_point_and_says_how_precise_it_is() -> None:
    country_level = make_event(location=("Niger", "NER", "country"))
    city = make_event("doc2", location=("Niamey", "NER", "city"))
    city.location.lat, city.location.lon = 13.5, 2.1
    placeless = make_event("doc3", actor_country="FRA", location=None)
    nowhere = make_event("doc4", location=None)
    nowhere.actors = []
    writer = GeoJSONWriter()
    collection = json.loads("".join(writer.chunks([country_level, city, placeless, nowhere])))
    features = collection["features"]
    assert [f["geometry"]["type"] for f in features] == ["Point", "Point", "Point"]
    assert features[1]["geometry"]["coordinates"] == [2.1, 13.5]
    assert [f["properties"]["precision"] for f in features] == [
        "country", "city", "country-of-actor"]
    assert features[0]["properties"]["country_code"] == "NER"
    assert writer.unplaced == collection["unplaced"] == 1


def test_event_row_without_date_or_place() -> None:
    row = event_row(make_event(date=None, location=None))
    assert row["date_start"] is None and row["place_name"] is None and row["lat"] is None
