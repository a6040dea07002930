"""Assembly: the mentions of one real-world event in one article become one record."""

from __future__ import annotations

import pytest
from factories import make_event
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.cluster.assemble import (
    anaphor,
    assemble,
    combine,
    dated_ahead,
    generic,
    part_of,
    told_in_passing,
)
from sitrep.cluster.events import load_rules
from sitrep.codebook.lexicon import load_codebook
from sitrep.model import Article, Claimant

TEXT = "US withdraws" + "x" * 400


def article(**fields) -> Article:
    return Article(id="doc1", text=TEXT, **fields)


def blank_doc(words: list[str], pos: list[str]) -> Doc:
    return Doc(Vocab(), words=words, pos=pos)


def long_doc(tokens: int = 300, per_sentence: int = 10) -> Doc:
    """A document of one-letter verbs, a sentence every ``per_sentence`` tokens."""
    return Doc(Vocab(), words=["w"] * tokens, pos=["VERB"] * tokens,
               sent_starts=[i % per_sentence == 0 for i in range(tokens)])


def unstated(event, *, place: bool = True, date: bool = True):
    """The mention as the extractor leaves it when the text states no place or date."""
    if place and event.location is not None:
        event.location.basis = "dateline"
    if date and event.date is not None:
        event.date.basis = "publication"
    return event


def test_a_headline_and_a_lede_of_one_withdrawal_are_one_record_with_two_mentions():
    headline = make_event(start=0, trigger="withdrew")
    lede = make_event(start=120, trigger="withdrew", recipient_country="NER")
    [event] = assemble([headline, lede], blank_doc(["x"], ["NOUN"]), article())
    assert [m.start for m in event.mentions] == [0, 120]
    assert event.id in {headline.id, lede.id}
    assert [r.country for r in event.recipients] == ["NER"]


def test_the_best_mention_gives_the_id_and_the_others_fill_what_it_lacks():
    named = unstated(make_event(start=200, actor_country="RUS", event_type="ASSAULT",
                                trigger="attacked"))
    nameless = make_event(start=0, actor_country="RUS", event_type="ASSAULT", trigger="attack",
                          location=("Kyiv", "UKR", "city"))
    nameless.actors[0].country = None
    nameless.actors = []
    merged = combine([nameless, named])
    assert merged.id == named.id
    assert merged.location.country_code == "UKR" and merged.location.basis == "mention"
    assert merged.mentions[0].start == 0


def test_two_attacks_by_different_sides_stay_two_records():
    ours = make_event(event_type="ASSAULT", actor_country="RUS", trigger="attacked")
    theirs = make_event(event_type="ASSAULT", actor_country="UKR", start=100,
                        trigger="attacked")
    assert len(assemble([ours, theirs], blank_doc(["x"], ["NOUN"]), article())) == 2


def test_a_verbal_mention_without_actor_sharing_nothing_stays_apart():
    ours = unstated(make_event(event_type="ASSAULT", actor_country="RUS", trigger="attacked"))
    passive = unstated(make_event(event_type="ASSAULT", start=100, trigger="killed"))
    passive.actors = []
    records = assemble([ours, passive], long_doc(), article())
    assert len(records) == 2
    assert records[1].confidence < passive.confidence  # kept, but unclaimed


def test_a_nominal_mention_refers_back_without_sharing_anything():
    words = ["The", "attack"]
    doc = blank_doc(words, ["DET", "NOUN"])
    ours = unstated(make_event(event_type="ASSAULT", actor_country="RUS", trigger="attacked",
                               sentence="x" * 100))
    later = unstated(make_event(event_type="ASSAULT", start=0, trigger="attack",
                                sentence="The attack"))
    later.actors = []
    assert anaphor(doc, later)
    assert len(assemble([ours, later], doc, article())) == 1


@pytest.mark.parametrize("kind", sorted(load_rules().kept_without_actor))
def test_a_record_naming_no_actor_stays_less_sure(kind):
    event = make_event(event_type=kind, trigger="struck")
    event.actors = []
    [record] = assemble([event], blank_doc(["x"], ["VERB"]), article())
    assert record.confidence < event.confidence


@pytest.mark.parametrize("kind", ["COERCE", "ASSAULT"])
def test_an_act_told_as_not_done_by_no_one_named_is_no_record(kind):
    event = make_event(event_type=kind, trigger="arrests")  # "no arrests had been made"
    event.actors, event.modality = [], "negated"
    assert assemble([event], blank_doc(["x"], ["NOUN"]), article()) == []
    denied = make_event(event_type=kind, trigger="killed")  # "denied its soldiers killed"
    denied.modality = "negated"
    assert [r.modality for r in assemble([denied], blank_doc(["x"], ["VERB"]), article())] == [
        "negated"]


def test_a_threat_naming_no_doer_is_no_record():
    event = make_event(event_type="THREATEN", trigger="threatened")
    event.actors = []
    assert assemble([event], blank_doc(["x"], ["NOUN"]), article()) == []


def test_a_side_known_only_by_its_kind_belongs_where_the_event_happens():
    event = make_event(event_type="ASSAULT", location=("Goma", "COD", "city"),
                       trigger="attacked")
    event.actors[0].country = None
    event.actors[0].sector = "UAF"
    [record] = assemble([event], blank_doc(["x"], ["VERB"]), article())
    assert record.actors[0].country == "COD"


def test_a_body_named_by_a_name_no_table_codes_belongs_where_it_acts():
    from sitrep.cluster.assemble import _where_they_operate

    event = make_event(event_type="REQUEST", location=("Kisumu", "KEN", "city"),
                       trigger="called on")
    event.actors[0].country = None
    event.actors[0].sector = None
    event.actors[0].text = "The Lakeside Forum"
    named = _where_they_operate(event, names=frozenset({"The Lakeside Forum"}))
    assert named.actors[0].country == "KEN"
    assert _where_they_operate(event).actors[0].country is None  # a thing: no doer
    abroad = unstated(make_event(event_type="RETREAT", location=("Sofia", "BGR", "city"),
                                 trigger="disbanded"), date=False)
    abroad.actors[0].country = abroad.actors[0].sector = None
    abroad.actors[0].text = "The Lakeside Forum"
    # a dateline abroad says nothing of whose a name is
    assert _where_they_operate(abroad, names=frozenset({"The Lakeside Forum"})).actors[
        0].country is None


@pytest.mark.slow
def test_an_unknown_civic_body_takes_the_country_it_acts_in(coder):
    text = ("Market row in Kisumu\n\nKISUMU, Kenya (AP) - The Lakeside Civic Forum "
            "called on the county government on Monday to reopen the fish market in Kisumu.")
    events = coder.code_article(Article(id="k", text=text, published="2025-03-05")).events
    [request] = [e for e in events if e.event_type == "REQUEST"]
    assert [a.country for a in request.actors] == ["KEN"]


def _together(event_type: str, recipients: list[str] | None = None):
    from sitrep.model import Actor

    event = make_event(event_type=event_type, trigger="signed", location=None)
    event.actors.append(Actor(text="Somalia", country="SOM", sector="GOV"))
    event.recipients = [Actor(text=c, country=c, sector="GOV") for c in recipients or []]
    return event


def test_sides_of_a_mutual_event_are_each_others_recipients():
    [record] = assemble([_together("AGREE")], blank_doc(["x"], ["VERB"]), article())
    assert [r.country for r in record.recipients] == ["USA", "SOM"]


def test_a_mutual_event_keeps_the_recipient_it_names_and_others_stay_without():
    [named] = assemble([_together("AGREE", ["KEN"])], blank_doc(["x"], ["VERB"]), article())
    assert [r.country for r in named.recipients] == ["KEN"]
    [attack] = assemble([_together("ASSAULT")], blank_doc(["x"], ["VERB"]), article())
    assert attack.recipients == []


def test_an_act_naming_no_target_is_done_to_the_country_where_it_happens():
    strike = make_event(event_type="ASSAULT", actor_country="RUS", trigger="struck",
                        location=("Kharkiv", "UKR", "city"))
    [record] = assemble([strike], blank_doc(["x"], ["VERB"]), article())
    assert [r.country for r in record.recipients] == ["UKR"]


def test_a_demand_made_at_home_is_aimed_at_home_and_an_outsiders_call_at_the_story():
    home = make_event(event_type="REQUEST", actor_country="GEO", trigger="demanded",
                      location=("Tbilisi", "GEO", "city"))
    abroad = make_event(event_type="REQUEST", actor_country="USA", trigger="urged",
                        location=("Tbilisi", "GEO", "city"), start=200)
    records = assemble([home, abroad], blank_doc(["x"], ["VERB"]), article())
    assert [[r.country for r in e.recipients] for e in records] == [["GEO"], ["GEO"]]


def test_a_demand_told_in_a_story_filed_from_the_speakers_home_is_aimed_at_home():
    demand = unstated(make_event(event_type="REQUEST", actor_country="GEO", trigger="demanded",
                                 location=("Tbilisi", "GEO", "city")), date=False)
    [record] = assemble([demand], blank_doc(["x"], ["VERB"]), article())
    assert [r.country for r in record.recipients] == ["GEO"]


def test_an_outsiders_promise_is_aimed_at_the_country_the_article_is_about():
    strike = make_event(event_type="ASSAULT", actor_country="RUS", trigger="struck",
                        location=("Kharkiv", "UKR", "city"))
    promise = unstated(make_event(event_type="AGREE", actor_country="DEU", trigger="promised",
                                  start=200, location=("Berlin", "DEU", "city")), date=False)
    records = assemble([strike, promise], blank_doc(["x"], ["VERB"]), article())
    assert [r.country for r in records[1].recipients] == ["UKR"]


def _acting_as(event, sector: str):
    event.actors[0].sector = sector
    return event


@pytest.mark.parametrize("sector", ["JUD", "COP", "LEG"])
def test_a_foreign_court_acts_at_home_not_at_the_dateline(sector):
    ruling = unstated(_acting_as(make_event(event_type="REJECT", actor_country="FRA",
                                            trigger="rejected",
                                            location=("Quito", "ECU", "city")), sector),
                      date=False)
    [record] = assemble([ruling], blank_doc(["x"], ["VERB"]), article())
    assert record.location.country_code == "FRA"
    assert record.location.basis == "article"


def test_a_foreign_government_or_a_stated_place_keeps_its_place():
    said = unstated(make_event(event_type="REJECT", actor_country="FRA", trigger="rejected",
                               location=("Quito", "ECU", "city")), date=False)
    _acting_as(said, "GOV")
    ruled = _acting_as(make_event(event_type="REJECT", actor_country="FRA", trigger="rejected",
                                  location=("Quito", "ECU", "city")), "JUD")
    home = unstated(_acting_as(make_event(event_type="REJECT", actor_country="ECU",
                                          trigger="rejected",
                                          location=("Quito", "ECU", "city")), "JUD"),
                    date=False)
    for event in (said, ruled, home):
        [record] = assemble([event], blank_doc(["x"], ["VERB"]), article())
        assert record.location.country_code == "ECU"


def _named(event, text: str):
    event.actors[0].text = text
    return event


def test_a_government_named_by_its_capital_acts_at_home_and_not_at_itself():
    refusal = unstated(_named(make_event(event_type="REJECT", actor_country="FRA",
                                         trigger="refused",
                                         location=("Quito", "ECU", "city")), "Paris"),
                       date=False)
    [record] = assemble([refusal], blank_doc(["x"], ["VERB"]), article())
    assert record.location.country_code == "FRA"
    assert "FRA" not in [r.country for r in record.recipients]


def test_a_capitals_denial_leaves_the_denied_act_where_it_was_told():
    denied = unstated(_named(make_event(event_type="ASSAULT", actor_country="FRA",
                                        trigger="incursion",
                                        location=("Quito", "ECU", "city")), "Paris"),
                      date=False)
    denied.modality = "negated"
    minister = unstated(_named(make_event(event_type="REJECT", actor_country="FRA",
                                          trigger="refused",
                                          location=("Quito", "ECU", "city")),
                               "the French minister"), date=False)
    for event in (denied, minister):
        [record] = assemble([event], blank_doc(["x"], ["VERB"]), article())
        assert record.location.country_code == "ECU"


def test_a_court_at_home_aims_its_refusal_at_no_one_of_its_own():
    ruling = unstated(_acting_as(make_event(event_type="REJECT", actor_country="FRA",
                                            trigger="rejected",
                                            location=("Quito", "ECU", "city")), "JUD"),
                      date=False)
    [record] = assemble([ruling], blank_doc(["x"], ["VERB"]), article())
    assert "FRA" not in [r.country for r in record.recipients]


def test_the_country_an_article_is_about_is_where_its_events_are_placed():
    from sitrep.cluster.assemble import focus_country

    here = [make_event(location=("Kharkiv", "UKR", "city")),
            make_event(location=("Kyiv", "UKR", "city")),
            make_event(location=("Moscow", "RUS", "city"))]
    filed = unstated(make_event(location=("Moscow", "RUS", "city")))
    assert focus_country([*here, filed], article()) == "UKR"
    assert focus_country([filed], article()) == "RUS"
    assert focus_country([], article()) is None


def test_a_recipient_that_is_the_doer_under_another_name_is_no_target():
    from sitrep.model import Actor

    warning = make_event(event_type="THREATEN", actor_country="RUS", trigger="warned",
                         location=None)
    warning.actors = [Actor(text="Putin", country="RUS", sector="GOV")]
    warning.recipients = [Actor(text="Moscow", country="RUS", sector="GOV"),
                          Actor(text="Kyiv", country="UKR", sector="GOV")]
    [record] = assemble([warning], blank_doc(["x"], ["VERB"]), article())
    assert [r.text for r in record.recipients] == ["Kyiv"]


def test_a_government_and_rebels_of_one_country_signing_are_each_others_recipients():
    from sitrep.model import Actor

    deal = make_event(event_type="AGREE", actor_country="COD", trigger="signed", location=None)
    deal.actors = [Actor(text="the government", country="COD", sector="GOV"),
                   Actor(text="the rebels", country="COD", sector="REB")]
    [record] = assemble([deal], blank_doc(["x"], ["VERB"]), article())
    assert [r.sector for r in record.recipients] == ["GOV", "REB"]


def test_the_dateline_is_no_place_to_aim_at():
    strike = unstated(make_event(event_type="ASSAULT", actor_country="RUS", trigger="struck",
                                 location=("Kharkiv", "UKR", "city")), date=False)
    [record] = assemble([strike], blank_doc(["x"], ["VERB"]), article())
    assert record.recipients == []


def test_no_side_is_the_target_of_its_own_act_when_mentions_are_compared():
    from sitrep.model import Actor

    lede = make_event(recipient_country="NER", trigger="withdrew")
    lede.recipients = [Actor(text="US", country="USA", sector="GOV")]
    later = make_event(start=150, recipient_country="NER", trigger="withdrew")
    records = assemble([lede, later], blank_doc(["x"], ["VERB"]), article())
    assert len(records) == 1


def test_the_headline_joins_the_body_event_it_agrees_with():
    titled = article(title="US withdraws")
    headline = unstated(make_event(start=0, trigger="withdraws",
                                   sentence="US withdraws"))
    body = make_event(start=100, trigger="withdrew")
    other = make_event(start=200, trigger="withdrew", actor_country="FRA")
    records = assemble([headline, body, other], blank_doc(["x"], ["VERB"]), titled)
    assert len(records) == 2
    assert [m.start for m in records[0].mentions] == [0, 100]


@pytest.mark.slow
def test_a_condemnation_names_the_doers_of_the_attack_it_condemns(coder):
    text = ("Russian forces attacked the Ukrainian town of Sumy on Monday. Poland condemned "
            "the attack.")
    events = coder.code_article(Article(id="r", text=text, published="2024-05-03")).events
    [accuse] = [e for e in events if e.event_type == "ACCUSE"]
    assert [r.country for r in accuse.recipients] == ["RUS"]
    assert len([e for e in events if e.event_type == "ASSAULT"]) == 1


def test_a_passive_mention_beside_a_named_attack_joins_it():
    ours = unstated(make_event(event_type="ASSAULT", actor_country="RUS", trigger="attacked"))
    passive = unstated(make_event(event_type="ASSAULT", start=20, trigger="killed"))
    passive.actors = []  # the next sentence
    [record] = assemble([ours, passive], long_doc(), article())
    assert [a.country for a in record.actors] == ["RUS"]
    assert [m.trigger for m in record.mentions] == ["attacked", "killed"]


def test_a_mention_naming_nobody_does_not_join_a_plan():
    plan = unstated(make_event(event_type="CONSULT", actor_country="EGY", trigger="met",
                               modality="future"))
    told = unstated(make_event(event_type="CONSULT", start=20, trigger="met"))
    told.actors = []
    told.claimant = Claimant(text="an official", country="EGY", sector="GOV")
    assert len(assemble([plan, told], long_doc(), article())) == 2


def test_a_statement_naming_no_speaker_is_its_claimants():
    demand = make_event(event_type="REQUEST", trigger="demand")
    demand.actors = []
    demand.claimant = Claimant(text="the foreign ministry", country="PHL", sector="GOV")
    [record] = assemble([demand], blank_doc(["x"], ["NOUN"]), article())
    assert [(a.text, a.country) for a in record.actors] == [("the foreign ministry", "PHL")]
    assert record.claimant is None


def test_a_statement_naming_nobody_is_no_record():
    talks = make_event(event_type="CONSULT", trigger="talks")
    talks.actors = []
    assert assemble([talks], blank_doc(["talks"], ["NOUN"]), article()) == []


def test_a_doubtful_record_naming_no_doer_falls_below_the_floor():
    fighting = make_event(event_type="ASSAULT", trigger="fighting")
    fighting.actors = []
    rules = load_rules()
    fighting.confidence = rules.unknown_actor_floor + rules.unknown_actor_penalty - 0.05
    assert assemble([fighting], blank_doc(["x"], ["NOUN"]), article()) == []


@pytest.mark.slow
def test_rejecting_an_accusation_names_the_accuser(coder):
    text = ("France's interior minister accused Azerbaijan of meddling in the islands. "
            "Azerbaijan's foreign ministry rejected the accusation.")
    events = coder.code_article(Article(id="a", text=text, published="2024-05-03")).events
    [reject] = [e for e in events if e.event_type == "REJECT"]
    assert [r.country for r in reject.recipients] == ["FRA"]


def test_history_and_tallies_are_told_in_passing():
    story = article(published="2024-05-03")
    treaty = make_event(date=("1951-01-01", "1951-12-31"))
    tally = make_event(event_type="ASSAULT", date=("2014-01-01", "2024-05-03"))
    last_week = make_event(event_type="ASSAULT", date=("2024-04-22", "2024-04-28"))
    assert told_in_passing(treaty, story) and told_in_passing(tally, story)
    assert not told_in_passing(last_week, story)
    assert assemble([treaty], blank_doc(["x"], ["VERB"]), story) == []


def test_a_headline_naming_no_doer_joins_the_body_event_however_far():
    titled = article(title="US withdraws")
    headline = unstated(make_event(start=0, trigger="withdraws", sentence="US withdraws"))
    headline.actors = []
    body = unstated(make_event(start=200, trigger="withdrew"))
    [record] = assemble([headline, body], long_doc(), titled)
    assert [m.start for m in record.mentions] == [0, 200]


def test_a_place_in_the_events_own_clause_wins_over_one_elsewhere_in_a_sentence():
    headline = make_event(start=0, trigger="withdrew", location=("Paris", "FRA", "city"))
    lede = make_event(start=120, trigger="withdrew", location=("Niamey", "NER", "city"))
    lede.location.basis = "clause"
    merged = combine([headline, lede])
    assert (merged.location.country_code, merged.location.basis) in \
        {("NER", "clause"), ("NER", "mention")}


def _strikes_doc(det: str) -> Doc:
    import spacy

    words = [det, "strikes", "hit", "four", "towns", "."]
    return Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 4, 2, 2],
               deps=["det", "nsubj", "ROOT", "nummod", "dobj", "punct"],
               pos=["DET", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"])


def test_a_definite_plural_naming_nobody_refers_back_and_an_indefinite_one_does_not():
    from sitrep.cluster.assemble import definite_nominal

    later = unstated(make_event(event_type="ASSAULT", start=0, trigger="strikes",
                                sentence="The strikes hit four towns."))
    later.actors = []
    assert definite_nominal(_strikes_doc("The"), later)
    assert not definite_nominal(_strikes_doc("Some"), later)


def test_a_reaction_names_the_event_told_with_its_own_noun():
    from sitrep.cluster.assemble import _referred

    strike = make_event(event_type="ASSAULT", actor_country="PAK", trigger="strikes",
                        sentence="The PAK strikes hit four towns.")
    raid = make_event(event_type="ASSAULT", actor_country="AFG", trigger="raided", start=100,
                      sentence="The AFG forces raided a post.")
    reaction = make_event(event_type="ACCUSE", actor_country="AFG", trigger="condemned",
                          start=200, sentence="The AFG forces condemned the strikes.")
    assert _referred([strike, raid, reaction], reaction, "ASSAULT", "strike") is strike


def test_a_reaction_names_the_event_told_with_another_form_of_its_noun():
    from sitrep.cluster.assemble import _referred

    deal = make_event(event_type="AGREE", actor_country="ARM", trigger="agreed",
                      sentence="The ARM and AZE ministers agreed to reopen a road.")
    offer = make_event(event_type="AGREE", actor_country="CHE", trigger="offered", start=100,
                       sentence="The CHE minister offered to host a commission.")
    reaction = make_event(event_type="SUPPORT", actor_country="FRA", trigger="welcomed",
                          start=200, sentence="The FRA ministry welcomed the agreement.")
    assert _referred([deal, offer, reaction], reaction, "AGREE", "agreement") is deal
    assert _referred([deal, offer, reaction], reaction, "AGREE") is offer


def test_a_reaction_to_an_event_of_a_kind_refers_to_the_one_the_article_tells_most():
    from sitrep.cluster.assemble import _referred

    deal = make_event(event_type="AGREE", actor_country="CAF", trigger="signed",
                      sentence="The CAF government signed a pact.")
    deal.mentions = [deal.evidence, deal.evidence]
    pledge = make_event(event_type="AGREE", actor_country="IGO", trigger="ready", start=100,
                        sentence="The IGO mission said it was ready to help.")
    reaction = make_event(event_type="SUPPORT", actor_country="FRA", trigger="welcomed",
                          start=200, sentence="The FRA ministry welcomed the accord.")
    assert _referred([deal, pledge, reaction], reaction, "AGREE", "accord") is deal
    assert _referred([deal, pledge, reaction], reaction, "*", "decision") is pledge


def test_a_reaction_refers_to_what_another_side_did_before_it():
    from sitrep.cluster.assemble import _referred

    strike = make_event(event_type="ASSAULT", actor_country="PAK", trigger="bombed",
                        sentence="The PAK jets bombed four towns.")
    raid = make_event(event_type="ASSAULT", actor_country="AFG", trigger="raided", start=100,
                      sentence="The AFG forces raided a post.")
    reaction = make_event(event_type="ACCUSE", actor_country="AFG", trigger="condemned",
                          start=200, sentence="The AFG forces condemned the attack.")
    later = make_event(event_type="ASSAULT", actor_country="IND", trigger="shelled", start=300,
                       sentence="The IND guns shelled a post.")
    assert _referred([strike, raid, reaction, later], reaction, "ASSAULT") is strike
    assert _referred([raid, reaction, later], reaction, "ASSAULT") is raid
    assert _referred([raid, reaction, later], reaction, "*") is later


def test_a_reaction_refers_to_another_body_of_its_own_country():
    from sitrep.cluster.assemble import _referred
    from sitrep.model import Actor

    move = make_event(event_type="RETREAT", actor_country="TUR", trigger="disarmed",
                      sentence="The TUR rebels disarmed.")
    move.actors = [Actor(text="the rebels", country="TUR", sector="REB")]
    reaction = make_event(event_type="SUPPORT", actor_country="TUR", trigger="welcomed",
                          start=100, sentence="The TUR party welcomed the move.")
    reaction.actors = [Actor(text="the party", country="TUR", sector="PTY")]
    assert _referred([move, reaction], reaction, "*", "move") is move


def test_a_date_a_mention_states_goes_before_the_window_of_the_day_it_was_told():
    told = make_event(start=0, date=("2024-04-28", "2024-04-30"))
    told.date.precision = None  # the window up to the day a statement was made
    own = make_event(start=200, date=("2024-04-29", "2024-04-29"))
    own.date.precision = "day"
    assert combine([told, own]).date.start == "2024-04-29"
    assert combine([told, unstated(make_event(start=200))]).date.start == "2024-04-28"


def test_the_record_says_which_mention_its_date_came_from():
    lede = unstated(make_event(start=0, trigger="withdrew"))
    lede.date.source = "article"
    later = make_event(start=200, date=("2024-04-29", "2024-04-29"), trigger="withdrawal")
    later.date.source = "clause"
    assert (combine([lede, later]).date.start, combine([lede, later]).date.source) == (
        "2024-04-29", "mention")
    assert combine([later, lede]).date.source in ("clause", "mention")
    assert combine([unstated(make_event(start=0))]).date.basis == "publication"


# -- a mention that is part of an event a definite noun names ---------------------------------


def parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str],
           pos: list[str]) -> Doc:
    """A hand-parsed sentence: each token's head index, relation, tag and part of speech."""
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def wounded_in(det: str = "the", noun: str = "blast", tag: str = "NN") -> Doc:
    """'Two guards were wounded in <det> <noun>.'"""
    return parsed(["Two", "guards", "were", "wounded", "in", det, noun, "."],
                  [1, 3, 3, 3, 3, 6, 4, 3],
                  ["nummod", "nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "punct"],
                  ["CD", "NNS", "VBD", "VBN", "IN", "DT", tag, "."],
                  ["NUM", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"])


def test_wounded_in_the_blast_is_part_of_the_blast():
    doc = wounded_in()
    book = load_codebook()
    assert part_of(doc[3], "ASSAULT", {6: "ASSAULT"}, book)
    # a deal struck during talks is a deal of its own
    assert not part_of(doc[3], "AGREE", {6: "CONSULT"}, book)


@pytest.mark.parametrize(("det", "noun", "tag"), [("a", "blast", "NN"),
                                                  ("the", "blasts", "NNS")])
def test_an_indefinite_or_plural_event_noun_tells_no_event_to_be_part_of(det, noun, tag):
    doc = wounded_in(det, noun, tag)
    assert not part_of(doc[3], "ASSAULT", {6: "ASSAULT"}, load_codebook())


def test_a_frame_noun_passes_on_to_the_event_it_frames():
    # "Shops were looted at the time of the attack."
    doc = parsed(["Shops", "were", "looted", "at", "the", "time", "of", "the", "attack"],
                 [2, 2, 2, 2, 5, 3, 5, 8, 6],
                 ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "prep", "det", "pobj"],
                 ["NNS", "VBD", "VBN", "IN", "DT", "NN", "IN", "DT", "NN"],
                 ["NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN"])
    assert part_of(doc[2], "ASSAULT", {8: "ASSAULT"}, load_codebook())


def test_a_noun_that_names_whatever_happened_is_an_event_to_be_part_of():
    # "Two guards were wounded in the incident": "incident" is no trigger of any type
    doc = wounded_in(noun="incident")
    book = load_codebook()
    assert part_of(doc[3], "ASSAULT", {}, book)
    assert part_of(doc[3], "COERCE", {}, book)
    # "... in an incident" may tell a new one
    assert not part_of(wounded_in(det="an", noun="incident")[3], "ASSAULT", {}, book)


def test_a_noun_that_names_no_event_is_nothing_to_be_part_of():
    # "Two guards were wounded in the street."
    assert not part_of(wounded_in(noun="street")[3], "ASSAULT", {}, load_codebook())


def test_a_toll_as_a_result_of_the_attack_is_part_of_the_attack():
    # "Five soldiers were killed as a result of the attack."
    doc = parsed(["Five", "soldiers", "were", "killed", "as", "a", "result", "of", "the",
                  "attack", "."],
                 [1, 3, 3, 3, 3, 6, 4, 6, 9, 7, 3],
                 ["nummod", "nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "prep", "det",
                  "pobj", "punct"],
                 ["CD", "NNS", "VBD", "VBN", "IN", "DT", "NN", "IN", "DT", "NN", "."],
                 ["NUM", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN",
                  "PUNCT"])
    book = load_codebook()
    assert part_of(doc[3], "ASSAULT", {9: "ASSAULT"}, book)
    assert not part_of(doc[3], "ASSAULT", {9: "PROTEST"}, book)


def test_what_the_explosion_did_is_the_explosion_and_joins_its_event():
    # "The explosion damaged houses."
    doc = parsed(["The", "explosion", "damaged", "houses", "."], [1, 2, 2, 2, 2],
                 ["det", "nsubj", "ROOT", "dobj", "punct"], ["DT", "NN", "VBD", "NNS", "."],
                 ["DET", "NOUN", "VERB", "NOUN", "PUNCT"])
    assert part_of(doc[2], "ASSAULT", {1: "ASSAULT"}, load_codebook())


@pytest.mark.slow
def test_the_blast_and_what_it_did_are_one_bombing(coder):
    text = ("Shining Path rebels detonated a car bomb outside the mayor's office in Lima on "
            "Friday. The explosion damaged three houses. Two guards were wounded in the blast.")
    events = coder.code_article(Article(id="b", text=text, published="2024-03-10")).events
    [bombing] = [e for e in events if e.event_type == "ASSAULT"]
    assert len(bombing.mentions) == 3


@pytest.mark.slow
def test_a_toll_in_the_incident_joins_the_bombing_told_before(coder):
    text = ("Rebels detonated a car bomb outside a bank in the city of Cuenca on Friday. "
            "Police said the building was badly damaged. A spokesman for the fire brigade "
            "said that four firemen were wounded in the incident.")
    events = coder.code_article(Article(id="i", text=text, published="2024-03-10")).events
    [bombing] = [e for e in events if e.event_type == "ASSAULT"]
    assert [m.trigger for m in bombing.mentions] == ["detonated", "wounded"]


# -- a kind of act is not an act ----------------------------------------------------------------


def test_a_bare_noun_in_the_present_speaks_of_a_kind_not_an_event():
    # "Torture is common."
    doc = parsed(["Torture", "is", "common", "."], [1, 1, 1, 1],
                 ["nsubj", "ROOT", "acomp", "punct"], ["NN", "VBZ", "JJ", "."],
                 ["NOUN", "AUX", "ADJ", "PUNCT"])
    kind = unstated(make_event(event_type="ASSAULT", start=0, trigger="Torture",
                               sentence="Torture is common."))
    kind.actors = []
    assert generic(doc, kind)
    kind.date.basis = "explicit"  # "torture on Tuesday" is an event
    assert not generic(doc, kind)


@pytest.mark.parametrize(("words", "tags", "pos"), [
    (["Rioting", "broke", "out"], ["NN", "VBD", "RP"], ["NOUN", "VERB", "ADP"]),
    (["Torture", "was", "used"], ["NN", "VBD", "VBN"], ["NOUN", "AUX", "VERB"]),
])
def test_a_bare_noun_told_in_the_past_is_an_episode(words, tags, pos):
    doc = parsed(words, [1, 1, 1] if words[1] != "was" else [2, 2, 2],
                 ["nsubj", "ROOT", "prt"] if words[1] != "was" else
                 ["nsubjpass", "auxpass", "ROOT"], tags, pos)
    told = unstated(make_event(event_type="PROTEST", start=0, trigger=words[0],
                               sentence=" ".join(words)))
    told.actors = []
    assert not generic(doc, told)


# -- acts of the state told in the passive; statements' sides -----------------------------------


def arrested(agent: bool = False) -> Doc:
    """'Eleven men were arrested [by soldiers] .'"""
    if agent:
        return parsed(["Eleven", "men", "were", "arrested", "by", "soldiers", "."],
                      [1, 3, 3, 3, 3, 4, 3],
                      ["nummod", "nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
                      ["CD", "NNS", "VBD", "VBN", "IN", "NNS", "."],
                      ["NUM", "NOUN", "AUX", "VERB", "ADP", "NOUN", "PUNCT"])
    return parsed(["Eleven", "men", "were", "arrested", "."], [1, 3, 3, 3, 3],
                  ["nummod", "nsubjpass", "auxpass", "ROOT", "punct"],
                  ["CD", "NNS", "VBD", "VBN", "."], ["NUM", "NOUN", "AUX", "VERB", "PUNCT"])


def _arrest(sentence: str, trigger: str = "arrested"):
    event = make_event(event_type="COERCE", trigger=trigger, sentence=sentence,
                       location=("Wabag", "PNG", "city"))
    event.actors = []
    return event


def test_an_arrest_told_in_the_passive_is_the_authorities_of_the_place():
    [record] = assemble([_arrest("Eleven men were arrested .")], arrested(), article())
    assert [(a.country, a.sector) for a in record.actors] == [("PNG", "GOV")]


def test_a_passive_arrest_placed_nowhere_is_the_authorities_of_its_people():
    from sitrep.model import Actor

    event = _arrest("Eleven men were arrested .")
    event.location = None
    event.recipients = [Actor(text="Eleven Tunisian men", country="TUN", sector="CVL")]
    [record] = assemble([event], arrested(), article())
    assert [(a.country, a.sector) for a in record.actors] == [("TUN", "GOV")]
    placed = _arrest("Eleven men were arrested .")  # the place still wins where stated
    placed.recipients = [Actor(text="Eleven Tunisian men", country="TUN", sector="CVL")]
    [record] = assemble([placed], arrested(), article())
    assert [a.country for a in record.actors] == ["PNG"]


def test_a_passive_arrest_naming_its_agent_gets_no_stand_in_doer():
    event = _arrest("Eleven men were arrested by soldiers .")
    [record] = assemble([event], arrested(agent=True), article())
    assert not any(a.country for a in record.actors)


def test_placed_under_house_arrest_is_a_passive_arrest():
    from sitrep.extract.arguments import agentless_passive

    doc = parsed(["He", "was", "placed", "under", "house", "arrest", "."],
                 [2, 2, 2, 2, 5, 3, 2],
                 ["nsubjpass", "auxpass", "ROOT", "prep", "compound", "pobj", "punct"],
                 ["PRP", "VBD", "VBN", "IN", "NN", "NN", "."],
                 ["PRON", "AUX", "VERB", "ADP", "NOUN", "NOUN", "PUNCT"])
    assert agentless_passive(doc[5])
    assert not agentless_passive(arrested(agent=True)[3])


def test_a_statements_side_known_by_its_kind_belongs_to_the_story_not_the_venue():
    from sitrep.model import Actor

    battle = make_event(event_type="ASSAULT", actor_country="SDN", trigger="shelled",
                        location=("El Fasher", "SDN", "city"))
    refusal = make_event(event_type="REJECT", trigger="refused", start=200,
                         location=("Geneva", "CHE", "city"))
    refusal.actors = [Actor(text="the army", sector="MIL")]
    records = assemble([battle, refusal], blank_doc(["x"], ["VERB"]), article())
    assert [a.country for a in records[1].actors] == ["SDN"]


def test_a_doer_named_by_words_of_no_country_and_no_kind_is_no_known_doer():
    from sitrep.model import Actor

    support = make_event(event_type="SUPPORT", trigger="backed", location=None)
    support.actors = [Actor(text="19 votes")]
    assert assemble([support], blank_doc(["x"], ["NOUN"]), article()) == []
    forum = make_event(event_type="SUPPORT", trigger="backed", location=None)
    forum.actors = [Actor(text="The Forum")]
    forum_doc = parsed(["The", "Forum"], [1, 1], ["det", "ROOT"], ["DT", "NNP"],
                       ["DET", "PROPN"])
    forum.evidence.start, forum.evidence.end, forum.evidence.sentence = 0, 9, "The Forum"
    assert len(assemble([forum], forum_doc, article())) == 1  # a name names a doer
    crowd = make_event(event_type="PROTEST", trigger="marched", location=None)
    crowd.actors = [Actor(text="supporters")]
    assert len(assemble([crowd], blank_doc(["x"], ["NOUN"]), article())) == 1


@pytest.mark.parametrize("kind", ["SANCTION", "COOPERATE", "CONCEDE"])
def test_acts_a_named_side_does_are_no_record_without_a_doer(kind):
    event = make_event(event_type=kind, trigger="imposed", location=None)
    event.actors = []
    assert assemble([event], blank_doc(["x"], ["NOUN"]), article()) == []


def _toll(start: int, victims: str | None):
    toll = unstated(make_event(event_type="ASSAULT", start=start, trigger="killed",
                               recipient_country=victims))
    toll.actors = []
    return toll


def test_the_toll_of_a_fight_told_sentences_later_joins_it_when_its_victims_are_a_side():
    rules = load_rules()
    later = 20 * rules.fight_attach_reach_sentences
    assert rules.fight_attach_reach_sentences > rules.attach_reach_sentences
    clash = unstated(make_event(event_type="ASSAULT", actor_country="RUS", trigger="attacked",
                                recipient_country="UKR"))
    [record] = assemble([clash, _toll(later, "UKR")], long_doc(), article())
    assert [m.trigger for m in record.mentions] == ["attacked", "killed"]


def test_a_toll_as_far_away_naming_no_side_of_the_fight_stays_apart():
    later = 20 * load_rules().fight_attach_reach_sentences
    clash = unstated(make_event(event_type="ASSAULT", actor_country="RUS", trigger="attacked",
                                recipient_country="UKR"))
    records = assemble([clash, _toll(later, None)], long_doc(), article())
    assert [[m.trigger for m in r.mentions] for r in records] == [["attacked"], ["killed"]]


def test_an_arrest_told_as_far_from_a_named_one_stays_another_arrest():
    later = 20 * load_rules().fight_attach_reach_sentences
    named = unstated(make_event(event_type="COERCE", actor_country="BLR", trigger="arrested"))
    again = unstated(make_event(event_type="COERCE", start=later, trigger="detained"))
    again.actors = []
    records = assemble([named, again], long_doc(), article())
    assert [[m.trigger for m in r.mentions] for r in records] == [["arrested"], ["detained"]]



def test_a_headline_whose_country_names_a_side_still_joins_the_body_event():
    titled = article(title="US withdraws")
    headline = make_event(start=0, trigger="withdraws", sentence="US withdraws",
                          location=("Mali", "MLI", "country"))
    headline.location.basis = "clause"
    body = make_event(start=200, trigger="withdrew", location=("Niamey", "NER", "city"))
    body.location.basis = "clause"
    [record] = assemble([headline, body], long_doc(), titled)
    assert [m.start for m in record.mentions] == [0, 200]
    assert record.evidence.start == 200
    assert record.location.country_code == "NER"


def test_the_body_states_the_place_before_the_headline():
    headline = make_event(start=0, trigger="withdrew", location=("Paris", "FRA", "city"))
    headline.location.basis = "clause"
    body = make_event(start=120, trigger="withdrew", location=("Niamey", "NER", "city"))
    assert combine([headline, body]).location.country_code == "FRA"
    merged = combine([headline, body], title_end=20)
    assert merged.evidence.start == 120
    assert (merged.location.country_code, merged.location.basis) == ("NER", "sentence")


def test_a_country_in_the_doers_own_words_gives_way_to_another_mentions_place():
    own = make_event(start=120, trigger="signed", location=("Chad", "TCD", "country"))
    named = make_event(start=0, trigger="signed",
                       location=("Central African Republic", "CAF", "country"))
    named.actors[0].text = "The government of the Central African Republic"
    named.location.basis = "clause"
    merged = combine([named, own])
    assert merged.evidence.start == 0
    assert (merged.location.country_code, merged.location.basis) == ("TCD", "mention")
    assert combine([named]).location.country_code == "CAF"


def _kind_fight(*victims: str):
    from sitrep.model import Actor

    fight = unstated(make_event(event_type="ASSAULT", trigger="stormed", location=None))
    fight.actors = [Actor(text="officers", sector="MIL")]
    fight.recipients = [Actor(text=kind, sector=kind) for kind in victims]
    return fight


def _victims(toll, kind: str):
    from sitrep.model import Actor

    toll.recipients = [Actor(text=kind, sector=kind)]
    return toll


def test_a_toll_naming_no_doer_joins_the_fight_beside_it_whose_doer_is_known_by_its_kind():
    [record] = assemble([_kind_fight(), _victims(_toll(20, None), "CRM")], long_doc(),
                        article())
    assert [m.trigger for m in record.mentions] == ["stormed", "killed"]
    [record] = assemble([_kind_fight("CVL"), _victims(_toll(20, None), "CVL")], long_doc(),
                        article())
    assert len(record.mentions) == 2  # its victims: of the kind of the fight's targets


def test_a_toll_stays_apart_from_a_fight_known_by_its_kind_with_other_victims_or_far_off():
    beside = assemble([_kind_fight("CVL"), _victims(_toll(20, None), "COP")], long_doc(),
                      article())
    assert [[m.trigger for m in r.mentions] for r in beside] == [["stormed"], ["killed"]]
    far = 20 * load_rules().fight_attach_reach_sentences
    records = assemble([_kind_fight(), _victims(_toll(far, None), "MIL")], long_doc(),
                       article())
    assert [[m.trigger for m in r.mentions] for r in records] == [["stormed"], ["killed"]]


def _filed_from(filed: str, weights: dict[str, float], focus: str):
    """A document whose actor context says where the story was filed and what it names."""
    from sitrep.resolve.actors.component import register_extensions
    from sitrep.resolve.actors.resolver import ActorContext

    register_extensions()
    doc = blank_doc(["x"], ["NOUN"])
    doc._.actor_context = ActorContext(focus=focus, filed=filed, weights=weights)
    return doc


def test_an_unplaced_strike_in_a_story_filed_abroad_happens_in_the_country_it_is_about():
    strike = unstated(make_event(event_type="ASSAULT", actor_country="COD", trigger="shelled",
                                 location=("Doha", "QAT", "city")))
    doc = _filed_from("QAT", {"QAT": 0.0, "COD": 3.0}, focus="COD")
    [record] = assemble([strike], doc, article())
    assert (record.location.country_code, record.location.basis) == ("COD", "article")
    assert record.location.precision == "country" and record.location.lat is not None


def test_a_statement_and_a_side_at_home_keep_the_dateline():
    talk = unstated(make_event(event_type="ACCUSE", actor_country="COD", trigger="accused",
                               location=("Doha", "QAT", "city")))
    home = unstated(make_event(event_type="MOBILIZE", actor_country="QAT", trigger="deployed",
                               start=200, location=("Doha", "QAT", "city")))
    doc = _filed_from("QAT", {"QAT": 0.0, "COD": 3.0}, focus="COD")
    records = assemble([talk, home], doc, article())
    assert [r.location.country_code for r in records] == ["QAT", "QAT"]


def test_a_story_that_names_its_datelines_country_is_not_filed_abroad():
    from sitrep.resolve.actors.resolver import ActorContext

    assert ActorContext(focus="COD", filed="QAT", weights={"COD": 3.0}).filed_abroad() == "COD"
    assert ActorContext(focus="COD", filed="QAT",
                        weights={"QAT": 1.0, "COD": 3.0}).filed_abroad() is None
    assert ActorContext(focus="COD", filed="QAT", weights={"COD": 1.0}).filed_abroad() is None
    assert ActorContext(focus="QAT", filed="QAT", weights={"QAT": 2.0}).filed_abroad() is None


def test_a_regional_bureaus_story_is_about_the_country_it_names_far_more():
    from sitrep.resolve.actors.resolver import ActorContext

    assert ActorContext(focus="PNG", filed="AUS",
                        weights={"AUS": 1.0, "PNG": 8.0}).told_from_elsewhere() == "PNG"
    assert ActorContext(focus="SOM", filed="KEN",
                        weights={"KEN": 0.0, "SOM": 3.0}).told_from_elsewhere() == "SOM"
    # a story that names its dateline's country nearly as often is about both
    assert ActorContext(focus="IRQ", filed="TUR",
                        weights={"TUR": 2.0, "IRQ": 4.0}).told_from_elsewhere() is None
    assert ActorContext(focus="PAK", filed="PAK",
                        weights={"PAK": 9.0}).told_from_elsewhere() is None


def test_gunmen_placed_only_by_a_bureaus_dateline_are_of_the_country_the_story_is_about():
    ambush = unstated(make_event(event_type="ASSAULT", trigger="ambushed",
                                 location=("Sydney", "AUS", "city")))
    ambush.actors[0].country = None
    ambush.actors[0].sector = "UAF"
    doc = _filed_from("AUS", {"AUS": 1.0, "PNG": 8.0}, focus="PNG")
    [record] = assemble([ambush], doc, article())
    assert record.actors[0].country == "PNG"


def test_gunmen_placed_by_the_dateline_of_a_story_about_home_stay_at_home():
    ambush = unstated(make_event(event_type="ASSAULT", trigger="ambushed",
                                 location=("Karachi", "PAK", "city")))
    ambush.actors[0].country = None
    ambush.actors[0].sector = "UAF"
    doc = _filed_from("PAK", {"PAK": 6.0, "BGD": 1.0}, focus="PAK")
    [record] = assemble([ambush], doc, article())
    assert record.actors[0].country == "PAK"


def test_a_past_event_naming_no_doer_is_told_in_passing():
    story = article(published="2024-05-03")
    ambush = make_event(event_type="ASSAULT", date=("2021-02-01", "2021-02-28"))
    ambush.actors = []
    claimed = make_event(event_type="ASSAULT", actor_country="NGA",
                         date=("2021-02-01", "2021-02-28"))
    recent = make_event(event_type="ASSAULT", date=("2024-04-22", "2024-04-28"))
    recent.actors = []
    assert told_in_passing(ambush, story)
    assert not told_in_passing(claimed, story) and not told_in_passing(recent, story)


@pytest.mark.slow
def test_a_toll_in_the_passive_joins_the_attack_told_paragraphs_before(coder):
    text = ("Gunmen attacked the village of Kaura in Nigeria's Zamfara state on Monday, "
            "residents said.\n\nThe attackers arrived on motorcycles at dawn and went from "
            "house to house. Witnesses said they shouted slogans. Many residents fled into the "
            "bush with their children. Soldiers reached the village hours later. The state "
            "governor visited the area on Tuesday. He promised new schools and roads.\n\n"
            "Eleven people were killed, a local official said.")
    events = coder.code_article(Article(id="a", text=text, published="2024-05-07")).events
    [attack] = [e for e in events if e.event_type == "ASSAULT"]
    assert any(m.trigger == "killed" for m in attack.mentions)


@pytest.mark.slow
def test_a_toll_in_clashes_of_its_own_is_no_toll_of_another_fight(coder):
    from sitrep.cluster.assemble import _passive_toll, event_nouns

    doc = coder.nlp("A police officer was killed in clashes in the north.")
    killed = next(t for t in doc if t.text == "killed")
    toll = unstated(make_event(event_type="ASSAULT", start=killed.idx, trigger="killed"))
    toll.evidence.trigger_start, toll.evidence.trigger_end = killed.idx, killed.idx + 6
    toll.mentions = [toll.evidence]
    toll.actors = []
    assert not _passive_toll(doc, toll, load_rules(), event_nouns(doc))


def test_a_government_does_not_cooperate_with_a_bare_mention_of_its_own_country():
    from dataclasses import replace

    from sitrep.cluster.assemble import _not_itself
    from sitrep.model import Actor

    pledge = make_event(event_type="AGREE", actor_country="RWA", trigger="pledged",
                        sentence="The RWA president pledged to keep RWA troops there.")
    pledge.actors = [Actor(text="the president", country="RWA", sector="GOV")]
    pledge.recipients = [Actor(text="Rwandan", country="RWA"),
                         Actor(text="Mozambique", country="MOZ")]
    assert [r.country for r in _not_itself(pledge).recipients] == ["MOZ"]
    inquiry = replace(pledge, event_type="ACCUSE", quad=3)
    assert [r.country for r in _not_itself(inquiry).recipients] == ["RWA", "MOZ"]


def test_each_donor_named_with_others_gets_its_own_pledge(coder):
    text = ("Aid for flood victims\n\nFinland, Estonia and Latvia pledged $30 million on "
            "Friday for families displaced by floods in Moldova.")
    pledges = [e for e in coder.code_article(
        Article(id="d", text=text, published="2024-05-03")).events if e.event_type == "AGREE"]
    assert sorted(a.country for e in pledges for a in e.actors) == ["EST", "FIN", "LVA"]
    assert all(len(e.actors) == 1 for e in pledges)
    assert len({e.id for e in pledges}) == 3
    assert all([r.country for r in e.recipients] == ["MDA"] for e in pledges)


def test_sides_committing_together_in_a_clause_stay_one_act(coder):
    text = ("Truce holds\n\nArmenia and Azerbaijan pledged on Friday to respect the ceasefire "
            "along their border.")
    events = coder.code_article(Article(id="t", text=text, published="2024-05-03")).events
    pledges = [e for e in events if e.evidence.trigger == "pledged"]
    assert len(pledges) == 1
    assert {a.country for a in pledges[0].actors} == {"ARM", "AZE"}


def test_donors_say_nothing_of_the_country_they_belong_to(coder):
    text = ("Donors pledge help\n\nDonors pledged help on Friday for families displaced by "
            "floods in Moldova.")
    events = coder.code_article(Article(id="n", text=text, published="2024-05-03")).events
    assert not any(a.country == "MDA" for e in events for a in e.actors)


def test_donors_named_as_members_of_a_noun_each_pledge(coder):
    text = ("Aid for refugees\n\nDonors including Finland, Estonia and Latvia pledged $30 "
            "million on Friday for families displaced by floods in Moldova.")
    pledges = [e for e in coder.code_article(
        Article(id="m", text=text, published="2024-05-03")).events if e.event_type == "AGREE"]
    assert sorted(a.country for e in pledges for a in e.actors) == ["EST", "FIN", "LVA"]


def test_the_attack_told_long_after_its_day_joins_the_attack_it_names(coder):
    text = ("Gunmen attacked the offices of a grain trader in Ferrol in January, killing a "
            "guard. Police said on Monday they had arrested two suspects. The attack was never "
            "claimed.")
    events = coder.code_article(Article(id="f", text=text, published="2024-05-07")).events
    assert [e.event_type for e in events].count("ASSAULT") == 1


def test_an_event_noun_a_year_modifies_tells_an_event_of_its_own():
    dated = Doc(Vocab(), words=["The", "2015", "agreement", "collapsed", "."],
                pos=["DET", "NUM", "NOUN", "VERB", "PUNCT"], heads=[2, 2, 3, 3, 3],
                deps=["det", "nummod", "nsubj", "ROOT", "punct"],
                ents=["O", "B-DATE", "O", "O", "O"])
    plain = Doc(Vocab(), words=["The", "agreement", "collapsed", "."],
                pos=["DET", "NOUN", "VERB", "PUNCT"], heads=[1, 2, 2, 2],
                deps=["det", "nsubj", "ROOT", "punct"])
    for doc, told_before in ((dated, False), (plain, True)):
        event = make_event(event_type="AGREE", sentence=doc.text, trigger="agreement",
                           location=None, date=None)
        event.actors = []
        assert anaphor(doc, event) is told_before


def test_talks_a_host_announces_are_held_by_the_sides_that_met_before(coder):
    text = ("Sudan's army and the Rapid Support Forces agreed in Nairobi on Monday to open "
            "humanitarian corridors. Negotiators will meet again in Nairobi next week, "
            "Kenya's foreign ministry said.")
    events = coder.code_article(Article(id="t", text=text, published="2024-05-07")).events
    talks = [e for e in events if e.event_type == "CONSULT"]
    assert talks and all("KEN" not in [a.country for a in e.actors] for e in talks)
    assert all("SDN" in [a.country for a in e.actors] for e in talks)


def test_an_affiliate_of_a_movement_abroad_takes_the_country_it_acts_in(coder):
    text = ("Islamic State-linked militants attacked a police post in the Tillaberi region of "
            "Niger on Monday, killing five officers.")
    events = coder.code_article(Article(id="g", text=text, published="2024-05-07")).events
    [attack] = [e for e in events if e.event_type == "ASSAULT"]
    assert [a.country for a in attack.actors] == ["NER"]


def test_a_movement_abroad_that_threatens_a_country_does_not_take_its_country(coder):
    """Where a movement of many countries operates shows in where it acts, not in whom it
    threatens: the threat keeps the movement's own code."""
    text = ("Islamic State-linked militants threatened Kenya in a video released on Monday, "
            "vowing to strike its cities.")
    events = coder.code_article(Article(id="h", text=text, published="2024-05-07")).events
    [threat] = [e for e in events if e.event_type == "THREATEN"]
    assert [a.country for a in threat.actors] == ["IMG"]


@pytest.mark.parametrize(("text", "records"), [
    ("Rebels attacked an army post near Goma on Tuesday, officials said. The rebels also "
     "ambushed a supply convoy near the town.", [["attacked"], ["ambushed"]]),
    ("Rebels attacked an army post near Goma on Tuesday, officials said. The rebels "
     "ambushed a supply convoy near the town.", [["attacked", "ambushed"]]),
    ("Rebels attacked an army post near Goma on Tuesday, officials said. In a separate "
     "incident, the rebels ambushed a supply convoy near the town.", [["attacked"], ["ambushed"]]),
])
def test_a_further_act_told_with_also_is_a_record_of_its_own(coder, text, records):
    """Without "also" the second clause may tell the same fight again; with it, one more."""
    events = coder.code_article(Article(id="a", text=text, published="2024-05-08")).events
    assert sorted([m.trigger for m in e.mentions] for e in events) == sorted(records)


def test_a_threat_of_an_act_dated_ahead_was_made_by_the_storys_day():
    story = article(published="2024-05-03")
    threat = make_event(event_type="THREATEN", trigger="threatened",
                        date=("2024-05-06", "2024-05-06"))
    made = dated_ahead(threat, blank_doc(["x"], ["VERB"]), story)
    assert made.modality == "asserted"
    assert (made.date.start, made.date.end, made.date.basis) == \
        ("2024-05-01", "2024-05-03", "publication")


def test_talks_dated_after_the_storys_day_are_ahead():
    story = article(published="2024-05-03")
    talks = make_event(event_type="CONSULT", trigger="talks", date=("2024-06-01", "2024-06-30"))
    assert dated_ahead(talks, blank_doc(["x"], ["NOUN"]), story).modality == "future"
    done = make_event(event_type="CONSULT", trigger="talks", date=("2024-04-01", "2024-04-30"))
    assert dated_ahead(done, blank_doc(["x"], ["NOUN"]), story).modality == "asserted"


def test_an_unplaced_act_of_a_side_of_the_storys_country_happens_at_its_home():
    placed = make_event(event_type="ASSAULT", actor_country="MLI", trigger="attacked",
                        location=("Gao", "MLI", "city"))
    unplaced = unstated(make_event(event_type="MOBILIZE", actor_country="MLI", start=200,
                                   trigger="deployed", location=("Dakar", "SEN", "city")))
    talk = unstated(make_event(event_type="ACCUSE", actor_country="MLI", start=300,
                               trigger="accused", location=("Dakar", "SEN", "city")))
    records = assemble([placed, unplaced, talk], blank_doc(["x"], ["VERB"]), article())
    assert [(r.location.country_code, r.location.basis) for r in records] == \
        [("MLI", "sentence"), ("MLI", "article"), ("SEN", "dateline")]


def test_a_thing_named_as_the_doer_joins_the_named_fight_beside_it(coder):
    text = ("Rebel fighters from Sudan shelled the Chadian town of Abeche on Monday, the army "
            "said. The rockets fell on a clinic and a market near the river.")
    events = coder.code_article(Article(id="t", text=text, published="2024-05-03")).events
    [attack] = [e for e in events if e.event_type == "ASSAULT"]
    assert len(attack.mentions) == 2
    assert [a.country for a in attack.actors] == ["SDN"]


def test_people_hurt_by_a_thing_are_the_toll_of_the_fight_and_by_a_person_not(coder):
    fight = "Kenyan police fired tear gas at marchers in the Kenyan town of Nakuru. "
    by_bricks = coder.code_article(Article(
        id="t", text=fight + "Twelve officers were wounded by bricks, a spokesman said.",
        published="2024-05-03")).events
    assert [len(e.mentions) for e in by_bricks if e.event_type == "ASSAULT"] == [2]
    by_person = coder.code_article(Article(
        id="t", text=fight + "Twelve officers were wounded by Hassan Ali, a spokesman said.",
        published="2024-05-03")).events
    assert all(len(e.mentions) == 1 for e in by_person)


@pytest.mark.parametrize(("text", "kind", "kept"), [
    ("Zambian police used water cannon to disperse nightly rallies in Lusaka in March.",
     "PROTEST", False),
    ("The Zambian army said the raids had undermined the truce.", "RETREAT", False),
    ("Protests broke out in Lusaka, the Zambian capital, on Monday.", "PROTEST", True),
    ("The truce took effect in Lusaka on Monday, the Zambian army said.", "RETREAT", True),
    # an act that names its own doer is an episode the other act presupposes
    ("Police in Lusaka dispersed a sit-in by nurses on Monday.", "PROTEST", True),
    ("The brigade said its soldiers had finished their pullback from the valley.", "RETREAT",
     True),
])
def test_an_act_named_only_as_the_object_of_another_and_by_nobody_is_no_record(
        coder, text, kind, kept):
    events = coder.code_article(Article(id="t", text=text, published="2024-05-03")).events
    assert any(e.event_type == kind for e in events) is kept


def test_another_mentions_region_of_no_country_does_not_displace_a_place_in_a_country():
    headline = make_event(start=0, trigger="withdrew", location=("Sahel", "", "region"))
    headline.location.country_code = None
    headline.location.basis = "clause"
    body = make_event(start=200, trigger="withdrew", location=("Bamako", "MLI", "city"))
    body.location.basis = "dateline"
    assert combine([headline, body], title_end=100).location.country_code == "MLI"
    body.location = None  # with no place of its own, the region is what the story says
    assert combine([headline, body], title_end=100).location.text == "Sahel"


def test_an_unplaced_act_at_home_in_a_story_with_no_dateline_is_in_the_storys_country():
    from sitrep.cluster.assemble import _at_home_unplaced

    def fired(actor: str, recipient: str | None = None, event_type: str = "ASSAULT"):
        event = make_event(event_type=event_type, actor_country=actor, trigger="fired",
                           location=None, recipient_country=recipient)
        return event

    placed = _at_home_unplaced(fired("SRB"), "SRB")
    assert (placed.location.country_code, placed.location.basis) == ("SRB", "article")
    assert _at_home_unplaced(fired("SRB", "SRB"), "SRB").location.country_code == "SRB"
    assert _at_home_unplaced(fired("SRB"), None).location is None  # a dateline, or no lead
    assert _at_home_unplaced(fired("HUN"), "SRB").location is None  # a foreign side
    assert _at_home_unplaced(fired("SRB", "HUN"), "SRB").location is None  # aimed abroad
    assert _at_home_unplaced(fired("SRB", event_type="ACCUSE"), "SRB").location is None


def test_a_live_blogs_updates_are_placed_where_the_story_is(coder):
    long = ("Thousands of people marched through the centre of Sofia on Saturday against "
            "a plan to sell the national airline, the largest protest in Bulgaria this year, "
            "and the march reached the parliament building in Sofia by the evening.")
    text = ("Bulgaria protests live: police detain dozens in Sofia\n\n"
            f"22:05 - Dozens detained\nRiot police detained 40 people outside parliament.\n"
            f"18:00 - March sets off\n{long}")
    events = coder.code_article(Article(id="live", text=text, published="2024-05-04")).events
    arrests = [e for e in events if e.event_type == "COERCE"]
    assert arrests and all(e.location is not None and e.location.country_code == "BGR"
                           for e in arrests)


@pytest.mark.slow
def test_a_side_owning_the_attack_names_the_gunmen_told_before(coder):
    told = ("Gunmen attacked a village in Borno state on Sunday, killing 12 people, officials "
            "said. Boko Haram said in a statement that its fighters had carried out the {}.")
    one = coder.code_article(Article(id="o", text=told.format("attack"),
                                     published="2025-05-06")).events
    assert [[m.trigger for m in e.mentions] for e in one if e.event_type == "ASSAULT"] == \
        [["attacked", "attack"]]
    several = coder.code_article(Article(id="s", text=told.format("attacks"),
                                         published="2025-05-06")).events
    assert len([e for e in several if e.event_type == "ASSAULT"]) == 2  # others too


def _owned_doc(det: str) -> Doc:
    import spacy

    words = ["its", "fighters", "carried", "out", det, "attack", "."]
    return Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 2, 5, 2, 2],
               deps=["poss", "nsubj", "ROOT", "prt", "det", "dobj", "punct"],
               pos=["PRON", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
               tags=["PRP$", "NNS", "VBD", "RP", "DT", "NN", "."])


def test_a_definite_nominal_naming_its_doer_owns_an_act_of_doers_told_by_what_they_did():
    from sitrep.cluster.assemble import owned_nominal, unnamed_doers
    from sitrep.model import Actor

    claim = unstated(make_event(event_type="ASSAULT", start=26, trigger="attack",
                                actor_country="NGA", sentence="its fighters carried out the "
                                "attack."))
    claim.evidence.trigger_start, claim.evidence.trigger_end = 29, 35
    assert owned_nominal(_owned_doc("the"), claim)
    assert not owned_nominal(_owned_doc("an"), claim)  # tells a new one
    claim.actors = []
    assert not owned_nominal(_owned_doc("the"), claim)  # names no doer: an anaphor
    gunmen = make_event(event_type="ASSAULT", trigger="attacked")
    gunmen.actors = [Actor(text="Gunmen", sector="UAF")]
    assert unnamed_doers(gunmen)
    gunmen.actors = [Actor(text="Gunmen", sector="UAF"), Actor(text="the army", sector="MIL")]
    assert not unnamed_doers(gunmen)
    gunmen.actors = [Actor(text="Gunmen", sector="UAF", country="NGA")]
    assert not unnamed_doers(gunmen)  # a side the text places already
