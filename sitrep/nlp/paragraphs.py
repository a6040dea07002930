"""A blank line ends a sentence, and so does a lead dateline.

A headline carries no full stop, and a paragraph may end in a closing quotation mark the parser
reads as the start of the next sentence; either way the model's parser would run the headline
into the lede ("... seize border town GOMA, Congo (Reuters) - Rebels seized ..."), and a
phrase read from that parse would join words of two sentences. Marking the first word after a
paragraph break as a sentence start before the parser runs makes it parse each paragraph apart
(spaCy's parser keeps sentence starts, and non-starts, set before it). A lead dateline
("GOMA, Congo (AP) —") is no part of the lede's grammar either: parsed with it, its
place name becomes the subject of the lede's verb. It is kept as one fragment of its own, and
the lede starts after its separator. A headline that joins two headlines with a mark
(``headline_clause_marks`` of ``cues/clauses.json``: "X does A; Y vows B") is two sentences:
parsed as one, the second clause's doer hangs on the first clause's verb.

In a text whose paragraphs are lines (some line is longer than a wrapped line can be: web
copy, a live blog), a single line break ends a sentence too: a heading or a time-stamped
update's title ("21:30 - Tear gas outside parliament") carries no full stop, and a list's
items none either. A text wrapped at a fixed width keeps its single line breaks inside
sentences.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from sitrep.codebook.lexicon import load_codebook
from sitrep.ingest.dateline import lead_span
from sitrep.nlp.document import article_of

PARAGRAPH_NEWLINES = 2
LINE_PARAGRAPH_CHARS = 160
"""A line at least this long is a paragraph, not a wrapped line (wrapping stops near 80)."""


class ParagraphBreaks:
    """Sets ``token.is_sent_start`` after each blank line and around the lead dateline."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return mark_paragraphs(doc)


def mark_paragraphs(doc: Doc) -> Doc:
    """The word after a blank line starts a sentence (the break stays with the one before), and
    so does the first word after the article's lead dateline, whose own words start none, and
    the first word after a mark that joins two clauses of the headline."""
    breaks = 1 if _lines_are_paragraphs(doc.text) else PARAGRAPH_NEWLINES
    for token in doc[:-1]:
        if _line_break(token, breaks):
            doc[token.i + 1].is_sent_start = True
    article = article_of(doc)
    _split_headline(doc, article.title_end)
    lead = lead_span(doc.text, article.dateline_start, article.dateline_end)
    if lead is None:
        return doc
    span = doc.char_span(lead[0], lead[1], alignment_mode="expand")
    if span is None:
        return doc
    for token in doc[span.start + 1:span.end]:
        token.is_sent_start = False
    after = next((t for t in doc[span.end:] if not t.text.isspace()), None)
    if after is not None:
        after.is_sent_start = True
    return doc


def _lines_are_paragraphs(text: str) -> bool:
    """Whether a line of ``text`` is too long to be a wrapped one."""
    return any(len(line) >= LINE_PARAGRAPH_CHARS for line in text.split("\n"))


def _line_break(token: Token, newlines: int) -> bool:
    """Whether the token is white space holding at least ``newlines`` line breaks (a single
    line break may also trail a word's token, which spaCy keeps in its white space)."""
    return token.text.isspace() and token.text.count("\n") >= newlines


def _split_headline(doc: Doc, title_end: int) -> None:
    """The word after each clause mark of the headline (the text before ``title_end``) starts
    a sentence, when words of the headline follow it."""
    if not title_end:
        return
    marks = load_codebook().cue("headline_clause_marks")
    for token in doc[:-1]:
        if token.idx >= title_end:
            return
        after = doc[token.i + 1]
        if token.text in marks and after.idx < title_end and not after.text.isspace():
            after.is_sent_start = True
