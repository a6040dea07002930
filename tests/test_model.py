"""The event record of the contract, schema 2: every mention beside the best one."""

from __future__ import annotations

from factories import make_event

from sitrep.model import SCHEMA_VERSION, Event, Evidence


def test_a_new_event_lists_its_evidence_as_its_one_mention():
    event = make_event()
    assert event.mentions == [event.evidence]
    assert event.to_dict()["schema"] == SCHEMA_VERSION == 2


def test_mentions_sit_beside_evidence_and_survive_a_round_trip():
    event = make_event()
    later = Evidence(sentence="The withdrawal ended.", start=500, end=521,
                     trigger="withdrawal", trigger_start=504, trigger_end=514)
    event.mentions = [event.evidence, later]
    data = event.to_dict()
    keys = list(data)
    assert keys.index("mentions") == keys.index("evidence") + 1
    again = Event.from_dict(data)
    assert again.mentions == [event.evidence, later]
    assert again.id == event.id


def test_a_schema_1_record_reads_back_with_its_evidence_as_mention():
    data = make_event().to_dict()
    data.pop("mentions")
    data["schema"] = 1
    again = Event.from_dict(data)
    assert again.mentions == [again.evidence]
    assert again.schema == 2
