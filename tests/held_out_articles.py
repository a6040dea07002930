"""Checks shared by the held-out sets of long articles (``tests/eval/unseen_articles_2.jsonl``,
``unseen_articles_3.jsonl`` and ``unseen_articles_4.jsonl``): the shape every story and its
gold must have, and the floor test on the coder's measures."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sitrep.codebook.lexicon import load_codebook
from sitrep.eval.articles import evaluate, read_set

ISO3 = re.compile(r"^[A-Z]{3}$")
MOST_RECORDS_PER_EVENT = 1.15


def check_stories(path: Path, count: int = 10, dated_to_publication: bool = False,
                  words: tuple[int, int] = (400, 900)) -> None:
    """Every article is a dated story of ``words`` (fewest, most) whose events are coded with
    known types and ISO codes; with ``dated_to_publication``, no asserted event ends after the
    story's day."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    types = set(load_codebook().types)
    assert len(records) == count
    for record in records:
        assert words[0] <= len(record["text"].split()) <= words[1], record["id"]
        assert record["text"].startswith(record["title"] + "\n\n")
        ids = [e["id"] for e in record["events"]]
        assert len(ids) == len(set(ids)), record["id"]
        assert any(e["required"] for e in record["events"])
        assert any(not e["required"] for e in record["events"]), record["id"]
        for event in record["events"]:
            _check_event(record, event, types, dated_to_publication)


def _check_event(record: dict[str, Any], event: dict[str, Any], types: set[str],
                 dated_to_publication: bool) -> None:
    assert set(event["types"]) <= types, (record["id"], event["id"])
    assert all(ISO3.match(c) for c in event["actors"] + event["recipients"])
    assert event["location_country"] is None or ISO3.match(event["location_country"])
    if event["date"] is not None:
        assert event["date"]["start"] <= event["date"]["end"]
        if dated_to_publication:
            assert event["date"]["end"] <= record["published"] or "future" in event["modality"]


def check_european_union(path: Path) -> None:
    """The EU is an IGO with the EUR code, as in the development articles."""
    for _, gold in read_set(path):
        for event in gold:
            for sides in (event["actors"], event["recipients"]):
                assert "EUR" not in sides or "IGO" in sides, event["id"]


def check_required(path: Path, required: int) -> None:
    pairs = read_set(path)
    assert all(article.published for article, _ in pairs)
    assert sum(g["required"] for _, gold in pairs for g in gold) == required


def check_floors(path: Path, coder: Any, floors: dict[str, float]) -> None:
    """The coder's measures on the set stay at or above ``floors``."""
    metrics = evaluate(path, coder).metrics
    for name, floor in floors.items():
        assert metrics[name] >= floor, (name, metrics[name])
    assert metrics["records_per_event"] <= MOST_RECORDS_PER_EVENT
