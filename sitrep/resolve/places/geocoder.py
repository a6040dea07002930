"""Toponym detection and resolution: which place each place name in a document stands for.

Detection takes the pipeline's GPE/LOC/FAC entities (the entity ruler has already put the
gazetteer's countries, divisions, big cities and facilities among them), other entities whose
words are exactly a country's name, and the dateline. Resolution ranks each name's candidates by
evidence: population and feature class, document focus (countries named, the dateline),
containment ("Niamey, Niger") and the other places of the text.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, partial

from spacy.tokens import Doc, Span, Token

from sitrep.codebook.lexicon import load_codebook
from sitrep.codebook.load import load_table
from sitrep.ingest.dateline import read_dateline
from sitrep.model import Article, PlaceMention
from sitrep.nlp.deps import ATTRIBUTIVE_DEPS
from sitrep.nlp.truecase import is_shouting
from sitrep.resolve.places.countries import (
    country_by_iso3,
    country_for_demonym,
    country_for_name,
    read_tsv,
)
from sitrep.resolve.places.detect import (
    Scanner,
    after_words,
    english_words,
    list_gaps,
    locative_kinds,
    locatives,
    name_edges,
    name_glue,
    names_other_thing,
    street_words,
)
from sitrep.resolve.places.gazetteer import Candidate, Gazetteer
from sitrep.resolve.places.normalize import fold
from sitrep.resolve.places.patterns import CITY_POPULATION as WORLD_CITY

PLACE_SPANS = "places"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RESCUE_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP"})
PHYSICAL_CODES = ("SEA", "GULF", "BAY", "STRT", "CNL", "LK", "STM", "ISL", "ISLS", "PEN", "DSRT",
                  "MTS", "MT", "PLN", "FRST", "WTLD", "PRK", "CNYN", "RF", "FLLS", "VAL")
FEATURE_BONUS = {**dict.fromkeys(PHYSICAL_CODES, 3.0), "PCLI": 6.0, "CONT": 4.0, "RGN": 3.0,
                 "OCN": 3.0, "ADM1": 0.6, "PPLC": 0.8, "ADM2": -0.3}
PRECISION_BONUS = {"facility": 4.0}
FOCUS_WEIGHT = 1.6
CUE_WEIGHT = 1.0  # a word of a country's institutions counts as one place of it in the focus
CONTAINMENT_BONUS = 4.0
SAME_ADMIN1_BONUS = 0.6
EXACT_NAME_BONUS = 0.6
LIST_PEER_BONUS = 2.0
DIVISION_HINT_BONUS = 3.0
CITY_HINT_BONUS = 1.5
CONTESTED_FOCUS = 0.35
KIND_SHARE = 0.25
CONTESTED_POPULATION = 0.5
FALLBACK_PRECISIONS = ("city", "admin2", "admin1")
FALLBACK_SCORE = 0.3
UNKNOWN_REACH = 300
PART_REACH = 120  # a namesake abroad this near a city named at home is a part of that city
PART_CITY_POPULATION = 100_000
FEW_DIVISIONS = 8  # a country of fewer first-level divisions names none of its towns'
NEAR_KM = 150.0
OWNER_PRECISIONS = ("country", "admin1", "admin2", "city")
OWNED_PRECISIONS = ("admin1", "admin2", "city")
NEAR_BONUS = 3.0
NEIGHBOUR_KM = 100.0
VOUCHING_NAMES = 3  # candidates of all-capitals copy lying together that vouch for each other
NEIGHBOUR_BONUS = 0.8
ABROAD_POPULATION = 100_000
ABROAD_FOCUS = 0.5
SHARED_CODES = frozenset({"STM", "STMI", "STMS", "ISL", "ISLS"})
"""GeoNames feature codes of streams and islands, which the index gives no country when they
run through, or are shared or disputed by, several countries."""
RIVER_KM = 1_000.0
DATELINE_WEIGHT = 0.5
AREA_WEIGHT = 2.0
AREA_DIVISION_VOTE = 1.0
AREA_STATE_VOTE = 2.0
AREA_TOWN_VOTE = 0.5
AREA_DOMINANT = 0.5
AREA_TOWN_COUNTRY = 1.5
EARTH_KM = 6371.0
STRAY_KM = 150.0
STRAY_VILLAGE = 5_000
INNER_WORD = re.compile(r"(?<=\w )(\w+)([ -])(?=\w)")  # a word between two words of a name
GROUP_WORDS = 2  # capitalised words after a place name that may name a team
CLUSTER_KM = 50.0
REREADS = 2  # passes that reread each name by the others' readings
CLUSTER_CANDIDATES = 20
CLUSTER_BONUS = 0.8
CLUSTER_CAP = 3
CLUSTER_SHARE = 0.05
MODIFIER_WEIGHT = 0.0
CAPITAL_BONUS = 1.0
BIG_CITY = 1_000_000
DOMINANT_POPULATION = 1_000_000
DOMINANT_RATIO = 50
DOMINANT_BONUS = FOCUS_WEIGHT
OBJECT_DEPS = ("dobj", "npadvmod")  # a name before a score is often parsed as the latter
SAINT = re.compile(r"^St\.? ")
SAINTS = ("Saint-", "Saint ", "St ")
POSSESSIVES = ("'s", "\u2019s", "'", "\u2019")


@cache
def actor_verbs() -> frozenset[str]:
    """Lemmas after which a place subject is an actor ("Washington said")."""
    return frozenset(row[0] for row in read_tsv("actor_verbs.tsv"))


@cache
def actor_acts() -> frozenset[str]:
    """Verbs of the CAMEO roots ``actor_acts.tsv`` lists (verbal acts of one side towards
    another, read from ``cameo/verbs.tsv``): a capital their subject is its government."""
    roots = frozenset(row[0] for row in read_tsv("actor_acts.tsv"))
    return frozenset(row[0] for row in load_table("cameo/verbs.tsv") if len(row) > 1 and any(
        code[:2] in roots for code in row[1].split(":")))


@cache
def game_verbs() -> dict[str, frozenset[str]]:
    """Verbs of games and where their sides are ("object" or a preposition):
    ``places/game_words.tsv``."""
    return {row[0]: frozenset(row[2].split()) for row in read_tsv("game_words.tsv")
            if row[1] == "verb"}


@cache
def _game_report() -> re.Pattern[str]:
    """A score ("3-1", "27 - 24") or a word only results use (``game_words.tsv``, "result")."""
    words = sorted((row[0] for row in read_tsv("game_words.tsv") if row[1] == "result"),
                   key=len, reverse=True)
    score = r"(?<![\w.\-])\d{1,3} ?[-\u2013] ?\d{1,3}(?![\w.\-])"
    return re.compile(score + "|" + r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


def reports_games(text: str) -> bool:
    """Whether the text reports games: a score or a word of results."""
    return _game_report().search(text) is not None


def _side_of_game(span: Span) -> bool:
    """The name is a side of a game (:func:`game_verbs`): the object of a verb of games
    ("beat Ardmore"), of its preposition ("rallied past Ardmore"), or the subject of one whose
    other side is a proper noun ("Ardmore beat Duncan"), itself or as the first words of a
    team's name ("Ardmore State beat Duncan"), or joined to one of these ("beat Ardmore and
    Duncan"). Read only in a text that reports games (:func:`reports_games`)."""
    token = span.root
    while token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i > token.i:
        token = token.head
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    if token.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        return head.lower_ in game_verbs().get(head.head.lemma_.lower(), ())
    sides = game_verbs().get(head.lemma_.lower())
    if sides is None or head.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ in OBJECT_DEPS:
        return "object" in sides
    return token.dep_ == "nsubj" and any(
        (child.dep_ in OBJECT_DEPS and "object" in sides and child.pos_ == "PROPN")
        or (child.dep_ == "prep" and child.lower_ in sides and any(
            grand.dep_ == "pobj" and grand.pos_ == "PROPN" for grand in child.children))
        for child in head.children)


@cache
def relation_nouns() -> frozenset[str]:
    """Nouns of dealings between governments ("talks between X and Y", "X's ties")."""
    return frozenset(row[0] for row in read_tsv("relation_nouns.tsv"))


@cache
def name_parts() -> dict[str, str]:
    """Words that end a place name → the kind of place they make ("Province" → division)."""
    return {word: kind for word, kind in read_tsv("name_parts.tsv")}


@cache
def directions() -> dict[str, str]:
    """Capitalised direction words → the side of a division they name ("Southern" → "S")."""
    return {word: side for word, side in read_tsv("directions.tsv")}


def _split_direction(text: str) -> tuple[str, str] | None:
    """"Southern California" → ("S", "California"); None when the name starts with no
    direction word."""
    word, _, rest = text.partition(" ")
    side = directions().get(word)
    return (side, rest) if side and rest[:1].isupper() else None


@cache
def _parts_longest_first() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(name_parts().items(), key=lambda item: -len(item[0])))


@cache
def _proximity() -> re.Pattern[str]:
    """A gap that puts a place near another ("near", ", a village outside")."""
    phrases = sorted((row[0] for row in read_tsv("proximity_words.tsv")), key=len, reverse=True)
    return re.compile(r"^,?\s*(?:[a-z0-9.-]+\s+){0,5}?(?:" + "|".join(map(re.escape, phrases))
                      + r")(?: the)?$")


@cache
def name_abbreviations() -> dict[str, str]:
    """Short forms of the words of place names and the words they stand for ("Co." for
    "County"): ``places/name_abbreviations.tsv``."""
    return {short: word for short, word in read_tsv("name_abbreviations.tsv")}


def _written_out(name: str) -> str:
    """The name with each short word of :func:`name_abbreviations` written out ("Ardmore Co."
    is "Ardmore County"); a name with none comes back as it is."""
    if "." not in name:
        return name  # every short form has its dot: most names pay no more than this
    table = name_abbreviations()
    return " ".join(table.get(word, word) for word in name.split(" "))


@cache
def _proximity_phrases() -> tuple[tuple[str, ...], ...]:
    """The phrases of ``proximity_words.tsv`` as words, longest first."""
    return tuple(sorted((tuple(row[0].split()) for row in read_tsv("proximity_words.tsv")),
                        key=len, reverse=True))


def _cut_at_proximity(doc: Doc, ents: list[Span]) -> list[Span]:
    """The entities with a place the model ran on past a lower-case phrase of nearness into
    the names after it ("the Ardmore Turnpike near Duncan and Marlow" read as one facility)
    cut before the phrase: the names after it are left to the scan, which reads them by
    their context like any untagged name."""
    cut: list[Span] = []
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            lower = [t.lower_ for t in ent]
            at = next((i for i in range(1, len(ent) - 1) if ent[i].text.islower() and any(
                tuple(lower[i:i + len(p)]) == p and i + len(p) < len(ent)
                and ent[i + len(p)].text[:1].isupper() for p in _proximity_phrases())), None)
            if at is not None:
                ent = Span(doc, ent.start, ent.start + at, label=ent.label_)
        cut.append(ent)
    return cut


@cache
def containment_words() -> frozenset[str]:
    """Phrases between a place and the larger place holding it ("located in", "district of")."""
    return frozenset(row[0] for row in read_tsv("containment_words.tsv"))


@dataclass(slots=True)
class Toponym:
    """A place name found in the text, with its candidates and the evidence around it."""

    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]
    metonymic: bool = False
    doer: bool = False  # :func:`_is_doer`: a capital so named is its government
    container: Toponym | None = None
    anchor: Toponym | None = None
    owner: Toponym | None = None
    chosen: Candidate | None = None
    margin: float = 0.0
    focus: dict[str, float] = field(default_factory=dict)
    division: bool = False
    city: bool = False
    peers: list[Toponym] = field(default_factory=list)
    inner: list[Toponym] = field(default_factory=list)
    fallback: bool = False
    street: bool = False
    facility: bool = False
    seat: bool = False
    weak: bool = False
    maybe: bool = False
    lone: bool = False
    vouched: bool = False  # a candidate of all-capitals copy that others lying near vouch for
    abroad: bool = False
    dateline: bool = False
    side: str | None = None
    clusters: dict[int, int] = field(default_factory=dict)  # :func:`_cluster_support`
    modifier: bool = False
    worded: bool = False  # the container is linked by words ("area of"), not by a comma
    building: bool = False  # a hospital or a court (:func:`_building`)


def _named_streets(doc: Doc, ents: list[Span]) -> list[Span]:
    """Streets and roads named after places the model tagged as places ("the Lagos-Ibadan
    Expressway", "Ardmore Road", "Avenida Ardmore"): a place entity followed by a word that
    ends a street's name (``street_words.tsv``), with the places hyphenated before it, or
    after a word that begins one (:func:`_street_opener`); the places are then no places
    of their own."""
    kinds = street_words()
    streets: list[Span] = []
    for ent in ents:
        if ent.label_ not in PLACE_LABELS or (streets and streets[-1].end > ent.start):
            continue
        opener = _street_opener(doc, ent.start)
        if opener is not None:
            streets.append(doc[opener:ent.end])  # "Avenida Ardmore"
            continue
        after = ent.end
        if after >= len(doc) or kinds.get(doc[after].text) != "after":
            continue
        start = ent.start
        while start >= 2 and doc[start - 1].text in "-–" and not doc[
                start - 2].whitespace_ and not doc[start - 1].whitespace_ and (
                doc[start - 2].text[:1].isupper()):
            start -= 2
        streets.append(doc[start:after + 1])
    return streets


def _street_opener(doc: Doc, start: int) -> int | None:
    """Where a word that begins a street's name (``street_words.tsv``, position "start":
    "Avenida", "Rue", "Calle") stands before ``start``, capitalised words and name glue
    between (up to three tokens), or None."""
    kinds = street_words()
    for at in range(start - 1, max(-1, start - 4), -1):
        word = doc[at].text
        if kinds.get(word) == "start":
            return at
        if not (word[:1].isupper() or word.lower() in name_glue()):
            return None
    return None


def _trim(span: Span) -> tuple[int, int]:
    """Character offsets without a leading article or a trailing possessive."""
    tokens = list(span)
    leading, trailing = name_edges("start"), name_edges("end")
    while tokens and tokens[0].lower_ in leading:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower_ in trailing:
        tokens = tokens[:-1]
    if not tokens:
        return span.start_char, span.start_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _is_metonymic(span: Span) -> bool:
    """The name is the subject of a verb of :func:`actor_verbs` ("Washington said"), or joined
    to such a subject ("Lisbon and Rabat agreed")."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in actor_verbs()


def _is_doer(span: Span) -> bool:
    """Besides :func:`_is_metonymic`, the name as a doer, which a capital's name is for its
    government: the subject of a verbal act of one side towards another (:func:`actor_acts`)
    or the side it is aimed at (its object), the possessor of a noun of dealings
    (:func:`relation_nouns`) or of the act of a verb of either list ("Moscow's refusal", by
    ``wordnet/nominals.tsv``), or one side of dealings
    ("talks between Beijing and Washington")."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    head = root.head
    noun = head.lemma_.lower()
    verbs = actor_verbs() | actor_acts()
    if root.dep_ == "nsubj":
        return noun in verbs
    if root.dep_ == "dobj":  # the side a verbal act is aimed at ("accused Moscow of")
        return head.pos_ == "VERB" and (noun in actor_acts() or (
            noun in actor_verbs() and _addressed_to_act(head)))
    if root.dep_ == "poss":
        return noun in relation_nouns() or head.lower_ in relation_nouns() or any(
            verb in verbs for verb in load_codebook().nominals.get(noun, ()))
    return root.dep_ == "pobj" and head.lower_ == "between" and head.head.pos_ == "NOUN" and (
        head.head.lemma_.lower() in relation_nouns() or head.head.lower_ in relation_nouns())


def _addressed_to_act(verb: Token) -> bool:
    """"urged Moscow to withdraw", "asked Paris to recall its envoy": a verb of speech whose
    object is told to act (an infinitive complement follows) addresses a side that can act,
    which a capital's name is only as its government."""
    return any(child.dep_ == "xcomp" and child.i > verb.i for child in verb.children)


def _is_modifier(span: Span) -> bool:
    """The name modifies a noun after it ("U.S. officials", "the U.S. embassy")."""
    root = span.root
    return root.dep_ in ATTRIBUTIVE_DEPS and root.head.i >= span.end and root.head.pos_ in (
        "NOUN", "PROPN")


def _demonym_modifier(span: Span) -> bool:
    """"Gambian officials", "the Lao border": a demonym of the codebook that the model tagged
    as a place, modifying a noun that is no word of a place's name ("the Somali region" is
    one), says whose people or things, as an adjective does; it names no place (a division
    of another country may share the word)."""
    head = span.root.head
    return country_for_demonym(span.text) is not None and _is_modifier(span) and (
        head.text not in name_parts())


def _free(token: Token) -> bool:
    """A token outside every entity."""
    return token.ent_iob_ in ("O", "")


def _widen(span: Span, known: Callable[[str], bool]) -> Span:
    """Join a name-ending word written just after the name ("Ardmore" + "Bay"), or a
    capitalised word that makes a longer name the index knows ("Tishomingo" + "Falls",
    "Ardmore" + "City"), and a proper noun just before it ("Fort" + "Portal", "Long" +
    "Island"): the entity ruler and the model can take the shorter name inside a longer
    one."""
    doc = span.doc
    start, end = span.start, span.end
    joins = ("feature", "water", "site", "settlement")
    if end < len(doc) and _free(doc[end]) and (name_parts().get(doc[end].text) in joins or (
            doc[end].is_title and known(f"{span.text} {doc[end].text}"))):
        end += 1
    if start > 0 and _free(doc[start - 1]) and (
            doc[start - 1].pos_ == "PROPN" or doc[start - 1].text in directions()) and (
            doc[start - 1].is_title and not doc[start - 1].is_sent_start):
        start -= 1
    return doc[start:end] if (start, end) != (span.start, span.end) else span


def _lookup_names(text: str) -> list[tuple[str, str]]:
    """Names to try for a mention, in order, each with the kind its dropped word says:
    as written, then respelled ("Fort-De-France", "St. Petersburg") with kind "", then without
    a kind word ("Sichuan Province" → "Sichuan", kind "division"; "Lagos airport" → "Lagos",
    kind "facility"; "Swat Valley" → "Swat", kind "feature"; "Mithi River" → "Mithi", kind
    "water")."""
    names = [(text, "")]
    if text.isupper() and len(text) > 3:
        names.append((text.title(), ""))  # capitals of wire datelines and headlines
    spelled = re.sub(r"\b(Au|Aux|De|Del|Du|Des|La|Le|Les|El|Al)\b",
                     lambda m: m.group(1).lower(), text)
    for saint in SAINTS:
        names.append((SAINT.sub(saint, spelled), ""))
    names.append((spelled, ""))
    names.append((_written_out(text), ""))  # "Ardmore Co." is "Ardmore County"
    names += [(name, "article") for name in _article_variants(text) + _inner_articles(text)]
    for part, kind in _parts_longest_first():
        if kind == "site":
            continue  # "Ardmore Park" need not lie in Ardmore
        if text.endswith(" " + part) and len(text) > len(part) + 3:
            names.append((text[: -len(part) - 1], kind))
        elif kind in ("feature", "water") and text.startswith(part + " ") and (
                len(text) > len(part) + 3):
            names.append((text[len(part) + 1:], kind))
    unique: dict[str, str] = {}
    for name, kind in names:
        if name:
            unique.setdefault(name, kind)
    return list(unique.items())


@cache
def name_articles() -> tuple[str, ...]:
    """Articles of transliterated names ("Al", "El"): ``places/name_articles.tsv``."""
    return tuple(row[0] for row in read_tsv("name_articles.tsv"))


def _article_variants(text: str) -> list[str]:
    """"Diwaniyah" → "Al Diwaniyah", "Al-Diwaniyah"...; "Al-Raqqa" → "Raqqa": the name with each
    article of :func:`name_articles` before it, or without the one it starts with."""
    for article in name_articles():
        for joint in (" ", "-"):
            if text.lower().startswith(f"{article.lower()}{joint}") and len(text) > len(
                    article) + 3:
                return [text[len(article) + 1:]]
    if not text[:1].isupper() or " " in text:
        return []
    return [f"{article}{joint}{text}" for article in name_articles() for joint in (" ", "-")]


def _inner_articles(text: str) -> list[str]:
    """"Wadi al-Seer" → "Wadi as-Seer", "Beit al-Faqih" → "Beit el Faqih": the article
    inside a transliterated name (:func:`name_articles`, after a word and before the next) is
    written in many ways, as it is assimilated to the letter after it or not, and joined by a
    space or a hyphen; the name with each other article and joint, the first article only."""
    articles = {article.lower() for article in name_articles()}
    for found in INNER_WORD.finditer(text):
        if found.group(1).lower() in articles:
            head, tail = text[:found.start()], text[found.end():]
            return [f"{head}{article.lower()}{joint}{tail}" for article in name_articles()
                    for joint in (" ", "-")
                    if (article.lower(), joint) != (found.group(1), found.group(2))]
    return []


class Geocoder:
    """Resolves the place mentions of a document against the gazetteer index.

    The index is built on first use if this environment has none (``sitrep setup`` builds it
    ahead of time).
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer
        self._scanner: Scanner | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer()
        return self._gazetteer

    def resolve(self, doc: Doc, article: Article) -> list[PlaceMention]:
        """Every toponym of the document, resolved where the gazetteer knows it, by offset.

        Offsets index ``article.text``. The dateline's place is one of them. A name used as an
        actor ("Washington said", "Niger announced") is kept, resolved, but given ``score``
        0.0: callers that want where something happened skip places with a zero score (see
        :func:`is_event_place`). A name the gazetteer does not know takes the point of the
        place that holds it ("Ridgeview, Ardmore"), with that place's name and precision and a
        low score; with no such place it comes out with no coordinates and ``precision`` None.
        """
        text = doc.text  # built from the tokens on every access: read once
        toponyms = self.detect(doc, article, text)
        toponyms = [t for t in toponyms if not _unplaced(t, text)
                    and not _river_qualifier(t, toponyms, text)]
        if is_shouting(article.text):
            # The case of all-capitals copy is the case restorer's guess: a capitalised word is
            # no evidence, so a gazetteer name with no more than a preposition or a list is
            # kept only when a town of its name lies where the rest of the article is
            # (:func:`_confirmed`), however unknown a word it is.
            for toponym in toponyms:
                if toponym.weak:
                    toponym.maybe, toponym.lone = True, False
            _vouched_together([t for t in toponyms if t.maybe], self._focus(
                [t for t in toponyms if not t.maybe], cue_countries(text)))
        maybes = [t for t in toponyms if t.maybe]
        toponyms = [t for t in toponyms if not t.maybe]
        cues = cue_countries(text)
        focus = self._focus(toponyms, cues)
        support = _cluster_support(toponyms)
        for toponym in toponyms:
            toponym.clusters = support
        admin1s: Counter[tuple[str | None, str | None]] = Counter()
        for toponym in toponyms:
            self._choose(toponym, focus, admin1s)
            if toponym.chosen and toponym.chosen.precision == "city":
                admin1s[(toponym.chosen.country, toponym.chosen.admin1)] += 1
        for _ in range(REREADS):
            # a pass reads each name by the others' readings of the pass before, so names
            # that move together ("Bedford and Everett", both read in another state first)
            # need a second one
            points = _local_points(toponyms)
            areas = _area_votes(toponyms)
            before = [t.chosen for t in toponyms]
            for toponym in toponyms:
                if toponym.chosen and (toponym.chosen.precision in ("city", "admin2")
                                       or toponym.peers or toponym.inner):
                    self._choose(toponym, focus, admin1s, exclude_self=True, points=points,
                                 areas=areas)
            if [t.chosen for t in toponyms] == before:
                break
            admin1s = Counter((t.chosen.country, t.chosen.admin1) for t in toponyms
                              if t.chosen and t.chosen.precision == "city")
        _town_over_country(toponyms, areas)
        _home_town_over_short_name(toponyms, focus)
        _one_reading(toponyms)
        _drop_strays(toponyms)
        _streets_far_away(toponyms)
        demonyms = _demonym_countries(doc)
        _parts_of_the_city(toponyms, self.gazetteer.division_counts(), demonyms)
        if maybes:
            regions = [t.chosen for t in toponyms if t.chosen is not None and not t.metonymic
                       and t.chosen.precision == "region" and t.chosen.country]
            toponyms = sorted(toponyms + _confirmed(maybes, points, areas, focus, regions),
                              key=lambda t: t.start)
        for toponym in toponyms:
            _keep_home(toponym, toponyms, focus, partial(self._focus, cues=cues), demonyms)
            if _division_abroad(toponym, focus):
                _division_at_home(toponym, self._focus([t for t in toponyms if t is not toponym],
                                                       cues))
        for toponym in toponyms:
            _fall_back(toponym)
        _nearer_town(toponyms)
        _streets_fall_back(toponyms, focus)
        _unknown_fall_back(toponyms, focus)
        _shared_features_at_home(toponyms, focus)
        for toponym in toponyms:
            self._to_part(toponym)
        return [_mention(article.id, t) for t in toponyms]

    def _to_part(self, toponym: Toponym) -> None:
        """"Southern California": a direction word before a country or first-level division
        names the part of it on that side (:meth:`Gazetteer.part_point`), a region of the
        division's country."""
        chosen = toponym.chosen
        if toponym.side is None or chosen is None or chosen.country is None or (
                chosen.precision not in ("country", "admin1")):
            return
        admin1 = chosen.admin1 if chosen.precision == "admin1" else None
        point = self.gazetteer.part_point(chosen.country, admin1, toponym.side)
        if point is not None:
            toponym.chosen = replace(chosen, name=toponym.text, lat=point[0], lon=point[1],
                                     geonameid=None, feature_code="RGN", precision="region")

    def detect(self, doc: Doc, article: Article, text: str | None = None) -> list[Toponym]:
        """Place names of the document, in text order, without overlaps: those the
        ``sitrep_places`` component stored in ``doc.spans["places"]`` (found here when the
        document has none), and the dateline. ``text`` is ``doc.text`` when the caller has
        read it."""
        text = doc.text if text is None else text  # built from the tokens on every access
        if PLACE_SPANS in doc.spans:
            found = {(t.start, t.end): t for t in self._from_spans(doc, text)}
        else:
            found = {(t.start, t.end): t for t in self._find(doc, text)}
        dateline = self._dateline(article)
        if dateline:
            overlapping = [k for k in found if k[0] < dateline.end and dateline.start < k[1]]
            # the reader took the dateline's whole name: a known shorter name inside it
            # ("LA" of "LA PAZ") is a piece of it, not a place of its own
            pieces = [k for k in overlapping if dateline.start <= k[0] and k[1] <= dateline.end
                      and k[1] - k[0] < dateline.end - dateline.start]
            for key in overlapping:
                if key == (dateline.start, dateline.end):
                    found[key].city = True  # the model read the dateline: still a town
            if dateline.candidates and not any(found[k].candidates for k in overlapping
                                               if k not in pieces):
                for key in overlapping:
                    del found[key]
            if not any(k[0] < dateline.end and dateline.start < k[1] for k in found):
                found[(dateline.start, dateline.end)] = dateline
        toponyms = sorted(found.values(), key=lambda t: t.start)
        toponyms = self._join_hyphenated(toponyms, text)
        toponyms = self._join_directions(toponyms, text)
        self._share_kinds(toponyms, text)
        _link_containers(toponyms, text)
        return toponyms

    def _join_hyphenated(self, toponyms: list[Toponym], text: str) -> list[Toponym]:
        """"Miami-Dade": two names joined by a hyphen are one name, read as the whole when
        the index knows it, else as its first part, unless the two are places of their own
        side by side: two countries or divisions ("Kenya-Uganda"), two towns near each
        other ("Dallas-Fort Worth"), or two names the index knows only apart with a word of
        what runs between them after ("the Abuja-Kaduna highway": ``link_words.tsv``)."""
        joined: list[Toponym] = []
        for toponym in toponyms:
            last = joined[-1] if joined else None
            if last is None or toponym.start != last.end + 1 or text[last.end] != "-" or (
                    _side_by_side(last, toponym)):
                joined.append(toponym)
                continue
            whole = text[last.start:toponym.end]
            candidates = self.gazetteer.candidates(whole)
            if not candidates and last.candidates and toponym.candidates and (
                    _linked(text, toponym.end)):
                joined.append(toponym)
                continue
            last.end, last.text = toponym.end, whole
            last.candidates = candidates or last.candidates
        return joined

    def _join_directions(self, toponyms: list[Toponym], text: str) -> list[Toponym]:
        """A direction word the model read as a place of its own before a place ("North-Eastern"
        and "Adelaide" of "North-Eastern Adelaide") names a part of that place, not a division
        of its own name elsewhere: one toponym, the part of a country or division as for
        "Southern California", else the place after it."""
        joined: list[Toponym] = []
        for toponym in toponyms:
            last = joined[-1] if joined else None
            if last is None or last.text not in directions() or (
                    toponym.start != last.end + 1) or text[last.end] != " " or (
                    not toponym.candidates) or toponym.street:
                joined.append(toponym)
                continue
            whole = text[last.start:toponym.end]
            split = _split_direction(whole)
            parts = self._whole_of_part(split[1]) if split else ()
            if parts and split:
                toponym.candidates, toponym.side = parts, split[0]
            toponym.start, toponym.text = last.start, whole
            joined[-1] = toponym
        return joined

    def _share_kinds(self, toponyms: list[Toponym], text: str) -> None:
        """"Marion, Polk and Linn counties": a plural division word after a list is the kind
        of every name of the list ("Marion County", "Polk County"); so is a plural kind
        phrase before it ("the provinces of Herat and Farah")."""
        run: list[Toponym] = []
        for toponym in toponyms:
            if run and _separator(text[run[-1].end:toponym.start]) not in list_gaps():
                self._kind_of_run(run, text)
                run = []
            run.append(toponym)
        self._kind_of_run(run, text)

    def _kind_of_run(self, run: list[Toponym], text: str) -> None:
        if len(run) < 2:
            return
        kind, plural = _kind_phrase_before(text, run[0].start)
        if kind and plural:  # "the provinces of Herat and Farah"
            for toponym in run:
                toponym.division = toponym.division or kind == "division"
                toponym.city = toponym.city or kind == "city"
        last = run[-1]
        name, _, tail = last.text.rpartition(" ")
        end = last.end - len(tail) - 1 if name and tail.islower() and _kind_word_after(
            tail, 0) else last.end  # "Somerset county" read as one name: its word is the kind
        after = text[end:end + 32].split()
        kind = _kind_word_after(text, end)
        if not kind or not after:
            return
        if after[0].strip(",.;:").endswith("s"):
            members = run[:-1]
        elif _attributive(after):
            members = run  # "Marion and Polk county officials": each is a county
        else:
            return
        for toponym in members:
            own = toponym.text if toponym is not last else text[last.start:end]
            found = tuple(c for c in self.gazetteer.candidates(f"{own} {kind}")
                          if c.precision in ("admin1", "admin2"))
            if found:
                toponym.candidates, toponym.division = found, True

    def find_spans(self, doc: Doc) -> list[Span]:
        """The place names of a document as spans labelled "place", "weak_place" (a gazetteer
        name that only a preposition or a list marks as a place), "maybe_place" (an English
        word or a person's name after a preposition of place: a place only when the rest of
        the article vouches for it, :func:`_confirmed`), "lone_place" (a proper noun with no
        context, likewise), "facility" (a building or site the
        model tagged) or "street" (what the ``sitrep_places`` component stores)."""
        spans = []
        for toponym in self._find(doc, doc.text):
            label = ("street" if toponym.street else "lone_place" if toponym.lone
                     else "maybe_place" if toponym.maybe
                     else "weak_place" if toponym.weak
                     else "facility" if toponym.facility else "place")
            span = doc.char_span(toponym.start, toponym.end, label=label,
                                 alignment_mode="expand")
            if span is not None:
                spans.append(span)
        return spans

    def _from_spans(self, doc: Doc, text: str) -> list[Toponym]:
        toponyms = []
        for span in doc.spans[PLACE_SPANS]:
            if span.label_ == "street":
                toponyms.append(Toponym(span.start_char, span.end_char, span.text, (),
                                        metonymic=_is_metonymic(span), street=True))
            else:
                toponym = self._lookup(text, span.start_char, span.end_char, span)
                toponym.weak = span.label_ in ("weak_place", "maybe_place", "lone_place")
                toponym.maybe = span.label_ in ("maybe_place", "lone_place")
                toponym.lone = span.label_ == "lone_place"
                toponym.facility = span.label_ == "facility"
                toponym.building = toponym.facility and _building(toponym.text)
                toponyms.append(toponym)
        return toponyms

    def _find(self, doc: Doc, text: str) -> list[Toponym]:
        """The model's place entities, then gazetteer names the words around them mark as
        places, and streets; in text order, without overlaps (``text``: ``doc.text``)."""
        found: dict[tuple[int, int], Toponym] = {}
        spans: list[Span] = []
        ents = _cut_at_proximity(doc, list(doc.ents))
        surnames = _surnames(ents)
        games = reports_games(text)
        named_streets = _named_streets(doc, ents)
        for street in named_streets:
            found[(street.start_char, street.end_char)] = Toponym(
                street.start_char, street.end_char, street.text, (),
                metonymic=_is_metonymic(street), street=True)
            spans.append(street)
        for ent in ents:
            if _person_again(ent, surnames) or any(
                    s.start <= ent.start and ent.end <= s.end for s in named_streets) or (
                    games and _side_of_game(ent) and self._team_sized(ent.text)):
                continue
            parts = self._list_parts(ent, text) or self._held_parts(ent, text)
            if parts:
                found.update(((t.start, t.end), t) for t in parts)
                spans.append(ent)
                continue
            toponym = self._toponym(ent, text)
            if toponym is not None:
                found[(toponym.start, toponym.end)] = toponym
                spans.append(ent)
        for toponym in self._scanned(doc, text, spans, ents, games):
            if not any(k[0] < toponym.end and toponym.start < k[1] for k in found):
                found[(toponym.start, toponym.end)] = toponym
        # an entity widened to the known name it is part of ("de-Calais" to a name with a word
        # before it) takes in the model's entity of that word
        return sorted((t for key, t in found.items() if not any(
            other != key and other[0] <= key[0] and key[1] <= other[1] for other in found)),
            key=lambda t: t.start)

    def _list_parts(self, ent: Span, doc_text: str) -> list[Toponym]:
        """A place entity that is a list of names ("Ardmore and Duncan" tagged as one place)
        that the index does not know whole but knows name by name: a toponym per name."""
        if ent.label_ not in PLACE_LABELS or len(ent) < 3:
            return []
        gaps = list_gaps()
        lower = [t.lower_ for t in ent]
        if not any(word in gaps for word in lower[1:-1]) or lower[0] in gaps or (
                lower[-1] in gaps) or self._known(ent.text):
            return []
        parts: list[Toponym] = []
        begin = 0
        for i in range(len(ent) + 1):
            if i < len(ent) and lower[i] not in gaps:
                continue
            if i == begin:
                return []  # two list words side by side
            part = ent[begin:i]
            if not part.text[:1].isupper() or not self._known(part.text):
                return []
            parts.append(self._lookup(doc_text, part.start_char, part.end_char, ent))
            begin = i + 1
        return parts if len(parts) > 1 else []

    def _held_parts(self, ent: Span, doc_text: str) -> list[Toponym]:
        """A place entity that is a place inside a known one ("the Ardmore Lake in Carter
        County" tagged as one place) that the index does not know whole: a toponym for each
        side of the last "in", the inner one held by the outer. An organisation's entity run on
        into the town it lies in ("the Ridgeview Speedway in Ardmore") gives the town alone."""
        if ent.label_ not in (*PLACE_LABELS, "ORG") or len(ent) < 3:
            return []
        at = next((i for i in range(len(ent) - 2, 0, -1) if ent[i].lower_ == "in"), None)
        if at is None or self._known(ent.text):
            return []
        first = 1 if ent[0].lower_ in name_edges("start") else 0
        inner, outer = ent[first:at], ent[at + 1:]
        if not inner.text[:1].isupper() or not outer.text[:1].isupper() or not self._known(
                outer.text):
            return []
        parts = (inner, outer) if ent.label_ in PLACE_LABELS else (outer,)
        return [self._lookup(doc_text, part.start_char, part.end_char, ent) for part in parts]

    def _scanned(self, doc: Doc, text: str, spans: list[Span], ents: list[Span],
                 games: bool = False) -> list[Toponym]:
        """Toponyms of the gazetteer scan (:mod:`detect`) outside the model's entities; in a
        text that reports games (``games``), none that is a side of one (:func:`_side_of_game`)."""
        toponyms = []
        for hit in self.scanner.scan(doc, spans, ents, text):
            span = doc[hit.start:hit.end]
            if hit.context == "street":
                toponyms.append(Toponym(span.start_char, span.end_char, span.text, (),
                                        metonymic=_is_metonymic(span), street=True))
                continue
            if _names_group(span, self._known) or (
                    games and _side_of_game(span) and self._team_sized(span.text)):
                continue  # "the Ardmore Owls" the model left untagged or took whole for a place
            toponym = self._lookup(text, span.start_char, span.end_char, span)
            toponym.weak = hit.context in ("weak", "list", "maybe", "lone")
            toponym.maybe = hit.context in ("maybe", "lone")
            toponym.lone = hit.context == "lone"
            if toponym.candidates:
                toponyms.append(toponym)
        return toponyms

    @property
    def scanner(self) -> Scanner:
        if self._scanner is None:
            self._scanner = Scanner(self._known, self._may_hold, self._size)
        return self._scanner

    def _names(self, name: str) -> tuple[Candidate, ...]:
        """Candidates of a name as written, or title-cased when written in capitals, or of
        its "Saint" spellings ("St. Tammany Parish" is filed as "Saint Tammany Parish"), or
        of the spellings of the article inside it (:func:`_inner_articles`)."""
        candidates = self.gazetteer.candidates(name)
        if not candidates and name.isupper() and len(name) > 3:
            candidates = self.gazetteer.candidates(name.title())
        if not candidates and SAINT.match(name):
            candidates = self._spellings(tuple(SAINT.sub(saint, name) for saint in SAINTS))
        if not candidates and (split := _split_direction(name)):
            candidates = self._whole_of_part(split[1])
        if not candidates:
            candidates = self._spellings(tuple(_inner_articles(name)))
        if not candidates and (written_out := _written_out(name)) != name:
            candidates = self.gazetteer.candidates(written_out)
        return candidates

    def _whole_of_part(self, name: str) -> tuple[Candidate, ...]:
        """The countries and first-level divisions called ``name``: what a direction word
        before it can name a part of."""
        return tuple(c for c in self.gazetteer.candidates(name)
                     if c.precision in ("country", "admin1"))

    def _size(self, name: str) -> int:
        """The population of the largest town or division of the name (0 for none)."""
        return max((c.population for c in self._names(name)
                    if c.precision in ("city", "admin2", "admin1")), default=0)

    def _team_sized(self, name: str) -> bool:
        """Whether a side of a game so named is a team of its own rather than a town's school:
        a country or a state ("India beat Australia"), or a city of ABROAD_POPULATION people
        or more, which professional and college sides are named after; a small town's side is
        its school, which local news reads as the town ("Ardmore routed Duncan 42-7")."""
        return self._size(name) >= ABROAD_POPULATION or any(
            c.precision == "country" for c in self._names(name))

    def _known(self, name: str) -> bool:
        return bool(self._names(name))

    def _may_hold(self, inner: str, outer: str) -> bool:
        """Whether a division or country called ``outer`` holds a place called ``inner``."""
        outers = [c for c in self._names(outer)[:10] if c.precision in ("admin1", "country")]
        if not outers:
            return False
        return any(_inside(place, holder) for holder in outers for place in self._names(inner))

    def _toponym(self, ent: Span, doc_text: str) -> Toponym | None:
        if ent.label_ not in PLACE_LABELS and ent.label_ not in RESCUE_LABELS:
            return None
        if ent.label_ == "NORP" and (area := self._demonym_area(ent, doc_text)):
            return area
        if names_other_thing([t.lower_ for t in ent.doc[ent.end:ent.end + 3]]) or (
                _named_for(doc_text, ent.start_char)) or _names_group(ent, self._known) or (
                _group_inside(ent, self._known)) or (
                _demonym_modifier(ent)):
            return None  # "West Nile virus", "Ohio State University", "University of Georgia"
        if ent.label_ in PLACE_LABELS:
            wide = _widen(ent, self._known)
            if wide is not ent:
                start, end = _trim(wide)
                toponym = self._lookup(doc_text, start, end, ent)
                toponym.facility = name_parts().get(wide[-1].text) == "site"
                if toponym.candidates or toponym.facility:
                    return toponym
        start, end = _trim(ent)
        text = doc_text[start:end]
        if not text or not text[0].isupper():
            return None
        whole = _glued_start(doc_text, start)
        if whole < start and self.gazetteer.candidates(doc_text[whole:end]):
            start, text = whole, doc_text[whole:end]  # "Name-" + "Other Name International Airport"
        toponym = self._lookup(doc_text, start, end, ent)
        if not toponym.candidates and ent.label_ in PLACE_LABELS:
            toponym = self._known_head(ent, doc_text, start, end) or toponym
        if ent.label_ in RESCUE_LABELS and not toponym.candidates and _part_after(doc_text, end):
            return toponym  # "the Ridgeview neighborhood" tagged as an organisation
        if ent.label_ in RESCUE_LABELS and not _rescued(text, toponym.candidates):
            return None
        toponym.facility = ent.label_ == "FAC"
        toponym.building = toponym.facility and _building(toponym.text)
        if toponym.facility and not toponym.candidates and _street_name(toponym.text):
            toponym.facility, toponym.street = False, True  # "Main Street", "Route 53"
        if toponym.facility and _glued(doc_text, start) and toponym.text not in {
                c.name for c in toponym.candidates}:
            toponym.candidates = ()  # "Hartsfield-Jackson International Airport" is no Jackson
        return toponym

    def _demonym_area(self, ent: Span, doc_text: str) -> Toponym | None:
        """A demonym and the words after it that name an area of its country (``after_words``
        of strength "demonym": waters, airspace) are a mention of that country."""
        for size in (2, 1):
            if ent.end + size > len(ent.doc):
                continue
            last = ent.doc[ent.end + size - 1]
            end = last.idx + len(last.text)
            candidates = self._demonym_country(doc_text[ent.start_char:end])
            if candidates:
                return Toponym(ent.start_char, end, doc_text[ent.start_char:end], candidates)
        return None

    def _demonym_country(self, text: str) -> tuple[Candidate, ...]:
        """The country entry of "<demonym> <words of its area>" ("Ardmoran waters"), or ()."""
        words = text.split()
        if len(words) < 2 or after_words().get(tuple(w.lower() for w in words[1:])) != (
                "demonym"):
            return ()
        country = country_for_demonym(words[0])
        if country is None:
            return ()
        return tuple(c for c in self.gazetteer.candidates(country.name)
                     if c.precision == "country" and c.country == country.iso3)

    def _known_head(self, ent: Span, doc_text: str, start: int, end: int) -> Toponym | None:
        """"El Dorado County Sheriff's Office" tagged as one place: the longest run of its
        first words that the index knows, when the words after it begin a phrase that follows
        place names (``after_words.tsv``: "Sheriff's Office", "officials", "residents"), or
        are figures (a table's row run on into its number: "Ardmore 104, Duncan 101"), is the
        place the entity names."""
        tokens = [t for t in ent if start <= t.idx < end]
        for cut in range(len(tokens) - 1, 0, -1):
            head_end = tokens[cut - 1].idx + len(tokens[cut - 1].text)
            rest = [t.lower_ for t in tokens[cut:]]
            if not _follows_place(rest) and not all(t.like_num for t in tokens[cut:]):
                continue
            head = self._lookup(doc_text, start, head_end, ent)
            if head.candidates:
                return head
        return None

    def _lookup(self, doc_text: str, start: int, end: int, ent: Span,
                kind: str | None = None) -> Toponym:
        """The mention at ``start:end`` with the candidates of the first name the index knows;
        with a division word after it ("Linn county", or ``kind`` from a list such as "Linn
        and Polk counties") the name with that word is tried first ("Linn County"). A
        division the index lacks takes the towns of its name: most districts and counties are
        named after their seat; such a guess stands only in an article about the seat's
        country (:func:`_keep_home`). The towns stay candidates of a division found too, for
        an article about their country (:func:`_division_at_home`)."""
        text = doc_text[start:end]
        candidates: tuple[Candidate, ...] = ()
        division = False
        kind = kind or _kind_word_after(doc_text, end)
        names = _lookup_names(text)
        if kind and not text.endswith(" " + kind):
            names = [(f"{text} {kind}", "division"), *names]
        seats: tuple[Candidate, ...] = ()
        settled = False
        spellings = tuple(name for name, dropped in names[1:] if not dropped)
        for name, dropped in names:
            candidates = self.gazetteer.candidates(name)
            if candidates and not dropped and name != text:
                candidates = self._spellings(spellings)
            elif candidates and name == text and SAINT.match(text):
                # "St. Peters, Mo." is filed as "Saint Peters": the towns of the other
                # spellings stay readings, which a holder or the article may choose
                known = {c.id for c in candidates}
                candidates += tuple(c for c in self._spellings(spellings)
                                    if c.id not in known and c.precision == "city")
            if dropped in ("division", "settlement"):
                candidates = self._kind_home(candidates, text, name)
            if dropped == "division":
                seats = seats or tuple(c for c in candidates if c.precision == "city")
                candidates = tuple(c for c in candidates if c.precision in ("admin1", "admin2"))
            elif dropped == "feature":
                # "Gili Islands": only a town whose own name it is ("Salinas Valley" →
                # Salinas), not one that has it among other names.
                candidates = tuple(c for c in candidates if c.precision != "city" or (
                    _same_name(c.name, name)))
            elif dropped == "settlement":
                # "Union Township": a town's own kind word; a division of the name abroad
                # is no reading.
                candidates = tuple(c for c in candidates if c.precision == "city")
            elif dropped == "water":
                # "Little Miami River", "Mahim Bay": a river, lake or bay is no town of its
                # name (which may lie far away); a division or feature of it may stand in.
                candidates = tuple(c for c in candidates if c.precision != "city")
            if candidates:
                division = dropped == "division"
                settled = dropped == "settlement"
                break
        if not candidates and not seats:
            candidates = self._demonym_country(text)
        seat = self._seat(text) if _after_the(doc_text, start) else ()
        if seat:
            return Toponym(start, end, text, seat, metonymic=_is_metonymic(ent), facility=True,
                           doer=_is_doer(ent))
        split = None if candidates or seats else _split_direction(text)
        if split and (whole := self._whole_of_part(split[1])):
            return Toponym(start, end, text, whole, metonymic=_is_metonymic(ent),
                           side=split[0], doer=_is_doer(ent))
        cue = _kind_before(doc_text, start)
        division = division or cue == "division" or _division_cue(doc_text, start, end)
        return Toponym(start, end, text, candidates + seats if division else candidates or seats,
                       metonymic=_is_metonymic(ent), doer=_is_doer(ent), division=division,
                       city=cue == "city" or settled,
                       seat=not candidates and bool(seats), modifier=_is_modifier(ent))

    def _spellings(self, names: tuple[str, ...]) -> tuple[Candidate, ...]:
        """The places of every respelling of a name the index lacks as written ("St. Peters"
        is "Saint-Peters" in one country and "Saint Peters" in another), most populous
        first."""
        found: dict[int, Candidate] = {}
        for name in names:
            for candidate in self.gazetteer.candidates(name):
                found.setdefault(candidate.id, candidate)
        return tuple(sorted(found.values(), key=lambda c: -c.population))

    def _kind_home(self, candidates: tuple[Candidate, ...], text: str, name: str
                   ) -> tuple[Candidate, ...]:
        """"Franklin Township", "Tishomingo Parish" with no state named: a kind word is used
        in some countries only (the index names places with it there: KIND_SHARE of its
        names or more), so the towns of the name read without it are those of such a
        country when there are any, not a larger namesake abroad (a Franklin of Canada).
        Divisions are not filtered: they are found by their own names."""
        word = (text[len(name):] if text.startswith(name) else text[:-len(name)]).strip()
        homes = {country for country, share in self.gazetteer.kind_countries(word).items()
                 if share >= KIND_SHARE} if word else set()
        if not homes:
            return candidates
        towns = [c for c in candidates if c.precision == "city"]
        if not any(c.country in homes for c in towns):
            return candidates
        return tuple(c for c in candidates if c.precision != "city" or c.country in homes)

    def _seat(self, text: str) -> tuple[Candidate, ...]:
        """"the White House", "the Kremlin": a national institution of the actor tables
        (``actors/institutions.jsonl``) named with an article is its building, which stands in
        its country's capital, not a town that shares or translates its name (Casablanca is
        "White House" among its GeoNames names). The capital's entry, or nothing."""
        body = load_codebook().actors.bodies.get(text)
        country = country_by_iso3(body.country) if body and body.country else None
        if country is None or not country.capital:
            return ()
        return tuple(c for c in self.gazetteer.candidates(country.capital)
                     if c.country == country.iso3 and c.precision == "city")[:1]

    def _dateline(self, article: Article) -> Toponym | None:
        """The lead dateline's place, as ingest read it; an article made in code, which ingest
        never saw, has its dateline read here by the same reader."""
        place, start, end = article.dateline_place, article.dateline_start, article.dateline_end
        if not place or start is None:
            found = read_dateline(article.text, article.published)
            place, start, end = found.place, found.start, found.end
            if not place or start is None:
                return None
        end = end or start + len(place)
        if "," in article.text[start:end]:
            # "KOLDA, Senegal": the town the story was filed from; the country or state after it
            # is a mention of its own, which the model or the scan reads
            end = start + article.text[start:end].index(",")
            place = article.text[start:end]
        text = article.text[start:end]
        candidates = (self.gazetteer.candidates(text)
                      or self.gazetteer.candidates(text.title())
                      or self.gazetteer.candidates(place.title()))
        # A dateline names the town the story was filed from ("WASHINGTON" is the capital,
        # not the state): its towns are favoured like those after "the city of".
        return Toponym(start, end, text, candidates, dateline=True, city=True)

    def _focus(self, toponyms: list[Toponym], cues: frozenset[str] = frozenset()
               ) -> dict[str, float]:
        """Share of the document's place evidence that points at each country. The dateline
        is a weak prior (DATELINE_WEIGHT of a mention): a story filed from one country is
        often about another. A country named as a modifier ("U.S. officials", "the U.S.
        embassy in Paris") says whose people or things, not where the story is, and counts
        MODIFIER_WEIGHT; shares are of one mention at least, so that a single name read
        several ways is no focus on its own."""
        votes: dict[str | None, float] = defaultdict(float)
        for toponym in toponyms:
            if not toponym.candidates or _contested(toponym) or toponym.seat:
                continue
            top = toponym.candidates[0]
            weight = DATELINE_WEIGHT if toponym.dateline else 1.0
            if toponym.modifier and top.precision == "country":
                weight *= MODIFIER_WEIGHT
            if top.precision == "country" or len({c.country for c in toponym.candidates}) == 1:
                votes[top.country] += weight
            else:
                votes[top.country] += 0.3 * weight
        for country in cues:  # "Gardaí", "RCMP": the country's own institutions
            votes[country] += CUE_WEIGHT
        total = max(sum(votes.values()), 1.0)  # weak evidence alone is no focus
        return {country: count / total for country, count in votes.items() if country}

    def _choose(self, toponym: Toponym, focus: dict[str, float], admin1s: Counter,
                exclude_self: bool = False,
                points: list[tuple[Toponym, Candidate]] | None = None,
                areas: dict[Area, float] | None = None) -> None:
        """Pick the best-supported candidate; ``points`` are the other places already chosen
        (second pass), whose nearness supports a candidate, and ``areas`` the first-level
        divisions they lie in (:func:`_area_votes`, :func:`_area_focus`)."""
        if not toponym.candidates:
            return
        readings = _owned(toponym, _held(toponym))
        if not readings:
            toponym.chosen = None
            return
        if toponym.division:
            readings = _divisions_over_towns(readings)
        elif toponym.city:
            readings = _towns_over_divisions(readings)
        own = toponym.chosen
        others = [place for holder, place in points or [] if holder is not toponym]
        area, area_bonus = _area_focus(toponym, areas)
        scored = []
        dominant = _dominant(readings)
        capital = _capital_over_division(readings, admin1s, toponym.chosen)
        for candidate in readings:
            score = _prior(candidate, toponym.text)
            if candidate is dominant:
                score += DOMINANT_BONUS
            if candidate is capital:
                score += CAPITAL_BONUS
            score += CLUSTER_BONUS * min(toponym.clusters.get(candidate.id, 0), CLUSTER_CAP)
            score += FOCUS_WEIGHT * focus.get(candidate.country or "", 0.0)
            score += _containment(candidate, toponym.container)
            score += _near(candidate, toponym.anchor)
            score += _neighbours(candidate, others)
            score += _holds(candidate, toponym.inner)
            score += _peer_support(candidate, toponym.peers)
            if area is not None and candidate.precision in ("city", "admin2") and (
                    candidate.country, candidate.admin1) == area:
                score += area_bonus
            if toponym.division and candidate.precision in ("admin1", "admin2"):
                score += DIVISION_HINT_BONUS
            if toponym.city and candidate.precision == "city":
                score += CITY_HINT_BONUS
            same = admin1s[(candidate.country, candidate.admin1)]
            if exclude_self and own and (own.country, own.admin1) == (candidate.country,
                                                                      candidate.admin1):
                same -= 1
            if same > 0 and candidate.admin1:
                score += SAME_ADMIN1_BONUS
            scored.append((score, candidate))
        scored.sort(key=lambda pair: -pair[0])
        best = _contested_country(scored[0][1], toponym, focus)
        if best is not None:
            scored.sort(key=lambda pair: pair[1] != best)
        toponym.chosen = scored[0][1]
        toponym.margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 3.0
        toponym.margin = max(toponym.margin, 0.5) if best is not None else toponym.margin


Area = tuple[str | None, str | None]


@cache
def country_cues() -> dict[str, str]:
    """Words of one country's institutions and the country (``places/country_cues.tsv``)."""
    return {row[0]: row[1] for row in read_tsv("country_cues.tsv")}


@cache
def _cue_pattern() -> re.Pattern[str]:
    words = sorted(country_cues(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, words)) + r")(?!\w)")


def cue_countries(text: str) -> frozenset[str]:
    """The countries whose institutions the text names ("Gardaí said", "Kelowna RCMP"): a local
    story that names no country still says where it is by its police and its offices."""
    return frozenset(country_cues()[m.group(1)] for m in _cue_pattern().finditer(text))


def _confirmed(maybes: list[Toponym], points: list[tuple[Toponym, Candidate]],
               areas: dict[Area, float], focus: dict[str, float],
               regions: list[Candidate] | None = None) -> list[Toponym]:
    """Names that are also English words or names of people ("in Hope", "to Jasper"), kept
    when the rest of the article vouches for them: a town or district of that name lies in the
    first-level division the article is about (more than AREA_DOMINANT of its votes) or within
    NEIGHBOUR_KM of a town, district or site it names, or of a region of one country it names
    (``regions``: "the Gaza Strip", a border crossing); the most populous such one is chosen. A lone
    proper noun that is no English word (:func:`detect._lone`) with no such reading is kept
    when a town or district of its name lies in the country the article is about
    (ABROAD_FOCUS of its evidence or more), the most populous there."""
    total = sum(areas.values())
    area = next((key for key, votes in areas.items() if total and votes / total > (
        AREA_DOMINANT)), None)
    home, share = _leading(focus)
    country = home if share >= ABROAD_FOCUS else None
    places = [place for _, place in points] + list(regions or [])
    kept = []
    for toponym in maybes:
        towns = [c for c in toponym.candidates if c.precision in ("city", "admin2")]
        local = [c for c in towns if (c.country, c.admin1) == area or any(
            _km(c, p) <= NEIGHBOUR_KM for p in places)] or [
            c for c in towns if toponym.lone and c.country == country]
        if local:
            toponym.chosen = max(local, key=lambda c: c.population)
            kept.append(toponym)
    return kept


def _vouched_together(maybes: list[Toponym], focus: dict[str, float]) -> None:
    """"ROADS FLOODED AROUND ARDMORE, DUNCAN AND MARLOW": in all-capitals copy, names
    that are candidates only, VOUCHING_NAMES or more of them with towns of one first-level
    division within NEIGHBOUR_KM of one another, vouch for each other, as names of people or
    words seldom lie together: each is kept as a place, its candidates narrowed to those
    towns, and the article's other names are then read beside them. Where the article's
    other places point at a country (``focus``), only towns of that country vouch."""
    home = _leading(focus)[0]
    towns = [[c for c in t.candidates if c.precision in ("city", "admin2")
              and home in (None, c.country)] for t in maybes]
    for toponym, own in zip(maybes, towns, strict=True):
        near = [c for c in own if sum(1 for other, theirs in zip(maybes, towns, strict=True)
                                      if other is not toponym and any(
                                          (o.country, o.admin1) == (c.country, c.admin1)
                                          and _km(c, o) <= NEIGHBOUR_KM for o in theirs))
                >= VOUCHING_NAMES - 1]
        if near:
            toponym.candidates = tuple(near)
            toponym.vouched = True
    for toponym in maybes:
        if toponym.vouched:
            toponym.maybe = toponym.lone = False


def _town_over_country(toponyms: list[Toponym], areas: dict[Area, float]) -> None:
    """"a Lebanon man" in a story whose towns and counties all lie in Tennessee: a country's
    name that is also a town of the state the rest of the article is about
    (:func:`_area_focus`, with AREA_TOWN_COUNTRY votes or more) is the town when nothing else
    of the article lies in that country. Local news names its towns, and a country it names
    comes with its capital, its people or its other places."""
    for toponym in toponyms:
        chosen = toponym.chosen
        if chosen is None or chosen.precision != "country" or any(
                other.chosen is not None and other.chosen.country == chosen.country
                for other in toponyms if other is not toponym):
            continue
        area, _ = _area_focus(toponym, areas)
        if area is None or areas.get(area, 0.0) < AREA_TOWN_COUNTRY:
            continue
        towns = [c for c in toponym.candidates if c.precision == "city"
                 and (c.country, c.admin1) == area and _same_name(c.name, toponym.text)]
        if towns:
            toponym.chosen = max(towns, key=lambda c: c.population)


def _home_town_over_short_name(toponyms: list[Toponym], focus: dict[str, float]) -> None:
    """"the fair in Lebanon" in a story about Pennsylvania: a country named by a short form
    that is not its own name ("Lebanon" of the Lebanese Republic) and is also the name of a
    town of the country the article is about (the first of its focus, with ABROAD_FOCUS of its
    evidence or named itself) is that town, when nothing else of the article lies in the named
    country and no other country is listed with it. A country news means comes with its full
    name, its capital, its people or its other places."""
    if not focus:
        return
    home, share = _leading(focus)
    if share < ABROAD_FOCUS and not any(
            t.chosen is not None and t.chosen.precision == "country" and t.chosen.country == home
            for t in toponyms):
        return
    for toponym in toponyms:
        chosen = toponym.chosen
        if chosen is None or chosen.precision != "country" or chosen.country == home or (
                toponym.metonymic or _same_name(chosen.name, toponym.text)) or any(
                p.chosen is not None and p.chosen.precision == "country"
                for p in toponym.peers) or any(
                other.chosen is not None and other.chosen.country == chosen.country
                for other in toponyms if other is not toponym):
            continue
        towns = [c for c in toponym.candidates if c.precision == "city" and c.country == home
                 and _same_name(c.name, toponym.text)]
        if towns:
            toponym.chosen = max(towns, key=lambda c: c.population)


def _area_vote(toponym: Toponym) -> tuple[Area, float] | None:
    """The first-level division a resolved mention puts the article in, and how strongly: a
    division named counts more than a town, a state ("Kentucky") most, for local news names
    its state once and only where it matters ("Polk County" has namesakes), the dateline
    less."""
    chosen = toponym.chosen
    if chosen is None or not chosen.admin1 or chosen.precision not in (
            "admin1", "admin2", "city") or toponym.fallback:
        return None
    vote = AREA_TOWN_VOTE if chosen.precision == "city" else (
        AREA_STATE_VOTE if chosen.precision == "admin1" else AREA_DIVISION_VOTE)
    return (chosen.country, chosen.admin1), vote * (DATELINE_WEIGHT if toponym.dateline else 1)


def _area_votes(toponyms: list[Toponym]) -> dict[Area, float]:
    """The article's state or province focus: the votes of its resolved mentions per
    first-level division (local news names its state once and its towns often)."""
    votes: dict[Area, float] = defaultdict(float)
    for toponym in toponyms:
        vote = _area_vote(toponym)
        if vote is not None:
            votes[vote[0]] += vote[1]
    return votes


def _area_focus(toponym: Toponym, areas: dict[Area, float] | None
                ) -> tuple[Area | None, float]:
    """The division the rest of the article points at, and the bonus of a town or district of
    the mention in it ("Paris" in a story about Kentucky): the share of the other mentions'
    votes, when that division has more than half of them (a story naming two states has no
    such focus). The name of a country or first-level division of that country is not
    re-read as a town by it ("Florida" in a story about New York stays the state); one
    abroad does not stand in the way ("Portland" in a story about Maine, whatever Jamaica's
    Portland Parish)."""
    if not areas:
        return None, 0.0
    own = _area_vote(toponym)
    total = sum(areas.values()) - (own[1] if own else 0.0)
    if total <= 0:
        return None, 0.0
    for key, votes in areas.items():
        share = (votes - (own[1] if own and own[0] == key else 0.0)) / total
        if share > AREA_DOMINANT:
            if any(c.precision in ("country", "admin1") and c.country == key[0]
                   for c in toponym.candidates):
                return None, 0.0
            return key, AREA_WEIGHT * share
    return None, 0.0


def _capital_over_division(readings: tuple[Candidate, ...], admin1s: Counter,
                           own: Candidate | None) -> Candidate | None:
    """"Washington", "New York", "Sao Paulo": a national capital named like a first-level
    division of its own country, or a city of BIG_CITY people or more named like the
    division it lies in, is the reading news means, unless the article names other towns of
    that division (a division word, a town it holds or a list of divisions weigh on their
    own)."""
    for city in readings:
        if city.precision != "city" or not (
                city.feature_code == "PPLC" or city.population >= BIG_CITY):
            continue
        for division in readings:
            if division.precision != "admin1" or division.country != city.country:
                continue
            named_alike = division.name == city.name if city.feature_code == "PPLC" else (
                division.admin1 == city.admin1)
            towns = admin1s[(division.country, division.admin1)] - (
                1 if own is not None and own.precision == "city" and (
                    own.country, own.admin1) == (division.country, division.admin1) else 0)
            if named_alike and towns <= 0:
                return city
    return None


def _divisions_over_towns(readings: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """"the Hakkari province", "Ziarat district", "Ayacucho department": a name written
    as a division is no town of its name in a country where a division of the name is a
    reading, however big the town (a town abroad stays a reading: the division the text
    means may be one the index lacks, named after its seat). Nor is it a country when a
    division of the name is a reading anywhere ("Niger State", "Georgia state", "Mexico
    State"): no country is written with a division word."""
    divided = {c.country for c in readings if c.precision in ("admin1", "admin2")}
    return tuple(c for c in readings
                 if not (c.precision == "city" and c.country in divided)
                 and not (c.precision == "country" and divided))


def _towns_over_divisions(readings: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """"SALTA, Argentina —", "the city of Puebla": a dateline names the town the story
    was filed from, and a name written as a town is one, never a division of its name,
    however near the division's middle lies to the places the story names; a country named
    alone stays a reading."""
    if not any(c.precision == "city" for c in readings):
        return readings
    return tuple(c for c in readings if c.precision not in ("admin1", "admin2"))


def _dominant(readings: tuple[Candidate, ...]) -> Candidate | None:
    """A city of DOMINANT_POPULATION people or more whose every namesake is at most a
    DOMINANT_RATIO-th of its size ("Toronto" among small Torontos): the reading a reader
    takes unless the text names another (containment, a list, a neighbour), not one the
    article's country focus alone overturns."""
    cities = [c for c in readings if c.precision == "city"]
    if not cities:
        return None
    top = max(cities, key=lambda c: c.population)
    if top.population < DOMINANT_POPULATION or any(
            c.population * DOMINANT_RATIO > top.population for c in readings
            if c is not top and c.precision in ("city", "admin2", "admin1")):
        return None
    return top


def _contested(toponym: Toponym) -> bool:
    """A name both a country and a division of another country ("Georgia"): it says nothing
    about the document's focus until it is resolved."""
    countries = {c.country for c in toponym.candidates if c.precision == "country"}
    return bool(countries) and any(c.precision == "admin1" and c.country not in countries
                                   for c in toponym.candidates)


def _river_qualifier(toponym: Toponym, toponyms: list[Toponym], text: str) -> bool:
    """"Frankfurt (Oder)", "Halle (Saale)": a river in brackets right after a town's name
    tells that town from its namesakes; it is part of the town's name, no place of its own."""
    if not toponym.candidates or any(c.feature_code != "STM" for c in toponym.candidates):
        return False
    head = text[max(0, toponym.start - 3):toponym.start]
    bracket = toponym.start - len(head) + len(head.rstrip()) - 1  # where "(" would stand
    return head.rstrip().endswith("(") and text[toponym.end:toponym.end + 3].lstrip(
        ).startswith(")") and any(0 <= bracket - other.end <= 1 for other in toponyms
                                  if other is not toponym)


def _unplaced(toponym: Toponym, text: str) -> bool:
    """A name the model tagged as a place that the gazetteer does not know and that nothing
    around it places: no phrase of place before it ("in", "the village of"), no kind word
    or place word after it ("district", "residents"), no known place it is listed with,
    held by or near, and no street or building. Such names are more often diseases, people
    and firms the tagger misread ("died of Meningitis") than places no gazetteer holds, which
    local and wire news introduce with such words. A building of the model's named like a
    transit line (:func:`_link_named`) is none either."""
    related = [toponym.container, toponym.anchor, toponym.owner, *toponym.inner,
               *toponym.peers]
    if toponym.facility and not toponym.candidates and _link_named(toponym.text):
        return True
    if toponym.candidates or toponym.street or toponym.facility or toponym.dateline or (
            toponym.division or toponym.city) or any(
            other is not None and other.candidates for other in related):
        return False
    return not (_placed_before(text, toponym.start) or _placed_after(text, toponym.end)
                or _placed_by_own_words(toponym.text))


def _link_named(name: str) -> bool:
    """A name the model took for a building that ends with a word of what runs between
    places and is no road ("Line", "Railway", "Pipeline": :func:`link_words`, not a word of
    ``street_words.tsv``): a transit line or a pipeline the index does not know, no place."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in link_words() and (
        words[-1] not in street_words() and words[-1].title() not in street_words())


@cache
def building_words() -> tuple[str, ...]:
    """Last words of the names of buildings that serve the towns around them
    (``places/building_words.tsv``)."""
    return tuple(row[0] for row in read_tsv("building_words.tsv"))


def _building(name: str) -> bool:
    """The name ends in a word of such a building ("Ardmore General Hospital")."""
    return any(name.endswith(" " + word) for word in building_words())


def _placed_by_own_words(name: str) -> bool:
    """A word of the name says what kind of place it is ("Lake Pontchartrain", "Orange
    County"): the words of ``places/name_parts.tsv``."""
    parts = name_parts()
    return any(word in parts for word in name.split())


def _placed_before(text: str, start: int) -> bool:
    """A phrase of place (``locatives``) ends just before ``start``, a "the" between
    skipped."""
    words = text[max(0, start - 40):start].lower().split()
    if words and words[-1] == "the":
        words = words[:-1]
    table = locatives()
    for size in (3, 2, 1):
        if len(words) >= size and table.get(tuple(words[-size:])) in ("strong", "weak"):
            return True
    return False


def _placed_after(text: str, end: int) -> bool:
    """A kind word (``name_parts``: "district", "island") or a place word (``after_words``:
    "residents", "area", "police") follows ``end``, a possessive between skipped."""
    rest = text[end:end + 40].replace("\u2019", "'")
    rest = rest[2:] if rest.startswith("'s") else rest
    words = tuple(w.strip(",.;:") for w in rest.lower().split()[:3])
    table = after_words()
    if words and (words[0] in name_parts() or words[0].title() in name_parts()):
        return True  # "Motutapu island", "Kisoro district"
    return any(table.get(words[:size]) in ("strong", "weak", "body") for size in (1, 2, 3))


@cache
def part_words() -> frozenset[str]:
    """Words of a part of a town ("neighborhood", "suburb"): the rows of ``after_words.tsv``
    marked "part"."""
    return frozenset(row[0] for row in read_tsv("after_words.tsv")
                     if len(row) > 2 and row[2] == "part")


def _part_after(text: str, end: int) -> bool:
    """A word of :func:`part_words` follows ``end``."""
    after = text[end:end + 20].split()
    return bool(after) and after[0].strip(",.;:").lower() in part_words()


def _street_name(text: str) -> bool:
    """The name is a street's or a road's by its words (``street_words.tsv``): it ends with a
    word such as "Street" or is a word such as "Route" and a number."""
    words = text.split()
    kinds = street_words()
    return len(words) > 1 and (kinds.get(words[-1]) == "after" or (
        len(words) == 2 and kinds.get(words[0]) == "number" and words[1].isdigit()))


def _part_of(gap: str) -> bool:
    """The words between two names make the first a part of the second ("neighborhood of",
    "suburb of")."""
    words = gap.split()
    return len(words) == 2 and words[0] in part_words() and words[1] == "of"


def _division_cue(text: str, start: int, end: int) -> bool:
    """"Aydin province": the word after the name says it is a division."""
    after = text[end:end + 12].replace(",", " ").replace(".", " ").split()
    return bool(after and name_parts().get(after[0]) == "division")


def _kind_before(text: str, start: int) -> str | None:
    """"the city of Kano" → "city", "the state of Kerala" → "division": the kind of place a
    phrase of ``places/locatives.tsv`` just before the name says (a "the" between skipped)."""
    return _kind_phrase_before(text, start)[0]


def _kind_phrase_before(text: str, start: int) -> tuple[str | None, bool]:
    """The kind of :func:`_kind_before`, and whether its phrase is plural ("the provinces
    of"), which makes it the kind of every name of the list that follows."""
    words = text[max(0, start - 40):start].lower().split()
    if words and words[-1] == "the":
        words = words[:-1]
    kinds = locative_kinds()
    for size in (3, 2, 1):
        if len(words) >= size and (kind := kinds.get(tuple(words[-size:]))):
            return kind, words[-size].endswith("s")
    return None, False


def _attributive(after: list[str]) -> bool:
    """A singular division word in lower case that qualifies the noun after it ("county
    officials", "county roads"): after a list of names it is the kind of each ("Marion and
    Polk county officials"), as the plural is in "Marion and Polk counties"."""
    return len(after) > 1 and after[0].islower() and after[0].isalpha() and (
        after[1].isalpha() and after[1].islower())


def _kind_word_after(text: str, end: int) -> str | None:
    """The division word just after a name, singular and capitalised as in the index's names
    ("county" and "counties" → "County"), or None."""
    after = text[end:end + 16].split()
    if not after or name_parts().get(after[0].strip(",.;:")) != "division":
        return None
    word = after[0].strip(",.;:")
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:1].upper() + word[1:]


def _contested_country(chosen: Candidate, toponym: Toponym, focus: dict[str, float]
                       ) -> Candidate | None:
    """"Georgia" in a text about the United States: a country's name that is also a division
    of another country stands for the division when the document is about that other country
    (its share of the focus is at least CONTESTED_FOCUS and above the named country's) and the
    division is not much smaller than the country ("Niger" in a text about Nigeria is still the
    country: Niger State has a fraction of its people), or when
    the place before it ("Atlanta, Georgia") or the list around it says so."""
    if chosen.precision != "country":
        return None
    for other in toponym.candidates:
        if other.precision != "admin1" or other.country == chosen.country:
            continue
        share = focus.get(other.country or "", 0.0)
        supported = (share >= CONTESTED_FOCUS and share > focus.get(chosen.country or "", 0.0)
                     and other.population >= CONTESTED_POPULATION * chosen.population)
        if supported or _holds(other, toponym.inner) or _peer_support(other, toponym.peers) > 1:
            return other
    return None


@cache
def place_plurals() -> frozenset[str]:
    """Plural words that end the names of places ("Heights", "Islands"):
    ``places/place_plurals.tsv``."""
    return frozenset(row[0] for row in read_tsv("place_plurals.tsv"))


def _names_group(ent: Span, known: Callable[[str], bool]) -> bool:
    """The place name begins the name of a team or another group ("the Ardmore Tigers", "the
    Ardmore Bay Pelicans"): one or two capitalised words follow it, the last a plural proper
    noun that ends the name (no preposition or capitalised word after it: "the Ardmore
    Friends of the Park" is a body of the place) and ends no place's name nor an event's
    held there (:func:`place_plurals`) nor a body's (``after_words.tsv``: "Ardmore City
    Schools" holds the town), and the whole is no name the index knows."""
    doc = ent.doc
    end = ent.end
    while end < len(doc) and end - ent.end < GROUP_WORDS and doc[end].is_alpha and (
            doc[end].text[0].isupper()):
        end += 1
    if end == ent.end or not _group_plural(doc[end - 1]) or (
            end < len(doc) and (doc[end].pos_ == "ADP" or doc[end].text[:1].isupper())):
        return False  # "the Ardmore Friends of the Park", "Ardmore Parks Board Chairman"
    after = tuple(t.lower_ for t in doc[ent.end:end])
    if any(after[:size] in after_words() for size in range(1, len(after) + 1)):
        return False
    return not known(doc[ent.start:end].text)


def _group_plural(token: Token) -> bool:
    """A plural that may end a team's or a group's name: a plural proper noun, or a
    capitalised word whose singular is an English word ("the Ardmore Owls", which the model may
    tag as one proper noun), that ends no place's name (:func:`place_plurals`)."""
    if token.text in place_plurals():
        return False
    lower = token.lower_
    return token.tag_ == "NNPS" or (
        token.tag_ == "NNP" and lower.endswith("s") and not lower.endswith("ss")
        and lower[:-1] in english_words())


def _group_inside(ent: Span, known: Callable[[str], bool]) -> bool:
    """The model took a team's whole name for a place ("the Ardmore Owls" tagged LOC): the
    entity ends in a group's plural (:func:`_group_plural`) after a known place name, and the
    whole is no name the index knows."""
    if len(ent) < 2 or not _group_plural(ent[-1]) or known(ent.text):
        return False
    first = 1 if ent[0].lower_ == "the" else 0
    return any(known(ent[first:stop].text) for stop in range(len(ent) - 1, first, -1))


def _named_for(text: str, start: int) -> bool:
    """The name ends a capitalised phrase of ``locatives.tsv`` of strength "named" ("University
    of Georgia", "Real Ardmore"): an institution, a club or an event named for a place, which
    need not lie in it."""
    words = text[max(0, start - 30):start].split()
    for size in (3, 2, 1):
        phrase = words[-size:]
        if len(phrase) == size and phrase[0][:1].isupper() and locatives().get(
                tuple(w.lower() for w in phrase)) == "named":
            return True
    return False


def _after_the(text: str, start: int) -> bool:
    """The name follows the definite article ("the Kremlin"), as buildings and bodies do."""
    return text[max(0, start - 4):start].lower() == "the "


def _glued_start(text: str, start: int) -> int:
    """Where a name glued to the mention by a hyphen begins ("Name-" before "Other Name Airport"):
    the start of the capitalised word before the hyphen, or ``start`` when there is none."""
    if not _glued(text, start):
        return start
    at = start - 1
    while at > 0 and (text[at - 1].isalpha() or text[at - 1] in "'\u2019"):
        at -= 1
    return at if text[at].isupper() else start


def _follows_place(words: list[str]) -> bool:
    """Words (lower case, as tokenized) that begin a phrase of ``after_words.tsv`` that makes
    the name before them a place or a place's body ("sheriff 's office", "residents")."""
    table = after_words()
    joined = tuple(w.replace("\u2019", "'") for w in words)
    return any(table.get(joined[:size]) in ("strong", "weak", "body")
               for size in range(1, min(len(joined), 4) + 1))


def _glued(text: str, start: int) -> bool:
    """The mention is the tail of a hyphenated name ("Hartsfield-Jackson"): the place its
    shortened name finds is not what the whole name stands for."""
    return start > 1 and text[start - 1] == "-" and text[start - 2].isalpha()


def _rescued(text: str, candidates: tuple[Candidate, ...]) -> bool:
    """A non-place entity counts as a place only when its words name a country, or name
    only facilities and landmarks of the index ("Gatwick" tagged as an organisation): a name
    that is also a town's or a division's stays the model's."""
    if not candidates:
        return False
    if candidates[0].precision == "country":
        return bool(country_for_name(text))
    return all(c.precision == "facility" for c in candidates)


def _prior(candidate: Candidate, text: str) -> float:
    """What a reading is worth before the article is read: its size, its kind, and whether it
    bears the name written as its own (accents aside: the index files "Cancun" unaccented,
    and a bigger town elsewhere may carry that spelling among its other names)."""
    score = 0.25 * math.log10(candidate.population + 10)
    score += FEATURE_BONUS.get(candidate.feature_code, 0.0)
    score += PRECISION_BONUS.get(candidate.precision, 0.0)
    if candidate.name == text or (not text.isascii() and fold(candidate.name) == fold(text)):
        score += EXACT_NAME_BONUS
    return score


def _inside(inner: Candidate, outer: Candidate) -> bool:
    """Whether ``outer`` (a country or first-level division) holds ``inner``."""
    if outer.country is None or outer.country != inner.country or inner is outer:
        return False
    if outer.precision == "country":
        return inner.precision != "country"
    return outer.precision == "admin1" and outer.admin1 == inner.admin1 and (
        inner.precision != "admin1")


def _held(toponym: Toponym) -> tuple[Candidate, ...]:
    """The candidates the first-level division written after the name holds ("Cuba, Mo.",
    "Ardmore, Okla."), when it holds any: "X, Y" names the X inside Y, however much larger a
    namesake elsewhere (a country among them) is; otherwise every candidate. A country after
    a comma only adds to the score (:func:`_containment`): two countries with a comma between
    are a list more often than a village in the second named like the first. When the
    division after the comma is most likely a division (its first reading) and holds none of
    the town's readings ("Stroud, Ontario" with no Stroud of Ontario in the index), no
    namesake elsewhere is read: the town is unresolved and takes the division's point
    (:func:`_fall_back`). A county after the comma holds the towns within NEAR_KM of it."""
    container = toponym.container
    if container is None or not container.candidates:
        return toponym.candidates
    outers = [c for c in container.candidates[:5] if c.precision == "admin1"]
    held = tuple(c for c in toponym.candidates if any(_inside(c, o) for o in outers))
    if held:
        return held
    counties = [c for c in container.candidates[:5] if c.precision == "admin2"]
    held = tuple(c for c in toponym.candidates if c.precision == "city" and any(
        _km(c, county) <= NEAR_KM for county in counties))  # "Lone Oak, McCracken County"
    if held:
        return held
    if container.candidates[0].precision in ("admin1", "admin2") and all(
            c.precision in OWNED_PRECISIONS[1:] for c in toponym.candidates):
        return ()
    city = container.candidates[0]
    if toponym.worded and city.precision == "city" and _same_name(city.name, container.text):
        return _held_by_city(toponym, city)
    return toponym.candidates


def _held_by_city(toponym: Toponym, city: Candidate) -> tuple[Candidate, ...]:
    """"the Ridgeview area of Ardmore", "Ridgeview in Ardmore": a city written as holding the name
    (read by its own name, by words, not a bare comma, which also separates the items of a list)
    holds its towns and districts within NEAR_KM. With none there, a name that is no town of
    ABROAD_POPULATION people or more elsewhere is a part of the city the index lacks, and takes
    its point (:func:`_fall_back`); a big city far away is read as itself ("news of Kabul in
    Washington")."""
    near = tuple(c for c in toponym.candidates if c.precision in ("city", "admin2")
                 and _km(c, city) <= NEAR_KM)
    if near:
        return near
    if all(c.precision in ("city", "admin2") and c.population < ABROAD_POPULATION
           for c in toponym.candidates):
        return ()
    return toponym.candidates


def _owned(toponym: Toponym, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """"Ardmore's North Side", "Tishomingo's Ridgeview": a town or division named as a part of
    the place before the possessive lies in it (inside its country or first-level division,
    within NEAR_KM of its town or district); a namesake elsewhere is no reading, and with
    none left the name takes the owner's point (:func:`_fall_back`). Regions, features and
    facilities are not filtered."""
    owner = toponym.owner
    if owner is None or not owner.candidates:
        return candidates
    places = [owner.chosen] if owner.chosen else list(owner.candidates[:3])
    places = [p for p in places if p.precision in OWNER_PRECISIONS]
    if not places:
        return candidates
    return tuple(c for c in candidates if c.precision not in OWNED_PRECISIONS or any(
        _inside(c, p) if p.precision in ("country", "admin1") else _km(c, p) <= NEAR_KM
        for p in places))


def _one_reading(toponyms: list[Toponym]) -> None:
    """A name read once with the place that holds it ("Cuba, Mo.") means the same place
    when the article names it again on its own ("the Cuba school board"): an article
    rarely names two namesakes, and the first mention usually carries the evidence."""
    anchored: dict[str, Candidate] = {}
    for toponym in toponyms:
        chosen, container = toponym.chosen, toponym.container
        if chosen is not None and container is not None and container.chosen is not None and (
                _inside(chosen, container.chosen)):
            anchored.setdefault(toponym.text.lower(), chosen)
    if not anchored:
        return
    for toponym in toponyms:
        place = anchored.get(toponym.text.lower())
        if place is None or toponym.container is not None or toponym.inner:
            continue
        if any(c.id == place.id for c in toponym.candidates):
            toponym.chosen = place


def _containment(candidate: Candidate, container: Toponym | None) -> float:
    """"Niamey, Niger": a place inside the next-named country or division is favoured."""
    if container is None or not container.candidates:
        return 0.0
    for outer in container.candidates[:5]:
        if _inside(candidate, outer):
            return CONTAINMENT_BONUS
    return 0.0


def _leading(focus: dict[str, float]) -> tuple[str | None, float]:
    """The country an article's places point at most, with its share of the evidence;
    (None, 0.0) for an article that points nowhere."""
    return max(focus.items(), key=lambda item: item[1], default=(None, 0.0))


def _km(a: Candidate, b: Candidate) -> float:
    """Distance in km, by the equirectangular approximation (good to a few per cent at the
    distances that matter here, and cheap)."""
    mean_lat = math.radians((a.lat + b.lat) / 2)
    dx = math.radians(b.lon - a.lon) * math.cos(mean_lat)
    dy = math.radians(b.lat - a.lat)
    return EARTH_KM * math.hypot(dx, dy)


def _near(candidate: Candidate, anchor: Toponym | None) -> float:
    """"Tillery, a hamlet outside Ardmore": a candidate close to the place named as near it."""
    if anchor is None or not anchor.candidates:
        return 0.0
    places = [anchor.chosen] if anchor.chosen else list(anchor.candidates[:3])
    return NEAR_BONUS if any(_km(candidate, place) <= NEAR_KM for place in places) else 0.0


def _side_by_side(first: Toponym, second: Toponym) -> bool:
    """Two hyphenated names that are places of their own: both may be a country, a
    first-level division or a region ("Asia-Pacific"), or a town of one lies within 2
    CLUSTER_KM of a town of the other."""
    big = ("country", "admin1", "region")
    if any(c.precision in big for c in first.candidates) and any(
            c.precision in big for c in second.candidates):
        return True
    near = 2 * CLUSTER_KM
    return any(_km(a, b) <= near for a in first.candidates[:CLUSTER_CANDIDATES]
               for b in second.candidates[:CLUSTER_CANDIDATES])


@cache
def link_words() -> frozenset[str]:
    """Words of what runs between two places ("highway", "border"): ``link_words.tsv``."""
    return frozenset(row[0] for row in read_tsv("link_words.tsv"))


def _linked(text: str, end: int) -> bool:
    """The word after ``end`` is one of :func:`link_words`."""
    after = text[end:end + 24].split()
    return bool(after) and after[0].strip(",.;:").lower() in link_words()


def _drop_strays(toponyms: list[Toponym]) -> None:
    """A small town read through another of its names only ("Lone Oak" is among the names of
    Okolona, Kentucky), lying more than STRAY_KM from every other town or district the
    article names (two at least), with nothing holding it, near it or listed with it: the
    place the text means is most likely one the gazetteer lacks, near the others. It is left
    unresolved, to take the point of a town named near it (:func:`_unknown_fall_back`). So is
    a village of its own name (fewer than STRAY_VILLAGE people) in another state than the
    one all the others lie in ("Gold Hill", Oregon, in a story about Boulder, Colorado), when
    the article does not name its state: local news names the state of a town outside its
    own. A list is no help to such a village unless a place of it lies near the village
    ("Xenia and Lometa" with Xenia read in the others' state is no support for a Lometa far
    away)."""
    points = _local_points(toponyms)
    states = {(t.chosen.country, t.chosen.admin1) for t in toponyms
              if t.chosen is not None and t.chosen.precision == "admin1"}
    for toponym in toponyms:
        chosen = toponym.chosen
        if chosen is None or chosen.precision != "city" or chosen.population >= (
                ABROAD_POPULATION) or (
                toponym.container or toponym.anchor or toponym.owner or toponym.inner
                or toponym.dateline):
            continue
        others = [place for holder, place in points if holder.text != toponym.text]
        if len(others) < 2 or any(_km(chosen, place) <= STRAY_KM for place in others):
            continue
        if _same_name(chosen.name, toponym.text):
            areas = {(place.country, place.admin1) for place in others}
            if chosen.population >= STRAY_VILLAGE or len(areas) > 1 or (
                    chosen.country, chosen.admin1) in areas | states or any(
                    p.chosen is not None and _km(chosen, p.chosen) <= STRAY_KM
                    for p in toponym.peers):
                continue
        elif toponym.peers:
            continue
        toponym.chosen = None


def _streets_far_away(toponyms: list[Toponym]) -> None:
    """A name that is a street's by its words ("Grand Boulevard") read as a neighbourhood or
    town of that name more than STRAY_KM from every other town or district the article
    names is the street of the town the text names, which the index does not know: it is
    read as a street (:func:`_streets_fall_back`)."""
    points = _local_points(toponyms)
    for toponym in toponyms:
        chosen = toponym.chosen
        if chosen is None or toponym.street or chosen.precision not in ("city", "admin2") or (
                not _street_name(toponym.text)) or toponym.container or toponym.owner:
            continue
        others = [place for holder, place in points if holder.text != toponym.text]
        if others and not any(_km(chosen, place) <= STRAY_KM for place in others):
            toponym.chosen, toponym.street = None, True


def _demonym_countries(doc: Doc) -> frozenset[str]:
    """The countries the document names by a demonym the model tagged ("the Ardmoran
    maker", "an Ardmoran village")."""
    countries = (country_for_demonym(ent.text) for ent in doc.ents if ent.label_ == "NORP")
    return frozenset(country.iso3 for country in countries if country is not None)


def _parts_of_the_city(toponyms: list[Toponym], divisions: dict[str, int],
                       demonyms: frozenset[str] = frozenset()) -> None:
    """A story about one city names the city's neighbourhoods and suburbs bare, and the index lacks
    many of them (GeoNames files them as sections of the city, most with no population, and the
    packaged city list keeps only those with one): "Ardmore police ... in Ridgeview" must not
    read Ridgeview as a small namesake in another state. When the article's largest town
    (ABROAD_POPULATION people or more: a city with named parts) holds its other places within
    STRAY_KM, and the article names no country or first-level division but the city's, a town or
    district read bare in another state of the city's country, more than STRAY_KM from the city
    and from every other such reading, of fewer than ABROAD_POPULATION people, with nothing
    holding it, near it or owning it there (:func:`_vouched`) and not listed with the city (a
    town named beside the city is one of its own), takes the city's point, with the low score of
    every fallback, unless another town or district the text names lies within STRAY_KM of it (a
    wire story names a province's towns together: "from Quetta to Pishin") or another town it
    names, no stray itself, lies in its first-level division (:func:`_same_state`). So does
    such a small place read abroad on its name alone (:func:`_bare_abroad`) when the text
    names the city (not its dateline alone: a story filed from a city may be about a town
    abroad) and every town of its country it names lies within STRAY_KM of it (a story of two
    cities far apart is no local news). Local news names the state of a town outside its own;
    a city of its country that big, far away, is a city of its own named from there. A capital
    standing for its government (:func:`_government`) is no city of the story. In a country
    of fewer than FEW_DIVISIONS first-level divisions (``divisions``: the count per country;
    the UK's four nations) news names no division of a town outside the city's own, and a
    town in another of them is no stray. A town abroad of a country the text names by a
    demonym (``demonyms``: "the Ardmoran firm, based in Duncan") is that country's town, and a
    story that names two cities of ABROAD_POPULATION people or more far from the city and
    from each other (a route, a tour, a chain's plants; not a second city's suburbs), or
    that is filed from a town far from the city (its dateline), is no story of one city."""
    cities = [t.chosen for t in toponyms if t.chosen is not None and not _government(t)
              and not t.fallback and t.chosen.precision == "city"]
    city = max(cities, key=lambda c: c.population, default=None)
    if city is None or city.population < ABROAD_POPULATION:
        return
    far = [t.chosen for t in toponyms if t.chosen is not None and not t.fallback
           and not _government(t) and t.chosen.precision == "city"
           and t.chosen.population >= ABROAD_POPULATION and _km(t.chosen, city) > STRAY_KM]
    if any(_km(one, other) > STRAY_KM for i, one in enumerate(far) for other in far[i + 1:]):
        return  # cities far from it and from each other: no story of one city
    if any(t.dateline and t.chosen is not None and t.chosen.precision == "city"
           and _km(t.chosen, city) > STRAY_KM for t in toponyms):
        return  # filed from a town far away: the city is one the story goes to
    strays: list[Toponym] = []
    named = any(t.chosen is city and not t.dateline for t in toponyms) and all(
        _km(t.chosen, city) <= STRAY_KM for t in toponyms if t.chosen is not None
        and t.chosen.country == city.country and t.chosen.precision in ("city", "admin2")
        and t.chosen.population >= ABROAD_POPULATION)
    for toponym in toponyms:
        chosen = toponym.chosen
        if chosen is None or chosen.precision in ("facility", "region") or toponym.metonymic:
            continue
        if chosen.precision in ("country", "admin1"):
            if (chosen.country, chosen.precision == "country" or chosen.admin1) != (
                    city.country, chosen.precision == "country" or city.admin1):
                return  # the article names another state or country
            continue
        if _km(chosen, city) <= STRAY_KM or (
                chosen.country == city.country and chosen.population >= ABROAD_POPULATION):
            continue  # a city far away is a city of its own, named from this one
        if (chosen.country != city.country and not (
                named and _bare_abroad(toponym, chosen) and chosen.country not in demonyms)) or (
                chosen.admin1 == city.admin1) or (chosen.country == city.country and divisions.get(
                    chosen.country or "", 0) < FEW_DIVISIONS) or (
                toponym.dateline or _vouched(toponym, chosen)) or any(
                p.chosen is city for p in toponym.peers):
            return  # a place far from the city that is no bare small namesake: no city story
        strays.append(toponym)
    for toponym in strays:
        chosen = toponym.chosen
        if chosen is not None and not any(
                other.chosen is not None and other.text != toponym.text and not other.fallback
                and ((other.chosen.precision in ("city", "admin2")
                      and _km(chosen, other.chosen) <= STRAY_KM)
                     or (_same_state(other.chosen, chosen) and other not in strays))
                for other in toponyms):
            toponym.chosen, toponym.fallback = city, True


def _same_state(other: Candidate, chosen: Candidate) -> bool:
    """A town of the first-level division of ``chosen`` that the story names too (a
    province's capital and a town of that province far from it): the story names that state's
    towns, so ``chosen`` is one of them, however far from the story's largest city."""
    return other.precision == "city" and other.admin1 is not None and (
        other.country, other.admin1) == (chosen.country, chosen.admin1)


def _bare_abroad(toponym: Toponym, chosen: Candidate) -> bool:
    """A town or district read abroad on its name alone: of fewer than ABROAD_POPULATION
    people and no capital, its own name the one written (not one of its other names), with
    nothing holding it, near it or owning it, and none of its readings a country
    or first-level division (a story about one city that names a small place abroad names
    its country too)."""
    return chosen.precision in ("city", "admin2") and chosen.population < ABROAD_POPULATION and (
        not chosen.feature_code.startswith(("PPLA", "PPLC"))) and (
        _same_name(chosen.name, toponym.text)) and (
        toponym.container is None and toponym.anchor is None and toponym.owner is None) and (
        not any(c.precision in ("country", "admin1") for c in toponym.candidates))


def _vouched(toponym: Toponym, chosen: Candidate) -> bool:
    """Whether a place written as holding, owning or near the mention (or held by it) holds
    its reading or lies within STRAY_KM of it."""
    related = [toponym.container, toponym.anchor, toponym.owner, *toponym.inner]
    return any(other is not None and other.chosen is not None and (
        _inside(chosen, other.chosen) or _inside(other.chosen, chosen)
        or _km(chosen, other.chosen) <= STRAY_KM) for other in related)


def _same_name(name: str, text: str) -> bool:
    """Whether a place's own name is the one written (case, accents and "St." aside)."""
    return fold(name).lower().replace("saint ", "st ") == fold(text).lower().replace(
        "st. ", "st ").replace("saint ", "st ")


def _cluster_support(toponyms: list[Toponym]) -> dict[int, int]:
    """Per candidate town or district, how many other names of the article have a town or
    district within CLUSTER_KM of it ("Hadley", "Amherst" and "Northampton" in one story are
    the three neighbours in Massachusetts, not three places scattered over two countries):
    local news names places near each other, and only the right namesakes lie together.
    Each name's CLUSTER_CANDIDATES most populous readings are compared, and only a name's
    plausible readings support others (:func:`_plausible`: the small Mecca of California
    vouches for no Medina); names that may be a country, a first-level division or a region
    take no part."""
    readings: dict[str, list[Candidate]] = {}
    for toponym in toponyms:
        if toponym.metonymic or toponym.text in readings or any(
                c.precision in ("country", "admin1", "region") for c in toponym.candidates):
            continue  # a state's or country's name is no local place to cluster
        readings[toponym.text] = [c for c in toponym.candidates if c.precision in (
            "city", "admin2")][:CLUSTER_CANDIDATES]
    plausible = {name: _plausible(group) for name, group in readings.items()}
    support: dict[int, int] = {}
    for name, candidates in readings.items():
        others = [group for other, group in plausible.items() if other != name and group]
        for candidate in candidates:
            count = sum(1 for group in others if any(
                _km(candidate, place) <= CLUSTER_KM for place in group))
            if count:
                support[candidate.id] = count
    return support


def _plausible(group: list[Candidate]) -> list[Candidate]:
    """The readings of a name that may vouch for others near them: its dominant city alone
    when it has one ("Mecca"), else those with CLUSTER_SHARE of the people of the largest."""
    dominant = _dominant(tuple(group))
    if dominant is not None:
        return [dominant]
    largest = max((c.population for c in group), default=0)
    return [c for c in group if c.population >= CLUSTER_SHARE * largest]


def _local_points(toponyms: list[Toponym]) -> list[tuple[Toponym, Candidate]]:
    """The towns, districts and sites (a cape, a bridge, an airport) chosen in the first
    pass: where the article is."""
    return [(t, t.chosen) for t in toponyms if t.chosen is not None and not t.metonymic
            and t.chosen.precision in ("city", "admin2", "facility")]


def _neighbours(candidate: Candidate, others: list[Candidate]) -> float:
    """A town or district close to another place of the article is favoured: local news names
    places near each other."""
    if candidate.precision not in ("city", "admin2"):
        return 0.0
    near = any(_km(candidate, other) <= NEIGHBOUR_KM for other in others
               if other.id != candidate.id)
    return NEIGHBOUR_BONUS if near else 0.0


def _keep_home(toponym: Toponym, toponyms: list[Toponym], focus: dict[str, float],
               refocus: Callable[[list[Toponym]], dict[str, float]],
               demonyms: frozenset[str] = frozenset()) -> None:
    """Leave a town unresolved when it lies abroad, is not one that stands on its own
    (:func:`_stands_abroad`) and nothing but its name supports it: an article whose places
    (not its dateline alone) point at one country and that names a place the gazetteer lacks
    must not jump to a namesake town elsewhere; nor to a division of fewer than
    ABROAD_POPULATION people elsewhere that no division word names. Support is a holder or
    a neighbour named with it that the index knows, a place of its country listed with it,
    another place of the article in the same country, or a demonym of its country in the text
    (``demonyms``: "the Ardmoran maker's plant in Duncan"). A division the index lacks, read as
    the town it is named after, needs the article to be about that town's country."""
    chosen = toponym.chosen
    if toponym.seat and chosen is not None and focus.get(chosen.country or "", 0.0) < (
            ABROAD_FOCUS):
        toponym.chosen, toponym.abroad = None, True
        return
    if chosen is None or chosen.precision not in ("city", "admin1", "admin2") or (
            chosen.precision != "city" and (
                toponym.division or chosen.population >= ABROAD_POPULATION)) or (
            _stands_abroad(toponym.text, chosen)):
        return  # a small division abroad named with no division word is read as a town is
    holders = (toponym.container, toponym.anchor, toponym.owner)
    if any(h is not None and h.candidates for h in holders) or toponym.inner or not focus or (
            chosen.country in demonyms) or (
            any(p.chosen is not None and p.chosen.country == chosen.country
                for p in toponym.peers)):
        return  # a holder the index does not know is no support
    # what the rest of the article says: not the name's own mentions, which would vote for
    # their own reading, nor a name used as an actor ("neighbouring Peru said"), no place
    others = [other for other in toponyms if other.text != toponym.text
              and other.chosen is not None and not other.metonymic]
    if any(_across_border(chosen, other) for other in others):
        return
    focus = refocus(others) or focus
    home, share = _leading(focus)
    if share < ABROAD_FOCUS or home == chosen.country:
        return
    named_home = any(o.chosen is not None and o.chosen.country == home and not o.dateline
                     for o in others)  # the dateline alone makes no home
    if named_home and not any(o.chosen is not None and o.chosen.country == chosen.country
                              for o in others):
        toponym.chosen, toponym.abroad = None, True


def _across_border(chosen: Candidate, other: Toponym) -> bool:
    """Another town, site or region of one country the article names, read on its own, lies
    within NEIGHBOUR_KM of the reading: a town across a border from the places of the story
    ("fled the Lao side for a Thai border town", a border crossing), not a namesake far away."""
    place = other.chosen
    return place is not None and not other.fallback and place.country is not None and (
        place.country != chosen.country) and place.precision in (
        "city", "admin2", "facility", "region") and _km(chosen, place) <= NEIGHBOUR_KM


def _stands_abroad(text: str, chosen: Candidate) -> bool:
    """A town read abroad that needs no support from the article: one of ABROAD_POPULATION
    people or more named by its own name, which is no English word ("Independence",
    "Concord": a common noun's town abroad needs the article's support) unless it is a city
    world news names (WORLD_CITY people or more: the entity ruler's cities; the word list
    holds many proper nouns of places). A town found through another of its names (a variant
    that a smaller place elsewhere may bear as its own), or through the name of a township or
    borough named after it, always needs support."""
    if chosen.population < ABROAD_POPULATION or not any(
            _same_name(chosen.name, name) for name, kind in _lookup_names(text)
            if kind not in ("article", "settlement")):  # "Lagos airport" names Lagos
        return False
    return chosen.population >= WORLD_CITY or fold(text).lower() not in english_words()


def _division_abroad(toponym: Toponym, focus: dict[str, float]) -> bool:
    """A division word picked a division outside the country the article is mostly about."""
    chosen = toponym.chosen
    if not toponym.division or chosen is None or not focus or chosen.precision not in (
            "admin1", "admin2"):
        return False
    home, share = _leading(focus)
    return share >= ABROAD_FOCUS and chosen.country != home


def _division_at_home(toponym: Toponym, focus: dict[str, float]) -> None:
    """"Bam district" in an article about Iran is the Iranian town's district, not a province
    of that name abroad: a division word picks a division, but in the country the rest of
    the article is about (``focus`` without this mention; ABROAD_FOCUS of its evidence or
    more) its own division, else its own town, comes first."""
    chosen = toponym.chosen
    if chosen is None or not focus:
        return
    home, share = _leading(focus)
    if share < ABROAD_FOCUS or chosen.country == home:
        return
    local = sorted((c for c in toponym.candidates if c.country == home),
                   key=lambda c: (c.precision == "city", -c.population))
    if local:
        toponym.chosen = local[0]


def _holds(candidate: Candidate, inner: list[Toponym]) -> float:
    """"Atlanta, Georgia" read from the other side: the division that holds the place named
    before it is favoured."""
    for toponym in inner:
        places = [toponym.chosen] if toponym.chosen else list(toponym.candidates[:3])
        if any(_inside(place, candidate) for place in places):
            return CONTAINMENT_BONUS
    return 0.0


def _peer_support(candidate: Candidate, peers: list[Toponym]) -> float:
    """"Texas, Georgia and Ohio": a name in a list of three or more is read like the others (a
    division among divisions of the same country; a town among places of its country, with
    half the weight). The bonus grows with the share of peers that agree. Pairs get no such
    help: "Chicago and Montreal" must not pull Montreal into the United States."""
    chosen = [p.chosen for p in peers if p.chosen is not None]
    if len(chosen) < 2 or candidate.precision == "country":
        return 0.0
    agree = sum(1 for c in chosen if c.country == candidate.country and (
        c.precision == candidate.precision or candidate.precision != "admin1"))
    weight = LIST_PEER_BONUS if candidate.precision == "admin1" else LIST_PEER_BONUS / 2
    return weight * agree / len(chosen)


def _separator(text: str) -> str:
    return " ".join(text.lower().split())


def _link_containers(toponyms: list[Toponym], text: str) -> None:
    """Mark "A, B" chains and "A located in B" pairs (B may contain A) and lists ("A, B and C",
    or four names or more), whose members are peers rather than containers of each other,
    but for a division or country after a comma that may hold the name before it ("A, Okla.,
    and B, Tenn.")."""
    if not toponyms:
        return
    runs: list[list[Toponym]] = [toponyms[:1]]
    joints: list[list[str]] = [[]]
    for inner, outer in zip(toponyms, toponyms[1:], strict=False):
        gap = _separator(text[inner.end:outer.start])
        if gap in (",", "and", ", and", "or", ", or", "/"):
            runs[-1].append(outer)
            joints[-1].append(gap)
        else:
            runs.append([outer])
            joints.append([])
            if gap in POSSESSIVES:
                outer.owner = inner
            elif _part_of(gap):
                inner.owner = outer  # "the Ridgeview neighborhood of Ardmore"
            elif gap.removesuffix(" the") in containment_words():
                inner.container, inner.worded = outer, True
            elif _proximity().match(gap):
                inner.anchor = outer
    for run, gaps in zip(runs, joints, strict=True):
        if len(run) < 4 and all(g == "," for g in gaps):
            for inner, outer in zip(run, run[1:], strict=False):
                inner.container = outer
            continue
        holders = {i + 1 for i, gap in enumerate(gaps) if gap == "," and _may_hold(
            run[i + 1], run[i])}  # "Ardmore, Okla., and Dover, Tenn."
        for i in holders:
            run[i - 1].container = run[i]
        members = [t for i, t in enumerate(run) if i not in holders]
        for toponym in members:
            toponym.peers = [p for p in members if p is not toponym]
    for toponym in toponyms:
        if toponym.container is not None:
            toponym.container.inner.append(toponym)


def _may_hold(outer: Toponym, inner: Toponym) -> bool:
    """Whether a country or first-level division ``outer`` may stand for holds a place
    ``inner`` may stand for, which is itself no country or first-level division (in "Texas,
    Washington, West Virginia and Ohio" each is a state). A county or district whose every
    reading is one ("Gold Hill, Boulder County") holds a town within NEAR_KM of it, and a
    name with no town in its state: a namesake elsewhere is not what a county after a comma
    leaves open."""
    if any(c.precision in ("country", "admin1") for c in inner.candidates):
        return False
    holders = [c for c in outer.candidates[:5] if c.precision in ("country", "admin1")]
    if any(_inside(place, holder) for holder in holders for place in inner.candidates):
        return True
    counties = outer.candidates[:5]
    if not counties or any(c.precision != "admin2" for c in counties) or inner.division or any(
            c.precision == "admin2" for c in inner.candidates):
        return False  # "Marion, Polk and Linn counties" is a list of counties
    return any(_km(place, county) <= NEAR_KM for county in counties
               for place in inner.candidates) or not any(
        (place.country, place.admin1) == (county.country, county.admin1)
        for county in counties for place in inner.candidates)


def _fall_back(toponym: Toponym) -> None:
    """A place the gazetteer does not know takes the point of a known town or division that
    holds it ("Elm Street, Ardmore", "the Ridgeview district of Ardmore"), that it lies
    near ("Tillery, a hamlet outside Ardmore") or that owns it ("Ardmore's Ridgeview")."""
    if toponym.chosen is not None:
        return
    for outer in (toponym.container, toponym.anchor, toponym.owner):
        if outer is not None and outer.chosen is not None and (
                outer.chosen.precision in FALLBACK_PRECISIONS):
            toponym.chosen = outer.chosen  # the first of them that is resolved
            toponym.fallback = True
            return


def _nearer_town(toponyms: list[Toponym]) -> None:
    """"Camp Lejeune, N.C., ... Jacksonville": a name the index lacks that took the point of
    the state or country holding it takes instead that of the town of that state or country
    the text names nearest to it, within UNKNOWN_REACH characters: local news names the towns
    around a place, and any of them lies nearer it than the middle of its state."""
    towns = [t for t in toponyms if t.chosen is not None and not t.fallback
             and not t.metonymic and t.chosen.precision in ("city", "admin2")]
    for toponym in toponyms:
        held = toponym.chosen
        if not toponym.fallback or held is None or held.precision not in ("admin1", "country"):
            continue
        inside = [t for t in towns if t.chosen is not None and t.chosen.country == held.country
                  and (held.precision == "country" or t.chosen.admin1 == held.admin1)]
        gaps = [(max(t.start - toponym.end, toponym.start - t.end), t) for t in inside]
        gaps = [(gap, t) for gap, t in gaps if gap <= UNKNOWN_REACH]
        if gaps:
            toponym.chosen = min(gaps, key=lambda pair: pair[0])[1].chosen


def _streets_fall_back(toponyms: list[Toponym], focus: dict[str, float]) -> None:
    """A street, or a building or site the gazetteer does not know, named with no town after
    it lies in the town the text last named (or the dateline's town): local news names its
    town once and then its streets and buildings. A street named before any town lies in
    the first town named after it ("the 400 block of Elm Street ... Ardmore police said"); a
    building or site named so keeps no place (an airport is often named before the town it
    serves, and after another), unless it is a hospital or a court (:func:`_building`: "was
    taken to Ardmore Memorial Hospital, ... lives in Duncan"), which serves the towns the
    story names around it. In an article mostly about one country (ABROAD_FOCUS of its
    evidence), a town read abroad is passed over: local news names its streets, not a
    namesake's."""
    home, share = _leading(focus)
    abroad = home if share >= ABROAD_FOCUS else None
    for ordered, buildings in ((toponyms, True), (toponyms[::-1], False)):
        town: Toponym | None = None
        for toponym in ordered:
            local = toponym.street or (toponym.facility and not toponym.candidates and (
                buildings or toponym.building))
            if local and toponym.chosen is None and town is not None:
                toponym.chosen = town.chosen
                toponym.fallback = True
            elif toponym.chosen is not None and toponym.chosen.precision == "city" and (
                    not toponym.fallback) and abroad in (None, toponym.chosen.country):
                town = toponym


def _unknown_fall_back(toponyms: list[Toponym], focus: dict[str, float]) -> None:
    """A name the gazetteer does not know (or whose every reading was ruled out) lies near the
    places named around it: it takes the point of the closest town or district resolved in
    the text within UNKNOWN_REACH characters either side ("the Ridgeview slum ... Ardmore"),
    in the country the article is mostly about (ABROAD_FOCUS of its evidence or more, or the
    one country every place resolved in the text lies in: "near the Buriganga river in
    Dhaka"), with the low score of every fallback. Names used as actors, small namesakes
    abroad left unresolved (:func:`_keep_home`) unless a word of the name says what kind of
    place it is (a township the index lacks is no namesake abroad, but still a place here) or
    the article is local news of a city (:func:`_local_city`) named within PART_REACH
    characters (it names the city's districts beside it: "shot in Ridgeview, Tulsa police
    said", and a district the index lacks often shares its name with a small town abroad),
    and streets and buildings the index does not know (:func:`_streets_fall_back`) are not
    read so (but a water or natural feature the model took for a building, :func:`_natural`,
    is); a name the model took for a building that the index knows as a town is."""
    if not focus:
        return
    home, share = _leading(focus)
    resolved = {t.chosen.country for t in toponyms if t.chosen is not None and not t.fallback}
    if share < ABROAD_FOCUS and resolved != {home}:
        return
    anchors = [t for t in toponyms if t.chosen is not None and not t.fallback
               and not t.metonymic and t.chosen.precision in ("city", "admin2")
               and t.chosen.country == home]
    if not anchors:
        return
    for toponym in toponyms:
        if toponym.chosen is not None or toponym.metonymic or (
                toponym.street or (toponym.facility and not toponym.candidates
                                   and not _natural(toponym.text))):
            continue
        near = min(anchors, key=lambda a: max(a.start - toponym.end, toponym.start - a.end))
        gap = max(near.start - toponym.end, toponym.start - near.end)
        if toponym.abroad and not _placed_by_own_words(toponym.text) and not (
                gap <= PART_REACH and _local_city(near, anchors)):
            continue
        if gap <= UNKNOWN_REACH:
            toponym.chosen = near.chosen
            toponym.fallback = True


def _natural(name: str) -> bool:
    """The name ends with the word of a water or a natural feature ("Creek", "Bayou",
    "Valley": ``places/name_parts.tsv``), which the model may tag as a building: it lies
    where the places named around it are."""
    words = name.split()
    return bool(words) and name_parts().get(words[-1]) in ("water", "feature")


def _local_city(city: Toponym, anchors: list[Toponym]) -> bool:
    """A city of PART_CITY_POPULATION people or more that every town and district the
    article resolves lies within NEAR_KM of: the story is local news of that city."""
    chosen = city.chosen
    return chosen is not None and chosen.precision == "city" and (
        chosen.population >= PART_CITY_POPULATION) and all(
        a.chosen is not None and _km(a.chosen, chosen) <= NEAR_KM for a in anchors)


def _government(toponym: Toponym) -> bool:
    """The name stands for a government: an actor's name ("Washington said"), or a
    capital as a doer ("accused Moscow", "urged Moscow to withdraw")."""
    return toponym.metonymic or (toponym.doer and toponym.chosen is not None
                                 and toponym.chosen.feature_code == "PPLC")


def _confidence(toponym: Toponym) -> float:
    if toponym.chosen is None or _government(toponym):
        return 0.0  # an actor's name; a capital as a doer is its government
    if toponym.fallback:
        return FALLBACK_SCORE
    return round(min(1.0, 0.5 + toponym.margin / 4), 3)


def _shared_features_at_home(toponyms: list[Toponym], focus: dict[str, float]) -> None:
    """A river that runs through several countries, or an island shared or disputed by
    several (the index gives them none), named in an article mostly about one country, is
    read in that country, at its own point (the stretch or the shore the story is about), when
    a town or division of that country the article names lies within RIVER_KM of the
    feature's point (one far from all of them lies elsewhere)."""
    if not focus:
        return
    home, share = _leading(focus)
    if share < ABROAD_FOCUS:
        return
    near = [t.chosen for t in toponyms if t.chosen is not None and t.chosen.country == home
            and t.chosen.precision in ("city", "admin2", "admin1")]
    for toponym in toponyms:
        chosen = toponym.chosen
        if chosen is not None and chosen.country is None and chosen.feature_code in (
                SHARED_CODES) and any(_km(chosen, place) <= RIVER_KM for place in near):
            toponym.chosen = replace(chosen, country=home)


def _mention(doc_id: str, toponym: Toponym) -> PlaceMention:
    place = toponym.chosen
    if place is None:
        return PlaceMention(doc_id=doc_id, start=toponym.start, end=toponym.end,
                            text=toponym.text)
    return PlaceMention(
        doc_id=doc_id, start=toponym.start, end=toponym.end, text=toponym.text, name=place.name,
        geonameid=place.geonameid, lat=place.lat, lon=place.lon, country_code=place.country,
        admin1=place.admin1 if place.precision != "country" else None,
        feature_code=place.feature_code, precision=place.precision, score=_confidence(toponym),
    )


def is_event_place(place: PlaceMention) -> bool:
    """Whether a mention can be where an event happened: resolved and not an actor's name."""
    return place.lat is not None and place.score > 0.0


def is_seat_as_actor(place: PlaceMention) -> bool:
    """Whether a mention is a national capital named as a doer ("Moscow said", "Washington and
    Seoul agreed"): the government seated there, not a place the text is about, so the list of
    the article's places leaves it out (the actor stage reads the capital's country from its
    own table, and events skip it as an actor's name). A country or state named as a doer
    stays a place: it names a land as much as a polity, and gold geoparsing data marks it."""
    return place.lat is not None and place.score == 0.0 and place.feature_code == "PPLC"


def _surnames(ents: list[Span]) -> frozenset[str]:
    """The last words of the people the document names in full ("Carla Mendoza")."""
    return frozenset(ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1)


def _person_again(ent: Span, surnames: frozenset[str]) -> bool:
    """A one-word place entity that is the surname of a person the document names in full,
    used as a doer or a possessor rather than after a preposition ("Mendoza denied", "Mendoza's
    office"): the person again, as news names people after their first mention, not a
    province of that name; "in Mendoza" stays a place."""
    return (len(ent) == 1 and ent.label_ in PLACE_LABELS and ent.text in surnames
            and ent.root.dep_ != "pobj")
