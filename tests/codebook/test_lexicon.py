"""The event codebook loads, is complete and is consistent."""

from __future__ import annotations

from collections import Counter

import pytest

from sitrep.codebook.lexicon import _trigger, load_codebook
from sitrep.errors import SetupError

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE",
                "COERCE", "ASSAULT"}


def test_the_sixteen_plover_types_with_quad_classes():
    book = load_codebook()
    assert set(book.types) == PLOVER_TYPES
    assert {t.quad for t in book.types.values()} == {1, 2, 3, 4}
    assert book.types["ASSAULT"].quad == 4 and book.types["AGREE"].quad == 1


def test_every_type_has_verb_and_noun_triggers():
    book = load_codebook()
    by_type = Counter((t.type, t.pos) for t in book.triggers)
    for name in PLOVER_TYPES:
        assert by_type[(name, "VERB")] >= 1, name
        assert by_type[(name, "NOUN")] + by_type[(name, "PHRASE")] >= 1, name


def test_triggers_name_known_frames_modes_and_contexts():
    book = load_codebook()
    for trigger in book.triggers:
        assert trigger.frame in book.frames
        assert trigger.mode is None or trigger.mode in book.types[trigger.type].modes
        assert set(trigger.context) <= book.contexts, trigger
        assert 0 < trigger.weight <= 1


def test_multi_word_expressions_and_object_conditions_are_data():
    book = load_codebook()
    phrases = {t.lemma: t.type for t in book.triggers if t.pos == "PHRASE"}
    assert phrases["open fire"] == "ASSAULT"
    assert phrases["hunger strike"] == "PROTEST"
    sign = next(t for t in book.triggers if t.lemma == "sign")
    assert "treaty" in sign.with_


def test_negative_triggers_load():
    book = load_codebook()
    phrases = {n.lemma for n in book.negatives if n.kind == "phrase"}
    assert "heart attack" in phrases
    fight = next(n for n in book.negatives if n.kind == "with" and n.lemma == "fight")
    assert "corruption" in fight.with_


def test_cues_reporting_verbs_and_outlets_load():
    book = load_codebook()
    assert {"say", "report", "announce"} <= book.cue("reporting_verbs")
    assert "will" in book.cue("future_aux")
    assert "CNN" in book.outlets and "Reuters" in book.outlets
    assert book.cues["intent_of"]["AID"] == "AGREE"


def test_cameo_and_acled_mappings():
    book = load_codebook()
    assert book.types["RETREAT"].cameo == "08"
    assert book.acled_for("ASSAULT", "explosives") == {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Remote explosive/landmine/IED"}
    assert book.acled_for("PROTEST", "demo-org")["event_type"] == "Protests"
    assert book.acled_for("CONSULT", "visit") is None
    assert all(t.cameo for t in book.triggers)


def test_a_bad_lexicon_row_is_a_setup_error():
    book = load_codebook()
    row = {"lemma": "attack", "pos": "V", "type": "ASSAULT", "mode": "firearms",
           "context": "military", "frame": "agent_patient", "with": "-", "cameo": "190",
           "weight": "0.8"}
    assert _trigger(row, book.types, book.frames).type == "ASSAULT"
    with pytest.raises(SetupError):
        _trigger({**row, "type": "FIGHT"}, book.types, book.frames)
    with pytest.raises(SetupError):
        _trigger({**row, "mode": "picnic"}, book.types, book.frames)
    with pytest.raises(SetupError):
        _trigger({**row, "weight": "high"}, book.types, book.frames)


def test_role_nouns_name_the_kinds_of_actor_they_refer_back_to():
    nouns = load_codebook().actors.role_nouns
    assert "IGO" in nouns["bloc"]
    assert "REB" in nouns["group"] and "IGO" not in nouns["group"]


def test_a_role_noun_with_an_unknown_code_is_a_setup_error(monkeypatch):
    from sitrep.codebook import actor_tables

    monkeypatch.setattr(actor_tables, "load_table", lambda name: [("bloc", "IGO,PLANET")])
    with pytest.raises(SetupError, match="PLANET"):
        actor_tables._role_nouns({"GOV": "Government"}, {"IGO": "Inter-governmental"})
