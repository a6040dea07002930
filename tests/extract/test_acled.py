"""ACLED's type of a record, read from who acted and on whom: the same shooting is a battle, an
attack on civilians, a riot or a protest event depending on its doers and its victims."""

from __future__ import annotations

from dataclasses import replace

from sitrep.codebook.lexicon import load_codebook
from sitrep.extract.acled import acled_of, with_acled
from sitrep.model import Actor, Event
from tests.factories import make_event


def _event(event_type: str, mode: str | None, actors: list[tuple[str, str | None]],
           recipients: list[tuple[str, str | None]], context: tuple[str, ...] = ()) -> Event:
    """A record whose actors and recipients are (words, sector) pairs."""
    return replace(make_event(event_type=event_type), mode=mode, context=list(context),
                   actors=[Actor(text=t, sector=s) for t, s in actors],
                   recipients=[Actor(text=t, sector=s) for t, s in recipients])


def _type(event: Event) -> tuple[str, str] | None:
    found = acled_of(event, load_codebook())
    return (found["event_type"], found["sub_event_type"]) if found else None


def test_shooting_between_armed_groups_is_a_battle():
    event = _event("ASSAULT", "firearms", [("soldiers", "MIL")], [("the insurgents", "REB")])
    assert _type(event) == ("Battles", "Armed clash")


def test_a_battle_with_no_victim_named_stays_a_battle():
    assert _type(_event("ASSAULT", "firearms", [("gunmen", "UAF")], [])) == \
        ("Battles", "Armed clash")


def test_shooting_unarmed_people_is_violence_against_civilians():
    event = _event("ASSAULT", "firearms", [("gunmen", "UAF")],
                   [("farmers", "AGR"), ("a teacher", "EDU")])
    assert _type(event) == ("Violence against civilians", "Attack")
    armed_too = replace(event, recipients=[*event.recipients, Actor(text="a guard", sector="COP")])
    assert _type(armed_too) == ("Battles", "Armed clash")


def test_shooting_unarmed_political_and_public_people_is_violence_against_civilians():
    for words, sector in [("a mayoral candidate", "PTY"), ("opposition activists", "OPP"),
                          ("a judge", "JUD"), ("a member of parliament", "LEG")]:
        event = _event("ASSAULT", "firearms", [], [(words, sector)])
        assert _type(event) == ("Violence against civilians", "Attack"), words
    assert _type(_event("ASSAULT", "firearms", [], [("a police officer", "COP")])) == \
        ("Battles", "Armed clash")


def test_plain_people_with_guns_are_no_mob():
    shooting = _event("ASSAULT", "firearms", [("two men", "CVL")], [("a reporter", "MED")])
    assert _type(shooting) == ("Violence against civilians", "Attack")
    beating = _event("ASSAULT", "beat", [("two men", "CVL")], [("a reporter", "MED")])
    assert _type(beating)[0] == "Riots"
    residents = _event("ASSAULT", "firearms", [("residents", "CVL")], [("a thief", "CVL")])
    assert _type(residents)[0] == "Riots"


def test_remote_violence_against_civilians_stays_remote_violence():
    event = _event("ASSAULT", "aerial", [("the air force", "MIL")], [("civilians", "CVL")])
    assert _type(event)[0] == "Explosions/Remote violence"


def test_violence_by_a_crowd_is_a_riot():
    mob = _event("ASSAULT", "beat", [("villagers", "CVL")], [("two men", None)])
    assert _type(mob) == ("Riots", "Mob violence")
    protesters = _event("ASSAULT", "firearms", [("Angry protesters", "CVL")], [("police", "COP")])
    assert _type(protesters) == ("Riots", "Violent demonstration")
    armed_among_them = replace(mob, actors=[*mob.actors, Actor(text="militiamen", sector="UAF")])
    assert _type(armed_among_them)[0] != "Riots"


def test_violence_by_one_person_is_no_riot():
    lone = _event("ASSAULT", "beat", [("A man", "CVL")], [("three passers-by", "CVL")])
    assert _type(lone) == ("Violence against civilians", "Attack")
    two = replace(lone, actors=[Actor(text="two men", sector="CVL")])
    assert _type(two) == ("Riots", "Mob violence")


def test_force_against_people_protesting_is_a_protest_event():
    lethal = _event("ASSAULT", "firearms", [("troops", "MIL")], [("marchers", "CVL")],
                    context=("pro_autocracy",))
    assert _type(lethal) == ("Protests", "Excessive force against protesters")
    arrests = _event("COERCE", "arrest", [("police", "COP")], [("students", "EDU")],
                     context=("pro_autocracy",))
    assert _type(arrests) == ("Protests", "Protest with intervention")


def test_a_ban_is_no_protest_event_and_arrests_without_a_protest_are_arrests():
    ban = _event("COERCE", "ban", [("the government", "GOV")], [("unions", "LAB")],
                 context=("pro_autocracy",))
    assert _type(ban) is not None and _type(ban)[0] != "Protests"
    arrests = _event("COERCE", "arrest", [("police", "COP")], [("students", "EDU")])
    assert _type(arrests) == ("Strategic developments", "Arrests")


def test_statements_leave_no_acled_event_and_every_record_is_read():
    statement = _event("ACCUSE", None, [("the minister", "GOV")], [("rebels", "REB")])
    battle = _event("ASSAULT", None, [("soldiers", "MIL")], [("rebels", "REB")])
    read = with_acled([statement, battle], load_codebook())
    assert [e.acled for e in read] == [None, {"event_type": "Battles",
                                               "sub_event_type": "Armed clash"}]


def test_property_a_crowd_destroys_is_a_riot_and_unknown_doers_are_no_crowd():
    burned = _event("COERCE", "destroy", [("angry shopkeepers", "BUS")], [("a tax office", "GOV")])
    assert _type(burned)[0] == "Riots"
    unknown = _event("COERCE", "destroy", [("unidentified men", "CVL")], [("a clinic", "HLH")])
    assert _type(unknown) == ("Strategic developments", "Looting/property destruction")
    seized = _event("COERCE", "seize", [("angry shopkeepers", "BUS")], [])
    assert _type(seized)[0] == "Strategic developments"   # looting is no burning


def test_many_people_named_with_one_person_are_no_lone_doer():
    event = _event("ASSAULT", "beat", [("followers of the preacher", "CVL")], [])
    assert _type(event)[0] == "Riots"
    assert _type(_event("ASSAULT", "beat", [("the preacher", "CVL")], []))[0] != "Riots"


def test_a_town_taken_is_a_transfer_of_territory_and_goods_seized_are_not():
    town = _event("COERCE", "seize", [("rebels", "REB")], [], context=("military", "territory"))
    assert _type(town) == ("Strategic developments", "Non-violent transfer of territory")
    goods = _event("COERCE", "seize", [("soldiers", "MIL")], [])
    assert _type(goods) == ("Strategic developments", "Looting/property destruction")


def test_force_on_a_rally_of_party_supporters_is_a_protest_event():
    event = _event("COERCE", "arrest", [("police", "COP")], [("party supporters", "PTY")],
                   context=("pro_autocracy",))
    assert _type(event) == ("Protests", "Protest with intervention")


def test_a_negated_or_supposed_event_has_no_acled_type():
    for modality in ("negated", "hypothetical"):
        event = replace(_event("ASSAULT", None, [("soldiers", "MIL")], [("rebels", "REB")]),
                        modality=modality)
        assert _type(event) is None
