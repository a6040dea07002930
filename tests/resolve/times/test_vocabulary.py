"""The time vocabulary ships as package data and loads."""

from __future__ import annotations

from sitrep.resolve.times.vocabulary import load_vocabulary


def test_vocabulary_loads_with_every_table():
    vocab = load_vocabulary()
    assert vocab.months["september"] == vocab.months["sept"] == 9
    assert vocab.weekdays["monday"] == 1
    assert vocab.seasons["autumn"]["code"] == "FA"
    assert vocab.vague_quantities["several"] == 3
    assert vocab.units["week"]["code"] == "W"
    assert vocab.references["recently"]["value"] == "PAST_REF"
    assert vocab.holidays["christmas"] == (12, 25)


def test_ist_is_india_time():
    assert load_vocabulary().timezones["IST"] == "+05:30"


def test_times_share_the_dateline_time_zone_table():
    vocabulary = load_vocabulary()
    assert vocabulary.timezones["WAT"] == "+01:00"
    assert vocabulary.timezones["Z"] == "+00:00"
