#!/usr/bin/env python3
"""Convert the PETRARCH-2 / Phoenix dictionaries (MIT) into sitrep's own codebook files.

usage: python scripts/build_codebook.py PETRARCH_DICTIONARIES CAMEO2PLOVER [OUT_DIR]

PETRARCH_DICTIONARIES is the folder of ``CAMEO.2.0.txt`` and the ``Phoenix.*.txt`` files of
openeventdata/petrarch2 (``petrarch2/data/dictionaries``); CAMEO2PLOVER is the PLOVER manual's
``cameo2plover-2021.txt``; OUT_DIR defaults to ``sitrep/codebook/cameo``. The output is
deterministic (sorted, no timestamps), so running it again over the same input changes nothing.

What it writes (each with the MIT notice of the source):

- ``verbs.tsv``: every verb of a CAMEO verb entry whose code maps to a PLOVER type, with that
  type and mode: the lexicon's broad second tier behind ``triggers.tsv``.
- ``patterns.tsv``: the verb patterns, whose code sits on what the verb governs rather than on
  the verb: its subject, its object's head noun, a particle, a prepositional phrase ("reaffirm
  ... support" 051, "throw ... stones" 182, "COURT * SENTENCE" 173), one row for each verb of
  the entry's synonym block, a named synonym set of nouns (``&WEAPON``) by its name, with its
  members in ``noun_sets.tsv``; nouns as the dictionary writes them (mostly singular: the
  coder matches them against a word's lemma and its form); rows whose code is CAMEO's null
  code say that the verb with those words is no event (PLOVER type ``-``).
- ``aircraft.txt``: CAMEO's aircraft synonym set: violence done with one is "aerial" (how an
  event's mode is read from its own clause, with sitrep's ``mode_words.tsv``).
- ``agents.tsv``: Phoenix agent nouns with their sector code ("FARMER [~AGR]").
- ``leaders.tsv``: Phoenix country actors with date-bounded offices (people only).
- ``organisations.tsv``: Phoenix international and armed non-state actors.
- ``discards.tsv``: Phoenix discard phrases: words that mark a sentence as sport,
  entertainment or another matter whose violent and contest words are no political event
  ("WORLD CUP", "GOALKEEPER"), split into tokens as spaCy's English tokenizer splits text. Entries
  that mark time rather than a matter (a year, "YEARS AGO", "APRIL 1942") are left out: sitrep
  dates what it codes instead of discarding the past.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MIT = """# Converted by scripts/build_codebook.py from the PETRARCH-2 / Phoenix dictionaries of Open
# Event Data (openeventdata/petrarch2, data/dictionaries), used under the MIT License:
# Copyright (c) 2014 Open Event Data. Permission is hereby granted, free of charge, to any
# person obtaining a copy of this software and associated documentation files (the
# "Software"), to deal in the Software without restriction, including without limitation the
# rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so, subject to
# the following conditions: The above copyright notice and this permission notice shall be
# included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED
# "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
# WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
# EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""

CODE = re.compile(r"\[([0-9]{2,4})(?::[0-9]*)?\]")
PLOVER_MODES = {  # sitrep's own CAMEO code of each mode wins over the 2021 table's mode names
    "ASSAULT": {"182": "beat", "1822": "torture", "1821": "sexual", "181": "abduct",
                "186": "assassinate", "185": "assassinate", "1831": "suicide-attack",
                "183": "explosives", "1832": "explosives", "1833": "explosives",
                "193": "firearms", "194": "heavy-weapons", "195": "aerial", "200": "massacre",
                "202": "massacre", "203": "cleansing", "204": "unconventional",
                "2041": "unconventional", "2042": "unconventional"},
    "PROTEST": {"141": "demo-org", "145": "riot-spon", "142": "strike-hun", "143": "strike-gen",
                "144": "obstruct"},
    "COERCE": {"171": "seize", "1711": "confiscate", "1712": "destroy", "172": "restrict",
               "1722": "ban", "1723": "curfew", "1724": "martial-law", "173": "arrest",
               "174": "deport"},
}


# -- CAMEO to PLOVER ------------------------------------------------------------------------

def read_cameo2plover(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code → (PLOVER type, the table's mode)."""
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([0-9]{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?", line)
        if match:
            table.setdefault(match.group(1), (match.group(2), (match.group(3) or "").strip()))
    return table


def plover(code: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The PLOVER type and sitrep mode of a CAMEO code (its longest listed prefix)."""
    for size in range(len(code), 1, -1):
        found = table.get(code[:size])
        if found is None:
            continue
        kind, _ = found
        modes = PLOVER_MODES.get(kind, {})
        mode = next((modes[code[:n]] for n in range(len(code), 1, -1) if code[:n] in modes), "")
        return kind, mode
    return None


# -- the CAMEO verb file --------------------------------------------------------------------

def words_of(token: str) -> str:
    """A dictionary token as text: underscores are spaces, a trailing underscore (a stem
    marker) dropped, lower case."""
    return token.strip("+").strip("_").replace("_", " ").lower().strip()


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        line = line.split("#")[0].rstrip()
        if line.startswith("&"):
            current = line.split()[0]
            sets[current] = []
        elif line.startswith("+") and current:
            sets[current].append(words_of(line.split()[0]))
        elif not line.strip():
            current = None
        if line.startswith("---"):
            break
    return sets


def read_verbs(path: Path, table: dict[str, tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    """(verb, CAMEO code, PLOVER type, mode) of every verb of a coded CAMEO verb entry."""
    lines = path.read_text(encoding="latin-1").splitlines()
    verbs: dict[str, tuple[str, str, str, str]] = {}
    block_code = ""
    for raw in lines:
        line = raw.split("#")[0].rstrip()
        header = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if header:
            block_code = header.group(2) if header.group(2)[:1].isdigit() else ""
            continue
        if not line.strip() or line.startswith(("&", "#")):
            continue
        if line.startswith("-"):
            continue
        if line.startswith("+") or re.match(r"^[A-Z]", line):
            _verb(line, block_code, table, verbs)
    return sorted(verbs.values())


def _verb(line: str, block_code: str, table: dict[str, tuple[str, str]],
          verbs: dict[str, tuple[str, str, str, str]]) -> None:
    own = CODE.search(line)
    code = own.group(1) if own else block_code
    if not code:
        return
    found = plover(code, table)
    if found is None:
        return
    lemma = words_of(line.split("{")[0].split("[")[0].split()[0])
    if lemma and lemma.replace(" ", "").isalpha():
        verbs.setdefault(lemma, (lemma, code, found[0], found[1]))


# -- the CAMEO verb patterns ----------------------------------------------------------------

PIECE = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+")
MARKERS = frozenset("+$%^")
PATTERN = re.compile(r"^-\s*(.*?)\s*\[([^\]]*)\]")


def read_patterns(path: Path, table: dict[str, tuple[str, str]],
                  ) -> list[tuple[str, ...]]:
    """(verbs, subject, object, with, prep, prep object, CAMEO code, PLOVER type, mode) of every
    verb pattern, with the verbs of its block (comma-separated). A pattern's pre-verb noun is the
    subject, the head (last word) of its first post-verb noun group the object, the group's
    other words (particles, the modifiers of a braced phrase) words the verb must govern, its
    first parenthesised phrase the preposition and the head of its object; a noun is its word,
    or a synonym set's name (``&weapon``, listed in ``noun_sets.tsv``). A multi-word verb
    ("+CORDON_OFF") is its first word and its other words as particles ("cordon off").
    Patterns that name no noun (a particle or a bare preposition) are left out, as are codes
    PLOVER does not map; CAMEO's null code is kept as type ``-``."""
    lines = path.read_text(encoding="latin-1").splitlines()
    rows: dict[tuple[str, ...], list[str]] = {}
    verbs: list[str] = []
    patterns: list[tuple[str, str]] = []

    def flush() -> None:
        if not verbs:
            return
        for body, code in patterns:
            for row in _pattern_rows(body, code, table):
                known = rows.setdefault(row, [])
                known.extend(v for v in verbs if v not in known)

    for raw in lines[next(i for i, line in enumerate(lines) if line.startswith("---")):]:
        line = raw.split("#")[0].rstrip()
        if line.startswith("---"):
            flush()
            verbs, patterns = [], []
        elif line.startswith("-"):
            match = PATTERN.match(line)
            if match and "*" in match.group(1):
                patterns.append((match.group(1), match.group(2)))
        elif line.startswith("+") or re.match(r"^[A-Z]", line):
            word = line.split("{")[0].split("[")[0].split()[0]
            if "+" in word.lstrip("+"):  # a compound whose verb is not first ("WIRE_+TAP")
                continue
            verb = words_of(word)
            if verb and verb.replace(" ", "").isalpha() and verb not in verbs:
                verbs.append(verb)
    flush()
    return sorted((",".join(sorted(verbs)), *row) for row, verbs in rows.items())


def _head(piece: str) -> str | None:
    """The head noun of a pattern word or braced phrase: its last word, or a synonym set's
    name; an actor marker stands for any (empty); None where it is no word."""
    words = piece.strip("{}").split()
    if not words or words[-1] in MARKERS:
        return ""
    last = words[-1]
    if last.startswith("&"):
        return last.rstrip("_").lower()
    text = words_of(last)
    return text.split()[-1] if text and text.replace("'", "").isalpha() else None


def _modifiers(piece: str) -> list[str] | None:
    """The words of a braced phrase before its head ("{MOCK ATTACKS}": "mock"), which the
    verb must govern with it; markers among them are left out; None where one is a synonym set
    ("{&DEFENSE &WEAPON}"), which no single word stands for."""
    words = piece.strip("{}").split()[:-1] if piece.startswith("{") else []
    if any(word.startswith("&") for word in words):
        return None
    return [w for word in words if word not in MARKERS for w in words_of(word).split()]


def _pattern_rows(body: str, code: str, table: dict[str, tuple[str, str]],
                  ) -> list[tuple[str, ...]]:
    """The row of one pattern (see :func:`read_patterns`), without its verbs; none where the
    code maps to no PLOVER type or the pattern names no noun."""
    code = code.split(":")[0].strip()
    if code == "---":
        kind, mode = "-", ""
    else:
        found = plover(code, table) if code.isdigit() else None
        if found is None:
            return []
        kind, mode = found
    pre, post = body.split("*", 1)
    pieces = PIECE.findall(post)
    plain = [p for p in pieces if not p.startswith("(") and p not in MARKERS]
    phrase: list[str] = next((p.strip("()").split() for p in pieces if p.startswith("(")), [])
    before = [p for p in PIECE.findall(pre) if p not in MARKERS and not p.startswith("(")]
    subject = _head(before[-1]) if before else ""
    obj = _head(plain[-1]) if plain else ""
    prep = words_of(phrase[0]) if phrase else ""
    prep_object = _head(" ".join(phrase[1:])) if len(phrase) > 1 else ""
    extra = [w for p in plain[:-1] if not p.startswith("&") for w in words_of(p).split()]
    modifiers = _modifiers(plain[-1]) if plain else []
    if subject is None or obj is None or prep_object is None or modifiers is None or \
            not (subject or obj or prep_object):
        return []
    extra += modifiers
    return [(subject, obj, " ".join(extra), prep, prep_object, code, kind, mode)]


def read_noun_sets(path: Path, ) -> list[tuple[str, str]]:
    """(set name, member) of CAMEO's synonym sets of nouns, which patterns name; members of
    several words ("cease fire") are left out, since their last word alone ("fire") is
    another noun."""
    sets = read_synsets(path.read_text(encoding="latin-1").splitlines())
    rows = {(name.rstrip("_").lower(), member)
            for name, members in sets.items() for member in members
            if member.replace("'", "").isalpha()}
    return sorted(rows)


# -- Phoenix actor files --------------------------------------------------------------------

def read_agents(path: Path) -> list[tuple[str, str]]:
    """(noun, sector code) of the agents file ("FARMER [~AGR]"); substitution sets skipped."""
    rows = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        line = line.split("#")[0].strip()
        match = re.match(r"^([A-Z][A-Z_'-]*)\s*(?:\{[^}]*\})?\s*\[~([A-Z]{3})\]", line)
        if match:
            noun = words_of(match.group(1))
            rows.setdefault(noun, match.group(2))
    return sorted(rows.items())


def _date(text: str) -> str:
    """A Phoenix date (YYMMDD or YYYYMMDD) as ISO; two-digit years pivot at 30."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{1900 + year if year >= 30 else 2000 + year}{text[2:]}"
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}"


ROLE = re.compile(r"\[([A-Z]{3})([A-Z]{3})?\s*(?:([<>])?(\d{6,8}))?(?:-(\d{6,8}))?\]")


def read_country_actors(path: Path) -> list[tuple[str, str, str, str, str, str]]:
    """(name, country, sector, start, end, aliases) of people with a dated office."""
    rows = []
    name = ""
    aliases: list[str] = []
    roles: list[tuple[str, str, str, str]] = []

    def flush() -> None:
        if not name or not roles or len(name.split()) < 2:
            return
        for country, sector, start, end in roles:
            rows.append((name, country, sector, start, end, ",".join(aliases)))

    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            alias = words_of(line.split()[0]).title()
            if alias and alias.replace(" ", "").replace("-", "").isalpha():
                aliases.append(alias)
            continue
        if line.strip().startswith("["):
            match = ROLE.match(line.strip())
            if match and match.group(2) and (match.group(4) or match.group(5)):
                start = end = ""
                if match.group(3) == "<":
                    end = _date(match.group(4))
                elif match.group(3) == ">":
                    start = _date(match.group(4))
                else:
                    start = _date(match.group(4)) if match.group(4) else ""
                    end = _date(match.group(5)) if match.group(5) else ""
                roles.append((match.group(1), match.group(2), start, end))
            continue
        if re.match(r"^[A-Z]", line):
            flush()
            name = words_of(line.split()[0]).title()
            name = name if re.fullmatch(r"[A-Za-z][A-Za-z' .-]+", name) else ""
            aliases, roles = [], []
    flush()
    return rows


def read_organisations(path: Path) -> list[tuple[str, str, str, str]]:
    """(name, code, sector, aliases) of international and armed non-state actors: a name with
    its code in brackets on the same line ("AL_QAEDA [IMGMUSALQ]")."""
    rows = []
    name, code, aliases = "", "", []
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            alias = words_of(line.split()[0])
            if name and alias:
                aliases.append(alias)
            continue
        match = re.match(r"^([A-Z0-9][A-Z0-9_'&.-]*)\s*\[([A-Z]{3,})[^\]]*\]", line)
        if match:
            if name:
                rows.append((name, code, aliases))
            name, code, aliases = words_of(match.group(1)), match.group(2), []
        elif re.match(r"^[A-Z]", line):
            if name:
                rows.append((name, code, aliases))
            name, code, aliases = "", "", []
    if name:
        rows.append((name, code, aliases))
    out = []
    for name, code, als in rows:
        if len(name) < 3:
            continue
        sector = code[3:6] if len(code) >= 6 else ""
        out.append((name, code[:3], sector, ",".join(sorted(set(als)))))
    return sorted(set(out))


# -- discards -------------------------------------------------------------------------------

YEAR = re.compile(r"\b[0-9]{4}\b")


def time_units() -> frozenset[str]:
    """The time units sitrep's time tagger knows (``times/vocabulary.json``), singular and
    plural: a discard entry with one of them marks a time, not a matter."""
    from sitrep.codebook.load import load_json

    units = load_json("times/vocabulary.json")["units"]
    return frozenset(u for unit in units for u in (unit, unit + "s"))


def read_discards(path: Path) -> list[tuple[str, str, str]]:
    """(tokens, scope, match) for each discard entry: ``scope`` "story" for the '+' entries,
    else "sentence"; ``match`` "word" for the entries ending in '_' (PETRARCH's whole-word
    mark), else "stem" (the entry may be the start of a longer word)."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    units = time_units()
    out = set()
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        scope = "story" if line.startswith("+") else "sentence"
        line = line.lstrip("+").strip()
        match = "word" if line.endswith("_") else "stem"
        text = " ".join(line.rstrip("_").lower().split())
        if not text or YEAR.search(text) or text.isdigit() or units & set(text.split()):
            continue
        tokens = " ".join(t.text for t in tokenizer(text))
        out.add((tokens, scope, match))
    return sorted(out)


# -- writing --------------------------------------------------------------------------------

def write(path: Path, header: str, rows: list[tuple[str, ...]]) -> None:
    lines = [MIT.rstrip("\n"), header.rstrip("\n")]
    lines += ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path}: {len(rows)} rows")


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__)
        return 2
    source, mapping = Path(argv[1]), Path(argv[2])
    out = Path(argv[3]) if len(argv) > 3 else Path("sitrep/codebook/cameo")
    out.mkdir(parents=True, exist_ok=True)
    table = read_cameo2plover(mapping)
    verbs = read_verbs(source / "CAMEO.2.0.txt", table)
    write(out / "verbs.tsv", "# verb (lemma; multi-word verbs with spaces)<TAB>CAMEO code of its "
          "entry<TAB>PLOVER type<TAB>mode", verbs)
    write(out / "patterns.tsv", "# verbs (lemmas of the entry's block, comma-separated; "
          "particles after a space)<TAB>subject (head lemma or &set; empty: any)<TAB>object "
          "(head lemma or &set of the direct object; empty: any)<TAB>with (other words the "
          "verb must govern, space-separated)<TAB>prep<TAB>prep object (head lemma or &set; "
          "empty: any)<TAB>CAMEO code<TAB>PLOVER type ('-': CAMEO's null code, no "
          "event)<TAB>mode",
          read_patterns(source / "CAMEO.2.0.txt", table))
    write(out / "noun_sets.tsv", "# synonym set (as the patterns name it)<TAB>member (head lemma)",
          read_noun_sets(source / "CAMEO.2.0.txt"))
    sets = read_synsets((source / "CAMEO.2.0.txt").read_text(encoding="latin-1").splitlines())
    write(out / "aircraft.txt", "# aircraft (CAMEO's &AIRCRAFT synonym set): violence done with "
          "one is aerial", [(w,) for w in sorted(set(sets["&AIRCRAFT"]))])
    write(out / "agents.tsv", "# agent noun<TAB>sector code",
          read_agents(source / "Phoenix.agents.txt"))
    people = read_country_actors(source / "Phoenix.Countries.actors.txt")
    write(out / "leaders.tsv", "# name<TAB>country<TAB>sector<TAB>from (ISO date, empty: "
          "open)<TAB>to<TAB>other names", people)
    orgs = [row for row in [*read_organisations(source / "Phoenix.International.actors.txt"),
                            *read_organisations(source / "Phoenix.MilNonState.actors.txt")]
            if row[1] != "MNC"]  # companies: no actors of the events sitrep codes
    write(out / "discards.tsv", "# phrase (lower case, tokens split by spaces)<TAB>scope (story: "
          "the source drops the whole story; sentence)<TAB>match (word: whole words; stem: the "
          "last word may go on)", read_discards(source / "Phoenix.discards.txt"))
    write(out / "organisations.tsv", "# name<TAB>code (country or non-state code)<TAB>sector "
          "code (may be empty)<TAB>other names", sorted(set(orgs)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
