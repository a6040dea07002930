"""Actor mentions to country (ISO alpha-3 or a PLOVER non-state code) and PLOVER sector.

A phrase's own words decide first: named bodies ("the Pentagon" → USA MIL, "UN" → IGO), person
titles ("Deputy Press Secretary" → GOV), country names, demonyms and places inside it
("Nigerien authorities" → NER GOV), then sector words ("junta" → MIL). Phrases that name no
country but stand for a local state body ("the government", "the junta", "the country") take
it from the context: the country the sentence is about, else the document's focus.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from sitrep.codebook.actor_tables import Body
from sitrep.codebook.lexicon import Codebook, load_codebook
from sitrep.codebook.load import fold, load_table
from sitrep.model import Actor, Article, Claimant, EntityMention, PlaceMention
from sitrep.nlp.deps import QUALIFIER_DEPS
from sitrep.resolve.actors.leaders import leader_table, name_fold, within_one
from sitrep.resolve.actors.patterns import split_words
from sitrep.resolve.places.countries import (
    all_countries,
    country_by_iso3,
    country_for_demonym,
    country_for_name,
)

NOUN_POS = frozenset({"NOUN", "PROPN"})
SKIP_POS = frozenset({"DET", "PUNCT", "PART", "CCONJ", "ADP", "PRON", "NUM", "SPACE"})
STATE_SECTOR = "GOV"
STATE, PEOPLE, PLACE, PERSON, CAPITAL = "state", "people", "place", "person", "capital"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
"""Entity labels of places: a title word inside one is part of the name."""
MIN_MISSPELT = 6
T = TypeVar("T")
MODIFIER_WEIGHT = 0.5
VENUE_WEIGHT = 0.25
"""How much a place named as where talks are held counts toward the story's focus: a third
country that hosts negotiations is not what the story is about."""
BUREAU_RATIO = 3.0  # times the text names a story's country over its dateline's
PHRASE_LONGEST = 4  # words of the longest agent phrase looked for


@dataclass(slots=True)
class ActorContext:
    """What the document says about where it is: its focus and each sentence's countries."""

    focus: str | None = None
    # the dateline's country, and how much the text's own places point at each country
    filed: str | None = None
    weights: dict[str, float] = field(default_factory=dict)
    places: dict[int, PlaceMention] = field(default_factory=dict)
    sentence_places: dict[int, list[tuple[int, str, bool]]] = field(default_factory=dict)
    dateline: tuple[int, int] | None = None
    date: str | None = None
    # the country each kind noun ("the army", "police") refers to through the article, by its
    # head token: written by the coreference component (``sitrep_coreference``)
    kinds: dict[int, str] = field(default_factory=dict)
    # names the article gives its own actors ("the MWR", "Dlamini"): the words → the actor of
    # the long form (``sitrep.resolve.actors.aliases``), written by the actor component
    aliases: dict[tuple[str, ...], Actor] = field(default_factory=dict)
    # unnamed doers the article describes ("the gunman was a Peruvian navy corporal"): each
    # mention's head token → the country and sector the description gives, written by the
    # coreference component
    described: dict[int, tuple[str, str | None]] = field(default_factory=dict)

    def sentence_country(self, token: Token) -> str | None:
        """The country the token's sentence is about: the focus when the sentence names it,
        else the nearest place before the token, else the first after it that is not the
        other side of the token's own act ("urged China"). Places that only qualify a noun
        ("US troops") say who acts, not where, and are left out."""
        found = self.sentence_places.get(token.sent.start, [])
        if any(code == self.focus for _, code, _ in found):
            return self.focus
        standing = [(i, code) for i, code, modifier in found if not modifier]
        before = [code for i, code in standing if i < token.i]
        if before:
            return before[-1]
        after = [code for i, code in standing if not _acted_on(token, token.doc[i])]
        return after[0] if after else None

    def filed_abroad(self) -> str | None:
        """The country a story filed from abroad is about: the focus, when the text names it
        at least twice over and never names the dateline's country (a story filed in Doha
        about fighting in the Kivus); None for a story about where it was filed."""
        if self.filed is None or self.focus is None or self.focus == self.filed:
            return None
        if self.weights.get(self.filed, 0.0) > 0 or self.weights.get(self.focus, 0.0) < 2:
            return None
        return self.focus

    def told_from_elsewhere(self) -> str | None:
        """The country a story filed from a regional bureau is about: the one the text names
        most, when it names it at least ``BUREAU_RATIO`` times as often as the dateline's
        country (a hub's bureau on fighting in a neighbour, where the hub's country is one
        donor among others); None for a story about where it was filed."""
        if self.filed is None or self.focus is None or self.focus == self.filed:
            return None
        if self.weights.get(self.focus, 0.0) < BUREAU_RATIO * max(
                self.weights.get(self.filed, 0.0), 1.0):
            return None
        return self.focus

    def local_country(self, token: Token, sector: str | None = None) -> str | None:
        """The country of a local body that names none ("the government", "residents"):
        the one it refers to through the article when the coreference component found it;
        else, for people and forces known by where they are (``located_sectors``), the
        country of its sentence's place; else the country the story is about."""
        if token.i in self.kinds:
            return self.kinds[token.i]
        if sector is None or sector in load_codebook().cue("located_sectors"):
            return self.sentence_country(token) or self.focus
        return self.named_country(token) or self.focus

    def named_country(self, token: Token) -> str | None:
        """A country the token's sentence names as such (not a town, which may be a venue,
        and not as a modifier, which says whose): the nearest before the token, else the
        first after it that is not the other side of the token's own act ("the ministry
        urged China to act": China is whom it urges, not whose ministry it is). "The
        government" in a sentence about Chad is Chad's."""
        found = [(i, code) for i, code, modifier in self.sentence_places.get(token.sent.start, [])
                 if not modifier and i in self.places and self.places[i].precision == "country"]
        before = [code for i, code in found if i < token.i]
        if before:
            return before[-1]
        after = [code for i, code in found if not _acted_on(token, token.doc[i])]
        return after[0] if after else None


@dataclass(slots=True)
class Reading:
    """What one phrase says of itself before context is consulted."""

    country: str | None = None
    name: str | None = None
    sector: str | None = None
    local: bool = False
    named: bool = False


class ActorResolver:
    """Resolves actor mentions with the codebook; all tables load once, each call is lookups."""

    def __init__(self, codebook: Codebook | None = None) -> None:
        self.book = (codebook or load_codebook()).actors
        self.bodies = {split_words(alias): body for alias, body in self.book.bodies.items()}
        self.titles = {split_words(t): sector for t, sector in self.book.titles.items()}
        self.longest = max(len(k) for k in [*self.bodies, *self.titles])
        self.capitals = _capitals()
        self.leaders = leader_table()
        self.names_longest = max((len(k) for k in _actor_country_names()), default=1)
        self.venue_words = (codebook or load_codebook()).cue("venue_words")

    # -- context ---------------------------------------------------------------------------

    def context(self, doc: Doc, article: Article, places: list[PlaceMention]) -> ActorContext:
        """The document's focus country and, per sentence, the countries of its places. The
        focus is the country the text's places name most (a place that qualifies a noun, "US
        troops", counting half, and a place named as the venue of talks, :func:`venue`, a
        quarter); the dateline says where the story was filed, not what it is
        about, so it only breaks a tie, or stands alone when the text names no place."""
        ctx = ActorContext(date=(article.published or "")[:10] or None)
        if article.dateline_start is not None and article.dateline_end is not None:
            ctx.dateline = (article.dateline_start, article.dateline_end)
        weights: dict[str, float] = {}
        filed = None
        for place in places:
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is None or not place.country_code:
                continue
            for token in span:
                ctx.places[token.i] = place
            ctx.sentence_places.setdefault(span.sent.start, []).append(
                (span.start, place.country_code, span.root.dep_ in QUALIFIER_DEPS))
            if article.dateline_start is not None and place.start == article.dateline_start:
                filed = place.country_code
                weights.setdefault(filed, 0.0)
                continue
            weight = VENUE_WEIGHT if venue(span.root, self.venue_words) else \
                MODIFIER_WEIGHT if span.root.dep_ in QUALIFIER_DEPS else 1.0
            weights[place.country_code] = weights.get(place.country_code, 0.0) + weight
        if weights:
            ctx.focus = max(weights, key=lambda code: (weights[code], code == filed,
                                                       -_first(places, code)))
        ctx.filed, ctx.weights = filed, weights
        return ctx

    # -- phrases ---------------------------------------------------------------------------

    def resolve_span(self, span: Span, ctx: ActorContext | None = None) -> Actor | None:
        """The actor a noun phrase stands for, or None when it names no actor."""
        reading = self.own_reading(span, ctx)
        if reading is None:
            return None
        if reading.country is None and ctx is not None and span.root.i in ctx.described:
            reading.country, sector = ctx.described[span.root.i]  # "a 22-year-old Syrian"
            reading.sector = sector or reading.sector
        if reading.country is None and ctx is not None and span.root.i in ctx.kinds:
            reading.country = ctx.kinds[span.root.i]  # "troops" → the army named before
        if reading.country is None and reading.local and ctx is not None:
            reading.country = ctx.local_country(span.root, reading.sector)
        if reading.country is None and reading.sector is None and not reading.named:
            return None
        return Actor(text=span.text, name=reading.name or _country_name(reading.country),
                     country=reading.country, sector=reading.sector)

    def own_reading(self, span: Span, ctx: ActorContext | None = None) -> Reading | None:
        """What a noun phrase says of itself (its words, names and places), before the
        article is consulted; None for a phrase of no content words."""
        tokens = _core(span)
        return self.read(tokens, span, ctx) if tokens else None

    def resolve_claimant(self, span: Span, ctx: ActorContext | None = None) -> Claimant | None:
        """Who vouches for a statement ("a US defense official" → USA MIL); None for no words."""
        if not _core(span):
            return None
        actor = self.resolve_span(span, ctx)
        if actor is None:
            return Claimant(text=span.text)
        return Claimant(text=span.text, country=actor.country, sector=actor.sector)

    def read(self, tokens: list[Token], span: Span, ctx: ActorContext | None = None) -> Reading:
        """Country, sector and name from the phrase's own words."""
        places = ctx.places if ctx is not None else {}
        reading = Reading()
        head = span.root if span.root in tokens else tokens[-1]
        body, body_at = self._alias(tokens, ctx)
        if body is None:
            body, body_at = self._find(tokens, self.bodies)
        if body is None:
            body, body_at = self._find_folded(tokens)
        title, _ = self._find(_outside_places(tokens, places), self.titles)
        if body is not None:
            reading.named = True
            reading.sector = body.sector
            if body.country:
                reading.country = body.country
                reading.name = body.name if body.country in self.book.non_state else None
            else:
                reading.local = head.i in body_at
        if title is not None:
            reading.named = True
            reading.sector = title or reading.sector
        if reading.country is None:
            found = self._country_tokens(tokens, places, skip=body_at)
            if _drop_ethnic(tokens, found):
                reading.local = True
            if body is None and title is None:
                self._drop_named_things(found, head)
            _drop_place_modifiers(found, head)
            _drop_places_of_owned(found, head)
            leader, leader_at = self.leaders.find([t for t in tokens if t.i not in body_at],
                                                  ctx.date if ctx is not None else None)
            if leader is not None:
                reading.named = True
                found.update({i: (leader.country, PERSON) for i in leader_at})
            reading.country = _possessor(found, head) or \
                _nearest({i: code for i, (code, _) in found.items()}, head)
            if head.i in found and found[head.i][1] in (STATE, CAPITAL):
                reading.sector = reading.sector or STATE_SECTOR
            if leader is not None and head.i in leader_at:
                reading.sector = reading.sector or leader.sector
        if reading.sector is None or (body is None and title is None):
            rest = [t for t in tokens if t.i not in body_at]
            sector, local = self._sector_words(rest, head) if rest else (None, False)
            reading.sector = reading.sector or sector
            reading.local = reading.local or local
        reading.named = reading.named or head.ent_type_ == "PERSON"
        if reading.country is None and body is None and _unknown_body(head, tokens):
            # "the Higher Audit Board": a body missing from the codebook, whose name
            # holds no country, belongs where the story is, as a local body does
            reading.named = reading.local = True
        return reading

    # -- lookups ---------------------------------------------------------------------------

    def _find(self, tokens: list[Token], table: Mapping[tuple[str, ...], T]
              ) -> tuple[T | None, set[int]]:
        """The longest table phrase among the tokens (by exact words) and where it sits."""
        words = [t.text for t in tokens]
        for size in range(min(self.longest, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                key = tuple(words[start:start + size])
                if key in table:
                    return table[key], {t.i for t in tokens[start:start + size]}
        return None, set()

    def _alias(self, tokens: list[Token], ctx: ActorContext | None
               ) -> tuple[Body | None, set[int]]:
        """The longest name the article gave one of its actors among the tokens ("the MWR",
        "General Otieno"), as a body of that actor. A surname inside a longer name ("Hunter
        Biden" after "Joe Biden") is no alias: the name goes on past it."""
        if ctx is None or not ctx.aliases:
            return None, set()
        words = [t.text for t in tokens]
        longest = max(len(k) for k in ctx.aliases)
        for size in range(min(longest, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                actor = ctx.aliases.get(tuple(words[start:start + size]))
                if actor is None or self._name_goes_on(tokens[start], tokens[start + size - 1]):
                    continue
                body = Body(actor.name or actor.text, actor.country, actor.sector)
                return body, {t.i for t in tokens[start:start + size]}
        return None, set()

    def _name_goes_on(self, first: Token, last: Token) -> bool:
        """A word of the same name stands right before or after the words: they are part of
        a longer name. A title before a surname ("General Otieno") is no part of it."""
        doc = first.doc
        before = doc[first.i - 1] if first.i > 0 else None
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        return any(t is not None and t.pos_ == "PROPN" and t.ent_type_ == first.ent_type_ != ""
                   and (t.text,) not in self.titles for t in (before, after))

    def _find_folded(self, tokens: list[Token]) -> tuple[Body | None, set[int]]:
        """The longest Phoenix organisation name among the tokens, compared folded; names of
        two words or more, written with a capital, so ordinary words never match."""
        table, longest = _phoenix_bodies()
        words = [name_fold(t.text) for t in tokens]
        for size in range(min(longest, len(words)), 1, -1):
            for start in range(len(words) - size + 1):
                found = table.get(tuple(words[start:start + size]))
                if found is not None and tokens[start].text[:1].isupper():
                    return found, {t.i for t in tokens[start:start + size]}
        return None, set()

    def _country_tokens(self, tokens: list[Token], places: dict[int, PlaceMention],
                        skip: set[int]) -> dict[int, tuple[str, str]]:
        """Token index → (country, kind) for every token that names one; kind is STATE for a
        country name, CAPITAL for a capital's, PEOPLE for a demonym, PLACE for any other place."""
        found: dict[int, tuple[str, str]] = {}
        i = 0
        while i < len(tokens):
            size, hit = self._country_at(tokens, i, places)
            if hit and tokens[i].i not in skip:
                for token in tokens[i:i + size]:
                    found[token.i] = hit
            i += max(size, 1)
        return found

    def _country_at(self, tokens: list[Token], i: int, places: dict[int, PlaceMention]
                    ) -> tuple[int, tuple[str, str] | None]:
        token = tokens[i]
        if not token.text[:1].isupper() or _given_name(token):
            return 1, None
        for size in range(min(self.names_longest, len(tokens) - i), 0, -1):
            code = _actor_country_names().get(tuple(t.text for t in tokens[i:i + size]))
            if code:
                return size, (code, STATE)
        for size in (3, 2, 1):
            if i + size > len(tokens):
                continue
            text = " ".join(t.text for t in tokens[i:i + size])
            hit = _country_word(text) or (self._capital(text) if size == 1 else None)
            if hit:
                return size, hit
        place = places.get(token.i)
        if place is not None and place.country_code:
            kind = STATE if place.precision == "country" else PLACE
            return 1, (place.country_code, kind)
        code = _misspelt_country(token.text) if token.ent_type_ != "PERSON" else None
        if code and name_fold(token.text) not in {k[0] for k in self.leaders.short}:
            return 1, (code, STATE)
        return 1, None

    def _capital(self, text: str) -> tuple[str, str] | None:
        code = self.capitals.get(text)
        return (code, CAPITAL) if code else None

    def _drop_named_things(self, found: dict[int, tuple[str, str]], head: Token) -> None:
        """A city or other place written into the name of a thing ("the Vienna Convention",
        "the Geneva talks", "the Minsk accords") says where the thing was made, not whose it
        is: when the head is no actor word, such a modifier names no side. Countries and
        demonyms ("the Iranian drones", "Chinese firms") still do."""
        if self.book.words.get(head.lower_) or self.book.words.get(head.lemma_.lower()):
            return
        for i, (_, kind) in list(found.items()):
            token = head.doc[i]
            if kind in (CAPITAL, PLACE) and i != head.i and token.dep_ == "compound":
                del found[i]

    def _sector_words(self, tokens: list[Token], head: Token) -> tuple[str | None, bool]:
        """Sector from sector words: a strong word (the head's first), else a generic
        modifier's, else the generic head's, else a generic word further off (in a phrase
        attached to the head: "members of a militia", but not "traders at a market in the
        state capital"); ``local`` when the head is a local state body."""
        phrase = self._agent_phrase(tokens, head)
        if phrase is not None:
            return phrase, False
        words = self.book.words
        looked = [(t, words.get(t.lower_) or words.get(t.lemma_.lower())) for t in tokens]
        hits = [(t, w) for t, w in looked
                if w is not None and (not w.noun or t.pos_ in NOUN_POS)]
        if not hits:
            return None, False
        local = any(w.local for t, w in hits if t.i == head.i)
        ranked = sorted(hits, key=lambda tw: (not tw[1].strong, _place_of(tw[0], head,
                                                                          tw[1].strong),
                                              abs(head.i - tw[0].i)))
        return ranked[0][1].sector, local

    def _agent_phrase(self, tokens: list[Token], head: Token) -> str | None:
        """The sector of a Phoenix agent noun of several words that ends at the head ("armed
        men", "suicide bomber"): the phrase's kind, before any one word's."""
        phrases = self.book.phrases
        if not phrases or head not in tokens:
            return None
        end = tokens.index(head) + 1
        for size in range(min(end, PHRASE_LONGEST), 1, -1):
            words = tuple(t.lower_ for t in tokens[end - size:end])
            found = phrases.get(words) or phrases.get((*words[:-1], head.lemma_.lower()))
            if found is not None:
                return found
        return None

    # -- entities --------------------------------------------------------------------------

    def entities(self, doc: Doc, article: Article, places: list[PlaceMention],
                 ctx: ActorContext | None = None) -> list[EntityMention]:
        """Every named entity, with the actor it stands for where it stands for one."""
        ctx = ctx or self.context(doc, article, places)
        return [
            EntityMention(doc_id=article.id, start=e.start_char, end=e.end_char, text=e.text,
                          label=e.label_, actor=self.entity_actor(e, ctx))
            for e in doc.ents
        ]

    def entity_actor(self, ent: Span, ctx: ActorContext) -> Actor | None:
        """The actor of a named entity: persons and organisations with what their phrase says,
        places and nationalities when they act or qualify an actor, never where they locate."""
        if ctx.dateline and ctx.dateline[0] <= ent.start_char < ctx.dateline[1]:
            return None
        if ent.label_ == "PERSON":
            return self._person(ent, ctx)
        if ent.label_ == "ORG" and not any(t.i in ctx.places for t in ent):
            actor = self.resolve_span(_with_modifiers(ent), ctx)
        elif ent.label_ in ("GPE", "NORP", "ORG"):
            actor = self._country_entity(ent, ctx)
        else:
            return None
        if actor is not None:
            actor.text = ent.text
        return actor

    def _person(self, ent: Span, ctx: ActorContext) -> Actor:
        """A person: title and modifiers before the name, else the group they are named in
        ("US representatives, including General Michael Langley" → USA)."""
        actor = self.resolve_span(_with_modifiers(ent), ctx) or Actor(text=ent.text)
        actor.text = ent.text
        if actor.country is None:
            group = _named_in(ent.root)
            found = self.resolve_span(_phrase_to(group), ctx) if group is not None else None
            if found is not None and found.country:
                actor.country = found.country
                actor.sector = actor.sector or found.sector
        actor.name = ent.text
        return actor

    def _country_entity(self, ent: Span, ctx: ActorContext) -> Actor | None:
        """A place or nationality: itself when it acts ("Niger announced"), the sector of the
        noun it qualifies ("Russian troops" → MIL), nothing where it locates ("in Niger")."""
        own = self.resolve_span(ent, ctx)
        if own is None or own.country is None:
            return None
        root = _first_conjunct(ent.root)
        if root.dep_ == "pobj" and root.head.lower_ in load_codebook().cue("locative_preps"):
            return None
        if root.dep_ in QUALIFIER_DEPS and root.head.i >= ent.end:
            phrase = self.resolve_span(_phrase_to(root.head), None)
            if phrase is None or phrase.sector is None:
                return None
            own.sector = phrase.sector
        return own


# -- helpers ---------------------------------------------------------------------------------


def _place_of(token: Token, head: Token, strong: bool) -> int:
    """Where a sector word stands in the ranking: a strong one on the head first; a generic
    one on a modifier of the head, then on the head, then anywhere else in the phrase."""
    if strong:
        return 0 if token.i == head.i else 1
    if token.head.i == head.i and token.dep_ in QUALIFIER_DEPS:
        return 0
    return 1 if token.i == head.i else 2


def _outside_places(tokens: list[Token], places: Mapping[int, object]) -> list[Token]:
    """The tokens that are no part of a place's name: a title word written into one
    ("Port-au-Prince", "Prince Edward Island") makes no one an official."""
    return [t for t in tokens if t.i not in places and t.ent_type_ not in PLACE_LABELS]


def _core(span: Span) -> list[Token]:
    """The phrase's content tokens: no leading determiners, no punctuation or pronouns alone."""
    tokens = [t for t in span if not (t.pos_ in SKIP_POS and t.i < span.root.i and
                                      t.pos_ != "PROPN") and not t.is_punct and not t.is_space]
    if len(tokens) == 1 and tokens[0].pos_ == "PRON":
        return []
    return tokens


def _with_modifiers(ent: Span) -> Span:
    """An entity widened leftwards to its phrase's modifiers ("Pentagon Deputy Press Secretary"
    before "Sabrina Singh", "Russian" before "Defense Ministry"), and rightwards over the
    object of a preposition it ends on."""
    left = min(ent.root.left_edge.i, ent.start)
    end = ent.end
    if ent[-1].pos_ == "ADP":  # a name cut before its last part ("Association of" + "Nigeria")
        objects = [o for o in ent[-1].children if o.dep_ == "pobj"]
        end = max([end, *(o.right_edge.i + 1 for o in objects)])
    return ent.doc[left:end]


def _first_conjunct(token: Token) -> Token:
    """"American" in "Russian and American forces" stands where "Russian" stands."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def _named_in(token: Token) -> Token | None:
    """The noun a person is named as part of: "representatives, including X", "officials
    such as X", "X, a US official"."""
    if token.dep_ == "appos":
        return token.head
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in load_codebook().cue("example_preps") and \
            head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            return child
    return None


def _phrase_to(head: Token) -> Span:
    """The phrase from the head's left edge up to the head (its pre-modifiers)."""
    return head.doc[head.left_edge.i:head.i + 1]


@cache
def _country_word(text: str) -> tuple[str, str] | None:
    """(iso3, kind) of a country name ("Niger", "U.S.") or demonym ("Nigerien", "Russians")."""
    country = country_for_name(text)
    if country:
        return country.iso3, STATE
    country = country_for_demonym(text)
    return (country.iso3, PEOPLE) if country else None


def _drop_ethnic(tokens: list[Token], found: dict[int, tuple[str, str]]) -> bool:
    """"Ethnic Albanians in Serbia" are people of Serbia: a demonym after "ethnic" names a
    people, not the state of that name, so the country comes from where they are."""
    dropped = False
    for before, token in zip(tokens, tokens[1:], strict=False):
        if before.lower_ == "ethnic" and found.get(token.i, ("", ""))[1] == PEOPLE:
            del found[token.i]
            dropped = True
    return dropped


def _unknown_body(head: Token, tokens: list[Token]) -> bool:
    """The phrase is headed by the name of an organisation of two words or more."""
    words = [t for t in tokens if t.ent_type_ == "ORG" and t.text[:1].isupper()]
    return head.ent_type_ == "ORG" and len(words) >= 2


def _drop_place_modifiers(found: dict[int, tuple[str, str]], head: Token) -> None:
    """A country or people word that modifies a noun inside a locative phrase after the head
    ("fishers of a cove near the Danish border", "workers at a Danish-owned wharf in
    Norway") says whose that place is, not whose the head is, where the phrase names a country
    otherwise (a name the locative phrase governs, "in Finland", says where the head is)."""
    locative = load_codebook().cue("locative_preps")
    doc = head.doc
    dropped = []
    for i in found:
        token = doc[i]
        if i <= head.i or token.dep_ == "pobj" or token.head.dep_ == "prep":
            continue
        ancestor = token.head
        while ancestor.i != head.i and ancestor.dep_ != "prep" and ancestor.head.i != ancestor.i:
            ancestor = ancestor.head
        if ancestor.dep_ == "prep" and ancestor.lower_ in locative:
            dropped.append(i)
    if len(dropped) < len({j for j in found if doc[j].i > head.i}) or \
            any(j <= head.i for j in found):
        for i in dropped:
            del found[i]


def _drop_places_of_owned(found: dict[int, tuple[str, str]], head: Token) -> None:
    """A body a possessive pronoun owns ("its consulate in Mombasa", "their troops in Mali")
    is the pronoun's: a place in a locative phrase after the head says where the body is,
    not whose, so it gives the phrase no country and the pronoun's antecedent does."""
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
        return
    locative = load_codebook().cue("locative_preps")
    for i in [j for j in found if j > head.i]:
        token = head.doc[i]
        while token.i != head.i and token.head.i != token.i and not (
                token.dep_ == "prep" and token.lower_ in locative):
            token = token.head
        if token.i != head.i and token.dep_ == "prep":
            del found[i]


def _possessor(found: dict[int, tuple[str, str]], head: Token) -> str | None:
    """The country of the head's possessor ("Beijing's" in "Beijing's Hong Kong and Macao
    Affairs Office", "Moscow's" in "Moscow's chief Ukraine negotiator"): whose body it is
    outranks a place written into its name, which says what the body deals with."""
    for child in head.children:
        if child.dep_ == "poss" and child.i in found:
            return found[child.i][0]
    return None


def _nearest(found: dict[int, str], head: Token) -> str | None:
    """The country named nearest before the head ("Pentagon ... Secretary"), else after it."""
    before = sorted((i for i in found if i <= head.i), reverse=True)
    after = sorted(i for i in found if i > head.i)
    order = before + after
    return found[order[0]] if order else None


@cache
def _actor_country_names() -> dict[tuple[str, ...], str]:
    """The curated country names ("PRC", "Democratic People's Republic of Korea", "Soviet
    Union"), from the shared ``country_names.tsv``, as token tuples."""
    names = {}
    for row in load_table("country_names.tsv"):
        words = split_words(row[0])
        names[words] = row[1]
        # a phrase's core leaves out possessive markers ("People 's Republic")
        names.setdefault(tuple(w for w in words if w not in ("'s", "’s")), row[1])
    return names


@cache
def _phoenix_bodies() -> tuple[dict[tuple[str, ...], Body], int]:
    """Phoenix's international and armed non-state actors (``cameo/organisations.tsv``) by
    their folded names of two words or more, with the longest name's length. A code that is
    neither a country nor a non-state code of the codebook (a region) is left out."""
    book = load_codebook().actors
    table: dict[tuple[str, ...], Body] = {}
    for row in load_table("cameo/organisations.tsv"):
        name, code = row[0], row[1]
        sector = row[2] if len(row) > 2 and row[2] in book.sectors else None
        if code not in book.non_state and country_by_iso3(code) is None:
            continue
        body = Body(name.title(), code, sector)
        names = [name, *(row[3].split(",") if len(row) > 3 and row[3] else [])]
        for alias in names:
            key = tuple(name_fold(w) for w in split_words(alias))
            if len(key) >= 2:
                table.setdefault(key, body)
    return table, max((len(k) for k in table), default=0)


@cache
def _single_word_countries() -> dict[str, list[tuple[str, str]]]:
    """One-word country names by first letter, folded, for spotting misspellings."""
    index: dict[str, list[tuple[str, str]]] = {}
    for country in all_countries().values():
        name = fold(country.name)
        if " " not in name and len(name) >= MIN_MISSPELT - 1:
            index.setdefault(name[0], []).append((name, country.iso3))
    return index


@cache
def _misspelt_country(text: str) -> str | None:
    """A country name one letter off ("Ethopia", "Quatar"): wire copy misspells names, and a
    capitalised word of six letters or more that near a country name is rarely anything else.
    Names that differ in their first letter ("Gambia", "Zambia") are never taken for each
    other."""
    word = fold(text)
    if len(word) < MIN_MISSPELT or not text[:1].isupper() or not word.isalpha():
        return None
    hits = {iso3 for name, iso3 in _single_word_countries().get(word[0], [])
            if within_one(word, name)}
    return hits.pop() if len(hits) == 1 else None


@cache
def _capitals() -> dict[str, str]:
    """Capital name → iso3, so "Washington" or "Moscow" acting stands for its country. Where
    several countries name one capital (a dissolved country and its successor, a territory
    whose seat shares a larger country's capital's name), the current and most populous one
    speaks for it."""
    ranked = sorted((c for c in all_countries().values() if c.capital),
                    key=lambda c: (not c.dissolved, c.population))
    return {c.capital: c.iso3 for c in ranked if c.capital}


@cache
def _country_name(code: str | None) -> str | None:
    country = country_by_iso3(code) if code else None
    return country.name if country else None


def _first(places: list[PlaceMention], code: str) -> int:
    return next(p.start for p in places if p.country_code == code)


def _given_name(token: Token) -> bool:
    """The first word of a person's name that goes on with a surname ("Jordan" of a
    politician called Jordan Smith, "Chad" of Chad Brown): a given name, not the country."""
    if token.ent_type_ != "PERSON" or token.ent_iob_ != "B":
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is not None and after.ent_iob_ == "I" and after.pos_ == "PROPN"


def _acted_on(doer: Token, other: Token) -> bool:
    """Whether ``other`` is the other party of the act ``doer`` is the subject of: the direct
    or indirect object of that verb or of a verb joined to it ("urged China", "warned Iran");
    a prepositional object is more often where the act happens ("marched in Kisumu") and a
    country further down ("ordered them to leave Russia") is where, not whom."""
    if doer.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verbs = {doer.head, *doer.head.conjuncts}
    while other.dep_ == "conj" and other.head.i != other.i:
        other = other.head
    return other.dep_ in ("dobj", "dative") and other.head in verbs


VENUE_CLIMB = 3
"""How far a place name climbs through the phrase it stands in ("the Togolese capital Lome")
to the preposition that places it."""


def venue(token: Token, words: frozenset[str]) -> bool:
    """Whether a place is named as where talks or a meeting are held (``venue_words`` in
    ``cues/clauses.json``): in or at a meeting noun ("talks in Doha"), in or at a clause whose
    verb or whose subject or object is one ("opened talks in the Togolese capital Lome",
    "delegations met in Geneva"), or the one hosting them ("hosted by Togo", "Qatar hosted")."""
    for _ in range(VENUE_CLIMB):
        if token.dep_ not in ("appos", "compound", "amod", "poss", "nmod") or token.head is token:
            break
        token = token.head
    host = token.head
    if token.dep_ == "nsubj":
        return host.lemma_.lower() in words
    if token.dep_ == "pobj" and host.dep_ in ("prep", "agent") and host.head is not host:
        if host.dep_ == "agent" or host.lower_ == "by":
            return host.head.lemma_.lower() in words
        if host.lower_ not in ("in", "at"):
            return False
        host = host.head
    elif token.dep_ not in ("advmod", "npadvmod"):
        return False
    if host.lemma_.lower() in words:
        return True
    return host.pos_ in ("VERB", "AUX") and any(
        c.lemma_.lower() in words for c in host.children
        if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
