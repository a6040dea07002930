"""From a pattern match to a TIMEX3 value and a day range, one resolver per pattern.

A resolver returns None to reject a match (a verb "may", a number that is no year). Relative
values need the reference date; without one they come back ``basis="unresolved"``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dateparser

from sitrep.ingest.dates import full_year
from sitrep.resolve.times import calendar as cal
from sitrep.resolve.times.calendar import Period
from sitrep.resolve.times.checks import checks
from sitrep.resolve.times.vocabulary import Vocabulary

DATEPARSER_SETTINGS = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]}


@dataclass(slots=True)
class Resolved:
    """What a match means: TIMEX3 type and value, the period it covers, how it was resolved."""

    type: str
    value: str | None
    period: Period | None
    basis: str
    uses_anchor: bool = False


@dataclass(slots=True)
class Context:
    """What resolvers may consult: the text, its reference day, the clause's direction."""

    text: str
    reference: date | None
    vocab: Vocabulary
    direction: Callable[[int, int], str | None]
    upper: bool = False
    parsed: bool = False
    anchor: date | None = None
    last_period: Period | None = None
    main_quarter: Period | None = None
    last_dated: Period | None = None
    last_backstory: bool = False
    story_dated: Period | None = None
    anchor_late: bool = False
    late_sentence_end: int = 0
    story_anchor: bool = False
    anchor_year_named: bool = False
    telling: Callable[[int, int], bool] = lambda start, end: False
    backstory: Callable[[int, int], bool] = lambda start, end: False
    sentence: Callable[[int], tuple[int, int]] = lambda start: (start, start)
    reports: Callable[[int, int], bool] = lambda start, end: True
    timetable: Callable[[int, int], bool] = lambda start, end: False
    determiner: Callable[[int], bool] = lambda start: False
    spans_story: Callable[[int, int], bool] = lambda start, end: False
    cache: dict[tuple[int, int], str | None] = field(default_factory=dict)

    def tense(self, start: int, end: int) -> str | None:
        key = (start, end)
        if key not in self.cache:
            self.cache[key] = self.direction(start, end)
        return self.cache[key]

    def looks_future(self, start: int, end: int) -> bool:
        return self.tense(start, end) == "future"

    def direction_of(self, start: int, end: int) -> str | None:
        """"future", "past" or None (take the nearest) for choosing a year.

        A past or perfect clause looks back, and so does an unknown one (news mostly looks
        back); a present one ("the vote is in March") and a deadline ("by June", "until
        Friday") take the nearest. What a period runs "since" has begun."""
        if checks().since.search(self.before(start, 16)):
            return "past"
        tense = self.tense(start, end)
        if tense == "future":
            return "future"
        if checks().deadline.search(self.before(start, 12)):
            return None
        if tense == "scheduled" and self.timetable(start, end):
            return "ahead"  # "the festival runs in June": a timetable looks ahead
        if tense in ("present", "scheduled"):
            return None
        return "past"

    def capitalised(self, word: str) -> bool:
        return self.upper or word[:1].isupper()

    def before(self, start: int, width: int = 24) -> str:
        return self.text[max(0, start - width):start]


Resolver = Callable[[re.Match[str], Context], Resolved | None]


def relative(ctx: Context, period: Period | None, kind: str = "DATE") -> Resolved:
    if period is None:
        return Resolved(kind, None, None, "unresolved")
    return Resolved(kind, period.value, period, "relative")


def explicit(period: Period, kind: str = "DATE") -> Resolved:
    return Resolved(kind, period.value, period, "explicit")


def apply_modifier(period: Period, modifier: str | None, vocab: Vocabulary) -> Period:
    if not modifier:
        return period
    key = re.sub(r"\s+", " ", modifier.lower()).strip(" -")
    code = vocab.modifiers.get(key)
    if code in cal.HALVES and period.precision == "year" and period.value.isdigit():
        return cal.half(int(period.value), cal.HALVES[code])
    return cal.narrow(period, code) if code else period


def month_ok(word: str, ctx: Context, start: int, has_context: bool) -> bool:
    """Month names that are also words ("may", "march") need capitals and a date-like frame."""
    if not ctx.capitalised(word):
        return False
    if word.lower().rstrip(".") in ctx.vocab.ambiguous_months:
        return has_context or bool(checks().date_prefix.search(ctx.before(start)))
    return True


def in_name(match: re.Match[str], ctx: Context, definite: bool = True) -> bool:
    """A calendar word inside a name: followed at once by a capitalised word that is no time
    word ("the Sunday Times", "Winter Olympics", "the daily Haaretz"), and, with ``definite``,
    after "the". Capitals say nothing in all-capitals copy."""
    if ctx.upper:
        return False
    following = re.match(r" ([A-Z][\w'-]*)", ctx.text[match.end():])
    if following is None or following.group(1).lower() in ctx.vocab.time_words:
        return False
    return not definite or bool(re.search(r"\b[Tt]he\s+$", ctx.before(match.start(), 8))
                                or re.match(r"[Tt]he\s", match.group(0)))


def is_abbreviation(word: str, vocab: Vocabulary) -> bool:
    """ "Sept", "Jan": shorter than the month's full name in the vocabulary."""
    key = word.lower().rstrip(".")
    number = vocab.months[key]
    return any(len(w) > len(key) for w, n in vocab.months.items() if n == number)


def number_value(text: str, vocab: Vocabulary) -> float | None:
    """A number word, numeral or vague quantity ("several" → the table's count)."""
    word = re.sub(r"\s+", " ", text.lower())
    numeral = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)(?: ([1-3])/([2-4]))?", word)
    if numeral:
        whole = float(numeral.group(1).replace(",", ""))
        if numeral.group(2):
            whole += int(numeral.group(2)) / int(numeral.group(3))
        return whole
    if word in vocab.numbers:
        return float(vocab.numbers[word])
    if word in vocab.vague_quantities:
        return float(vocab.vague_quantities[word])
    parts = re.split(r"[\s-]", word)
    if len(parts) == 2 and parts[0] in vocab.numbers and parts[1] in vocab.numbers:
        return float(vocab.numbers[parts[0]] + vocab.numbers[parts[1]])
    return None


def is_vague(text: str, vocab: Vocabulary) -> bool:
    return re.sub(r"\s+", " ", text.lower()) in vocab.vague_quantities


def format_count(count: float) -> str:
    return str(int(count)) if float(count).is_integer() else f"{count:g}"


def day_or_none(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def relative_step(word: str, vocab: Vocabulary) -> int | None:
    """-1, 0 or 1 for "last", "this", "next" and their kin (``words.relative``), else None."""
    key = re.sub(r"\s+", " ", word.lower()).strip().removeprefix("the ")
    step = vocab.words["relative"].get(key)
    return None if step is None else int(step)


# ---- calendar dates -------------------------------------------------------------------------


def resolve_calendar_date(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "March 01 , 2008", "11 December", "Tuesday, May 3": a day, its year from the text or
    the reference (nearest, or the clause's side)."""
    word = match.group("month")
    if not month_ok(word, ctx, match.start("month"), has_context=True):
        return None
    if match.group("wd") and not ctx.capitalised(match.group("wd")):
        return None
    month_number = ctx.vocab.months[word.lower().rstrip(".")]
    day_number = int(re.match(r"\d+", match.group("day")).group())  # type: ignore[union-attr]
    if match.group("year"):
        found = day_or_none(int(match.group("year")), month_number, day_number)
        return explicit(cal.day(found)) if found else None
    if day_or_none(2000, month_number, day_number) is None:
        return None
    if ctx.reference is None:
        return Resolved("DATE", f"XXXX-{month_number:02d}-{day_number:02d}", None, "unresolved")
    step = relative_step(match.group("relyear") or "", ctx.vocab)
    if step is not None:
        found = day_or_none(ctx.reference.year + step, month_number, day_number)
        return relative(ctx, cal.day(found) if found else None)
    y = cal.nearest_year(month_number, day_number, ctx.reference,
                         day_direction(ctx, match.start(), match.end()))
    found = day_or_none(y, month_number, day_number)
    return relative(ctx, cal.day(found) if found else None)


def day_direction(ctx: Context, start: int, end: int) -> str | None:
    """The side of the reference a day without its year lies on: ahead in a future clause,
    behind in a past one ("stormed the town on Oct. 7" is not next October), else
    the nearest; so is the day something is set for, which the past telling does not put
    behind ("called a strike for November 5"), and the day a state lasts "until". Only the
    parse says a clause is past: a past cue word before the day may belong to another clause
    ("left last week and return on June 3"). What a period runs "since" has begun."""
    if checks().since.search(ctx.before(start, 16)):
        return "past"
    tense = ctx.tense(start, end)
    if tense == "future":
        return "future"
    if checks().deadline_day.search(ctx.before(start, 16)):
        return "ahead"  # "gave lenders a deadline of Nov. 30": a deadline lies ahead of its setting
    if checks().target.search(ctx.before(start, 12)):
        return None  # "called a strike for November 5": the day something is set for
    before = ctx.before(start, 12)
    if checks().deadline.search(before) and not checks().reached_deadline.search(before):
        return None  # "adjourned the case until July 12": a state that may run on ahead
    if tense == "scheduled" and ctx.timetable(start, end):
        return "ahead"  # "the summit opens on Sept. 9": a timetable's day lies ahead
    return "past" if tense == "past" and ctx.parsed else None


def resolve_day_of_month(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "on the 29th": that day of the month the text last named, else of the reference's
    month or the one before it (the one after in a future clause, the nearer in a present
    one)."""
    number = int(match.group("dom"))
    base = ctx.last_dated if ctx.last_dated is not None and ctx.last_dated.precision in (
        "day", "month") else None
    if base is not None and base.start is not None:
        found = day_or_none(base.start.year, base.start.month, number)
        resolved = relative(ctx, cal.day(found) if found else None)
        resolved.uses_anchor = True
        return resolved
    ref = ctx.reference
    if ref is None:
        return Resolved("DATE", None, None, "unresolved", uses_anchor=True)
    direction = day_direction(ctx, match.start(), match.end())
    if direction == "ahead":
        direction = None  # a day of the month in a timetable: the nearest of that number
    step = 1 if direction == "future" else -1
    month_start = ref.replace(day=1)
    if (step < 0 and number > ref.day) or (step > 0 and number < ref.day):
        month_start = cal.add_months(month_start, step)
    if direction is None and ctx.parsed and ctx.tense(match.start(), match.end()) in (
            "present", "scheduled"):
        # "the summit ends on the 15th": a timetable's day is the nearest of that number
        options = [cal.add_months(ref.replace(day=1), k) for k in (-1, 0, 1)]
        days = [d for d in (day_or_none(m.year, m.month, number) for m in options) if d]
        if days:
            month_start = min(days, key=lambda d: abs((d - ref).days)).replace(day=1)
    found = day_or_none(month_start.year, month_start.month, number)
    resolved = relative(ctx, cal.day(found) if found else None)
    resolved.uses_anchor = True
    return resolved


@lru_cache(maxsize=4096)
def parse_numeric(text: str, reference: date | None) -> date | None:
    """Numeric dates ("7/8/07", "2024-05-03") through dateparser, read month first as in US
    and international wire copy."""
    year_first = re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", text)
    if year_first:
        return day_or_none(*(int(part) for part in year_first.groups()))
    parsed = dateparser.parse(text, languages=["en"], settings=DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


def resolve_numeric(match: re.Match[str], ctx: Context) -> Resolved | None:
    found = parse_numeric(match.group("num"), ctx.reference)
    if found is None or not 1500 <= found.year <= 2100:
        return None
    return explicit(cal.day(found))


def resolve_month(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "in March", "early May", "last September", "November 2006", "March last year"."""
    word = match.group("month")
    framed = bool(match.group("mod") or match.group("rel") or match.group("year")
                  or match.group("relyear") or match.group("relyear2"))
    if not month_ok(word, ctx, match.start("month"), has_context=framed):
        return None
    if not framed and first_name(match, ctx):
        return None
    if is_abbreviation(word, ctx.vocab) and not (match.group("year") or word.endswith(".")):
        return None
    number = ctx.vocab.months[word.lower().rstrip(".")]
    mod = match.group("mod")
    if match.group("year"):
        return explicit(apply_modifier(cal.month(int(match.group("year")), number), mod,
                                       ctx.vocab))
    if ctx.reference is None:
        return Resolved("DATE", f"XXXX-{number:02d}", None, "unresolved")
    ref = ctx.reference
    step = relative_step(match.group("rel") or "", ctx.vocab)
    relyear = relative_step(match.group("relyear") or match.group("relyear2") or "", ctx.vocab)
    if relyear is not None:
        y = ref.year + relyear
    elif step is not None and step < 0:
        y = ref.year if number < ref.month else ref.year - 1
    elif step is not None and step > 0:
        y = ref.year if number > ref.month else ref.year + 1
    elif step == 0:
        y = ref.year
    elif (story := story_year(match, ctx)) is not None:
        y = story  # "on Oct. 3, 2000 ... Two days later ... In November": the story's year
    else:
        y = cal.nearest_year(number, None, ref, ctx.direction_of(match.start(), match.end()))
    return relative(ctx, apply_modifier(cal.month(y, number), mod, ctx.vocab))


def first_name(match: re.Match[str], ctx: Context) -> bool:
    """A bare month that is a person's first name: a capitalised word that is no time word
    follows ("executive June Osei said"), no date word comes before it, and the words around
    it are not a capitalised headline."""
    if not in_name(match, ctx, definite=False):
        return False
    before = ctx.before(match.start(), 30)
    if checks().date_prefix.search(before):
        return False
    previous = re.search(r"(\S+)\s+$", before)
    return previous is None or not previous.group(1)[:1].isupper() or bool(
        re.search(r"[.!?:;]$", previous.group(1)))


def resolve_month_week(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the third week of May", "the last week of April": the ISO week holding that week's
    first day (the 15th for the third); the fourth, final or last is the month's last seven
    days, so the week holding their first. "The last weekend of August": the weekend of the
    first Saturday of those seven days."""
    word = match.group("month")
    if not ctx.capitalised(word):
        return None
    number = ctx.vocab.months[word.lower().rstrip(".")]
    if match.group("year"):
        y = int(match.group("year"))
    elif ctx.reference is None:
        return Resolved("DATE", None, None, "unresolved")
    else:
        y = cal.nearest_year(number, None, ctx.reference,
                             ctx.direction_of(match.start(), match.end()))
    whole = cal.month(y, number)
    assert whole.start is not None and whole.end is not None
    count = ctx.vocab.ordinals[match.group("ord").lower()]
    first = (cal.add_days(whole.end, -6) if count >= 4
             else cal.add_days(whole.start, 7 * (count - 1)))
    period = cal.week(first)
    if match.group("wk").lower() == "weekend":
        # the weekend of the month's nth Saturday (the last: of its last Saturday)
        saturday = cal.add_days(first, (6 - first.isoweekday()) % 7)
        period = cal.weekend(saturday)
    return explicit(period) if match.group("year") else relative(ctx, period)


def resolve_year(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "2009", "mid-2011", "'82": four-digit years in a plausible frame."""
    if match.group("yy"):
        prev = ctx.before(match.start(), 12)
        if not checks().short_year_prefix.search(prev):
            return None
        two = int(match.group("yy"))
        number = full_year(two, ctx.reference)
    else:
        number = int(match.group("year"))
        if not year_in_frame(match, ctx, number):
            return None
    return explicit(apply_modifier(cal.year(number), match.group("mod"), ctx.vocab))


def year_in_frame(match: re.Match[str], ctx: Context, number: int) -> bool:
    """A four-digit number is a year unless money, a count of things, or far from now."""
    after = ctx.text[match.end():match.end() + 24]
    if checks().counted_noun.match(after) or checks().clock_after.match(after):
        return False
    if checks().number_marker.search(ctx.before(match.start(), 16)):
        return False
    limit = (ctx.reference.year if ctx.reference else date.today().year) + 30
    return 1800 <= number <= limit


def resolve_year_range(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "2010-11", "2009-2011": a span of years."""
    first = int(match.group("y1"))
    second_text = match.group("y2")
    second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
    if not first < second <= first + 30:
        return None
    start, end = cal.year(first), cal.year(second)
    period = Period(f"P{second - first}Y", start.start, end.end, "year")
    return Resolved("DURATION", period.value, period, "explicit")


def _whole_century(hundred: int, ctx: Context) -> bool:
    """ "the 1800s" before the reference's own century names its hundred years (TIMEX3 value
    ``18``); "the 2000s" written in the 2020s names the decade, as the decade just begun did
    when it was written."""
    current = ctx.reference.year if ctx.reference else 2000
    return (hundred + 1) * 100 <= current // 100 * 100


def resolve_decade(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the 1990s", "the '80s", "the mid-nineties": a decade; one without its century is
    the latest such decade not after the reference. "in her 40s" is an age, not a decade."""
    if checks().age_decade.search(ctx.before(match.start(), 16)):
        return None
    if match.group("cent"):
        hundred = int(match.group("cent"))
        if match.group("d") == "0" and _whole_century(hundred, ctx):
            return explicit(apply_modifier(cal.hundred_years(hundred), match.group("mod"),
                                           ctx.vocab))
        first = hundred * 100 + int(match.group("d")) * 10
    else:
        word = (match.group("word") or "").lower()
        digit = int(ctx.vocab.words["decade_words"][word]) if word else int(match.group("dd"))
        current = (ctx.reference.year if ctx.reference else 2000)
        first = current // 100 * 100 + digit * 10
        if first > current:
            first -= 100
    return explicit(apply_modifier(cal.decade(first), match.group("mod") or match.group("mod2"),
                                   ctx.vocab))


def resolve_century(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the 19th century", "the late 19th century": the modifier is part of the expression,
    as it is of a decade's ("the early 1990s"); the value stays the century's."""
    number = int(match.group("n"))
    if not 1 <= number <= 22:
        return None
    return explicit(apply_modifier(cal.century(number), match.group("mod"), ctx.vocab))


QUARTER_NAMED = re.compile(r"\bquarter|\bq[1-4]\b", re.IGNORECASE)


def resolve_quarter(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the first quarter of 2009", "third-quarter", "Q1 2024", "the last quarter", "the
    April-June quarter", "the December quarter"."""
    if match.group("bare"):
        return resolve_bare_quarter(match, ctx)
    if match.group("q"):
        number = int(match.group("q")[1])
        year_text = match.group("year3")
        ordinal = ""
    elif match.group("m1"):
        found = months_quarter(match.group("m1"), match.group("m2"), ctx)
        if found is None:
            return None
        number, year_text, ordinal = found, match.group("year4"), ""
    elif match.group("mq"):
        month = ctx.vocab.months[match.group("mq").lower().rstrip(".")]
        if month % 3 or not ctx.capitalised(match.group("mq")):
            return None  # only a quarter's last month names it
        number, year_text, ordinal = month // 3, match.group("year6"), ""
    elif match.group("pord"):
        if not QUARTER_NAMED.search(ctx.text):
            return None  # "the third period" of a match, not of a company's year
        ordinal = match.group("pord").lower()
        number, year_text = ctx.vocab.ordinals[ordinal], match.group("year5")
    else:
        ordinal = match.group("ord").lower()
        number = ctx.vocab.ordinals[ordinal]
        year_text = match.group("year") or match.group("year2") or match.group("pyear")
    owner = owner_year(match, ctx)
    if owner is not None:
        return relative(ctx, apply_modifier(cal.quarter(owner, number), match.group("mod"),
                                            ctx.vocab))
    if year_text:
        return explicit(apply_modifier(cal.quarter(int(year_text), number), match.group("mod"),
                                       ctx.vocab))
    ref = ctx.reference
    if ref is None:
        return Resolved("DATE", f"XXXX-Q{number}", None, "unresolved")
    step = None if match.group("q") else relative_step(match.group("rel") or "", ctx.vocab)
    if step is not None:
        y = ref.year + step
    elif ctx.vocab.ordinals.get(ordinal) == 4 and relative_step(ordinal, ctx.vocab) == -1:
        current = cal.quarter_of(ref)
        assert current.start is not None
        return relative(ctx, cal.quarter_of(cal.add_days(current.start, -1)))
    elif (story := story_year(match, ctx)) is not None:
        y = story
    else:
        this_year = cal.quarter(ref.year, number)
        started = this_year.start <= ref  # type: ignore[operator]
        direction = ctx.direction_of(match.start(), match.end())
        if direction == "future" and this_year.end < ref:  # type: ignore[operator]
            # "the deal should close in the second quarter", told in November: a
            # quarter of this year that has ended lies ahead only as next year's
            return relative(ctx, apply_modifier(cal.quarter(ref.year + 1, number),
                                                match.group("mod"), ctx.vocab))
        if direction in (None, "ahead"):
            gap_ahead = (this_year.start - ref).days  # type: ignore[operator]
            direction = "future" if gap_ahead < 120 else "past"
        y = ref.year if started or direction == "future" else ref.year - 1
    return relative(ctx, apply_modifier(cal.quarter(y, number), match.group("mod"), ctx.vocab))


def months_quarter(first: str, last: str, ctx: Context) -> int | None:
    """The calendar quarter a range of months spans ("April-June": 2), else None (a
    fiscal quarter such as "September-November" is no TIMEX3 quarter)."""
    start = ctx.vocab.months[first.lower().rstrip(".")]
    end = ctx.vocab.months[last.lower().rstrip(".")]
    return (start + 2) // 3 if start % 3 == 1 and end == start + 2 else None


def owner_year(match: re.Match[str], ctx: Context) -> int | None:
    """The year a relative possessive names before a part of it ("last year's third
    quarter"); None when there is none or no reference to count from."""
    step = relative_step(match.group("prel") or "", ctx.vocab)
    if step is None or ctx.reference is None:
        return None
    return ctx.reference.year + step


def resolve_bare_quarter(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the quarter": the quarter the text last named outside a past-perfect clause (the
    report's quarter, not one it looks back to: "output had dipped in the third quarter of
    2015 ... exports grew in the quarter"), else the one a report looks back on (the last
    whole quarter before the reference), or the current one in a future clause."""
    if not ctx.upper and match.group("bare") != match.group("bare").lower():
        return None
    base = ctx.main_quarter or ctx.last_period
    if base is not None and base.precision == "quarter" and "-Q" in base.value:
        resolved = relative(ctx, base)
    elif ctx.reference is None:
        return Resolved("DATE", None, None, "unresolved", uses_anchor=True)
    else:
        current = cal.quarter_of(ctx.reference)
        assert current.start is not None
        if not ctx.looks_future(match.start(), match.end()):
            current = cal.quarter_of(cal.add_days(current.start, -1))
        resolved = relative(ctx, current)
    resolved.uses_anchor = True
    return resolved


def resolve_half(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the first half of 2023", "the second half", "the first half of next year", "H1
    2023": H1/H2."""
    if match.group("h"):
        return explicit(cal.half(int(match.group("year3")), int(match.group("h")[1])))
    number = ctx.vocab.ordinals.get(match.group("ord").lower())
    if number not in (1, 2):
        return None
    if match.group("year") or match.group("pyear"):
        return explicit(cal.half(int(match.group("year") or match.group("pyear")), number))
    owner = owner_year(match, ctx)
    if owner is not None:
        return relative(ctx, cal.half(owner, number))
    ref = ctx.reference
    if ref is None:
        return Resolved("DATE", f"XXXX-H{number}", None, "unresolved")
    step = relative_step(match.group("rel") or "", ctx.vocab)
    if step is not None:
        y = ref.year + step
    elif match.group("same"):
        y = ref.year
    elif not (match.group("the") or match.group("prel")):
        return None
    elif match.group("the") and checks().match_cue.search(sentence_of(ctx, match)):
        return None  # "scored twice in the first half": a half of a match, not of the year
    else:
        started = cal.half(ref.year, number).start <= ref  # type: ignore[operator]
        y = ref.year if started or ctx.looks_future(match.start(), match.end()) else ref.year - 1
    return relative(ctx, cal.half(y, number))


SENTENCE_STOPS = (". ", "\n", "? ", "! ")


def sentence_of(ctx: Context, match: re.Match[str]) -> str:
    """The sentence (or line) holding the match, by its stops: enough to ask what it is about."""
    text = ctx.text
    start = max(text.rfind(stop, 0, match.start()) for stop in SENTENCE_STOPS) + 1
    ends = [i for i in (text.find(stop, match.end()) for stop in SENTENCE_STOPS) if i >= 0]
    return text[start:min(ends, default=len(text))]


def resolve_fiscal(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "fiscal 2023", "last fiscal year": TIMEX3 ``FY2023`` (the calendar year stands in for
    the fiscal one, whose first month varies by country and firm)."""
    if match.group("year") or match.group("fyear") or match.group("year4"):
        number = int(match.group("year") or match.group("fyear") or match.group("year4"))
        if number < 100:
            number = full_year(number, ctx.reference)
        basis = "explicit"
    elif ctx.reference is None:
        return Resolved("DATE", None, None, "unresolved")
    else:
        number = ctx.reference.year + (relative_step(match.group("rel"), ctx.vocab) or 0)
        basis = "relative"
    whole = cal.year(number)
    return Resolved("DATE", f"FY{whole.value}", whole.with_range(whole.start, whole.end), basis)


def resolve_season(match: re.Match[str], ctx: Context) -> Resolved | None:
    word = match.group("season").lower()
    if match.group("season")[:1].isupper() and in_name(match, ctx, definite=False):
        return None
    framed = bool(match.group("rel") or match.group("year") or match.group("mod")
                  or match.group("det") or match.group("relyear"))
    if word in ctx.vocab.ambiguous_seasons and not framed and not checks().season_frame.search(
            ctx.before(match.start())):
        return None
    if word in ctx.vocab.ambiguous_seasons and not framed and checks().season_noun.match(
            ctx.text[match.end():]):
        return None
    if not framed and checks().season_noun.match(ctx.text[match.end():]) and (
            checks().kind_article.search(ctx.before(match.start()))):
        return None  # "a winter storm": the article is the noun's, the season names a kind
    code = ctx.vocab.seasons[word]["code"]
    mod = match.group("mod")
    if match.group("year"):
        return explicit(apply_modifier(cal.season(int(match.group("year")), code), mod,
                                       ctx.vocab))
    if match.group("det"):
        return anaphoric_season(match, code, ctx)
    ref = ctx.reference
    if ref is None:
        return Resolved("DATE", f"XXXX-{code}", None, "unresolved")
    if match.group("relyear"):  # "the spring of last year": that year's
        year_step = relative_step(match.group("relyear"), ctx.vocab) or 0
        return relative(ctx, apply_modifier(cal.season(ref.year + year_step, code), mod,
                                            ctx.vocab))
    step = relative_step(match.group("rel") or "", ctx.vocab)
    this, over = this_season(code, ref)
    assert this.start is not None
    if step is not None and step != 0:
        y = season_year(code, ref, step)
    elif step == 0:
        y = this.start.year
    elif ctx.looks_future(match.start(), match.end()) or ctx.timetable(
            match.start(), match.end()) or (
            checks().deadline.search(ctx.before(match.start(), 12))
            and ctx.tense(match.start(), match.end()) != "past"):
        # the next one that has not ended: "will ... in the spring" said in December, and
        # what is put off "until the autumn" in a clause not told as past
        y = this.start.year + 1 if over else this.start.year
    else:
        y = this.start.year if this.start <= ref else this.start.year - 1
    return relative(ctx, apply_modifier(cal.season(y, code), mod, ctx.vocab))


def this_season(code: str, ref: date) -> tuple[Period, bool]:
    """The season of that name in the reference's year (a winter begun the December before
    when the reference is in January or February), and whether it is over."""
    this = cal.season(ref.year - 1 if ref.month < 3 and code == "WI" else ref.year, code)
    assert this.start is not None and this.end is not None
    return this, this.end < ref


def season_year(code: str, ref: date, step: int) -> int:
    """The year of the season ``step`` seasons of that name back (negative) or ahead: one
    back is the latest that has ended ("last spring" in November is this year's), one ahead
    the first not yet begun."""
    this, over = this_season(code, ref)
    assert this.start is not None
    if step < 0:
        return (this.start.year if over else this.start.year - 1) + step + 1
    return (this.start.year + 1 if this.start <= ref else this.start.year) + step - 1


def resolve_season_ago(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "three winters ago", "two springs from now": the season that many of its name back."""
    word = match.group("season").lower()
    count = number_value(match.group("num"), ctx.vocab)
    if count is None or not count.is_integer() or count < 1 or is_vague(match.group("num"),
                                                                          ctx.vocab):
        return None
    code = ctx.vocab.seasons[word]["code"]
    if ctx.reference is None:
        return Resolved("DATE", f"XXXX-{code}", None, "unresolved")
    sign = int(ctx.vocab.words["ago"][re.sub(r"\s+", " ", match.group("dir").lower())])
    return relative(ctx, cal.season(season_year(code, ctx.reference, sign * int(count)), code))


def anaphoric_season(match: re.Match[str], code: str, ctx: Context) -> Resolved:
    """ "that autumn", "the following spring": the season of the year the text last named (or
    the one after or before it), else of the reference's year."""
    det = re.sub(r"\s+", " ", match.group("det").lower())
    step = int(ctx.vocab.words["anaphor_determiners"].get(det, 0))
    last = ctx.last_dated
    base = last.start if last is not None and last.start is not None else ctx.reference
    if base is None:
        return Resolved("DATE", None, None, "unresolved", uses_anchor=True)
    period = apply_modifier(cal.season(base.year + step, code), match.group("mod"), ctx.vocab)
    resolved = relative(ctx, period)
    resolved.uses_anchor = True
    return resolved


# ---- days relative to the reference --------------------------------------------------------


def with_part(period: Period, part: str | None, ctx: Context) -> Resolved:
    """ "Friday morning" is a TIME: the day's value with its part of day."""
    if not part:
        return relative(ctx, period)
    code = ctx.vocab.day_parts[part.lower()]
    return Resolved("TIME", f"{period.value}T{code}", period, "relative")


def resolve_relative_day(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "today", "yesterday morning", "earlier today", "last night", "this morning"."""
    word = (match.group("word") or match.group("rel")).lower()
    word = re.sub(r"\s+", " ", word)
    part = match.group("part") or match.group("part2")
    if ctx.reference is None:
        return Resolved("TIME" if part else "DATE", None, None, "unresolved")
    step = relative_step(word, ctx.vocab)
    offset = step if step is not None else ctx.vocab.relative_words[word]
    part = part or ctx.vocab.words["day_word_parts"].get(word)
    period = cal.day(cal.add_days(ctx.reference, offset))
    return with_part(period, part, ctx)


def deadline_or_target(ctx: Context, start: int) -> bool:
    """Whether a deadline ("by Friday") or a target ("set for Friday") signal leads a day."""
    before = ctx.before(start, 12)
    return bool(checks().deadline.search(before) or checks().target.search(before))


def past_deadline(match: re.Match[str], ctx: Context) -> bool:
    """ "By Monday morning, 3,000 homes had lost power": what a past clause says was done by
    a day was done before the story; a target ("called a strike for Friday") or a state held
    "until" a day may still lie ahead."""
    return bool(checks().reached_deadline.search(ctx.before(match.start(), 12))) and (
        told_in_past(match, ctx))


def resolve_weekday(match: re.Match[str], ctx: Context) -> Resolved | None:
    """A weekday in news is the latest one up to the reference, or the next one in a future
    clause ("will meet on Friday") or a timetable's bare present ("voters go to the polls on
    Sunday"); "last"/"next" say so outright. A day listed after one that lies ahead ("rain
    is forecast for Thursday and Friday") lies ahead of it too."""
    word = match.group("wd")
    if not ctx.capitalised(word):
        return None
    if not match.group("rel") and in_name(match, ctx):
        return None
    number = ctx.vocab.weekdays[word.lower()]
    rel = re.sub(r"\s+", " ", (match.group("rel") or "").lower())
    # "the following Sunday" counts from the last day the text named, not from the story's
    anaphoric = rel in ctx.vocab.words["anaphoric_relative"]
    ref = (ctx.anchor or ctx.reference) if anaphoric else ctx.reference
    if ref is None:
        return Resolved("DATE", f"XXXX-WXX-{number}", None, "unresolved", uses_anchor=anaphoric)
    step = relative_step(rel, ctx.vocab)
    back = (ref.isoweekday() - number) % 7
    forward = (number - ref.isoweekday()) % 7
    listed = not rel and checks().listed_day.search(ctx.before(match.start(), 16)) is not None
    after = ctx.anchor if listed and ctx.anchor is not None and ctx.anchor > ref else None
    story = story_day(match, ctx) if not rel else None
    if story is not None:  # "began on Monday, March 4 ... dockers marched on Friday"
        found = cal.add_days(story, (number - story.isoweekday()) % 7 or 7)
    elif after is not None:  # "forecast for Thursday and Friday": the list runs on ahead
        found = cal.add_days(after, (number - after.isoweekday()) % 7 or 7)
    elif step is not None and step < 0:
        found = cal.add_days(ref, -(back or 7))
    elif step is not None and step > 0:
        found = cal.add_days(ref, forward or 7)
    elif step == 0:
        found = cal.add_days(ref, number - ref.isoweekday())
    elif forward and (ctx.looks_future(match.start(), match.end()) or ctx.tense(
            match.start(), match.end()) == "scheduled" or (
            deadline_or_target(ctx, match.start()) and forward < back
            and not past_deadline(match, ctx))):
        found = cal.add_days(ref, forward)
    else:
        found = cal.add_days(ref, -back)
    resolved = with_part(cal.day(found), match.group("part"), ctx)
    resolved.uses_anchor = anaphoric or listed or story is not None
    return resolved


STORY_GAP_DAYS = 7
"""How far before the reference a story's day must lie for its bare weekdays to follow it."""


def story_day(match: re.Match[str], ctx: Context) -> date | None:
    """The day a story told in the past has reached, when it lies a week or more before the
    reference: the later of the last day the text named and the end of the last week it
    named ("the final weekend"). A bare weekday in a past clause then falls in the days after
    it, as TimeBank's long stories read them ("the strike began on Monday, March 4 ...
    dockers marched on Friday"), once the story has reached its day by words that tell one
    (a weekday named with its date, "the next morning", "on Wednesday"): a bare date named in
    passing ("by the Feb. 18 deadline") leaves "on Monday" in the reference's week. Nearer
    the reference, the latest such day up to it is as likely, a telling ("officials said
    Tuesday") dates the story's own days, and a past-perfect clause ("the talks had collapsed
    on Monday") looks back from the reference, not on from the story."""
    ref = ctx.reference
    if ref is None or not ctx.story_anchor or not told_in_past(match, ctx) or ctx.telling(
            match.start(), match.end()) or ctx.backstory(match.start(), match.end()):
        return None
    days = [ctx.anchor] if ctx.anchor is not None else []
    last = ctx.last_dated
    if last is not None and last.precision in ("day", "week") and last.end is not None:
        days.append(last.end)
    latest = max(days, default=None)
    if latest is None or latest == ref or (ref - latest).days < STORY_GAP_DAYS:
        return None
    return latest


def story_year(match: re.Match[str], ctx: Context) -> int | None:
    """The year of a story told in a past year, for a bare month, quarter or "the year" in a
    past clause ("on Oct. 3, 2000 ... Two days later the company reported profit for the third
    quarter"): the year of the day the story has reached, when that day lies in a year before
    the reference's and was reached by words that tell a story's days (as for a weekday,
    ``story_day``) or named with its year, and no time of another year has been named since
    (an obituary that names a day of 1920, then 1971 and "last year", has left 1920). A date
    named in passing without its year, or a past-perfect clause, leaves the reference's year.
    A telling ("posted a loss for the second quarter") does not: the period is what it tells,
    in the story's year."""
    ref, anchor, last = ctx.reference, ctx.anchor, ctx.last_dated
    if ref is None or anchor is None or anchor.year >= ref.year or not (
            ctx.story_anchor or ctx.anchor_year_named):
        return None
    if last is not None and last.start is not None and last.start.year != anchor.year:
        return None
    if not told_in_past(match, ctx) or ctx.backstory(match.start(), match.end()):
        return None
    return anchor.year


def resolve_relative_unit(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "last month", "this week", "the end of last year", "earlier this month"."""
    if match.group("sunit"):
        forward = (relative_step(match.group("srel") or "", ctx.vocab) or 0) > 0
        return past_unit_duration(unit_name(match.group("sunit") or ""), ctx, forward=forward)
    unit = (match.group("unit") or match.group("unit2") or match.group("unit3")
            or match.group("unit4") or match.group("unit5")).lower()
    rel = re.sub(r"\s+", " ", (match.group("rel") or match.group("rel2") or "").lower())
    rel = rel.removeprefix("the ")
    if match.group("unit3"):
        rel = "bare"
    if match.group("unit4") or match.group("unit5"):
        rel = "this"
    spelled = re.sub(r"\s+", " ", (match.group("rel") or "").lower())
    if unit != "weekend" and (rel == "past" or spelled == "the last") and not re.match(
            r"\s+of\b", ctx.text[match.end():]):
        return past_unit_duration(unit, ctx)
    if unit != "weekend" and relative_step(rel, ctx.vocab) == 1 and spelled.startswith("the ") \
            and not anaphoric_word(rel, ctx) and span_led(match, ctx):
        return past_unit_duration(unit, ctx, forward=True)
    ref = ctx.reference
    if ref is None:
        return Resolved("DATE", None, None, "unresolved")
    offset = relative_step(rel, ctx.vocab) or 0
    anaphoric = rel in ctx.vocab.words["anaphoric_relative"] and (
        bool(match.group("rel2")) or (match.group("rel") or "").lower().startswith("the"))
    told = unit != "weekend" and told_in_past(match, ctx)
    if told and offset == 1 and spelled.startswith("the "):
        anaphoric = True  # "in 2019 ... The next year, the group split": the year after
    if anaphoric:
        offset = ctx.vocab.words["anaphor_after"].get(rel, offset)
        last = ctx.last_dated
        base = last.start if last and last.start and cal.finer(last.precision, unit) else ref
        resolved = relative(ctx, unit_period(unit, base, offset))
        resolved.uses_anchor = True
        return resolved
    if rel == "bare":
        # the weekend ahead is this ISO week's; the one behind is this week's only once it
        # has begun
        ahead = ctx.looks_future(match.start(), match.end())
        offset = 0 if ahead or ref.isoweekday() >= 6 else -1
    narrative = told and bool(match.group("mod4"))
    last = ctx.last_dated
    if narrative and last is not None and last.start is not None and (
            cal.finer(last.precision, unit)):
        ref = last.start  # "began on April 2; by the end of the month 10,000 had joined"
    elif match.group("unit4") and (story := story_year(match, ctx)) is not None:
        ref = date(story, 1, 1) if unit == "year" else ref  # "the end of the year" of the story
    period = unit_period(unit, ref, offset)
    mod = (match.group("mod") or match.group("mod4") or "").lower()
    if match.group("unit5"):
        mod = "the end of"  # "year-end": the end of the current year
    if mod == "earlier":
        period = period.with_range(period.start, min(ref, period.end or ref))
    elif mod == "later":
        period = period.with_range(max(ref, period.start or ref), period.end)
    else:
        period = apply_modifier(period, mod, ctx.vocab)
    resolved = relative(ctx, period)
    resolved.uses_anchor = narrative
    return resolved


def told_in_past(match: re.Match[str], ctx: Context) -> bool:
    """Whether the parse puts the expression in a past (or past perfect) clause, where "the
    next year" or "the end of the month" count from the time the story last named."""
    return ctx.parsed and ctx.tense(match.start(), match.end()) == "past"


def unit_period(unit: str, ref: date, offset: int) -> Period:
    """The week, month, quarter, year or decade ``offset`` steps from the one holding ``ref``."""
    if unit == "week":
        return cal.week(cal.add_days(ref, 7 * offset))
    if unit == "weekend":
        return cal.weekend(cal.add_days(ref, 7 * offset))
    if unit == "month":
        moved = cal.add_months(ref.replace(day=1), offset)
        return cal.month(moved.year, moved.month)
    if unit == "quarter":
        moved = cal.add_months(ref.replace(day=1), 3 * offset)
        return cal.quarter_of(moved)
    if unit == "decade":
        return cal.decade(ref.year + 10 * offset)
    if unit == "century":
        return cal.century((ref.year - 1) // 100 + 1 + offset)
    return cal.year(ref.year + offset)


def anaphoric_word(rel: str, ctx: Context) -> bool:
    return rel in ctx.vocab.words["anaphoric_relative"]


def span_led(match: re.Match[str], ctx: Context) -> bool:
    """ "within the next year", "over the coming year": a word that opens a span before the
    expression (not "in": "in the next quarter" is that quarter). In a past clause too: "over
    the next decade the mill doubled its output" tells how long, from the day the story had
    reached."""
    return bool(checks().next_span_lead.search(ctx.before(match.start(), 12)))


def past_unit_duration(unit: str, ctx: Context, forward: bool = False) -> Resolved:
    """ "the past decade", "the past year", "the last hour": a duration ending at the
    reference; with ``forward`` ("over the next year") one starting there."""
    spec = ctx.vocab.units[unit]
    count = spec.get("factor", 1)
    value = f"P{'T' if spec.get('time') else ''}{count}{spec['code']}"
    if ctx.reference is None:
        return Resolved("DURATION", value, None, "unresolved")
    if spec.get("time"):  # "the past hour": within the reference's day
        return Resolved("DURATION", value, cal.day(ctx.reference), "relative")
    if forward:
        end = cal.shift(ctx.reference, spec["code"], count)
        return Resolved("DURATION", value, Period(value, ctx.reference, end, spec["precision"]),
                        "relative")
    start = cal.shift(ctx.reference, spec["code"], -count)
    return Resolved("DURATION", value, Period(value, start, ctx.reference, spec["precision"]),
                    "relative")


def resolve_holiday(match: re.Match[str], ctx: Context) -> Resolved | None:
    """A feast's day; with "weekend" after it ("the Memorial Day weekend") the weekend it
    makes long: the one before a Monday feast, else the one of its week."""
    resolved = holiday_day(match, ctx)
    if not match.group("wkend") or resolved is None or resolved.period is None or (
            resolved.period.start is None):
        return resolved
    day = resolved.period.start
    around = cal.weekend(cal.add_days(day, -1) if day.isoweekday() == 1 else day)
    return Resolved("DATE", around.value, around, resolved.basis)


def holiday_day(match: re.Match[str], ctx: Context) -> Resolved | None:
    word = match.group("holiday")
    if not ctx.capitalised(word):
        return None
    key = re.sub(r"\s+", " ", word.lower().replace("\u2019", "'"))
    if key in ctx.vocab.movable_holidays:
        return resolve_movable_holiday(match, ctx.vocab.movable_holidays[key], ctx)
    m, d = ctx.vocab.holidays[key]
    if match.group("year"):
        return explicit(cal.day(date(int(match.group("year")), m, d)))
    if ctx.reference is None:
        return Resolved("DATE", f"XXXX-{m:02d}-{d:02d}", None, "unresolved")
    y = cal.nearest_year(m, d, ctx.reference, day_direction(ctx, match.start(), match.end()))
    return relative(ctx, cal.day(date(y, m, d)))


def resolve_movable_holiday(match: re.Match[str], spec: dict[str, Any], ctx: Context
                            ) -> Resolved | None:
    """ "Easter", "Good Friday", "Thanksgiving", "Eid al-Fitr": the feast's day in the year
    named, else in the year the clause points to (the last one in a past clause, the next in a
    future one, the nearer otherwise); none where the feast's table lacks the year."""
    if match.group("year"):
        named = cal.movable_day(spec, int(match.group("year")))
        return explicit(cal.day(named)) if named is not None else None
    ref = ctx.reference
    if ref is None:
        return Resolved("DATE", None, None, "unresolved")
    this = cal.movable_day(spec, ref.year)
    if this is None:
        return None
    direction = day_direction(ctx, match.start(), match.end())
    year = ref.year
    if direction == "past" and this > ref:
        year -= 1
    elif this < ref and (direction == "future" or (
            direction == "ahead" and (ref - this).days > cal.TIMETABLE_PAST_DAYS)):
        year += 1
    elif direction in (None, "ahead"):
        other = cal.movable_day(spec, ref.year + (1 if this < ref else -1))
        if other is not None and abs((other - ref).days) < abs((this - ref).days):
            year = other.year
    chosen = cal.movable_day(spec, year) if year != ref.year else this
    if chosen is None:
        return None
    return relative(ctx, cal.day(chosen))


def anaphoric_weekday(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "that Thursday", "that same Friday": the weekday of the week of the last day the text
    named (the story's), when the first word determines the weekday; else no match, and the
    weekday alone is read as any other."""
    if not ctx.capitalised(match.group("awd")) or not ctx.determiner(match.start()):
        return None
    anchor = ctx.anchor or ctx.reference
    if anchor is None:
        return Resolved("DATE", None, None, "unresolved", uses_anchor=True)
    number = ctx.vocab.weekdays[match.group("awd").lower()]
    resolved = relative(ctx, cal.day(cal.add_days(anchor, number - anchor.isoweekday())))
    resolved.uses_anchor = True
    return resolved


def resolve_anaphor(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "that day", "the same day", "the following day": the last day the text named;
    "that night", "the next morning": a part of it (or of the day after); "that Thursday": the
    Thursday of the week the story has reached."""
    if match.group("awd"):
        return anaphoric_weekday(match, ctx)
    if match.group("dpart"):
        return anaphoric_part(match, ctx)
    if match.group("bpart"):
        return framed_part(match, ctx)
    if match.group("lpart"):
        # "by evening"; "by morning" after a day reached late: the next one's
        part = match.group("lpart")
        anchor = ctx.anchor
        if anchor is not None and ctx.vocab.day_parts.get(part.lower()) == "MO" and (
                past_late_day(anchor, match.start(), ctx)):
            resolved = with_part(cal.day(cal.add_days(anchor, 1)), part, ctx)
            resolved.uses_anchor = True
            return resolved
        return part_of_last_day(part, ctx)
    if match.group("mpart"):
        return modified_part(match, ctx)
    if match.group("bare"):
        if match.group("bare").lower().startswith("the") and not checks().day_frame.search(
                ctx.before(match.start())):
            return None
        unit, step = "day", 0
    elif match.group("time"):
        unit, step = "day", 0
    elif match.group("within") or match.group("focus"):
        unit, step = (match.group("within") or match.group("focus") or "").lower(), 0
        last = ctx.last_dated
        if last is not None and last.start is not None and cal.finer(last.precision, unit):
            resolved = relative(ctx, unit_period(unit, last.start, 0))
            resolved.uses_anchor = True
            return resolved
    elif match.group("after"):
        unit, step = "day", int(ctx.vocab.words["anaphor_after"][match.group("after").lower()])
    else:
        unit = match.group("unit").lower()
        det = re.sub(r"\s+", " ", (match.group("det") or "").lower())
        step = int(ctx.vocab.words["anaphor_determiners"].get(det, 0))
        if step > 0 and unit != "day":
            return None
        last = ctx.last_dated
        if unit != "day" and last is not None and last.start is not None and cal.finer(
                last.precision, unit):
            # "that year" after "in 2019": the year the text last named, not the story's
            resolved = relative(ctx, unit_period(unit, last.start, step))
            resolved.uses_anchor = True
            return resolved
    anchor = ctx.anchor or ctx.reference
    if anchor is None:
        return Resolved("DATE", None, None, "unresolved", uses_anchor=True)
    if unit == "day":
        period = cal.day(cal.add_days(anchor, step))
    else:
        period = unit_period(unit, anchor, step)
    resolved = relative(ctx, period)
    resolved.uses_anchor = True
    return resolved


def anaphoric_part(match: re.Match[str], ctx: Context) -> Resolved:
    """ "that night", "the following morning": the part of the day the determiner points at,
    counted from the last day the text named."""
    det = re.sub(r"\s+", " ", match.group("pdet").lower())
    step = int(ctx.vocab.words["anaphor_determiners"].get(det, 0))
    anchor = ctx.anchor or ctx.reference
    if anchor is None:
        return Resolved("TIME", None, None, "unresolved", uses_anchor=True)
    resolved = with_part(cal.day(cal.add_days(anchor, step)), match.group("dpart"), ctx)
    resolved.uses_anchor = True
    return resolved


def modified_part(match: re.Match[str], ctx: Context) -> Resolved:
    """ "by mid-morning", "in the late afternoon": that part of the last day the text named
    (TIMEX3 keeps the modifier out of the value)."""
    return part_of_last_day(match.group("mpart"), ctx)


def framed_part(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "during the night", "in the morning": that part of the last day the text named, when
    a preposition of time frames it ("the morning papers" is no time)."""
    if not checks().day_frame.search(ctx.before(match.start())):
        return None
    return part_of_last_day(match.group("bpart"), ctx)


def part_of_last_day(part: str, ctx: Context) -> Resolved:
    """A part of day on the last day the text named (or the story's), which it depends on."""
    anchor = ctx.anchor or ctx.reference
    if anchor is None:
        return Resolved("TIME", None, None, "unresolved", uses_anchor=True)
    resolved = with_part(cal.day(anchor), part, ctx)
    resolved.uses_anchor = True
    return resolved


# ---- clock times ---------------------------------------------------------------------------


SMALL_HOURS_END = 6  # a clock time before 6 a.m. belongs to the night before's story


def past_late_day(anchor: date, start: int, ctx: Context) -> bool:
    """Whether the story reached ``anchor`` late in it ("late Monday", "Monday night",
    "9:50 p.m.") in the sentence before the one at ``start`` or in it, so that the small hours
    told next lie on the day after; not past the reference (what the reference's own late
    hours reach is told as its next day). Further on, the text may have gone back to the
    day's start ("shelling on Monday evening ... Villagers said the raid had begun at 3 a.m.
    that day")."""
    if not ctx.anchor_late or ctx.reference is None or anchor >= ctx.reference:
        return False
    first, _ = ctx.sentence(start)
    return first <= ctx.late_sentence_end or not ctx.text[ctx.late_sentence_end:first].strip()


def resolve_time(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "04:50 IST", "6:40 p.m.", "0800 UTC": a clock time on the last day the text named."""
    zone_word = match.group("tz")
    if zone_word and not zone_word.isupper() and not (
            zone_abbreviation(zone_word, ctx) and zone_word[:1].isupper()):
        return None
    hour, minute = clock_of(match, ctx.vocab)
    if hour is None or minute is None:
        return None
    has_frame = match.group("tz") or match.group("ampm") or match.group("ampm2") or match.group(
        "off") or match.group("named") or match.group("h3") or match.group("local") or (
        match.group("h4")) or match.group("ppart")
    if (not has_frame or match.group("h5")) and not checks().clock_preposition.search(
            ctx.before(match.start(), 10)):
        return None  # "at 5 in the morning" is a time; "employs 5 in the morning" a count
    part = ctx.vocab.day_parts.get((match.group("ppart") or "").lower())
    if part is not None and not (match.group("ampm") or match.group("ampm2")):
        hour = after_noon(hour, part)  # "2:30 in the afternoon"
    anchor = ctx.anchor or ctx.reference
    if (anchor is not None and ctx.reference is not None and anchor < ctx.reference
            and ctx.looks_future(match.start(), match.end())):
        anchor = ctx.reference  # what will happen at a clock time does not happen on a past day
    elif (anchor is not None and ctx.reference is not None and anchor > ctx.reference
          and told_in_past(match, ctx)):
        anchor = ctx.reference  # nor what happened at one on a day still ahead
    elif anchor is not None and hour < SMALL_HOURS_END and not match.group("named") and (
            past_late_day(anchor, match.start(), ctx)):
        anchor = cal.add_days(anchor, 1)  # "late Monday ... at 2:10 a.m.": the night ran on
    zone = zone_suffix(match, ctx, datetime(anchor.year, anchor.month, anchor.day, hour, minute)
                       if anchor is not None else None)
    clock = f"T{hour:02d}:{minute:02d}{zone}"
    if anchor is None:
        return Resolved("TIME", f"XXXX-XX-XX{clock}", None, "unresolved", uses_anchor=True)
    period = cal.day(anchor)
    return Resolved("TIME", f"{period.value}{clock}", period, "relative", uses_anchor=True)


# the parts of the day (TIMEX3 codes) whose clock hours are after noon: from which hour on a
# twelve-hour reading in them is moved by twelve
AFTER_NOON = {"AF": 1, "EV": 1, "NI": 6}


def after_noon(hour: int, part: str) -> int:
    """A twelve-hour clock read in its part of the day: 2 in the afternoon is 14:00."""
    first = AFTER_NOON.get(part)
    return hour + 12 if first is not None and first <= hour < 12 else hour


def clock_of(match: re.Match[str], vocab: Vocabulary) -> tuple[int | None, int | None]:
    named = (match.group("named") or "").lower()
    if named:
        return int(vocab.words["named_clock"][named]), 0
    if match.group("h4") or match.group("h5"):
        count = number_value(match.group("h4") or match.group("h5"), vocab)
        if count is None or not count.is_integer() or not 1 <= count <= 12:
            return None, None
        return int(count), 0
    hour_text = match.group("h") or match.group("h2") or match.group("h3")
    minute_text = match.group("mi") or match.group("mi3") or "0"
    hour, minute = int(hour_text), int(minute_text)
    ampm = (match.group("ampm") or match.group("ampm2") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None, None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    elif match.group("h") and "." in match.group(0)[:5] and not match.group("tz"):
        return None, None
    return (hour, minute) if hour < 24 else (None, None)


def zone_suffix(match: re.Match[str], ctx: Context, moment: datetime | None = None) -> str:
    """A TIMEX3 zone: ``Z`` for UTC, else ``±HH:MM`` from the zone table or the offset; a zone
    that moves with daylight saving ("ET") the offset its region keeps at the moment read."""
    offset = None
    if match.group("off"):
        raw = re.sub(r"\s+", "", match.group("off"))
        sign, digits = raw[0], raw[1:].replace(":", "")
        hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
        offset = f"{sign}{int(hours):02d}:{minutes}"
    elif match.group("tz"):
        abbr = zone_abbreviation(match.group("tz") or "", ctx) or (match.group("tz") or "").upper()
        offset = region_offset(ctx.vocab.zone_regions.get(abbr), moment) or (
            ctx.vocab.timezones[abbr])
    if offset is None:
        return ""
    return "Z" if offset in ("+00:00", "-00:00") else offset


def zone_abbreviation(name: str, ctx: Context) -> str | None:
    """The abbreviation of a zone spelled out ("Eastern time" → ``ET``)."""
    found = ctx.vocab.words["zone_names"].get(re.sub(r"\s+", " ", name.lower()))
    return str(found) if found else None


def region_offset(region: str | None, moment: datetime | None) -> str | None:
    """``±HH:MM``: the UTC offset a region (IANA name) keeps at a local moment."""
    if region is None or moment is None:
        return None
    try:
        delta = moment.replace(tzinfo=ZoneInfo(region)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError):
        return None
    if delta is None:
        return None
    minutes = int(delta.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


# ---- durations, sets, references -----------------------------------------------------------


def duration_value(count: float | None, unit: str, vocab: Vocabulary) -> tuple[str, dict]:
    """TIMEX3 duration of ``count`` units (``X`` when unknown); decades and centuries count in
    years whether counted ("a decade", P10Y) or not ("decades", PXY)."""
    spec = vocab.units[unit]
    code = spec["code"]
    prefix = "PT" if spec.get("time") else "P"
    if count is None:
        return f"{prefix}X{code}", spec
    return f"{prefix}{format_count(count * spec.get('factor', 1))}{code}", spec


def unit_name(text: str) -> str:
    """The vocabulary's unit of a matched unit word ("centurie" of "centuries" → "century")."""
    word = text.lower()
    return word[:-2] + "y" if word.endswith("ie") else word


def resolve_duration(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "for several weeks", "the past nine days", "12-year", "almost two and a half years"."""
    num_text = match.group("num")
    unit = unit_name(match.group("unit"))
    vocab = ctx.vocab
    count = number_value(num_text, vocab)
    if count is None:
        return None
    if unit == "second" and num_text.lower() in vocab.word_list("article_counts"):
        return None  # "a second" is an ordinal ("a second time"), not a duration
    if num_text.lower() in vocab.word_list("single_counts") and match.group("plural"):
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", num_text) and count > 1000:
        return None
    if unit in vocab.word_list("fraction_units") and not match.group("plural") and (
            checks().fraction_after.match(ctx.text, match.end())):
        return None  # "a quarter of the power": a share, not three months
    if checks().age_after.match(ctx.text, match.end()):
        return None  # "45 years old": an age, which TimeML does not mark
    if num_text.lower() in vocab.word_list("article_counts") and is_rate(match, ctx):
        return None  # "$50 an hour", "300 barrels a day": a rate (a set), not a stretch of time
    if not ctx.upper and num_text[:1].isupper() and match.group("unit")[:1].isupper() and (
            in_name(match, ctx)):
        return None  # "the Six-Day War", "the Hundred Years War": part of a name
    if match.group("half") or match.group("half2"):
        count += 0.5
    vague = is_vague(num_text, vocab)
    value, spec = duration_value(None if vague else count, unit, vocab)
    pre = re.sub(r"\s+", " ", (match.group("pre") or "").lower()).strip()
    span = anchored_span(pre, count, spec, match, ctx)
    return Resolved("DURATION", value, span, "relative" if span else "explicit")


def anchored_span(pre: str, count: float, spec: dict, match: re.Match[str], ctx: Context
                  ) -> Period | None:
    """Where a duration sits: back from the reference ("the past", "for" in a perfect
    clause), forward ("the next", "within", future clause), else nowhere known: a span
    measured from another event ("within a week of the deal") is not measured from now."""
    ref = ctx.reference
    if ref is None or spec.get("time") or "precision" not in spec:
        return None
    if checks().event_link.match(ctx.text[match.end():]):
        return None
    signal = ctx.before(match.start(), 12).lower()
    words = set(pre.split())
    steps = [relative_step(w, ctx.vocab) for w in words]
    backward = any(step is not None and step < 0 for step in steps)
    forward = any(step is not None and step > 0 for step in steps)
    if not (backward or forward) and checks().forward_lead.search(signal) is not None:
        # "within a week" runs from now only in a clause that is not past: "withdrew within a
        # week" counts from some earlier event
        if ctx.tense(match.start(), match.end()) in ("past", "perfect"):
            return None
        forward = True
    if not (backward or forward):
        if not checks().span_lead.search(signal) and "over" not in words:
            return None
        tense = ctx.tense(match.start(), match.end())
        if tense == "future":
            forward = True
        elif tense in ("perfect", None):
            backward = True
        else:
            return None
    days = count * spec.get("factor", 1)
    precision = spec["precision"]
    if backward:
        start = cal.shift(ref, spec["code"], -days)
        return Period("", start, ref, precision)
    return Period("", ref, cal.shift(ref, spec["code"], days), precision)


def resolve_ago(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "two years ago" → the year two before the reference; "a week ago" → that day;
    "years ago" → PAST_REF. "a year earlier", "two days later", "year-earlier" move from the
    date the text last named (its quarter or month kept: a year before 2023-Q3 is 2022-Q3)."""
    vague_unit = match.group("vunit")
    unit = unit_name(match.group("unit") or vague_unit or match.group("aunit")
                     or match.group("hunit") or "")
    number_text = match.group("num") or match.group("hnum")
    count = 1.0 if not number_text else number_value(number_text, ctx.vocab)
    spec = ctx.vocab.units.get(unit, {})
    vague = bool(vague_unit or (match.group("num") and is_vague(match.group("num"), ctx.vocab)))
    if spec.get("time") and count is not None:
        return clock_ago(match, ctx, None if vague else count * spec["days"])
    if count is None or "precision" not in spec:
        return None
    word = re.sub(r"\s+", " ", (match.group("dir") or match.group("vdir") or match.group("adir")
                                or match.group("hdir") or "").lower())
    # "year-ago", like "year-earlier", compares with the period the text last named
    anchored = word in ctx.vocab.words["anchored_ago"] or bool(match.group("aunit"))
    if ctx.reference is None:
        return Resolved("DATE", None, None, "unresolved", uses_anchor=anchored)
    sign = int({**ctx.vocab.words["ago"], **ctx.vocab.words["anchored_ago"],
                **ctx.vocab.words["hence_nouns"]}[word])
    if vague_unit or (match.group("num") and is_vague(match.group("num"), ctx.vocab)):
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        moved = cal.shift(ctx.reference, spec["code"], sign * 3 * spec.get("factor", 1))
        start, end = sorted((moved, ctx.reference))
        return relative(ctx, Period(value, start, end, spec["precision"]))
    months = sign * count * spec.get("factor", 1) * {"M": 1, "Q": 3, "Y": 12}.get(spec["code"], 0)
    base = story_reached(counted_from(ctx), ctx) if anchored else None
    quarter = ctx.main_quarter or ctx.last_period
    if (base is not None and base.precision == "day" and spec["precision"] == "year"
            and quarter is not None and quarter.precision == "quarter"
            and checks().measure_before.search(ctx.before(match.start(), 30))):
        # "second-quarter profit, reported on Thursday, rose from $4 million a year earlier":
        # the figure compared is the report's quarter's, not the reporting day's (nor that of
        # a quarter reached by comparing)
        base = quarter
    if base is not None and not cal.finer(base.precision, spec["precision"]):
        base = None
    if base is not None and base.start is not None and months and months.is_integer() and (
            base.precision in ("month", "quarter") and base.value[:4].isdigit()):
        moved_base = cal.add_months(base.start, int(months))
        period = (cal.quarter_of(moved_base) if base.precision == "quarter"
                  else cal.month(moved_base.year, moved_base.month))
        resolved = relative(ctx, period)
        resolved.uses_anchor = True
        return resolved
    coarse = _coarse_last(ctx) if anchored and base is None else None
    if coarse is not None:
        # "In February 2021 ... a week later": the named month moved by the measure, as
        # wide as it was (no day of it is known), not a week from the story's day
        step = sign * count * spec.get("factor", 1)
        first, last, precision = coarse
        start = cal.shift(first, spec["code"], step)
        named = ago_period(start, precision, unit)
        resolved = relative(ctx, Period(named.value, start, cal.shift(last, spec["code"], step),
                                        precision))
        resolved.uses_anchor = True
        return resolved
    origin = base.start if base is not None and base.start is not None else ctx.reference
    moved = cal.shift(origin, spec["code"], sign * count * spec.get("factor", 1))
    if moved in (cal.FIRST_DAY, cal.LAST_DAY):
        # "66 million years ago", "12,000 years ago": before (or after) any calendar year
        # sitrep writes, a time only known to lie in the past (or the future)
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        start, end = sorted((moved, origin))
        return relative(ctx, Period(value, start, end, spec["precision"]))
    precision = spec["precision"]
    if anchored and base is not None and base.precision == "year" and cal.finer(
            "year", precision):
        precision = "year"  # "in 1987 ... a decade later": a year, as the one it counts from
    resolved = relative(ctx, ago_period(moved, precision, unit))
    resolved.uses_anchor = anchored
    return resolved


def clock_ago(match: re.Match[str], ctx: Context, days: float | None) -> Resolved | None:
    """ "minutes ago", "hours ago": some time earlier (PAST_REF on the reference day); "two
    hours ago": the day it fell on. "hours later" counts from another event, not from now."""
    word = re.sub(r"\s+", " ", (match.group("dir") or match.group("vdir") or match.group("hdir")
                                or "").lower())
    deictic = {**ctx.vocab.words["ago"], **ctx.vocab.words["hence_nouns"]}
    if word not in deictic:
        return None
    sign = int(deictic[word])
    if ctx.reference is None:
        return Resolved("DATE", None, None, "unresolved")
    if days is None:
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return relative(ctx, Period(value, ctx.reference, ctx.reference, "day"))
    return relative(ctx, cal.day(cal.add_days(ctx.reference, sign * math.floor(days))))


def ago_period(moved: date, precision: str, unit: str) -> Period:
    """The period of the unit's precision that holds ``moved``."""
    if precision in ("day", "week"):
        return cal.day(moved)
    if precision == "month":
        return cal.month(moved.year, moved.month)
    if precision == "quarter":
        return cal.quarter_of(moved)
    if precision == "decade" and unit == "decade":
        return cal.decade(moved.year)
    return cal.year(moved.year)


def resolve_unit_long(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "a year-long inquiry", "a week-long strike": one unit's duration."""
    value, _ = duration_value(1, unit_name(match.group("unit")), ctx.vocab)
    return Resolved("DURATION", value, None, "explicit")


def resolve_vague_plural(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "for years", "in recent months", "decades-long": an unknown count of units."""
    unit = unit_name(match.group("unit") or match.group("unit2") or match.group("unit3")
                     or match.group("unit4") or "")
    value, spec = duration_value(None, unit, ctx.vocab)
    pre = re.sub(r"\s+", " ", (match.group("pre") or "").lower())
    ref = ctx.reference
    if match.group("unit4"):
        # "the years ahead", "months to come": an unknown count of units from now on
        if checks().count_before.search(ctx.before(match.start(), 24)):
            return None  # "two weeks away": a counted duration
        if ref is None or "precision" not in spec:
            return Resolved("DURATION", value, None, "explicit")
        end = cal.shift(ref, spec["code"], ctx.vocab.vague_quantities["several"] * spec.get(
            "factor", 1))
        return Resolved("DURATION", value, Period(value, ref, end, spec["precision"]),
                        "relative")
    if match.group("unit3"):
        # "days after the vote": a span measured from another event, not from the reference;
        # "hours later": from the day the text last named
        return after_last_day(match, spec, value, ctx)
    if ref is None or "precision" not in spec or "coming" in pre:
        return Resolved("DURATION", value, None, "explicit")
    count = ctx.vocab.vague_quantities["several"] * spec.get("factor", 1)
    start = cal.shift(ref, spec["code"], -count)
    return Resolved("DURATION", value, Period(value, start, ref, spec["precision"]), "relative")


def after_last_day(match: re.Match[str], spec: dict, value: str, ctx: Context) -> Resolved:
    """ "Hours later", "days earlier": an unknown count of units after (or before) the day the
    text last named, so a span from that day; "days after the vote" counts from an event whose
    day the tagger does not know, and has no span."""
    follow = re.match(r"\s+([^\W\d_]+)", ctx.text[match.end():])
    step = ctx.vocab.words["anchored_ago"].get(follow.group(1).lower()) if follow else None
    anchor = ctx.anchor or ctx.reference
    if step is None or anchor is None:
        return Resolved("DURATION", value, None, "explicit")
    reach = ctx.vocab.vague_quantities["several"] * spec.get("factor", 1)
    days = 1 if spec.get("time") else (cal.shift(anchor, spec["code"], reach) - anchor).days
    start, end = sorted((anchor, cal.add_days(anchor, int(step) * days)))
    coarse = _coarse_last(ctx)
    if coarse is not None:
        # "kidnapped in February 2021 and released days later": from the month the text
        # last named, not from the story's day
        first, last, _ = coarse
        start, end = ((first, cal.add_days(last, days)) if int(step) > 0
                      else (cal.add_days(first, -days), last))
    resolved = Resolved("DURATION", value, Period(value, start, end, None), "relative")
    resolved.uses_anchor = True
    return resolved


def counted_from(ctx: Context) -> Period | None:
    """What "two days later" counts from: the time the text last named, unless a past-perfect
    clause told it ("had closed the plant in May 2010"); then the day a story told
    in the past has reached by its own words ("the following Monday"), else the time last
    named outside such a clause ("orders rose in June ... they had dipped in May ... up from a
    year earlier": June's), as the clause looks back from there."""
    anchor, ref = ctx.anchor, ctx.reference
    if ctx.last_backstory and anchor is not None and ref is not None and anchor < ref and (
            ctx.story_anchor):
        return cal.day(anchor)
    if ctx.last_backstory and ctx.story_dated is not None:
        return ctx.story_dated
    return ctx.last_dated


def story_reached(last: Period | None, ctx: Context) -> Period | None:
    """What "two days later" counts from: the day the text last named, or a later day the
    story has reached since by words that count from it ("the following Friday", "on
    Tuesday" in a story told weeks back), which move the anchor but name no date of their own."""
    anchor = ctx.anchor
    if last is None or last.precision != "day" or last.start is None or anchor is None or \
            anchor == ctx.reference or anchor <= last.start:
        return last
    return cal.day(anchor)


def _coarse_last(ctx: Context) -> tuple[date, date, str] | None:
    """The period the text last named, when it is wider than a day and over before the
    story's day ("in February 2021"): what "days later" or "a week later" counts from,
    where no day of it is known (a day named last is the anchor itself)."""
    last = ctx.last_dated
    if last is None or last.precision in (None, "day") or last.start is None or \
            last.end is None or ctx.reference is None or last.end >= ctx.reference:
        return None
    return last.start, last.end, last.precision or "year"


def is_rate(match: re.Match[str], ctx: Context) -> bool:
    """ "a day" after an amount ("$10 a day", "twice a day", "300 barrels a day"): per day.
    The amount stands just before the count, not before a word that leads it ("and last a
    week")."""
    try:
        start = match.start("num")
    except IndexError:  # a pattern with no count group
        start = -1
    start = start if start >= 0 else match.start()
    return bool(checks().rate_before.search(ctx.before(start, 16))
                or checks().measure_before.search(ctx.before(start, 24)))


def resolve_set(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "every Monday", "every Saturday morning", "each June", "every evening", "weekly",
    "twice a year", "15 a year"."""
    if match.group("wd"):
        if not ctx.capitalised(match.group("wd")):
            return None
        number = ctx.vocab.weekdays[match.group("wd").lower()]
        part = match.group("wdpart")
        code = f"T{ctx.vocab.day_parts[part.lower()]}" if part else ""
        return Resolved("SET", f"XXXX-WXX-{number}{code}", None, "explicit")
    if match.group("smonth"):
        word = match.group("smonth")
        if not month_ok(word, ctx, match.start("smonth"), True):
            return None
        month = ctx.vocab.months[word.lower().rstrip(".")]
        return Resolved("SET", f"XXXX-{month:02d}", None, "explicit")
    if match.group("spart"):
        code = ctx.vocab.day_parts[match.group("spart").lower()]
        return Resolved("SET", f"XXXX-XX-XXT{code}", None, "explicit")
    if match.group("sseason"):
        if in_name(match, ctx, definite=False):
            return None
        code = ctx.vocab.seasons[match.group("sseason").lower()]["code"]
        return Resolved("SET", f"XXXX-{code}", None, "explicit")
    if match.group("word"):
        word = re.sub(r"\s+", " ", match.group("word").lower())
        if word.split()[0] in ctx.vocab.word_list("rate_set_leads") and not is_rate(match, ctx):
            return None
        if in_name(match, ctx):
            return None
        return Resolved("SET", ctx.vocab.sets[word], None, "explicit")
    unit = unit_name(match.group("unit") or match.group("unit2") or match.group("unit3") or "")
    count = number_value(match.group("n"), ctx.vocab) if match.group("n") else (
        2 if match.group("other") else 1)
    if match.group("n") and is_vague(match.group("n"), ctx.vocab):
        count = None  # "every few years": an unknown count of units
    value, _ = duration_value(count, unit, ctx.vocab)
    return Resolved("SET", value, None, "explicit")


def resolve_reference(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "now", "recently", "the future": PRESENT_REF, PAST_REF, FUTURE_REF with a window."""
    word = re.sub(r"\s+", " ", match.group("word").lower())
    spec = ctx.vocab.references[word]
    if ctx.text[match.end():match.end() + 1] == "-":
        return None
    if word == "now" and re.match(r"\s+that\b", ctx.text[match.end():]):
        return None
    if checks().relation_after.match(ctx.text[match.end():]):
        return None  # "shortly before the vote": a time relative to an event, not to now
    if checks().degree_before.search(ctx.before(match.start(), 12)) and \
            checks().degree_after.match(ctx.text[match.end():]):
        return None  # "as soon as the roads reopen": a degree, not a time
    if word == "the moment" and not checks().moment_frame.search(ctx.before(match.start())):
        return None
    if word.startswith("the ") and checks().count_after.match(ctx.text[match.end():]):
        return None  # "the past five sessions": a count of things, not the past
    ref = ctx.reference
    if ref is None:
        return Resolved("DATE", spec["value"], None, "unresolved")
    before, after = spec["days_before"], spec["days_after"]
    start = cal.add_days(ref, -before) if before is not None else None
    end = cal.add_days(ref, after) if after is not None else None
    precision = "day" if before == 0 and after == 0 else "month" if (before or after) else None
    return Resolved("DATE", spec["value"], Period(spec["value"], start, end, precision),
                    "relative")


def resolve_same_period(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the same period last year": the period the text last named, a year earlier."""
    base = ctx.last_period
    if base is None or base.start is None or base.end is None:
        return Resolved("DATE", None, None, "unresolved", uses_anchor=True)
    start, end = cal.add_months(base.start, -12), cal.add_months(base.end, -12)
    value = str(start.year) + base.value[4:] if base.value[:4].isdigit() else None
    if base.precision == "week":
        value = cal.week(start).value
    return Resolved("DATE", value, Period(value or "", start, end, base.precision), "relative",
                    uses_anchor=True)


def resolve_event_offset(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the day before the vote", "the week after the coup": one unit measured from another
    event, a duration whose place on the calendar the event it is measured from gives
    (``sitrep.resolve.times.anchors``), never the reference."""
    value, _ = duration_value(1, unit_name(match.group("unit")), ctx.vocab)
    return Resolved("DURATION", value, None, "explicit")


RESOLVERS: dict[str, Resolver] = {
    "mdy": resolve_calendar_date,
    "dmy": resolve_calendar_date,
    "day_of_month": resolve_day_of_month,
    "numeric": resolve_numeric,
    "time": resolve_time,
    "fiscal": resolve_fiscal,
    "half": resolve_half,
    "quarter": resolve_quarter,
    "season": resolve_season,
    "season_ago": resolve_season_ago,
    "month_week": resolve_month_week,
    "month": resolve_month,
    "decade": resolve_decade,
    "century": resolve_century,
    "year_range": resolve_year_range,
    "year": resolve_year,
    "relative_day": resolve_relative_day,
    "weekday": resolve_weekday,
    "event_offset": resolve_event_offset,
    "relative_unit": resolve_relative_unit,
    "ago": resolve_ago,
    "set": resolve_set,
    "duration": resolve_duration,
    "unit_long": resolve_unit_long,
    "vague_plural": resolve_vague_plural,
    "holiday": resolve_holiday,
    "anaphor": resolve_anaphor,
    "same_period": resolve_same_period,
    "reference": resolve_reference,
}
