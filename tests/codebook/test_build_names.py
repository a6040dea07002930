"""The WordNet table of words that are only names is what ``scripts/build_names.py`` makes of
WordNet's lemmas: one-word lemmas written with a capital in every synset of every part of
speech."""

from __future__ import annotations

from pathlib import Path

from build_scripts import load_script

from sitrep.codebook.load import load_list, read_text

# A miniature WordNet in the database's own format (wndb(5)): a city written only with a
# capital, a word that is a city and a common noun, a two-word name, a verb in lower case.
NOUNS = """\
  1 This is a miniature of the WordNet database.
00000001 15 n 01 Ardmore 0 000 | a town in Oklahoma
00000002 15 n 01 Reading 0 000 | a town in England
00000003 04 n 01 reading 0 000 | the act of reading
00000004 15 n 01 Lone_Grove 0 000 | a town in Oklahoma
"""
VERBS = """\
  1 This is a miniature of the WordNet database.
00000101 31 v 01 read 0 000 | look at and say
"""


def _build(tmp_path: Path) -> list[str]:
    wordnet = tmp_path / "dict"
    wordnet.mkdir()
    (wordnet / "data.noun").write_text(NOUNS, encoding="latin-1")
    (wordnet / "data.verb").write_text(VERBS, encoding="latin-1")
    out = tmp_path / "names.tsv"
    assert load_script("build_names").main(["build", str(wordnet), str(out)]) == 0
    return [line for line in out.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]


def test_only_words_written_with_a_capital_everywhere_are_names(tmp_path: Path) -> None:
    assert _build(tmp_path) == ["ardmore"]


def test_the_build_is_deterministic(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert _build(tmp_path / "a") == _build(tmp_path / "b")


def test_the_shipped_table_keeps_the_notice_and_loads() -> None:
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in read_text("wordnet/names.tsv")
    names = load_list("wordnet/names.tsv")
    assert "tbilisi" in names and "reading" not in names and "charlotte" not in names
