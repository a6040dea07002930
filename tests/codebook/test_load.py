"""The codebook loader: every data file loads, each is documented, and ``fold`` is one key."""

from __future__ import annotations

import pytest

from sitrep.codebook.load import (
    files,
    fold,
    load,
    load_list,
    load_records,
    load_table,
    read_text,
)
from sitrep.errors import SetupError

FILES = files()


def test_the_codebook_has_its_files() -> None:
    assert "triggers.tsv" in FILES
    assert "actors/titles.tsv" in FILES
    assert "country_names.tsv" in FILES
    assert all(not name.startswith("_") for name in FILES)


@pytest.mark.parametrize("name", FILES)
def test_every_file_loads_and_has_entries(name: str) -> None:
    assert load(name)


@pytest.mark.parametrize("name", FILES)
def test_every_file_is_described_in_the_readme(name: str) -> None:
    assert f"`{name}`" in read_text("README.md")


def test_a_missing_file_is_a_setup_error_naming_it() -> None:
    with pytest.raises(SetupError, match="no_such.tsv"):
        load_table("no_such.tsv")


def test_tables_skip_comments_and_strip_cells() -> None:
    rows = load_table("actors/sectors.tsv")
    assert rows[0][:2] == ("GOV", "Government")
    assert not any(row[0].startswith("#") for row in rows)


def test_lists_and_records() -> None:
    assert "The" in load_list("actors/name_stopwords.txt")
    triggers = load_records("triggers.tsv")
    assert {"lemma", "pos", "type", "mode"} <= set(triggers[0])
    bodies = load_records("actors/institutions.jsonl")
    assert all("aliases" in body for body in bodies)


def test_fold_is_accent_quote_dash_space_and_case_blind() -> None:
    assert fold("Erdoğan") == "erdogan"
    assert fold("Côte d’Ivoire") == "cote d'ivoire"
    assert fold("Guinea–Bissau") == "guinea-bissau"
    assert fold("  Łódź \t Voivodeship ") == "lodz voivodeship"
    assert fold("Niger", keep_case=True) == "Niger"
