"""One shape for every evaluation's result, printed as text or JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.ingest.jsonl import article_from_record, read_jsonl_records
from sitrep.model import Article


@dataclass
class Report:
    """Named metrics (flat, numbers) plus optional preformatted sections (tables, matrices)."""

    name: str
    metrics: dict[str, float | int | None]
    sections: dict[str, str] = field(default_factory=dict)

    def render(self) -> str:
        width = max((len(k) for k in self.metrics), default=0)
        lines = [f"# {self.name}"]
        for key, value in self.metrics.items():
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            lines.append(f"{key:<{width}}  {shown}")
        for title, body in self.sections.items():
            lines += ["", f"## {title}", body]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "metrics": self.metrics, "sections": self.sections}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


def load_gold(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The gold documents of a data file, in order (at most ``limit``)."""
    records = []
    for record in read_jsonl_records(path):
        records.append(record)
        if limit is not None and len(records) >= limit:
            break
    return records


def gold_articles(records: list[dict[str, Any]], source: str = "gold") -> list[Article]:
    """The gold documents as sitrep reads them: every gold line is also sitrep input, so the
    scores are what ``sitrep code`` on the same file gives."""
    return [article_from_record(r, source, where=f"{source}:{n}")
            for n, r in enumerate(records, start=1)]


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts; 0.0 where undefined."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}
