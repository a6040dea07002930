"""Answers sent as built: the same JSON as encoding the decoded data."""

from __future__ import annotations

import json

import pytest

from sitrep.api.plain import plain_json, with_members, with_records


def test_plain_data_is_encoded_once() -> None:
    data = {"total": 2, "name": "Niamey – Niger", "ok": True, "none": None}
    assert json.loads(plain_json(data).body) == data


def test_stored_records_go_into_the_answer_as_they_are() -> None:
    records = ['{"id": "a", "n": 1}', '{"id": "b", "tags": ["x", "ü"]}']
    body = json.loads(with_records({"total": 2, "next": None}, "events", records).body)
    assert body == {"total": 2, "next": None,
                    "events": [{"id": "a", "n": 1}, {"id": "b", "tags": ["x", "ü"]}]}
    assert json.loads(with_records({}, "events", []).body) == {"events": []}


def test_members_are_added_to_a_streamed_object() -> None:
    text = '{"type": "FeatureCollection", "features": [\n{"id": 1}\n], "unplaced": 0}\n'
    body = json.loads(with_members(text, {"total": 1, "next_offset": None}).body)
    assert body == {"type": "FeatureCollection", "features": [{"id": 1}], "unplaced": 0,
                    "total": 1, "next_offset": None}
    assert json.loads(with_members(text, {}).body) == json.loads(text)
    with pytest.raises(ValueError, match="JSON object"):
        with_members("[1, 2]", {"total": 2})
