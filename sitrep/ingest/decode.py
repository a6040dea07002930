"""Bytes to text, refusing what is not a text document: too large, binary, empty, bad UTF-8."""

from __future__ import annotations

import codecs
import re

from sitrep.errors import InputError

MAX_BYTES = 10 * 1024 * 1024
"""The largest document (or JSON Lines line) sitrep reads; checked before reading a file."""
MAX_CHARS = 1_000_000
"""The longest text, in characters, sitrep codes: the parser reads it paragraph by paragraph,
but places, times and events are read over the whole text, so time and memory grow with it."""

SAMPLE_BYTES = 8192
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13} | {127}
_MAX_CONTROL_SHARE = 0.05
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_size(size: int, source: str) -> None:
    """Refuse a document over :data:`MAX_BYTES` before any of it is read."""
    if size > MAX_BYTES:
        raise InputError(source, f"too large: {size:,} bytes, over the limit of {MAX_BYTES:,}")


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, or None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def reject_binary(sample: bytes, source: str) -> None:
    """Refuse bytes that are not text: NUL bytes or many control bytes.

    Text in a legacy encoding (Latin-1, cp1251) passes here and fails as invalid UTF-8, with
    its position: more use to whoever has to convert it than a verdict of "binary".
    """
    if b"\x00" in sample:
        raise InputError(source, "binary content (NUL bytes), not a text document")
    head = sample[:SAMPLE_BYTES]
    if not head:
        return
    controls = sum(1 for byte in head if byte in _CONTROL)
    if controls / len(head) > _MAX_CONTROL_SHARE:
        raise InputError(source, "binary content (mostly not text), not a text document")


def decode_bytes(data: bytes, source: str) -> str:
    """The text of a whole document: UTF-8 (a BOM is dropped) or UTF-16 with a BOM."""
    if not data:
        raise InputError(source, "empty document")
    encoding = bom_encoding(data)
    if encoding is None:
        reject_binary(data, source)
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(source, _decode_error(err, data, encoding)) from err
    return check_text(text, source)


def decode_line(raw: bytes, source: str, *, first: bool = False) -> str:
    """One JSON Lines line as text; the first line may carry a UTF-8 BOM."""
    if first:
        raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(source, f"invalid UTF-8 at byte {err.start} of the line") from err


def check_text(text: str, source: str) -> str:
    """Refuse a decoded document that is empty, whitespace only, or not valid Unicode text
    (NUL characters, lone surrogates)."""
    if not text.strip():
        raise InputError(source, "empty document (only whitespace)" if text else "empty document")
    if "\x00" in text:
        raise InputError(source, "binary content (NUL characters), not a text document")
    return check_string(text, source, "text")


def check_article_text(text: str, source: str, name: str = "text") -> str:
    """Refuse the text of one article when it is longer than :data:`MAX_CHARS` or is not
    valid Unicode; every reader of articles (text, HTML, JSON) passes its text through here."""
    if len(text) > MAX_CHARS:
        raise InputError(source, f"too long: {len(text):,} characters, over the limit of "
                                 f"{MAX_CHARS:,}")
    return check_string(text, source, name)


def check_string(value: str, source: str, name: str) -> str:
    """Refuse a string (a field of a record) holding a NUL character or a lone surrogate.

    JSON escapes (``"\\u0000"``, ``"\\ud800"``) decode to both; neither can be stored or
    encoded as UTF-8, so they are stopped here, at the edge, with where they stand.
    """
    nul = value.find("\x00")
    if nul >= 0:
        raise InputError(source, f"{name} holds a NUL character at character {nul}")
    surrogate = _SURROGATE.search(value)
    if surrogate:
        raise InputError(source, f"{name} holds a lone surrogate "
                                 f"U+{ord(surrogate.group()):04X} at character "
                                 f"{surrogate.start()}: not valid Unicode")
    return value


def _decode_error(err: UnicodeDecodeError, data: bytes, encoding: str) -> str:
    """Say where decoding failed, as a byte offset and a line and column."""
    if not encoding.startswith("utf-8"):
        return f"invalid {encoding.upper()} at byte {err.start}"
    before = data[:err.start]
    line = before.count(b"\n") + 1
    column = err.start - (before.rfind(b"\n") + 1) + 1
    return f"invalid UTF-8 at byte {err.start} (line {line}, column {column})"
