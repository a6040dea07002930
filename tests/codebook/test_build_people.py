"""The WordNet people table is what ``scripts/build_people.py`` makes of WordNet and the kinds
table: commonest senses only, the nearest listed kind decides, no named individuals."""

from __future__ import annotations

from pathlib import Path

from build_scripts import load_script

from sitrep.codebook.actor_tables import sector_codes
from sitrep.codebook.load import load_table, read_text

# A miniature WordNet in the database's own format (wndb(5)): a licence line, then synsets.
DATA = """\
  1 This is a miniature of the WordNet database.
00000001 03 n 01 entity 0 000 | that which exists
00000002 18 n 01 person 0 001 @ 00000001 n 0000 | a human being
00000003 18 n 01 merchant 0 001 @ 00000002 n 0000 | someone who sells
00000004 18 n 02 vendor 0 seller 0 001 @ 00000003 n 0000 | someone who sells things
00000005 18 n 01 pilgrim 0 001 @ 00000002 n 0000 | someone who journeys
00000006 18 n 01 leader 0 001 @ 00000002 n 0000 | someone who leads
00000007 18 n 01 chief 0 001 @ 00000006 n 0000 | the leader of a group
00000008 08 n 01 head 0 000 | the upper part of the body
00000009 18 n 01 Fijian 0 001 @ 00000002 n 0000 | a person of Fiji
00000010 18 n 01 Stanley 0 001 @i 00000002 n 0000 | a named explorer
"""
INDEX = """\
  1 This is a miniature of the WordNet database.
chief n 1 1 @ 1 0 00000007
einstein n 1 1 @ 1 0 00000010
fijian n 1 1 @ 1 0 00000009
head n 2 1 @ 2 0 00000008 00000007
leader n 1 1 @ 1 0 00000006
merchant n 1 1 @ 1 0 00000003
person n 1 1 @ 1 0 00000002
pilgrim n 1 1 @ 1 0 00000005
seller n 1 1 @ 1 0 00000004
vendor n 1 1 @ 1 0 00000004
"""
KINDS = "# sense<TAB>sector\nmerchant.n.01\tBUS\nleader.n.01\t-\n"


def _build(tmp_path: Path) -> list[tuple[str, ...]]:
    wordnet = tmp_path / "dict"
    wordnet.mkdir()
    (wordnet / "data.noun").write_text(DATA, encoding="latin-1")
    (wordnet / "index.noun").write_text(INDEX, encoding="latin-1")
    (tmp_path / "kinds.tsv").write_text(KINDS, encoding="utf-8")
    out = tmp_path / "people.tsv"
    build = load_script("build_people").main
    assert build(["build", str(wordnet), str(out), str(tmp_path / "kinds.tsv")]) == 0
    return [tuple(line.split("\t")) for line in out.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]


def test_people_nouns_take_the_sector_of_the_nearest_listed_kind(tmp_path: Path) -> None:
    assert _build(tmp_path) == [("merchant", "BUS"), ("person", "CVL"), ("pilgrim", "CVL"),
                                ("seller", "BUS"), ("vendor", "BUS")]


def test_kinds_without_a_side_names_and_other_senses_are_left_out(tmp_path: Path) -> None:
    nouns = {row[0] for row in _build(tmp_path)}
    assert "chief" not in nouns, "a leader says nothing of the side"
    assert "head" not in nouns, "its commonest sense is no person"
    assert not {"fijian", "einstein"} & nouns, "a people's name or a named individual"


def test_the_build_is_deterministic(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert _build(tmp_path / "a") == _build(tmp_path / "b")


def test_the_shipped_table_keeps_the_wordnet_notice_and_known_sectors() -> None:
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in \
        read_text("wordnet/people.tsv")
    known = set(sector_codes())
    assert {row[1] for row in load_table("wordnet/people.tsv")} <= known
    kinds = load_table("actors/person_kinds.tsv")
    assert {row[1] for row in kinds} <= known | {"-"}
    assert all(row[0].count(".n.") == 1 for row in kinds)
