"""Word senses read from the words around them, on invented sentences: violence a verb of
stopping governs is stopped, not done; a going somewhere is a meeting, a deployment or a trip
by who goes; a warning of a danger of nature is no threat."""

from __future__ import annotations

import pytest
from factories import surest_first

pytestmark = pytest.mark.slow


def _events(coder, text: str):  # noqa: ANN001, ANN202
    return surest_first(coder, text, "s")


def test_violence_a_verb_of_stopping_governs_is_a_ceasefire(coder):
    events = _events(coder, "The garrison commander told his men to stop shooting at the "
                            "fishing boats.")
    assert "ASSAULT" not in [e.event_type for e in events]
    assert [(e.event_type, e.mode) for e in events][:1] == [("RETREAT", "ceasefire")]


def test_violence_named_with_an_article_under_a_verb_of_stopping_stands(coder):
    events = _events(coder, "Border guards halted an attack on a customs post near Orvalle.")
    assert events and events[0].event_type == "ASSAULT"


def test_armed_people_arriving_are_a_deployment(coder):
    top = _events(coder, "Insurgents arrived in the hill villages above Morrow late on "
                         "Sunday.")[0]
    assert (top.event_type, top.mode) == ("MOBILIZE", "militia")


def test_people_of_no_side_visiting_make_a_trip(coder):
    assert _events(coder, "Crowds of holidaymakers visited the old fortress of Kerak over "
                          "the long weekend.") == []


def test_an_official_arriving_is_still_a_visit(coder):
    top = _events(coder, "Chile's foreign minister arrived in Lima for talks on fishing "
                         "rights.")[0]
    assert (top.event_type, top.mode) == ("CONSULT", "visit")


def test_a_warning_of_a_storm_is_no_threat(coder):
    assert _events(coder, "Port officials warned that a tropical storm would reach the "
                          "islands by Thursday.") == []


def test_a_verb_the_lemmatizer_cuts_short_is_still_its_trigger(coder):
    top = _events(coder, "Militiamen raped two girls fetching water near the camp at "
                         "Tessit.")[0]
    assert (top.event_type, top.mode) == ("ASSAULT", "sexual")


def test_a_clash_with_heavy_losses_names_no_side_by_its_toll(coder):
    top = _events(coder, "Army units and rebel fighters clashed near Lowara, with heavy "
                         "losses on both sides.")[0]
    assert all(r.text != "heavy losses" for r in top.recipients)
    assert top.acled["event_type"] == "Battles"


def test_an_elder_killed_by_an_armed_group_is_a_civilian(coder):
    top = _events(coder, "Insurgents shot dead a clan elder outside his home in the "
                         "lowlands.")[0]
    assert top.acled["event_type"] == "Violence against civilians"


def test_a_town_entered_by_an_armed_side_is_taken(coder):
    top = _events(coder, "Jihadist fighters entered the town of Solenzo after the "
                         "gendarmes left their barracks.")[0]
    assert (top.event_type, top.mode) == ("COERCE", "seize")
    assert top.acled["event_type"] == "Strategic developments"


def test_a_town_entered_by_people_of_no_side_is_no_event(coder):
    assert _events(coder, "Hundreds of pilgrims entered the town of Lalibela on foot.") == []


def test_a_crossing_blocked_by_drivers_is_a_protest(coder):
    top = _events(coder, "Lorry drivers blocked the main crossing into the port city of "
                         "Calvara on Monday.")[0]
    assert (top.event_type, top.mode) == ("PROTEST", "obstruct")


def test_what_a_side_should_do_is_not_done(coder):
    events = _events(coder, "Constables should have detained the smugglers at the quay "
                            "long before dawn.")
    coerced = [e for e in events if e.event_type == "COERCE"]
    assert coerced and all(e.modality == "hypothetical" for e in coerced)
    events = _events(coder, "Eritrea should free the detained pastors without delay.")
    assert events and all(e.modality == "hypothetical" for e in events
                          if e.event_type == "RETREAT")


def test_people_gathering_to_demand_something_hold_a_demonstration(coder):
    top = _events(coder, "Dozens of dock workers gathered at the harbour gates to demand "
                         "back pay.")[0]
    assert (top.event_type, top.mode) == ("PROTEST", "demo-org")
    assert top.acled["event_type"] == "Protests"


def test_a_gathering_for_another_end_is_no_demonstration(coder):
    events = _events(coder, "Mourners gathered at the cemetery in Ferrol to bury the "
                            "victims of the fire.")
    assert "PROTEST" not in [e.event_type for e in events]


def test_a_crowd_gathering_outside_a_building_holds_a_demonstration(coder):
    top = _events(coder, "Hundreds of bakery workers gathered outside the town hall in "
                         "Ferrol on Monday.")[0]
    assert (top.event_type, top.mode) == ("PROTEST", "demo-org")
    nurses = _events(coder, "Nurses assembled in front of the regional health office.")
    assert [e.event_type for e in nurses][:1] == ["PROTEST"]


def test_a_crowd_gathering_with_chants_and_flags_holds_a_demonstration(coder):
    events = _events(coder, "Several thousand fishermen gathered in the harbour square, "
                            "waving flags and chanting.")
    assert [e.event_type for e in events][:1] == ["PROTEST"]


def test_ministers_or_mourners_gathering_hold_no_demonstration(coder):
    assert "PROTEST" not in [e.event_type for e in _events(
        coder, "Ministers gathered outside the palace for a photograph.")]
    assert "PROTEST" not in [e.event_type for e in _events(
        coder, "Relatives gathered at the chapel for the burial.")]


def test_tyres_burned_on_a_road_are_a_blockade_not_destruction(coder):
    top = _events(coder, "Angry villagers burned tyres on the coast road near Ferrol.")[0]
    assert (top.event_type, top.mode) == ("PROTEST", "obstruct")


def test_a_bomb_in_a_sentence_about_sport_is_still_an_attack(coder):
    top = _events(coder, "A bomb exploded outside the football stadium in Kirkuk during "
                         "the derby, killing three spectators.")[0]
    assert (top.event_type, top.mode) == ("ASSAULT", "explosives")


def test_a_march_broken_up_keeps_its_marchers_whatever_the_by_phrase_hangs_on(coder):
    top = _events(coder, "Gendarmes fired tear gas to break up a march by opposition "
                         "supporters in Bobo-Dioulasso.")[0]
    assert top.acled["event_type"] == "Protests"


def test_unnamed_fighters_take_the_country_they_act_in(coder):
    top = _events(coder, "Fighters abducted two aid workers outside a clinic in Chad's "
                         "Lac province.")[0]
    assert "TCD" in [a.country for a in top.actors]
    top = _events(coder, "Rioters torched a bank in Guinea's second city, Nzerekore.")[0]
    assert "GIN" in [a.country for a in top.actors]


def test_a_weapon_made_safe_or_taken_is_no_attack(coder):
    events = _events(coder, "Sappers defused a landmine planted on the road to Kidal.")
    assert events and "ASSAULT" not in [e.event_type for e in events]
    assert events[0].acled["event_type"] == "Strategic developments"
    events = _events(coder, "A roadside bomb was cleared by gendarmes near the market in "
                            "Djibo.")
    assert "ASSAULT" not in [e.event_type for e in events]


def test_violence_a_warning_says_will_come_is_what_is_threatened(coder):
    events = _events(coder, "The junta warned that its troops would shell any village "
                            "sheltering the rebels.")
    assert [e.event_type for e in events] == ["THREATEN"]


def test_violence_reported_under_speech_stays_an_event(coder):
    events = _events(coder, "The governor said gunmen had shelled a village near Oicha.")
    assert "ASSAULT" in [e.event_type for e in events]


def test_a_town_taken_after_fighting_is_a_battle_for_territory(coder):
    top = _events(coder, "Government troops seized the town of Mavivi after two days of "
                         "heavy fighting with ADF rebels.")[0]
    assert top.acled["event_type"] == "Battles"
    top = _events(coder, "Rebels took control of the town of Nyanzale without a fight "
                         "after the army fled.")[0]
    assert top.acled["event_type"] == "Strategic developments"


def test_what_a_vehicle_carries_is_what_is_sent(coder):
    top = _events(coder, "Oman sent two planes loaded with medicine to quake-hit "
                         "Afghanistan.")[0]
    assert top.event_type == "AID"
    top = _events(coder, "Moscow sent two frigates armed with cruise missiles to the "
                         "Baltic.")[0]
    assert top.event_type == "MOBILIZE"


def test_attacks_suspended_are_a_ceasefire(coder):
    top = _events(coder, "The insurgents suspended attacks on the oil fields for a week.")[0]
    assert (top.event_type, top.mode) == ("RETREAT", "ceasefire")


def test_the_state_freeing_hostages_is_a_rescue_and_a_holder_freeing_them_a_release(coder):
    top = _events(coder, "Gendarmes freed four hostages held by bandits near Kaya.")[0]
    assert top.event_type == "AID"
    top = _events(coder, "The bandits freed four hostages near Kaya after a ransom was "
                         "paid.")[0]
    assert (top.event_type, top.mode) == ("RETREAT", "release")


def test_houses_burned_in_one_breath_with_killings_rank_below_them(coder):
    top = _events(coder, "Militiamen looted and torched homes in Kerenik, killing "
                         "dozens of villagers.")[0]
    assert top.event_type == "ASSAULT"
    assert top.acled["event_type"] == "Violence against civilians"


def test_a_verb_of_planning_with_a_predicate_puts_nothing_ahead(coder):
    events = _events(coder, "Angry traders set a lorry ablaze and hurled stones at police "
                            "in Bouake.")
    assert events and all(e.modality == "asserted" for e in events)
    assert "THREATEN" not in [e.event_type for e in events]


def test_a_strike_people_were_killed_in_is_an_attack_where_the_article_says_no_more(coder):
    killed = _events(coder, "A commander was killed in a Veltran strike on a car near the border.")
    assert [e.event_type for e in killed][:1] == ["ASSAULT"], [
        (e.event_type, e.evidence.trigger) for e in killed]
    walkout = _events(coder, "Two teachers were injured in a strike by union members over pay.")
    assert "PROTEST" in [e.event_type for e in walkout]
