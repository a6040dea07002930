"""Tag and normalise the time expressions of a text against its reference date.

Candidates come from compiled patterns (:mod:`grammar`); the longest resolvable match wins
where they overlap; then clock times join the day beside them, signal words ("since",
"before", "until") turn a date into an open or closed range, and "between X and Y" spans both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, partial
from typing import cast

from spacy.tokens import Doc

from sitrep.model import TimeMention
from sitrep.resolve.times import calendar as cal
from sitrep.resolve.times.calendar import Period
from sitrep.resolve.times.grammar import alternation, grammar
from sitrep.resolve.times.rules import RESOLVERS, Context, Resolved
from sitrep.resolve.times.tense import (
    clause_direction,
    dates_backstory,
    dates_report,
    dates_span,
    dates_telling,
    dates_timetable,
    determines,
    parsed_from,
    sentence_of,
)
from sitrep.resolve.times.vocabulary import load_vocabulary

LETTERS = re.compile(r"[^\W\d_]")
LATE_CLOCK = re.compile(r"T(?:(?:1[89]|2[0-3]):\d\d|EV|NI)")
"""A clock time or part of the day late in a day (from 6 p.m.; evening, night)."""
SPAN_DAYS = re.compile(r"P(\d+)([DW])")
"""A duration of days or weeks, which a story's act may take (:func:`story_span`)."""
STORY_RULES = frozenset({"weekday", "month", "quarter", "relative_unit"})
"""Rules whose reading may move with the day a story told in the past has reached."""
LOWER = re.compile(r"[a-z]")
PRIORITY = {name: rank for rank, name in enumerate(RESOLVERS)}


@dataclass(frozen=True, slots=True)
class Joins:
    """The words around tagged expressions that join or bound them, compiled once."""

    gates: dict[str, re.Pattern[str]]
    signal: re.Pattern[str]
    join_time: re.Pattern[str]
    join_day: re.Pattern[str]
    range_join: re.Pattern[str]
    period_end_link: re.Pattern[str]
    range_open: re.Pattern[str]
    day_part: re.Pattern[str]
    duration_join: re.Pattern[str]


@cache
def joins() -> Joins:
    """Built from ``vocabulary.json``: signals ("since", "before"), range words ("between",
    "to"), and the gate words that let a pattern skip texts lacking them."""
    vocab = load_vocabulary()
    words = vocab.word_list
    flags = re.IGNORECASE
    # a pattern runs only over texts holding one of its words (most texts lack most of them)
    ago_words = alternation([*words("ago"), *words("anchored_ago"), *words("hence_nouns")])
    gates = {
        "ago": re.compile(rf"\b{ago_words}\b"),
        "fiscal": re.compile(alternation([*words("fiscal"), *words("fiscal_abbreviations")])),
        "half": re.compile(r"\bhalf\b|\bh[12]\s*\d"),
        "century": re.compile("century"),
        # "the April-June quarter", "the July-to-September period" too
        "quarter": re.compile(rf"quarter|\bq[1-4]\b|{alternation(words('quarter_periods'))}"),
        "season": re.compile(alternation(vocab.seasons)),
        "season_ago": re.compile(rf"{alternation(vocab.seasons)}s\s"),
        "same_period": re.compile(r"\bsame\b"),
        "decade": re.compile(rf"0s|{alternation(words('decade_words'))}"),
        "year_range": re.compile(r"\d\s*[-–/]\s*\d"),
        "numeric": re.compile(r"\d[-/.]\d"),
        "day_of_month": re.compile(r"\d(?:st|nd|rd|th)\b"),
        "month_week": re.compile(r"\bweek(?:end)?\s+of\b"),
    }
    return Joins(
        gates=gates,
        signal=re.compile(rf"\b(?P<signal>{alternation(words('range_signals'))})\s+(?:the\s+)?$",
                          flags),
        join_time=re.compile(rf"^\s*,?\s*(?:{alternation(words('time_joiners'))}\s+)?$", flags),
        # "9 p.m. Tehran time on Friday": a place's clock between the time and its day
        period_end_link=re.compile(rf"^\s+{alternation(words('period_end_links'))}\s+$",
                                   flags),
        join_day=re.compile(rf"^\s*(?:(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?\s+"
                            rf"{alternation(words('place_clock_nouns'))}\s*,?\s*)?"
                            rf"(?:{alternation(words('day_joiners'))}\s+)?$", flags),
        range_join=re.compile(rf"^\s*{alternation(words('range_joins'))}\s*$", flags),
        range_open=re.compile(rf"\b(?P<open>{alternation(words('range_openers'))})\s+"
                              r"(?:the\s+)?$", flags),
        day_part=re.compile(rf"\b(?:the\s+)?(?P<part>{alternation(vocab.day_parts)})\s+"
                            rf"{alternation(words('part_of_day_links'))}\s+$", flags),
        duration_join=re.compile(rf"^\s*(?:{alternation(words('duration_joins'))}\s*)?$",
                                 flags),
    )


@dataclass(slots=True)
class Found:
    """One accepted expression: where it is, which rule found it, what it means."""

    start: int
    end: int
    rule: str
    match: Hit
    resolved: Resolved


def tag_times(text: str, reference: date | None, doc_id: str, doc: Doc | None = None,
              upper: bool | None = None) -> list[TimeMention]:
    """Every time expression in ``text`` as a TIMEX3 value with an inclusive day range.

    Relative expressions resolve against ``reference``; without one they stay
    ``basis="unresolved"`` (never today). "before April" is open at the start (``start_date``
    null); "since 2014" runs to the reference. ``doc``, the parsed text, sharpens the clause's
    tense (a future clause puts "in March" next March) but is optional. ``upper`` says the
    source was all capitals (so capitals carry no information) when ``text`` is its restored
    case; by default it is read from ``text``.
    """
    vocab = load_vocabulary()
    reference = cal.clamp(reference) if reference is not None else None
    ctx = Context(text=text, reference=reference, vocab=vocab,
                  direction=partial(clause_direction, text, doc=doc),
                  upper=is_upper(text) if upper is None else upper,
                  parsed=doc is not None and doc.has_annotation("DEP") and parsed_from(doc, text),
                  anchor=reference, telling=partial(dates_telling, text, doc=doc),
                  backstory=partial(dates_backstory, text, doc=doc),
                  sentence=partial(sentence_of, text, doc=doc),
                  reports=partial(dates_report, text, doc=doc),
                  timetable=partial(dates_timetable, text, doc=doc),
                  determiner=partial(determines, text, doc=doc),
                  spans_story=partial(dates_span, text, doc=doc))
    found = join_durations(select(candidates(text), ctx), text)
    found = resolve_anchors(found, ctx)
    found = join_day_parts(anchor_range_ends(found, text, reference), text)
    found = quarter_ended(range_day(join_times(found, text), text), text)
    mentions = [to_mention(f, doc_id, text) for f in found]
    mentions = [apply_signal(m, text, reference) for m in mentions]
    mentions += ranges(mentions, text)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


def is_upper(text: str) -> bool:
    """All-capitals wire copy: capitals then carry no information."""
    sample = text[:2000]
    letters = len(LETTERS.findall(sample))
    return letters > 0 and len(LOWER.findall(sample)) < 0.05 * letters


class Hit:
    """A match over the lower-cased text that reads its groups from the original text."""

    __slots__ = ("match", "text")

    def __init__(self, match: re.Match[str], text: str) -> None:
        self.match = match
        self.text = text

    def group(self, name: str | int = 0) -> str | None:
        if self.match.start(name) < 0:
            return None
        return self.text[self.match.start(name):self.match.end(name)]

    def start(self, name: str | int = 0) -> int:
        return self.match.start(name)

    def end(self, name: str | int = 0) -> int:
        return self.match.end(name)


def lowered(text: str) -> str:
    """The text in lower case with every offset kept (a few letters lower to two characters)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def candidates(text: str) -> list[tuple[int, int, str, Hit]]:
    found = []
    low = lowered(text)
    for name, pattern in grammar().patterns:
        gate = joins().gates.get(name)
        if gate is not None and gate.search(low) is None:
            continue
        lead = "lead" in pattern.groupindex
        for match in pattern.finditer(low):
            start = match.end("lead") if lead and match.start("lead") >= 0 else match.start()
            if match.end() > start:
                found.append((start, match.end(), name, Hit(match, text)))
    return found


def select(items: list[tuple[int, int, str, Hit]], ctx: Context) -> list[Found]:
    """Longest first, then rule priority; a match the rule rejects frees its span."""
    items.sort(key=lambda c: (c[0] - c[1], PRIORITY[c[2]], c[0]))
    taken: list[tuple[int, int]] = []
    accepted = []
    for start, end, name, match in items:
        if any(start < e and s < end for s, e in taken):
            continue
        resolved = resolve(name, match, ctx)
        if resolved is None:
            continue
        taken.append((start, end))
        accepted.append(Found(start, end, name, match, resolved))
    accepted.sort(key=lambda f: f.start)
    return accepted


def resolve(rule: str, match: Hit, ctx: Context) -> Resolved | None:
    """The rule's reading of a match; None when its arithmetic leaves the calendar (a day
    before year 1 or after 9999: "the next decade" in 9995), as if the rule did not match."""
    try:
        return RESOLVERS[rule](_as_match(match), ctx)
    except (OverflowError, ValueError):
        return None


def _as_match(match: Hit | re.Match[str]) -> re.Match[str]:
    """A ``Hit`` reads its groups like a ``re.Match``, which is all a resolver asks of it."""
    return cast(re.Match[str], match)


# the order of TIMEX3 duration parts, date units before the ``T`` and clock units after it
DURATION_PART = re.compile(r"^P(T?)(\d+(?:\.\d+)?)([YMDHS])$")
PART_ORDER = {("", "Y"): 0, ("", "M"): 1, ("", "D"): 2, ("T", "H"): 3, ("T", "M"): 4,
              ("T", "S"): 5}


def duration_parts(item: Found) -> tuple[int, str, str] | None:
    """A counted one-unit duration's place in the order, count and unit ("PT20M")."""
    found = DURATION_PART.match(item.resolved.value or "")
    if item.rule != "duration" or item.resolved.type != "DURATION" or found is None:
        return None
    clock, count, unit = found.groups()
    return PART_ORDER[(clock, unit)], count, unit


def join_durations(found: list[Found], text: str) -> list[Found]:
    """ "an hour and 20 minutes", "three years, two months and a day", "4 hours 10 minutes":
    counted durations listed from the largest unit down are one (``PT1H20M``)."""
    joined: list[Found] = []
    parts: list[tuple[int, str, str]] = []
    for item in found:
        mine = duration_parts(item)
        previous = joined[-1] if joined else None
        if (mine is not None and previous is not None and parts and mine[0] > parts[-1][0]
                and joins().duration_join.match(text[previous.end:item.start])):
            parts.append(mine)
            days = "".join(f"{n}{u}" for rank, n, u in parts if rank < 3)
            clock = "".join(f"{n}{u}" for rank, n, u in parts if rank >= 3)
            value = f"P{days}" + (f"T{clock}" if clock else "")
            basis = "explicit" if item.resolved.basis == previous.resolved.basis == "explicit" \
                else "relative"
            joined[-1] = Found(previous.start, item.end, "duration", previous.match,
                               Resolved("DURATION", value, None, basis))
            continue
        joined.append(item)
        parts = [mine] if mine is not None else []
    return joined


def resolve_anchors(found: list[Found], ctx: Context) -> list[Found]:
    """Clock times and "that day" take the last day the text named before them. A day that
    dates a telling ("officials said on Thursday") is no anchor once the text has named the
    time of what it tells ("on Tuesday night", "in March"; not the story's own day, as a dateline
    gives it): the story goes on from that. Nor is a day a past-perfect clause tells once the
    text has named another time ("engineers had inspected it on April 2" after the flood's
    day): it looks back from the day the story has reached (a wider period so told, "had sold
    the plant last year", is still what "the year previous" counts from)."""
    ctx.anchor = ctx.reference
    ctx.last_period = None
    ctx.main_quarter = None
    ctx.last_dated = None
    ctx.last_backstory = False
    ctx.story_dated = None
    ctx.anchor_late = False
    ctx.story_anchor = False
    ctx.anchor_year_named = False
    for item in found:
        if item.resolved.uses_anchor or item.rule in STORY_RULES:
            again = resolve(item.rule, item.match, ctx)
            if again is not None:
                item.resolved = again
        step = story_span(item, ctx)
        if step:
            ctx.anchor = cal.add_days(ctx.anchor, step) if ctx.anchor else ctx.anchor
            continue
        period = item.resolved.period
        if told_before(ctx) and period is not None and period.precision == "day" and (
                (ctx.telling(item.start, item.end) and (
                    ctx.reports(item.start, item.end) or tells_a_time(item, found, ctx)))
                or ctx.backstory(item.start, item.end)):
            continue
        if (item.resolved.type in ("DATE", "TIME") and period is not None
                and period.precision == "day" and period.start == period.end
                and item.resolved.value and item.resolved.value[:1].isdigit()):
            ctx.anchor = period.start
            ctx.anchor_late = reached_late(item, ctx)
            ctx.late_sentence_end = ctx.sentence(item.start)[1]
            ctx.story_anchor = story_words(item, ctx)
            ctx.anchor_year_named = item.resolved.basis == "explicit"
        if (item.resolved.type == "DATE" and period is not None and item.rule != "same_period"
                and period.precision in ("week", "month", "quarter", "year")
                and item.resolved.value and item.resolved.value[:1].isdigit()):
            ctx.last_period = period
            if main_quarter(item, ctx):
                ctx.main_quarter = period
        if (item.resolved.type in ("DATE", "TIME") and period is not None
                and (not item.resolved.uses_anchor or item.rule == "quarter")
                and period.precision in ("day", "week", "month", "quarter", "year")
                and item.resolved.value and item.resolved.value[:1].isdigit()):
            ctx.last_dated = period
            ctx.last_backstory = ctx.backstory(item.start, item.end)
            if not ctx.last_backstory:
                ctx.story_dated = period
    return found


def reached_late(item: Found, ctx: Context) -> bool:
    """Whether an item names a day late in it: "late Monday", "Monday night", "9:50 p.m.",
    an evening or night of a day (``late_day_modifiers``)."""
    value = item.resolved.value or ""
    first = ctx.text[item.start:item.end].split(" ", 1)[0].lower()
    return bool(LATE_CLOCK.search(value)) or first in ctx.vocab.word_list("late_day_modifiers")


def story_span(item: Found, ctx: Context) -> int:
    """The days a story told day by day moves on by a count of days or weeks its act took, to
    the span's last day, counted from the day reached ("the closure lasted three days" from
    Monday: to Wednesday, so "reopened on Thursday" is the next day; "repairs took another
    week. The line reopened on Friday": the Friday after that week), else 0: only
    after a day the story reached by its own words, in a past clause of a span verb
    (``story_span_verbs``)."""
    value = item.resolved.value or ""
    found = SPAN_DAYS.fullmatch(value)
    anchor = ctx.anchor
    if (item.resolved.type != "DURATION" or found is None or anchor is None
            or not ctx.story_anchor or anchor == ctx.reference
            or not ctx.spans_story(item.start, item.end)):
        return 0
    return int(found.group(1)) * (7 if found.group(2) == "W" else 1) - 1


def main_quarter(item: Found, ctx: Context) -> bool:
    """Whether an item names the quarter a report is about, which a bare "the quarter" then
    means: a quarter named or so referred to, outside a past-perfect clause ("output had
    dipped in the third quarter of 2015" looks back from it) and not reached by comparison
    ("up from the previous quarter", "a year earlier" count from it)."""
    period = item.resolved.period
    return (period is not None and period.precision == "quarter"
            and (not item.resolved.uses_anchor or item.rule == "quarter")
            and not ctx.backstory(item.start, item.end))


def tells_a_time(item: Found, found: list[Found], ctx: Context) -> bool:
    """Whether the sentence of a telling's day names another time, the time of what it tells
    ("the minister announced on Thursday the closing of the border on Tuesday night"). An act
    told with a reporting verb that names none ("the merger was announced on May 4",
    "declared an emergency on Sunday") is the last act the story has reached, and what follows
    ("that day", "two days later") counts from it."""
    first, last = ctx.sentence(item.start)
    return any(other is not item and first <= other.start < last and not looks_back_to(other, ctx)
               for other in found)


def looks_back_to(item: Found, ctx: Context) -> bool:
    """A period wider than a day that a past-perfect clause tells ("had lost $5 million in
    the previous quarter"): the story does not go on from it."""
    period = item.resolved.period
    return period is not None and period.precision not in (None, "day") and ctx.backstory(
        item.start, item.end)


def story_words(item: Found, ctx: Context) -> bool:
    """Whether the day an item names was reached by words that tell a story's days: counted
    from another ("the next morning", "the following Monday") or named by its weekday ("on
    Monday, March 4", "on Wednesday"), not a bare date named in passing."""
    words = re.findall(r"[a-z]+", ctx.text[item.start:item.end].lower())
    return item.resolved.uses_anchor or any(w in ctx.vocab.weekdays for w in words)


def told_before(ctx: Context) -> bool:
    """Whether the text has named a time before, other than the story's own day."""
    last = ctx.last_dated
    return last is not None and not (last.precision == "day" and last.start == ctx.reference)


# the rules whose match may leave the year to the reader ("May", "July 4")
YEARLESS_RULES = frozenset({"mdy", "dmy", "month", "season", "holiday"})
YEAR_GROUPS = ("year", "rel", "relyear", "relyear2", "det")


def year_left_open(item: Found) -> bool:
    """Whether the reader chose the item's year (no year, relative word or anaphor named)."""
    if item.rule not in YEARLESS_RULES or item.resolved.basis != "relative":
        return False
    names = item.match.match.re.groupindex
    return not any(name in names and item.match.group(name) for name in YEAR_GROUPS)


def range_pairs(found: list[Found], text: str) -> list[tuple[Found, Found]]:
    """Neighbours joined as the two ends of one range: "from May to July", "between March
    and June", "May 3-10"."""
    pairs = []
    for first, second in zip(found, found[1:], strict=False):
        join = text[first.end:second.start]
        if not joins().range_join.match(join):
            continue
        opened = joins().range_open.search(text[max(0, first.start - 16):first.start])
        if join.strip().lower() == "and" and not (
                opened and opened.group("open").lower() == "between"):
            continue
        pairs.append((first, second))
    return pairs


def anchor_range_ends(found: list[Found], text: str, reference: date | None = None
                      ) -> list[Found]:
    """The two ends of a range run forward: an end whose year the text leaves open takes the
    year that puts it after the start ("from November to March": March of the next year),
    and a start whose year is open the one that puts it before a stated end ("from May to
    July 2019": May 2019). Where both years are open, the end moves on or the start moves back,
    whichever keeps the range nearer the reference. A feast that moves with the year falls on
    its own day in the year it moves to. A clock range that passes midnight ends the next day
    ("a curfew from 6pm to 6am")."""
    for first, second in range_pairs(found, text):
        a, b = first.resolved.period, second.resolved.period
        if a is None or b is None or a.start is None or b.start is None:
            continue
        if first.rule == second.rule == "time":
            second.resolved = past_midnight(first.resolved, second.resolved)
            continue
        if first.resolved.type != "DATE" or second.resolved.type != "DATE":
            continue
        if b.start >= a.start:
            continue
        if year_left_open(second):
            end = moved_end(second, b, a.start, 1)
            if year_left_open(first) and reference is not None:
                start = moved_end(first, a, b.start, -1)
                if distance(start, b, reference) < distance(a, end, reference):
                    first.resolved = replace_period(first.resolved, start)
                    continue
            second.resolved = replace_period(second.resolved, end)
        elif year_left_open(first):
            first.resolved = replace_period(first.resolved, moved_end(first, a, b.start, -1))
    return found


def moved_end(item: Found, period: Period, bound: date, step: int) -> Period:
    """One end of a range moved by whole years to the bound's side; a movable feast to its own
    day in the year it lands in."""
    spec = None
    if item.rule == "holiday" and "holiday" in item.match.match.re.groupindex:
        word = item.match.group("holiday") or ""
        key = re.sub(r"\s+", " ", word.lower().replace("\u2019", "'"))
        spec = load_vocabulary().movable_holidays.get(key)
    if spec is None:
        return moved_past(period, bound, step)
    feast = cal.movable_day(spec, bound.year)
    if feast is not None and ((feast < bound) if step > 0 else (feast > bound)):
        feast = cal.movable_day(spec, bound.year + step)
    return cal.day(feast) if feast is not None else period


def distance(start: Period, end: Period, reference: date) -> int:
    """Days from the reference to a range running from one period's start to another's end
    (0 inside it)."""
    first, last = start.start, end.end or end.start
    if first is None or last is None:
        return 0
    if first <= reference <= last:
        return 0
    return min(abs((first - reference).days), abs((last - reference).days))


def past_midnight(first: Resolved, second: Resolved) -> Resolved:
    """The end of a clock range on the day after its start when its hour comes earlier."""
    start, end = first.value or "", second.value or ""
    if "T" not in start or "T" not in end or start[:start.index("T")] != end[:end.index("T")]:
        return second
    if end[end.index("T"):] >= start[start.index("T"):] or second.period is None or (
            second.period.start is None):
        return second
    day = cal.day(cal.add_days(second.period.start, 1))
    return Resolved(second.type, day.value + end[end.index("T"):], day, second.basis,
                    second.uses_anchor)


def moved_past(period: Period, bound: date, step: int) -> Period:
    """``period`` moved by whole years to the first start on the bound's side: on or after
    it (``step`` 1) or on or before it (``step`` -1)."""
    if period.start is None:
        return period
    moved = cal.move_years(period, bound.year - period.start.year)
    assert moved.start is not None
    if (moved.start < bound) if step > 0 else (moved.start > bound):
        moved = cal.move_years(moved, step)
    return moved


def replace_period(resolved: Resolved, period: Period) -> Resolved:
    return Resolved(resolved.type, period.value, period, resolved.basis, resolved.uses_anchor)


def join_day_parts(found: list[Found], text: str) -> list[Found]:
    """ "the night of April 12", "the morning of Tuesday": one TIME, that day's part."""
    vocab = load_vocabulary()
    for item in found:
        period = item.resolved.period
        value = item.resolved.value or ""
        if (item.resolved.type != "DATE" or period is None or period.precision != "day"
                or not value[:1].isdigit()):
            continue
        lead = joins().day_part.search(text[max(0, item.start - 24):item.start])
        if lead is None:
            continue
        code = vocab.day_parts[re.sub(r"\s+", " ", lead.group("part").lower())]
        item.start -= len(lead.group(0))
        item.resolved = Resolved("TIME", f"{value}T{code}", period, item.resolved.basis,
                                 item.resolved.uses_anchor)
    return found


def join_times(found: list[Found], text: str) -> list[Found]:
    """ "May 03, 2024 04:50 IST" and "12:00 UTC Monday" are one TIME on that day."""
    joined: list[Found] = []
    for item in found:
        previous = joined[-1] if joined else None
        between = text[previous.end:item.start] if previous else ""
        joiner = joins().join_day if previous is not None and previous.rule == "time" else (
            joins().join_time)
        if previous is not None and joiner.match(between):
            merged = merge_day_and_clock(previous, item)
            if merged is not None:
                joined[-1] = merged
                continue
        joined.append(item)
    return joined


def merge_day_and_clock(first: Found, second: Found) -> Found | None:
    day, clock = (first, second) if second.rule == "time" else (second, first)
    if clock.rule != "time" or day.rule == "time" or day.resolved.type != "DATE":
        return None
    period = day.resolved.period
    value = day.resolved.value or ""
    if period is None or period.precision != "day" or not value[:1].isdigit():
        return None
    clock_value = clock.resolved.value or ""
    time_part = clock_value[clock_value.index("T"):] if "T" in clock_value else ""
    resolved = Resolved("TIME", f"{value}{time_part}", period, day.resolved.basis)
    return Found(first.start, second.end, "datetime", first.match, resolved)


def quarter_ended(found: list[Found], text: str) -> list[Found]:
    """ "the quarter ended Sept. 30": the quarter a stated last day closes (the one holding the
    middle of the three months before it, so a fiscal quarter ending in its first month keeps
    the calendar quarter most of it lies in)."""
    for first, second in zip(found, found[1:], strict=False):
        period = second.resolved.period
        if (first.rule != "quarter" or "bare" not in first.match.match.re.groupindex
                or not first.match.group("bare") or period is None or period.start is None
                or period.precision != "day"
                or not joins().period_end_link.match(text[first.end:second.start])):
            continue
        quarter = cal.quarter_of(cal.add_days(period.start, -45))
        first.resolved = Resolved("DATE", quarter.value, quarter, second.resolved.basis)
    return found


def range_day(found: list[Found], text: str) -> list[Found]:
    """ "between 6 a.m. and 11 a.m. tomorrow": a clock time that opens a range falls on the day
    the range's end names."""
    for first, second in range_pairs(found, text):
        period = second.resolved.period
        value = first.resolved.value or ""
        if first.rule != "time" or second.rule != "datetime" or period is None or "T" not in value:
            continue
        first.resolved = Resolved("TIME", period.value + value[value.index("T"):], period,
                                  first.resolved.basis)
    return found


def to_mention(item: Found, doc_id: str, text: str) -> TimeMention:
    res = item.resolved
    period = res.period
    return TimeMention(
        doc_id=doc_id, start=item.start, end=item.end, text=text[item.start:item.end],
        type=res.type, value=res.value,
        start_date=period.start.isoformat() if period and period.start else None,
        end_date=period.end.isoformat() if period and period.end else None,
        precision=period.precision if period else None, basis=res.basis,
    )


def apply_signal(mention: TimeMention, text: str, reference: date | None) -> TimeMention:
    """ "since 2014" runs from 2014 to the reference; "before April" ends the day before
    April and is open at the start (or starts at the reference when April is ahead)."""
    if mention.type != "DATE" or mention.start_date is None or mention.end_date is None:
        return mention
    found = joins().signal.search(text[max(0, mention.start - 16):mention.start])
    if found is None:
        return mention
    key = re.sub(r"\s+", " ", found.group("signal").lower())
    signal = load_vocabulary().words["range_signals"][key]
    first, last = date.fromisoformat(mention.start_date), date.fromisoformat(mention.end_date)
    start: date | None
    end: date | None
    ahead = reference is not None and first > reference
    if signal == "since":
        start, end = first, (reference if reference and reference >= first else None)
    elif signal == "after":
        start, end = cal.add_days(last, 1), (reference if reference and not ahead else None)
    elif signal == "before":
        start, end = (reference if ahead else None), cal.add_days(first, -1)
    else:
        start, end = (reference if ahead else None), last
    if start is not None and end is not None and end < start:
        return mention
    mention.start -= len(text[:mention.start]) - (max(0, mention.start - 16) + found.start())
    mention.text = text[mention.start:mention.end]
    mention.start_date = start.isoformat() if start else None
    mention.end_date = end.isoformat() if end else None
    return mention


def ranges(mentions: list[TimeMention], text: str) -> list[TimeMention]:
    """ "between March and May", "from 2009 to 2011", "March-May": one more mention spanning
    both ends (a DURATION whose range runs from the first's start to the second's end)."""
    extra = []
    for first, second in zip(mentions, mentions[1:], strict=False):
        if first.type != "DATE" or second.type != "DATE":
            continue
        if not (first.start_date and second.end_date and first.precision == second.precision):
            continue
        join = text[first.end:second.start]
        if not joins().range_join.match(join):
            continue
        opened = joins().range_open.search(text[max(0, first.start - 16):first.start])
        if join.strip().lower() == "and" and not (opened and opened.group("open").lower()
                                                  == "between"):
            continue
        start = first.start - (len(text[max(0, first.start - 16):first.start]) - opened.start()
                               ) if opened else first.start
        begin, end = date.fromisoformat(first.start_date), date.fromisoformat(second.end_date)
        if end < begin:
            continue
        extra.append(TimeMention(
            doc_id=first.doc_id, start=start, end=second.end, text=text[start:second.end],
            type="DURATION", value=span_value(begin, end, first.precision),
            start_date=first.start_date, end_date=second.end_date, precision=first.precision,
            basis="explicit" if "explicit" == first.basis == second.basis else "relative",
        ))
    return extra


def span_value(begin: date, end: date, precision: str | None) -> str:
    """TIMEX3 duration between two periods' starts ("from 2009 to 2011" → P2Y)."""
    if precision == "year":
        return f"P{end.year - begin.year}Y"
    if precision == "month":
        return f"P{(end.year - begin.year) * 12 + end.month - begin.month}M"
    days = (end - begin).days + 1
    return f"P{days // 7}W" if precision == "week" else f"P{days}D"


__all__ = ["tag_times"]
