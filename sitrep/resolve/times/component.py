"""The time tagger as a spaCy component: every time expression of a ``Doc`` as a span of
``doc.spans["times"]``, labelled with its TIMEX3 type, its :class:`~sitrep.model.TimeMention`
on ``span._.timex``.

Relative expressions resolve against ``doc._.reference`` (the article's publication day, which
the caller sets before the pipeline runs: ``nlp.make_doc`` then ``doc._.reference = day``);
without it they stay unresolved, as with :func:`tag_times`. The component reads the parse the
pipeline made (for the clause's tense), so it goes after the parser.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.model import TimeMention
from sitrep.resolve.times.tagger import tag_times

TIME_SPANS = "times"


def register_extensions() -> None:
    """``Doc._.reference`` (a date or None) and ``Span._.timex`` (a TimeMention), once."""
    if not Doc.has_extension("reference"):
        Doc.set_extension("reference", default=None)
    if not Span.has_extension("timex"):
        Span.set_extension("timex", default=None)


class TimeTagger:
    """Writes ``doc.spans["times"]``; one span per mention :func:`tag_times` finds."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for mention in tag_times(doc.text, doc._.reference, "", doc=doc):
            span = doc.char_span(mention.start, mention.end, label=mention.type,
                                 alignment_mode="expand")
            if span is not None:
                span._.timex = mention
                spans.append(span)
        doc.spans[TIME_SPANS] = spans
        return doc


def doc_times(doc: Doc, doc_id: str) -> list[TimeMention]:
    """The mentions the component stored on ``doc``, named for ``doc_id``."""
    if TIME_SPANS not in doc.spans:
        return []
    return [replace(span._.timex, doc_id=doc_id) for span in doc.spans[TIME_SPANS]
            if span._.timex is not None]
