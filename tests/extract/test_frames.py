"""Frames a reader resolves without thinking: accusations, denials, refusals and naming."""

from __future__ import annotations

import pytest

from sitrep.model import Article

pytestmark = pytest.mark.slow


def _code(coder, text: str):
    return coder.code_article(Article(id="f", text=text, published="2025-03-05")).events


def test_what_a_participle_of_the_charge_tells_is_done_by_the_accused(coder):
    events = _code(coder, "A Sudanese rebel spokesman accused Ethiopian drones of striking a "
                          "market near Metema, killing 12 traders.")
    [assault] = [e for e in events if e.event_type == "ASSAULT"]
    assert [a.country for a in assault.actors] == ["ETH"]
    assert "spokesman" not in " ".join(a.text for a in assault.actors)
    assert assault.claimant is not None and "spokesman" in assault.claimant.text


def test_the_accused_is_named_without_the_charge(coder):
    events = _code(coder, "The Burmese opposition accused the military of deliberately "
                          "bombing civilians.")
    [accuse] = [e for e in events if e.event_type == "ACCUSE"]
    assert [r.text for r in accuse.recipients][:1] == ["the military"]


def test_a_denial_by_the_accused_leaves_the_accusation_made(coder):
    events = _code(coder, "Armenia accuses Azerbaijan of firing on border posts; Baku denies")
    [accuse] = [e for e in events if e.event_type == "ACCUSE"]
    assert accuse.modality == "asserted"
    assert [a.country for a in accuse.actors] == ["ARM"]
    assert accuse.claimant is None or accuse.claimant.text != "Baku"


def test_an_accuser_denying_its_own_words_is_still_negated(coder):
    events = _code(coder, "The army denied accusing the rebels of shelling the town.")
    [accuse] = [e for e in events if e.event_type == "ACCUSE"]
    assert accuse.modality == "negated"


def test_a_side_saying_it_will_not_do_an_act_refuses_it(coder):
    events = _code(coder, "A Hezbollah official said the group would not hand over its "
                          "weapons while Israeli troops stayed in the south.")
    types = {e.event_type: e for e in events}
    assert "REJECT" in types and types["REJECT"].modality == "asserted"
    assert [a.country for a in types["REJECT"].actors] == ["LBN"]
    assert "AID" not in types


def test_an_act_not_done_in_the_past_stays_negated(coder):
    events = _code(coder, "The ministry said the convoy did not deliver aid to the camp.")
    assert "REJECT" not in {e.event_type for e in events}


def test_a_term_of_a_deal_is_no_refusal(coder):
    events = _code(coder, "Under the deal, the rebels will not withdraw from Goma.")
    assert "REJECT" not in {e.event_type for e in events}


def test_an_act_hung_on_the_accusation_beside_its_charge_is_the_accused_s(coder):
    events = _code(coder, "Armenia's Defence Ministry accused Azerbaijani forces on Wednesday "
                          "of firing on Armenian positions overnight, wounding one soldier.")
    assaults = [e for e in events if e.event_type == "ASSAULT"]
    assert assaults
    assert all("Ministry" not in a.text for e in assaults for a in e.actors)


def test_vowing_that_violence_goes_on_is_a_threat(coder):
    events = _code(coder, "The Somali president vowed that the army's offensive against "
                          "al-Shabab would continue.")
    types = {e.event_type for e in events}
    assert "THREATEN" in types and "AGREE" not in types
