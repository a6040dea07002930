"""The one "same event" test: two outlets' reports of one withdrawal, two mentions in one
article."""

from __future__ import annotations

from dataclasses import replace

from factories import make_event
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.cluster import same_event
from sitrep.cluster.events import Outline, group, load_rules, outline, outlines_agree


def report(doc_id: str, **fields):
    """A US withdrawal from Niger in April 2024, as one article tells it."""
    return make_event(doc_id, recipient_country="NER", **fields)


def test_the_packaged_rules_load() -> None:
    rules = load_rules()
    assert frozenset({"COERCE", "ASSAULT"}) in rules.compatible_types
    assert frozenset({"asserted", "negated"}) in rules.conflicting_modalities
    assert rules.within.unknown_actor_matches and not rules.across.unknown_actor_matches


def test_two_outlets_reporting_one_withdrawal_are_the_same_event() -> None:
    assert same_event(report("cnn"), report("ani", date=("2024-04-20", "2024-04-20")))


def test_two_mentions_in_one_article_are_compared_as_mentions() -> None:
    assert same_event(report("cnn"), report("cnn", start=60))
    nobody = report("cnn", start=90)
    nobody.actors = []
    assert same_event(report("cnn"), nobody)
    assert not same_event(report("cnn"), report("cnn", start=60, actor_country="FRA"))


def test_within_an_article_compatible_types_stay_apart() -> None:
    attack = replace(make_event("a", "ASSAULT", trigger="attacked"), quad=4)
    seizure = replace(make_event("a", "COERCE", trigger="seized", start=80), quad=4)
    assert not same_event(attack, seizure)


def test_different_types_differ_unless_compatible_and_of_one_quad() -> None:
    attack = make_event("a", "ASSAULT", trigger="attacked")
    seizure = replace(make_event("b", "COERCE", trigger="seized"), quad=4)
    assert same_event(replace(attack, quad=4), seizure)
    assert not same_event(replace(attack, quad=4), replace(seizure, quad=3))
    assert not same_event(report("a"), make_event("b", "MOBILIZE", trigger="deployed"))


def test_actor_recipient_and_location_countries_must_agree_when_known() -> None:
    assert not same_event(report("a"), report("b", actor_country="FRA"))
    assert not same_event(report("a"), make_event("b", recipient_country="TCD"))
    assert same_event(report("a"), make_event("b", recipient_country=None))
    assert not same_event(report("a"), report("b", location=("Chad", "TCD", "country")))
    assert same_event(report("a"), report("b", location=None))


def test_an_unknown_actor_country_does_not_merge() -> None:
    nobody = report("b")
    nobody.actors[0].country = None
    assert not same_event(report("a"), nobody)


def test_dates_must_overlap_within_a_day() -> None:
    april, may = report("a"), report("b", date=("2024-05-02", "2024-05-02"))
    assert not same_event(april, may)
    assert same_event(april, report("b", date=("2024-05-01", "2024-05-01")))
    assert same_event(april, report("b", date=None))


def unstated(doc_id: str, start: int, story_day: str):
    """A mention whose text states no date: the window up to the story's day stands in."""
    event = report(doc_id, start=start, date=("2024-05-01", story_day))
    assert event.date is not None
    event.date.basis = "publication"
    return event


def test_an_unstated_date_joins_only_a_recently_dated_mention() -> None:
    lede = unstated("a", 0, "2024-05-03")
    assert same_event(lede, report("a", start=90, date=("2024-04-29", "2024-04-29")))
    assert not same_event(lede, report("a", start=90, date=("2023-10-07", "2023-10-07")))
    assert same_event(lede, unstated("a", 90, "2024-05-03"))
    assert load_rules().within.unstated_reach_days is not None
    assert load_rules().across.unstated_reach_days is None


def test_it_happened_and_it_did_not_happen_conflict() -> None:
    assert not same_event(report("a"), report("b", modality="negated"))
    assert same_event(report("a"), report("b", modality="future"))


def test_group_puts_each_item_where_it_scores_best_and_keeps_input_order() -> None:
    events = [report("a"), report("a", start=50), report("a", start=90, actor_country="FRA")]

    def fits(members: list[int], event) -> float | None:
        return 1.0 if events[members[0]].actors[0].country == event.actors[0].country else None

    assert group(events, fits) == [[0, 1], [2]]


def test_the_army_and_the_rebels_of_one_country_are_two_sides() -> None:
    from sitrep.model import Actor

    def accusation(start: int, sector: str):
        event = make_event("a", "ACCUSE", actor_country="COL", trigger="accused", start=start,
                           location=None)
        event.actors = [Actor(text=sector, country="COL", sector=sector)]
        return event

    assert not same_event(accusation(0, "GOV"), accusation(90, "REB"))
    assert same_event(accusation(0, "GOV"), accusation(90, "MIL"))
    assert same_event(accusation(0, "REB"), accusation(90, "CVL"))  # no camp: may be one


def test_a_shared_country_named_by_one_camp_on_both_sides_is_one_side() -> None:
    from sitrep.cluster.events import opposed_camps
    from sitrep.model import Actor

    camps = load_rules().camps
    army = [Actor(text="army", country="COL", sector="MIL")]
    both = [Actor(text="army", country="COL", sector="MIL"),
            Actor(text="ELN", country="COL", sector="REB")]
    rebels = [Actor(text="ELN", country="COL", sector="REB")]
    assert opposed_camps(army, rebels, camps)
    assert not opposed_camps(army, both, camps)
    assert not opposed_camps(army, [Actor(text="ELN", country="VEN", sector="REB")], camps)


def test_in_a_fight_either_camp_may_tell_the_same_clash() -> None:
    from sitrep.model import Actor

    def attack(start: int, sector: str):
        event = make_event("a", "ASSAULT", actor_country="COL", trigger="attacked",
                           start=start, location=None)
        event.actors = [Actor(text=sector, country="COL", sector=sector)]
        return event

    assert "ASSAULT" in load_rules().fights
    assert same_event(attack(0, "MIL"), attack(90, "REB"))


def test_the_accused_answering_with_an_accusation_makes_another_statement() -> None:
    from sitrep.model import Actor

    def accusation(start: int, speaker: str, accused: str, kind: str = "ACCUSE"):
        event = make_event("a", kind, actor_country="MMR", trigger="accused", start=start,
                           location=None)
        event.actors = [Actor(text=speaker, country="MMR", sector=speaker)]
        event.recipients = [Actor(text=accused, country="MMR", sector=accused)]
        return event

    assert not same_event(accusation(0, "GOV", "MIL"), accusation(90, "MIL", "REB"))
    assert same_event(accusation(0, "GOV", "MIL"), accusation(90, "GOV", "MIL"))
    assert "ACCUSE" in load_rules().replies
    assert same_event(accusation(0, "GOV", "MIL", "ASSAULT"),
                      accusation(90, "MIL", "GOV", "ASSAULT"))  # a fight: both strike
    assert same_event(accusation(0, "GOV", "MIL", "MOBILIZE"),
                      accusation(90, "MIL", "GOV", "MOBILIZE"))  # an act, not a statement


def test_a_summons_and_a_condemnation_by_one_side_are_two_acts_in_one_article() -> None:
    def disapproval(doc: str, start: int, code: str | None, kind: str = "ACCUSE"):
        return replace(make_event(doc, kind, actor_country="EST", trigger="condemned",
                                  recipient_country="RUS", start=start, location=None),
                       cameo=code)

    assert "ACCUSE" in load_rules().within.acts_by_code
    assert not same_event(disapproval("a", 0, "111"), disapproval("a", 90, "114"))
    assert same_event(disapproval("a", 0, "111"), disapproval("a", 90, "111"))
    assert same_event(disapproval("a", 0, "110"), disapproval("a", 90, "114"))  # general
    assert same_event(disapproval("a", 0, "111", "REJECT"),
                      disapproval("a", 90, "114", "REJECT"))
    assert same_event(disapproval("a", 0, "111"), disapproval("b", 90, "114"))  # two outlets


def test_a_curfew_and_arrests_by_one_side_on_one_day_are_two_acts_in_one_article() -> None:
    def coercion(doc: str, start: int, mode: str | None):
        return replace(make_event(doc, "COERCE", actor_country="NGA", trigger="imposed",
                                  recipient_country="NGA", start=start, location=None),
                       mode=mode)

    assert "curfew" in load_rules().within.acts_by_mode["COERCE"]
    assert not same_event(coercion("a", 0, "curfew"), coercion("a", 90, "arrest"))
    assert not same_event(coercion("a", 0, "seize"), coercion("a", 90, "martial-law"))
    assert same_event(coercion("a", 0, "curfew"), coercion("a", 90, "curfew"))
    assert same_event(coercion("a", 0, "arrest"), coercion("a", 90, "seize"))  # not listed
    assert same_event(coercion("a", 0, "curfew"), coercion("a", 90, None))  # a mode unknown
    assert same_event(coercion("a", 0, "curfew"), coercion("b", 90, "arrest"))  # two outlets


def test_a_side_named_again_by_its_head_word_is_the_same_side() -> None:
    from sitrep.cluster.events import named_alike, shared_arguments
    from sitrep.model import Actor

    assert named_alike(Actor(text="Gunman", sector="UAF"), Actor(text="a gunman", sector="UAF"))
    assert named_alike(Actor(text="the mayor"), Actor(text="The Mayor"))
    assert not named_alike(Actor(text="the mayor", sector="GOV"),
                           Actor(text="the police chief", sector="COP"))
    assert not named_alike(Actor(text="security forces", sector="MIL"),
                           Actor(text="rebel forces", sector="REB"))

    def release(start: int, words: str):
        event = make_event("a", actor_country="NGA", start=start, location=None)
        event.actors = [Actor(text=words, sector="CRM")]
        return event

    assert same_event(release(0, "Bandits"), release(90, "armed bandits"))
    assert shared_arguments(release(0, "Bandits"), release(90, "armed bandits")) == 1
    assert not same_event(release(0, "Bandits"), release(90, "kidnappers"))


def test_two_bodies_of_one_code_of_no_state_are_two_sides() -> None:
    def aid(start: int, name: str):
        event = make_event("doc", "AID", start=start, actor_country="IGO", trigger="delivered")
        event.actors = [replace(event.actors[0], text=f"the {name}", name=name, sector=None)]
        return event

    agency, union = aid(0, "Food Agency"), aid(80, "Union")
    assert not same_event(agency, union)
    assert same_event(agency, aid(80, "Food Agency"))
    assert same_event(report("cnn"), report("cnn", start=60))  # two states' codes: by country


def test_an_outline_rules_out_reports_of_other_places_days_or_modalities() -> None:
    across = load_rules().across
    april = outline(report("a"))
    assert april == Outline(place="NER", days=(738977, 739006), modality="asserted",
                            recipients=frozenset({"NER"}))
    assert outlines_agree(april, outline(report("b", date=("2024-05-01", "2024-05-01"))),
                          across)
    assert not outlines_agree(april, outline(report("b", date=("2024-05-02", "2024-05-02"))),
                              across)
    assert not outlines_agree(april, outline(report("b", location=("Chad", "TCD", "country"))),
                              across)
    assert not outlines_agree(april, outline(report("b", modality="negated")), across)
    assert outlines_agree(april, outline(report("b", location=None, date=None)), across)
    assert not outlines_agree(april, outline(make_event("b", recipient_country="MLI")), across)
    assert outlines_agree(april, outline(make_event("b", recipient_country=None)), across)


def test_an_outline_says_nothing_where_only_stated_places_and_dates_count() -> None:
    within = load_rules().within
    chad = outline(report("a", location=("Chad", "TCD", "country")))
    assert outlines_agree(outline(report("a")), chad, within)


DAYS = st.sampled_from([None, ("2024-04-01", "2024-04-30"), ("2024-04-30", "2024-04-01"),
                        ("2024-05-01", None), (None, "2024-03-31"), ("2024-05-02", "2024-05-02"),
                        ("2024-04", "2024-04-15"), ("not a day", "2024-04-10")])
PLACES = st.sampled_from([None, ("Niger", "NER", "country"), ("Chad", "TCD", "country"),
                          ("Niamey", "NER", "city")])
MODALITIES = st.sampled_from(["asserted", "negated", "future", "hypothetical"])
RECIPIENTS = st.sampled_from([None, "NER", "MLI"])


@settings(max_examples=200, deadline=None)
@given(DAYS, DAYS, PLACES, PLACES, MODALITIES, MODALITIES, RECIPIENTS, RECIPIENTS)
def test_reports_the_predicate_merges_always_agree_in_outline(
        days_a, days_b, place_a, place_b, modality_a, modality_b, aim_a, aim_b) -> None:
    def one(doc_id, days, place, modality, aim):
        event = make_event(doc_id, recipient_country=aim, location=place, modality=modality)
        if days is None:
            event.date = None
        else:
            assert event.date is not None
            event.date.start, event.date.end = days
        return event

    a = one("a", days_a, place_a, modality_a, aim_a)
    b = one("b", days_b, place_b, modality_b, aim_b)
    if same_event(a, b):
        assert outlines_agree(outline(a), outline(b), load_rules().across)


def test_two_mentions_that_count_the_same_things_alike_share_an_argument() -> None:
    from sitrep.cluster.events import same_count, shared_arguments
    from sitrep.model import Quantity

    def detention(start: int, value: int, unit: str = "people"):
        event = make_event("a", "COERCE", start=start, actor_country=None, location=None)
        event.actors, event.recipients = [], []
        event.quantities = [Quantity(text=f"{value} {unit}", value=value, unit=unit)]
        return event

    assert same_count(detention(0, 38), detention(90, 38))
    assert shared_arguments(detention(0, 38), detention(90, 38)) == 1
    assert same_event(detention(0, 38), detention(90, 38))
    assert not same_count(detention(0, 38), detention(90, 40))
    assert not same_count(detention(0, 38), detention(90, 38, "boats"))
    assert not same_count(detention(0, 2), detention(90, 2))  # said of many events
    assert not same_event(detention(0, 2), detention(90, 2))
