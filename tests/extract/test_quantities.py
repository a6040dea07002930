"""Counts of dead, wounded, arrested and troops go into quantities."""

from __future__ import annotations

import pytest

from sitrep.model import Article

pytestmark = pytest.mark.slow


def counts(coder, text: str) -> list[tuple[str, float, str | None]]:
    events = coder.code_article(Article(id="t", text=text, published="2024-05-03")).events
    return [(q.text, q.value, q.unit) for e in events for q in e.quantities]


def test_troop_count(coder):
    assert ("100 military trainers", 100, "trainers") in counts(
        coder, "Russia plans to send equipment and 100 military trainers to the country.")


def test_dead_and_arrested(coder):
    assert ("46 Afghan civilians", 46, "civilians") in counts(
        coder, "Russian aircraft killed 46 Afghan civilians in Herat.")
    assert counts(coder, "Police arrested more than 1,000 protesters.")[0][1] == 1000


def test_number_words_and_passives(coder):
    assert ("Three subversives", 3, "subversives") in counts(
        coder, "Three subversives were killed during clashes in Morazan.")


def test_dates_and_durations_are_not_counts(coder):
    assert counts(coder, "Troops withdrew from the town after 15 years on 3 May 2024.") == []


def test_numbers_in_names_are_not_counts(coder):
    assert counts(coder, "Russian troops operate from Air Base 101 in Niger.") == []
