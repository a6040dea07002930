"""A blank line ends a sentence; a lead dateline is a fragment of its own."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.model import Article
from sitrep.nlp.document import set_article
from sitrep.nlp.paragraphs import mark_paragraphs

HEADLINE = "Rebels seize border town"
LEDE = "GOMA, Congo (Reuters) - Rebels seized the town of Bunagana on Monday."


def _doc(words: list[str], spaces: list[bool]) -> Doc:
    return Doc(Vocab(), words=words, spaces=spaces)


def test_the_word_after_a_blank_line_starts_a_sentence() -> None:
    doc = mark_paragraphs(_doc(["Rebels", "seize", "town", "\n\n", "Troops", "left", "."],
                               [True, True, False, False, True, False, False]))
    assert doc[4].is_sent_start is True
    assert doc[1].is_sent_start is None  # the parser decides elsewhere


def test_a_single_line_break_is_no_paragraph() -> None:
    doc = mark_paragraphs(_doc(["Special", "correspondent", "\n", "Troops", "left", "."],
                               [True, False, False, True, False, False]))
    assert doc[3].is_sent_start is None


def test_the_lead_dateline_is_a_fragment_of_its_own_and_the_lede_starts_after_it() -> None:
    text = f"{HEADLINE}\n\n{LEDE}"
    start = text.index("GOMA")
    article = Article(id="a", text=text, dateline_start=start, dateline_end=start + 4)
    doc = Doc(Vocab(), words=[*HEADLINE.split(), "\n\n", "GOMA", ",", "Congo", "(", "Reuters",
                              ")", "-", "Rebels", "seized", "the", "town", "of", "Bunagana",
                              "on", "Monday", "."],
              spaces=[True, True, True, False, False, False, True, True, False, False, True,
                      True, True, True, True, True, True, True, True, False, False])
    assert doc.text == text
    set_article(doc, article)
    mark_paragraphs(doc)
    words = [t.text for t in doc]
    goma, rebels = words.index("GOMA"), words.index("Rebels")
    assert doc[goma].is_sent_start is True
    assert all(t.is_sent_start is False for t in doc[goma + 1:rebels])
    assert doc[rebels].is_sent_start is True
    assert doc[rebels + 1].is_sent_start is None


def test_the_pipeline_parses_a_headline_apart_from_its_lede(coder) -> None:
    doc = coder.nlp(f"{HEADLINE}\n\n{LEDE}")
    first = next(iter(doc.sents))
    assert first.text.strip() == HEADLINE


def test_a_mark_joining_two_headlines_starts_a_sentence_in_the_headline_only() -> None:
    title = "Army shells town ; rebels vow revenge"
    text = f"{title}\n\nTroops left ; rebels stayed ."
    words = text.replace("\n\n", " \n\n ").split(" ")
    doc = Doc(Vocab(), words=words, spaces=[True] * len(words))
    set_article(doc, Article(id="a", text=doc.text, title=title))
    mark_paragraphs(doc)
    tokens = [t.text for t in doc]
    rebels = tokens.index("rebels")
    assert doc[rebels].is_sent_start is True
    later = tokens.index("rebels", rebels + 1)
    assert doc[later].is_sent_start is None  # a body's semicolon is the parser's to read


def test_in_a_text_of_paragraph_lines_a_single_line_break_ends_a_sentence() -> None:
    long_line = ["Police"] + ["said"] * 40 + ["."]
    words = ["21:30", "-", "Tear", "gas", "fired", "\n", *long_line, "\n", "-", "Ten", "held"]
    spaces = [True, True, True, True, False, False, *([True] * 41), False, False, True, True,
              False]
    doc = mark_paragraphs(_doc(words, spaces))
    assert len(doc.text.split("\n")[1]) >= 160
    assert doc[6].is_sent_start is True  # "Police", after the update's title
    assert doc[words.index("-", 7)].is_sent_start is True  # the list's item


def test_a_text_wrapped_at_a_fixed_width_keeps_its_line_breaks_inside_sentences() -> None:
    words = ["Troops", "of", "the", "army", "\n", "crossed", "the", "river", "."]
    doc = mark_paragraphs(_doc(words, [True, True, True, False, False, True, True, False,
                                       False]))
    assert doc[5].is_sent_start is None
