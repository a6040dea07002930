"""Where documents come from: paths, folders and standard input, each to articles or errors.

A bad input never stops the others: every reader here turns a bad document into an
:class:`~sitrep.errors.InputError` in the stream, named after the file (``path:LINE`` for a
JSON Lines record), and goes on.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from io import BufferedReader
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from sitrep.errors import InputError
from sitrep.ingest import decode
from sitrep.ingest.dates import check_published
from sitrep.ingest.html import looks_like_html, parse_html
from sitrep.ingest.jsonl import TOO_LONG, parse_json_object, parse_jsonl_lines
from sitrep.ingest.text import parse_text
from sitrep.model import Article

STDIN = "-"
SUFFIX_KINDS = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
"""File suffixes a folder is searched for, and the kind each is read as."""
SINGLE_KINDS = ("txt", "html")
"""Kinds whose file holds one article: it takes the file's name as its id."""
_KIND_NAMES = {"txt": "txt", "text": "txt", "html": "html", "htm": "html", "json": "json",
               "jsonl": "jsonl", "ndjson": "jsonl"}

Item = Article | InputError


def read_documents(paths: Iterable[str], *, published: str | None = None) -> Iterator[Item]:
    """Every document named by ``paths``, in order: an article or an error for each.

    ``-`` is standard input; a folder gives its ``.txt``, ``.html``, ``.htm`` and ``.jsonl``
    files, recursively, sorted, hidden ones skipped. ``published`` (``YYYY-MM-DD``) fills in
    for documents that carry no date; a malformed one raises :class:`InputError` at once.
    """
    published = check_published(published)
    return chain.from_iterable(_read_path(path, published) for path in paths)


def parse_document(data: bytes | str, *, kind: str, source: str,
                   published: str | None = None) -> list[Article]:
    """The articles of one uploaded document of ``kind`` txt, html, json or jsonl.

    Raises :class:`InputError` for a bad document, or for the first bad line of JSON Lines.
    """
    published = check_published(published)
    name = _KIND_NAMES.get(kind.lower().lstrip("."))
    if name is None:
        raise InputError(source, f"unknown kind {kind!r}: expected txt, html, json or jsonl")
    if isinstance(data, bytes):
        decode.check_size(len(data), source)
        text = decode.decode_bytes(data, source)
    else:
        decode.check_size(len(data.encode("utf-8", errors="replace")), source)
        text = decode.check_text(data, source)
    articles = []
    for item in _parse_text(text, name, source, published):
        if isinstance(item, InputError):
            raise item
        articles.append(item)
    return articles


def document_paths(folder: Path) -> list[Path]:
    """The readable documents under ``folder``: known suffixes, recursive, sorted, not hidden."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root, name) for name in files
                     if not name.startswith(".") and Path(name).suffix.lower() in SUFFIX_KINDS)
    return sorted(found)


def display_name(path: str | Path) -> str:
    """A path as valid text: bytes of a file name that are not UTF-8 (which Python keeps as lone
    surrogates) are written as ``\\xff``, so the name can be printed and stored."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _read_path(path: str, published: str | None) -> Iterator[Item]:
    if path == STDIN:
        yield from _read_stream(sys.stdin.buffer, STDIN, published)
        return
    where = Path(path)
    if where.is_dir():
        files = document_paths(where)
        if not files:
            yield InputError(display_name(path), "no documents (.txt, .html, .htm, .jsonl) in "
                                                 "this folder")
        for file in files:
            yield from _read_file(file, published)
    elif where.exists():
        yield from _read_file(where, published)
    else:
        yield InputError(display_name(path), "no such file or folder")


def _read_file(path: Path, published: str | None) -> Iterator[Item]:
    """One file's documents; the kind comes from the suffix, or is sniffed when unknown."""
    source = display_name(path)
    kind = SUFFIX_KINDS.get(path.suffix.lower())
    try:
        if not path.is_file():
            raise InputError(source, "not a regular file")
        if kind == "jsonl":
            with path.open("rb") as handle:
                yield from _read_jsonl_stream(handle, source, published)
            return
        decode.check_size(path.stat().st_size, source)
        text = decode.decode_bytes(path.read_bytes(), source)
        kind = kind or _sniff(text)
        for item in _parse_text(text, kind, source, published):
            yield _named_after(item, path) if kind in SINGLE_KINDS else item
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError(source, f"cannot read: {err.strerror or err}")


def _named_after(item: Item, path: Path) -> Item:
    """A one-article file's article, with the file name as its id (``niger.txt``), so a user
    finds it again by the name they gave it; the content hash still decides re-ingests."""
    return replace(item, id=display_name(path.name)) if isinstance(item, Article) else item


def _read_jsonl_stream(handle: BufferedReader, source: str, published: str | None
                       ) -> Iterator[Item]:
    """JSON Lines read line by line, so a large corpus is never held whole.

    The head is checked for binary content first; UTF-16 input is decoded whole instead.
    """
    head = handle.peek(decode.SAMPLE_BYTES)[:decode.SAMPLE_BYTES]
    if decode.bom_encoding(head) == "utf-16":
        yield from _read_whole(handle, source, published, kind="jsonl")
        return
    decode.reject_binary(head, source)
    yield from parse_jsonl_lines(_lines(handle), source, published)


def _read_stream(handle: BinaryIO, source: str, published: str | None) -> Iterator[Item]:
    """Standard input: JSON Lines (streamed) when its first non-empty line is a JSON object,
    else one document, HTML when it starts with markup, else text."""
    head: list[bytes | None] = []
    for line in _lines(handle):
        head.append(line)
        if line is TOO_LONG or line.strip():
            break
    first = head[-1] if head else None
    if first is not TOO_LONG and _is_json_object(first):
        yield from parse_jsonl_lines(chain(head, _lines(handle)), source, published)
        return
    if TOO_LONG in head:
        yield InputError(source, f"too large: over the limit of {decode.MAX_BYTES:,} bytes")
        return
    yield from _read_whole(handle, source, published, kind=None,
                           head=b"".join(line for line in head if line is not None))


def _read_whole(handle: BinaryIO, source: str, published: str | None, *, kind: str | None,
                head: bytes = b"") -> Iterator[Item]:
    """Read the rest of a stream as one document, refusing it past the size limit."""
    try:
        data = head + handle.read(decode.MAX_BYTES + 1 - len(head))
        if len(data) > decode.MAX_BYTES:
            raise InputError(source, f"too large: over the limit of {decode.MAX_BYTES:,} bytes")
        text = decode.decode_bytes(data, source)
    except InputError as err:
        yield err
        return
    yield from _parse_text(text, kind or _sniff(text), source, published)


def _parse_text(text: str, kind: str, source: str, published: str | None) -> Iterator[Item]:
    """The articles of a decoded document of a known kind."""
    try:
        if kind == "jsonl":
            yield from parse_jsonl_lines(_split_lines(text), source, published)
        elif kind == "json":
            yield parse_json_object(text, source, published)
        elif kind == "html":
            yield parse_html(text, source, published)
        else:
            yield parse_text(text, source, published)
    except InputError as err:
        yield err


def _sniff(text: str) -> str:
    """jsonl, html or txt, for input that does not say what it is."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    if _is_json_object(first):
        return "jsonl"
    return "html" if looks_like_html(text) else "txt"


def _is_json_object(line: bytes | str | None) -> bool:
    if isinstance(line, bytes):
        line = line.removeprefix(codecs.BOM_UTF8)
    if line is None:
        return False
    if not (line.strip().startswith(b"{") if isinstance(line, bytes)
            else line.strip().startswith("{")):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False


def _split_lines(text: str) -> list[str]:
    """Lines split on newlines only: JSON strings may hold U+2028 and its kin."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def _lines(handle: BinaryIO) -> Iterator[bytes | None]:
    """Raw lines of a stream, each at most the size limit; :data:`TOO_LONG` for a longer one,
    whose bytes are skipped, never held."""
    limit = decode.MAX_BYTES
    while line := handle.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(limit)) and not rest.endswith(b"\n"):
                pass
            yield TOO_LONG
        else:
            yield line
