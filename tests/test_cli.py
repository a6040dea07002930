"""The `sitrep` command end to end: code, ingest, events, export, show, bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.store import Store

runner = CliRunner()

GOOD_TEXT = (
    "Chad orders troops out\n\nN'DJAMENA, May 2 (Example Wire) - Chad's government ordered "
    "French troops to leave the country last week, officials said on Thursday.\n"
)


@pytest.fixture
def mixed_inputs(tmp_path: Path) -> Path:
    """A folder of good and bad inputs, as a user's download folder might hold."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Le ministre a d\xe9clar\xe9".encode("latin-1"))
    lines = [
        json.dumps({"id": "j1", "text": "Russia sent 100 military trainers to Niger in April.",
                    "published": "2024-05-03"}),
        "{this is not json",
        json.dumps({"id": "j2", "text": "Protesters marched in Niamey on Saturday.",
                    "published": "2024-05-03"}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with (folder / "huge.txt").open("w", encoding="utf-8") as handle:
        handle.write("Title\n\n" + ("word " * 4_000_000))
    return folder


def test_code_prints_contract_records_whose_evidence_points_at_the_text(
        coder, seed_article: Path) -> None:
    result = runner.invoke(app, ["code", str(seed_article), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    text = seed_article.read_text(encoding="utf-8")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records, "the seed story must yield events"
    for record in records:
        evidence = record["evidence"]
        assert text[evidence["start"]:evidence["end"]] == evidence["sentence"]
        assert record["schema"] == 2 and record["doc_id"]
    assert len({r["id"] for r in records}) == len(records)


def test_ingest_names_each_bad_input_stores_the_rest_and_is_idempotent(
        coder, mixed_inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = runner.invoke(app, ["ingest", str(mixed_inputs), "--db", str(db)])
    assert first.exit_code == 1
    for name in ("binary.txt", "empty.txt", "latin1.txt", "feed.jsonl:2", "huge.txt"):
        assert name in first.stderr, f"{name} not reported:\n{first.stderr}"
    assert "good.txt" not in first.stderr
    with Store(db) as store:
        stored = {a.id for a in store.iter_articles()}
        before = store.stats()
    assert {"j1", "j2"} <= stored and before.articles == 3

    second = runner.invoke(app, ["ingest", str(mixed_inputs), "--db", str(db)])
    assert second.exit_code == 1
    assert "0 articles added" in second.stderr
    with Store(db) as store:
        assert store.stats() == before
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.fixture
def hostile_inputs(tmp_path: Path) -> Path:
    """Inputs that once passed the checks and then stopped the run, among good ones."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / os.fsdecode(b"not utf-8 \xff.txt")).write_text(
        "Protesters marched in Niamey on Saturday.", encoding="utf-8")
    (folder / "over_limit.txt").write_text("Title\n\n" + "word " * 200_000, encoding="utf-8")
    (folder / "emoji.txt").write_text("Troops left.\n\n" + "\U0001F600" * 15_000,
                                      encoding="utf-8")
    good = {"id": "feeds/2024/05/niger", "text": "Russia sent 100 military trainers to Niger "
            "in April.", "published": "2024-05-03"}
    lines = [
        '{"id": "surrogate", "text": "Troops left \\ud800 the base."}',
        '{"id": "nul", "text": "Troops left\\u0000 the base."}',
        '{"id": "year-1", "text": "Troops left on Monday.", "published": "0001-01-01"}',
        '{"id": "year-9999", "text": "Troops left next week.", "published": "9999-12-31"}',
        json.dumps(good),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_ingest_over_hostile_inputs_stores_every_good_one_and_names_every_bad_one(
        coder, hostile_inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = runner.invoke(app, ["ingest", str(hostile_inputs), "--db", str(db)])
    assert first.exit_code == 1
    errors = [line for line in first.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 5, first.stderr
    for name, reason in [("over_limit.txt", "too long: 1,000,007 characters"),
                         ("feed.jsonl:1", "lone surrogate U+D800"),
                         ("feed.jsonl:2", "NUL character"),
                         ("feed.jsonl:3", "in the years 1800-2100"),
                         ("feed.jsonl:4", "in the years 1800-2100")]:
        assert any(name in e and reason in e for e in errors), f"{name}: {first.stderr}"
    with Store(db) as store:
        stored = {a.id: a for a in store.iter_articles()}
        before = store.stats()
    assert "feeds/2024/05/niger" in stored and len(stored) == 4
    assert any(a.source and a.source.endswith("not utf-8 \\xff.txt") for a in stored.values())
    assert any(a.source and a.source.endswith("emoji.txt") for a in stored.values())

    second = runner.invoke(app, ["ingest", str(hostile_inputs), "--db", str(db)])
    assert second.exit_code == 1
    assert "0 articles added" in second.stderr
    with Store(db) as store:
        assert store.stats() == before


def test_events_export_and_show_read_the_store(coder, seed_article: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert runner.invoke(app, ["ingest", str(seed_article), "--db", str(db), "-q"]).exit_code == 0
    listed = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl",
                                 "--country", "USA"])
    assert listed.exit_code == 0
    events = [json.loads(line) for line in listed.stdout.splitlines()]
    assert events and all(
        "USA" in {a["country"] for a in e["actors"] + e["recipients"]} for e in events)

    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "geojson"])
    collection = json.loads(exported.stdout)
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) >= len(events)

    shown = runner.invoke(app, ["show", events[0]["id"], "--db", str(db)])
    assert shown.exit_code == 0
    assert "[" + events[0]["evidence"]["trigger"] + "]" in shown.stdout
    assert "source:" in shown.stdout

    merged = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", "--merged"])
    assert len(merged.stdout.splitlines()) >= 1

    state = runner.invoke(app, ["situation", "--db", str(db), "--as-of", "2024-05-03"])
    assert state.exit_code == 0
    situation = json.loads(state.stdout)
    assert situation["as_of"] == "2024-05-03"
    assert {"presence", "agreements", "withdrawals", "expected"} <= set(situation)
    bad_day = runner.invoke(app, ["situation", "--db", str(db), "--as-of", "May"])
    assert bad_day.exit_code == 2


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["events", "--db", str(tmp_path / "none.db")]).exit_code == 2
    assert runner.invoke(app, ["eval", "times", str(tmp_path / "missing.jsonl")]).exit_code == 2
    assert runner.invoke(app, ["code", "--format", "xml", "x.txt"]).exit_code == 2


def test_show_unknown_event_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store(db).close()
    result = runner.invoke(app, ["show", "nope", "--db", str(db)])
    assert result.exit_code != 0
    assert "nope" in str(result.exception) + result.stderr
