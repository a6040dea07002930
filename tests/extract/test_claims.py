"""On whose word: claimants of reported speech and the outlets an article credits."""

from __future__ import annotations

import pytest

from sitrep.model import Article, Event

pytestmark = pytest.mark.slow


def first(coder, text: str) -> Event:
    return coder.code_article(Article(id="t", text=text, published="2024-05-03")).events[0]


def test_according_to_names_the_claimant(coder):
    event = first(coder, "Russian forces attacked the base, according to a US defense official.")
    assert event.claimant is not None
    assert event.claimant.text == "a US defense official"
    assert event.claimant.country == "USA"


def test_said_names_the_claimant(coder):
    event = first(coder, "Israeli soldiers arrested 100 Palestinians, military sources said.")
    assert event.claimant is not None and event.claimant.text == "military sources"


def test_outlets_are_reported_by_not_claimants(coder):
    event = first(coder, "Russian and US forces have been operating from the same base, "
                         "according to a US official, as reported by CNN.")
    assert event.reported_by == ["CNN"]
    assert event.claimant is not None and event.claimant.text == "a US official"


def test_own_voice_has_no_claimant(coder):
    event = first(coder, "Rebels attacked the convoy near the border.")
    assert event.claimant is None and event.reported_by == []


def test_a_state_news_agency_speaks_for_its_state(coder):
    event = first(coder, "Government forces killed 40 militants near the river on Friday, "
                         "the state news agency SONNA said.")
    assert event.reported_by == []
    assert event.claimant is not None and event.claimant.country == "SOM"


def test_a_state_news_agency_that_accuses_is_its_state(coder):
    events = coder.code_article(Article(id="k", text="KCNA accused Seoul of provocations on "
                                                     "Friday.", published="2024-05-03")).events
    [accusation] = [e for e in events if e.event_type == "ACCUSE"]
    assert [a.country for a in accusation.actors] == ["PRK"]


def test_a_private_news_agency_still_relays(coder):
    event = first(coder, "Troops fired on the crowd on Friday, the Ansa news agency reported.")
    assert event.claimant is None
    assert event.reported_by
