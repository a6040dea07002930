"""Countries a sentence names, for agreements whose arguments name only one party."""

from __future__ import annotations

from factories import make_event

from sitrep.situation.parties import named_countries, parties


def test_names_abbreviations_and_demonyms_are_read() -> None:
    assert named_countries("The U.S. and the Nigerien junta ended the pact.") == {"USA", "NER"}
    assert named_countries("The United States signed a US-Chad accord.") == {"USA", "TCD"}


def test_capitalised_words_that_are_no_country_are_not() -> None:
    sentence = "Pentagon Deputy Press Secretary Sabrina Singh said so in March."
    assert named_countries(sentence) == set()


def test_two_known_parties_are_enough() -> None:
    event = make_event("a", "AGREE", actor_country="RUS", recipient_country="NER",
                       sentence="Russia and Niger signed a pact, France said.", trigger="signed")
    assert parties(event) == ["NER", "RUS"]
