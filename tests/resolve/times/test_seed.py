"""Every time expression the seed story's events hang on resolves inside the gold window."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import SEED

from sitrep.resolve.times import tag_times

# expression in the seed story → the gold event whose date it gives
EXPRESSIONS = {
    "several weeks": "A", "July 2023": "B", "March": "C", "this week": "G", "January": "H",
    "last month": "K",
}


def gold_windows() -> dict[str, tuple[str, str]]:
    windows = {}
    for line in (SEED / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        if event.get("date"):
            windows[event["id"]] = (event["date"]["start"], event["date"]["end"])
    return windows


@pytest.mark.slow
def test_seed_event_dates_fall_in_their_gold_windows(seed_article, coder):
    text = seed_article.read_text(encoding="utf-8")
    mentions = {m.text: m for m in tag_times(text, date(2024, 5, 3), "seed", doc=coder.nlp(text))}
    windows = gold_windows()
    for expression, event in EXPRESSIONS.items():
        mention = mentions[expression]
        first, last = windows[event]
        assert mention.start_date <= last and mention.end_date >= first, (expression, mention)


@pytest.mark.slow
def test_seed_dateline_and_ranges(seed_article):
    text = seed_article.read_text(encoding="utf-8")
    mentions = {m.text: m for m in tag_times(text, date(2024, 5, 3), "seed")}
    assert mentions["May 03, 2024 04:50 IST"].value == "2024-05-03T04:50+05:30"
    assert (mentions["since 2014"].start_date, mentions["since 2014"].end_date) == (
        "2014-01-01", "2024-05-03")
    assert mentions["before April"].end_date == "2024-03-31"
