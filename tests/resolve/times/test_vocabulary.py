"""The time vocabulary ships in the codebook (``sitrep/codebook/times/``) and loads."""

from __future__ import annotations

import re

import pytest

from sitrep.resolve.times.grammar import grammar, number_pattern
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


@pytest.mark.parametrize("role", [
    "relative", "unit_adjectives", "approximators", "ago", "named_clock", "set_per",
    "anaphor_determiners", "same_period_tails", "range_signals", "range_joins", "calendar_units",
    "year_counted_nouns", "year_number_markers", "day_frames", "tense",
])
def test_every_word_role_the_patterns_use_is_in_the_file(role):
    assert load_vocabulary().words[role]


def test_compound_numbers_come_from_the_number_words():
    pattern = re.compile(number_pattern(load_vocabulary()))
    assert pattern.fullmatch("forty-two")
    assert pattern.fullmatch("ninety nine")
    assert not pattern.fullmatch("a-two")


def test_every_pattern_compiles():
    assert {name for name, _ in grammar().patterns} >= {"mdy", "ago", "duration", "reference"}


def test_a_time_points_back_by_its_own_words_not_by_its_clause():
    from sitrep.resolve.times.vocabulary import points_back

    assert points_back("last month") and points_back("Yesterday")
    assert points_back("two days ago") and points_back("a week earlier")
    assert not points_back("Friday") and not points_back("March 3")
    assert not points_back("next week") and not points_back("this year")
