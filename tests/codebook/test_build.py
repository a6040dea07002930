"""The files converted from PETRARCH-2 / Phoenix are what the build script makes of the sources,
so they can be rebuilt and reviewed, never hand-edited."""

from __future__ import annotations

from pathlib import Path

import pytest
from build_scripts import load_script
from conftest import DATA, ROOT, SHARED

from sitrep.codebook.load import load_table

SOURCES = SHARED / "resources" / "petrarch2"
MAPPING = DATA / "plover_gsr" / "cameo2plover-2021.txt"
BUILT = ROOT / "sitrep" / "codebook" / "cameo"


@pytest.mark.slow
def test_the_converted_files_are_what_the_script_builds(tmp_path: Path) -> None:
    if not SOURCES.exists():
        pytest.fail(f"PETRARCH-2 dictionaries missing at {SOURCES}: set SITREP_SHARED")
    build = load_script("build_codebook").main
    assert build(["build", str(SOURCES), str(MAPPING), str(tmp_path)]) == 0
    built = sorted(p.name for p in tmp_path.iterdir())
    assert built == sorted(p.name for p in BUILT.iterdir() if p.name != "__init__.py")
    for name in built:
        assert (tmp_path / name).read_text(encoding="utf-8") == \
            (BUILT / name).read_text(encoding="utf-8"), name


def test_each_converted_file_keeps_the_mit_notice() -> None:
    for path in BUILT.glob("*.t*"):
        assert "Copyright (c) 2014 Open Event Data" in path.read_text(encoding="utf-8")


def test_cameo_codes_map_to_plover_types_and_modes() -> None:
    script = load_script("build_codebook")
    table = script.read_cameo2plover(MAPPING)
    assert script.plover("195", table) == ("ASSAULT", "aerial")
    assert script.plover("1831", table) == ("ASSAULT", "suicide-attack")
    assert script.plover("145", table) == ("PROTEST", "riot-spon")
    assert script.plover("0874", table)[0] == "RETREAT"


def test_verbs_carry_known_types() -> None:
    rows = load_table("cameo/verbs.tsv")
    assert ("bombard", "ASSAULT") in {(r[0], r[2]) for r in rows}


def test_discards_keep_matters_and_leave_out_marks_of_time() -> None:
    rows = {row[0]: row[1:] for row in load_table("cameo/discards.tsv")}
    assert rows["world cup"] == ("story", "stem")
    assert rows["goalkeeper"][0] == "story"
    assert rows["group a"] == ("sentence", "word")
    assert not any(phrase.isdigit() or phrase.endswith(" ago") for phrase in rows)
    assert "women 's doubles" in rows  # split as the tokenizer splits text


def test_verb_patterns_put_the_code_on_what_the_verb_governs() -> None:
    rows = {(r[2], r[3], r[4], r[5], r[7]) for r in load_table("cameo/patterns.tsv")
            if "reaffirm" in r[0].split(",")}
    assert ("support", "", "", "", "SUPPORT") in rows  # "reaffirm ... support": 051
    assert ("commitment", "", "against", "threats", "THREATEN") in rows
    hurl = {(r[2], r[3], r[7]) for r in load_table("cameo/patterns.tsv")
            if "hurl" in r[0].split(",")}
    assert ("appeal", "out", "REJECT") in hurl  # "threw out the appeal": a particle


def test_a_pattern_noun_set_keeps_single_words_only() -> None:
    members = {m for name, m in load_table("cameo/noun_sets.tsv") if name == "&ceasefire"}
    assert {"truce", "ceasefire"} <= members
    assert "fire" not in members  # the last word of "cease fire" is another noun


def test_a_braced_phrase_keeps_its_modifiers_as_words_the_verb_governs() -> None:
    script = load_script("build_codebook")
    table = script.read_cameo2plover(MAPPING)
    (row,) = script._pattern_rows("* {MOCK ATTACKS}", "195", table)
    assert row[:3] == ("", "attacks", "mock")
    assert script._pattern_rows("* {&DEFENSE &WEAPON}", "074", table) == []
