"""Sentences the lexicon was not written from: the coder's surest event has the right PLOVER
type, and sentences that report no event give none.

The sentences live in ``unseen.tsv`` next to this file (type, known gap, text, and where given
the mode the surest event must carry, as a prefix: "riot" is either riot mode). A row with a
known gap is expected to fail until the gap is closed (strict xfail: a fixed gap fails the
test until its note is removed).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sitrep.model import Article

pytestmark = pytest.mark.slow

FIXTURE = Path(__file__).with_name("unseen.tsv")
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"}


def read_rows(path: Path = FIXTURE) -> list[dict[str, str]]:
    """The fixture's rows, comment lines left out."""
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = read_rows()


def cases() -> list:
    """One test case per sentence; known gaps become strict expected failures."""
    found = []
    for i, row in enumerate(ROWS):
        marks = [pytest.mark.xfail(reason=row["known_gap"], strict=True)] \
            if row["known_gap"] != "-" else []
        found.append(pytest.param(row["type"], row.get("mode") or "", row["text"],
                                  id=f"{i:03d}-{row['type']}", marks=marks))
    return found


def test_the_set_covers_every_type_and_sentences_without_events():
    counts = {name: sum(r["type"] == name for r in ROWS) for name in TYPES | {"NONE"}}
    assert all(counts[name] >= 5 for name in TYPES), counts
    assert counts["NONE"] >= 20
    assert len({r["text"] for r in ROWS}) == len(ROWS), "a sentence is listed twice"


@pytest.mark.parametrize(("expected", "mode", "text"), cases())
def test_top_event_type_of_an_unseen_sentence(coder, expected, mode, text):
    article = Article(id="unseen", text=text, published="2024-05-03")
    events = coder.code_article(article).events
    if expected == "NONE":
        assert events == [], [(e.event_type, e.evidence.trigger) for e in events]
        return
    assert events, "no event coded"
    top = max(events, key=lambda e: e.confidence)
    assert top.event_type == expected, [(e.event_type, e.evidence.trigger, e.confidence)
                                        for e in events]
    assert (top.mode or "").startswith(mode), (top.event_type, top.mode, top.evidence.trigger)
