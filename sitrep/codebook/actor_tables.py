"""The actor tables: sectors, sector words, person titles, named bodies, name stop-words,
role nouns.

All of it is data in ``sitrep/codebook/actors/`` that a user can read and extend; this module
only parses and checks it (an unknown sector code fails loudly). It is one part of the
``Codebook`` (``load_codebook().actors``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.codebook.load import load_list, load_records, load_table
from sitrep.errors import SetupError

FOLDER = "actors"


@dataclass(frozen=True, slots=True)
class Body:
    """A named institution or organisation; ``country`` is None when the context decides."""

    name: str
    country: str | None
    sector: str | None
    entity: bool = True


@dataclass(frozen=True, slots=True)
class SectorWord:
    """A word that signals a sector; ``strong`` words beat generic ones, ``local`` ones take
    the country of the context when the phrase names none; ``noun`` ones count only where the
    word is a noun (WordNet's "ethnic" is a person, but "ethnic Albanians" are not ethnics)."""

    sector: str
    strong: bool
    local: bool
    noun: bool = False


@dataclass(frozen=True, slots=True)
class ActorTables:
    """What the actor resolver knows about words, titles and named bodies; ``people`` are the
    nouns for one person of a kind, as WordNet lists them (lemmas, so singular: "man", not
    "men")."""

    sectors: dict[str, str]
    non_state: dict[str, str]
    words: dict[str, SectorWord]
    titles: dict[str, str | None]
    bodies: dict[str, Body]
    name_stopwords: frozenset[str]
    role_nouns: dict[str, frozenset[str]]
    people: frozenset[str] = frozenset()
    # Phoenix's agent nouns of several words ("armed men" → UAF, "suicide bomber" → REB), as
    # lower-case word tuples
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)


def _check(value: str | None, known: dict[str, str], where: str) -> str | None:
    if value and value not in known:
        raise SetupError(f"{where}: unknown code {value!r}")
    return value or None


def _words(sectors: dict[str, str]) -> dict[str, SectorWord]:
    """sitrep's sector words, then Phoenix's agent nouns ("assailant" → CRM), then WordNet's
    nouns for kinds of people ("vendor" → BUS, "pilgrim" → CVL) as weak ones: the hand-written
    table wins over the broad ones, and the curated event-coding one over the general one."""
    words = {}
    for row in load_table(f"{FOLDER}/sector_words.tsv"):
        if len(row) < 3:
            raise SetupError(f"sector_words.tsv {row[0]!r}: needs word, sector and weight")
        word, sector, weight = row[0], row[1], row[2]
        scope = row[3] if len(row) > 3 else ""
        _check(sector, sectors, f"sector_words.tsv {word!r}")
        words[word.lower()] = SectorWord(sector, weight == "strong", scope == "local")
    aliases = {row[0]: _check(row[1], sectors, f"sector_aliases.tsv {row[0]!r}") or row[0]
               for row in load_table(f"{FOLDER}/sector_aliases.tsv")}
    for noun, code in load_table("cameo/agents.tsv"):
        sector = aliases.get(code, code)
        if sector in sectors and " " not in noun:
            words.setdefault(noun, SectorWord(sector, False, False))
    for noun, sector in load_table("wordnet/people.tsv"):
        _check(sector, sectors, f"wordnet/people.tsv {noun!r}")
        words.setdefault(noun, SectorWord(sector, False, False, noun=True))
    return words


def _phrases(sectors: dict[str, str]) -> dict[tuple[str, ...], str]:
    """Phoenix's agent nouns of several words, by their lower-case words: a phrase names a
    kind of actor its words alone do not ("armed men" are no civilians)."""
    aliases = {row[0]: _check(row[1], sectors, f"sector_aliases.tsv {row[0]!r}") or row[0]
               for row in load_table(f"{FOLDER}/sector_aliases.tsv")}
    found = {}
    for noun, code in load_table("cameo/agents.tsv"):
        sector = aliases.get(code, code)
        if sector in sectors and " " in noun:
            found[tuple(noun.lower().split())] = sector
    return found


def _titles(sectors: dict[str, str]) -> dict[str, str | None]:
    return {row[0]: _check(row[1] if len(row) > 1 else "", sectors, f"titles.tsv {row[0]!r}")
            for row in load_table(f"{FOLDER}/titles.tsv")}


def _bodies(sectors: dict[str, str]) -> dict[str, Body]:
    bodies: dict[str, Body] = {}
    for name in ("institutions.jsonl", "organisations.jsonl"):
        for row in load_records(f"{FOLDER}/{name}"):
            country = row.get("country")
            if country and not (len(country) == 3 and country.isupper()):
                raise SetupError(f"{name} {row['name']!r}: country must be ISO alpha-3 or a "
                                 f"non-state code, not {country!r}")
            body = Body(row["name"], country, _check(row.get("sector"), sectors, name),
                        bool(row.get("entity", True)))
            for alias in row["aliases"]:
                bodies.setdefault(alias, body)
    return bodies


def _role_nouns(sectors: dict[str, str], non_state: dict[str, str]) -> dict[str, frozenset[str]]:
    """Kind nouns ("the bloc", "the group") → the codes of the actors they may refer back to."""
    known = {**sectors, **non_state}
    nouns = {}
    for row in load_table(f"{FOLDER}/role_nouns.tsv"):
        if len(row) < 2 or not row[1].strip():
            raise SetupError(f"role_nouns.tsv {row[0]!r}: needs a noun and its codes")
        codes = [c.strip() for c in row[1].split(",")]
        for code in codes:
            _check(code, known, f"role_nouns.tsv {row[0]!r}")
        nouns[row[0].lower()] = frozenset(codes)
    return nouns


def sector_codes() -> dict[str, str]:
    """PLOVER sector code → label (``sectors.tsv``)."""
    return {row[0]: row[1] for row in load_table(f"{FOLDER}/sectors.tsv")}


def load_actor_tables() -> ActorTables:
    """The actor tables, checked (the ``Codebook`` caches them)."""
    sectors = sector_codes()
    non_state = {row[0]: row[1] for row in load_table(f"{FOLDER}/non_state_codes.tsv")}
    stop = frozenset(load_list(f"{FOLDER}/name_stopwords.txt"))
    return ActorTables(sectors=sectors, non_state=non_state, words=_words(sectors),
                       titles=_titles(sectors), bodies=_bodies(sectors), name_stopwords=stop,
                       role_nouns=_role_nouns(sectors, non_state),
                       people=frozenset(row[0] for row in load_table("wordnet/people.tsv")),
                       phrases=_phrases(sectors))
