"""Future, hypothetical and negated events are marked, never stated as fact."""

from __future__ import annotations

import pytest

from sitrep.model import Article

pytestmark = pytest.mark.slow


def mood(coder, text: str, event_type: str) -> str:
    events = coder.code_article(Article(id="t", text=text, published="2024-05-03")).events
    return next(e.modality for e in events if e.event_type == event_type)


def test_plain_past_is_asserted(coder):
    assert mood(coder, "Israeli soldiers arrested 12 protesters.", "COERCE") == "asserted"


def test_will_and_plans_are_future(coder):
    assert mood(coder, "Another US delegation will visit Niger this week.", "CONSULT") == "future"
    assert mood(coder, "Russia announced plans to send 100 trainers to Mali.", "MOBILIZE") == \
        "future"


def test_could_and_conditions_are_hypothetical(coder):
    assert mood(coder, "The army could attack the town.", "ASSAULT") == "hypothetical"
    assert mood(coder, "The rebels may halt the talks if the shelling goes on.",
                "SANCTION") == "hypothetical"


def test_not_and_denial_are_negated(coder):
    assert mood(coder, "The troops did not withdraw from the city.", "RETREAT") == "negated"
    assert mood(coder, "The army denied attacking the village.", "ASSAULT") == "negated"


def test_a_stated_intent_is_an_agreement_or_a_threat(coder):
    events = coder.code_article(Article(
        id="t", text="The United Nations will provide food aid to Liberia.",
        published="2024-05-03")).events
    assert [(e.event_type, e.modality) for e in events] == [("AGREE", "asserted")]
    events = coder.code_article(Article(
        id="t", text="Palestinian leaders said they would boycott all contact with Israel.",
        published="2024-05-03")).events
    assert [e.event_type for e in events] == ["THREATEN"]


def test_not_ruling_out_is_hypothetical(coder):
    assert mood(coder, "The minister did not rule out sending troops to the region.",
                "MOBILIZE") == "hypothetical"
    assert mood(coder, "The army ruled out an attack on the city.", "ASSAULT") == "negated"


def test_a_negated_verb_does_not_deny_the_event_it_speaks_of(coder):
    text = "The defence ministry said the rebel attack on the base would not go unanswered."
    assert mood(coder, text, "ASSAULT") != "negated"
    assert mood(coder, "Rebels did not attack the base.", "ASSAULT") == "negated"
    assert mood(coder, "A visit by the Iranian foreign minister did not take place.",
                "CONSULT") == "negated"


def test_a_conjoined_verb_with_its_own_tense_keeps_its_own_modality(coder):
    text = ("The army said it would take charge of security and warned protesters against "
            "violence.")
    assert mood(coder, text, "THREATEN") == "asserted"


def test_a_phrasal_verb_is_no_future_governor(coder):
    assert mood(coder, "Kenyan and Ugandan police set up a joint investigation team on "
                       "Friday.", "COOPERATE") == "asserted"
    assert mood(coder, "Russia is set to deploy more troops to the border.", "MOBILIZE") == \
        "future"


def test_a_verb_joined_by_and_to_an_accusation_is_not_its_charge(coder):
    text = ("The minister accused the rebels of shelling the town and warned that the army "
            "would respond.")
    assert mood(coder, text, "THREATEN") == "asserted"
    assert mood(coder, "The minister denied the report and urged calm.", "REQUEST") == \
        "asserted"
