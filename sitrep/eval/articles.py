"""Score whole articles (``data/README.md``, measure *articles*): one record per real event.

Each article's records are matched one to one to its gold events with the seed's rule
(:func:`sitrep.eval.seed.matches`, required events first, then optional ones). Summed over all
articles:

- *required*: matched required / required;
- *lenient*: the same with type and actor only;
- *fully right*: matched required events whose record also names a recipient country among the
  gold ``recipients`` (when set) and no actor or recipient country outside ``actors`` ∪
  ``recipients``, over required;
- *precision*: matched required / (matched required + false records); a record that fits an
  optional event, or repeats a matched one, is neutral;
- *record precision*: distinct gold events matched (required or optional) / all records;
- *records per event*: records that fit some gold event (repeats included) / distinct gold
  events matched;
- *field errors*, on the type + actor matches of required events: wrong place, date, modality,
  recipients; among the matchings that pair the most events, the one whose records differ
  least from their gold events (a gold event is not charged with the fields of another
  record of its type and actor while its own record is there).

A seed folder (``gold.jsonl`` + ``article.txt``) is scored as one article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.eval.report import Report, gold_articles, load_gold
from sitrep.eval.seed import (
    date_fits,
    describe,
    match,
    matches,
    modality_fits,
    place_fits,
    read_article,
    read_gold,
)
from sitrep.model import Article, Event

FIELDS = ("place", "date", "modality", "recipients")


def lenient(gold: dict[str, Any], event: Event) -> bool:
    """Type and actor only: the event is the right kind and done by the right side."""
    return matches(gold, event, lenient=True)


def recipients_fit(gold: dict[str, Any], event: Event) -> bool:
    """A recipient country among the gold ones, when the gold names any."""
    wanted = gold.get("recipients") or []
    return not wanted or any(r.country in wanted for r in event.recipients)


def fully_right(gold: dict[str, Any], event: Event) -> bool:
    """Matched, with a right recipient, and no side the gold does not name."""
    allowed = set(gold.get("actors") or []) | set(gold.get("recipients") or [])
    named = {a.country for a in [*event.actors, *event.recipients] if a.country}
    return recipients_fit(gold, event) and named <= allowed


def field_errors(gold: dict[str, Any], event: Event) -> list[str]:
    """Which of place, date, modality, recipients a type + actor match gets wrong."""
    wrong = {"place": not place_fits(gold, event), "date": not date_fits(gold, event),
             "modality": not modality_fits(gold, event),
             "recipients": not recipients_fit(gold, event)}
    return [name for name in FIELDS if wrong[name]]


@dataclass
class ArticleScore:
    """The counts of one article; they add up over a file."""

    doc_id: str = ""
    required: int = 0
    found: int = 0
    lenient: int = 0
    fully_right: int = 0
    false_records: int = 0
    records: int = 0
    distinct_matched: int = 0
    matching_records: int = 0
    errors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    lines: list[str] = field(default_factory=list)

    def add(self, other: ArticleScore) -> None:
        for name in ("required", "found", "lenient", "fully_right", "false_records", "records",
                     "distinct_matched", "matching_records"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in FIELDS:
            self.errors[name] += other.errors[name]

    def metrics(self) -> dict[str, float | int | None]:
        def ratio(num: int, den: int) -> float:
            return num / den if den else 0.0

        metrics: dict[str, float | int | None] = {
            "required": self.required, "records": self.records,
            "required_found": ratio(self.found, self.required),
            "lenient_found": ratio(self.lenient, self.required),
            "fully_right": ratio(self.fully_right, self.required),
            "precision": ratio(self.found, self.found + self.false_records),
            "record_precision": ratio(self.distinct_matched, self.records),
            "records_per_event": ratio(self.matching_records, self.distinct_matched),
        }
        metrics.update({f"wrong_{name}": self.errors[name] for name in FIELDS})
        return metrics


def score_article(doc_id: str, gold: list[dict[str, Any]], events: list[Event]) -> ArticleScore:
    """The counts of one article's records against its gold events."""
    result = ArticleScore(doc_id=doc_id, records=len(events))
    result.required = sum(1 for g in gold if g["required"])
    matched, matched_optional = match(gold, events, matches)
    result.found = len(matched)
    result.fully_right = sum(fully_right(gold[g], events[p]) for g, p in matched.items())
    result.distinct_matched = len(matched) + len(matched_optional)
    fitting = [p for p in range(len(events)) if any(matches(g, events[p]) for g in gold)]
    result.matching_records = len(fitting)
    used = set(matched.values()) | set(matched_optional.values())
    false = [p for p in range(len(events)) if p not in used and p not in fitting]
    result.false_records = len(false)
    loose, _ = match(gold, events, lenient, cost=lambda g, e: len(field_errors(g, e)))
    result.lenient = len(loose)
    for g, p in loose.items():
        for name in field_errors(gold[g], events[p]):
            result.errors[name] += 1
    result.lines = _lines(doc_id, gold, events, matched, loose, false)
    return result


def _lines(doc_id: str, gold: list[dict[str, Any]], events: list[Event], matched: dict[int, int],
           loose: dict[int, int], false: list[int]) -> list[str]:
    """What one article got right and wrong, for ``--per-doc``."""
    lines = []
    for g, item in enumerate(gold):
        if not item["required"]:
            continue
        if g in matched:
            state, shown = "found", describe(events[matched[g]])
        elif g in loose:
            wrong = ",".join(field_errors(item, events[loose[g]]))
            state, shown = "partly", f"{describe(events[loose[g]])} wrong: {wrong}"
        else:
            state, shown = "MISSING", str(item.get("note", ""))
        lines.append(f"{doc_id} {item['id']:>4}  {state:7}  {shown}")
    lines += [f"{doc_id} false  {describe(events[p])}" for p in false]
    return lines


def read_set(path: Path, limit: int | None = None) -> list[tuple[Article, list[dict[str, Any]]]]:
    """The articles and their gold events: a JSON Lines file, or a seed folder."""
    if path.is_dir():
        return [(read_article(path), read_gold(path))]
    records = load_gold(path, limit)
    return list(zip(gold_articles(records, str(path)),
                    [r.get("events") or [] for r in records], strict=True))


def evaluate(path: Path, coder, limit: int | None = None,  # noqa: ANN001
             per_doc: bool = False) -> Report:
    """Code every article of ``path`` and score its records against its gold events."""
    pairs = read_set(path, limit)
    total = ArticleScore()
    lines: list[str] = []
    coded_all = coder.code_articles([article for article, _ in pairs])
    for (article, gold), coded in zip(pairs, coded_all, strict=True):
        one = score_article(article.id, gold, coded.events)
        total.add(one)
        if per_doc:
            lines += [f"{article.id}: {_summary(one)}", *one.lines, ""]
    sections = {"per article": "\n".join(lines).rstrip()} if per_doc else {}
    return Report(name="articles", metrics=total.metrics(), sections=sections)


def _summary(one: ArticleScore) -> str:
    metrics = one.metrics()
    return (f"required {one.found}/{one.required}, lenient {one.lenient}, "
            f"fully right {one.fully_right}, records {one.records}, "
            f"false {one.false_records}, record precision {metrics['record_precision']:.2f}")
