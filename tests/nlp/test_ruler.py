"""The gazetteer ruler: phrase names as entities, titled names from the start of their title."""

from __future__ import annotations

import spacy
from spacy.language import Language

from sitrep.nlp.ruler import GazetteerRuler
from sitrep.resolve.actors.patterns import TITLED, TitleTable

TITLES = ["General", "Secretary", "Deputy Press Secretary"]


def _ruler(nlp: Language) -> GazetteerRuler:
    ruler = GazetteerRuler(nlp, "ruler", titles=TITLES)
    ruler.add_patterns([
        {"label": "GPE", "pattern": "Langley"},
        {"label": "PERSON", "id": TITLED, "pattern": [
            {"ORTH": {"IN": TitleTable(TITLES).last_words()}}, {"IS_TITLE": True, "OP": "+"}]},
    ])
    return ruler


def _ents(text: str) -> list[tuple[str, str]]:
    nlp = spacy.blank("en")
    return [(e.text, e.label_) for e in _ruler(nlp)(nlp(text)).ents]


def test_a_titled_name_starts_at_its_title_and_beats_the_place_inside_it():
    assert _ents("They met General Michael Langley there.") == [
        ("General Michael Langley", "PERSON")]


def test_the_longest_title_ending_before_the_name_is_taken_whole():
    assert _ents("Deputy Press Secretary Sabrina Singh spoke.") == [
        ("Deputy Press Secretary Sabrina Singh", "PERSON")]
    assert _ents("The Press Secretary Sabrina Singh spoke.") == [
        ("Secretary Sabrina Singh", "PERSON")]


def test_a_title_at_the_start_of_the_document_is_found():
    assert _ents("General Langley arrived.") == [("General Langley", "PERSON")]


def test_places_alone_stay_places():
    assert _ents("Troops left Langley on Monday.") == [("Langley", "GPE")]


def test_title_table_reads_titles_at_either_end():
    table = TitleTable(TITLES)
    assert table.prefix(["Deputy", "Press", "Secretary", "Singh"]) == 3
    assert table.suffix(["the", "Press", "Secretary"]) == 1
    assert table.suffix(["the", "minister"]) == 0
    assert table.last_words() == ["General", "Secretary"]
