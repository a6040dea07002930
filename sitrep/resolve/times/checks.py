"""Context checks the resolvers run around a match, compiled once from the vocabulary.

A pattern finds a candidate; these look at the words just before or after it to accept or
reject it ("4,000 troops" is no year, "by June" leans ahead). Every word comes from
``vocabulary.json``'s ``words`` (and the calendar and units tables).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitrep.resolve.times.grammar import alternation, number_pattern
from sitrep.resolve.times.vocabulary import Vocabulary, load_vocabulary


@dataclass(frozen=True, slots=True)
class Checks:
    """Compiled checks, each named for the question it answers."""

    deadline: re.Pattern[str]
    deadline_day: re.Pattern[str]
    target: re.Pattern[str]
    listed_day: re.Pattern[str]
    since: re.Pattern[str]
    date_prefix: re.Pattern[str]
    counted_noun: re.Pattern[str]
    clock_after: re.Pattern[str]
    number_marker: re.Pattern[str]
    short_year_prefix: re.Pattern[str]
    season_noun: re.Pattern[str]
    kind_article: re.Pattern[str]
    season_frame: re.Pattern[str]
    day_frame: re.Pattern[str]
    clock_preposition: re.Pattern[str]
    rate_before: re.Pattern[str]
    forward_lead: re.Pattern[str]
    span_lead: re.Pattern[str]
    next_span_lead: re.Pattern[str]
    reached_deadline: re.Pattern[str]
    match_cue: re.Pattern[str]
    count_before: re.Pattern[str]
    count_after: re.Pattern[str]
    relation_after: re.Pattern[str]
    event_link: re.Pattern[str]
    moment_frame: re.Pattern[str]
    degree_before: re.Pattern[str]
    degree_after: re.Pattern[str]
    age_after: re.Pattern[str]
    age_decade: re.Pattern[str]
    measure_before: re.Pattern[str]
    fraction_after: re.Pattern[str]


def build(vocab: Vocabulary) -> Checks:
    """Compile the checks; all are case-insensitive and anchored at the match's edge."""
    words = vocab.word_list
    flags = re.IGNORECASE
    modifier = alternation(w for w, code in vocab.modifiers.items() if " " not in w)
    stops = alternation(words("season_stops"))
    zones = alternation([*words("clock_suffixes"), *words("utc_names")])
    since = [word for word, kind in vocab.words["range_signals"].items() if kind == "since"]
    count_words = alternation(w for w, n in vocab.numbers.items()
                              if " " not in w and n >= 2 and w.isalpha())
    return Checks(
        deadline=re.compile(rf"\b{alternation(words('deadline_signals'))}\s+"
                            rf"(?:{modifier}[\s-]*)?$", flags),
        deadline_day=re.compile(rf"\b{alternation(words('deadline_day_leads'))}\s+$", flags),
        listed_day=re.compile(rf"\b{alternation(vocab.weekdays)}\.?\s*,?\s+"
                              rf"{alternation(words('list_joiners'))}\s+$", flags),
        target=re.compile(rf"\b{alternation(words('target_signals'))}\s+"
                          rf"(?:{modifier}[\s-]*)?$", flags),
        since=re.compile(rf"\b{alternation(since)}\s+(?:the\s+)?(?:{modifier}[\s-]*)?$", flags),
        date_prefix=re.compile(rf"\b{alternation(words('date_prefixes'))}[\s-]+$", flags),
        counted_noun=re.compile(rf"^\s*(?:[a-z]+\s+)?{alternation(words('year_counted_nouns'))}"
                                r"\b", flags),
        clock_after=re.compile(rf"\s*(?:{zones}|h)\b", flags),
        number_marker=re.compile(rf"(?:^|(?<=\W)){alternation(words('year_number_markers'))}"
                                 r"\s*$", flags),
        short_year_prefix=re.compile(rf"\b{alternation(words('short_year_prefixes'))}\s+$",
                                     flags),
        season_noun=re.compile(rf"\s+(?!{stops}\b)[a-z]"),
        kind_article=re.compile(rf"\b{alternation(words('kind_articles'))}\s+$", flags),
        season_frame=re.compile(rf"\b{alternation(words('season_frames'))}\s+(?:the\s+)?$",
                                flags),
        day_frame=re.compile(rf"\b{alternation(words('day_frames'))}\s+$", flags),
        clock_preposition=re.compile(rf"\b{alternation(words('clock_prepositions'))}\s+$",
                                     flags),
        rate_before=re.compile(rf"(?:\d|\b{alternation(words('set_rate_cues'))})\s*$", flags),
        forward_lead=re.compile(rf"\b{alternation(words('forward_leads'))}\s+$", flags),
        span_lead=re.compile(rf"\b{alternation(words('span_leads'))}\s+$", flags),
        count_before=re.compile(rf"\b{number_pattern(vocab)}\s*-?\s*$", flags),
        count_after=re.compile(rf"\s+{number_pattern(vocab)}\b", flags),
        match_cue=re.compile(rf"\b{alternation(words('match_cues'))}\b", flags),
        reached_deadline=re.compile(
            rf"\b{alternation(words('reached_deadline_signals'))}\s+$", flags),
        next_span_lead=re.compile(rf"\b{alternation(words('next_span_leads'))}\s+$", flags),
        relation_after=re.compile(
            rf"\s+{alternation(words('reference_not_followed_by'))}\b", flags),
        degree_before=re.compile(rf"\b{alternation(words('degree_frames'))}\s+$", flags),
        degree_after=re.compile(rf"\s+{alternation(words('degree_frames'))}\b", flags),
        moment_frame=re.compile(rf"\b{alternation(words('moment_frames'))}\s+$", flags),
        event_link=re.compile(rf"\s+{alternation(words('duration_event_links'))}\b", flags),
        age_after=re.compile(rf"[\s-]+{alternation(words('age_tails'))}\b", flags),
        age_decade=re.compile(rf"\b{alternation(words('age_possessives'))}\s+"
                              rf"(?:{modifier}[\s-]*)?$", flags),
        # "300 barrels a day", "seven days a week": an amount of something before a rate
        measure_before=re.compile(rf"(?:\d[\d,.]*|\b{count_words})\s+[^\W\d_]+\s+$", flags),
        fraction_after=re.compile(rf"\s+{alternation(words('fraction_links'))}\b", flags),
    )


@cache
def checks() -> Checks:
    """The checks, compiled once per process."""
    return build(load_vocabulary())
