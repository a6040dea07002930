"""The situation from hand-made events: presence, withdrawals, agreements, expected events."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from factories import make_event

from sitrep.model import Quantity
from sitrep.situation import situation
from sitrep.situation.rules import load_rules

MARCH = ("2024-03-01", "2024-03-31")
APRIL = ("2024-04-01", "2024-04-30")
MAY = ("2024-05-03", "2024-05-03")


def deploy(doc: str = "d", country: str = "RUS", where=("Niger", "NER", "country"),
           date_=MARCH, **fields):
    return make_event(doc, "MOBILIZE", actor_country=country, trigger="operating",
                      sentence=f"The {country} forces are operating from the base.",
                      location=where, date=date_, **fields)


def withdraw(doc: str = "w", trigger: str = "withdrawing", sentence: str | None = None,
             where=("Niger", "NER", "country"), date_=APRIL, **fields):
    return make_event(doc, "RETREAT", trigger=trigger, location=where, date=date_,
                      sentence=sentence or f"The USA forces are {trigger} troops from there.",
                      **fields)


def agreement(doc: str, event_type: str, trigger: str, sentence: str, date_=MARCH, **fields):
    return make_event(doc, event_type, actor_country="NER", recipient_country="USA",
                      trigger=trigger, sentence=sentence, date=date_, location=None, **fields)


def test_the_packaged_rules_load() -> None:
    rules = load_rules()
    assert rules.presence_open and rules.withdrawal and rules.agreement_close
    assert "agreement" in rules.agreement_words


def test_forces_operating_from_a_base_are_present_since_the_event() -> None:
    event = deploy(where=("Air Base 101", "NER", "facility"))
    [presence] = situation([event]).presence
    assert (presence.actor_country, presence.country, presence.place) == (
        "RUS", "NER", "Air Base 101")
    assert presence.since == "2024-03-01" and presence.status == "present"
    assert presence.event_ids == [event.id]


def test_a_dateline_city_is_not_where_the_forces_are() -> None:
    event = deploy(where=("Niamey", "NER", "city"))
    event.location.basis = "dateline"
    [presence] = situation([event]).presence
    assert (presence.country, presence.place) == ("NER", None)


def test_trainers_sent_as_aid_are_a_presence() -> None:
    aid = make_event("a", "AID", actor_country="RUS", trigger="sent",
                     sentence="Russia sent 100 military trainers to the country.")
    aid.quantities = [Quantity(text="100 military trainers", value=100, unit="trainers")]
    assert [p.actor_country for p in situation([aid]).presence] == ["RUS"]


def test_a_withdrawal_under_way_keeps_the_forces_present_as_withdrawing() -> None:
    start, leaving = deploy(country="USA"), withdraw()
    state = situation([leaving, start])
    [presence], [withdrawal] = state.presence, state.withdrawals
    assert presence.status == "withdrawing"
    assert presence.event_ids == [start.id, leaving.id]
    assert (withdrawal.actor_country, withdrawal.country) == ("USA", "NER")
    assert withdrawal.since == "2024-04-01" and withdrawal.event_ids == [leaving.id]


def test_a_completed_withdrawal_ends_presence_and_withdrawal() -> None:
    done = withdraw("x", trigger="withdrawal", date_=MAY,
                    sentence="The USA forces completed their withdrawal from the country.")
    state = situation([deploy(country="USA"), withdraw(), done])
    assert state.presence == [] and state.withdrawals == []


def test_as_of_a_day_only_earlier_events_count() -> None:
    events = [deploy(country="USA"), withdraw()]
    state = situation(events, as_of=date(2024, 3, 15))
    assert [p.status for p in state.presence] == ["present"] and state.withdrawals == []
    assert state.as_of == "2024-03-15"


def test_future_events_change_nothing_but_are_expected() -> None:
    planned = deploy("p", modality="future", date_=None)
    state = situation([planned])
    assert state.presence == []
    assert [e.event_id for e in state.expected] == [planned.id]


def test_an_expected_event_whose_time_has_passed_is_dropped() -> None:
    planned = deploy("p", modality="future", date_=MARCH)
    assert situation([planned], as_of=date(2024, 5, 1)).expected == []


def test_without_a_date_plans_past_by_the_latest_news_are_no_longer_expected() -> None:
    overtaken = deploy("p", modality="future", date_=MARCH)
    ahead = deploy("q", country="FRA", modality="future", date_=MAY)
    state = situation([overtaken, ahead, withdraw()])  # the latest news: April 1st
    assert [e.event_id for e in state.expected] == [ahead.id]
    assert state.as_of is None


def test_hypothetical_and_negated_events_are_ignored() -> None:
    events = [deploy(modality="hypothetical"), withdraw(modality="negated")]
    state = situation(events)
    assert state.presence == [] and state.withdrawals == [] and state.expected == []


def test_a_country_deploying_at_home_is_not_a_foreign_presence() -> None:
    assert situation([deploy(country="NER")]).presence == []


def test_the_place_falls_back_to_the_recipient_country() -> None:
    event = withdraw(where=None, recipient_country="TCD")
    assert [(w.actor_country, w.country) for w in situation([event]).withdrawals] == [
        ("USA", "TCD")]


def test_a_signed_agreement_stands_until_it_is_terminated() -> None:
    signed = agreement("s", "AGREE", "signed", "Niger and the USA signed a defence agreement.",
                       date_=("2014-01-01", "2014-12-31"))
    ended = agreement("t", "REJECT", "terminate",
                      "Niger announced its decision to terminate the agreement with the USA.")
    [before] = situation([signed]).agreements
    assert (before.parties, before.status, before.context) == (
        ["NER", "USA"], "in force", ["military"])
    [after] = situation([ended, signed]).agreements
    assert after.status == "ended" and after.since == "2024-03-01"
    assert after.event_ids == [signed.id, ended.id]


def test_rejecting_something_that_is_not_an_agreement_ends_nothing() -> None:
    refusal = agreement("r", "REJECT", "rejected", "Niger rejected the US request.")
    assert situation([refusal]).agreements == []


def test_the_order_of_input_does_not_matter() -> None:
    events = [deploy(), deploy("e", country="USA"), withdraw(),
              agreement("t", "SANCTION", "suspended", "Niger suspended the accord.")]
    assert situation(events).to_dict() == situation(events[::-1]).to_dict()


def test_to_dict_is_plain_json() -> None:
    state = situation([deploy(), withdraw()], as_of=date(2024, 5, 3))
    data = json.loads(json.dumps(state.to_dict()))
    assert set(data) == {"as_of", "presence", "agreements", "withdrawals", "expected"}
    assert data["withdrawals"][0]["event_ids"]


def test_to_dict_is_what_asdict_gives_and_shares_no_list() -> None:
    from dataclasses import asdict

    events = [deploy(), withdraw(), deploy("f", country="FRA", modality="future", date_=MAY),
              agreement("t", "AGREE", "signed", "Niger signed a defence accord with the USA.")]
    state = situation(events)
    assert state.presence and state.withdrawals and state.expected and state.agreements
    data = state.to_dict()
    assert data == asdict(state)
    data["presence"][0]["event_ids"].append("changed")
    assert "changed" not in state.presence[0].event_ids


def test_replaying_kept_facts_is_the_situation_of_the_events() -> None:
    from sitrep.situation import facts, replay
    from sitrep.situation.state import _order

    events = [deploy(), withdraw(date_=MAY), deploy("f", country="FRA", modality="future"),
              agreement("t", "AGREE", "signed", "Niger signed a defence accord with the USA."),
              deploy("n", modality="negated")]
    kept = [f for f in (facts(e) for e in events) if f is not None]
    assert len(kept) == 4  # the negated deployment bears on nothing
    kept = json.loads(json.dumps(sorted(kept, key=_order)))  # as the store keeps them
    for day in (None, date(2024, 3, 15), date(2024, 5, 3)):
        assert replay(kept, day) == situation(events, as_of=day)


def test_unrelated_retreats_are_not_withdrawals() -> None:
    release = replace(withdraw(trigger="released", sentence="Niger released two prisoners."),
                      mode="release")
    assert situation([release]).withdrawals == []


def test_an_event_placed_in_one_actors_home_shows_no_foreign_forces() -> None:
    joint = deploy(country="RUS", where=("United States", "USA", "country"))
    joint.actors.append(replace(joint.actors[0], country="USA"))
    assert situation([joint]).presence == []


def test_a_party_the_arguments_missed_is_read_from_the_sentence() -> None:
    ended = make_event("t", "SANCTION", actor_country="NER", trigger="terminate", location=None,
                       sentence="Niger decided to terminate the agreement that allowed U.S. "
                                "personnel to operate in the country.")
    assert [a.parties for a in situation([ended]).agreements] == [["NER", "USA"]]


def test_only_the_events_the_rules_bear_on_are_read() -> None:
    from sitrep.situation import bears_on

    chatter = make_event("c", "CONSULT", trigger="met", sentence="The USA envoy met them.")
    assert bears_on(deploy()) and bears_on(withdraw())
    assert bears_on(replace(chatter, modality="future"))  # listed as expected
    assert not bears_on(chatter)
    assert not bears_on(deploy(modality="hypothetical"))
    events = [deploy(), withdraw(), chatter, deploy("f", modality="future")]
    assert situation(events) == situation([e for e in events if bears_on(e)])
