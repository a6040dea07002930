#!/usr/bin/env python3
"""Convert WordNet's nouns for kinds of people into sitrep's table of people nouns.

usage: python scripts/build_people.py WORDNET_DICT [OUT_FILE]

WORDNET_DICT is the ``dict`` folder of Princeton WordNet 3.0 (``index.noun`` and
``data.noun``, as the WordNet database ships them, e.g. Debian's ``wordnet-base`` package);
OUT_FILE defaults to ``sitrep/codebook/wordnet/people.tsv``. The output is deterministic, so
running it again over the same input changes nothing.

A noun is a kind of person when its commonest sense (WordNet lists senses by frequency) is a
person synset (lexicographer file ``noun.person``) and not a named individual (an instance),
and the noun is one plain word that the sense writes in lower case ("vendor", "pilgrim",
"villager"; not "Fijian", a people's name, which countries and demonyms read). Its sector is
that of the nearest kind of person in ``sitrep/codebook/actors/person_kinds.tsv`` among the
sense's hypernyms (breadth first: a "sniper" is a "marksman" before it is anything else); a
kind mapped to ``-`` gives no sector, and a noun under no listed kind is a civilian (``CVL``),
the sector of people acting or suffering in their own name.
"""

from __future__ import annotations

import sys
from collections import deque
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wndb import read_index, read_records, write_table  # noqa: E402

PERSON_FILE = 18  # WordNet's lexicographer file noun.person
HYPERNYMS = ("@", "@i")
KINDS = Path("sitrep/codebook/actors/person_kinds.tsv")
DEFAULT_SECTOR = "CVL"


class Synset:
    """One noun synset of ``data.noun``: its lexicographer file and hypernym offsets."""

    __slots__ = ("lexfile", "words", "hypernyms", "instance")

    def __init__(self, lexfile: int, words: list[str], hypernyms: list[str],
                 instance: bool) -> None:
        self.lexfile = lexfile
        self.words = words
        self.hypernyms = hypernyms
        self.instance = instance


def read_data(path: Path) -> dict[str, Synset]:
    """offset → synset with its hypernyms, from ``data.noun``."""
    synsets = {}
    for offset, record in read_records(path).items():
        hypernyms = [p.target for p in record.pointers if p.symbol in HYPERNYMS]
        instance = any(p.symbol == "@i" for p in record.pointers)
        synsets[offset] = Synset(record.lexfile, record.words, hypernyms, instance)
    return synsets


def read_kinds(path: Path, senses: dict[str, list[str]]) -> dict[str, str]:
    """synset offset → sector ('-' for none) of the kinds named as ``lemma.n.NN``."""
    kinds = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, sector = line.split("\t")[:2]
        lemma, _, number = name.rsplit(".", 2)
        offsets = senses.get(lemma, [])
        if int(number) > len(offsets):
            raise SystemExit(f"{path}: WordNet has no sense {name}")
        kinds[offsets[int(number) - 1]] = sector.strip()
    return kinds


def sector_of(offset: str, synsets: dict[str, Synset], kinds: dict[str, str]) -> str:
    """The sector of the nearest listed kind among the synset and its hypernyms."""
    queue, seen = deque([offset]), {offset}
    while queue:
        current = queue.popleft()
        if current in kinds:
            return kinds[current]
        for parent in synsets[current].hypernyms:
            if parent not in seen:
                seen.add(parent)
                queue.append(parent)
    return DEFAULT_SECTOR


def people(senses: dict[str, list[str]], synsets: dict[str, Synset],
           kinds: dict[str, str]) -> list[tuple[str, str]]:
    """(noun, sector) of every plain noun whose commonest sense is a kind of person."""
    rows = []
    for lemma, offsets in senses.items():
        if not offsets or not lemma.isalpha() or not lemma.islower():
            continue
        first = synsets[offsets[0]]
        if first.lexfile != PERSON_FILE or first.instance or lemma not in first.words:
            continue
        sector = sector_of(offsets[0], synsets, kinds)
        if sector != "-":
            rows.append((lemma, sector))
    return sorted(rows)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    source = Path(argv[1])
    out = Path(argv[2]) if len(argv) > 2 else Path("sitrep/codebook/wordnet/people.tsv")
    kinds_path = Path(argv[3]) if len(argv) > 3 else KINDS
    senses = read_index(source / "index.noun")
    synsets = read_data(source / "data.noun")
    rows = people(senses, synsets, read_kinds(kinds_path, senses))
    write_table(out, "build_people.py", "# noun (lemma)<TAB>sector code", rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
