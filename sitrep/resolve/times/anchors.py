"""Dates measured from another event: "a week after the attack", "two days before the vote",
"the day after the coup", "a day after Peru recalled its envoy", "since the coup", "during
that trip".

The time tagger finds the measure (a DURATION: "a week", "the day") and the vocabulary's range
signals say what follows it ("after", "before", "since"); the parse says which two events
the words relate: the one the phrase dates (the clause it modifies) and the one it is measured
from (the signal's object, or the clause the signal introduces). Neither event's date is
known here: the records of the article give them (:func:`shifted` moves one by the measure,
``sitrep.cluster.assemble`` decides which record dates which).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from sitrep.model import TimeMention
from sitrep.resolve.times import calendar as cal
from sitrep.resolve.times.component import TIME_SPANS
from sitrep.resolve.times.vocabulary import load_vocabulary

MEASURE = re.compile(r"^P(?P<count>\d+(?:\.\d+)?)(?P<code>[DWMY])$")
SIGNS = {"after": 1, "before": -1, "since": 0}
OBJECTS = ("pobj", "pcomp")


@dataclass(frozen=True, slots=True)
class TimeAnchor:
    """One date measured from another event: ``dated`` is the head of the clause the phrase
    dates, ``anchor`` the head of the event it is measured from; ``sign`` is 1 (after), -1
    (before) or 0 (since: from the anchor's start up to the story's day); ``unit`` (D, W, M
    or Y, as TIMEX3 writes it) and
    ``count`` the measure (none for "since", and none for "during", whose sign is 1: the
    anchor's own time, moved by nothing); ``start``, ``end`` the tokens of the words
    that relate the two ("a week after the attack")."""

    dated: Token
    anchor: Token
    sign: int
    unit: str | None
    count: float
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.dated.doc[self.start:self.end].text


def time_anchors(doc: Doc) -> list[TimeAnchor]:
    """Every relation of the Doc between a dated clause and the event it is measured from,
    read from the time component's spans and the parse (none on a Doc without them)."""
    if TIME_SPANS not in doc.spans or not doc.has_annotation("DEP"):
        return []
    found = []
    measured: set[int] = set()
    for span in doc.spans[TIME_SPANS]:
        timex: TimeMention | None = span._.timex
        measure = MEASURE.match(timex.value or "") if timex is not None and \
            timex.type == "DURATION" else None
        signal = _signal(doc, span.start, span.end)
        if measure is None or signal is None:
            continue
        related = _related(signal, span.root)
        if related is not None:
            dated, anchor = related
            measured.add(signal.i)
            end = anchor.i + 1 if anchor.i > signal.i and signal.dep_ == "prep" else signal.i + 1
            found.append(TimeAnchor(dated, anchor, SIGNS[signal_word(signal)],
                                    measure.group("code"),
                                    float(measure.group("count")), span.start, end))
    return found + _since(doc, measured) + _during(doc)


def _signal(doc: Doc, start: int, end: int) -> Token | None:
    """The range signal a measure ends with ("the day before") or that follows it ("a week
    after")."""
    for i in (end - 1, end):
        if start <= i < len(doc) and signal_word(doc[i]) in ("after", "before"):
            return doc[i]
    return None


def signal_word(token: Token) -> str:
    """The range signal a word is ("after", "before", "since"), else ''."""
    word = token.text.lower()
    signals = load_vocabulary().words["range_signals"]
    kind = signals.get(word, "")
    return kind if kind in SIGNS else ""


def _related(signal: Token, measure: Token) -> tuple[Token, Token] | None:
    """(dated clause head, anchor event head) of a signal: "after the attack" (its object;
    the clause it modifies, or the clause of the measure it modifies: "the day before the
    vote, police arrested"), "after Peru recalled" (the clause it introduces, which
    modifies the dated one)."""
    if signal.dep_ == "prep":
        objects = [c for c in signal.children if c.dep_ in OBJECTS]
        if not objects:
            return None
        dated = signal.head
        if dated.i == measure.i or dated.head.i == measure.i and dated.dep_ != "ROOT":
            dated = measure.head
        return (dated, objects[0]) if dated.i != objects[0].i else None
    if signal.dep_ == "mark" and signal.head.dep_ == "advcl":
        return signal.head.head, signal.head
    return None


def _since(doc: Doc, taken: set[int]) -> list[TimeAnchor]:
    """ "since the coup": a state that runs from an event up to the story's day, where the
    signal's object is no time the tagger dated ("since 2014" is the tagger's own)."""
    timed = {t.i for span in doc.spans[TIME_SPANS] for t in span}
    found: list[TimeAnchor] = []
    for token in doc:
        if token.i in taken or token.i in timed or token.dep_ != "prep" or \
                signal_word(token) != "since":
            continue
        objects = [c for c in token.children if c.dep_ in OBJECTS and c.pos_ == "NOUN"
                   and c.i not in timed]
        if objects and token.head.pos_ in ("VERB", "AUX"):
            found.append(TimeAnchor(token.head, objects[0], 0, None, 0.0, token.i,
                                    objects[0].i + 1))
    return found


def _during(doc: Doc) -> list[TimeAnchor]:
    """ "during that trip": an event told inside another one, named by a noun that is no
    time the tagger dated ("during 2014" is the tagger's own): the same time as that one."""
    timed = {t.i for span in doc.spans[TIME_SPANS] for t in span}
    signals = set(load_vocabulary().words["same_time_signals"])
    found: list[TimeAnchor] = []
    for token in doc:
        if token.dep_ != "prep" or token.text.lower() not in signals or \
                token.head.pos_ not in ("VERB", "AUX"):
            continue
        objects = [c for c in token.children if c.dep_ in OBJECTS and c.pos_ == "NOUN"
                   and c.i not in timed]
        if objects:
            found.append(TimeAnchor(token.head, objects[0], 1, None, 0.0, token.i,
                                    objects[0].i + 1))
    return found


def shifted(start: date, end: date, anchor: TimeAnchor, backwards: bool = False
            ) -> tuple[date, date]:
    """The dated event's range from the anchor's (or, ``backwards``, the anchor's from the
    dated event's): moved by the measure in the signal's direction."""
    sign = -anchor.sign if backwards else anchor.sign
    if anchor.unit is None:
        return start, end
    return (cal.shift(start, anchor.unit, sign * anchor.count),
            cal.shift(end, anchor.unit, sign * anchor.count))
