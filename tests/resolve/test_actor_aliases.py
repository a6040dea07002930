"""The names an article gives its own actors: abbreviations in brackets, "known as", surnames."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from sitrep.model import Actor, Article
from sitrep.resolve.actors.aliases import bracketed, collect, known_as, short_names

VERBS, PREPS = frozenset({"know"}), frozenset({"as"})


def bracket_doc() -> Doc:
    """The Philippine Department of Foreign Affairs ( DFA ) said ."""
    words = ["The", "Philippine", "Department", "of", "Foreign", "Affairs", "(", "DFA", ")",
             "said", "."]
    heads = [2, 2, 9, 2, 5, 3, 5, 5, 5, 9, 9]
    deps = ["det", "compound", "nsubj", "prep", "compound", "pobj", "punct", "appos", "punct",
            "ROOT", "punct"]
    pos = ["DET", "PROPN", "PROPN", "ADP", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB",
           "PUNCT"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_an_abbreviation_in_brackets_names_the_whole_phrase_before_it():
    doc = bracket_doc()
    alias, long_form = bracketed(doc[6])
    assert alias == ("DFA",)
    assert long_form.text == "The Philippine Department of Foreign Affairs"


def test_brackets_that_hold_a_place_a_date_or_a_lower_case_word_give_no_alias():
    doc = bracket_doc()
    assert bracketed(doc[7]) is None  # not a bracket
    doc.ents = [Span(doc, 7, 8, label="GPE")]  # "Kenya (Nairobi)" says where, not who
    assert bracketed(doc[6]) is None
    words = ["the", "ministry", "(", "which", ")", "said"]
    lower = Doc(spacy.blank("en").vocab, words=words)
    assert bracketed(lower[2]) is None


def known_doc() -> Doc:
    """Ghana 's Electoral Commission , known locally as the EC , ruled ."""
    words = ["Ghana", "'s", "Electoral", "Commission", ",", "known", "locally", "as", "the",
             "EC", ",", "ruled", "."]
    heads = [3, 0, 3, 11, 3, 3, 5, 5, 9, 7, 3, 11, 11]
    deps = ["poss", "case", "compound", "nsubj", "punct", "acl", "advmod", "prep", "det",
            "pobj", "punct", "ROOT", "punct"]
    pos = ["PROPN", "PART", "PROPN", "PROPN", "PUNCT", "VERB", "ADV", "ADP", "DET", "PROPN",
           "PUNCT", "VERB", "PUNCT"]
    lemmas = ["Ghana", "'s", "Electoral", "Commission", ",", "know", "locally", "as", "the",
              "EC", ",", "rule", "."]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
               lemmas=lemmas)


def test_a_name_known_as_stands_for_the_noun_it_hangs_on():
    doc = known_doc()
    alias, long_form = known_as(doc[5], VERBS, PREPS)
    assert alias == ("EC",)
    assert [t.text for t in long_form] == ["Ghana", "'s", "Electoral", "Commission"]
    assert known_as(doc[11], VERBS, PREPS) is None  # "ruled" names nothing


def test_a_surname_is_the_last_word_of_a_name_of_two_words_or_more():
    doc = Doc(spacy.blank("en").vocab, words=["President", "Nalin", "Perera", "left"])
    doc.ents = [Span(doc, 1, 3, label="PERSON")]
    assert short_names(doc.ents[0]) == [("Perera",)]
    alone = Doc(spacy.blank("en").vocab, words=["Perera", "left"])
    alone.ents = [Span(alone, 0, 1, label="PERSON")]
    assert short_names(alone.ents[0]) == []


def _person(words: list[str], spaces: list[bool], start: int, end: int) -> Span:
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, start, end, label="PERSON")]
    return doc.ents[0]


def test_a_surname_of_several_words_is_known_by_its_last_words():
    name = _person(["Hussein", "Ould", "Meddou", "said"], [True] * 4, 0, 3)
    assert short_names(name) == [("Meddou",), ("Ould", "Meddou")]
    assert short_names(_person(["Sipho", "Dlamini"], [True, True], 0, 2)) == [("Dlamini",)]


def test_a_family_name_written_before_a_hyphenated_given_name_is_a_short_name():
    korean = _person(["Lee", "Jae", "-", "myung", "met"], [True, False, False, True, False],
                     0, 4)
    assert ("Lee",) in short_names(korean)
    assert short_names(korean)[0] == ("Jae", "-", "myung")  # the hyphenated word is one
    western = _person(["Jean", "-", "Pierre", "Bemba", "spoke"],
                      [False, False, True, True, False], 0, 4)
    assert short_names(western) == [("Bemba",)]  # both halves capitalised: given name first


def test_an_alias_given_to_two_actors_stands_for_neither():
    joe = Actor(text="Joe Smith", name="Joe Smith", country="USA", sector="GOV")
    ann = Actor(text="Ann Smith", name="Ann Smith", country="GBR", sector="GOV")
    again = Actor(text="Joe Smith", name="Joe Smith", country="USA", sector="GOV")
    table = collect([(("Smith",), joe), (("Smith",), again), (("DFA",), joe)])
    assert table[("Smith",)] is joe or table[("Smith",)] is again
    assert collect([(("Smith",), joe), (("Smith",), ann)]) == {}


# -- with the real pipeline ------------------------------------------------------------------


def _actors(coder, text: str, trigger: str) -> list[tuple[str | None, str | None]]:
    events = coder.code_article(Article(id="a", text=text, published="2024-05-03")).events
    return [(a.country, a.sector) for e in events if trigger in e.evidence.trigger
            for a in e.actors]


@pytest.mark.slow
def test_an_abbreviation_takes_the_long_forms_actor_over_the_codebooks(coder):
    text = ("Ghana's Electoral Commission, known locally as the EC, declared the result on "
            "Sunday. The EC rejected a request for a recount on Monday.")
    assert "GHA" in [country for country, _ in _actors(coder, text, "rejected")]


@pytest.mark.slow
def test_a_surname_and_a_title_with_it_take_the_persons_actor(coder):
    text = ("Ugandan army commander General Moses Kagoro visited the border on Friday. "
            "General Kagoro threatened to pursue the rebels into Congo.")
    assert ("UGA", "MIL") in _actors(coder, text, "threatened")
