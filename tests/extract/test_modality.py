"""Future, hypothetical and negated events are marked, never stated as fact."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.codebook.lexicon import load_codebook
from sitrep.extract.modality import habitual
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


def test_what_a_condition_supposes_is_no_event_beside_the_act_it_conditions(coder):
    for text, trigger in [
            ("Kenya will pull its police out of Haiti unless the gang leaders arrange a ceasefire "
             "with the government.", "ceasefire"),
            ("The union may suspend its protests if the government releases the detained "
             "leaders.", "releases"),
            ("The rebels would attend the talks if the army released their commander.",
             "released")]:
        events = coder.code_article(Article(id="t", text=text, published="2024-05-03")).events
        assert events and trigger not in [e.evidence.trigger for e in events], \
            [(e.event_type, e.evidence.trigger) for e in events]


def test_not_and_denial_are_negated(coder):
    assert mood(coder, "The troops did not withdraw from the city.", "RETREAT") == "negated"
    assert mood(coder, "The army denied attacking the village.", "ASSAULT") == "negated"


def test_an_act_not_done_beside_another_or_failed_is_no_event(coder):
    def types(text: str) -> set[str]:
        article = Article(id="m", text=text, published="2024-05-03")
        return {e.event_type for e in coder.code_article(article).events}

    assert "CONSULT" not in types("Kenya signed the accord in March without consulting "
                                  "Uganda.")
    assert "AGREE" not in types("The ministers failed to agree on new tariffs.")
    assert mood(coder, "Uganda denied that its troops had attacked the town.",
                "ASSAULT") == "negated"


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
    text = ("The minister said Ghana would keep its border open but had deployed additional "
            "police to screen arrivals.")  # its tense in an auxiliary of its own
    assert mood(coder, text, "MOBILIZE") == "asserted"


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


# -- habits and kinds of act ------------------------------------------------------------------


def parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str],
           pos: list[str], lemmas: list[str]) -> Doc:
    """A hand-parsed sentence: each token's head index, relation, tag, part of speech, lemma."""
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)


def squads_that(adverb: str, verb: str, tag: str) -> Doc:
    """'Squads that <adverb> <verb> peasants .'"""
    return parsed(["Squads", "that", adverb, verb, "peasants", "."],
                  [0, 3, 3, 0, 3, 0],
                  ["ROOT", "nsubj", "advmod", "relcl", "dobj", "punct"],
                  ["NNS", "WDT", "RB", tag, "NNS", "."],
                  ["NOUN", "PRON", "ADV", "VERB", "NOUN", "PUNCT"],
                  ["squad", "that", adverb, "murder", "peasant", "."])


def test_an_adverb_of_habit_or_the_simple_present_tells_a_habit():
    book = load_codebook()
    assert habitual(squads_that("systematically", "murder", "VBP")[3], book)
    assert habitual(squads_that("also", "murder", "VBP")[3], book)
    # the simple past reports the acts done at the time
    assert not habitual(squads_that("systematically", "murdered", "VBD")[3], book)
    # how one episode went, in the past, is an act
    assert not habitual(squads_that("repeatedly", "murdered", "VBD")[3], book)
    # and the present of a headline tells no habit
    assert not habitual(squads_that("also", "murder", "VBP")[3], book, headline_end=40)


def kidnappings(modifier: str, dep: str) -> Doc:
    """'They condemned <modifier> kidnappings .'"""
    return parsed(["They", "condemned", modifier, "kidnappings", "."],
                  [1, 1, 3, 1, 1],
                  ["nsubj", "ROOT", dep, "dobj", "punct"],
                  ["PRP", "VBD", "JJ" if dep == "amod" else "DT", "NNS", "."],
                  ["PRON", "VERB", "ADJ" if dep == "amod" else "DET", "NOUN", "PUNCT"],
                  ["they", "condemn", modifier, "kidnapping", "."])


def test_a_pattern_or_any_act_of_a_kind_is_no_act():
    book = load_codebook()
    assert habitual(kidnappings("frequent", "amod")[3], book)
    assert habitual(kidnappings("any", "det")[3], book)
    assert not habitual(kidnappings("recent", "amod")[3], book)
    assert not habitual(kidnappings("the", "det")[3], book)


def continue_to(tag: str) -> Doc:
    """'Rebels continue/continued to attack the town .'"""
    return parsed(["Rebels", "continue", "to", "attack", "the", "town", "."],
                  [1, 1, 3, 1, 5, 3, 1],
                  ["nsubj", "ROOT", "aux", "xcomp", "det", "dobj", "punct"],
                  ["NNS", tag, "TO", "VB", "DT", "NN", "."],
                  ["NOUN", "VERB", "PART", "VERB", "DET", "NOUN", "PUNCT"],
                  ["rebel", "continue", "to", "attack", "the", "town", "."])


def test_an_act_that_goes_on_is_a_habit_unless_told_in_the_past():
    book = load_codebook()
    assert habitual(continue_to("VBP")[3], book)
    assert not habitual(continue_to("VBD")[3], book)


def test_habits_code_no_event(coder):
    def types(text: str) -> list[str]:
        return [e.event_type for e in coder.code_article(
            Article(id="t", text=text, published="2024-05-03")).events]

    assert "ASSAULT" not in types(
        "The report said death squads systematically murder peasants in the north.")
    assert "ASSAULT" in types("Death squads murdered six peasants in the north on Monday.")
    # a plural present that shares its form with the past reads as past in a past story
    assert "ASSAULT" in types("Police beat protesters who gathered outside parliament.")
    # a statement about a habit is an event, and a statement in the present is made as said
    assert "ACCUSE" in types("The Interior Ministry condemned the frequent kidnappings of "
                             "journalists by the rebels.")
    assert "ACCUSE" in types('"We condemn the attack on the convoy," the Interior Minister said.')


def test_an_act_a_side_does_not_want_or_plan_is_negated_not_threatened(coder):
    assert mood(coder, "The rebels do not plan an offensive on the port.", "ASSAULT") == \
        "negated"
    events = coder.code_article(Article(id="w", text="The council does not want a war with "
                                        "its neighbour.", published="2024-05-03")).events
    assert "THREATEN" not in [e.event_type for e in events]


def test_an_act_a_side_wants_another_to_do_is_only_wished_for(coder):
    assert mood(coder, "The union wants the port director to resign.", "RETREAT") == \
        "hypothetical"
    assert mood(coder, "The opposition wants the army to withdraw from the capital.",
                "RETREAT") == "hypothetical"


def test_condolences_offered_are_given_not_promised(coder):
    assert mood(coder, "The ambassador offered condolences to the families of the victims.",
                "SUPPORT") == "asserted"
    assert mood(coder, "Japan's prime minister offered his condolences to Turkey on Monday.",
                "SUPPORT") == "asserted"
