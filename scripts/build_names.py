#!/usr/bin/env python3
"""Convert WordNet's capitalised lemmas into sitrep's table of words that are only names.

usage: python scripts/build_names.py WORDNET_DICT [OUT_FILE]

WORDNET_DICT is the ``dict`` folder of Princeton WordNet 3.0 (``data.noun``, ``data.verb``,
``data.adj``, ``data.adv``, as the WordNet database ships them, e.g. Debian's ``wordnet-base``
package); OUT_FILE defaults to ``sitrep/codebook/wordnet/names.tsv``. The output is
deterministic, so running it again over the same input changes nothing.

WordNet lists cities, states, rivers and people beside common words, and writes each word as it
is written in text: a word that WordNet writes with a capital in every synset of every part of
speech it has ("Asheville", "Tbilisi"; not "charlotte", a dessert too, nor "reading") is a name
and no common word. Only one-word lemmas of letters (a hyphen or an apostrophe inside) are
kept, in lower case, one a line.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wndb import notice, read_records  # noqa: E402

PARTS = ("noun", "verb", "adj", "adv")
PLAIN = re.compile(r"[a-z][a-z'-]*")


def names(source: Path) -> list[str]:
    """The one-word lemmas WordNet writes only with a capital, in lower case, sorted."""
    forms: dict[str, set[str]] = defaultdict(set)
    for part in PARTS:
        path = source / f"data.{part}"
        if not path.exists():
            continue
        for record in read_records(path).values():
            for word in record.words:
                forms[word.lower()].add(word)
    return sorted(low for low, written in forms.items()
                  if PLAIN.fullmatch(low) and all(w[:1].isupper() for w in written))


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    source = Path(argv[1])
    out = Path(argv[2]) if len(argv) > 2 else Path("sitrep/codebook/wordnet/names.tsv")
    rows = names(source)
    lines = [notice("build_names.py").rstrip("\n"), "# name", *rows]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
