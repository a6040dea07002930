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
    events = _code(coder, "The Chilean student union accused the police of brutally "
                          "beating students.")
    [accuse] = [e for e in events if e.event_type == "ACCUSE"]
    assert [r.text for r in accuse.recipients][:1] == ["the police"]


def test_a_denial_by_the_accused_leaves_the_accusation_made(coder):
    events = _code(coder, "Kenya accuses Somalia of shelling a border town; Mogadishu denies")
    [accuse] = [e for e in events if e.event_type == "ACCUSE"]
    assert accuse.modality == "asserted"
    assert [a.country for a in accuse.actors] == ["KEN"]
    assert accuse.claimant is None or accuse.claimant.text != "Mogadishu"


def test_an_accuser_denying_its_own_words_is_still_negated(coder):
    events = _code(coder, "The army denied accusing the rebels of shelling the town.")
    [accuse] = [e for e in events if e.event_type == "ACCUSE"]
    assert accuse.modality == "negated"


def test_a_side_saying_it_will_not_do_an_act_refuses_it(coder):
    events = _code(coder, "Kenya's health minister said the government would not meet the "
                          "striking doctors.")
    types = {e.event_type: e for e in events}
    assert "REJECT" in types and types["REJECT"].modality == "asserted"
    assert [a.country for a in types["REJECT"].actors] == ["KEN"]
    assert "CONSULT" not in types


def test_an_act_not_done_in_the_past_stays_negated(coder):
    events = _code(coder, "The ministry said the convoy did not deliver aid to the camp.")
    assert "REJECT" not in {e.event_type for e in events}


def test_a_term_of_a_deal_is_no_refusal(coder):
    events = _code(coder, "Under the deal, the rebels will not withdraw from Goma.")
    assert "REJECT" not in {e.event_type for e in events}


def test_an_act_hung_on_the_accusation_beside_its_charge_is_the_accused_s(coder):
    events = _code(coder, "Peru's Defence Ministry accused Ecuadorian troops on Friday of "
                          "raiding a border post overnight, wounding two guards.")
    assaults = [e for e in events if e.event_type == "ASSAULT"]
    assert assaults
    assert all("Ministry" not in a.text for e in assaults for a in e.actors)


def test_vowing_that_violence_goes_on_is_a_threat(coder):
    events = _code(coder, "The Nigerian president vowed that the army's raids on the "
                          "bandits' camps would resume.")
    types = {e.event_type for e in events}
    assert "THREATEN" in types and "AGREE" not in types


def test_claiming_another_side_prepares_an_attack_accuses_it(coder):
    events = _code(coder, "The Serbian president said his army was on alert, claiming that "
                          "Kosovo police were preparing to attack Serb villages.")
    [accuse] = [e for e in events if e.event_type == "ACCUSE"]
    assert [a.country for a in accuse.actors] == ["SRB"]
    assaults = [e for e in events if e.event_type in ("ASSAULT", "THREATEN")]
    assert all(e.modality == "hypothetical" and e.event_type == "ASSAULT" for e in assaults)


def test_the_doer_of_a_charge_s_controlled_verb_is_the_accused(coder):
    events = _code(coder, "The Peruvian minister accused Chilean smugglers of planning to "
                          "attack a border post.")
    assaults = [e for e in events if e.event_type == "ASSAULT"]
    assert assaults and all("minister" not in a.text for e in assaults for a in e.actors)


@pytest.mark.parametrize("text", [
    "The relief agency warned that thousands of herders in the north were running out of water.",
    "Traders warned that the closure of the bridge would double the price of fuel.",
])
def test_a_warning_that_foresees_a_state_of_affairs_is_no_threat(coder, text):
    assert not [e for e in _code(coder, text) if e.event_type == "THREATEN"]


@pytest.mark.parametrize("text", [
    "The army warned that Kenya would strike rebel camps across the border.",
    "Several donor countries warned they may cut funding unless the audit is published.",
    "The ministry warned that any attempt to seize the airport would have grave consequences.",
    "The governor warned that the police would respond to any new roadblock.",
])
def test_a_warning_of_an_act_or_on_a_condition_stays_a_threat(coder, text):
    assert [e for e in _code(coder, text) if e.event_type == "THREATEN"]
