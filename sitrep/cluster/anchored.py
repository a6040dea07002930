"""Dates an article gives one event by another: "a week after the attack", "the day before
the vote", "the strike came a day after Peru recalled its envoy",
"since the coup", "during that trip".

The time component and the parse say which two events a phrase relates and by how much
(:mod:`sitrep.resolve.times.anchors`); here the records of the article say which of the two
has a date the text states: that one dates the other, moved by the measure (forwards from the
event measured from, or back to it from the event the phrase dates). A record whose date the
text states keeps it. The moved date says where it came from: ``date.source`` ``event``; it
dates the events told from it in turn ("the vote came a week after X visited ...; during that
trip, Iran agreed"). A clause that tells no record of its own and states no time ("the vote
came a week after ...") happened, as any event whose words state no time, on or shortly
before the story's day (``unstated_date``), and dates the event measured from it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from sitrep.cluster.events import STATED_DATES
from sitrep.codebook.lexicon import load_codebook
from sitrep.codebook.load import load_json
from sitrep.extract.setting import unstated_date
from sitrep.extract.triggers import doc_triggers
from sitrep.model import Article, Event, EventDate
from sitrep.resolve.times.anchors import TimeAnchor, shifted, time_anchors
from sitrep.resolve.times.component import TIME_SPANS
from sitrep.resolve.times.vocabulary import load_vocabulary

# the words of a clause whose event is the clause's own ("the strike came", "declared the
# envoy persona non grata"): its subject, object and complements
CLAUSE_PARTS = frozenset({"nsubj", "nsubjpass", "dobj", "ccomp", "xcomp", "attr", "oprd"})
SOURCE = "event"
STRENGTH = {"clause": 2, "mention": 2, "sentence": 1, SOURCE: 1}
UNIT_DAYS = {"D": 1, "W": 7, "M": 31, "Y": 366}


def dated_by_events(records: list[Event], doc: Doc, article: Article) -> list[Event]:
    """The records, each whose date the text gives only through another event's dated
    from that event's (and the event measured from dated from the one the phrase dates,
    when only that one's date is stated). Of the two, the date stated closer to its event
    (its own clause, another mention of it, over its sentence's) dates the other."""
    anchors = time_anchors(doc)
    if not anchors:
        return told_next(told_later(records, doc, article), doc, article)
    records = list(records)
    at = _trigger_tokens(records, doc)
    kinds = {hit.head.i: hit.entry.type for hit in doc_triggers(doc)}
    for anchor in anchors:
        dated = _record_of(anchor.dated, at)
        source = _record_of(anchor.anchor, at)
        if dated is None and source is not None and _undated_clause(anchor) and \
                strength(records[source]) == 0:
            moved = _moved(unstated_date(article), anchor, article, backwards=True)
            if moved is not None and _possible(records[source], moved, article):
                records[source] = replace(records[source], date=moved)
            continue
        if source is None:
            source = _referred(anchor.anchor, kinds.get(anchor.anchor.i), records)
        if dated is None or source is None or dated == source:
            continue
        if strength(records[source]) > strength(records[dated]):
            moved = _moved(records[source].date, anchor, article, backwards=False)
            target = dated
        elif anchor.sign and strength(records[dated]) > strength(records[source]):
            moved = _moved(records[dated].date, anchor, article, backwards=True)
            target = source
        else:
            continue
        if moved is not None and _possible(records[target], moved, article):
            records[target] = replace(records[target], date=moved)
    return told_next(told_later(records, doc, article), doc, article)


def told_later(records: list[Event], doc: Doc, article: Article) -> list[Event]:
    """The records whose verb an adverb of sequence with no measure modifies ("the rebels
    later freed the hostages", ``sequence_adverbs`` of the times vocabulary)
    and whose words state no time: the act is told against the act told just before it, so
    it happened from that act's date (the latest record with a stated date whose trigger
    stands before the verb, in its sentence or the one before) up to the story's day, not
    on the story's day. "Hours later" and "later on Monday" state a time and keep it."""
    day = article.reference_date
    if day is None:
        return records
    words = frozenset(load_vocabulary().words["sequence_adverbs"])
    heads = [_trigger_heads(record, doc) for record in records]
    out = list(records)
    for n, record in enumerate(records):
        if strength(record) or record.date is None or record.date.source == SOURCE:
            continue
        adverb = next((a for verb in heads[n] for a in _sequence_adverbs(verb, words)), None)
        if adverb is None:
            continue
        before = _told_before(adverb, [(m, heads[m]) for m in range(len(records))
                                       if m != n and strength(records[m])])
        told = records[before].date if before is not None else None
        start = told.start if told is not None else None
        if not start or date.fromisoformat(start[:10]) > day:
            continue
        out[n] = replace(record, date=EventDate(
            text=adverb.text, start=start[:10], end=day.isoformat(), precision=None,
            basis="relative", source=SOURCE))
    return out


def told_next(records: list[Event], doc: Doc, article: Article) -> list[Event]:
    """The records of acts done (``narrated_quads`` of ``records.json``) whose sentence states
    no time and follows, in the same paragraph, a sentence whose act the text dates in its own
    clause: the paragraph goes on with that story, so the act happened from that act's date
    up to the story's day, not only in the days just before the story's day. A statement, a
    plan, or an act whose sentence has a time of its own keeps its date."""
    day = article.reference_date
    if day is None:
        return records
    quads = frozenset(int(q) for q in load_json("records.json")["narrated_quads"])
    kinds = load_codebook().types
    heads = [_trigger_heads(record, doc) for record in records]
    out = list(records)
    for n, record in enumerate(records):
        kind = kinds.get(record.event_type)
        if not heads[n] or kind is None or kind.quad not in quads or not _undated(record):
            continue
        before = _previous_in_paragraph(heads[n][0], doc)
        if before is None:
            continue
        told = [records[m].date for m in range(len(records))
                if m != n and _dated_in(records[m], heads[m], before)]
        starts = [w.start[:10] for w in told if w is not None and w.start and
                  date.fromisoformat(w.start[:10]) <= day]
        if starts:
            out[n] = replace(record, date=EventDate(
                text=None, start=max(starts), end=day.isoformat(), precision=None,
                basis="relative", source=SOURCE))
    return out


def _undated(record: Event) -> bool:
    """An act told as done whose date is the story's window because its words state none."""
    when = record.date
    return record.modality == "asserted" and when is not None and \
        when.basis == "publication" and when.source != SOURCE and not strength(record)


def _dated_in(record: Event, heads: list[Token], sent: Span) -> bool:
    """Whether a record told as done has a trigger in ``sent`` and a date its own clause
    states."""
    return record.modality == "asserted" and strength(record) == 2 and \
        record.date is not None and bool(record.date.start) and \
        any(sent.start <= head.i < sent.end for head in heads)


def _previous_in_paragraph(head: Token, doc: Doc) -> Span | None:
    """The sentence before ``head``'s in the same paragraph (no line break between them),
    when ``head``'s own sentence states no time."""
    sent = head.sent
    if sent.start == 0 or any(sent.start <= span.start < sent.end
                              for span in doc.spans.get(TIME_SPANS, ())):
        return None
    before = doc[sent.start - 1].sent
    last = max((t for t in before if not t.text.isspace()), key=lambda t: t.i, default=before[-1])
    first = next((t for t in sent if not t.text.isspace()), sent[0])
    return None if "\n" in doc.text[last.idx + len(last):first.idx] else before


def _sequence_adverbs(verb: Token, words: frozenset[str]) -> list[Token]:
    """The adverbs of sequence with no measure of their own that modify a verb (or the verb
    a conjunct or complement shares its time with: "later met and agreed")."""
    found = []
    for _ in range(2):
        found += [c for c in verb.children if c.dep_ == "advmod" and c.text.lower() in words and
                  not any(g.dep_ in ("npadvmod", "nummod", "prep") for g in c.children)]
        if verb.dep_ not in ("conj", "xcomp") or found:
            break
        verb = verb.head
    return found


def _told_before(adverb: Token, candidates: list[tuple[int, list[Token]]]) -> int | None:
    """Of the records given, the one whose trigger stands last before ``adverb``'s verb
    within its sentence or the one before."""
    sent = adverb.sent
    first = adverb.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    best: tuple[int, int] | None = None
    for n, tokens in candidates:
        for token in tokens:
            if first <= token.i < adverb.i and (best is None or token.i > best[0]):
                best = (token.i, n)
    return best[1] if best is not None else None


def _trigger_heads(record: Event, doc: Doc) -> list[Token]:
    """The head tokens of the triggers of a record's mentions."""
    heads = []
    for mention in record.mentions:
        if mention.trigger_start is None:
            continue
        span = doc.char_span(mention.trigger_start, mention.trigger_end or
                             mention.trigger_start, alignment_mode="expand")
        if span is not None and len(span):
            heads.append(span.root)
    return heads


def _undated_clause(anchor: TimeAnchor) -> bool:
    """Whether the phrase dates a clause of its own subject that states no time besides the
    measure ("the vote came a week after ..."): one whose date is the story's window. A
    participle or a subjectless conjunct shares the time of the clause it hangs on."""
    head = anchor.dated
    if anchor.sign == 0 or not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return False
    clause = {t.i for t in head.subtree} - set(range(anchor.start, anchor.end))
    return not any(t.i in clause for span in head.doc.spans.get(TIME_SPANS, ()) for t in span)


def _measure_days(anchor: TimeAnchor) -> float:
    """How many days the measure spans (a month as 31, a year as 366)."""
    return anchor.count * UNIT_DAYS.get(anchor.unit or "", 0)


def _possible(event: Event, when: EventDate, article: Article) -> bool:
    """A date the event can have: what the story tells as done lies on or before its day."""
    day = article.reference_date
    return event.modality != "asserted" or day is None or when.start is None or \
        date.fromisoformat(when.start[:10]) <= day


def strength(event: Event) -> int:
    """How closely the text states the event's date: 2 in its own clause or another mention
    of it, 1 in its sentence (which may be another clause's time), 0 not at all (the story's
    day stands in, or a date moved from another event)."""
    when = event.date
    if when is None or when.basis not in STATED_DATES or not when.start or not when.end:
        return 0
    return STRENGTH.get(when.source or "", 0)


def _referred(noun: Token, kind: str | None, records: list[Event]) -> int | None:
    """The record an event noun measured from refers to when it is no mention of its own
    ("a week after the attack", told in passing): the latest event of its type told before
    it, else the one event of its type the article has."""
    if kind is None:
        return None
    before = [n for n, r in enumerate(records) if r.event_type == kind and
              r.mentions[0].trigger_start is not None and
              r.mentions[0].trigger_start < noun.idx]
    if before:
        return max(before, key=lambda n: records[n].mentions[0].trigger_start or 0)
    same = [n for n, r in enumerate(records) if r.event_type == kind]
    return same[0] if len(same) == 1 else None


def _trigger_tokens(records: list[Event], doc: Doc) -> dict[int, int]:
    """token index → the record one of whose mentions' triggers covers it."""
    at: dict[int, int] = {}
    for n, record in enumerate(records):
        for mention in record.mentions:
            if mention.trigger_start is None:
                continue
            span = doc.char_span(mention.trigger_start, mention.trigger_end or
                                 mention.trigger_start, alignment_mode="expand")
            for token in span or ():
                at.setdefault(token.i, n)
    return at


def _record_of(head: Token, at: dict[int, int]) -> int | None:
    """The record of the event a clause head tells: its own trigger, else the trigger of its
    subject, object or complement ("the strike came", "declared the consul persona non grata")."""
    if head.i in at:
        return at[head.i]
    for child in head.children:
        if child.dep_ in CLAUSE_PARTS and child.i in at:
            return at[child.i]
    return None


def _moved(when: EventDate | None, anchor: TimeAnchor, article: Article,
           backwards: bool) -> EventDate | None:
    """``when`` moved by the anchor's measure; "since" runs from its start to the story's
    day. A date that spans more than the measure is not moved ("a day after" something
    dated only by its year)."""
    if when is None or not when.start or not when.end:
        return None
    start, end = date.fromisoformat(when.start[:10]), date.fromisoformat(when.end[:10])
    if anchor.unit is not None and (end - start).days + 1 > _measure_days(anchor):
        return None  # "a day after" a year: the relation says nothing the date does not
    if anchor.sign == 0:
        day = article.reference_date
        if day is None or day < start:
            return None
        start, end, precision = start, day, None
    else:
        start, end = shifted(start, end, anchor, backwards=backwards)
        precision = when.precision
    return EventDate(text=anchor.text, start=start.isoformat(), end=end.isoformat(),
                     precision=precision, basis="relative", source=SOURCE)
