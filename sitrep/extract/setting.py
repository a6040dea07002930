"""Where and when: the place and time of an event's own clause, else its sentence's, else the
dateline's place and the publication date, each with the ``basis`` that says which."""

from __future__ import annotations

import datetime
from collections.abc import Collection, Sequence
from datetime import timedelta
from functools import cache

from spacy.tokens import Span, Token

from sitrep.codebook.lexicon import load_codebook
from sitrep.codebook.load import load_json
from sitrep.ingest.dateline import lead_span
from sitrep.model import Article, EventDate, Location, PlaceMention, TimeMention
from sitrep.nlp.deps import NOUN_MODIFIER_DEPS, PREMODIFIER_DEPS
from sitrep.resolve.places.geocoder import name_parts
from sitrep.resolve.times.tense import attached_verb
from sitrep.resolve.times.vocabulary import load_vocabulary, points_back

CLAUSE_DEPS = frozenset({"ccomp", "advcl", "conj", "parataxis", "relcl"})
EMBEDDED_DEPS = CLAUSE_DEPS | {"acl"}
CONTENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp"})
# the dependencies by which a reporting verb governs what it reports
REPORTED_DEPS = frozenset({"ccomp", "parataxis"})
# entity labels of names that are not places: a place word inside one is part of the name
NAME_OF_OTHER = frozenset({"ORG", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "NORP"})


def segment(token: Token) -> Span:
    """The token's sentence, cut at blank lines: a title or a dateline run into the first
    sentence by the parser is not part of it."""
    sent = token.sent
    start, end = sent.start, sent.end
    for t in sent:
        if t.is_space and t.text.count("\n") >= 2:
            if t.i < token.i:
                start = t.i + 1
            elif t.i > token.i:
                end = t.i
                break
    return sent.doc[start:end]


def clause_head(token: Token) -> Token:
    """The verb whose clause holds the trigger (the trigger itself when it is a verb)."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def clause_tokens(trigger: Token) -> set[int]:
    """Token indices of the trigger's clause: its verb's subtree without the clauses embedded
    in it (a relative clause on the object has its own time: "villages where fighters
    demobilised in 2016")."""
    head = clause_head(trigger)
    inside = {t.i for t in head.subtree}
    for token in head.subtree:
        if token.i == head.i or token.dep_ not in EMBEDDED_DEPS:
            continue
        if trigger.i not in {t.i for t in token.subtree}:
            inside -= {t.i for t in token.subtree}
    return inside


def _sentence_reach(trigger: Token, sent: Span) -> set[int]:
    """Tokens of the sentence whose time may be the event's when its own clause has none
    ("On Monday, officials said rebels attacked"): not those inside another clause embedded
    under a noun ("guerrillas who signed the deal in 2016") nor a date that modifies a noun
    ("the 2016 peace deal")."""
    inside = {t.i for t in sent}
    for token in sent:
        if token.dep_ in ("relcl", "acl") and trigger.i not in {t.i for t in token.subtree}:
            inside -= {t.i for t in token.subtree}
        elif token.dep_ in NOUN_MODIFIER_DEPS and token.head.pos_ in ("NOUN", "PROPN"):
            inside.discard(token.i)
    return inside


def _token_span(doc_sent: Span, start: int, end: int) -> Span | None:
    return doc_sent.doc.char_span(start, end, alignment_mode="expand")


def _place_tokens(sent: Span, places: list[PlaceMention]
                  ) -> list[tuple[PlaceMention, Span]]:
    """The sentence's resolved places with their spans, modifiers ("US troops") left out."""
    found = []
    for place in places:
        if not (sent.start_char <= place.start < sent.end_char) or place.precision is None:
            continue
        span = _token_span(sent, place.start, place.end)
        if span is None or _modifier(span.root) or _inside_name(span) or _far_side(span.root):
            continue
        found.append((place, span))
    return found


def _setting_elsewhere(token: Token, trigger: Token, events: Collection[int]) -> bool:
    """Whether a place named outside the trigger's clause may still say where its event
    happened: one named as where something is or goes ("in Gaza, officials said ..."). A
    place's name standing as a side of another clause names a government, not a setting
    ("claiming that Ukraine was preparing", "accusing Kabul of", "talks with Paris",
    ``side_place_deps``, ``side_place_preps`` of ``cues/clauses.json``), unless it is the
    doer's own country (:func:`location`: "Peru said it had reinforced"); a place named as
    where someone came from is not where they acted ("gunmen who crossed from Somalia"); and a
    place another event noun takes ("fears of a new war in the region") is that event's."""
    if token.dep_ == "conj":
        token = token.head
    if token.dep_ in _cue("side_place_deps"):
        return False
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep":
        return True
    if prep.lower_ in _cue("side_place_preps"):
        return False
    return prep.head.i == trigger.i or prep.head.i not in events


def _where_told(token: Token, trigger: Token) -> bool:
    """Whether a place names where a side spoke rather than where the act it tells of happened
    ("the ministry said in a statement from Paris that its jets had struck a depot", "told a
    briefing in Geneva", "speaking in Lagos"): the preposition hangs, through
    nouns and the participles on them, on a reporting noun, or after it on a reporting verb that is
    no act of its own (``reporting_nouns``, ``reporting_verbs`` of ``cues/reporting.json``),
    that is not the trigger itself. The place of the telling is the speaker's, so the act
    falls back on a place of its own or the dateline's. A place put before the reporting
    verb ("in Gaza, officials said") or on the speaker ("residents in Goma said") still sets
    the scene."""
    if token.dep_ == "conj":
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    head = prep.head
    while head.i != trigger.i and head.dep_ not in ("nsubj", "nsubjpass"):
        word = (head.lemma_ or head.text).lower()
        if head.pos_ == "NOUN" and word in _cue("reporting_nouns") or \
                head.pos_ == "VERB" and word in _telling_verbs() and prep.i > head.i:
            return True
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "acl" or head.head.i == head.i:
            return False
        head = head.head
    return False


@cache
def _telling_verbs() -> frozenset[str]:
    """The reporting verbs that are no act of their own (not "declared a curfew", whose
    place is the curfew's)."""
    acts = {t.lemma for t in load_codebook().triggers if t.pos == "VERB"}
    return _cue("reporting_verbs") - acts


def _far_side(token: Token) -> bool:
    """A place named as the other side of a frontier ("its border with Eritrea"): whose
    border it is on the far side, not where the act happens (``border_nouns`` of
    ``cues/clauses.json``)."""
    if token.dep_ == "conj":
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in _cue("border_preps"):
        return False
    return (prep.head.lemma_ or prep.head.text).lower() in _cue("border_nouns")


def _cue(name: str) -> frozenset[str]:
    return load_codebook().cue(name)


def _inside_name(span: Span) -> bool:
    """A place word inside a longer name of something else ("the Kenya Defence Forces", or
    "the Tehreek-i-Taliban Pakistan", whose organisation words the parse hangs on the place
    word): the name's, not the event's place."""
    root = span.root
    if any(c.dep_ in ("compound", "nmod") and c.ent_type_ == "ORG" and c.i < span.start
           for c in root.children):
        return True
    if root.ent_type_ not in NAME_OF_OTHER:
        return False
    doc = span.doc
    return span[0].ent_iob_ == "I" or (span.end < len(doc) and doc[span.end].ent_iob_ == "I")


def _modifier(token: Token) -> bool:
    """A place word that modifies a noun ("US troops", "Russian and US forces"); not a name
    compounded with a word that says what kind of place it names ("Balochistan province":
    ``places/name_parts.tsv``) in a phrase that says where something is (``division_site_preps``
    of ``cues/clauses.json``: "in Balochistan province"; not the goal or origin of a movement,
    "fled into Gambella region"), which names that place (a possessive on it, "Pakistan's",
    says whose the place is, and stays a modifier)."""
    if token.dep_ == "conj":
        token = token.head
    if token.dep_ not in PREMODIFIER_DEPS:
        return False
    kinds = name_parts()
    kind = token.head
    return token.dep_ != "compound" or (kind.text not in kinds and kind.lemma_ not in kinds) \
        or kind.dep_ != "pobj" or kind.head.lower_ not in _cue("division_site_preps")


def _nearest(trigger: Token, items: Sequence[tuple[object, Span]], within: set[int] | None):
    chosen = [(abs(span.root.i - trigger.i), item) for item, span in items
              if within is None or span.root.i in within]
    return min(chosen, key=lambda pair: pair[0])[1] if chosen else None


def dateline_place(article: Article, places: list[PlaceMention]) -> PlaceMention | None:
    """The resolved place of the article's dateline, if it has one."""
    places = [p for p in places if p.country_code]
    if article.dateline_start is not None:
        for place in places:
            if article.dateline_start <= place.start < (article.dateline_end or place.end):
                return place
    if article.dateline_place:
        for place in places:
            if place.text == article.dateline_place:
                return place
    return None


def location(trigger: Token, article: Article, places: list[PlaceMention],
             skip: set[int], events: Collection[int] = (),
             doers: Collection[str] = ()) -> Location | None:
    """The place of the trigger's clause, else its sentence's (a place where something is,
    or the country of a doer's own, :func:`_setting_elsewhere`; not where a side spoke,
    :func:`_where_told`), else the dateline's.
    ``events``: the heads of the sentence's event nouns; ``doers``: the countries of the
    event's doers."""
    items = [(p, s) for p, s in _place_tokens(segment(trigger), places)
             if not {t.i for t in s} & skip and not _describes_a_side(p, s, trigger)]
    place = _nearest(trigger, items, clause_tokens(trigger))
    if place is not None:
        return Location.from_place(place, "clause")
    place = _nearest(trigger, [(p, s) for p, s in items if not _where_told(s.root, trigger)
                               and (p.country_code in doers
                                    or _setting_elsewhere(s.root, trigger, events))], None)
    if place is not None:
        return Location.from_place(place, "sentence")
    place = dateline_place(article, places)
    return Location.from_place(place, "dateline") if place is not None else None


def _describes_a_side(place: PlaceMention, span: Span, trigger: Token) -> bool:
    """Whether a place of no country (a region across borders: "the Sahel") is named inside
    the words that describe a side ("the movement, an armed group active in the Sahel,
    claimed the raid"): a subject's phrase that does not hold the trigger. It says where the side
    operates, not where the act happened; a region named where the act is ("attacks in
    the Sahel", "the attack in the Sahel killed") stays the act's place."""
    if place.country_code:
        return False
    for ancestor in span.root.ancestors:
        if ancestor.dep_ in ("nsubj", "nsubjpass") and \
                not ancestor.left_edge.i <= trigger.i <= ancestor.right_edge.i:
            return True
    return False


def dateline_span(article: Article) -> tuple[int, int] | None:
    """Offsets of the lead dateline ("Niamey (Niger), May 3 (ANI):"), to its colon or dash."""
    return lead_span(article.text, article.dateline_start, article.dateline_end)


def in_dateline(article: Article, offset: int, header: bool = False) -> bool:
    """Whether an offset falls in the lead dateline (or, with ``header``, anywhere before its
    end: title and stamp lines too, whose dates are the story's, not an event's)."""
    span = dateline_span(article)
    if span is None:
        return False
    return offset < span[1] and (header or offset >= span[0])


def event_date(trigger: Token, article: Article, times: list[TimeMention],
               asked_events: Collection[int] = (), teller: Token | None = None) -> EventDate:
    """The time of the trigger's clause; else a time elsewhere in its sentence, the day it
    was told ("officials said on Tuesday that gunmen attacked"), so the window up to that day;
    else the window up to the publication date (:func:`unstated_date`). The time of what a
    statement is about is not the statement's ("urged the EU to act next month", "accused
    the army of shelling the town last week"), nor, for an act that asks (``asked_events``:
    the heads of the event nouns it may ask for), the time of the event it asks for
    (:func:`asked_tokens`). A speech act the parse joins to what its speaker reports ("said
    trucks entered last week and accused Israel") is the speaker's: ``teller``, the reporting
    verb, lends it its clause, and the reported clause's times are another event's."""
    sent = segment(trigger)
    items = []
    for time in times:
        if time.start_date is None or not (sent.start_char <= time.start < sent.end_char):
            continue
        if in_dateline(article, time.start, header=True):
            continue
        span = _token_span(sent, time.start, time.end)
        if span is not None:
            items.append((time, span))
    asked = asked_tokens(trigger, asked_events)
    for time, span in items:  # "demanded their departure last month": the demand's
        if span.root.i in asked and points_back(time.text):
            asked -= {t.i for t in span}
    content = content_tokens(trigger) | asked
    own = clause_tokens(trigger)
    if teller is not None:
        reported = reported_tokens(teller, trigger)
        content |= reported - own
        own |= clause_tokens(teller) - reported
    own.add(max(own) + 1)  # "killed three in San Miguel yesterday, the army said": the parse
    # often hangs a time that closes the clause on the verb after it
    own -= {span.root.i for _, span in items if _dates_another_noun(span.root, trigger)}
    time = _nearest(trigger, items, own - content)
    if time is not None:
        return EventDate.from_time(time, "clause")
    reach = _sentence_reach(trigger, sent) - content
    timed = [(time, span, time_relation(trigger, span)) for time, span in items]
    time = _nearest(trigger, [(t, s) for t, s, how in timed if how == "shared"], reach)
    if time is not None:
        return EventDate.from_time(time, "sentence")
    time = _nearest(trigger, [(t, s) for t, s, how in timed if how == "by"], reach)
    if time is not None:
        return _up_to(EventDate.from_time(time, "sentence"))
    return unstated_date(article)


# the arguments of a clause's verb whose own time is the clause's ("Tuesday's attack killed")
CLAUSE_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _dates_another_noun(time: Token, trigger: Token) -> bool:
    """Whether a time modifies a noun deeper in the clause than its verb's own arguments and
    settings ("declared him the winner of last week's election on Tuesday"): it dates what
    that noun names, not the trigger's event. A noun the verb takes through a preposition
    sets the verb's time ("fought in the 2020-2022 war")."""
    noun = time.head
    if time.dep_ not in NOUN_MODIFIER_DEPS | {"npadvmod"} or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX"):
        return False
    return noun.i != trigger.i and noun.dep_ not in CLAUSE_ARGUMENT_DEPS


def time_relation(trigger: Token, span: Span) -> str:
    """How a time elsewhere in the sentence bears on the trigger, read off the verb the time
    hangs from (:func:`attached_verb`) and the path from the trigger's verb up to it:

    - ``shared``: that verb governs the trigger's clause as an adjunct or as a conjunct that
      shares its subject ("stormed the town on Monday, killing ten"; "attacked the base and
      on Monday seized the town"): the same time;
    - ``by``: it governs it as reported content ("said on Tuesday that gunmen attacked"), as
      a clause of its own subject joined to it ("imposed curfews on Monday, and gunmen
      attacked"), or through a clause whose marker orders the two ("resigned on Tuesday,
      after police fired"): the event happened by then;
    - ``other``: it belongs to another clause ("said trucks entered last week and ...",
      "attacked after talks stalled on Monday"), which says nothing of this event's time.

    A time in a clause the trigger's verb governs without an ordering marker ("attacked when
    troops left on Monday") is ``shared`` too.
    """
    verb = attached_verb(span)
    if verb is None:
        return "by"
    head = clause_head(trigger)
    path = [head, *head.ancestors]
    if verb in path:
        return "by" if any(_loose_link(t) for t in path[:path.index(verb)]) else "shared"
    depth = _depth_below(verb, head)
    below = [verb, *verb.ancestors][:depth]
    if depth and all(t.dep_ == "conj" for t in below):
        return "by" if any(_loose_link(t) for t in below) else "shared"
    if depth == 1 and verb.dep_ == "advcl" and not _loose_link(verb):
        return "shared"  # "attacked the town when troops left on Monday"
    return "other"


def _loose_link(token: Token) -> bool:
    """Whether ``token``'s clause is tied to its head's time only loosely: reported content,
    a conjunct with a subject of its own, or a clause with an ordering marker ("after")."""
    if token.dep_ in REPORTED_DEPS:
        return True
    if token.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return True
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.text.lower() in ordering_marks() for c in token.children)


@cache
def ordering_marks() -> frozenset[str]:
    """Subordinators that put one event before or after another ("after", "before", "since",
    "until"): the time signals of the time vocabulary."""
    return frozenset(load_vocabulary().words["range_signals"])


def _depth_below(token: Token, ancestor: Token) -> int:
    """How many steps up from ``token`` reach ``ancestor`` (0 when it is none of its
    ancestors): the conjuncts of a trigger's verb share its time."""
    for steps, above in enumerate(token.ancestors, start=1):
        if above.i == ancestor.i:
            return steps
    return 0


def reported_tokens(teller: Token, trigger: Token) -> set[int]:
    """The words of the clause ``teller`` reports that holds ``trigger`` (the trigger's
    own clause inside it included)."""
    for child in teller.children:
        if child.dep_ in REPORTED_DEPS and trigger in child.subtree:
            return {t.i for t in child.subtree}
    return set()


def asked_tokens(trigger: Token, events: Collection[int]) -> set[int]:
    """What an act that asks asks for, when its object is an event ("called for a nationwide
    strike on Friday", "threatened a walkout next week"): the object's words and the
    adjuncts that follow them in the clause. What is asked lies ahead of the asking, so a
    time there is the object's; one before the object ("called on Friday for a strike")
    stays the act's, and so does one whose own words put it behind the story's day ("demanded
    their departure last month": :func:`points_back`), which :func:`event_date` leaves out."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    objects += [g for c in trigger.children if c.dep_ == "prep"
                for g in c.children if g.dep_ == "pobj"]
    asked = [o for o in objects if o.i in events]
    if not asked:
        return set()
    inside = {t.i for o in asked for t in o.subtree}
    end = max(inside)
    for child in trigger.children:
        if child.i > end and child.dep_ in ("prep", "npadvmod"):
            inside.update(t.i for t in child.subtree)
    return inside


def content_tokens(trigger: Token) -> set[int]:
    """Tokens of the clauses a trigger governs as its content: its clausal complements and
    the clauses of its prepositions ("to act", "of shelling")."""
    inside: set[int] = set()
    for token in trigger.subtree:
        if token.i != trigger.i and token.dep_ in CONTENT_DEPS and \
                token.pos_ in ("VERB", "AUX"):
            inside.update(t.i for t in token.subtree)
    return inside


def _up_to(date: EventDate) -> EventDate:
    """A date told for the telling, not the event: the window of ``unstated_date_days_before``
    days up to its end."""
    if date.start is None:
        return date
    before = int(load_json("records.json")["unstated_date_days_before"])
    start = datetime.date.fromisoformat(date.start[:10]) - timedelta(days=before)
    return EventDate(text=date.text, start=start.isoformat(), end=date.end, precision=None,
                     basis=date.basis, source=date.source)


def unstated_date(article: Article) -> EventDate:
    """The date of an event whose words state no time: it happened on or shortly before the
    story's day, so the window of ``unstated_date_days_before`` days up to that day
    (``codebook/records.json``); no precision, since the text states none."""
    day = article.reference_date
    if day is None:
        return EventDate(text=None, start=None, end=None, precision=None, basis="unresolved",
                         source="article")
    before = int(load_json("records.json")["unstated_date_days_before"])
    return EventDate(text=None, start=(day - timedelta(days=before)).isoformat(),
                     end=day.isoformat(), precision=None, basis="publication", source="article")
