"""The held-out times sets (``unseen_times.jsonl``, ``unseen_times_2.jsonl``,
``unseen_times_3.jsonl``, ``unseen_times_4.jsonl``, ``unseen_times_5.jsonl``,
``unseen_times_6.jsonl``, ``unseen_times_7.jsonl``, ``unseen_times_8.jsonl``,
``unseen_times_9.jsonl``, ``unseen_times_10.jsonl``, ``unseen_times_11.jsonl``,
``unseen_times_12.jsonl``): news sentences
with a creation time and TIMEX3 gold, each written before sitrep ran on it and never edited to
fit its output (four corrections of slips against the written rules, each in its own commit:
vague hours written ``PXH`` for TIMEX3's ``PTXH`` in the second set, "every year" left unmarked
as a SET in the third, "now" left unmarked and "a year earlier" after a quarter written as a
year in the fourth, where ``tests/resolve/times/test_conventions.py`` keeps the quarter). Each
document of sets 1 to 8 is at most six lines, the scope the times measure scores for MEANTIME;
the documents of sets 9 to 12 are long and marked annotated whole, so they are judged to their end.
The floor sits a little below what the tagger measures on them (README, "Times"), so a change
that loses held-out values fails here even when MEANTIME holds.

The fourth set (business and financial wire copy, anchored political relatives, durations,
sets, clock times, non-markables; documents dated 1994-2016) scored at its first run value F1
0.832, span strict 0.796, relaxed 0.956 on 55 gold values as first written; with both slips
corrected (56 values, same output) value F1 0.842, strict 0.807, relaxed 0.965. Its floor sits
below that first run.

The fifth set (16 documents of wire, business, court, sport, science, obituary, weather,
politics and health copy dated 2010-2026, 127 gold values: dates, relative days and weekdays,
durations, vague references, decades and centuries, parts of day, clock times, quarters,
halves, fiscal years, seasons, weekends, sets, non-markables) scored at its first run value F1
0.906, span strict 0.797, relaxed 0.969. Its floor sits below that first run.

The sixth set (16 documents of business, sport, weather, court, politics, conflict, markets,
obituary, health, science and retail copy dated 2016-2026, 143 gold values: national and
religious holidays, fixed and movable, clock times with zones and local times, the early hours
of a day, a month's time, fiscal quarters, durations, sets, vague references) scored at its
first run value F1 0.852, span strict 0.751, relaxed 0.960. Its floor sits below that first
run.

The seventh set (12 documents of politics, attack, markets, travel, weather, remembrance,
central bank, retail, election night, sport, court and energy copy dated 2016-2026, 98 gold
values: holidays of several calendars, clock times with zones and local times, a count of days'
time, ranges of clock times, quarters, halves, durations, sets) was written after the sixth set's
misses were fixed, to measure whether those fixes generalise; it scored at its first run value
F1 0.969, span strict 0.816, relaxed 0.990. Its floor sits below that first run.

The eighth set (14 documents of TimeBank and AQUAINT kind: markets, business, courts, Congress,
elections, science, health, energy, war and disaster copy dated 1991-2022, 109 gold values:
weekdays told in the past and ahead, dates anchored on another date of the text, "the following
day", fiscal years, quarters compared "a year earlier", durations bare and counted, "-day" and
"decade-long" modifiers, sets, present and past references, a possessive "last week's",
non-markables) scored at its first run value F1 0.972, span strict 0.796, relaxed 0.991. Its floor
sits below that first run.

The ninth set (8 long documents of TimeBank and AQUAINT kind, 26 lines each, annotated whole:
a hedge fund's rescue over several weeks, a fraud trial, a company's year, a Senate campaign, a
hurricane and its aftermath, a tanker held by pirates, a factory fire and its inquiry, a budget
standoff; dated 1992-2019, 271 gold values, most of the later ones hung on a date told far above:
"that day", "the next morning", "two weeks later", "the same month", weekdays in a story told in
the past) scored at its first run value F1 0.884, span strict 0.880, relaxed 0.980. Its floor
sits below that first run.

The tenth set (6 long documents annotated whole, 26 or 27 lines each, of kinds the ninth lacks:
a quarter's economic report with company results, a wrongful conviction told back to 1983, an
obituary over eight decades, a campaign's schedule ahead, broadcast copy, a strike with its
durations and sets; dated 1997-2012, 214 gold values: quarters "the previous quarter" and "a
year earlier", fiscal years, "tonight", "this morning", "earlier this week", clock times after
midnight ahead, "the following week" after a day told far back, "a decade later", durations,
sets of weekdays and parts of day) scored at its first run value F1 0.914, span strict 0.896,
relaxed 0.988. Its floor sits below that first run.

The eleventh set (3 long documents annotated whole, 26 lines each: a commuter plane's crash
and its inquiry, a markets week, border talks over nine weeks; dated 1999-2007, 97 gold
values) was written after the changes for the ninth and tenth sets, to measure whether they
generalise; it scored at its first run value F1 0.938, span strict 0.856, relaxed 1.000. Its
floor sits below that first run.

The twelfth set (5 long documents annotated whole, of kinds the earlier sets have fewest of:
two business and financial wire reports with fiscal quarters and years, "the year-earlier
period", "the latest week", "the past 12 months" and "the end of the month", a government
rule with deadlines and durations, a sports report and a historical feature with decades and
centuries; dated 1989-2014, 174 gold values) scored at its first run value F1 0.954, span
strict 0.855, relaxed 0.994. Its floor sits below that first run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.eval.times import ANNOTATED_LINES, WHOLE, evaluate

FLOORS = {"unseen_times.jsonl": 0.95, "unseen_times_2.jsonl": 0.95,
          "unseen_times_3.jsonl": 0.95, "unseen_times_4.jsonl": 0.83,
          "unseen_times_5.jsonl": 0.89, "unseen_times_6.jsonl": 0.84,
          "unseen_times_7.jsonl": 0.95, "unseen_times_8.jsonl": 0.96,
          "unseen_times_9.jsonl": 0.87,
          "unseen_times_10.jsonl": 0.90, "unseen_times_11.jsonl": 0.92,
          "unseen_times_12.jsonl": 0.95}
SETS = [Path(__file__).parent / name for name in FLOORS]


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.stem)
def test_every_document_is_dated_and_its_gold_spans_its_text(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert record["published"][:4].isdigit(), record["id"]
        if record.get("annotated") != WHOLE:
            assert record["text"].count("\n") < ANNOTATED_LINES, record["id"]
        for timex in record["timexes"]:
            assert record["text"][timex["start"]:timex["end"]] == timex["text"]
            assert timex["type"] in ("DATE", "TIME", "DURATION", "SET")


@pytest.mark.slow
@pytest.mark.parametrize("path", SETS, ids=lambda p: p.stem)
def test_unseen_times_value_floor(coder, path: Path):
    metrics = evaluate(path, coder).metrics
    assert metrics["value_f1"] >= FLOORS[path.name], metrics["value_f1"]
