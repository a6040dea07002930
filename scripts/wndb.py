"""Read Princeton WordNet 3.0's database files (format wndb(5)) for the codebook's builders.

``build_people.py`` and ``build_nominals.py`` convert WordNet into sitrep's tables; both read
the same two kinds of file, so the format is parsed here once: ``index.POS`` (a lemma's synsets,
commonest sense first) and ``data.POS`` (each synset's lexicographer file, words and pointers).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

NOTICE = """# Converted by scripts/{script} from WordNet 3.0 (Princeton University), used
# under the WordNet 3.0 license: WordNet 3.0 Copyright 2006 by Princeton University. All rights
# reserved. Permission to use, copy, modify and distribute this software and database and its
# documentation for any purpose and without fee or royalty is hereby granted, provided that you
# agree to comply with the following copyright notice and statements, including the disclaimer,
# and that the same appear on ALL copies of the software, database and documentation, including
# modifications that you make for internal use or for distribution. THIS SOFTWARE AND DATABASE
# IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS
# OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR
# THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD
# PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of Princeton University or
# Princeton may not be used in advertising or publicity pertaining to distribution of the
# software and/or database. Title to copyright in this software, database and any associated
# documentation shall at all times remain with Princeton University and LICENSEE agrees to
# preserve same.
"""


class Pointer(NamedTuple):
    """One pointer of a synset: its symbol ("@" hypernym, "+" derivation, ...), the target
    synset's offset and part of speech, and the source/target word numbers (two hex digits
    each; ``0000`` for a link between whole synsets)."""

    symbol: str
    target: str
    pos: str
    numbers: str


class Record(NamedTuple):
    """One synset line of a ``data.POS`` file."""

    lexfile: int
    words: list[str]
    pointers: list[Pointer]


def notice(script: str) -> str:
    """The WordNet license notice that heads every converted table, naming its builder."""
    return NOTICE.format(script=script)


def read_records(path: Path) -> dict[str, Record]:
    """offset → synset, from a ``data.POS`` file (its license header lines start with a space)."""
    records = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" ") or not line.strip():
            continue
        fields = line.split(" | ")[0].split()
        offset, lexfile, count = fields[0], int(fields[1]), int(fields[3], 16)
        words = [fields[4 + 2 * i].split("(")[0] for i in range(count)]
        at = 4 + 2 * count
        pointers = [Pointer(*fields[at + 1 + 4 * i: at + 5 + 4 * i])
                    for i in range(int(fields[at]))]
        records[offset] = Record(lexfile, words, pointers)
    return records


def read_index(path: Path) -> dict[str, list[str]]:
    """lemma → its synset offsets, commonest sense first, from an ``index.POS`` file."""
    senses = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" ") or not line.strip():
            continue
        fields = line.split()
        lemma, count, pointers = fields[0], int(fields[2]), int(fields[3])
        senses[lemma] = fields[6 + pointers:6 + pointers + count]
    return senses


def write_table(out: Path, script: str, header: str, rows: list[tuple[str, str]]) -> None:
    """Write a converted table: the license notice naming its builder, the column line, the
    rows; deterministic, so a second run over the same WordNet changes nothing."""
    lines = [notice(script).rstrip("\n"), header, *("\t".join(row) for row in rows)]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(rows)} rows")
