"""The WordNet hazard table is what ``scripts/build_hazards.py`` makes of WordNet and the kinds
table: a noun whose commonest sense is a natural hazard, an accident or an illness, or whose
later sense the kinds table lists itself; never a noun that is violence first."""

from __future__ import annotations

from pathlib import Path

from build_scripts import load_script

from sitrep.codebook.load import load_table, read_text
from sitrep.extract.hazards import hazard_nouns

# A miniature WordNet in the database's own format (wndb(5)): a licence line, then synsets.
DATA = """\
  1 This is a miniature of the WordNet database.
00000001 03 n 01 entity 0 000 | that which exists
00000002 19 n 01 natural_phenomenon 0 001 @ 00000001 n 0000 | all phenomena not made by people
00000003 19 n 01 earthquake 0 001 @ 00000002 n 0000 | shaking of the earth
00000004 19 n 01 flood 0 001 @ 00000002 n 0000 | water over dry land
00000005 04 n 01 attack 0 001 @ 00000001 n 0000 | an offensive against an enemy
00000006 04 n 01 shelling 0 001 @ 00000005 n 0000 | an attack with artillery
00000007 19 n 01 gust 0 001 @ 00000002 n 0000 | a strong current of air
00000008 11 n 01 victory 0 001 @ 00000001 n 0000 | a win
00000009 11 n 01 landslide 0 001 @ 00000008 n 0000 | an overwhelming victory
00000010 11 n 01 landslide 0 001 @ 00000002 n 0000 | a slide of earth down a slope
00000011 11 n 01 blast 0 001 @ 00000005 n 0000 | an explosion
"""
INDEX = """\
  1 This is a miniature of the WordNet database.
attack n 1 1 @ 1 0 00000005
blast n 2 1 @ 2 0 00000011 00000007
earthquake n 1 1 @ 1 0 00000003
flood n 1 1 @ 1 0 00000004
gust n 1 1 @ 1 0 00000007
landslide n 2 1 @ 2 0 00000009 00000010
natural_phenomenon n 1 1 @ 1 0 00000002
shelling n 1 1 @ 1 0 00000006
victory n 1 1 @ 1 0 00000008
"""
KINDS = ("# sense<TAB>kind\nnatural_phenomenon.n.01\tnatural\nlandslide.n.02\tnatural\n"
         "attack.n.01\t-\n")


def _build(tmp_path: Path) -> list[tuple[str, ...]]:
    wordnet = tmp_path / "dict"
    wordnet.mkdir()
    (wordnet / "data.noun").write_text(DATA, encoding="latin-1")
    (wordnet / "index.noun").write_text(INDEX, encoding="latin-1")
    (tmp_path / "kinds.tsv").write_text(KINDS, encoding="utf-8")
    out = tmp_path / "hazards.tsv"
    build = load_script("build_hazards").main
    assert build(["build", str(wordnet), str(out), str(tmp_path / "kinds.tsv")]) == 0
    return [tuple(line.split("\t")) for line in out.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]


def test_hazards_are_nouns_whose_commonest_sense_is_a_listed_kind(tmp_path: Path) -> None:
    rows = _build(tmp_path)
    assert ("earthquake", "natural") in rows
    assert ("flood", "natural") in rows
    assert ("landslide", "natural") in rows, "its later sense is listed itself"


def test_violence_first_is_never_a_hazard(tmp_path: Path) -> None:
    nouns = {row[0] for row in _build(tmp_path)}
    assert not {"attack", "shelling", "victory"} & nouns
    assert "blast" not in nouns, "an explosion first, a gust of wind only later"


def test_the_build_is_deterministic(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert _build(tmp_path / "a") == _build(tmp_path / "b")


def test_the_shipped_table_keeps_the_wordnet_notice_and_names_the_hazards() -> None:
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in \
        read_text("wordnet/hazards.tsv")
    kinds = {row[1] for row in load_table("wordnet/hazards.tsv")}
    assert kinds == {"natural", "accident", "illness", "vehicle"}
    hazards = hazard_nouns()
    assert {"earthquake", "flood", "typhoon", "wildfire", "landslide", "collision",
            "derailment", "cholera"} <= hazards.keys()
    assert not {"attack", "explosion", "blast", "clash", "shelling", "bombing",
                "ambush", "raid"} & hazards.keys()
    assert hazards["bus"] == "vehicle"
    assert not {"tank", "warplane", "warship"} & hazards.keys(), "military vehicles are weapons"
