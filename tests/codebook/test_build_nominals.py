"""The WordNet event-noun table is what ``scripts/build_nominals.py`` makes of WordNet's
derivational links: commonest senses that are acts, events or messages, linked word by word."""

from __future__ import annotations

from pathlib import Path

from build_scripts import load_script

from sitrep.codebook.lexicon import load_codebook
from sitrep.codebook.load import load_table, read_text

# A miniature WordNet in the database's own format (wndb(5)). Noun synsets: an act linked to
# "expel" (word 1 → verb word 1), an act whose link starts from its second word only, an
# artifact linked to a verb (not an act), a group noun that is a person's commonest sense.
NOUNS = """\
  1 This is a miniature of the WordNet database.
00000001 04 n 01 expulsion 0 001 + 00000101 v 0101 | the act of expelling
00000002 04 n 02 evacuation 0 emptying 0 001 + 00000102 v 0201 | the act of emptying
00000003 06 n 01 drill 0 001 + 00000103 v 0101 | a tool that bores holes
00000004 04 n 01 drill 0 000 | an exercise
00000005 14 n 01 opposition 0 001 + 00000104 v 0101 | the party out of power
00000006 04 n 01 opposition 0 001 + 00000104 v 0101 | the act of opposing
"""
INDEX = """\
  1 This is a miniature of the WordNet database.
drill n 2 1 + 2 0 00000003 00000004
emptying n 1 1 + 1 0 00000002
evacuation n 1 1 + 1 0 00000002
expulsion n 1 1 + 1 0 00000001
opposition n 2 1 + 2 0 00000005 00000006
"""
VERBS = """\
  1 This is a miniature of the WordNet database.
00000101 41 v 02 expel 0 kick_out 0 000 | force to leave
00000102 30 v 01 empty 0 000 | make empty
00000103 35 v 01 drill 0 000 | make a hole
00000104 31 v 01 oppose 0 000 | be against
"""


def _build(tmp_path: Path) -> list[tuple[str, ...]]:
    wordnet = tmp_path / "dict"
    wordnet.mkdir()
    (wordnet / "data.noun").write_text(NOUNS, encoding="latin-1")
    (wordnet / "index.noun").write_text(INDEX, encoding="latin-1")
    (wordnet / "data.verb").write_text(VERBS, encoding="latin-1")
    out = tmp_path / "nominals.tsv"
    assert load_script("build_nominals").main(["build", str(wordnet), str(out)]) == 0
    return [tuple(line.split("\t")) for line in out.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]


def test_an_act_noun_is_linked_to_the_very_verb_word_wordnet_names(tmp_path: Path) -> None:
    assert _build(tmp_path) == [("emptying", "empty"), ("expulsion", "expel")]


def test_a_link_from_another_word_of_the_synset_is_not_the_nouns(tmp_path: Path) -> None:
    nouns = {row[0] for row in _build(tmp_path)}
    assert "evacuation" not in nouns, "the synset's link starts from 'emptying'"
    assert "drill" not in nouns, "its commonest sense is a tool"
    assert "opposition" not in nouns, "its commonest sense is a group"


def test_the_build_is_deterministic(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert _build(tmp_path / "a") == _build(tmp_path / "b")


def test_the_shipped_table_keeps_the_notice_and_loads_into_the_codebook() -> None:
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in \
        read_text("wordnet/nominals.tsv")
    rows = load_table("wordnet/nominals.tsv")
    assert all(len(row) == 2 and row[0].isalpha() and row[1].isalpha() for row in rows)
    nominals = load_codebook().nominals
    assert nominals["expulsion"] == ("expel",)
    assert "deploy" in nominals["deployment"]
