"""People known by name alone: leaders of states (``leaders.tsv``) → their country and sector.

News names heads of state and ministers without saying whose they are ("President Museveni",
"Erdogan said"); the table says it. A full name matches anywhere in a phrase, with one typing
slip in the surname ("Francois Mitterand"); a short form ("Bush", "Xi") only where it stands
alone as a name, so "Sadiq Khan" is not taken for "Imran Khan".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from rapidfuzz.distance import Levenshtein
from spacy.tokens import Token

from sitrep.codebook.actor_tables import sector_codes
from sitrep.codebook.lexicon import load_codebook
from sitrep.codebook.load import fold, load_list, load_table
from sitrep.errors import SetupError
from sitrep.resolve.actors.patterns import split_words

PREFIXES = tuple(w for p in load_list("actors/name_particles.txt") if p.endswith("-")
                 for w in (p, p.capitalize()))
MIN_FUZZY_SURNAME = 5


@dataclass(frozen=True, slots=True)
class Role:
    """An office held between two dates (ISO; empty: open)."""

    country: str
    sector: str
    start: str
    end: str


@dataclass(frozen=True, slots=True)
class Leader:
    """One person of the table; ``roles`` are the dated offices of the Phoenix table."""

    name: str
    country: str
    sector: str
    office: str
    roles: tuple[Role, ...] = ()

    def at(self, date: str | None) -> Leader:
        """The person as of ``date``: the office held then, else the one nearest in time
        (a person keeps a country; the sector follows the office)."""
        if not self.roles or not date:
            return self
        held = [r for r in self.roles if (r.start or "0") <= date <= (r.end or "9")]
        role = held[-1] if held else min(self.roles, key=lambda r: _distance(r, date))
        return replace(self, country=role.country, sector=role.sector)


def _distance(role: Role, date: str) -> int:
    """How far (in days, roughly) ``date`` lies outside the role's span."""
    def days(iso: str) -> int:
        year, month, day = (int(p) for p in iso.split("-"))
        return year * 372 + month * 31 + day
    if role.end and date > role.end:
        return days(date) - days(role.end)
    if role.start and date < role.start:
        return days(role.start) - days(date)
    return 0


def name_fold(word: str) -> str:
    """The spelling key without dots, so "Erdoğan" meets "Erdogan" and "F.W." "FW"."""
    return fold(word).replace(".", "")


def name_key(text: str) -> tuple[str, ...]:
    """A name's words as spaCy splits them, folded, punctuation dropped."""
    return tuple(w for w in (name_fold(t) for t in split_words(text)) if w and any(
        c.isalnum() for c in w))


def _short_forms(name: str, cell: str) -> list[str]:
    if cell == "-":
        return []
    if cell:
        return [s.strip() for s in cell.split(",") if s.strip()]
    last = name.split()[-1]
    for prefix in PREFIXES:
        if last.startswith(prefix):
            return [last[len(prefix):], last]
    return [last]


@dataclass(frozen=True, slots=True)
class LeaderTable:
    """Full names and unambiguous short forms, both keyed by folded words."""

    full: dict[tuple[str, ...], Leader]
    short: dict[tuple[str, ...], Leader]
    longest: int
    by_first: dict[tuple[str, int], list[tuple[tuple[str, ...], Leader]]]

    def find(self, tokens: Sequence[Token], date: str | None = None
             ) -> tuple[Leader | None, set[int]]:
        """The person the tokens name (as of ``date``: the office then held) and the token
        indexes that name them."""
        words = [(name_fold(t.text), t) for t in tokens]
        words = [(w, t) for w, t in words if w and any(c.isalnum() for c in w)]
        for size in range(min(self.longest, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                window = words[start:start + size]
                key = tuple(w for w, _ in window)
                leader = self.full.get(key) or self._fuzzy(key)
                if leader is None and key in self.short and _alone([t for _, t in window]):
                    leader = self.short[key]
                if leader is not None:
                    return leader.at(date), {t.i for _, t in window}
        return None, set()

    def _fuzzy(self, key: tuple[str, ...]) -> Leader | None:
        """A full name with the same first name and one letter off in the rest ("Gbago")."""
        if len(key) < 2 or len(key[-1]) < MIN_FUZZY_SURNAME:
            return None
        for known, leader in self.by_first.get((key[0], len(key)), []):
            if within_one(" ".join(key), " ".join(known)):
                return leader
        return None


def _alone(window: list[Token]) -> bool:
    """A short form names the person only as a whole name: an entity of its own ("Bush"
    after a trimmed title), or capitalised words on neither side."""
    first, last = window[0], window[-1]
    if not first.text[:1].isupper():
        return False
    doc = first.doc
    ent = next((e for e in doc.ents if e.start <= first.i < e.end), None)
    if ent is not None:
        return ent.start == first.i and ent.end == last.i + 1
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return not any(t is not None and t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON")
                   and t.text[:1].isupper() and not t.is_sent_start for t in (before, after)
                   if t is not None and not _title_word(t))


def _title_word(token: Token) -> bool:
    return token.text in _title_words()


@cache
def _title_words() -> frozenset[str]:
    """Words of person titles, which may stand before a short form ("President Bush")."""
    return frozenset(w for title in load_codebook().actors.titles for w in split_words(title))


def within_one(a: str, b: str) -> bool:
    """Edit distance of at most one (one letter added, dropped or changed)."""
    return Levenshtein.distance(a, b, score_cutoff=1) <= 1


def read_leaders(sectors: dict[str, str]) -> list[tuple[Leader, list[str] | None]]:
    """The rows of ``leaders.tsv`` with their short forms; a bad row is a setup error."""
    rows: list[tuple[Leader, list[str] | None]] = []
    for row in load_table("actors/leaders.tsv"):
        if len(row) < 4:
            raise SetupError(f"leaders.tsv {row[0]!r}: needs name, country, sector and office")
        name, country, sector, office = row[:4]
        if not (len(country) == 3 and country.isupper()):
            raise SetupError(f"leaders.tsv {name!r}: country must be ISO alpha-3, not {country!r}")
        if sector not in sectors:
            raise SetupError(f"leaders.tsv {name!r}: unknown sector {sector!r}")
        rows.append((Leader(name, country, sector, office),
                     _short_forms(name, row[4] if len(row) > 4 else "")))
    return rows


def read_phoenix(sectors: dict[str, str]) -> list[tuple[Leader, list[str] | None]]:
    """People of the Phoenix country dictionary (``cameo/leaders.tsv``) with their dated
    offices, under their full names and other names; no short forms (over ten thousand
    people share too many surnames)."""
    roles: dict[str, list[Role]] = {}
    others: dict[str, set[str]] = {}
    for row in load_table("cameo/leaders.tsv"):
        name, country, sector, start, end = (list(row) + [""] * 5)[:5]
        if sector not in sectors or not (len(country) == 3 and country.isalpha()):
            continue
        roles.setdefault(name, []).append(Role(country, sector, start, end))
        if len(row) > 5 and row[5]:
            others.setdefault(name, set()).update(a for a in row[5].split(",") if " " in a)
    people: list[tuple[Leader, list[str] | None]] = []
    for name, held in roles.items():
        held.sort(key=lambda r: (r.start or "0", r.end or "9"))
        last = held[-1]
        leader = Leader(name, last.country, last.sector, "", tuple(held))
        people.append((leader, None))
        people.extend((replace(leader, name=other), None) for other in sorted(others.get(name, ())))
    return people


def build_table(rows: list[tuple[Leader, list[str] | None]]) -> LeaderTable:
    """Full names always; a short form only when every person it may name is of one country.
    Rows without short forms (None) are known by their full names alone."""
    full: dict[tuple[str, ...], Leader] = {}
    owners: dict[tuple[str, ...], dict[str, Leader]] = {}
    for leader, shorts in rows:
        full.setdefault(name_key(leader.name), leader)
        if shorts is None:
            continue
        for form in shorts:
            owners.setdefault(name_key(form), {}).setdefault(leader.country, leader)
        owners.setdefault(name_key(leader.name.split()[-1]), {}).setdefault(leader.country,
                                                                            leader)
    short: dict[tuple[str, ...], Leader] = {}
    for key, by_country in owners.items():
        if len(by_country) == 1 and key not in full:
            short[key] = next(iter(by_country.values()))
    allowed = {name_key(s) for _, shorts in rows for s in shorts or ()}
    short = {k: v for k, v in short.items() if k in allowed}
    longest = max((len(k) for k in [*full, *short]), default=0)
    by_first: dict[tuple[str, int], list[tuple[tuple[str, ...], Leader]]] = {}
    for key, leader in full.items():
        if len(key) >= 2 and len(key[-1]) >= MIN_FUZZY_SURNAME:
            by_first.setdefault((key[0], len(key)), []).append((key, leader))
    return LeaderTable(full=full, short=short, longest=longest, by_first=by_first)


@cache
def leader_table() -> LeaderTable:
    """The table of sitrep's ``leaders.tsv`` and, behind it, Phoenix's dated offices; built
    once per process."""
    sectors = sector_codes()
    return build_table([*read_leaders(sectors), *read_phoenix(sectors)])
