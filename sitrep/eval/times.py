"""Score time expressions against TIMEX3 gold (MEANTIME), TempEval-3 style.

Span precision/recall/F1 strict (same offsets) and relaxed (any overlap, one to one); on the
relaxed matches, value accuracy and type accuracy; value F1 counts a relaxed match with the
right value as a true positive.

MEANTIME annotates only the first sentences of each article (title, dateline and the next four
lines). Predictions beyond the last annotated line are not judged in the headline numbers;
``full_*`` keys repeat the value scores over the whole text for comparison. A gold record that
says ``"annotated": "all"`` (as TimeBank and AQUAINT documents are, annotated whole) is judged
over its whole text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sitrep.eval.report import Report, gold_articles, load_gold, prf
from sitrep.model import Article, CodedArticle, TimeMention

ANNOTATED_LINES = 6
WHOLE = "all"
"""The gold field ``annotated`` with this value: the whole text is annotated and judged."""


class ArticleCoder(Protocol):
    def code_articles(self, articles: Iterable[Article]) -> Iterable[CodedArticle]: ...


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    type: str
    value: str | None


@dataclass(slots=True)
class Tally:
    """Counts over a corpus, summed document by document."""

    gold: int = 0
    pred: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[Span, Span]]:
        self.gold += len(gold)
        self.pred += len(pred)
        self.strict += len(match(gold, pred, strict=True))
        pairs = match(gold, pred, strict=False)
        self.relaxed += len(pairs)
        self.value += sum(g.value == p.value for g, p in pairs)
        self.type += sum(g.type == p.type for g, p in pairs)
        return pairs


def match(gold: Sequence[Span], pred: Sequence[Span], strict: bool) -> list[tuple[Span, Span]]:
    """One-to-one pairs: exact spans first, then the largest overlaps."""
    options = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            exact = g.start == p.start and g.end == p.end
            if exact or (not strict and overlap > 0):
                options.append((not exact, -overlap, i, j))
    options.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, i, j in options:
        if i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        pairs.append((gold[i], pred[j]))
    return pairs


def annotated_end(text: str, lines: int = ANNOTATED_LINES) -> int:
    """Offset where the annotated part of a MEANTIME text ends (after its first lines)."""
    position = 0
    for _ in range(lines):
        found = text.find("\n", position)
        if found < 0:
            return len(text)
        position = found + 1
    return position - 1


def judged_end(record: dict[str, Any]) -> int:
    """Offset where the judged part of a gold record ends: its whole text when the record says
    it is annotated whole, else MEANTIME's first lines."""
    text = record["text"]
    return len(text) if record.get("annotated") == WHOLE else annotated_end(text)


def spans(times: Iterable[TimeMention], limit: int | None = None) -> list[Span]:
    return [Span(t.start, t.end, t.type, t.value) for t in times
            if limit is None or t.start < limit]


def evaluate(path: Path, coder: ArticleCoder, limit: int | None = None) -> Report:
    """Run the gold documents through ``coder`` and score their ``times``."""
    records = load_gold(path, limit)
    by_id = {r["id"]: r for r in records}
    scoped, full = Tally(), Tally()
    errors: Counter[str] = Counter()
    for coded in coder.code_articles(gold_articles(records, str(path))):
        record = by_id[coded.article.id]
        gold = [Span(g["start"], g["end"], g["type"], g["value"]) for g in record["timexes"]]
        end = judged_end(record)
        pairs = scoped.add(gold, spans(coded.times, end))
        full.add(gold, spans(coded.times))
        text = record["text"]
        for g, p in pairs:
            if g.value != p.value:
                errors[f"{text[g.start:g.end]!r} gold {g.value} got {p.value}"] += 1
    return report(scoped, full, errors, len(records))


def report(scoped: Tally, full: Tally, errors: Counter[str], documents: int) -> Report:
    strict = prf(scoped.strict, scoped.pred, scoped.gold)
    relaxed = prf(scoped.relaxed, scoped.pred, scoped.gold)
    value = prf(scoped.value, scoped.pred, scoped.gold)
    full_value = prf(full.value, full.pred, full.gold)
    metrics: dict[str, float | int | None] = {
        "documents": documents,
        "gold": scoped.gold,
        "predicted": scoped.pred,
        "strict_precision": strict["precision"],
        "strict_recall": strict["recall"],
        "strict_f1": strict["f1"],
        "relaxed_precision": relaxed["precision"],
        "relaxed_recall": relaxed["recall"],
        "relaxed_f1": relaxed["f1"],
        "value_accuracy": scoped.value / scoped.relaxed if scoped.relaxed else 0.0,
        "value_precision": value["precision"],
        "value_recall": value["recall"],
        "value_f1": value["f1"],
        "type_accuracy": scoped.type / scoped.relaxed if scoped.relaxed else 0.0,
        "full_predicted": full.pred,
        "full_relaxed_f1": prf(full.relaxed, full.pred, full.gold)["f1"],
        "full_value_f1": full_value["f1"],
    }
    shown = "\n".join(f"{n:>3}  {k}" for k, n in errors.most_common(25)) or "(none)"
    return Report(name="times", metrics=metrics, sections={"value errors": shown})
