"""Trigger matching: lexicon lemmas, multi-word expressions, object conditions, negatives."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from sitrep.extract.triggers import aimed_at_place, trigger_matcher

pytestmark = pytest.mark.slow


def found(coder, text: str) -> dict[str, str]:
    doc = coder.nlp(text)
    return {hit.span.text: hit.entry.type for hit in trigger_matcher(doc.vocab)(doc)}


def test_verbs_and_eventive_nouns_by_lemma(coder):
    hits = found(coder, "Rebels attacked the convoy after the withdrawal of the troops.")
    assert hits["attacked"] == "ASSAULT"
    assert hits["withdrawal"] == "RETREAT"


def test_multi_word_expressions_win_over_their_words(coder):
    hits = found(coder, "Police opened fire on the crowd and a prisoner began a hunger strike.")
    assert hits["opened fire"] == "ASSAULT"
    assert hits["hunger strike"] == "PROTEST"
    assert "strike" not in hits


def test_object_conditions_choose_the_type(coder):
    assert found(coder, "The two sides struck a deal on Monday.")["struck"] == "AGREE"
    assert found(coder, "Israel imposed a curfew on the town.")["imposed"] == "COERCE"
    assert found(coder, "Chad recalled its ambassador.")["recalled"] == "SANCTION"
    assert "fired" not in found(coder, "The minister fired his spokesman.")
    # "neutralized" of fighters (the Turkish and Indian military usage) is an attack; of a
    # bomb it is making the thing safe
    assert found(coder, "Turkish forces neutralized nine PKK terrorists in northern Iraq.")[
        "neutralized"] == "ASSAULT"
    assert "neutralised" not in found(coder, "Army engineers neutralised a roadside bomb.")
    # dismantling another's illicit facility is a police act, one's own positions a pull-back
    assert found(coder, "Soldiers dismantled a drug laboratory near Culiacan.")[
        "dismantled"] == "COERCE"
    assert found(coder, "The militia dismantled its positions near the river.")[
        "dismantled"] == "RETREAT"


def test_negative_triggers_are_not_events(coder):
    assert found(coder, "The senator died of a heart attack in his home.") == {}
    assert "fight" not in found(coder, "The government vowed to fight corruption.")
    assert "released" not in found(coder, "The ministry released a statement on Friday.")
    assert "rally" not in found(coder, "The president addressed a campaign rally in the north.")


def test_reporting_verbs_are_not_events(coder):
    assert found(coder, "The spokesman said on Monday that the report was accurate.") == {}


def test_participles_used_as_modifiers_are_not_events(coder):
    hits = found(coder, "Helicopters evacuated the wounded from the besieged town.")
    assert hits == {"evacuated": "AID"}


def test_denying_an_accusation_is_a_rejection(coder):
    assert found(coder, "Iran denied the accusation on Monday.") == {
        "denied": "REJECT", "accusation": "ACCUSE"}


def test_receiving_an_official_is_hosting(coder):
    assert found(coder, "The president received the Syrian foreign minister.")["received"] == \
        "CONSULT"


def modes(coder, text: str) -> dict[str, tuple[str, str | None]]:
    doc = coder.nlp(text)
    return {hit.span.text: (hit.entry.type, hit.entry.mode)
            for hit in trigger_matcher(doc.vocab)(doc)}


def test_the_means_named_in_the_clause_give_the_mode(coder):
    assert modes(coder, "A drone strike killed two men near the border.")["killed"] == \
        ("ASSAULT", "aerial")
    assert modes(coder, "Militants attacked the base with mortars.")["attacked"] == \
        ("ASSAULT", "heavy-weapons")
    assert modes(coder, "Insurgents attacked the convoy with grenades.")["attacked"] == \
        ("ASSAULT", "explosives")
    assert modes(coder, "Helicopters bombed the rebel camp.")["bombed"] == ("ASSAULT", "aerial")


def test_a_trigger_keeps_its_own_mode_when_the_clause_names_no_means(coder):
    assert modes(coder, "Gunmen kidnapped a priest.")["kidnapped"] == ("ASSAULT", "abduct")
    assert modes(coder, "Troops shelled the village.")["shelled"] == ("ASSAULT", "heavy-weapons")


def test_violence_by_a_crowd_is_a_riot(coder):
    assert modes(coder, "An angry mob attacked the mayor's office.")["attacked"] == \
        ("PROTEST", "riot-spon")
    assert modes(coder, "Soldiers attacked the crowd.")["attacked"][0] == "ASSAULT"


def test_violence_by_cyber_means_is_coercion(coder):
    assert modes(coder, "Hackers attacked the ministry's servers overnight.")["attacked"] == \
        ("COERCE", "cyber")
    assert modes(coder, "A ransomware attack hit the city's hospitals.")["attack"] == \
        ("COERCE", "cyber")
    assert modes(coder, "Gunmen attacked the ministry overnight.")["attacked"][0] == "ASSAULT"


def test_hacking_someone_to_death_is_violence_and_hacking_a_system_coercion(coder):
    assert found(coder, "Attackers hacked a farmer to death near the river.")["hacked"] == \
        "ASSAULT"
    assert found(coder, "Intruders hacked the ministry's email system.")["hacked"] == "COERCE"


def test_violating_a_ceasefire_is_cameos_violation_not_a_refusal(coder):
    assert found(coder, "The militia violated the truce on Sunday.")["violated"] == "ASSAULT"
    assert found(coder, "The company violated the export rules.")["violated"] == "REJECT"


def test_cameo_verbs_fire_only_between_two_named_actors(coder):
    from sitrep.extract.triggers import SECOND_TIER_WEIGHT

    doc = coder.nlp("Iran pummeled Iraq.")
    tier = [h for h in trigger_matcher(doc.vocab)(doc) if h.entry.weight == SECOND_TIER_WEIGHT
            and h.span.text == "pummeled"]
    assert tier and tier[0].entry.type == "ASSAULT"
    doc = coder.nlp("The chef pummeled the dough.")
    assert not [h for h in trigger_matcher(doc.vocab)(doc) if h.span.text == "pummeled"]


def test_cameo_violence_verbs_also_fire_between_role_nouns(coder):
    hits = modes(coder, "Protesters pelted police with stones.")
    assert hits.get("pelted") == ("PROTEST", "riot-spon")
    assert "led" not in found(coder, "The chairman has led the party since 2009.")


def test_a_word_of_two_readings_takes_the_one_the_article_speaks_of(coder):
    war = "Missiles and drones hit the city overnight. The strikes damaged a power plant."
    labour = ("Workers of the state railway stopped work over unpaid wages. "
              "The strike entered its second week.")
    assert found(coder, war)["strikes"] == "ASSAULT"
    assert found(coder, labour)["strike"] == "PROTEST"
    # with no cue for either reading the lexicon's first plain row stands
    assert found(coder, "The strike entered its third day.")["strike"] == "PROTEST"


def test_the_words_of_a_name_are_no_cue_of_a_reading(coder):
    # "Union" of the African Union is no labour union: the aircraft settle the strikes
    story = ("The African Union and the European Union condemned the raid. "
             "Aircraft struck the camp at dawn. The strikes killed four people.")
    assert found(coder, story)["strikes"] == "ASSAULT"
    # a common "union" still is one
    labour = "The union called out its members. The strike closed the port."
    assert found(coder, labour)["strike"] == "PROTEST"


def test_planes_loaded_with_relief_are_aid_and_missile_attacks_keep_the_verb_light(coder):
    # the compound of what a vehicle holds names what is sent
    assert found(coder, "Italy sent three cargo planes loaded with relief goods.")[
        "sent"] == "AID"
    assert found(coder, "Italy sent three cargo planes to the island.")["sent"] == "MOBILIZE"
    # an event noun's compound says how it was done: no object of the verb before it
    hits = found(coder, "The army launched one of its heaviest missile attacks in months.")
    assert "launched" not in hits and hits["attacks"] == "ASSAULT"


def test_a_court_sentence_is_a_restriction_as_cameo_codes_it(coder):
    hits = found(coder, "A provincial court sentenced the editor to three years in prison.")
    assert hits["sentenced"] == "COERCE"


def test_a_plea_in_court_is_no_appeal(coder):
    assert "pleaded" not in found(coder, "The former mayor pleaded not guilty to fraud.")
    assert found(coder, "The families pleaded with the rebels to free the hostages.")[
        "pleaded"] == "REQUEST"


def test_troops_that_arrive_are_a_deployment_and_a_delegation_a_visit(coder):
    assert found(coder, "About 800 foreign troops arrived in the port city.")["arrived"] == \
        "MOBILIZE"
    assert found(coder, "A trade delegation arrived in the capital for talks.")["arrived"] == \
        "CONSULT"


def test_destroying_takes_violence_in_a_story_of_strikes_and_coercion_among_bulldozers(coder):
    war = "Rockets and artillery hit the valley at dawn. The shelling destroyed a bridge."
    clearance = ("Bulldozers arrived with police before the demolition order took effect. "
                 "The authorities destroyed twelve homes.")
    assert found(coder, war)["destroyed"] == "ASSAULT"
    assert found(coder, clearance)["destroyed"] == "COERCE"
    # a bomb is CAMEO's 183, not the conventional force of its DESTROY entry: no cue either way
    assert found(coder, "A bomb destroyed the offices of a rural bank.")["destroyed"] == "COERCE"


def test_a_word_aimed_at_a_place_takes_the_reading_its_phrase_settles(coder):
    assert found(coder, "The army carried out strikes on Kharkiv and Odesa.")["strikes"] == \
        "ASSAULT"
    assert found(coder, "Dockers in Rotterdam went on strike on Monday.")["strike"] == "PROTEST"
    assert found(coder, "Nurses in Lyon began a strike against the reform.")["strike"] == \
        "PROTEST"


def test_on_a_hand_built_doc_only_a_place_span_is_aimed_at(coder):
    words = ["strikes", "on", "Kharkiv", "and", "on", "Monday"]
    doc = Doc(coder.nlp.vocab, words=words, heads=[0, 0, 1, 0, 0, 4],
              deps=["ROOT", "prep", "pobj", "cc", "prep", "pobj"])
    on_monday = frozenset({"on"})
    doc.spans["places"] = []
    assert not aimed_at_place(doc[0], on_monday)
    doc.spans["places"] = [Span(doc, 2, 3)]
    assert aimed_at_place(doc[0], on_monday)
    assert not aimed_at_place(doc[0], frozenset({"against"}))


def test_imposed_sanctions_are_a_sanction(coder):
    assert found(coder, "The EU imposed sanctions on two companies.")["imposed"] == "SANCTION"


def _doc(coder, words: list[str], heads: list[int], deps: list[str], pos: list[str],
         lemmas: list[str], sent_starts: list[int]):
    from spacy.tokens import Doc

    return Doc(coder.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
               sent_starts=sent_starts)


def test_a_discard_phrase_sets_borrowed_violence_aside_in_its_sentence_only(coder):
    words = ["Rebels", "attacked", "Goma", ".", "Fans", "attacked", "a", "referee", "at",
             "the", "World", "Cup", "."]
    doc = _doc(coder, words,
               heads=[1, 1, 1, 1, 5, 5, 7, 5, 5, 11, 11, 8, 5],
               deps=["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "det", "dobj", "prep",
                     "det", "compound", "pobj", "punct"],
               pos=["NOUN", "VERB", "PROPN", "PUNCT", "NOUN", "VERB", "DET", "NOUN", "ADP",
                    "DET", "PROPN", "PROPN", "PUNCT"],
               lemmas=["rebel", "attack", "Goma", ".", "fan", "attack", "a", "referee", "at",
                       "the", "World", "Cup", "."],
               sent_starts=[1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0])
    hits = trigger_matcher(doc.vocab)(doc)
    assert [(h.span.text, h.start, h.aside) for h in hits] == [("attacked", 1, False),
                                                               ("attacked", 5, True)]


def test_a_discard_phrase_leaves_types_that_sport_does_not_borrow(coder):
    doc = coder.nlp("Envoys held a third round of talks in Doha.")
    assert [(h.span.text, h.aside) for h in trigger_matcher(doc.vocab)(doc)] == [
        ("talks", False)]


def test_a_munition_as_subject_makes_any_verb_an_attack_with_it(coder):
    doc = coder.nlp("Mortar rounds tore through the roof of a clinic.")
    (hit,) = trigger_matcher(doc.vocab)(doc)
    assert (hit.span.text, hit.entry.type, hit.entry.mode) == ("tore", "ASSAULT",
                                                               "heavy-weapons")


def test_a_weapon_or_aircraft_as_subject_of_a_verb_of_striking_is_an_attack(coder):
    doc = coder.nlp("Ethiopian drones hit a fuel depot near the port overnight.")
    (hit,) = trigger_matcher(doc.vocab)(doc)
    assert (hit.span.text, hit.entry.type, hit.entry.mode) == ("hit", "ASSAULT", "aerial")
    assert found(coder, "Two drones flew over the airport on Sunday.") == {}
    assert found(coder, "A drone crashed in a field during a test flight.") == {}
    assert found(coder, "High fuel prices hit farmers across the region.") == {}


def test_a_munition_word_that_names_no_weapon_makes_no_attack(coder):
    assert found(coder, "Missiles have become cheaper to build.") == {}
    assert found(coder, "Shell said its quarterly profits rose.") == {}


def test_a_gerund_the_lexicon_lacks_takes_its_verbs_material_entry(coder):
    assert found(coder, "Rioting spread to three more towns on Monday.") == {
        "Rioting": "PROTEST"}
    assert found(coder, "The building stood empty for years.") == {}


def test_a_participle_takes_its_means_from_the_clause_it_goes_on_from(coder):
    doc = coder.nlp("A roadside bomb went off near a market, wounding nine shoppers.")
    hits = {h.span.text: (h.entry.type, h.entry.mode) for h in trigger_matcher(doc.vocab)(doc)}
    assert hits["wounding"] == ("ASSAULT", "explosives")


def test_the_trigger_component_writes_spans_that_extraction_reads_back(coder):
    from sitrep.extract.triggers import TRIGGER_SPANS, TriggerFinder, doc_triggers

    doc = _doc(coder, ["Rebels", "attacked", "Goma", "."], heads=[1, 1, 1, 1],
               deps=["nsubj", "ROOT", "dobj", "punct"], pos=["NOUN", "VERB", "PROPN", "PUNCT"],
               lemmas=["rebel", "attack", "Goma", "."], sent_starts=[1, 0, 0, 0])
    TriggerFinder(coder.nlp, "sitrep_triggers")(doc)
    assert [(s.text, s.label_) for s in doc.spans[TRIGGER_SPANS]] == [("attacked", "ASSAULT")]
    (hit,) = doc_triggers(doc)
    assert (hit.head.i, hit.entry.type) == (1, "ASSAULT")
    assert doc_triggers(doc) == trigger_matcher(doc.vocab)(doc)


def test_in_the_default_pipeline_triggers_come_last_and_match_what_the_matcher_finds(coder):
    from sitrep.extract.triggers import TRIGGER_SPANS, doc_triggers

    names = coder.nlp.pipe_names
    assert names.index("sitrep_places") < names.index("sitrep_triggers") == len(names) - 1
    doc = coder.nlp("Protesters marched on parliament and police arrested six of them.")
    assert [s.label_ for s in doc.spans[TRIGGER_SPANS]] == ["PROTEST", "COERCE"]
    assert doc_triggers(doc) == trigger_matcher(doc.vocab)(doc)


def test_vowing_a_response_is_a_threat(coder):
    assert found(coder, "The government vowed retaliation for the attack.")["vowed"] == \
        "THREATEN"
    assert found(coder, "The government vowed to rebuild the bridge.")["vowed"] == "AGREE"


def test_on_a_hand_built_doc_a_noun_wordnet_derives_from_a_trigger_verb_needs_a_party(coder):
    # "the expulsion of the envoy": WordNet derives "expulsion" from "expel", a trigger verb
    words = ["the", "expulsion", "of", "the", "envoy", "angered", "them"]
    doc = _doc(coder, words, heads=[1, 5, 1, 4, 2, 5, 5],
               deps=["det", "nsubj", "prep", "det", "pobj", "ROOT", "dobj"],
               pos=["DET", "NOUN", "ADP", "DET", "NOUN", "VERB", "PRON"],
               lemmas=["the", "expulsion", "of", "the", "envoy", "anger", "they"],
               sent_starts=[1, 0, 0, 0, 0, 0, 0])
    hits = {h.span.text: h.entry for h in trigger_matcher(doc.vocab)(doc)}
    assert hits["expulsion"].type in ("COERCE", "SANCTION")
    assert hits["expulsion"].pos == "NOUN"
    verb = [e for e in trigger_matcher(doc.vocab).words[("expel", "VERB")]
            if e.type == hits["expulsion"].type][0]
    assert hits["expulsion"].weight < verb.weight


def test_on_a_hand_built_doc_a_derived_noun_with_no_party_is_no_event(coder):
    # "the expulsion angered them": nobody expelled, nobody expelled
    words = ["the", "expulsion", "angered", "them"]
    doc = _doc(coder, words, heads=[1, 2, 2, 2], deps=["det", "nsubj", "ROOT", "dobj"],
               pos=["DET", "NOUN", "VERB", "PRON"], lemmas=["the", "expulsion", "anger", "they"],
               sent_starts=[1, 0, 0, 0])
    assert trigger_matcher(doc.vocab)(doc) == []
    # "deliveries of grain": a thing, not a side, in the 'of' phrase
    words = ["deliveries", "of", "grain", "rose"]
    doc = _doc(coder, words, heads=[3, 0, 1, 3], deps=["nsubj", "prep", "pobj", "ROOT"],
               pos=["NOUN", "ADP", "NOUN", "VERB"], lemmas=["delivery", "of", "grain", "rise"],
               sent_starts=[1, 0, 0, 0])
    assert trigger_matcher(doc.vocab)(doc) == []
    # "deliveries of grain to Ukraine": a side in the 'to' phrase
    words = ["deliveries", "of", "grain", "to", "Ukraine", "rose"]
    doc = _doc(coder, words, heads=[5, 0, 1, 0, 3, 5],
               deps=["nsubj", "prep", "pobj", "prep", "pobj", "ROOT"],
               pos=["NOUN", "ADP", "NOUN", "ADP", "PROPN", "VERB"],
               lemmas=["delivery", "of", "grain", "to", "Ukraine", "rise"],
               sent_starts=[1, 0, 0, 0, 0, 0])
    doc.ents = [Span(doc, 4, 5, label="GPE")]
    assert [h.span.text for h in trigger_matcher(doc.vocab)(doc)] == ["deliveries"]


def test_on_a_hand_built_doc_a_cameo_verb_in_the_passive_needs_one_named_party(coder):
    # "journalists were barred", the journalists named as a people: PETRARCH's "bar"
    # (restrict) with no agent is the authorities' act, like a passive arrest, so its one
    # named party is enough
    matcher = trigger_matcher(coder.nlp.vocab)
    doc2 = _doc(coder, ["Reuters", "journalists", "were", "barred"], heads=[1, 3, 3, 3],
                deps=["compound", "nsubjpass", "auxpass", "ROOT"],
                pos=["PROPN", "NOUN", "AUX", "VERB"], lemmas=["Reuters", "journalist", "be",
                                                            "bar"],
                sent_starts=[1, 0, 0, 0])
    doc2.ents = [Span(doc2, 1, 2, label="NORP")]
    assert [(h.span.text, h.entry.type) for h in matcher(doc2)] == [("barred", "COERCE")]
    # the same verb in the passive with an agent still needs two named sides
    words = ["journalists", "were", "barred", "by", "guards"]
    doc3 = _doc(coder, words, heads=[2, 2, 2, 2, 3],
                deps=["nsubjpass", "auxpass", "ROOT", "agent", "pobj"],
                pos=["NOUN", "AUX", "VERB", "ADP", "NOUN"],
                lemmas=["journalist", "be", "bar", "by", "guard"], sent_starts=[1, 0, 0, 0, 0])
    doc3.ents = [Span(doc3, 0, 1, label="NORP")]
    assert matcher(doc3) == []


def _clause(coder, words: list[str], heads: list[int], deps: list[str], pos: list[str],
            lemmas: list[str]):
    """A one-sentence hand-built Doc."""
    return _doc(coder, words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
                sent_starts=[1] + [0] * (len(words) - 1))


def test_on_a_hand_built_doc_a_cameo_pattern_codes_a_verb_by_its_object(coder):
    from sitrep.extract.triggers import PATTERN_WEIGHT

    # "they reaffirmed their support": CAMEO's CONFIRM entry codes "reaffirm ... support" 051
    doc = _clause(coder, ["they", "reaffirmed", "their", "support"], heads=[1, 1, 3, 1],
                  deps=["nsubj", "ROOT", "poss", "dobj"], pos=["PRON", "VERB", "PRON", "NOUN"],
                  lemmas=["they", "reaffirm", "their", "support"])
    hit = next(h for h in trigger_matcher(doc.vocab)(doc) if h.span.text == "reaffirmed")
    assert (hit.entry.type, hit.entry.cameo, hit.entry.weight) == ("SUPPORT", "051",
                                                                   PATTERN_WEIGHT)
    # the same verb with an object no pattern names is no event
    doc = _clause(coder, ["they", "reaffirmed", "the", "date"], heads=[1, 1, 3, 1],
                  deps=["nsubj", "ROOT", "det", "dobj"], pos=["PRON", "VERB", "DET", "NOUN"],
                  lemmas=["they", "reaffirm", "the", "date"])
    assert trigger_matcher(doc.vocab)(doc) == []


def test_on_a_hand_built_doc_a_pattern_needs_a_named_doer_and_a_clause_of_its_own(coder):
    # "the support was reaffirmed": nobody named does it
    doc = _clause(coder, ["the", "support", "was", "reaffirmed"], heads=[1, 3, 3, 3],
                  deps=["det", "nsubjpass", "auxpass", "ROOT"],
                  pos=["DET", "NOUN", "AUX", "VERB"], lemmas=["the", "support", "be", "reaffirm"])
    assert trigger_matcher(doc.vocab)(doc) == []
    # "envoys who reaffirmed their support left": the relative clause says who they are
    doc = _clause(coder, ["envoys", "who", "reaffirmed", "their", "support", "left"],
                  heads=[5, 2, 0, 4, 2, 5],
                  deps=["nsubj", "nsubj", "relcl", "poss", "dobj", "ROOT"],
                  pos=["NOUN", "PRON", "VERB", "PRON", "NOUN", "VERB"],
                  lemmas=["envoy", "who", "reaffirm", "their", "support", "leave"])
    assert "reaffirmed" not in [h.span.text for h in trigger_matcher(doc.vocab)(doc)]


def test_on_a_hand_built_doc_a_verb_whose_object_is_a_trigger_leaves_the_event_to_it(coder):
    # "they began a crackdown": CAMEO codes "begin ... crackdown", but the noun names the event
    doc = _clause(coder, ["they", "began", "a", "crackdown"], heads=[1, 1, 3, 1],
                  deps=["nsubj", "ROOT", "det", "dobj"], pos=["PRON", "VERB", "DET", "NOUN"],
                  lemmas=["they", "begin", "a", "crackdown"])
    assert [(h.span.text, h.entry.type) for h in trigger_matcher(doc.vocab)(doc)] == [
        ("crackdown", "COERCE")]


def test_a_cameo_pattern_codes_a_verb_the_lexicon_lacks_in_a_parsed_sentence(coder):
    assert found(coder, "Germany reaffirmed its support for Moldova.")["reaffirmed"] == "SUPPORT"


def test_sourcing_formulas_sympathy_and_a_bodys_own_work_are_no_events(coder):
    assert "request" not in found(coder, "The ministry did not answer a request for comment.")
    assert "asking" not in found(coder, "An officer gave the figure, asking not to be named.")
    assert "offered" not in found(coder, "The embassy offered condolences to the families.")
    assert "suspended" not in found(coder, "The airline suspended flights to the island.")
    assert "suspended" not in found(coder, "The candidates suspended their campaigns for a day.")
    assert "backed" not in found(coder, "Trucks were backed up for several kilometres.")
    assert found(coder, "France backed the resolution.")["backed"] == "SUPPORT"
    assert found(coder, "The bloc suspended aid to the junta.")["suspended"] == "SANCTION"


def test_withdrawing_something_other_than_forces_is_no_retreat(coder):
    assert found(coder, "The bloc withdrew trade preferences from Ruritania.")["withdrew"] == \
        "SANCTION"
    assert found(coder, "The cabinet withdrew the fuel tax bill.")["withdrew"] == "CONCEDE"
    assert "withdrawal" not in found(coder, "The withdrawal of the complaint surprised many.")
    assert found(coder, "The army withdrew its tanks and 300 soldiers.")["withdrew"] == \
        "RETREAT"
    assert found(coder, "The rebels withdrew from the river port.")["withdrew"] == "RETREAT"


def test_hunting_down_suspects_is_a_pursuit_to_arrest(coder):
    assert found(coder, "Police hunted down the two escaped convicts.")["hunted down"] == \
        "COERCE"


def test_an_expression_its_object_splits_is_found_on_its_verb(coder):
    assert modes(coder, "Rioters set the governor's car ablaze.")["set"] == \
        ("PROTEST", "riot-spon")
    assert found(coder, "Insurgents blew the railway bridge up before dawn.")["blew"] == \
        "ASSAULT"
    assert found(coder, "The youths set the ruling party's office on fire.")["set"] in \
        ("COERCE", "PROTEST")
    # an object with words of its own before a noun of the expression is no particle split
    assert "used" not in found(coder, "The guards used excessive force on the inmates.")


def test_a_cameo_verb_of_violence_with_its_weapon_named_needs_no_second_party(coder):
    assert found(coder, "Militia drones targeted a fuel depot outside the town.")[
        "targeted"] == "ASSAULT"
    assert "targeted" not in found(coder, "The new tax targeted wealthy households.")


def test_a_conjoined_verb_of_force_shares_its_subject_for_a_pattern(coder):
    hits = modes(coder, "Youths blocked the road and pelted officers with stones.")
    assert hits.get("pelted") == ("ASSAULT", "beat")
    assert "named" not in found(coder, "The president accepted the resignation and named "
                                       "the deputy as acting minister.")


@pytest.mark.parametrize("text", [
    "A storm swept across the island on Monday, killing four fishermen.",
    "Floods hit the valley overnight, destroying bridges and killing two herders.",
    "Villagers were buried by mudslides that killed at least seven people.",
])


def test_a_participle_or_relative_clause_takes_its_doer_from_the_clause_it_hangs_on(coder, text):
    assert not [kind for word, kind in found(coder, text).items() if word.startswith("kill")]


def test_support_pledged_is_support_and_anything_else_pledged_a_promise(coder):
    assert found(coder, "Chile pledged its full backing for Peru's new government.")[
        "pledged"] == "SUPPORT"
    assert found(coder, "Ghana pledged solidarity with the people of Togo.")[
        "pledged"] == "SUPPORT"
    assert found(coder, "Norway pledged 40 million crowns to the fund.")["pledged"] == "AGREE"


def test_a_verb_of_easing_is_an_act_only_with_what_it_eases(coder):
    assert found(coder, "Kenya eased restrictions on public gatherings.") == {
        "eased": "CONCEDE"}
    assert found(coder, "The curfew was relaxed on Monday.")["relaxed"] == "CONCEDE"
    assert found(coder, "Annual inflation eased to 12% in May.") == {}
    assert found(coder, "Tensions relaxed after the talks.").get("relaxed") is None
    assert found(coder, "The church sheltered 200 displaced families.")["sheltered"] == "AID"
    assert "sheltering" not in found(coder, "Families were sheltering in a school.")


def test_a_measure_scrapped_or_shelved_is_a_concession(coder):
    assert found(coder, "The government scrapped a planned fuel tax.")["scrapped"] == "CONCEDE"
    assert found(coder, "Parliament shelved the draft law.")["shelved"] == "CONCEDE"
    assert found(coder, "The army scrapped two old tanks.") == {}


def test_a_form_in_ing_parsed_as_a_verb_where_a_noun_stands_is_its_noun(coder):
    hits = found(coder, "Fighting between the army and the rebels continued in the north.")
    assert hits.get("Fighting") == "ASSAULT", hits
    assert found(coder, "Fighting continued in the north.") == {}
    assert found(coder, "Protesters criticised the government for raising taxes.").get(
        "raising") is None


def test_relief_that_reaches_a_place_is_aid_delivered_and_a_deal_reached_an_agreement(coder):
    assert found(coder, "Forty lorries loaded with flour reached the town of Kadugli.")[
        "reached"] == "AID"
    assert found(coder, "The two sides reached a deal on food aid.")["reached"] == "AGREE"
    assert "reached" not in found(coder, "Government troops reached the outskirts of the town.")


def test_a_delegation_sent_is_a_visit_though_an_adviser_leads_it(coder):
    # CAMEO's pattern "send ... delegation" (042); advisers sent alone stay a deployment
    assert found(coder, "The president sent a delegation led by his security adviser to "
                        "the border town.")["sent"] == "CONSULT"
    assert found(coder, "Kenya sent 40 military advisers to the border town.")["sent"] == \
        "MOBILIZE"


def test_an_ordinary_noun_qualified_by_a_specific_rows_word_is_that_rows_act(coder):
    # "suspend" + "service" is a body stopping its own work; the internet named on the
    # service makes it the cut the specific row names
    assert found(coder, "The government suspended mobile internet services in the "
                        "province.")["suspended"] == "COERCE"
    assert "suspended" not in found(coder, "The airline suspended flights to the capital.")
    assert "suspended" not in found(coder, "The company suspended bus services on the route.")


def test_a_network_dismantled_is_coercion_and_weapons_dismantled_disarmament(coder):
    assert found(coder, "Police dismantled a people smuggling network in the port.")[
        "dismantled"] == "COERCE"
    assert found(coder, "The rebels dismantled their positions along the river.")[
        "dismantled"] == "RETREAT"


def test_bricks_hurled_are_violence(coder):
    assert found(coder, "Youths hurled bricks at the officers.")["hurled"] == "ASSAULT"
    assert found(coder, "The minister hurled insults at the opposition.")["hurled"] == "ACCUSE"


def test_relief_distributed_or_dropped_from_the_air_and_money_deposited_are_aid(coder):
    assert found(coder, "The agency distributed food parcels to displaced families.")[
        "distributed"] == "AID"
    assert "distributed" not in found(coder, "The party distributed leaflets in the town.")
    assert found(coder, "Aircraft airdropped food to cut-off villages.")["airdropped"] == "AID"
    assert found(coder, "Veltra deposited $2 billion in Kastoria's central bank.")[
        "deposited"] == "AID"


def test_a_decision_or_an_accession_blocked_is_a_rejection(coder):
    assert found(coder, "Veltra blocked a bloc decision to open accession talks.")[
        "blocked"] == "REJECT"
    assert found(coder, "Students blocked a major intersection in the capital.")[
        "blocked"] == "PROTEST"


def test_handing_over_supplies_is_aid_and_handing_over_people_is_not(coder):
    assert "AID" in found(coder, "The Red Cross handed over food and medicine to the town.")\
        .values()
    assert "AID" in found(coder, "Ruritania handed over two patrol boats to the navy.").values()
    for text in ("The body was handed over to the police.",
                 "The migrants were handed over to the interior ministry."):
        assert "AID" not in found(coder, text).values(), text


def test_economic_coercion_aid_and_fire_exchanged_by_their_objects(coder):
    assert found(coder, "Washington slapped tariffs on Chinese steel.")["slapped"] == "SANCTION"
    assert found(coder, "The bloc imposed duties on Chinese cars.")["imposed"] == "SANCTION"
    assert found(coder, "The EU imposed an asset freeze on the general.")["imposed"] == "SANCTION"
    assert found(coder, "The police chief slapped a reporter.")["slapped"] == "ASSAULT"
    assert found(coder, "The World Bank approved a loan to Kenya.")["approved"] == "AID"
    assert "approved" not in found(coder, "The cabinet approved the budget on Monday.")
    assert found(coder, "Soldiers and rebels exchanged fire near the town.")["exchanged"] == \
        "ASSAULT"
    assert found(coder, "Police and gunmen traded fire for an hour.")["traded"] == "ASSAULT"
    assert found(coder, "The two agencies exchanged intelligence.")["exchanged"] == "COOPERATE"
    assert found(coder, "Officials publicly flogged three men.")["flogged"] == "ASSAULT"


def test_trade_cut_off_from_another_country_is_a_sanction(coder):
    assert found(coder, "Turkey halted all trade with Israel.")["halted"] == "SANCTION"
    assert found(coder, "Canada levied a surtax on Chinese cars.")["levied"] == "SANCTION"
    assert found(coder, "The United States blacklisted three firms.")["blacklisted"] == \
        "SANCTION"
    assert found(coder, "A cyberattack crippled the ministry's systems.")["cyberattack"] == \
        "COERCE"


def test_the_aircraft_or_weapon_that_carried_an_attack_out_gives_its_mode(coder):
    assert modes(coder, "Warplanes carried out raids on the port.")["raids"] == \
        ("ASSAULT", "aerial")
    assert modes(coder, "U.S. and British jets conducted strikes on the port.")["strikes"] == \
        ("ASSAULT", "aerial")
    assert modes(coder, "Rebels carried out raids on the port.")["raids"][1] != "aerial"
    assert modes(coder, "Two men were killed by an explosive device on the road.")["killed"] == \
        ("ASSAULT", "explosives")


def test_territory_retaken_or_handed_over_a_rampage_and_an_emergency_approved(coder):
    assert found(coder, "The army recaptured a hilltop base near the town.")["recaptured"] == \
        "COERCE"
    assert "recaptured" not in found(coder, "The team recaptured the title on Sunday.")
    assert found(coder, "The rebels handed over the town to the army.")["handed over"] == \
        "RETREAT"
    assert found(coder, "Police handed over the suspects to prosecutors.").get(
        "handed over") not in ("AID", "RETREAT")
    assert found(coder, "Football fans rampaged through the city centre.")["rampaged"] == \
        "ASSAULT"
    assert found(coder, "The council approved a state of emergency.")["approved"] == "COERCE"
    assert found(coder, "Police opened an inquiry into the theft of cables.")["theft"] == "COERCE"
    assert found(coder, "Truckers blocked the port of Valparaiso.")["blocked"] == "PROTEST"
    assert found(coder, "Fishermen blocked the harbour with their boats.")["blocked"] == \
        "PROTEST"
    assert "extended" not in found(coder, "Parliament extended the deadline by a month.")


def test_aid_that_docks_is_delivered(coder):
    hits = found(coder, "A Turkish aid ship carrying flour docked in the port of Tripoli.")
    assert hits["docked"] == "AID"
    assert "docked" not in found(coder, "The cruise ship docked in the port of Tripoli.")


def test_charging_a_price_is_no_accusation(coder):
    assert "charging" not in found(coder, "Gangs began charging drivers a toll on the road.")
    assert found(coder, "Prosecutors charged two men with murder.")["charged"] == "ACCUSE"


def test_a_passive_struck_by_a_sides_drones_is_an_air_attack(coder):
    from sitrep.model import Article

    text = "The post was hit by drones operated by the Arakan Army on Friday."
    events = coder.code_article(Article(id="t", text=text, published="2024-05-03")).events
    attack = [e for e in events if e.event_type == "ASSAULT"]
    assert attack and attack[0].mode == "aerial", events
    assert not coder.code_article(Article(id="t", text="The town was hit by heavy floods.",
                                          published="2024-05-03")).events


def test_a_bare_headline_in_the_present_tells_what_happened(coder):
    from sitrep.extract.events import bare_headline_end
    from sitrep.model import Article

    headline = "Thai troops kill four insurgents in Yala firefight"
    doc = coder.nlp(headline)
    assert bare_headline_end(doc) == len(headline)
    assert bare_headline_end(coder.nlp("Troops kill insurgents in Yala.")) == 0
    events = coder.code_article(Article(id="t", text=headline, published="2024-05-03")).events
    assert [e.event_type for e in events] == ["ASSAULT"]
    # the simple present of a sentence with a stop still tells a habit
    habit = "Bandits kidnap travellers on the road for ransom."
    assert not coder.code_article(Article(id="t", text=habit, published="2024-05-03")).events


def test_taking_part_is_no_promise(coder):
    hits = found(coder, "Navies began joint drills, with Japanese ships taking part.")
    assert "taking part" not in hits and "taking" not in hits
