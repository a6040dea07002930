"""The time tagger as a spaCy component: every time expression of a ``Doc`` as a span of
``doc.spans["times"]``, labelled with its TIMEX3 type, its :class:`~sitrep.model.TimeMention`
on ``span._.timex``.

Relative expressions resolve against ``doc._.reference`` (the article's publication day, which
the caller sets before the pipeline runs: ``nlp.make_doc`` then ``doc._.reference = day``);
without it they stay unresolved, as with :func:`tag_times`. ``doc._.case_restored`` (set with
it) says the text's case was restored from all capitals, so capitals tell the tagger nothing.
The component reads the parse the pipeline made (for the clause's tense), so it goes after the
parser; in the default pipeline it runs before the place finder, and every later stage reads the
times from ``doc.spans["times"]`` (:func:`doc_times`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.model import TimeMention
from sitrep.resolve.times.tagger import tag_times

TIME_SPANS = "times"


def register_extensions() -> None:
    """``Doc._.reference`` (a date or None), ``Doc._.case_restored`` (a bool) and
    ``Span._.timex`` (a TimeMention), once."""
    if not Doc.has_extension("reference"):
        Doc.set_extension("reference", default=None)
    if not Doc.has_extension("case_restored"):
        Doc.set_extension("case_restored", default=False)
    if not Span.has_extension("timex"):
        Span.set_extension("timex", default=None)


class TimeTagger:
    """Writes ``doc.spans["times"]``; one span per mention :func:`tag_times` finds."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        upper = True if doc._.case_restored else None
        for mention in tag_times(doc.text, doc._.reference, "", doc=doc, upper=upper):
            span = doc.char_span(mention.start, mention.end, label=mention.type,
                                 alignment_mode="expand")
            if span is not None:
                span._.timex = mention
                spans.append(span)
        doc.spans[TIME_SPANS] = spans
        return doc


def doc_times(doc: Doc, doc_id: str) -> list[TimeMention]:
    """The mentions the component stored on ``doc``, named for ``doc_id`` (none when it did
    not run: see :func:`has_times`)."""
    if TIME_SPANS not in doc.spans:
        return []
    return [replace(span._.timex, doc_id=doc_id) for span in doc.spans[TIME_SPANS]
            if span._.timex is not None]


def has_times(doc: Doc) -> bool:
    """Whether the time tagger has run over ``doc`` (an empty result included)."""
    return TIME_SPANS in doc.spans


def mark_doc(doc: Doc, reference: date | None, case_restored: bool = False) -> Doc:
    """Give a ``Doc`` what the time tagger reads besides its words: the reference day, and
    whether its case was restored from all capitals. Call before the pipeline runs."""
    register_extensions()
    doc._.reference = reference
    doc._.case_restored = case_restored
    return doc
