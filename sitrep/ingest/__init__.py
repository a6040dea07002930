"""Documents in, :class:`~sitrep.model.Article` out: files, folders, standard input and
uploads of text, HTML and JSON Lines, with datelines read for date, place and agency."""

from __future__ import annotations

from sitrep.ingest.sources import SUFFIX_KINDS, document_paths, parse_document, read_documents

__all__ = ["SUFFIX_KINDS", "document_paths", "parse_document", "read_documents"]
