"""Score event coding on PLOVER gold sentences (``data/README.md``, measure *events*).

Per sentence: *correct* (some predicted event has a gold type), *top-1 correct* (the surest
predicted event has a gold type), *uncoded* (nothing predicted), *extra* (predicted events of a
type not in the gold). On the best type-correct event: is a predicted actor country among the
gold actor codes, and the same for recipients. A confusion matrix of gold type by top-1 type.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.eval.report import Report, gold_articles, load_gold
from sitrep.model import Event

NONE = "(none)"


@dataclass
class Tally:
    """Running counts over sentences."""

    sentences: int = 0
    gold_events: int = 0
    correct: int = 0
    top1: int = 0
    uncoded: int = 0
    extra: int = 0
    actor_judged: int = 0
    actor_right: int = 0
    recipient_judged: int = 0
    recipient_right: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, gold: list[dict[str, Any]], events: list[Event]) -> None:
        """Count one sentence: its gold events and the predicted ones."""
        types = {g["type"] for g in gold}
        self.sentences += 1
        self.gold_events += len(gold)
        if not events:
            self.uncoded += 1
        self.extra += sum(1 for e in events if e.event_type not in types)
        right = [e for e in events if e.event_type in types]
        top = max(events, key=lambda e: e.confidence) if events else None
        self.confusion[(gold[0]["type"] if gold else NONE,
                        top.event_type if top else NONE)] += 1
        if top is not None and top.event_type in types:
            self.top1 += 1
        if not right:
            return
        self.correct += 1
        best = max(right, key=lambda e: e.confidence)
        same = [g for g in gold if g["type"] == best.event_type]
        self._arguments(best, same)

    def _arguments(self, best: Event, same: list[dict[str, Any]]) -> None:
        actors = {code for g in same for code in g.get("actors") or []}
        if actors:
            self.actor_judged += 1
            self.actor_right += any(a.country in actors for a in best.actors)
        recipients = {code for g in same for code in g.get("recipients") or []}
        if recipients:
            self.recipient_judged += 1
            self.recipient_right += any(r.country in recipients for r in best.recipients)

    def metrics(self) -> dict[str, float | int | None]:
        n = self.sentences or 1
        return {
            "sentences": self.sentences, "gold_events": self.gold_events,
            "correct": self.correct, "correct_rate": self.correct / n,
            "top1_correct": self.top1, "top1_accuracy": self.top1 / n,
            "uncoded": self.uncoded, "extra": self.extra,
            "extra_pct_of_gold": self.extra / (self.gold_events or 1),
            "actor_accuracy": _rate(self.actor_right, self.actor_judged),
            "actor_judged": self.actor_judged,
            "recipient_accuracy": _rate(self.recipient_right, self.recipient_judged),
            "recipient_judged": self.recipient_judged,
        }

    def matrix(self) -> str:
        """Gold type (rows) by top-1 predicted type (columns)."""
        rows = sorted({g for g, _ in self.confusion})
        cols = sorted({p for _, p in self.confusion})
        short = [c[:5] for c in cols]
        lines = [" " * 10 + " ".join(f"{c:>5}" for c in short)]
        for r in rows:
            cells = " ".join(f"{self.confusion.get((r, c), 0) or '.':>5}" for c in cols)
            lines.append(f"{r[:10]:<10}{cells}")
        return "\n".join(lines)


def _rate(right: int, judged: int) -> float | None:
    return right / judged if judged else None


def evaluate(path: Path, coder, limit: int | None = None) -> Report:  # noqa: ANN001
    """Code every gold sentence and score the events against the PLOVER gold."""
    records = load_gold(path, limit)
    tally = Tally()
    coded_all = coder.code_articles(gold_articles(records, str(path)))
    for record, coded in zip(records, coded_all, strict=True):
        tally.add(record.get("events") or [], coded.events)
    return Report(name="events", metrics=tally.metrics(),
                  sections={"confusion (gold rows, top-1 columns)": tally.matrix()})
