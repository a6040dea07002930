"""JSON Lines documents: one ``{"id", "text", ...}`` object per line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sitrep.errors import InputError
from sitrep.ingest import dates
from sitrep.ingest.dateline import read_dateline
from sitrep.ingest.decode import check_article_text, check_string, decode_line
from sitrep.model import Article, content_hash

TOO_LONG = None
"""Stands in a line stream for a line over the size limit (its bytes are never held)."""

_OPTIONAL_STRINGS = ("title", "url", "publisher", "language")


def read_jsonl_records(path: Path) -> Iterator[dict[str, Any]]:
    """Parsed objects of a JSON Lines file, skipping blank lines (no validation)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def parse_jsonl_lines(lines: Iterable[bytes | str | None], source: str,
                      published: str | None = None) -> Iterator[Article | InputError]:
    """An article per good line and an :class:`InputError` named ``source:LINE`` per bad one.

    ``lines`` are raw lines (bytes are decoded here, so one bad line spoils only itself) or
    :data:`TOO_LONG`. Blank lines are skipped; a stream with no document at all is an error.
    """
    found = False
    for number, line in enumerate(lines, start=1):
        where = f"{source}:{number}"
        try:
            text = _line_text(line, where, first=number == 1)
            if not text.strip():
                continue
            found = True
            yield article_from_record(_load_object(text, where), source, published, where=where)
        except InputError as err:
            found = True
            yield err
    if not found:
        yield InputError(source, "empty document: no JSON Lines records")


def parse_json_object(text: str, source: str, published: str | None = None) -> Article:
    """One JSON object holding one document (an upload of kind ``json``)."""
    return article_from_record(_load_object(text, source), source, published)


def article_from_record(record: dict[str, Any], source: str, published: str | None = None,
                        *, where: str | None = None) -> Article:
    """The article a JSON record describes; its own ``published`` wins over the option.

    Without one, the text's dateline is read for the date; the dateline's place and agency
    are read either way. ``where`` names the record in errors (default: ``source``).
    """
    where = where or source
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(where, 'no "text" string' if text is None else '"text" is not a string')
    if not text.strip():
        raise InputError(where, '"text" is empty')
    check_article_text(text, where, '"text"')
    fields = {name: _optional_string(record, name, where) for name in _OPTIONAL_STRINGS}
    own = _record_published(record, where)
    dateline = read_dateline(text, own or published)
    return Article(
        id=_record_id(record, text, where), text=text, title=fields["title"],
        published=own or dateline.published or published, url=fields["url"],
        publisher=fields["publisher"] or dateline.publisher,
        language=fields["language"] or "en", source=source, **dateline.article_fields(),
    )


def _line_text(line: bytes | str | None, where: str, *, first: bool) -> str:
    if line is TOO_LONG:
        raise InputError(where, "line too large: over the size limit")
    return decode_line(line, where, first=first) if isinstance(line, bytes) else line


def _load_object(text: str, where: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(where, f"not valid JSON: {err.msg} (column {err.colno})") from err
    except ValueError as err:  # a number too long to convert
        raise InputError(where, f"not valid JSON: {err}") from err
    except RecursionError as err:
        raise InputError(where, "not valid JSON: nested too deeply") from err
    if not isinstance(value, dict):
        raise InputError(where, f"not a JSON object but {type(value).__name__}")
    return value


def _record_id(record: dict[str, Any], text: str, where: str) -> str:
    """The record's own id (a string or an integer), else the content hash."""
    value = record.get("id")
    if value is None:
        return content_hash(text)
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(where, '"id" is not a string')
    if not str(value).strip():
        raise InputError(where, '"id" is empty')
    return check_string(str(value), where, '"id"')


def _record_published(record: dict[str, Any], where: str) -> str | None:
    value = record.get("published")
    if value is None:
        return None
    normal = dates.normalise_published(value) if isinstance(value, str) else None
    if normal is None:
        raise InputError(where, f'bad "published" {value!r}: expected {dates.PUBLISHED_RULE}')
    return normal


def _optional_string(record: dict[str, Any], name: str, where: str) -> str | None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise InputError(where, f'"{name}" is not a string')
    return check_string(value, where, f'"{name}"') if value else None
