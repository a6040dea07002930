"""Named-entity scoring on re3d and MEANTIME: P/R/F1 per standard label, strict and overlap.

sitrep's labels map to the data's standard labels as the data README defines; gold entities of
labels sitrep never predicts (OTHER, ...) are kept, so recall is honest. Only the labels a file
annotates are judged (MEANTIME marks no dates or numbers as entities), and in MEANTIME only its
annotated first lines, as for times. re3d carries a ``confidence`` per entity: scores are
reported on all entities and on those with confidence of 0.5 or more.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sitrep.eval.report import Report, gold_articles, load_gold, prf
from sitrep.eval.times import annotated_end
from sitrep.model import EntityMention

LABEL_STD = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE_OR_LOC", "LOC": "GPE_OR_LOC",
    "FAC": "GPE_OR_LOC", "NORP": "NORP", "DATE": "DATE", "TIME": "DATE", "QUANTITY": "QUANTITY",
    "CARDINAL": "QUANTITY", "PERCENT": "QUANTITY", "MONEY": "MONEY",
}
LABELS = ("PERSON", "ORG", "GPE_OR_LOC", "NORP", "DATE", "QUANTITY", "MONEY")

Span = tuple[int, int, str]


def predicted_spans(entities: Iterable[EntityMention]) -> list[Span]:
    """sitrep's entities as (start, end, standard label); unmapped labels are left out."""
    return [(e.start, e.end, LABEL_STD[e.label]) for e in entities if e.label in LABEL_STD]


def gold_spans(record: dict[str, Any], min_confidence: float = 0.0) -> list[Span]:
    return [(g["start"], g["end"], g["label_std"]) for g in record.get("entities", [])
            if g.get("confidence", 1) >= min_confidence]


def match(gold: list[Span], pred: list[Span], overlap: bool) -> Counter:
    """True positives per label: same label and same offsets (strict) or any overlap, each
    gold and each prediction used once."""
    used: set[int] = set()
    hits: Counter = Counter()
    for g_start, g_end, label in gold:
        for i, (p_start, p_end, p_label) in enumerate(pred):
            if i in used or p_label != label:
                continue
            same = (p_start, p_end) == (g_start, g_end)
            if same or (overlap and p_start < g_end and g_start < p_end):
                used.add(i)
                hits[label] += 1
                break
    return hits


def evaluate(path: Path, coder, limit: int | None = None) -> Report:
    """Score ``coder`` on a gold file with ``entities`` (re3d or MEANTIME)."""
    records = load_gold(path, limit)
    by_id = {str(r["id"]): r for r in records}
    judged = {g["label_std"] for r in records for g in r.get("entities", [])}
    cuts = {"all": 0.0, "confident": 0.5} if any(
        "confidence" in g for r in records for g in r.get("entities", [])) else {"all": 0.0}
    counts: dict[str, dict[str, Counter[str]]] = {
        cut: {kind: Counter() for kind in ("gold", "pred", "strict", "overlap")}
              for cut in cuts}
    for coded in coder.code_articles(gold_articles(records)):
        record = by_id[coded.article.id]
        end = (annotated_end(record["text"]) if str(record.get("dataset", "")).startswith(
            "meantime") else len(record["text"]))
        pred = [s for s in predicted_spans(coded.entities) if s[2] in judged and s[0] < end]
        for cut, floor in cuts.items():
            gold = gold_spans(record, floor)
            tally = counts[cut]
            tally["gold"].update(label for _, _, label in gold)
            tally["pred"].update(label for _, _, label in pred)
            tally["strict"].update(match(gold, pred, overlap=False))
            tally["overlap"].update(match(gold, pred, overlap=True))
    metrics: dict[str, float | int | None] = {"documents": len(records)}
    sections = {}
    for cut, tally in counts.items():
        for kind in ("strict", "overlap"):
            total = prf(sum(tally[kind][lb] for lb in LABELS), sum(tally["pred"].values()),
                        sum(tally["gold"].values()))
            metrics[f"{cut}_{kind}_f1"] = total["f1"]
        sections[f"per label ({cut} gold entities)"] = _table(tally)
    return Report(name=f"entities ({path.name})", metrics=metrics, sections=sections)


def _table(tally: dict[str, Counter]) -> str:
    lines = [f"{'label':<11} {'gold':>5} {'pred':>5}  strict P/R/F1      overlap P/R/F1"]
    for label in (lb for lb in LABELS if tally["gold"][lb] or tally["pred"][lb]):
        cells = []
        for kind in ("strict", "overlap"):
            s = prf(tally[kind][label], tally["pred"][label], tally["gold"][label])
            cells.append(f"{s['precision']:.2f}/{s['recall']:.2f}/{s['f1']:.2f}")
        lines.append(f"{label:<11} {tally['gold'][label]:>5} {tally['pred'][label]:>5}  "
                     f"{cells[0]:<18} {cells[1]}")
    return "\n".join(lines)
