"""The reading commands over a hand-made store: filters checked as the API checks them, ids by
prefix, exports that analysis tools load as they are, no NLP import."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from factories import make_coded, make_event
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.store import Store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add(make_coded("a", "The USA forces withdrew from the country.",
                             [make_event("a", recipient_country="SDN")], url="https://ex.org/a"))
        city = make_event("b", "MOBILIZE", actor_country="SDN", trigger="deployed",
                          location=("Khartoum", "SDN", "city"), date=("2024-06-02", "2024-06-02"))
        city.location.lat, city.location.lon = 15.55, 32.53
        store.add(make_coded("b", "The SDN forces deployed.", [
            city, make_event("b", actor_country="FRA", start=30, location=None, date=None)]))
    return path


def plain(text: str) -> str:
    """A message as words, without the frame the terminal draws around it."""
    return " ".join(text.replace("│", " ").split())


@pytest.mark.parametrize(("args", "words"), [
    (["--since", "03/05/2025"], "'03/05/2025' is not a day; write it YYYY-MM-DD"),
    (["--since", "yesterday"], "'yesterday' is not a day"),
    (["--type", "ATTACK"], "unknown event type 'ATTACK'; one of AGREE"),
    (["--modality", "maybe"], "one of asserted, future, hypothetical, negated"),
    (["--country", "Narnia"], "give an ISO 3166-1 alpha-3 code"),
    (["--limit", "-3"], "-3 is out of range"),
    (["--after", "nope"], "no stored event 'nope'"),
    (["--bbox", "0,20,10,10"], "south (20) is north of north (10)"),
    (["--bbox", "Sudan"], "'Sudan' is not a box; give west,south,east,north"),
])
def test_bad_filters_are_usage_errors_that_name_the_accepted_values(
        db: Path, args: list[str], words: str) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), *args])
    assert result.exit_code == 2
    assert words in plain(result.stderr), result.stderr


def _ids(db: Path, *args: str) -> list[str]:
    result = runner.invoke(app, ["events", "--db", str(db), "-f", "jsonl", *args])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line)["doc_id"] for line in result.stdout.splitlines()]


def test_country_names_become_codes_and_actor_and_recipient_are_apart(db: Path) -> None:
    assert _ids(db, "--country", "Sudan") == ["b"]
    assert _ids(db, "--country", "sdn") == ["b"]
    assert _ids(db, "--recipient-country", "Sudan") == ["a"]
    assert _ids(db, "--type", "retreat", "--limit", "1") == ["a"]


def test_a_box_keeps_the_events_pinned_inside_it_whatever_the_signs(db: Path) -> None:
    assert _ids(db, "--bbox", "30,10,35,20") == ["b"]
    assert _ids(db, "--bbox", "-180,-90,180,90") == ["b"]
    assert _ids(db, "--bbox", "-30,-10,-20,0") == []


def test_show_takes_a_unique_prefix_and_names_the_candidates_of_an_ambiguous_one(
        db: Path) -> None:
    with Store(db) as store:
        ids = sorted(e.id for e in store.iter_events(store_query()))
    shown = runner.invoke(app, ["show", ids[0][:6], "--db", str(db)])
    assert shown.exit_code == 0, shown.stderr
    assert ids[0] in shown.stdout
    ambiguous = runner.invoke(app, ["show", "", "--db", str(db)])
    assert ambiguous.exit_code == 2
    assert all(i in plain(ambiguous.stderr) for i in ids)


def store_query():
    from sitrep.query import EventQuery

    return EventQuery(limit=None)


def test_csv_export_loads_in_pandas_with_typed_columns(db: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(db), "-f", "csv"])
    assert result.exit_code == 0
    frame = pd.read_csv(io.StringIO(result.stdout), parse_dates=["date_start", "date_end"])
    assert len(frame) == 3
    assert frame["lat"].dtype == float and frame["quad"].dtype.kind == "i"
    assert frame["date_start"].dtype.kind == "M"
    row = frame.set_index("article_id").loc["a"]
    assert (row["actor_countries"], row["recipient_countries"]) == ("USA", "SDN")
    assert row["article_url"] == "https://ex.org/a"
    empty = runner.invoke(app, ["export", "--db", str(db), "-f", "csv", "--type", "AID"])
    assert list(pd.read_csv(io.StringIO(empty.stdout)).columns)[:3] == [
        "id", "date_start", "date_end"]


def test_geojson_export_has_a_geometry_on_every_feature(db: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(db), "-f", "geojson"])
    assert result.exit_code == 0
    collection = json.loads(result.stdout)
    features = collection["features"]
    assert len(features) == 3 and all(f["geometry"]["coordinates"] for f in features)
    precision = sorted(f["properties"]["precision"] for f in features)
    assert precision == ["city", "country", "country-of-actor"]
    assert collection["unplaced"] == 0
    assert result.stderr == ""


def test_reading_commands_do_not_import_the_nlp_stack(db: Path) -> None:
    for command in (["--help"], ["events", "--db", str(db)], ["show", "", "--db", str(db)],
                    ["export", "--db", str(db), "-f", "geojson"], ["situation", "--db", str(db)]):
        script = ("import sys\nfrom sitrep.cli import main\nsys.argv = ['sitrep', *sys.argv[1:]]\n"
                  "try:\n    main()\nexcept SystemExit:\n    pass\n"
                  "print('spacy' in sys.modules, file=sys.stderr)")
        done = subprocess.run([sys.executable, "-c", script, *command], capture_output=True,
                              text=True, timeout=120)
        assert done.stderr.strip().splitlines()[-1] == "False", (command, done.stderr)


def test_a_reader_that_stops_early_leaves_no_error_behind(tmp_path: Path) -> None:
    path = tmp_path / "many.db"
    text = "The USA forces withdrew from the country. " * 300
    with Store(path) as store:
        store.add(make_coded("many", text, [make_event("many", start=i * 42)
                                            for i in range(300)]))
    script = ("import sys\nfrom sitrep.cli import main\nsys.argv = ['sitrep', *sys.argv[1:]]\n"
              "main()")
    for command in (["events", "-f", "jsonl"], ["export", "-f", "csv"]):
        reader = subprocess.Popen([sys.executable, "-c", script, *command, "--db", str(path)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert reader.stdout is not None and reader.stderr is not None
        assert reader.stdout.readline()
        reader.stdout.close()  # as `| head -1` does
        reader.wait(timeout=120)
        errors = reader.stderr.read()
        assert "Traceback" not in errors and "Exception ignored" not in errors, errors
