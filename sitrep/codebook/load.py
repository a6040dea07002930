"""The one reader of sitrep's knowledge files and the one spelling key (``fold``).

Every lexicon, cue list, name table and mapping lives as a file under ``sitrep/codebook/``;
code asks for it by its path there ("actors/titles.tsv", "cues/modality.json") and gets it
parsed, checked and cached for the process. A missing or malformed file is a broken install,
so it is a ``SetupError`` that names the file, never an empty table.

Formats, all UTF-8:

- ``.tsv``: tab-separated rows; lines starting with ``#`` and blank lines are comments.
  ``load_table`` gives the rows as tuples of stripped cells; ``load_records`` reads the first
  non-comment row as the header and gives one dict per row.
- ``.txt``: one entry a line (the first tab-separated cell), comments as above: ``load_list``.
- ``.json``: ``load_json``; ``.jsonl``: one JSON object a line, ``load_records``.

Callers must not mutate what they get: the same object is handed to every caller.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from sitrep.errors import SetupError

PACKAGE = "sitrep.codebook"

_STRAIGHT = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    # Letters that Unicode does not decompose into a base letter and an accent.
    "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i", "ß": "ss",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d",
})
_SPACES = re.compile(r"\s+")


def fold(text: str, *, keep_case: bool = False) -> str:
    """The spelling key every lookup uses: accents stripped ("Erdoğan" → "erdogan"), quotes and
    dashes straightened, runs of white space made one space, ends trimmed, and case folded
    unless ``keep_case`` (place names keep it: "Niger" the country, "niger" nothing)."""
    text = unicodedata.normalize("NFKD", text.translate(_STRAIGHT))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SPACES.sub(" ", text).strip()
    return text if keep_case else text.casefold()


def _path(name: str) -> Traversable:
    path = resources.files(PACKAGE)
    for part in name.split("/"):
        path = path.joinpath(part)
    return path


@cache
def read_text(name: str) -> str:
    """The text of one codebook file, by its path under ``sitrep/codebook/``."""
    try:
        return _path(name).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise SetupError(f"codebook file {name} is missing from the sitrep package") from exc
    except UnicodeDecodeError as exc:
        raise SetupError(f"codebook file {name} is not UTF-8: {exc}") from exc


def _lines(name: str) -> list[str]:
    return [line for line in read_text(name).splitlines()
            if line.strip() and not line.startswith("#")]


@cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a headerless TSV file, each a tuple of stripped cells."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(name))


@cache
def load_list(name: str) -> tuple[str, ...]:
    """The entries of a one-entry-a-line file (the first cell of each row), in file order."""
    return tuple(row[0] for row in load_table(name) if row[0])


@cache
def load_json(name: str) -> Any:
    """A JSON file, parsed."""
    try:
        return json.loads(read_text(name))
    except json.JSONDecodeError as exc:
        raise SetupError(f"codebook file {name} is not valid JSON: {exc}") from exc


@cache
def load_records(name: str) -> tuple[dict[str, Any], ...]:
    """One dict a row: a TSV file with a header row, or a JSON-lines file."""
    if name.endswith(".jsonl"):
        return tuple(_json_line(name, number, line)
                     for number, line in enumerate(read_text(name).splitlines(), 1)
                     if line.strip())
    reader = csv.DictReader(_lines(name), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = tuple(dict(row) for row in reader)
    for number, row in enumerate(rows, 2):
        if None in row or None in row.values():
            raise SetupError(f"codebook file {name}: row {number} does not match the header "
                             f"{reader.fieldnames}")
    return rows


def _json_line(name: str, number: int, line: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise SetupError(f"codebook file {name} line {number}: {exc.msg}") from exc
    if not isinstance(value, dict):
        raise SetupError(f"codebook file {name} line {number}: not a JSON object")
    return value


def files() -> list[str]:
    """Every data file of the codebook, as the paths the loaders take (for checks and docs)."""
    found: list[str] = []

    def walk(folder: Traversable, prefix: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir():
                if not entry.name.startswith(("_", ".")):
                    walk(entry, f"{prefix}{entry.name}/")
            elif entry.name.endswith((".tsv", ".txt", ".json", ".jsonl")):
                found.append(prefix + entry.name)

    walk(resources.files(PACKAGE), "")
    return found


def load(name: str) -> Any:
    """Any codebook file by its kind: JSON parsed, JSON lines and TSV with a header as
    records, other TSV as rows, text files as lists."""
    if name.endswith(".json"):
        return load_json(name)
    if name.endswith(".jsonl"):
        return load_records(name)
    if name.endswith(".txt"):
        return load_list(name)
    return load_table(name)
