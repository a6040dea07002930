"""Regular expressions for time expressions, built once from the vocabulary.

Each pattern finds candidates only; :mod:`sitrep.resolve.times.rules` turns a match into a value.
Patterns are written in lower case and run over a lower-cased copy of the text (twice as fast
as case-insensitive matching); rules check capitals in the original text where a word is also
an ordinary word ("May", "March", "spring") or a time zone ("IST").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitrep.resolve.times.vocabulary import Vocabulary, load_vocabulary

YEAR = r"(?:1[5-9]\d\d|20\d\d)"
DAY = r"(?:[012]?\d|3[01])(?:st|nd|rd|th)?"


def alternation(words: object) -> str:
    """A regex alternation of words, longest first so "sept" beats "sep"."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


@dataclass(frozen=True, slots=True)
class Grammar:
    """The compiled patterns, by rule name, in priority order (earlier wins a tie)."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    number: str
    vague: str


def month_pattern(vocab: Vocabulary) -> str:
    """Full month names, or abbreviations with an optional full stop ("Sept.")."""
    full: dict[int, str] = {}
    for word, number in vocab.months.items():
        if len(word) > len(full.get(number, "")):
            full[number] = word
    short = [w for w in vocab.months if w not in full.values()]
    return f"(?:{alternation(full.values())}|{alternation(short)}\\.?)"


def number_pattern(vocab: Vocabulary) -> str:
    """Numerals, number words, and compounds of a tens word and a ones word ("twenty-one"),
    both read from the vocabulary's numbers."""
    tens = alternation(w for w, n in vocab.numbers.items()
                       if w.isalpha() and 20 <= n < 100 and n % 10 == 0)
    ones = alternation(w for w, n in vocab.numbers.items()
                       if w.isalpha() and 1 <= n <= 9 and len(w) > 2)
    words = alternation(vocab.numbers)
    # "1,000", "2.5", "2 1/2"; never the tail of a longer number ("000" of "1,000")
    numeral = r"(?<![\d,./])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+[1-3]/[2-4])?(?![\d/])"
    return rf"(?:{numeral}|{tens}[\s-]{ones}|{words})"


def unit_pattern(vocab: Vocabulary) -> str:
    """Unit words before an optional plural ``s``: "century" becomes ``centur(?:y|ie)``."""
    stems = []
    for word in sorted(vocab.units, key=len, reverse=True):
        if word.endswith("y") and word[-2:-1] not in "aeiou":
            stems.append(re.escape(word[:-1]) + "(?:y|ie)")
        else:
            stems.append(re.escape(word))
    return "(?:" + "|".join(stems) + ")"


def modifier_pattern(vocab: Vocabulary) -> str:
    """ "early", "mid", "the end of", "the first half of" (``modifiers``)."""
    return alternation(w for w in vocab.modifiers if w != "the mid")


def relative_pattern(vocab: Vocabulary, article: bool = True) -> str:
    """ "last", "next", "the previous", "the coming" (``words.relative``)."""
    plain = alternation(vocab.word_list("relative"))
    return rf"(?:(?:the\s+)?{plain})" if article else plain


def build(vocab: Vocabulary) -> Grammar:
    """Compile every pattern from the vocabulary's word lists."""
    words = vocab.word_list
    month = month_pattern(vocab)
    weekday = alternation(vocab.weekdays)
    season = alternation(vocab.seasons)
    number = number_pattern(vocab)
    vague = alternation(vocab.vague_quantities)
    zones = alternation([*(z.lower() for z in vocab.timezones), *words("zone_names")])
    part = alternation(vocab.day_parts)
    unit = unit_pattern(vocab)
    modifier = modifier_pattern(vocab)
    rel = relative_pattern(vocab)
    bare_rel = relative_pattern(vocab, article=False)
    ordinal = alternation(vocab.ordinals)
    relword = alternation(vocab.relative_words)
    reference = alternation(vocab.references)
    sets = alternation(vocab.sets)
    holiday = alternation([*vocab.holidays, *vocab.movable_holidays]).replace("'", "['’]")
    unit_adjective = rf"(?:{alternation(words('unit_adjectives'))}\s+)?"
    approximator = alternation(words("approximators"))
    ago = alternation([*words("ago"), *words("anchored_ago")])
    deictic_ago = alternation(words("ago"))
    fiscal = alternation(words("fiscal"))
    fiscal_short = alternation(words("fiscal_abbreviations"))
    decade_words = alternation(words("decade_words"))
    anaphoric = alternation(words("anaphoric_relative"))
    before_after = alternation(words("anaphor_after"))
    named_clock = alternation(words("named_clock"))
    clock_suffix = alternation(words("clock_suffixes"))
    utc = alternation(words("utc_names"))
    every = alternation(words("set_quantifiers"))
    per = alternation(words("set_per"))
    counts = alternation(words("set_counts"))
    anaphor = alternation(words("anaphor_determiners"))
    # one fixed-width look-behind a word: "by evening", "until morning"
    part_leads = "|".join(rf"(?<=\b{re.escape(w)}\s)" for w in words("bare_part_leads"))
    same_tail = alternation(words("same_period_tails"))
    plural_lead = alternation(words("vague_plural_leads"))
    plural_frame = alternation(words("vague_plural_frames"))
    duration_lead = alternation(words("duration_leads"))
    shifts = alternation(words("relative_modifiers"))
    period_units = alternation(words("calendar_units"))
    span_units = alternation(words("span_units"))
    rel_span = alternation(w for w, step in vocab.words["relative"].items() if int(step) != 0)
    period_end = alternation(words("period_end_suffixes"))
    plural_follows = alternation(words("vague_plural_follows"))
    plural_tails = alternation(words("vague_plural_tails"))
    local = alternation(words("clock_local"))
    wd_prefix = rf"(?:(?P<wd>{weekday})\s*,?\s+)?"
    part_modifier = alternation(w for w in vocab.modifiers if " " not in w)
    # "April 2 last year": a day in the year a relative word names
    rel_year = rf"\s+(?P<relyear>{bare_rel})\s+year\b"
    # "2019's third quarter", "last year's first half": a part of the year named before it
    owner_year = rf"(?:(?P<pyear>{YEAR})|(?P<prel>{bare_rel})\s+year)['’]s\s+"
    clock = (
        r"(?P<h>[012]?\d)[:.](?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?\s*(?P<ampm>(?:[ap]\.\s?m\b\.?|[ap]\s?m\b))?"
        r"|(?P<h2>1[0-2]|0?[1-9])\s*(?P<ampm2>(?:[ap]\.\s?m\b\.?|[ap]\s?m\b))"
        rf"|(?P<h3>[01]\d|2[0-3])(?P<mi3>[0-5]\d)(?:\s*{clock_suffix}\b(?!\s+of\b)|(?=\s*{zones}\b))"
        rf"|(?P<named>{named_clock})"
        rf"|(?P<h4>{number})\s+{alternation(words('clock_hour_words'))}"
        # "5 in the morning": an hour its part of the day frames
        rf"|(?P<h5>1[0-2]|0?[1-9]|{number})(?=\s+in\s+the\s+{part}\b)"
    )
    offset = rf"(?:\s*\(\s*{utc}\s*(?P<off>[+-]\s*\d{{1,2}}(?::?\d{{2}})?)\s*\))"
    sources = {
        "mdy": rf"\b{wd_prefix}(?P<month>{month})\s+(?P<day>{DAY})\b(?!\s*(?:%|:\d))"
               rf"(?:\s*,?\s*(?P<year>{YEAR})\b|{rel_year})?",
        "dmy": rf"\b{wd_prefix}(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{month})(?!\w)"
               rf"(?:\s*,?\s*(?P<year>{YEAR})\b|{rel_year})?",
        "day_of_month": rf"\b(?P<lead>{alternation(words('day_of_month_leads'))}\s+)the\s+"
                        r"(?P<dom>[012]?\d|3[01])(?:st|nd|rd|th)\b(?!\s*(?:of\b|[a-z]))",
        "numeric": r"\b(?P<num>\d{4}-\d{2}-\d{2}|\d{4}/\d{1,2}/\d{1,2}|"
                   r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}\.\d{1,2}\.\d{4})\b",
        "time": rf"(?<![\w:.])(?:{clock})(?:\s*(?P<tz>{zones})\b)?{offset}?"
                rf"(?:\s+(?P<local>{local})\b)?(?:\s*\bin\s+the\s+(?P<ppart>{part})\b)?",
        "quarter": r"\bthe\s+(?P<bare>quarter)\b(?!\s+of\b)"
                   rf"|\b(?:{owner_year})?(?:(?P<mod>{modifier})\s*-?\s*)?(?:the\s+)?"
                   rf"(?P<ord>{ordinal})[\s-]+"
                   rf"quarter\b(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>{rel})\s+year)|\s*,?\s*"
                   rf"(?P<year2>{YEAR})\b)?|\b(?P<q>q[1-4])\b(?:\s*(?P<year3>{YEAR})\b)?"
                   # "the April-June quarter": a quarter named by its first and last months
                   rf"|\b(?:the\s+)?(?P<m1>{month})\s*(?:[-–]\s*(?:to[-–]\s*)?|\s+to\s+)"
                   rf"(?P<m2>{month})\s+(?:quarter|{alternation(words('quarter_periods'))})\b"
                   rf"(?:\s+of\s+(?P<year4>{YEAR})\b)?"
                   # "the December quarter": the quarter that month ends
                   rf"|\bthe\s+(?P<mq>{month})\s+quarter\b(?:\s+of\s+(?P<year6>{YEAR})\b)?"
                   # "the third period" of a report that reckons in quarters
                   rf"|\bthe\s+(?P<pord>{alternation(words('quarter_period_ordinals'))})\s+"
                   rf"{alternation(words('quarter_periods'))}\b(?:\s+of\s+(?P<year5>{YEAR})\b)?",
        "season": rf"\b(?:(?P<det>{anaphor})\s+)?(?:the\s+)?(?:(?P<mod>{modifier})\s*-?\s*)?"
                  rf"(?:(?P<rel>{bare_rel})\s+)?"
                  rf"(?P<season>{season})\b(?:\s+(?:of\s+)?(?P<year>{YEAR})\b"
                  rf"|\s+of\s+(?P<relyear>{bare_rel})\s+year\b)?",
        # "three winters ago": a season counted back by its name
        "season_ago": rf"\b(?P<num>{number})\s+(?P<season>{season})s\s+(?P<dir>{deictic_ago})\b",
        "month_week": rf"\b(?:the\s+)?(?P<ord>{ordinal})\s+(?P<wk>weekend|week)\s+of\s+"
                      rf"(?P<month>{month})(?!\w)"
                      rf"(?:\s*,?\s*(?:of\s+)?(?P<year>{YEAR})\b)?",
        "month": rf"\b(?:(?P<mod>{modifier})\s*-?\s*)?(?:(?P<rel>{bare_rel})\s+)?"
                 rf"(?P<month>{month})(?!\w)(?:\s*,?\s*(?:of\s+)?(?P<year>{YEAR})\b|\s+(?P<relyear>"
                 rf"{bare_rel})\s+year|\s+of\s+(?P<relyear2>{bare_rel})\s+year)?",
        "decade": rf"\b(?:the\s+)?(?:(?P<mod>{modifier})\s*-?\s*)?(?:(?P<cent>1[5-9]|20)"
                  rf"(?P<d>\d)0s|(?<!\w)'?(?P<dd>\d)0s)\b"
                  rf"|\bthe\s+(?:(?P<mod2>{modifier})\s*-?\s*)?(?P<word>{decade_words})\b",
        "century": rf"\b(?:the\s+)?(?:(?P<mod>{modifier})\s*-?\s*)?"
                   r"(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century\b",
        "year_range": rf"\b(?P<y1>{YEAR})\s*[-–/]\s*(?P<y2>\d\d|{YEAR})\b(?![-–/.]\d)",
        # "the year 2000": the noun and its number are one expression
        "year": rf"(?:\b(?P<mod>{modifier})\s*-?\s*|\bthe\s+year\s+|(?<![\w$£€#.,-]))"
                rf"(?:(?P<year>{YEAR})|"
                rf"'(?P<yy>\d\d))\b(?![.,]\d|\s*(?:%|percent|per\s+cent)|-\d)",
        "relative_day": rf"\b(?:(?P<mod>{shifts}|early|late)\s+)?(?P<word>{relword})\b"
                        rf"(?:\s+(?P<part>{part})\b)?|\b(?P<rel>this|last|{relword})\s+"
                        rf"(?P<part2>{part})\b",
        # "late Sunday": the modifier is part of the expression, the value the day's
        "weekday": rf"\b(?:(?:early|late)\s+)?(?:(?P<rel>{bare_rel})\s+)?(?P<wd>{weekday})\b"
                   rf"(?:\s+(?P<part>{part})\b)?",
        # "the day before the vote", "the week after the coup": one unit from another event
        "event_offset": rf"\bthe\s+(?P<unit>day|{period_units})\s+(?P<dir>{before_after})"
                        rf"(?=\s+(?:{alternation(words('event_offset_determiners'))})\s)",
        "relative_unit": rf"\b(?:(?P<mod>{modifier}|{shifts})\s+)?(?P<rel>{rel})\s+"
                         rf"(?P<unit>weekend|{period_units})\b"
                         # "the past fortnight", "the next fortnight": a unit the calendar does
                         # not count in reads only as a span from the reference
                         rf"|\bthe\s+(?P<srel>{rel_span})\s+(?P<sunit>{span_units})\b"
                         rf"|\b(?P<unit5>{period_units})[\s-]{period_end}\b"
                         rf"|\bthe\s+(?P<unit2>{period_units})\s+(?P<rel2>{anaphoric})\b"
                         rf"|\b(?P<mod4>{modifier})\s+the\s+(?P<unit4>{period_units})\b"
                         r"|\b(?:the\s+)?(?P<unit3>weekend)\b",
        "ago": rf"\b(?:{approximator}\s+)?(?P<num>{number}|{vague})(?:\s+and\s+a\s+half)?\s+"
               rf"{unit_adjective}(?P<unit>{unit})s?\s+(?P<dir>{ago})\b(?!\s+than\b)"
               rf"|\b(?P<vunit>{unit})s\s+(?P<vdir>{deictic_ago})\b"
               rf"|\b(?P<aunit>{period_units})-(?P<adir>{ago})\b"
               # "in a month's time", "in two weeks' time": so long from the reference
               rf"|(?<=\bin\s)(?P<hnum>{number})\s+(?P<hunit>{unit})s?['’]s?\s+"
               rf"(?P<hdir>{alternation(words('hence_nouns'))})\b",
        "fiscal": rf"\b{fiscal}\s+(?:year\s+)?(?P<year>{YEAR})\b"
                  rf"|\b{fiscal_short}\s?'?(?P<fyear>{YEAR}|\d\d)\b"
                  rf"|\b(?P<rel>{rel})\s+{fiscal}\s+year\b"
                  rf"|\bthe\s+(?P<year4>{YEAR})\s+{fiscal}\s+year\b",
        "half": rf"\b(?:{owner_year})?(?:(?P<the>the)\s+)?(?P<ord>{ordinal})[\s-]+half\b"
                rf"(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>{rel})\s+year|the\s+(?P<same>year)))?"
                r"(?!\s+of\b)"
                rf"|\b(?P<h>h[12])\s*(?P<year3>{YEAR})\b",  # "H1 2023": the code with its year
        "duration": rf"\b(?P<lead>{duration_lead}\s+(?=the\s))?"
                    rf"(?P<pre>(?:the\s+)?(?:{bare_rel}|first)\s+(?!an?\s)|{approximator}\s+"
                    # "the six months": the article too, but not an adjective's ("the
                    # 10-year note")
                    r"|the\s+(?!an?\s)(?![^\s-]+-))?"
                    rf"(?:(?P<low>{number})\s*{alternation(words('count_range_joins'))}\s*)?"
                    rf"(?P<num>{number}|{vague})(?P<half>\s+and\s+a\s+half)?(?:\s*-\s*|\s+)"
                    rf"{unit_adjective}(?P<unit>{unit})(?P<plural>s)?\b(?!-(?!long\b)\w)"
                    r"(?P<half2>\s+and\s+a\s+half\b)?",
        # "a year-long inquiry", "a decade-long war": one unit long
        "unit_long": rf"(?<![\w-])(?P<unit>{unit})-long\b",
        "vague_plural": rf"\b(?:(?P<lead>{plural_lead}\s+)|(?P<pre>{plural_frame})\s+)"
                        rf"(?P<unit>{unit})s\b(?!\s+{plural_tails}\b)"
                        rf"|\b(?P<unit2>{unit})s-long\b"
                        rf"|(?<![\w-])(?P<unit3>{unit})s(?=\s+{plural_follows}\b)"
                        rf"|\b(?:the\s+)?(?P<unit4>{unit})s\s+{plural_tails}\b",
        # "every Monday", "each June", "every evening", "each winter", "every Saturday
        # morning": a calendar name that recurs
        "set": rf"\b(?:{every}\s+(?:other\s+)?(?P<wd>{weekday})(?:\s+(?P<wdpart>{part}))?"
               rf"|(?P<word>{sets})"
               rf"|{every}\s+(?P<smonth>{month})(?!\w)(?!\s+(?:\d|of\b))"
               rf"|{every}\s+(?P<spart>{part})|{every}\s+(?P<sseason>{season})"
               rf"|(?P<times>{counts}|{number}\s+times)\s+{per}\s+"
               rf"(?P<unit>{unit})|{every}\s+(?P<n>{number}|{vague})\s+"
               rf"(?P<unit2>{unit})s|{every}\s+(?P<other>other)\s+(?P<unit3>{unit}))\b",
        "holiday": rf"\b(?P<holiday>{holiday})(?!\w)(?:\s*,?\s+(?P<year>{YEAR})\b)?"
                   r"(?:\s+(?P<wkend>weekend)\b)?",
        "anaphor": rf"\b(?P<det>{anaphor})\s+(?P<unit>day|{period_units})\b"
                   # "that Thursday": a weekday of the week the story has reached
                   rf"|\b(?P<wdet>{alternation(words('weekday_anaphors'))})\s+"
                   rf"(?P<awd>{weekday})\b(?!['’]s)"
                   rf"|\b(?P<pdet>{anaphor})\s+(?P<dpart>{part})\b"
                   r"|\bthat\s+(?P<time>time)\b"
                   rf"|\b(?P<lead>{alternation(words('period_frames'))}\s+)the\s+"
                   rf"(?P<focus>{period_units})\b"
                   rf"(?!['’]s|\s+{alternation(words('day_not_followed_by'))}\b)"
                   rf"|\b(?:late|early|{shifts})\s+in\s+the\s+(?P<within>{period_units})\b(?!\s+of\b)"
                   rf"|\bthe\s+day\s+(?P<after>{before_after})(?=\s*(?:[,.;:!?)]|$))"
                   rf"|\b(?P<bare>(?:(?:late|early|{shifts})\s+in\s+)?the\s+day)\b"
                   rf"(?!\s+{alternation(words('day_not_followed_by'))}\b)"
                   rf"|\bthe\s+(?P<bpart>{part})\b"
                   rf"(?!\s+{alternation(words('day_not_followed_by'))}\b)"
                   # "by evening": a bare part of the day after a word that bounds it
                   rf"|(?:{part_leads})"
                   rf"(?P<lpart>{part})\b(?!\s+{alternation(words('day_not_followed_by'))}\b)"
                   # "by mid-morning", "in the late afternoon": a part of the day a modifier
                   # marks as a time of its own
                   rf"|\b(?:the\s+)?(?P<mmod>{part_modifier})[\s-]+(?P<mpart>{part})\b"
                   rf"(?!\s+{alternation(words('day_not_followed_by'))}\b)",
        "same_period": rf"\b(?:the\s+)?same\s+(?P<unit>period|time|day|{period_units})\s+"
                       rf"(?:of\s+)?(?:the\s+)?(?P<tail>{same_tail})\b",
        "reference": rf"\b(?P<word>{reference})\b",
    }
    compiled = tuple((name, re.compile(src)) for name, src in sources.items())
    return Grammar(patterns=compiled, number=number, vague=vague)


@cache
def grammar() -> Grammar:
    """The patterns, compiled once per process."""
    return build(load_vocabulary())
