"""A blank line ends a sentence; a lead dateline never does.

A headline carries no full stop, and a paragraph may end in a closing quotation mark the parser
reads as the start of the next sentence; either way the model's parser would run the headline
into the lede ("... rejects 'threats' ANKARA, Sept 24 (Reuters) - Turkey accused ..."), and a
phrase read from that parse would join words of two sentences. Marking the first word after a
paragraph break as a sentence start before the parser runs makes it parse each paragraph apart
(spaCy's parser keeps sentence starts, and non-starts, set before it). A paragraph that opens
with a dateline ("VILNIUS, Lithuania (AP) -- Belarus released ...") would then be cut after
its capitalised place name, so the words of the dateline, and the first word after it, are
marked as no sentence start: the dateline stays with its lede.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.ingest.dateline import lead_span
from sitrep.nlp.document import article_of

PARAGRAPH_NEWLINES = 2


class ParagraphBreaks:
    """Sets ``token.is_sent_start`` after each blank line and inside the lead dateline."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return mark_paragraphs(doc)


def mark_paragraphs(doc: Doc) -> Doc:
    """The word after a blank line starts a sentence (the break stays with the one before);
    no word of the article's lead dateline, nor the word after it, does."""
    for token in doc[:-1]:
        if token.text.isspace() and token.text.count("\n") >= PARAGRAPH_NEWLINES:
            doc[token.i + 1].is_sent_start = True
    article = article_of(doc)
    lead = lead_span(doc.text, article.dateline_start, article.dateline_end)
    if lead is None:
        return doc
    span = doc.char_span(lead[0], lead[1], alignment_mode="expand")
    if span is None:
        return doc
    for token in doc[span.start + 1:min(span.end + 1, len(doc))]:
        if not token.text.isspace():
            token.is_sent_start = False
    return doc
