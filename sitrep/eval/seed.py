"""Score the founding example (``seed/README.md``): required events found, and precision.

Gold and predictions are matched one to one, required events first. A prediction matching an
optional event, or repeating one already matched, is neutral; any other is a false positive.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from sitrep.errors import InputError
from sitrep.eval.report import Report
from sitrep.model import Article, Event

SEED_PUBLISHED = "2024-05-03"


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The gold events of ``gold.jsonl`` in the seed folder."""
    gold_path = path / "gold.jsonl"
    if not gold_path.exists():
        raise InputError(str(gold_path), "no gold.jsonl in the seed folder")
    with gold_path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_article(path: Path) -> Article:
    """The seed article as ingest reads it (title, dateline, publication date)."""
    from sitrep.ingest import read_documents

    for item in read_documents([str(path / "article.txt")]):
        if isinstance(item, Article):
            if not item.published:
                item.published = SEED_PUBLISHED
            return item
        raise InputError(str(path / "article.txt"), str(item))
    raise InputError(str(path / "article.txt"), "no article read")


def _overlaps(window: dict[str, str], start: str | None, end: str | None) -> bool:
    if start is None or end is None:
        return False
    return date.fromisoformat(start) <= date.fromisoformat(window["end"]) and \
        date.fromisoformat(end) >= date.fromisoformat(window["start"])


def matches(gold: dict[str, Any], event: Event, *, lenient: bool = False) -> bool:
    """Whether a predicted event satisfies one gold event's conditions: the type in ``types``,
    an actor country in ``actors``, and (unless ``lenient``: type and actor only) the place
    country, a date range overlapping the window and the modality, each when the gold sets it.
    This is the one matching rule of the seed and of the article measures."""
    if event.event_type not in gold["types"]:
        return False
    if gold.get("actors") and not any(a.country in gold["actors"] for a in event.actors):
        return False
    return lenient or (place_fits(gold, event) and date_fits(gold, event)
                       and modality_fits(gold, event))


def place_fits(gold: dict[str, Any], event: Event) -> bool:
    """The place country equals ``location_country`` when that is set."""
    return not gold.get("location_country") or (
        event.location is not None and event.location.country_code == gold["location_country"])


def date_fits(gold: dict[str, Any], event: Event) -> bool:
    """The date range overlaps the gold window when that is set."""
    return not gold.get("date") or (
        event.date is not None and _overlaps(gold["date"], event.date.start, event.date.end))


def modality_fits(gold: dict[str, Any], event: Event) -> bool:
    """The modality is one of the gold ones when they are set."""
    return not gold.get("modality") or event.modality in gold["modality"]


def one_to_one(golds: list[int], preds: list[int], fits: Callable[[int, int], bool]
               ) -> dict[int, int]:
    """A maximum matching gold → prediction (augmenting paths; the sets are small)."""
    owner: dict[int, int] = {}

    def place(g: int, seen: set[int]) -> bool:
        for p in preds:
            if p in seen or not fits(g, p):
                continue
            seen.add(p)
            if p not in owner or place(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in golds:
        place(g, set())
    return {g: p for p, g in owner.items()}


def closest_one_to_one(golds: list[int], preds: list[int], fits: Callable[[int, int], bool],
                       cost: Callable[[int, int], int]) -> dict[int, int]:
    """A maximum matching gold → prediction that, among the maximum ones, pairs each gold
    with the predictions that differ from it least (lowest total ``cost``), so that which of
    two fitting records a gold event gets is decided by its fields, not by their order."""
    if not golds or not preds:
        return {}
    unfit = 1 + len(golds) * max((cost(g, p) for g in golds for p in preds), default=0)
    table = np.array([[cost(g, p) if fits(g, p) else unfit for p in preds] for g in golds])
    rows, cols = linear_sum_assignment(table)
    return {golds[r]: preds[c] for r, c in zip(rows, cols, strict=True) if table[r, c] < unfit}


def match(gold: list[dict[str, Any]], events: list[Event],
          fits: Callable[[dict[str, Any], Event], bool] = matches,
          cost: Callable[[dict[str, Any], Event], int] | None = None
          ) -> tuple[dict[int, int], dict[int, int]]:
    """One-to-one matches gold → record: required events first, then optional ones among the
    records left; with ``cost``, the closest records among equally many matches."""
    required = [i for i, g in enumerate(gold) if g["required"]]
    optional = [i for i, g in enumerate(gold) if not g["required"]]

    def pair(g: int, p: int) -> bool:
        return fits(gold[g], events[p])

    def matcher(golds: list[int], preds: list[int]) -> dict[int, int]:
        if cost is None:
            return one_to_one(golds, preds, pair)
        return closest_one_to_one(golds, preds, pair, lambda g, p: cost(gold[g], events[p]))

    matched = matcher(required, list(range(len(events))))
    free = [p for p in range(len(events)) if p not in matched.values()]
    return matched, matcher(optional, free)


def score(gold: list[dict[str, Any]], events: list[Event]) -> Report:
    """The seed measures for one set of predictions."""
    required = [i for i, g in enumerate(gold) if g["required"]]
    matched, matched_optional = match(gold, events)
    used = set(matched.values()) | set(matched_optional.values())
    false_pos = [p for p in range(len(events)) if p not in used
                 and not any(matches(g, events[p]) for g in gold)]
    found = len(matched)
    precision = found / (found + len(false_pos)) if found + len(false_pos) else 0.0
    lines = [f"{gold[g]['id']:>3}  {'found' if g in matched else 'MISSING':7}  "
             f"{describe(events[matched[g]]) if g in matched else gold[g]['note']}"
             for g in required]
    fp_lines = [describe(events[p]) for p in false_pos]
    return Report(
        name="seed",
        metrics={"required": len(required), "found": found,
                 "recall": found / len(required) if required else 0.0,
                 "predictions": len(events), "false_positives": len(false_pos),
                 "precision": precision},
        sections={"required events": "\n".join(lines),
                  "false positives": "\n".join(fp_lines) or "(none)"},
    )


def describe(event: Event) -> str:
    """One line per record: type, actor countries, place country, modality, trigger."""
    actors = ",".join(a.country or "?" for a in event.actors)
    place = event.location.country_code if event.location else None
    return (f"{event.event_type} [{actors}] at {place} {event.modality} "
            f"'{event.evidence.trigger}' ({event.confidence:.2f})")


def evaluate(path: Path, coder, limit: int | None = None) -> Report:  # noqa: ANN001
    """Code the seed article and score it against its gold events (``limit`` is unused)."""
    gold = read_gold(path)
    events = coder.code_article(read_article(path)).events
    return score(gold, events)
