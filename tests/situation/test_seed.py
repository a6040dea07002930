"""The situation the founding story describes, coded by the real pipeline."""

from __future__ import annotations

import pytest

from sitrep.situation import situation

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_situation(coder, seed_article):
    from sitrep.ingest import read_documents

    [article] = list(read_documents([str(seed_article)]))
    return situation(coder.code_article(article).events)


def test_russian_forces_are_present_in_niger(seed_situation) -> None:
    present = {(p.actor_country, p.country): p for p in seed_situation.presence}
    assert present[("RUS", "NER")].status == "present"
    assert present[("RUS", "NER")].event_ids


def test_us_forces_are_in_niger_with_a_withdrawal_under_way(seed_situation) -> None:
    present = {(p.actor_country, p.country): p.status for p in seed_situation.presence}
    withdrawing = {(w.actor_country, w.country) for w in seed_situation.withdrawals}
    assert present[("USA", "NER")] == "withdrawing"
    assert ("USA", "NER") in withdrawing


def test_the_us_niger_agreement_has_ended(seed_situation) -> None:
    ended = [a for a in seed_situation.agreements if a.status == "ended"]
    assert any({"USA", "NER"} <= set(a.parties) for a in ended)


def test_the_us_is_withdrawing_from_chad(seed_situation) -> None:
    assert ("USA", "TCD") in {(w.actor_country, w.country) for w in seed_situation.withdrawals}
