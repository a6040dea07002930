#!/usr/bin/env python3
"""Convert WordNet's derivational links into sitrep's table of event nouns and their verbs.

usage: python scripts/build_nominals.py WORDNET_DICT [OUT_FILE]

WORDNET_DICT is the ``dict`` folder of Princeton WordNet 3.0 (``index.noun`` and
``data.noun``, as the WordNet database ships them, e.g. Debian's ``wordnet-base`` package);
OUT_FILE defaults to ``sitrep/codebook/wordnet/nominals.tsv``. The output is deterministic, so
running it again over the same input changes nothing.

A noun names the act of a verb ("withdrawal" of "withdraw", "arrest" of "arrest",
"deployment" of "deploy", "mediation" of "mediate") when its commonest sense (WordNet lists
senses by frequency) is an act, an event or a communication (lexicographer files
``noun.act``, ``noun.event``, ``noun.communication``) and WordNet links that sense, for that
very word, to a verb by a derivational pointer (``+``). Only plain one-word lower-case nouns
are kept. A noun linked to several verbs keeps each, in WordNet's order.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wndb import read_index, read_records, write_table  # noqa: E402

EVENTIVE_FILES = frozenset({4, 10, 11})  # noun.act, noun.communication, noun.event
DERIVED = "+"
VERB = "v"


class NounSense:
    """One noun synset of ``data.noun``: its lexicographer file, words and verb links."""

    __slots__ = ("lexfile", "words", "verbs")

    def __init__(self, lexfile: int, words: list[str],
                 verbs: list[tuple[int, str, int]]) -> None:
        self.lexfile = lexfile
        self.words = words
        self.verbs = verbs  # (source word number, verb synset offset, target word number)


def read_nouns(path: Path) -> dict[str, NounSense]:
    """offset → noun synset with its derivational links to verbs."""
    synsets = {}
    for offset, record in read_records(path).items():
        verbs = [(int(p.numbers[:2], 16), p.target, int(p.numbers[2:], 16))
                 for p in record.pointers if p.symbol == DERIVED and p.pos == VERB]
        synsets[offset] = NounSense(record.lexfile, [w.lower() for w in record.words], verbs)
    return synsets


def read_verb_words(path: Path) -> dict[str, list[str]]:
    """offset → the words of each verb synset of ``data.verb``."""
    return {offset: [w.lower() for w in record.words]
            for offset, record in read_records(path).items()}


def nominals(senses: dict[str, list[str]], nouns: dict[str, NounSense],
             verbs: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(noun, verb) for every plain noun whose commonest sense is the act of a verb."""
    rows = []
    for lemma, offsets in senses.items():
        if not offsets or not lemma.isalpha() or not lemma.islower():
            continue
        first = nouns[offsets[0]]
        if first.lexfile not in EVENTIVE_FILES or lemma not in first.words:
            continue
        number = first.words.index(lemma) + 1
        seen: set[str] = set()
        for source, target, target_number in first.verbs:
            if source not in (0, number):
                continue
            targets = verbs[target]
            chosen = targets if target_number == 0 else [targets[target_number - 1]]
            for verb in chosen:
                if verb.isalpha() and verb not in seen:
                    seen.add(verb)
                    rows.append((lemma, verb))
    return sorted(rows)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    source = Path(argv[1])
    out = Path(argv[2]) if len(argv) > 2 else Path("sitrep/codebook/wordnet/nominals.tsv")
    rows = nominals(read_index(source / "index.noun"), read_nouns(source / "data.noun"),
                    read_verb_words(source / "data.verb"))
    header = "# noun (lemma)<TAB>verb (lemma) whose act the noun's commonest sense names"
    write_table(out, "build_nominals.py", header, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
