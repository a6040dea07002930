"""Actors and recipients from the parse: voice, coordination, clauses, nouns, control."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sitrep.extract.arguments import name_modifiers, noun_actor, noun_agents, sufferers
from sitrep.model import Article, Event

pytestmark = pytest.mark.slow


def code(coder, text: str) -> list[Event]:
    return coder.code_article(Article(id="t", text=text, published="2024-05-03")).events


def only(events: list[Event], event_type: str) -> Event:
    chosen = [e for e in events if e.event_type == event_type]
    assert len(chosen) == 1, events
    return chosen[0]


def countries(actors) -> list[str | None]:
    return [a.country for a in actors]


def test_active_voice_subject_acts_on_object(coder):
    event = only(code(coder, "Russia attacked Ukraine on Friday."), "ASSAULT")
    assert countries(event.actors) == ["RUS"]
    assert countries(event.recipients) == ["UKR"]


def test_passive_voice_agent_acts_on_subject(coder):
    event = only(code(coder, "Ukrainian soldiers were attacked by Russian troops."), "ASSAULT")
    assert countries(event.actors) == ["RUS"]
    assert countries(event.recipients) == ["UKR"]


def test_coordinated_actors_are_one_list(coder):
    event = only(code(coder, "Jordan and Britain have agreed to hold joint exercises."), "AGREE")
    assert countries(event.actors) == ["JOR", "GBR"]


def test_coordinated_modifiers_give_one_actor_each(coder):
    events = code(coder, "Russian and American forces clashed near the border.")
    assert set(countries(only(events, "ASSAULT").actors)) == {"RUS", "USA"}


def test_relative_clause_actor_is_the_noun_it_hangs_on(coder):
    events = code(coder, "Tensions rose with Niger's junta, which seized power in a coup.")
    assert "NER" in countries(only(events, "COERCE").actors)


def test_nominal_event_actor_from_of_phrase(coder):
    event = only(code(coder, "Officials discussed the withdrawal of US troops from Niger."),
                 "CONSULT")
    assert event  # the topic of talks is no event of its own
    event = only(code(coder, "The withdrawal of US troops from Niger began."), "RETREAT")
    assert countries(event.actors) == ["USA"]


def test_nominal_event_actor_from_possessive(coder):
    event = only(code(coder, "Russia's invasion of Ukraine shocked Europe."), "ASSAULT")
    assert countries(event.actors) == ["RUS"]
    assert countries(event.recipients) == ["UKR"]


def test_control_verb_lends_its_subject(coder):
    events = code(coder, "France plans to send 200 soldiers to Mali.")
    assert countries(only(events, "MOBILIZE").actors) == ["FRA"]


def test_speech_act_takes_its_content(coder):
    events = code(coder, "China demanded the withdrawal of US warships from the strait.")
    assert [e.event_type for e in events] == ["REQUEST"]
    assert countries(events[0].actors) == ["CHN"]


def test_pronoun_subject_takes_the_clause_subject(coder):
    event = only(code(coder, "Syria says it is willing to withdraw its troops."), "AGREE")
    assert countries(event.actors) == ["SYR"]


def test_reported_obligation_is_a_request(coder):
    event = only(code(coder, "Russia said on Tuesday that Sudan must return the helicopter."),
                 "REQUEST")
    assert countries(event.actors) == ["RUS"]
    assert countries(event.recipients) == ["SDN"]


def test_a_vow_of_violence_is_a_threat(coder):
    events = code(coder, "Hamas vowed to resume attacks on Israel.")
    assert [(e.event_type, e.mode) for e in events] == [("THREATEN", "violence")]


def test_a_vow_not_to_do_violence_is_a_promise(coder):
    events = code(coder, "Chad and Sudan pledged on Monday not to use force against each other.")
    assert [e.event_type for e in events] == ["AGREE"]


def test_defending_ones_own_is_a_warning_not_support(coder):
    event = only(code(coder, "Bolivia will defend every square metre of its land, the army "
                             "chief said."), "THREATEN")
    assert countries(event.actors) == ["BOL"]
    assert not [e for e in code(coder, "Bolivia will defend its land.")
                if e.event_type == "SUPPORT"]
    event = only(code(coder, "Bolivia will defend Peru at the summit."), "SUPPORT")
    assert countries(event.recipients) == ["PER"]


def test_a_protest_is_a_threat_only_on_a_condition(coder):
    events = code(coder, "The main union of Bolivia will call a general strike unless the fuel "
                         "subsidy is restored.")
    assert [e.event_type for e in events] == ["THREATEN"]
    event = only(code(coder, "Opposition leaders in Georgia said they would rally again "
                             "outside parliament on Friday."), "PROTEST")
    assert event.modality == "future"


def test_recipients_from_the_content_of_a_speech_act(coder):
    event = only(code(coder, "The group threatened to deliver devastating blows to the United "
                             "States and Israel."), "THREATEN")
    assert set(countries(event.recipients)) == {"USA", "ISR"}
    event = only(code(coder, "Serbia lodged an official protest with Albania today."), "ACCUSE")
    assert countries(event.recipients) == ["ALB"]


def test_apposition_names_the_actor_when_the_head_does_not(coder):
    event = only(code(coder, "The CNSP, Niger's ruling junta, expelled the French ambassador."),
                 "SANCTION")
    assert countries(event.actors) == ["NER"]
    assert countries(event.recipients) == ["FRA"]


def test_troops_stationed_are_the_ones_mobilised(coder):
    event = only(code(coder, "More than half of the US troops stationed at the base have "
                             "moved to Germany."), "MOBILIZE")
    assert countries(event.actors) == ["USA"]


def test_passive_relative_clause_noun_is_the_victim(coder):
    event = only(code(coder, "Two soldiers who were wounded in the ambush died on Sunday."),
                 "ASSAULT")
    assert event.actors == []
    assert [r.text for r in event.recipients] == ["Two soldiers"]


def test_entity_of_reads_the_iob_tags_of_a_hand_built_doc():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from sitrep.extract.arguments import entity_of

    words = ["The", "United", "Nations", "met", "in", "New", "York", "."]
    doc = Doc(Vocab(), words=words, sent_starts=[True] + [False] * 7,
              ents=["O", "B-ORG", "I-ORG", "O", "O", "B-GPE", "I-GPE", "O"])
    assert entity_of(doc[2]).text == "United Nations"
    assert entity_of(doc[5]).text == "New York"
    assert entity_of(doc[3]) is None


def test_entity_of_keeps_to_the_sentence_of_the_token():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from sitrep.extract.arguments import entity_of

    doc = Doc(Vocab(), words=["Troops", "left", "Niger", ".", "Chad", "too", "."],
              sent_starts=[True, False, False, False, True, False, False],
              ents=["O", "O", "B-GPE", "O", "B-GPE", "O", "O"])
    assert entity_of(doc[4]).text == "Chad"
    assert entity_of(doc[2]).text == "Niger"


def _light_verb_doc():
    """EU imposed sanctions on Iran and Syria ."""
    import spacy
    from spacy.tokens import Doc

    words = ["EU", "imposed", "sanctions", "on", "Iran", "and", "Syria", "."]
    heads = [1, 1, 1, 2, 3, 4, 4, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "conj", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_target_on_the_eventive_object_is_the_verbs_recipient():
    from sitrep.codebook.lexicon import load_codebook
    from sitrep.extract.arguments import through_event_objects

    doc = _light_verb_doc()
    frame = load_codebook().frames["agent_target"]
    found = through_event_objects(doc[1], frame, {2}, [doc[0]])
    assert [t.text for t in found] == ["Iran", "Syria"]


def test_an_object_that_is_no_event_lends_no_target():
    from sitrep.codebook.lexicon import load_codebook
    from sitrep.extract.arguments import through_event_objects

    doc = _light_verb_doc()
    frame = load_codebook().frames["agent_target"]
    assert through_event_objects(doc[1], frame, set(), [doc[0]]) == []
    assert through_event_objects(doc[2], frame, {2}, [doc[0]]) == []  # not a verb


def test_a_name_cut_before_its_preposition_object_is_whole_again():
    import spacy
    from spacy.tokens import Doc

    from sitrep.extract.arguments import phrase

    words = ["The", "Farmers", "Union", "of", "Kenya", "protested", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 5, 2, 3, 5, 5],
              deps=["det", "compound", "nsubj", "prep", "pobj", "ROOT", "punct"],
              pos=["DET", "PROPN", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"],
              ents=["B-ORG", "I-ORG", "I-ORG", "I-ORG", "B-GPE", "O", "O"])
    assert phrase(doc[2]).text == "The Farmers Union of Kenya"


def test_sanctions_imposed_on_a_state_name_it_as_recipient(coder):
    event = only(code(coder, "Canada imposed sanctions on Belarus on Tuesday."), "SANCTION")
    assert countries(event.recipients) == ["BLR"]


def test_an_eventive_noun_names_its_own_doers_not_its_governors():
    import spacy
    from spacy.tokens import Doc

    from sitrep.extract.arguments import own_doers

    words = ["Poland", "condemned", "Russia", "'s", "attack", "and", "the", "raid", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 4, 2, 1, 4, 7, 4, 1],
              deps=["nsubj", "ROOT", "poss", "case", "dobj", "cc", "det", "conj", "punct"],
              pos=["PROPN", "VERB", "PROPN", "PART", "NOUN", "CCONJ", "DET", "NOUN", "PUNCT"])
    assert [t.text for t in own_doers(doc[4])] == ["Russia"]
    assert own_doers(doc[7]) == []  # not Poland, which condemned it


def test_a_means_of_violence_is_no_recipient(coder):
    event = only(code(coder, "Russia launched 40 drones at Kyiv overnight."), "ASSAULT")
    assert countries(event.actors) == ["RUS"]
    assert countries(event.recipients) == ["UKR"]


def test_a_reaction_names_the_side_whose_decision_it_answers(coder):
    event = only(code(coder, "Workers in Lagos protested against the Nigerian government's "
                             "decision to raise fuel prices."), "PROTEST")
    assert "NGA" in countries(event.recipients)


def test_the_sides_of_talks_are_not_the_talks(coder):
    event = only(code(coder, "India and Pakistan held talks in Delhi on Monday."), "CONSULT")
    assert [r.text for r in event.recipients] == ["India", "Pakistan"]



def test_a_department_and_a_crowd_belong_where_the_story_is(coder):
    events = code(coder, "In Nairobi, the Department of Immigration deported two Somali "
                         "nationals. Crowds blocked the main highway in Mombasa on Monday.")
    deport = only(events, "COERCE")
    assert countries(deport.actors) == ["KEN"]
    assert "KEN" in countries(only(events, "PROTEST").actors)


def test_a_city_written_into_the_name_of_a_thing_names_no_side(coder):
    event = only(code(coder, "Germany denounced any breach of the Geneva Conventions on "
                             "Monday."), "ACCUSE")
    assert countries(event.recipients) == []


def test_a_name_written_into_a_body_gives_the_bodys_country(coder):
    event = only(code(coder, "Militants attacked the US embassy in Baghdad."), "ASSAULT")
    assert "USA" in countries(event.recipients)


def test_condemning_an_attack_does_not_aim_at_its_victims(coder):
    event = only(code(coder, "Turkey condemned the attack on the Swedish consulate."),
                 "ACCUSE")
    assert "SWE" not in countries(event.recipients)


def test_an_accusation_beside_a_sanction_is_an_event_of_its_own(coder):
    events = code(coder, "Canada imposed sanctions on a militia commander, accusing him of "
                         "extortion.")
    assert {e.event_type for e in events} >= {"SANCTION", "ACCUSE"}


def test_a_demand_beside_a_march_stays_its_message(coder):
    events = code(coder, "Protesters marched through the capital, demanding reforms.")
    assert [e.event_type for e in events] == ["PROTEST"]


def test_an_object_pronoun_is_someone_other_than_the_doer(coder):
    events = code(coder, "Kenya arrested two Somali fishermen on Monday. Somalia condemned "
                         "Kenya and urged it to free them.")
    request = only(events, "REQUEST")
    assert countries(request.actors) == ["SOM"]
    assert "SOM" not in countries(request.recipients)


def test_a_side_expected_to_act_is_the_doer_not_the_speaker(coder):
    event = only(code(coder, "A Kenyan delegation is expected to arrive in Addis Ababa on "
                             "Friday, an Ethiopian official said."), "CONSULT")
    assert countries(event.actors) == ["KEN"]


def test_declaring_an_envoy_unwelcome_is_a_sanction_by_the_declaring_state(coder):
    event = only(code(coder, "Lithuania on Tuesday declared the Belarusian consul persona non "
                             "grata."), "SANCTION")
    assert countries(event.actors) == ["LTU"]


def test_voting_against_is_a_rejection_and_dropping_objections_a_concession(coder):
    assert only(code(coder, "Brazil and India voted against the motion."),
                "REJECT").actors[0].country == "BRA"
    assert only(code(coder, "Turkey dropped its objections to the membership bid."),
                "CONCEDE").actors[0].country == "TUR"


def test_the_doers_own_things_are_no_target_and_the_other_side_is(coder):
    event = only(code(coder, "Lithuania closed all its border checkpoints with Belarus on "
                             "Sunday."), "COERCE")
    assert countries(event.recipients) == ["BLR"]


def test_the_forces_sent_are_the_senders_not_the_target(coder):
    event = only(code(coder, "Rwanda sent 500 troops into the Central African Republic."),
                 "MOBILIZE")
    assert countries(event.actors) == ["RWA"]
    assert "RWA" not in countries(event.recipients)


def test_joint_patrols_and_teams_are_cooperation_between_the_sides(coder):
    event = only(code(coder, "Kenya and Somalia began joint patrols along the border."),
                 "COOPERATE")
    assert countries(event.actors) == ["KEN", "SOM"]


def test_forces_leaving_withdraw_and_a_bombing_leaving_dead_does_not(coder):
    event = only(code(coder, "Turkish forces left the town of Tal Abyad on Sunday."),
                 "RETREAT")
    assert countries(event.actors) == ["TUR"]
    assert all(e.event_type != "RETREAT"
               for e in code(coder, "The explosion left three people dead in Mosul."))


def test_on_a_hand_built_doc_a_passive_victim_is_no_doer_of_the_noun_after_it(coder):
    def doc(verb: str, lemma: str) -> Doc:
        words = ["The", "driver", "was", verb, "in", "the", "attack", "."]
        return Doc(coder.nlp.vocab, words=words, heads=[1, 3, 3, 3, 3, 6, 4, 3],
                   deps=["det", "nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "punct"],
                   pos=["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
                   tags=["DT", "NN", "VBD", "VBN", "IN", "DT", "NN", "."],
                   lemmas=["the", "driver", "be", lemma, "in", "the", "attack", "."])
    assert noun_actor(doc("wounded", "wound")[6]) == []
    involved = doc("involved", "involve")
    assert [t.text for t in noun_actor(involved[6])] == ["driver"]


def test_who_dies_in_survives_witnesses_or_tells_of_an_attack_is_no_doer_of_it(coder):
    for text in ("Five villagers died in the attack on Sunday.",
                 "Two journalists survived the bombing.",
                 "Residents witnessed the shooting from their windows.",
                 "The interior ministry did not comment on the shooting.",
                 "Monitors of the United Nations have documented torture in the camps."):
        events = coder.code_article(Article(id="x", text=text, published="2024-05-03")).events
        assert all(not e.actors for e in events if e.event_type == "ASSAULT"), text
    launched = coder.code_article(Article(id="y", text="Rebels launched an attack on the town.",
                                          published="2024-05-03")).events
    assert [a.sector for e in launched for a in e.actors] == ["REB"]


def test_who_died_in_or_survived_an_attack_is_its_recipient(coder):
    died = coder.code_article(Article(id="x", text="Five villagers died in the attack on Sunday.",
                                      published="2024-05-03")).events
    assert [(a.text, a.sector) for e in died for a in e.recipients] == \
        [("Five villagers", "CVL")]
    assert died[0].acled["event_type"] == "Violence against civilians"


def test_on_a_hand_built_doc_who_suffered_an_event_noun_and_who_took_part(coder):
    def doc(verb: str, lemma: str) -> Doc:
        words = ["Villagers", "were", verb, "in", "the", "raid", "."]
        return Doc(coder.nlp.vocab, words=words, heads=[2, 2, 2, 2, 5, 3, 2],
                   deps=["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "punct"],
                   pos=["NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
                   tags=["NNS", "VBD", "VBN", "IN", "DT", "NN", "."],
                   lemmas=["villager", "be", lemma, "in", "the", "raid", "."])
    assert [t.text for t in sufferers(doc("hurt", "hurt")[5])] == ["Villagers"]
    assert sufferers(doc("involved", "involve")[5]) == []


def test_on_a_hand_built_doc_a_by_agent_is_read_where_the_parse_hangs_it(coder):
    # "the expulsion of the envoy by Poland": 'by' under the object of 'of'
    words = ["the", "expulsion", "of", "the", "envoy", "by", "Poland"]
    doc = Doc(coder.nlp.vocab, words=words, heads=[1, 1, 1, 4, 2, 4, 5],
              deps=["det", "ROOT", "prep", "det", "pobj", "prep", "pobj"])
    assert [t.text for t in noun_agents(doc[1])] == ["Poland"]
    # "followed mediation by Qatar": 'by' under the active verb, right after its object
    words = ["talks", "followed", "mediation", "by", "Qatar"]
    doc = Doc(coder.nlp.vocab, words=words, heads=[1, 1, 1, 1, 3],
              deps=["nsubj", "ROOT", "dobj", "prep", "pobj"],
              pos=["NOUN", "VERB", "NOUN", "ADP", "PROPN"])
    assert [t.text for t in noun_agents(doc[2])] == ["Qatar"]
    # in the passive the verb's 'by' is its own agent, not the noun's
    words = ["mediation", "was", "followed", "by", "Qatar"]
    doc = Doc(coder.nlp.vocab, words=words, heads=[2, 2, 2, 2, 3],
              deps=["nsubjpass", "auxpass", "ROOT", "agent", "pobj"],
              pos=["NOUN", "AUX", "VERB", "ADP", "PROPN"])
    assert noun_agents(doc[0]) == []


def test_on_a_hand_built_doc_a_name_on_a_participle_modifier_is_a_party(coder):
    # "Saudi-brokered ceasefire talks": the name sits on the participle of the compound
    words = ["Saudi", "-", "brokered", "ceasefire", "talks"]
    doc = Doc(coder.nlp.vocab, words=words, heads=[2, 2, 3, 4, 4],
              deps=["npadvmod", "punct", "amod", "compound", "ROOT"],
              tags=["NNP", "HYPH", "VBN", "NN", "NNS"],
              ents=["B-GPE", "O", "O", "O", "O"])
    assert [t.text for t in name_modifiers(doc[4])] == ["Saudi"]
    assert [t.text for t in name_modifiers(doc[3])] == ["Saudi"]


def test_a_source_after_according_to_is_no_recipient():
    import spacy

    from sitrep.extract.arguments import named_in_complement

    # "Police fired on crowds , according to Amnesty ." and "Police wrote to Amnesty ."
    words = ["Police", "fired", "on", "crowds", ",", "according", "to", "Amnesty", "."]
    heads = [1, 1, 1, 2, 1, 1, 5, 6, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "punct", "prep", "prep", "pobj", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps,
              ents=["O"] * 7 + ["B-ORG", "O"])
    assert named_in_complement(doc[1], [doc[0]]) == []
    plain = Doc(doc.vocab, words=["Police", "wrote", "to", "Amnesty", "."],
                heads=[1, 1, 1, 2, 1], deps=["nsubj", "ROOT", "prep", "pobj", "punct"],
                ents=["O", "O", "O", "B-ORG", "O"])
    assert [t.text for t in named_in_complement(plain[1], [plain[0]])] == ["Amnesty"]


def test_a_channel_after_through_is_no_recipient():
    import spacy

    from sitrep.extract.arguments import named_in_complement

    # "Japan pledged funds through UNICEF ."
    words = ["Japan", "pledged", "funds", "through", "UNICEF", "."]
    heads = [1, 1, 1, 1, 3, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps,
              ents=["B-GPE", "O", "O", "O", "B-ORG", "O"])
    assert named_in_complement(doc[1], [doc[0]]) == []


def test_a_trigger_modifying_a_light_head_takes_the_heads_parties(coder):
    event = only(code(coder, "Egypt launched a mediation effort between Ethiopia and Sudan."),
                 "CONSULT")
    assert countries(event.actors) == ["EGY"]
    assert countries(event.recipients) == ["ETH", "SDN"]


def test_who_is_allowed_to_act_is_the_recipient_of_the_concession(coder):
    event = only(code(coder, "Kenya's government allowed Somali refugees to leave the camps."),
                 "CONCEDE")
    assert countries(event.actors) == ["KEN"]
    assert [a.text for a in event.recipients] == ["Somali refugees"]


@pytest.mark.parametrize(("text", "asked"), [
    ("The African Union demanded the withdrawal of Rwandan troops from eastern Congo.", "RWA"),
    ("Moscow demanded Ukraine's withdrawal from the region.", "UKR"),
])
def test_who_is_asked_to_do_the_act_a_request_names_is_its_recipient(coder, text, asked):
    event = only(code(coder, text), "REQUEST")
    assert countries(event.recipients) == [asked]


def test_whom_an_investigation_is_into_is_its_recipient_where_the_verb_holds_the_phrase(coder):
    event = only(code(coder, "Kenyan prosecutors opened an investigation into a senior Ugandan "
                             "official over the deal."), "ACCUSE")
    assert countries(event.actors) == ["KEN"]
    assert countries(event.recipients) == ["UGA"]


@pytest.mark.parametrize(("text", "home"), [
    ("Zambian police arrested 30 opposition activists on Friday.", "ZMB"),
    ("Cuba released 50 political prisoners, the church said.", "CUB"),
])
def test_people_known_by_kind_whom_a_state_acts_on_at_home_are_its_own(coder, text, home):
    events = code(coder, text)
    top = max(events, key=lambda e: e.confidence)
    assert countries(top.recipients) == [home]


def test_people_a_state_acts_on_in_a_named_place_keep_that_place_to_decide(coder):
    event = only(code(coder, "Russian troops detained 12 civilians in Kherson."), "COERCE")
    assert countries(event.recipients) == ["UKR"]


def _folded(tag: str) -> Doc:
    """'Ghana , which mediates , urged calm' with the main verb folded into the subject as a
    modifier, as the parser sometimes leaves a subject with a long apposition or clause."""
    from spacy.vocab import Vocab

    words = ["Ghana", ",", "which", "mediates", ",", "urged", "calm"]
    return Doc(Vocab(), words=words, heads=[0, 0, 3, 0, 0, 0, 5],
               deps=["ROOT", "punct", "nsubj", "relcl", "punct", "acl", "dobj"],
               tags=["NNP", ",", "WDT", "VBZ", ",", tag, "NN"],
               pos=["PROPN", "PUNCT", "PRON", "VERB", "PUNCT", "VERB", "NOUN"])


def test_a_past_verb_folded_into_a_noun_has_the_noun_for_subject():
    from sitrep.extract.arguments import inherited_subject

    assert [t.text for t in inherited_subject(_folded("VBD")[5], 0)] == ["Ghana"]
    assert inherited_subject(_folded("VBN")[5], 0) == []  # "civilians killed": the patient


def _partitive(closed: bool) -> Doc:
    """'Hundreds of students protested outside the building .' with the verb hung on the
    partitive as a participle, as the parser leaves it; without the stop, a headline."""
    import spacy

    words = ["Hundreds", "of", "students", "protested", "outside", "the", "building", "."]
    size = len(words) if closed else len(words) - 1
    return Doc(spacy.blank("en").vocab, words=words[:size], heads=[0, 0, 1, 0, 3, 6, 4, 0][:size],
               deps=["ROOT", "prep", "pobj", "acl", "prep", "det", "pobj", "punct"][:size],
               tags=["NNS", "IN", "NNS", "VBN", "IN", "DT", "NN", "."][:size],
               pos=["NOUN", "ADP", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT"][:size],
               lemmas=["hundred", "of", "student", "protest", "outside", "the", "building",
                       "."][:size])


def test_a_participle_hung_on_a_partitive_root_of_a_sentence_is_its_verb():
    from sitrep.codebook.lexicon import load_codebook
    from sitrep.extract.arguments import content_head, inherited_subject

    doer = inherited_subject(_partitive(closed=True)[3], 0)
    assert [t.text for t in doer] == ["Hundreds"]
    assert content_head(doer[0], load_codebook()).text == "students"
    # a headline has no stop and no finite verb: "Dozens of civilians killed in strike"
    assert inherited_subject(_partitive(closed=False)[3], 0) == []


def test_some_of_them_in_a_joined_clause_are_of_the_first_clause_subject():
    import spacy

    from sitrep.codebook.lexicon import load_codebook
    from sitrep.extract.arguments import content_head

    words = ["relatives", "gathered", ",", "and", "some", "of", "them", "blocked", "a",
             "road", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 1, 7, 4, 5, 1, 9, 7, 1],
              deps=["nsubj", "ROOT", "punct", "cc", "nsubj", "prep", "pobj", "conj", "det",
                    "dobj", "punct"],
              pos=["NOUN", "VERB", "PUNCT", "CCONJ", "DET", "ADP", "PRON", "VERB", "DET",
                   "NOUN", "PUNCT"],
              lemmas=["relative", "gather", ",", "and", "some", "of", "they", "block", "a",
                      "road", "."])
    book = load_codebook()
    assert content_head(doc[4], book).text == "relatives"
    # alone, "some of them" stands for "them", which coreference reads
    alone = Doc(spacy.blank("en").vocab, words=words[4:], heads=[3, 0, 1, 3, 5, 3, 3],
                deps=["nsubj", "prep", "pobj", "ROOT", "det", "dobj", "punct"],
                lemmas=["some", "of", "they", "block", "a", "road", "."])
    assert content_head(alone[0], book).text == "them"


LEMMAS = {"sent": "send", "seen": "see", "was": "be", "dismantled": "dismantle",
          "arrived": "arrive", "tents": "tent", "troops": "troop"}


def _sent_doc(words, heads, deps, pos, tags=None):  # noqa: ANN001, ANN202
    import spacy

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
               tags=tags or [""] * len(words),
               lemmas=[LEMMAS.get(w, w.lower()) for w in words])


def test_a_thing_sent_or_worked_by_a_side_stands_for_that_side():
    from sitrep.extract.arguments import conveyed_by, senders

    # "tents sent by Qatar arrived": hand-built so the parse cannot move under the test
    doc = _sent_doc(["tents", "sent", "by", "Qatar", "arrived"], [4, 0, 1, 2, 4],
                    ["nsubj", "acl", "agent", "pobj", "ROOT"],
                    ["NOUN", "VERB", "ADP", "PROPN", "VERB"], ["NNS", "VBN", "IN", "NNP", "VBD"])
    assert conveyed_by(doc[0]).text == "Qatar"
    assert [t.text for t in senders([doc[0]])] == ["Qatar"]
    # people stay their own doers: "troops sent by Qatar arrived"
    people = _sent_doc(["troops", "sent", "by", "Qatar", "arrived"], [4, 0, 1, 2, 4],
                       ["nsubj", "acl", "agent", "pobj", "ROOT"],
                       ["NOUN", "VERB", "ADP", "PROPN", "VERB"],
                       ["NNS", "VBN", "IN", "NNP", "VBD"])
    assert conveyed_by(people[0]) is None
    # a participle of no sending says nothing of a sender: "tents seen by Qatar"
    seen = _sent_doc(["tents", "seen", "by", "Qatar", "arrived"], [4, 0, 1, 2, 4],
                     ["nsubj", "acl", "agent", "pobj", "ROOT"],
                     ["NOUN", "VERB", "ADP", "PROPN", "VERB"], ["NNS", "VBN", "IN", "NNP", "VBD"])
    assert conveyed_by(seen[0]) is None


def test_an_agentless_passive_takes_the_agents_of_the_act_it_was_done_in():
    from sitrep.extract.arguments import setting_agents

    # "a ring was dismantled in an operation by police"
    doc = _sent_doc(["ring", "was", "dismantled", "in", "operation", "by", "police"],
                    [2, 2, 2, 2, 3, 4, 5],
                    ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "prep", "pobj"],
                    ["NOUN", "AUX", "VERB", "ADP", "NOUN", "ADP", "NOUN"],
                    ["NN", "VBD", "VBN", "IN", "NN", "IN", "NNS"])
    assert [t.text for t in setting_agents(doc[2])] == ["police"]
    # a place named there is no doer: "a ring was dismantled in the capital"
    place = _sent_doc(["ring", "was", "dismantled", "in", "capital"], [2, 2, 2, 2, 3],
                      ["nsubjpass", "auxpass", "ROOT", "prep", "pobj"],
                      ["NOUN", "AUX", "VERB", "ADP", "NOUN"], ["NN", "VBD", "VBN", "IN", "NN"])
    assert setting_agents(place[2]) == []


def test_a_thing_sent_by_a_side_gives_its_country_to_the_act(coder):
    event = only(code(coder, "Food and medicine sent by Qatar arrived in flood-hit areas of "
                             "Pakistan on Monday."), "AID")
    assert countries(event.actors) == ["QAT"]


def test_an_expulsion_told_as_a_noun_is_done_by_whoever_announced_it(coder):
    event = only(code(coder, "Chile's foreign ministry announced the expulsion of three "
                             "Bolivian diplomats on Tuesday."), "SANCTION")
    assert countries(event.actors) == ["CHL"]
    assert countries(event.recipients) == ["BOL"]


def test_an_act_done_in_an_operation_by_a_side_is_that_sides(coder):
    events = code(coder, "A smuggling network was dismantled in a joint operation by Kenyan "
                         "and Ugandan police, officials said.")
    assert any({"KEN", "UGA"} & set(countries(e.actors)) for e in events
               if e.event_type == "COERCE"), events


def test_an_attack_a_subject_comes_under_is_done_to_it_by_its_from_phrase(coder):
    event = only(code(coder, "A Malian army convoy came under attack from jihadist fighters "
                             "near Gao on Monday."), "ASSAULT")
    assert [a.sector for a in event.actors] == ["REB"]
    assert "convoy" in event.recipients[0].text
    # a verb with an object puts the object under it: the subject does it
    event = only(code(coder, "Chinese authorities placed a lawyer under house arrest."),
                 "COERCE")
    assert countries(event.actors) == ["CHN"]


def test_who_names_what_an_act_is_did_not_do_it():
    import spacy

    words = ["The", "minister", "called", "the", "execution", "inhuman", "."]
    lemmas = ["the", "minister", "call", "the", "execution", "inhuman", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, lemmas=lemmas,
              heads=[1, 2, 2, 4, 2, 2, 2],
              deps=["det", "nsubj", "ROOT", "det", "dobj", "oprd", "punct"],
              pos=["DET", "NOUN", "VERB", "DET", "NOUN", "ADJ", "PUNCT"])
    assert noun_actor(doc[4]) == []  # the minister judged the execution
    launched = Doc(spacy.blank("en").vocab, words=["Rebels", "launched", "the", "attack"],
                   lemmas=["rebel", "launch", "the", "attack"], heads=[1, 1, 3, 1],
                   deps=["nsubj", "ROOT", "det", "dobj"],
                   pos=["NOUN", "VERB", "DET", "NOUN"])
    assert [t.text for t in noun_actor(launched[3])] == ["Rebels"]
    # the parse may hang an act called on the verb as its predicate ("called the strike"):
    # the act is then no object judged, and the caller's own
    called = Doc(spacy.blank("en").vocab, words=["Unions", "called", "the", "strike"],
                 lemmas=["union", "call", "the", "strike"], heads=[1, 1, 3, 1],
                 deps=["nsubj", "ROOT", "det", "oprd"], pos=["NOUN", "VERB", "DET", "NOUN"])
    assert [t.text for t in noun_actor(called[3])] == ["Unions"]


def test_a_judgement_of_two_coordinated_words_is_judged_by_either(coder):
    events = code(coder, 'The prime minister called the execution "inhuman and unacceptable".')
    assert [e.event_type for e in events] == ["ACCUSE"]
