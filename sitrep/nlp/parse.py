"""Parse texts of any accepted length in bounded time and memory, offsets kept exact.

Two things make spaCy's cost grow faster than the text: the tokenizer peels prefixes and
suffixes off an unbroken run of characters one at a time (15,000 emoji in a row took minutes),
and the model holds a whole document's arrays at once (a 500,000-character text took gigabytes).
So an unbroken run is tokenized in pieces of :data:`MAX_RUN` characters, and a text longer than
:data:`CHUNK_CHARS` is parsed in pieces cut at paragraph breaks, joined back with
``Doc.from_docs``. Every piece keeps its characters, so the joined ``Doc``'s text is the input
and every offset indexes it. The components that read a whole document at once
(:data:`WHOLE_DOC_PIPES`: a time expression resolves against the ones before it) run once over
the joined ``Doc``, not over its pieces.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

MAX_RUN = 200
"""The most characters without a space the tokenizer reads in one go; a longer run (a URL is
rarely longer) is cut into pieces of this size, each its own tokens."""
CHUNK_CHARS = 10_000
"""The most characters the model parses in one piece; a longer text is cut at a paragraph break
(else a line break, a sentence end, a space) so no news article is cut and a book is."""

BATCH_CHARS = 100_000
"""The most characters the model reads in one batch: its arrays grow with them."""

_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN + 1},}}")
_BREAKS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"(?<=[.!?])\s+"),
    re.compile(r"\s+"),
)
_JOIN_EXCLUDE = ("tensor", "user_data", "spans")
WHOLE_DOC_PIPES = ("sitrep_times", "sitrep_places", "sitrep_place_resolver", "sitrep_actors",
                   "sitrep_coreference", "sitrep_triggers")
"""Components that write document-wide spans: over a long text they run after the join, which
would drop the spans each piece had."""

T = TypeVar("T")


def split_text(text: str, size: int | None = None) -> list[str]:
    """Pieces of at most ``size`` (default :data:`CHUNK_CHARS`) characters whose concatenation
    is exactly ``text``."""
    size = size or CHUNK_CHARS
    pieces = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece starting at ``start`` ends: after the last break of the strongest kind
    found before ``limit``, else at ``limit``."""
    window = text[start:limit]
    for pattern in _BREAKS:
        end = max((match.end() for match in pattern.finditer(window)), default=0)
        if end > 0:
            return start + end
    return limit


def make_doc(nlp: Language, text: str) -> Doc:
    """The tokens of ``text``, reading an unbroken run longer than :data:`MAX_RUN` in pieces
    (so tokenizing it costs time in proportion to its length)."""
    if _LONG_RUN.search(text) is None:
        return nlp.make_doc(text)
    parts = []
    start = 0
    for run in _LONG_RUN.finditer(text):
        parts.append(text[start:run.start()])
        parts.extend(text[i:min(i + MAX_RUN, run.end())]
                     for i in range(run.start(), run.end(), MAX_RUN))
        start = run.end()
    parts.append(text[start:])
    docs = [nlp.make_doc(part) for part in parts if part]
    return _from_docs(docs)


def _from_docs(docs: list[Doc]) -> Doc:
    """``Doc.from_docs`` without spaces added between the docs (their text is already whole)
    and without the tensors, which nothing downstream reads."""
    joined: Doc = Doc.from_docs(docs, ensure_whitespace=False,
                                exclude=_JOIN_EXCLUDE)  # type: ignore[call-arg]
    return joined


def parse_stream(nlp: Language, items: Iterable[tuple[str, T]], *, batch_size: int = 32,
                 n_process: int = 1, prepare: Callable[[Doc, T], object] | None = None
                 ) -> Iterator[tuple[Doc, T]]:
    """``nlp.pipe`` over ``(text, context)`` pairs, yielding ``(doc, context)`` in order.

    ``prepare`` gives each ``Doc`` what its context knows before the components run (the
    article's reference day, for the time tagger).

    Texts go to the model in batches of at most ``batch_size`` texts and :data:`BATCH_CHARS`
    characters, since the model's memory grows with the characters of a batch; a text longer
    than :data:`CHUNK_CHARS` goes alone, as its pieces, and comes out as one ``Doc`` whose text
    is the input text.
    """
    batch: list[tuple[Doc, T]] = []
    size = 0
    for text, context in items:
        if len(text) > CHUNK_CHARS:
            yield from _pipe(nlp, batch, n_process)
            batch, size = [], 0
            yield parse_long(nlp, text, _bind(prepare, context)), context
            continue
        doc = make_doc(nlp, text)
        if prepare is not None:
            prepare(doc, context)
        batch.append((doc, context))
        size += len(text)
        if len(batch) >= batch_size or size >= BATCH_CHARS:
            yield from _pipe(nlp, batch, n_process)
            batch, size = [], 0
    yield from _pipe(nlp, batch, n_process)


def _pipe(nlp: Language, batch: list[tuple[Doc, T]], n_process: int
          ) -> Iterator[tuple[Doc, T]]:
    if batch:
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch), n_process=n_process)


def _bind(prepare: Callable[[Doc, T], object] | None, context: T
          ) -> Callable[[Doc], object] | None:
    if prepare is None:
        return None
    return lambda doc: prepare(doc, context)


def parse_long(nlp: Language, text: str, prepare: Callable[[Doc], object] | None = None
               ) -> Doc:
    """A text of any accepted length, parsed piece by piece (:func:`split_text`), a batch of
    pieces at a time, joined into one ``Doc`` with the text's offsets; ``prepare`` and then
    the :data:`WHOLE_DOC_PIPES` run over the joined ``Doc``."""
    pieces = [make_doc(nlp, piece) for piece in split_text(text)]
    per_batch = max(1, BATCH_CHARS // CHUNK_CHARS)
    whole = [name for name in nlp.pipe_names if name in WHOLE_DOC_PIPES]
    with nlp.select_pipes(disable=whole):
        doc = join_docs(list(nlp.pipe(pieces, batch_size=per_batch)))
    if prepare is not None:
        prepare(doc)
    for name in whole:
        doc = nlp.get_pipe(name)(doc)
    return doc


def join_docs(docs: list[Doc]) -> Doc:
    """One ``Doc`` of parsed pieces, offsets shifted to index the whole text."""
    if len(docs) == 1:
        return docs[0]
    return _from_docs(docs)
