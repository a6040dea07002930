"""Toponym detection and resolution: which place each place name in a document stands for.

Detection takes the pipeline's GPE/LOC/FAC entities (the entity ruler has already put the
gazetteer's countries, divisions, big cities and facilities among them), other entities whose
words are exactly a country's name, and the dateline. Resolution ranks each name's candidates by
evidence: population and feature class, document focus (countries named, the dateline),
containment ("Niamey, Niger") and the other places of the text.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span

from sitrep.model import Article, PlaceMention
from sitrep.resolve.places.countries import country_for_name, read_tsv
from sitrep.resolve.places.gazetteer import Candidate, Gazetteer

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RESCUE_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP"})
FEATURE_BONUS = {"PCLI": 6.0, "CONT": 4.0, "RGN": 3.0, "ADM1": 0.6, "PPLC": 0.8, "ADM2": -0.3}
PRECISION_BONUS = {"facility": 4.0}
FOCUS_WEIGHT = 1.6
CONTAINMENT_BONUS = 4.0
SAME_ADMIN1_BONUS = 0.6
EXACT_NAME_BONUS = 0.3


@cache
def actor_verbs() -> frozenset[str]:
    """Lemmas after which a place subject is an actor ("Washington said")."""
    return frozenset(row[0] for row in read_tsv("actor_verbs.tsv"))


@dataclass(slots=True)
class Toponym:
    """A place name found in the text, with its candidates and the evidence around it."""

    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]
    metonymic: bool = False
    container: Toponym | None = None
    chosen: Candidate | None = None
    margin: float = 0.0
    focus: dict[str, float] = field(default_factory=dict)


def _trim(span: Span) -> tuple[int, int]:
    """Character offsets without a leading article or a trailing possessive."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in ("the", "a"):
        tokens = tokens[1:]
    while tokens and tokens[-1].lower_ in ("'s", "\u2019s", "'"):
        tokens = tokens[:-1]
    if not tokens:
        return span.start_char, span.start_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _is_metonymic(span: Span) -> bool:
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in actor_verbs()


class Geocoder:
    """Resolves the place mentions of a document against the gazetteer index.

    The index is built on first use if this environment has none (``sitrep setup`` builds it
    ahead of time).
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

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
        :func:`is_event_place`). A name the gazetteer does not know comes out with no
        coordinates and ``precision`` None.
        """
        toponyms = self.detect(doc, article)
        focus = self._focus(toponyms)
        admin1s = Counter()
        for toponym in toponyms:
            self._choose(toponym, focus, admin1s)
            if toponym.chosen and toponym.chosen.precision == "city":
                admin1s[(toponym.chosen.country, toponym.chosen.admin1)] += 1
        for toponym in toponyms:
            if toponym.chosen and toponym.chosen.precision in ("city", "admin2"):
                self._choose(toponym, focus, admin1s, exclude_self=True)
        return [_mention(article.id, t) for t in toponyms]

    def detect(self, doc: Doc, article: Article) -> list[Toponym]:
        """Place names of the document, in text order, without overlaps."""
        found: dict[tuple[int, int], Toponym] = {}
        text = doc.text
        for ent in doc.ents:
            toponym = self._toponym(ent, text)
            if toponym is not None:
                found[(toponym.start, toponym.end)] = toponym
        dateline = self._dateline(article)
        if dateline and not any(s < dateline.end and dateline.start < e for s, e in found):
            found[(dateline.start, dateline.end)] = dateline
        toponyms = sorted(found.values(), key=lambda t: t.start)
        _link_containers(toponyms, text)
        return toponyms

    def _toponym(self, ent: Span, doc_text: str) -> Toponym | None:
        if ent.label_ not in PLACE_LABELS and ent.label_ not in RESCUE_LABELS:
            return None
        start, end = _trim(ent)
        text = doc_text[start:end]
        if not text or not text[0].isupper():
            return None
        candidates = self.gazetteer.candidates(text)
        if ent.label_ in RESCUE_LABELS and not _rescued(text, candidates):
            return None
        return Toponym(start, end, text, candidates, metonymic=_is_metonymic(ent))

    def _dateline(self, article: Article) -> Toponym | None:
        if not article.dateline_place or article.dateline_start is None:
            return None
        end = article.dateline_end or article.dateline_start + len(article.dateline_place)
        text = article.text[article.dateline_start:end]
        candidates = (self.gazetteer.candidates(text)
                      or self.gazetteer.candidates(text.title())
                      or self.gazetteer.candidates(article.dateline_place.title()))
        return Toponym(article.dateline_start, end, text, candidates)

    def _focus(self, toponyms: list[Toponym]) -> dict[str, float]:
        """Share of the document's place evidence that points at each country."""
        votes: Counter = Counter()
        for toponym in toponyms:
            if not toponym.candidates:
                continue
            top = toponym.candidates[0]
            if top.precision == "country" or len({c.country for c in toponym.candidates}) == 1:
                votes[top.country] += 1.0
            else:
                votes[top.country] += 0.3
        total = sum(votes.values()) or 1.0
        return {country: count / total for country, count in votes.items() if country}

    def _choose(self, toponym: Toponym, focus: dict[str, float], admin1s: Counter,
                exclude_self: bool = False) -> None:
        if not toponym.candidates:
            return
        own = toponym.chosen
        scored = []
        for candidate in toponym.candidates:
            score = _prior(candidate, toponym.text)
            score += FOCUS_WEIGHT * focus.get(candidate.country or "", 0.0)
            score += _containment(candidate, toponym.container)
            same = admin1s[(candidate.country, candidate.admin1)]
            if exclude_self and own and (own.country, own.admin1) == (candidate.country,
                                                                      candidate.admin1):
                same -= 1
            if same > 0 and candidate.admin1:
                score += SAME_ADMIN1_BONUS
            scored.append((score, candidate))
        scored.sort(key=lambda pair: -pair[0])
        toponym.chosen = scored[0][1]
        toponym.margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 3.0


def _rescued(text: str, candidates: tuple[Candidate, ...]) -> bool:
    """A non-place entity counts as a place only when its words name a country."""
    return bool(candidates) and candidates[0].precision == "country" and bool(
        country_for_name(text))


def _prior(candidate: Candidate, text: str) -> float:
    score = 0.25 * math.log10(candidate.population + 10)
    score += FEATURE_BONUS.get(candidate.feature_code, 0.0)
    score += PRECISION_BONUS.get(candidate.precision, 0.0)
    if candidate.name == text:
        score += EXACT_NAME_BONUS
    return score


def _containment(candidate: Candidate, container: Toponym | None) -> float:
    """"Niamey, Niger": a place inside the next-named country or division is favoured."""
    if container is None or not container.candidates:
        return 0.0
    for outer in container.candidates[:5]:
        if outer.precision == "country" and outer.country == candidate.country:
            return CONTAINMENT_BONUS
        if outer.precision == "admin1" and outer.country == candidate.country and (
                outer.admin1 == candidate.admin1) and candidate.precision != "admin1":
            return CONTAINMENT_BONUS
    return 0.0


def _link_containers(toponyms: list[Toponym], text: str) -> None:
    """Mark "A, B" pairs: B (just after a comma) may contain A."""
    for inner, outer in zip(toponyms, toponyms[1:], strict=False):
        if text[inner.end:outer.start].strip() == ",":
            inner.container = outer


def _confidence(toponym: Toponym) -> float:
    if toponym.chosen is None or toponym.metonymic:
        return 0.0
    return round(min(1.0, 0.5 + toponym.margin / 4), 3)


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
