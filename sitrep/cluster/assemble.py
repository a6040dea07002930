"""From event mentions to events: one record per real-world event of an article.

The extractor codes each mention where it stands (a headline, the lede, "the attack" three
paragraphs on). Here mentions that :func:`~sitrep.cluster.events.same_event` takes for one event
become one record: the best mention is its ``evidence`` and gives its id, every mention is in
``mentions``, and what one mention leaves open (actor, recipient, place, date, claimant) is
filled from the others. A record none of whose mentions names an actor (the text leaves the
doer unknown: an unclaimed bombing) stays, with lower confidence; a mention whose doer the text
names but sitrep cannot resolve never becomes a record (see :mod:`sitrep.extract.events`).

The event's place says where it came from (``location.basis``): ``clause`` or ``sentence`` of
its best mention, ``mention`` (another mention of the same event), ``dateline`` (where the
story was filed: the article's own place, used only when no mention states one), ``article``
(the country a story filed from abroad is about, for an act on the ground no mention places).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cache

from spacy.tokens import Doc, Token

from sitrep.cluster.anchored import dated_by_events
from sitrep.cluster.events import (
    STATED_DATES,
    UNSTATED_PLACES,
    SameEventRules,
    dates_overlap,
    group,
    load_rules,
    recipients_agree,
    same_event,
    shared_arguments,
)
from sitrep.codebook.lexicon import Codebook, load_codebook, mutual_types
from sitrep.codebook.load import load_json
from sitrep.extract.arguments import agentless_passive
from sitrep.extract.setting import unstated_date
from sitrep.extract.triggers import doc_triggers, more_specific
from sitrep.model import Actor, Article, Event, Evidence, Location, event_id
from sitrep.resolve.actors.resolver import ActorContext
from sitrep.resolve.places.countries import country_by_iso3

PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# what makes a noun refer to a particular thing: a determiner, a number, a possessor, a name
BOUND_DEPS = frozenset({"det", "nummod", "poss", "compound", "amod", "prep", "nsubj",
                        "nsubjpass", "dobj", "agent", "acl", "relcl"})
# a verb in the bare infinitive names an act without telling one ("a plan to fight crime")
BARE_VERB_TAGS = frozenset({"VB"})
# entity labels of words that name a doer without coding it ("the Nile Basin Forum")
NAMED_DOERS = frozenset({"ORG", "PERSON", "NORP"})
OBJECT_DEPS = frozenset({"dobj", "pobj"})  # a noun another word acts on or is about
STORY_LEAD = 2.0
"""How many times as often as any other country a story with no dateline must name its own
for an act nothing places to be placed there."""


def assemble(events: list[Event], doc: Doc, article: Article,
             rules: SameEventRules | None = None) -> list[Event]:
    """The events of one article, each once, in the order of their first mention.

    The body is read first and the headline last: a headline restates an event the body
    tells, so its mentions join the event they agree with best instead of gathering first.
    """
    rules = rules or load_rules()
    events = separate_doers(events, doc)
    title_end = _title_end(article)
    order = sorted(range(len(events)),
                   key=lambda i: (events[i].evidence.start < title_end, i))
    ordered = [events[i] for i in order]
    cache: dict[tuple[int, ...], Event] = {}
    nouns = event_nouns(doc)
    refers = {id(event): anaphor(doc, event, nouns) or definite_nominal(doc, event)
              for event in ordered}
    further = {id(event) for event in ordered if further_act(doc, event)}
    owning = {id(event) for event in ordered if owned_nominal(doc, event)}

    def merged_of(members: list[int]) -> Event:
        key = tuple(members)
        if key not in cache:
            cache[key] = combine([ordered[i] for i in members], title_end)
        return cache[key]

    def fits(members: list[int], event: Event) -> float | None:
        if id(event) in further:
            return None
        whole = merged_of(members)
        back = refers[id(event)]
        if id(event) in owning and unnamed_doers(whole):
            # "the front said its men carried out the raid" after "masked men stopped a
            # convoy": the doers told by what they did are the side that now owns the act
            event, back = replace(event, actors=[]), True
        if back and event.actors:
            # part of an event a noun names: words sitrep could not code name no other doer
            event = replace(event, actors=[a for a in event.actors if a.country])
        if event.evidence.start < title_end or (
                back and event.location is not None and event.location.basis == "sentence"):
            # weak evidence of where: a headline's place words are often the sides' names
            # ("Armenia accuses Azerbaijan"), and a place elsewhere in the sentence of a noun
            # that refers back is another clause's ("the school strike came as mediators met
            # in Cairo"); neither keeps the mention apart nor gathers it
            event = replace(event, location=None)
        if not same_event(whole, event, rules, anaphor=back, refers_back=back):
            return None
        return shared_arguments(whole, event)

    groups = group(ordered, fits)
    groups = attach_unknown(groups, merged_of, _sentence_index(doc), rules, title_end,
                            toll=lambda event: _passive_toll(doc, event, rules, nouns),
                            thing=lambda event: _names_a_thing(doc, event))
    merged = [merged_of(members) for members in groups]
    home = focus_country(merged, article) or _story_country(doc)
    fought = _acts_placed_in(merged, home)
    bureau = _told_from_elsewhere(doc)
    records = _parties_of_talks([_where_they_operate(_by_authority(doc, r), home, fought,
                                                     _unknown_names(doc, r), bureau)
                                 for r in merged])
    records = [r for r in (_without_actor(r, rules, _main_verb(doc, r), _named_doer(doc, r))
                           for r in records)
               if r is not None and not told_in_passing(r, article) and not generic(doc, r)
               and not object_only(doc, r, rules)]
    records = dated_by_events(_reactions(records, doc), doc, article)
    records = [dated_ahead(r, doc, article) for r in records]
    focus = focus_country(records, article)
    abroad = _filed_abroad(doc, records)
    undated_story = _undated_line_story(doc, article)
    records = [_at_place(_mutual(_not_itself(_seated_at_home(
        _home_ground(_on_the_ground(_at_home_unplaced(r, undated_story), abroad), focus)))),
        focus) for r in records]
    return sorted(records, key=lambda e: (e.mentions[0].start, e.mentions[0].trigger_start or 0))


@cache
def _separate() -> tuple[frozenset[str], frozenset[str]]:
    settings = load_json("records.json")
    return frozenset(settings["separate_doer_frames"]), \
        frozenset(settings["separate_object_deps"])


def separate_doers(events: list[Event], doc: Doc) -> list[Event]:
    """Several doers named together whose trigger gives each its own act ("A, B and C
    pledged $50 million", ``separate_doer_frames`` in ``records.json``: a verb of giving or
    promising with an object, the thing given) are one mention per doer's country, so that
    each joins its own event: one donor's pledge told again alone ("A promised $20 million")
    is that donor's, and no donor is another's beneficiary. The first keeps the mention's id;
    the others take one of their own."""
    frames, deps = _separate()
    entries = {hit.head.i: hit.entry for hit in doc_triggers(doc)}
    out: list[Event] = []
    for event in events:
        countries = list(dict.fromkeys(a.country for a in event.actors if a.country))
        span = _trigger_span(doc, event) if len(countries) > 1 else None
        entry = entries.get(span.root.i) if span is not None else None
        if entry is None or entry.frame not in frames or span is None or \
                span.root.pos_ != "VERB" or not any(c.dep_ in deps for c in span.root.children):
            out.append(event)
            continue
        for n, country in enumerate(countries):
            part = replace(event, actors=[a for a in event.actors if a.country == country],
                           recipients=[r for r in event.recipients
                                       if r.country not in countries])
            if n:
                part.id = event_id(event.doc_id, event.evidence.start, event.evidence.end,
                                   event.event_type, event.evidence.trigger_start, country)
            out.append(part)
    return out


def _trigger_span(doc: Doc, event: Event):  # noqa: ANN202
    if event.evidence.trigger_start is None:
        return None
    span = doc.char_span(event.evidence.trigger_start, event.evidence.trigger_end or
                         event.evidence.trigger_start, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _title_end(article: Article) -> int:
    """Where the headline ends in the text (0 when the text does not open with it)."""
    return article.title_end


def combine(mentions: list[Event], title_end: int = 0) -> Event:
    """One record from the mentions of one event (at least one). Mentions in the headline
    (before ``title_end``) sum the story up in few words: a body mention is the best one,
    and gives the place, where there is one. The means of violence is the most specific any
    mention of the same type names ("the attack" + "the drone strike" is an air strike)."""
    if len(mentions) == 1:
        return mentions[0]
    best = min(mentions, key=lambda m: (m.evidence.start < title_end, *_rank(m)))
    others = sorted((m for m in mentions if m is not best),
                    key=lambda m: m.evidence.start < title_end)
    ordered = sorted(mentions, key=lambda m: (m.evidence.start, m.evidence.trigger_start or 0))
    mode, cameo = best.mode, best.cameo
    for mention in ordered:
        if mention.event_type == best.event_type and more_specific(mention.mode, mode):
            mode, cameo = mention.mode, mention.cameo
    return replace(
        best,
        mode=mode,
        cameo=cameo,
        actors=_sides(best.actors, others, "actors"),
        recipients=_sides(best.recipients, others, "recipients"),
        location=_location(best, others, title_end),
        date=_date(best, others),
        claimant=best.claimant or next((m.claimant for m in ordered if m.claimant), None),
        reported_by=list(dict.fromkeys(o for m in ordered for o in m.reported_by)),
        quantities=best.quantities or next((m.quantities for m in ordered if m.quantities), []),
        mentions=[m.evidence for m in ordered],
        confidence=max(m.confidence for m in mentions),
        id=best.id,
    )


def _rank(event: Event) -> tuple:
    """The mention that states the event best: it names a coded actor (else a doer at all),
    it is asserted, it is sure, it comes first."""
    return (not any(a.country for a in event.actors), not event.actors,
            event.modality != "asserted",
            -event.confidence, event.evidence.start, event.evidence.trigger_start or 0)


def _sides(own: list[Actor], others: list[Event], name: str) -> list[Actor]:
    """The best mention's actors (or recipients); when it has no coded one, the first other
    mention's that has."""
    if any(a.country for a in own):
        return own
    for other in others:
        found: list[Actor] = getattr(other, name)
        if any(a.country for a in found):
            return found
    return own or next((getattr(o, name) for o in others if getattr(o, name)), [])


def _location(best: Event, others: list[Event], title_end: int = 0) -> Location | None:
    """The place stated nearest to the event: the best mention's own clause, else another
    mention's clause (basis ``mention``), else the best mention's sentence, else another's
    ("Israeli strike kills 27 as talks resume in Cairo" gives way to "a strike hit a school
    in Gaza City"). The body is read before the headline (before ``title_end``), and a place
    that is only a doer's name (:func:`_names_doer`) after both. Another mention's place of
    no country (a region across borders, a sea) does not displace a place in a country that
    the best mention has, even the dateline's: one event's mentions told in a country."""
    mentions = [best, *others]
    own = best.location is not None and bool(best.location.country_code)

    def tier(mention: Event) -> int:
        return 2 * _names_doer(mention) + (mention.evidence.start < title_end)

    for level in range(4):
        told = [m for m in mentions if tier(m) == level]
        for basis in ("clause", None):
            for mention in told:
                loc = mention.location
                if loc is None or loc.basis in UNSTATED_PLACES or basis not in (None, loc.basis):
                    continue
                if mention is best:
                    return loc
                if loc.country_code or not own:
                    return replace(loc, basis="mention")
    return best.location


def _names_doer(mention: Event) -> bool:
    """Whether the mention's place is a country whose words stand inside its doer's ("the
    government of the Central African Republic signed", "neighbouring Uganda is sending"):
    it says who acted, not where; another mention's place says where."""
    loc = mention.location
    if loc is None or loc.precision not in ("country", "region") or not loc.text:
        return False
    words = loc.text.lower()
    return any(words in actor.text.lower() for actor in mention.actors)


def _date(best: Event, others: list[Event]):  # noqa: ANN202
    """The best mention's stated date, else another mention's, else its own stand-in.

    A date a mention's own clause states (it has a precision) goes before a window that only
    bounds the event by the day it was told ("said on Tuesday that gunmen attacked", see
    :func:`sitrep.extract.setting.event_date`): "the attack on Monday" in a later sentence
    dates the event the lede only reported."""
    stated = [m for m in [best, *others] if m.date is not None and m.date.basis in STATED_DATES]
    own = [m for m in stated if m.date is not None and m.date.precision is not None]
    chosen = own[0] if own else stated[0] if stated else best
    if chosen is best or chosen.date is None:
        return best.date
    return replace(chosen.date, source="mention")


def anaphor(doc: Doc, event: Event, nouns: dict[int, str] | None = None) -> bool:
    """A mention that refers back to an event told before rather than telling one: a
    singular nominal mention that names no actor and no date of its own ("the attack", "the
    deal"; "the 1981 attack" tells another, "the attacks" speaks of several), or one that is
    part of an event a definite noun names (:func:`part_of`: "two guards were wounded in the
    blast", "the explosion damaged the station"), when it names no coded doer of its own."""
    if any(a.country for a in event.actors) or \
            (event.date is not None and event.date.basis in STATED_DATES):
        return False
    span = _trigger_span(doc, event)
    if span is None or _dated_by_modifier(span.root):
        return False
    if not event.actors and span.root.pos_ in ("NOUN", "PROPN") and \
            span.root.tag_ not in PLURAL_TAGS:
        return True
    nouns = event_nouns(doc) if nouns is None else nouns
    return part_of(span.root, event.event_type, nouns, load_codebook())


@cache
def _further_words() -> frozenset[str]:
    return frozenset(load_json("records.json")["further_acts"])


def further_act(doc: Doc, event: Event) -> bool:
    """A mention whose verb an adverb of addition modifies ("the rebels also blew up two
    posts", ``further_acts``), or a phrase of circumstance that sets it apart ("in a separate
    incident, the army shot dead an intruder", ``apart_marks``): the text tells one more act,
    not the one told before, so the mention joins no record told before it."""
    span = _trigger_span(doc, event)
    if span is None or span.root.pos_ not in ("VERB", "AUX"):
        return False
    words = _further_words()
    return any(c.dep_ == "advmod" and c.lower_ in words for c in span.root.children) or \
        _set_apart(span.root)


@cache
def _apart_marks() -> frozenset[str]:
    return frozenset(load_json("records.json")["apart_marks"])


def _set_apart(verb: Token) -> bool:
    """Whether a prepositional phrase on the verb names its circumstance as another one
    ("in a separate incident", "in an unrelated attack")."""
    marks = _apart_marks()
    return any(c.dep_ == "prep" and any(
        o.dep_ == "pobj" and any(m.dep_ in ("amod", "det") and m.lower_ in marks
                                 for m in o.children)
        for o in c.children) for c in verb.children)


def _dated_by_modifier(noun: Token) -> bool:
    """A noun a date or a number modifies ("the 2015 agreement", "the 1981 attack") tells an
    event of its own time, whatever date the record was given."""
    return any(c.dep_ in ("compound", "nummod", "amod", "poss") and
               (c.ent_type_ == "DATE" or c.like_num) for c in noun.children)


def event_nouns(doc: Doc) -> dict[int, str]:
    """The nouns of ``doc`` that name an event (trigger heads), with the event's type."""
    return {hit.head.i: hit.entry.type for hit in doc_triggers(doc)
            if hit.head.pos_ in ("NOUN", "PROPN")}


def part_of(head: Token, event_type: str, nouns: dict[int, str], book: Codebook) -> bool:
    """Whether a mention hangs on a definite singular event noun of its own type as its
    subject ("the explosion damaged"), its means ("destroyed by the blast") or the object of
    a preposition that places it inside that event ("wounded in the attack", "during the
    raid", "at the time of the bombing", "as a result of the blast"): it tells what that
    event did, so it is that event. A deal struck during the talks is a deal, not the talks:
    other types stay apart; a noun that names whatever happened ("hurt in the incident")
    stands for an event of the mention's own type."""
    into = book.cue("part_of_preps")
    frame = book.cue("frame_of_preps")
    found: list[Token] = []
    for child in head.children:
        if child.dep_ == "nsubj":
            found.append(child)
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.text.lower() in into):
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                found.append(obj)
                found += [o for p in obj.children if p.dep_ == "prep" and p.text.lower() in frame
                          for o in p.children if o.dep_ == "pobj"]
    return any(_definite_event(t, event_type, nouns, book) for t in found)


def _definite_event(token: Token, event_type: str, nouns: dict[int, str], book: Codebook
                    ) -> bool:
    """A singular event noun of the type given with a definite determiner ("the attack"), or
    a noun that names whatever event was told (``part_of_nouns``: "the incident")."""
    named = nouns.get(token.i) == event_type or \
        (token.lemma_ or token.text).lower() in book.cue("part_of_nouns")
    if not named or token.tag_ in PLURAL_TAGS:
        return False
    dets = book.cue("definite_determiners")
    return any(c.dep_ == "det" and c.text.lower() in dets for c in token.children)


def definite_nominal(doc: Doc, event: Event) -> bool:
    """A definite nominal mention that names no actor and no date ("the strikes hit four
    locations", "the talks"): it refers back to an event told before, plural or not; an
    indefinite one ("attacks on Kyiv") may tell a new one."""
    if event.actors or (event.date is not None and event.date.basis in STATED_DATES):
        return False
    span = _trigger_span(doc, event)
    return span is not None and span.root.pos_ == "NOUN" and \
        not _dated_by_modifier(span.root) and any(
        c.dep_ == "det" and c.lower_ in _definite() for c in span.root.children)


def owned_nominal(doc: Doc, event: Event) -> bool:
    """A definite singular nominal mention that names a doer and no date of its own ("the
    front said its men carried out the raid", "the ambush was the work of the cartel"): it
    tells who did an act told before, not another act."""
    if not event.actors or (event.date is not None and event.date.basis in STATED_DATES):
        return False
    span = _trigger_span(doc, event)
    return span is not None and span.root.pos_ == "NOUN" and \
        span.root.tag_ not in PLURAL_TAGS and not _dated_by_modifier(span.root) and any(
        c.dep_ == "det" and c.lower_ in _definite() for c in span.root.children)


def unnamed_doers(record: Event) -> bool:
    """Whether every doer of a record is named only by what it did, with no country ("masked
    men", "armed gangs": ``perpetrator_sectors``), so a later mention may say whose they
    were."""
    kinds = load_codebook().cue("perpetrator_sectors")
    return bool(record.actors) and all(a.sector in kinds and not a.country
                                       for a in record.actors)


@cache
def _definite() -> frozenset[str]:
    return load_codebook().cue("definite_determiners")


def _reactions(records: list[Event], doc: Doc) -> list[Event]:
    """A reaction to an event told elsewhere ("X condemned the attack", noted by the
    extractor in ``doc._.event_refs``) takes that event's coded doers as its recipients: the
    latest event of that type told before it, else the first one after."""
    refs = doc._.event_refs if doc.has_extension("event_refs") else None
    if not refs:
        return records
    out = []
    for record in records:
        ref = next((refs[m.trigger_start] for m in record.mentions
                    if m.trigger_start in refs), None)
        if ref is not None and not any(r.country for r in record.recipients):
            target = _referred(records, record, *ref)
            if target is not None:
                record = replace(record, recipients=[a for a in target.actors if a.country])
        out.append(record)
    return out


COOPERATIVE_QUADS = frozenset({1, 2})  # PLOVER's verbal and material cooperation


def _not_itself(record: Event) -> Event:
    """A recipient that is one of the doers under another name (the same country and sector:
    "the president warned that his government's answer would be swift") is no target of the act;
    nor, in an act of cooperation by a government, is a bare mention of its own country (a
    people's name that no body or sector of it stands behind: its own troops or citizens,
    which it does not cooperate with; a conflict act may well be done to them)."""
    doers = {(a.country, a.sector) for a in record.actors if a.country and a.sector}
    states = {country for country, sector in doers if sector == "GOV"} \
        if record.quad in COOPERATIVE_QUADS else set()
    kept = [r for r in record.recipients if (r.country, r.sector) not in doers
            and not (r.sector is None and r.country in states)]
    return record if len(kept) == len(record.recipients) else replace(record, recipients=kept)


def _mutual(record: Event) -> Event:
    """Sides that did a mutual event together ("Ethiopia and Somalia signed", "India and
    Pakistan held talks", "the government and the rebels signed") are each other's
    recipients when the text names no other (``records.json``: ``mutual_types``). Two sides
    of one country are two sides when their sectors differ."""
    if record.event_type not in mutual_types() or any(r.country for r in record.recipients):
        return record
    sides = [a for a in record.actors if a.country]
    if len({(a.country, a.sector) for a in sides}) < 2:
        return record
    return replace(record, recipients=[replace(a) for a in sides])


@cache
def _operating_codes() -> frozenset[str]:
    return frozenset(load_json("records.json")["operating_codes"])


@cache
def _place_types() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    settings = load_json("records.json")
    return (frozenset(settings["place_recipient_types"]),
            frozenset(settings["home_recipient_types"]),
            frozenset(settings["aimed_recipient_types"]))


def focus_country(records: list[Event], article: Article) -> str | None:
    """The country the article is about: the one its events are most often placed in by
    their own words, the dateline's country breaking a tie (and standing alone when no event
    states a place)."""
    counts: dict[str, int] = {}
    dateline = None
    for record in records:
        place = record.location
        if place is None or place.country_code is None:
            continue
        if place.basis in UNSTATED_PLACES:
            dateline = dateline or place.country_code
            continue
        counts[place.country_code] = counts.get(place.country_code, 0) + 1
    if not counts:
        return dateline
    return max(counts, key=lambda code: (counts[code], code == dateline))


def _actor_context(doc: Doc) -> ActorContext | None:
    """What the actor component stored on the document (None for a Doc parsed without it)."""
    return doc._.actor_context if Doc.has_extension("actor_context") else None


def _story_country(doc: Doc) -> str | None:
    """Where no record is placed and no dateline says where, the country the text is about
    (``ActorContext.focus``: the country it names most), so a side known by its kind ("the
    truckers") is of that country, as a local body is."""
    context = _actor_context(doc)
    return context.focus if context is not None else None


def _undated_line_story(doc: Doc, article: Article) -> str | None:
    """The country a story with no dateline is about, when its text names it at least
    ``STORY_LEAD`` times as often as any other and at least that many times
    (``ActorContext.weights``; a country named once, as where someone came from, is no
    story's subject): a live blog or a broadcaster's web copy of events in one country, which
    no dateline places. None for a story with a dateline, whose place stands in for an act no
    mention places."""
    if article.dateline_start is not None:
        return None
    context = _actor_context(doc)
    if context is None or context.focus is None:
        return None
    weights = context.weights
    others = [w for code, w in weights.items() if code != context.focus]
    if weights.get(context.focus, 0.0) < STORY_LEAD * max(max(others, default=0.0), 1.0):
        return None  # named once, or not far ahead: no story about that country
    return context.focus


def _at_home_unplaced(record: Event, story: str | None) -> Event:
    """An act done on the ground (``place_recipient_types``) that nothing places, by sides of
    the country a story with no dateline is about and aimed at no other country, happened in
    that country (basis ``article``): "riot police fired tear gas" in a live blog of a protest
    in Belgrade whose update names no place."""
    if story is None or record.location is not None or \
            record.event_type not in _place_types()[0]:
        return record
    sides = {a.country for a in record.actors if a.country}
    targets = {a.country for a in record.recipients if a.country}
    if sides != {story} or not targets <= {story}:
        return record
    return _in_country(record, story)


def _told_from_elsewhere(doc: Doc) -> str | None:
    """The country a story filed from a regional bureau is about
    (``ActorContext.told_from_elsewhere``), or None."""
    context = _actor_context(doc)
    return context.told_from_elsewhere() if context is not None else None


def _filed_abroad(doc: Doc, records: list[Event]) -> str | None:
    """The country a story filed from abroad is about (``ActorContext.filed_abroad``: the
    text names it and never the dateline's country), unless a side of the dateline's country
    does something in it ("Salvadoran troops", a story filed from San Salvador that names the
    country only by its people)."""
    context = _actor_context(doc)
    if context is None:
        return None
    abroad = context.filed_abroad()
    if abroad is None or any(a.country == context.filed for r in records for a in r.actors):
        return None
    return abroad


def _on_the_ground(record: Event, abroad: str | None) -> Event:
    """An act done on the ground (``place_recipient_types``: a strike, an arrest, a
    deployment) that no mention places happened in the country a story filed from abroad is
    about, not at the dateline (basis ``article``, the country's representative point); a
    side acting in the dateline's own country keeps the dateline ("Moscow recalled its
    envoy" in a story filed from Moscow), and so does a statement, made where its speaker is."""
    place = record.location
    if abroad is None or place is None or place.basis != "dateline":
        return record
    if record.event_type not in _place_types()[0] or \
            any(a.country == place.country_code for a in record.actors):
        return record
    return _in_country(record, abroad)


def _in_country(record: Event, iso3: str) -> Event:
    """The record placed in a country as a whole, at its representative point (basis
    ``article``: the article, not a mention, says where); unchanged for an unknown code."""
    country = country_by_iso3(iso3)
    if country is None:
        return record
    return replace(record, location=Location(
        text=country.name, name=country.name, geonameid=country.geonameid, lat=country.lat,
        lon=country.lon, country_code=country.iso3, precision="country", basis="article"))


def _home_ground(record: Event, focus: str | None) -> Event:
    """An act done on the ground (``place_recipient_types``) that no mention places, by a
    side of the country the article is about (``focus``: where its events are placed), in
    a story filed from another country, happened at that side's home, not where the story
    was filed (basis ``article``): fighting in a country told from a neighbour's capital."""
    place = record.location
    if focus is None or place is None or place.basis != "dateline" or \
            place.country_code == focus or record.event_type not in _place_types()[0]:
        return record
    if {a.country for a in record.actors if a.country} != {focus}:
        return record
    return _in_country(record, focus)


@cache
def _seated_sectors() -> frozenset[str]:
    return frozenset(load_json("records.json")["seated_sectors"])


def _seated_at_home(record: Event) -> Event:
    """An act of a body that sits only in its own country (``seated_sectors``: a court,
    prosecutors, the police, a parliament) that no mention places happened in that body's
    country, not where a story filed from another country was written (basis ``article``):
    a foreign court's ruling told from the capital of the accused's country. So does a
    government named by its capital ("Dhaka has refused"): the seat of government stands for
    the government at home, where a minister or envoy named abroad may speak anywhere."""
    place = record.location
    if place is None or place.basis != "dateline":
        return record
    coded_sides = [a for a in record.actors if a.country]
    own = {a.country for a in coded_sides}
    if len(own) != 1 or place.country_code in own or \
            not all(a.sector in _seated_sectors() or _named_by_capital(a) for a in coded_sides):
        return record
    if record.modality == "negated" and not \
            all(a.sector in _seated_sectors() for a in coded_sides):
        return record
    return _in_country(record, own.pop() or "")


def _named_by_capital(actor: Actor) -> bool:
    """Whether a side is named only by its country's capital ("Dhaka", "Moscow")."""
    country = country_by_iso3(actor.country or "")
    return country is not None and bool(country.capital) and actor.text == country.capital


def _at_place(record: Event, focus: str | None = None) -> Event:
    """An act naming no recipient is aimed where the article places it
    (``records.json``): troops sent into a country, strikes on its towns, arrests there are
    done to the country where the event happens, by its own words (the dateline's place only
    for an act a side does at home: "sends troops" in a story filed in its capital); a demand,
    warning or refusal a side makes at home, which is where it speaks when the story is filed
    from there, is aimed at its own country; a statement an outsider makes about the story
    (a foreign government's or a world body's call, condemnation or praise) is aimed at the
    country the article is about (``focus``)."""
    if any(r.country for r in record.recipients):
        return record
    done_to, at_home, aimed = _place_types()
    place = record.location
    code = place.country_code if place is not None else None
    own = {a.country for a in record.actors if a.country}
    stated = code is not None and place is not None and place.basis not in UNSTATED_PLACES
    kind = record.event_type
    target: str | None = None
    said_home = place is not None and place.basis != "article"
    if code is not None and (code in own and (kind in at_home and said_home or kind in done_to)
                             or (stated and kind in done_to)):
        target = code
    elif kind in aimed and own and focus not in own:
        target = focus
    if target is None:
        return record
    country = country_by_iso3(target)
    name = country.name if country is not None else target
    return replace(record, recipients=[*record.recipients,
                                       Actor(text=name, name=name, country=target)])


def _referred(records: list[Event], reaction: Event, kind: str, word: str = "") -> Event | None:
    """The event a reaction refers to: of the type referred to (``*``: any), done by another
    side than the one reacting (a side condemns, welcomes or rejects what others did: first
    another country, else another body of its own country, "the ruling party welcomed the
    rebels' move"; for a type named, its own side's act when no other's is told), one the
    article names with the reaction's own noun ("the strikes" → a record told as "strikes")
    before any other; for a type named, the one the article tells most often (a noun of
    its kind points to the story's own event of that kind rather than an aside; one that
    names no kind, "the decision", to the last act); then the latest such told before it,
    else the first after."""
    told = [r for r in records if r is not reaction and any(a.country for a in r.actors)
            and kind in ("*", r.event_type)]
    before = [r for r in told if r.mentions[0].start < reaction.evidence.start]
    for pool, pick in ((before, -1), ([r for r in told if r not in before], 0)):
        others = _other_sides(pool, reaction) or (pool if kind != "*" else [])
        named = [r for r in others
                 if word and any(_same_stem(word, m.trigger) for m in r.mentions)]
        if named or others:
            found = named or others
            most = max(len(r.mentions) for r in found) if kind != "*" else 0
            return [r for r in found if len(r.mentions) >= most][pick]
    return None


STEM = 5  # letters two forms of one word share at least ("the agreement": "agreed to")


def _same_stem(word: str, trigger: str) -> bool:
    """The trigger's words include the reaction's noun or a form of it: one of them begins
    with the noun's first letters ("agreement" and "agreed", "the strikes" and "struck" not)."""
    words = trigger.lower().split()
    if word in trigger.lower():
        return True
    return len(word) >= STEM and any(w[:STEM] == word[:STEM] for w in words)


def _other_sides(told: list[Event], reaction: Event) -> list[Event]:
    """The records done by a side other than the reaction's: another country's first, else
    another body (sector) of the same country's."""
    own = {a.country for a in reaction.actors if a.country}
    own_bodies = {(a.country, a.sector) for a in reaction.actors if a.country}
    foreign = [r for r in told if not own & {a.country for a in r.actors if a.country}]
    if foreign:
        return foreign
    return [r for r in told
            if not own_bodies & {(a.country, a.sector) for a in r.actors if a.country}]


def _acts_placed_in(records: list[Event], country: str | None) -> bool:
    """Whether some record of the article is an act (no statement) that the text places in
    ``country``: where a movement of many countries is told to act."""
    _, _, aimed = _place_types()
    return country is not None and any(
        r.event_type not in aimed and r.location is not None and
        r.location.country_code == country and r.location.basis not in UNSTATED_PLACES
        for r in records)


def _unknown_names(doc: Doc, event: Event) -> frozenset[str]:
    """The words of the record's doers that are names no table codes: no country and no
    kind ("the Harbour Civic Forum", a party known by its initials, a person named alone)."""
    return frozenset(a.text for a in event.actors
                     if not a.country and not a.sector and _named_actor(doc, event, a))


def _where_they_operate(event: Event, focus: str | None = None,
                        fought_in_focus: bool = False,
                        names: frozenset[str] = frozenset(),
                        bureau: str | None = None) -> Event:
    """A side known by its kind but not its country ("gunmen", "the police", "villagers")
    belongs to the country where the event happens, as far as the article says: the coding
    rule for armed groups, police forces, ministries and people of a place; so does a
    movement coded only by a non-state code of groups that act in many countries
    (``operating_codes``: an Islamic State affiliate), but only where the text shows it
    acting: at the act's own stated place, or, for its statements and acts the text does not
    place, in the article's country when some act of the article is placed there
    (``fought_in_focus``). Whom such a movement threatens says nothing of where it operates. A
    statement is made at a venue ("the army refused to attend talks in Oslo"): its sides
    belong to the country the article is about (``focus``), as do those of an event placed
    nowhere. A doer named by a name that no table codes (``names``) is placed the same way:
    a party, a civic body or a person the codebook does not know is of the country where
    the article shows it acting (a place its own words state, or for a statement the
    country the story is about; not a dateline abroad), as a side known by its kind is.
    An act placed only by the dateline of a story filed from a regional bureau
    (``bureau``: the country the text names far more often than the dateline's) is that
    country's: a hub's dateline on fighting in a neighbouring country says where the story
    was written, not whose the gunmen and police are."""
    place = event.location
    code = place.country_code if place is not None else None
    _, _, aimed = _place_types()
    acted_there = code is not None and event.event_type not in aimed and \
        place is not None and place.basis not in UNSTATED_PLACES
    if code is None or event.event_type in aimed:
        code = focus or code
    elif bureau is not None and place is not None and place.basis == "dateline":
        code = bureau
    acted_there = acted_there or (fought_in_focus and code == focus)
    if code is None:
        return event

    roaming = _operating_codes() if acted_there else frozenset()

    # a name no table codes is placed only by the act's own stated place or, for a
    # statement, by the story's country: a dateline abroad says nothing of whose it is
    named_here = acted_there or event.event_type in aimed

    def placed(actor: Actor) -> bool:
        return bool(actor.sector and not actor.country) or actor.country in roaming or \
            (named_here and not actor.country and actor.text in names)

    def local(sides: list[Actor]) -> list[Actor]:
        return [replace(a, country=code) if placed(a) else a for a in sides]

    if not any(placed(a) for a in [*event.actors, *event.recipients]):
        return event
    return replace(event, actors=local(event.actors), recipients=local(event.recipients))


def coded(event: Event) -> bool:
    """Whether the record names a doer sitrep could code to a country."""
    return any(a.country for a in event.actors)


def attach_unknown(groups: list[list[int]], merged_of: Callable[[list[int]], Event],
                   sentence_of: Callable[[int], int], rules: SameEventRules,
                   title_end: int = 0, toll: Callable[[Event], bool] | None = None,
                   thing: Callable[[Event], bool] | None = None) -> list[list[int]]:
    """Each group that names no coded actor joins the nearest group of the same event that
    does ("Russia struck Kyiv ... Explosions shook the capital", "X were killed"), when one
    of its mentions stands within ``attach_reach_sentences`` sentences (the headline sums up
    the story, so it stands next to every sentence), it is told in the same modality (a plan
    beside a deed is another event), names no other target and nothing they state
    disagrees; nearer wins (by their body mentions, :func:`_body_apart`), then the earlier.
    A fight (``fight_types``) reaches ``fight_attach_reach_sentences`` when its victims are a
    side of the fight (same country and sector): the toll of a clash is told sentences after
    its sides. A ``toll`` (a fight told in the passive with no doer at all, see
    :func:`_passive_toll`) reaches ``toll_attach_reach_sentences``, and the victims it counts
    may be worded otherwise than the fight's ("12 people", then "eight civilians and four
    officers"); its days must meet the fight's, the days up to the story's that stand in for
    a date it leaves unstated included (a toll told as recent counts no fight of last month).
    What names no doer at all then joins, by the same test, a group whose doer is known by
    its kind only ("officers stormed the floor ... the assailant was killed"): that doer
    takes the country of the place later, so it is a named side. A doer that is a ``thing``
    (words that give neither a country, nor a kind, nor a name: "the rockets fell on a
    clinic", "wounded by bricks") names no doer here: it is what the fight used, not another
    side."""
    named = [g for g in groups if coded(merged_of(g))]
    rest = [g for g in groups if g not in named]
    left = _attach(rest, named, merged_of, sentence_of, rules, title_end, toll=toll,
                   thing=thing)
    kinds = [g for g in left if any(a.sector for a in merged_of(g).actors)]
    left = kinds + _attach([g for g in left if g not in kinds], kinds, merged_of, sentence_of,
                           rules, title_end, by_kind=True, toll=toll, thing=thing)
    return sorted([sorted(g) for g in named + left], key=min)


def _attach(groups: list[list[int]], targets: list[list[int]],
            merged_of: Callable[[list[int]], Event], sentence_of: Callable[[int], int],
            rules: SameEventRules, title_end: int, by_kind: bool = False,
            toll: Callable[[Event], bool] | None = None,
            thing: Callable[[Event], bool] | None = None) -> list[list[int]]:
    """Join each of ``groups`` to its nearest target of the same event (see
    :func:`attach_unknown`), extending that target; the groups that joined none. A target
    whose doer is known ``by_kind`` only takes a group whose victims are of a kind of its
    sides, or, when it names no target of its own, the victims beside it ("officers stormed
    the floor. The assailant was killed"); "arsonists attacked factories" is not where "a
    police officer was killed"."""
    kept: list[list[int]] = []
    # a toll's stand-in days count: one the text leaves undated was told as recent
    told_days = replace(rules.within, stated_only=False)
    for members in groups:
        event = merged_of(members)
        if thing is not None and thing(event):
            event = replace(event, actors=[])
        here = _places_in_text(event, sentence_of, title_end)
        counted = toll is not None and toll(event)
        reach = (rules.toll_attach_reach_sentences if counted
                 else rules.fight_attach_reach_sentences if event.event_type in rules.fights
                 else rules.attach_reach_sentences)
        best, best_key = None, None
        for other in targets:
            whole = merged_of(other)
            there = _places_in_text(whole, sentence_of, title_end)
            distance = min(_apart(a, b) for a in here for b in there)
            if distance > rules.attach_reach_sentences and not counted and \
                    not _sides_meet(whole, event):
                continue
            if by_kind and whole.recipients and not _kinds_meet(whole, event):
                continue
            if distance > reach or whole.modality != event.modality or \
                    not same_event(whole, event, rules, anaphor=True):
                continue
            if not counted and \
                    not recipients_agree(_named_targets(whole), _named_targets(event), True):
                continue
            if counted and not dates_overlap(whole, event, told_days):
                continue
            key = (_body_apart(here, there, reach),
                   min((b for b in there if b is not None), default=-1))
            if best_key is None or key < best_key:
                best, best_key = other, key
        if best is None:
            kept.append(members)
        else:
            best.extend(members)
    return kept


def _passive_toll(doc: Doc, event: Event, rules: SameEventRules, nouns: dict[int, str]
                  ) -> bool:
    """Whether a fight's record names no doer at all and each of its mentions is a verb told
    in the passive with no agent ("eight civilians were killed", "people wounded in Gao"):
    what a fight did, counted, not a fight of its own. A toll counts people: its victims are
    of a kind of people ("voting tables were attacked in 15 areas" tells an attack), and
    they are killed or hurt, not taken (``untold_toll_modes`` of ``records.json``). A toll
    that names its own fight with an indefinite event noun ("killed in clashes in the
    north") tells that fight."""
    if event.event_type not in rules.fights or event.actors:
        return False
    if not any(r.sector for r in event.recipients):
        return False
    if event.mode in load_json("records.json")["untold_toll_modes"]:
        return False
    book = load_codebook()
    into = book.cue("part_of_preps")
    for mention in event.mentions:
        span = _mention_span(doc, mention)
        if span is None:
            return False
        verb = span.root
        if verb.tag_ != "VBN" or any(_named_agent(c) for c in verb.children):
            return False
        if verb.dep_ != "acl" and not any(c.dep_ == "auxpass" for c in verb.children):
            return False
        told = [o for p in verb.children if p.dep_ == "prep" and p.text.lower() in into
                for o in p.children if o.dep_ == "pobj" and o.i in nouns]
        if any(not _definite_event(o, nouns[o.i], nouns, book) for o in told):
            return False
    return True


def _named_agent(child: Token) -> bool:
    """Whether a verb's child is the agent of its passive ("by ...") naming a doer: its
    object a proper noun or a named organisation, person or people. The record's thing
    doers are left out before this is asked (:func:`_names_a_thing`), so any other agent
    ("wounded by bricks") is what the fight used."""
    return child.dep_ == "agent" and any(
        o.pos_ == "PROPN" or o.ent_type_ in NAMED_DOERS for o in child.children)


def _names_a_thing(doc: Doc, event: Event) -> bool:
    """Whether a record's doers are words that give neither a country, nor a kind, nor a
    name ("the rockets", "bricks", "a grenade"): a thing the act used, so no doer."""
    return bool(event.actors) and not coded(event) and \
        not any(a.sector for a in event.actors) and not _named_doer(doc, event)


def _sides_meet(fight: Event, toll: Event) -> bool:
    """Whether the toll's victims are a side of the fight (same country and sector)."""
    sides = {(a.country, a.sector) for a in fight.actors + fight.recipients if a.country}
    return any((r.country, r.sector) in sides for r in toll.recipients if r.country)


def _kinds_meet(fight: Event, toll: Event) -> bool:
    """Whether the toll's victims are of the kind of a side of the fight."""
    kinds = {a.sector for a in fight.actors + fight.recipients if a.sector}
    return any(r.sector in kinds for r in toll.recipients)


def _places_in_text(event: Event, sentence_of: Callable[[int], int], title_end: int
                    ) -> list[int | None]:
    """The sentence of each mention; ``None`` for one in the headline."""
    return [None if m.start < title_end else sentence_of(m.start) for m in event.mentions]


def _apart(a: int | None, b: int | None) -> int:
    """Sentences between two mentions; a headline mention is next to every sentence."""
    return 0 if a is None or b is None else abs(a - b)


def _body_apart(here: list[int | None], there: list[int | None], reach: int) -> int:
    """How near two groups stand for choosing among those in reach: sentences between their
    nearest body mentions; a group told only in the headline stands next to every sentence
    but nearer than none in reach, so a mention joins the event the body tells beside it
    before one the headline sums up ("X moves troops; Y calls up reservists")."""
    body = [abs(a - b) for a in here for b in there if a is not None and b is not None]
    return min(body) if body else reach + 1


def _named_targets(event: Event) -> list[Actor]:
    """The targets a mention names (the doers left out): two that name different victims
    ("the mayor", "two policemen") tell two acts."""
    doers = {a.country for a in event.actors if a.country}
    return [r for r in event.recipients if r.sector and r.country not in doers]


def _sentence_index(doc: Doc) -> Callable[[int], int]:
    """The ordinal of the sentence holding a character offset (0 without sentence marks)."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return lambda offset: 0
    starts = [sent.start_char for sent in doc.sents]
    return lambda offset: max(0, bisect_right(starts, offset) - 1)


def told_in_passing(event: Event, article: Article) -> bool:
    """History the story recalls (dated wholly ``history_years`` before the story's day), a
    past event it recalls with no coded doer (dated wholly ``unattributed_past_days`` before
    the story's day: "three years ago a market blast there left dozens dead") or a tally over an
    open period longer than ``tally_days`` that runs up to the story's day ("since 2014"): no
    event of its own (``codebook/records.json``)."""
    day, when = article.reference_date, event.date
    if day is None or when is None or when.basis not in STATED_DATES or not when.end:
        return False
    settings = load_json("records.json")
    end = date.fromisoformat(when.end[:10])
    start = date.fromisoformat(when.start[:10]) if when.start else end
    if end.year < day.year - int(settings["history_years"]):
        return True
    if not coded(event) and (day - end).days > int(settings["unattributed_past_days"]):
        return True
    return end == day and (end - start).days > int(settings["tally_days"])


PAST_TAGS = frozenset({"VBD", "VBN"})


def dated_ahead(event: Event, doc: Doc, article: Article) -> Event:
    """A record told as done whose stated date lies wholly after the story's day
    (``records.json``). An act done by saying so (``said_ahead_types``: "said it would call a
    strike from Monday") was said by that day: the date is what it announces, so the record
    takes the window of an unstated date. Any other act ("talks are due to begin next month")
    is still ahead: future. A verb told in the past keeps its reading (the date is the
    likelier slip)."""
    day, when = article.reference_date, event.date
    if event.modality != "asserted" or day is None or when is None or \
            when.basis not in STATED_DATES or not when.start:
        return event
    if date.fromisoformat(when.start[:10]) <= day:
        return event
    if event.event_type in _said_ahead():
        return replace(event, date=unstated_date(article))
    span = _trigger_span(doc, event)
    if span is not None and span.root.tag_ in PAST_TAGS:
        return event
    return replace(event, modality="future")


@cache
def _said_ahead() -> frozenset[str]:
    return frozenset(load_json("records.json")["said_ahead_types"])


def generic(doc: Doc, event: Event) -> bool:
    """A kind of act, not an act: every mention is a bare nominal (no determiner, number or
    possessor: "torture and disappearances were the methods used", "a front to fight
    crime") and the record names no coded doer, no time and no place of its own. "The
    attack", "two bombings", "Tuesday's clashes", "rioting in the capital" tell events."""
    if coded(event) or (event.date is not None and event.date.basis in STATED_DATES) or \
            (event.location is not None and event.location.basis not in UNSTATED_PLACES):
        return False
    for mention in event.mentions:
        span = _mention_span(doc, mention)
        if span is None or span.root.pos_ not in ("NOUN", "VERB") or \
                any(c.dep_ in BOUND_DEPS for c in span.root.children):
            return False
        if span.root.pos_ == "VERB" and span.root.tag_ not in BARE_VERB_TAGS:
            return False
        if span.root.pos_ == "NOUN" and _told_in_past(span.root):
            return False
    return True


def object_only(doc: Doc, event: Event, rules: SameEventRules) -> bool:
    """What another act is done to or about, not an event told: every mention is a noun
    that is the object of another word ("a ban on the marches", "to infiltrate the rallies",
    "undermined the truce") and the record names no doer (none, or only a thing, see
    :func:`_names_a_thing`). A fight so told ("deplored the shelling of the port") still
    reports the fight, whose victims the story names; a protest, a truce or an arrest told
    only as the object of another act is its setting."""
    if event.event_type in rules.fights or (event.actors and not _names_a_thing(doc, event)):
        return False
    for mention in event.mentions:
        span = _mention_span(doc, mention)
        if span is None or span.root.pos_ != "NOUN" or span.root.dep_ not in OBJECT_DEPS \
                or _names_own_doer(span.root):
            return False
    return True


def _names_own_doer(noun: Token) -> bool:
    """Whether an event noun names who carried it out, by a possessive ("completed their
    withdrawal") or a doer's preposition ("broke up a rally by teachers"): then it is an
    episode someone did, which the other act presupposes, even when its doer has no country;
    a bare "the truce" or "peaceful protests" is only what the other act is about."""
    preps = load_codebook().cue("own_doer_preps")
    if any(child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in preps)
           for child in noun.children):
        return True
    # an active verb has no agent: a "by" phrase the parse hung on it is its object's own
    verb = noun.head
    return noun.dep_ == "dobj" and not any(c.dep_ == "auxpass" for c in verb.children) \
        and any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in preps)
                for c in verb.children)


def _told_in_past(noun: Token) -> bool:
    """Whether the clause a nominal stands in is told in the simple past ("rioting broke
    out", "fighting was reported"): an episode, where the present speaks of a kind."""
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                     for c in verb.children)


def _mention_span(doc: Doc, mention: Evidence):  # noqa: ANN202
    if mention.trigger_start is None:
        return None
    span = doc.char_span(mention.trigger_start, mention.trigger_end or mention.trigger_start,
                         alignment_mode="expand")
    return span if span is not None and len(span) else None


@cache
def _authority() -> tuple[frozenset[str], str, str]:
    settings = load_json("records.json")["passive_authority"]
    return frozenset(settings["types"]), settings["text"], settings["sector"]


def _by_authority(doc: Doc, event: Event) -> Event:
    """An act of the state's power told in the passive with no agent ("eleven men were
    arrested", "he was placed under house arrest") names no doer, but only the authorities
    arrest, detain and confine (``records.json``: ``passive_authority``): the record's doer
    is the authorities, a side known by its kind, so it takes the country where the act
    happens; where the text places it nowhere, the country of the people it is done to,
    when they are of one ("an Egyptian blogger was detained": a state's
    power used on its own people). A record with any actor of its own, or whose words name
    an agent, is left."""
    types, text, sector = _authority()
    if event.event_type not in types or event.actors:
        return event
    span = _trigger_span(doc, event)
    if span is None or not agentless_passive(span.root):
        return event
    home = None
    if event.location is None or event.location.country_code is None:
        nations = {r.country for r in event.recipients}
        home = nations.pop() if len(nations) == 1 else None
    return replace(event, actors=[Actor(text=text, country=home, sector=sector)])


def _named_doer(doc: Doc, event: Event) -> bool:
    """Whether an uncoded doer is named by a name ("the Nile Basin Forum", a person):
    the head of its words, where the best mention's sentence states them, is a proper noun
    or stands in a named entity of an organisation, a person or a people."""
    return any(_named_actor(doc, event, actor) for actor in event.actors)


def _named_actor(doc: Doc, event: Event, actor: Actor) -> bool:
    """Whether one side of a record is named by a name where its best mention states it."""
    at = event.evidence.sentence.find(actor.text)
    if not actor.text or at < 0:
        return False
    start = event.evidence.start + at
    span = doc.char_span(start, start + len(actor.text), alignment_mode="expand")
    return span is not None and len(span) > 0 and (span.root.pos_ == "PROPN" or
                                                   span.root.ent_type_ in NAMED_DOERS)


def _main_verb(doc: Doc, event: Event) -> bool:
    """Whether the record's best mention is the main verb of its sentence: a statement the
    sentence makes, whose speaker the parse may have lost."""
    span = _trigger_span(doc, event)
    return span is not None and span.root.pos_ in ("VERB", "AUX") and span.root.dep_ == "ROOT"


def _without_actor(event: Event, rules: SameEventRules, main: bool = False,
                   named: bool = False) -> Event | None:
    """A record that names no coded actor after gathering its mentions. A statement whose
    words name no speaker is its claimant's ("removing the sanctions is out of the question,
    US officials said"); one that names nobody at all is a misreading, not a statement, unless
    its type can have an unknown doer. Words that give the doer neither a country, nor a kind,
    nor a name (``named``: "the report", "12 ballots") name no doer of a statement or of an act
    only a named side does. The host of talks or a deal, speaking of it, is no party to it
    (:func:`_host_speaking`). What stays without a doer is less sure, and dropped below the
    floor. An act told as not done by no one its words name ("no arrests had been made", "we
    will not allow our soldiers to be killed", "it had not been consulted") records nothing,
    and its speaker is not made its doer: no side did or refused anything."""
    if coded(event):
        return event
    if event.modality == "negated" and not event.actors:
        return None
    known = any(a.sector for a in event.actors) or named
    if event.event_type not in rules.kept_without_actor:
        if known:
            return event
        speaker = event.claimant
        if speaker is None or speaker.country is None or _host_speaking(event, speaker.country):
            return _unclaimed(event, rules) if main else None
        return replace(event, actors=[Actor(text=speaker.text, country=speaker.country,
                                            sector=speaker.sector)], claimant=None)
    return event if event.actors else _unclaimed(event, rules)


def _parties_of_talks(records: list[Event]) -> list[Event]:
    """A mutual event (talks, a deal) whose mentions name its doers only by their kind
    ("negotiators will meet again") or name none, the host of the talks saying so ("talks
    will resume in Lome in June, Togo's foreign minister said"), is held by the parties of the
    mutual event told last before it: the same sides meet again, not the host or the place
    where they meet. Its claimant stays who said so."""
    mutual = mutual_types()
    order = sorted(range(len(records)), key=lambda i: records[i].mentions[0].start)
    last: Event | None = None
    result = list(records)
    for i in order:
        record = records[i]
        if record.event_type not in mutual:
            continue
        if coded(record):
            last = record
        elif last is not None and (_kind_only(record) or (
                record.claimant is not None and record.claimant.country is not None and
                _host_speaking(record, record.claimant.country))):
            result[i] = replace(record, actors=list(last.actors),
                                recipients=record.recipients or list(last.recipients))
    return result


def _kind_only(event: Event) -> bool:
    """Whether a record's doers are named by their kind alone ("negotiators", "delegates"):
    a sector and no country."""
    return bool(event.actors) and all(a.sector and not a.country for a in event.actors)


def _host_speaking(event: Event, country: str) -> bool:
    """Whether the claimant of a mutual event (talks, a deal) is of the country where it is
    held: a host announcing talks between others ("talks will begin in Doha, Qatar's minister
    said") is no party to them."""
    return event.event_type in mutual_types() and event.location is not None and \
        event.location.country_code == country


def _unclaimed(event: Event, rules: SameEventRules) -> Event | None:
    """The record less sure by the penalty for naming no doer; none below the floor."""
    confidence = round(max(0.05, event.confidence - rules.unknown_actor_penalty), 3)
    if confidence < rules.unknown_actor_floor:
        return None
    return replace(event, confidence=confidence)
