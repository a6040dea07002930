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
MODIFIER = (r"(?:early|mid|late|the\s+(?:beginning|start|end|middle|close)\s+of|"
            r"the\s+(?:first|second)\s+half\s+of)")
REL = r"(?:this|last|next|coming|past|previous|current|the\s+(?:previous|following|past|"
REL += r"coming|last|next|current))"
UNIT_ADJECTIVE = r"(?:(?:trading|business|working|straight|consecutive|full|calendar|long)\s+)?"


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
    tens = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    ones = "(?:one|two|three|four|five|six|seven|eight|nine)"
    words = alternation(vocab.numbers)
    return rf"(?:\d+(?:\.\d+)?|{tens}[\s-]{ones}|{words})"


def build(vocab: Vocabulary) -> Grammar:
    month = month_pattern(vocab)
    weekday = alternation(vocab.weekdays)
    season = alternation(vocab.seasons)
    number = number_pattern(vocab)
    vague = alternation(vocab.vague_quantities)
    zones = alternation(z.lower() for z in vocab.timezones)
    part = alternation(vocab.day_parts)
    unit = (r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|"
            r"centur(?:y|ie))")
    relword = alternation(vocab.relative_words)
    reference = alternation(vocab.references)
    sets = alternation(vocab.sets)
    holiday = alternation(vocab.holidays)
    wd_prefix = rf"(?:(?P<wd>{weekday})\s*,?\s+)?"
    clock = (
        r"(?P<h>[012]?\d)[:.](?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)?"
        r"|(?P<h2>1[0-2]|0?[1-9])\s*(?P<ampm2>[ap]\.?\s?m\b\.?)"
        rf"|(?P<h3>[01]\d|2[0-3])(?P<mi3>[0-5]\d)(?=\s*(?:hours\s+|hrs\s+)?{zones}\b)"
        r"|(?P<named>noon|midnight)"
    )
    offset = r"(?:\s*\(\s*(?:gmt|utc)\s*(?P<off>[+-]\s*\d{1,2}(?::?\d{2})?)\s*\))"
    sources = {
        "mdy": rf"\b{wd_prefix}(?P<month>{month})\s+(?P<day>{DAY})\b(?!\s*(?:%|:\d))"
               rf"(?:\s*,?\s*(?P<year>{YEAR})\b)?",
        "dmy": rf"\b{wd_prefix}(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{month})(?!\w)"
               rf"(?:\s*,?\s*(?P<year>{YEAR})\b)?",
        "numeric": r"\b(?P<num>\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|"
                   r"\d{1,2}\.\d{1,2}\.\d{4})\b",
        "time": rf"(?<![\w:.])(?:{clock})(?:\s*(?P<tz>{zones})\b)?{offset}?",
        "quarter": rf"\b(?:(?P<mod>{MODIFIER})\s*-?\s*)?(?:the\s+)?(?P<ord>first|second|third|"
                   rf"fourth|final|last|1st|2nd|3rd|4th)[\s-]+quarter\b(?:\s+of\s+(?:(?P<year>"
                   rf"{YEAR})|(?P<rel>this|last|next|the\s+previous)\s+year)|\s*,?\s*(?P<year2>"
                   rf"{YEAR})\b)?|\b(?P<q>q[1-4])\b(?:\s*(?P<year3>{YEAR})\b)?",
        "season": rf"\b(?:(?P<mod>{MODIFIER})\s*-?\s*)?(?:(?P<rel>this|last|next|past|coming)\s+)?"
                  rf"(?P<season>{season})\b(?:\s+(?:of\s+)?(?P<year>{YEAR})\b)?",
        "month": rf"\b(?:(?P<mod>{MODIFIER})\s*-?\s*)?(?:(?P<rel>last|next|this|coming|past)\s+)?"
                 rf"(?P<month>{month})(?!\w)(?:\s*,?\s*(?:of\s+)?(?P<year>{YEAR})\b|\s+(?P<relyear>"
                 rf"last|this|next)\s+year|\s+of\s+(?P<relyear2>last|this|next)\s+year)?",
        "decade": rf"\b(?:the\s+)?(?:(?P<mod>{MODIFIER})\s*-?\s*)?(?:(?P<cent>1[5-9]|20)"
                  rf"(?P<d>\d)0s|(?<!\w)'?(?P<dd>\d)0s)\b",
        "century": r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century\b",
        "year_range": rf"\b(?P<y1>{YEAR})\s*[-–/]\s*(?P<y2>\d\d|{YEAR})\b(?![-–/.]\d)",
        "year": rf"(?:\b(?P<mod>{MODIFIER})\s*-?\s*|(?<![\w$£€#.,-]))(?:(?P<year>{YEAR})|"
                rf"'(?P<yy>\d\d))\b(?![.,]\d|\s*(?:%|percent|per\s+cent)|-\d)",
        "relative_day": rf"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?P<word>{relword})\b"
                        rf"(?:\s+(?P<part>{part})\b)?|\b(?P<rel>this|last|tomorrow|yesterday)\s+"
                        rf"(?P<part2>{part})\b",
        "weekday": rf"\b(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<wd>{weekday})\b"
                   rf"(?:\s+(?P<part>{part})\b)?",
        "relative_unit": rf"\b(?:(?P<mod>{MODIFIER}|earlier|later)\s+)?(?P<rel>{REL})\s+"
                         r"(?P<unit>week|weekend|month|year|quarter|decade|century)\b"
                         r"|\bthe\s+(?P<unit2>year|month|week)\s+(?P<rel2>previous|before)\b"
                         rf"|\b(?P<mod4>{MODIFIER})\s+the\s+(?P<unit4>year|month|week)\b"
                         r"|\b(?P<unit3>weekend)\b",
        "ago": rf"\b(?P<num>{number}|{vague})(?:\s+and\s+a\s+half)?\s+{UNIT_ADJECTIVE}"
               rf"(?P<unit>{unit})s?\s+(?P<dir>ago|from\s+now|hence)\b",
        "duration": rf"\b(?P<lead>(?:in|over|during|for|within)\s+(?=the\s))?"
                    rf"(?P<pre>(?:the\s+)?(?:past|last|next|coming|"
                    rf"previous|first|following)\s+|(?:nearly|almost|about|around|roughly|"
                    rf"more\s+than|less\s+than|at\s+least|up\s+to|over|some)\s+)?"
                    rf"(?P<num>{number}|{vague})(?P<half>\s+and\s+a\s+half)?(?:\s*-\s*|\s+)"
                    rf"{UNIT_ADJECTIVE}(?P<unit>{unit})(?P<plural>s)?\b(?!-\w)",
        "vague_plural": r"\b(?:(?P<lead>(?:for|in|in\s+just|within)\s+)|(?P<pre>over\s+the|"
                        r"in\s+recent|recent|for\s+many|the\s+past\s+few|the\s+last\s+few|"
                        r"in\s+the\s+coming|the\s+coming)\s+)"
                        r"(?P<unit>year|decade|month|week|day|hour|minute)s\b"
                        r"|\b(?P<unit2>year|decade|month|week)s-long\b",
        "set": rf"\b(?:(?:every|each)\s+(?:other\s+)?(?P<wd>{weekday})|(?P<word>{sets})"
               rf"|(?P<times>once|twice|{number}\s+times)\s+(?:a|an|per|each|every)\s+"
               rf"(?P<unit>day|week|month|year|hour)|(?:every|each)\s+(?P<n>{number})\s+"
               rf"(?P<unit2>day|week|month|year|hour)s)\b",
        "holiday": rf"\b(?P<holiday>{holiday})\b(?:\s+(?P<year>{YEAR})\b)?",
        "anaphor": r"\b(?:that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+"
                   r"(?P<unit>day|week|month|year)\b|\bthat\s+(?P<time>time)\b"
                   r"|\b(?P<bare>(?:(?:late|early|later|earlier)\s+in\s+)?the\s+day)\b"
                   r"(?!\s+(?:of|when|that|before|after|'s)\b)",
        "same_period": r"\b(?:the\s+)?same\s+(?P<unit>period|month|quarter|week|time|day)\s+"
                       r"(?:of\s+)?(?:the\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier|before)|"
                       r"the\s+previous\s+year|(?P<prior>the\s+prior\s+year))\b",
        "reference": rf"\b(?P<word>{reference})\b",
    }
    compiled = tuple((name, re.compile(src)) for name, src in sources.items())
    return Grammar(patterns=compiled, number=number, vague=vague)


@cache
def grammar() -> Grammar:
    return build(load_vocabulary())
