"""Sentences written from kinds of news before the tagger ran on them (``unseen.tsv``,
reference Wednesday 2025-03-12), tagged with their parse as the coder tags them. They are a
check on conventions the tagger was not tuned on and are never edited to pass; a miss would be
listed here as a known gap."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.resolve.times import tag_times

REF = date(2025, 3, 12)
CASES = [
    tuple(cell or None for cell in line.split("\t"))
    for line in (Path(__file__).parent / "unseen.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]


@pytest.mark.slow
@pytest.mark.parametrize("text, expression, kind, value", CASES)
def test_unseen_sentence(coder, text: str, expression: str | None, kind: str | None,
                         value: str | None):
    found = tag_times(text, REF, "u", doc=coder.nlp(text))
    if expression is None:
        assert found == []
        return
    start = text.index(expression)
    end = start + len(expression)
    assert (kind, value) in [(m.type, m.value) for m in found if m.start < end and start < m.end]
