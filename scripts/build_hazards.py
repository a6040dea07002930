#!/usr/bin/env python3
"""Convert WordNet's kinds of natural hazard, accident and illness into sitrep's table of
hazard nouns: what kills, hurts or destroys without a doer ("an earthquake killed", "wounded
in the crash", "homes destroyed by floods"), so that no violent event is coded for it.

usage: python scripts/build_hazards.py WORDNET_DICT [OUT_FILE] [KINDS_FILE]

WORDNET_DICT is the ``dict`` folder of Princeton WordNet 3.0 (``index.noun`` and
``data.noun``, as the WordNet database ships them, e.g. Debian's ``wordnet-base`` package);
OUT_FILE defaults to ``sitrep/codebook/wordnet/hazards.tsv`` and KINDS_FILE to
``sitrep/codebook/wordnet/hazard_kinds.tsv``. The output is deterministic, so running it
again over the same input changes nothing.

A noun is a hazard when its commonest sense (WordNet lists senses by frequency) has, among
itself and its hypernyms, a kind the kinds file marks with a hazard kind (the nearest such kind
names it: "fire" is a burning before it is shooting, "storm" weather before an assault), or
when the kinds file lists one of its later senses itself ("landslide" is a victory first). A
noun whose commonest sense is under no hazard kind, or under one marked ``-`` (violence), is
none: "blast" is a hit first, then a gust of wind, then an explosion. Plain lower-case nouns
of one word, and WordNet's lower-case compounds of two ("forest fire", "heat wave"), are kept.
"""

from __future__ import annotations

import sys
from collections import deque
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wndb import read_index, read_records, write_table  # noqa: E402

HYPERNYMS = ("@", "@i")
KINDS = Path("sitrep/codebook/wordnet/hazard_kinds.tsv")
OUT = Path("sitrep/codebook/wordnet/hazards.tsv")
VIOLENCE = "-"


def read_kinds(path: Path, senses: dict[str, list[str]]) -> dict[str, str]:
    """synset offset → hazard kind ('-' for violence) of the kinds named as ``lemma.n.NN``."""
    kinds = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind = line.split("\t")[:2]
        lemma, _, number = name.rsplit(".", 2)
        offsets = senses.get(lemma, [])
        if int(number) > len(offsets):
            raise SystemExit(f"{path}: WordNet has no sense {name}")
        kinds[offsets[int(number) - 1]] = kind.strip()
    return kinds


def kind_of(offset: str, hypernyms: dict[str, list[str]], kinds: dict[str, str]) -> str | None:
    """The kind of the nearest listed kind among the synset and its hypernyms (breadth
    first), or None under none."""
    queue, seen = deque([offset]), {offset}
    while queue:
        current = queue.popleft()
        if current in kinds:
            return kinds[current]
        for parent in hypernyms.get(current, []):
            if parent not in seen:
                seen.add(parent)
                queue.append(parent)
    return None


def hazards(senses: dict[str, list[str]], hypernyms: dict[str, list[str]],
            kinds: dict[str, str]) -> list[tuple[str, str]]:
    """(noun, hazard kind) of every plain noun that names a hazard and no violence."""
    rows = []
    for lemma, offsets in senses.items():
        words = lemma.split("_")
        if not offsets or len(words) > 2 or not all(w.isalpha() and w.islower() for w in words):
            continue
        first = kind_of(offsets[0], hypernyms, kinds)
        listed = [kinds[o] for o in offsets[1:] if kinds.get(o, VIOLENCE) != VIOLENCE]
        kind = first if first not in (None, VIOLENCE) else (listed[0] if listed else None)
        if kind is not None:
            rows.append((" ".join(words), kind))
    return sorted(rows)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    source = Path(argv[1])
    out = Path(argv[2]) if len(argv) > 2 else OUT
    kinds_path = Path(argv[3]) if len(argv) > 3 else KINDS
    senses = read_index(source / "index.noun")
    hypernyms = {offset: [p.target for p in record.pointers if p.symbol in HYPERNYMS]
                 for offset, record in read_records(source / "data.noun").items()}
    rows = hazards(senses, hypernyms, read_kinds(kinds_path, senses))
    write_table(out, "build_hazards.py", "# noun (lemma; two words: a compound)<TAB>hazard kind",
                rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
