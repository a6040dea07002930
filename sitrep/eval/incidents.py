"""Score event coding on MUC-3/4 wire incidents (``data/README.md``, measure *incidents*).

Each gold incident is matched one to one to a predicted event of a compatible type in the
same message (ATTACK, BOMBING, ARSON, KIDNAPPING, ROBBERY → ASSAULT or COERCE; FORCED WORK
STOPPAGE → PROTEST or COERCE; a threatened incident also THREATEN), preferring events with the
right date and country. Recall is over required incidents; precision over predicted ASSAULT,
COERCE and PROTEST events. On matches: date right (overlaps the gold range, one day of slack;
an open start means "on or before"), country right, perpetrator organisation right.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sitrep.eval.report import Report, gold_articles, load_gold, prf
from sitrep.model import Event

COMPATIBLE = {
    "ATTACK": {"ASSAULT", "COERCE"}, "BOMBING": {"ASSAULT", "COERCE"},
    "ARSON": {"ASSAULT", "COERCE"}, "KIDNAPPING": {"ASSAULT", "COERCE"},
    "ROBBERY": {"ASSAULT", "COERCE"}, "FORCED WORK STOPPAGE": {"PROTEST", "COERCE"},
}
SCORED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
SLACK = timedelta(days=1)


def compatible(incident: dict[str, Any], event: Event) -> bool:
    types = set(COMPATIBLE.get(incident["type"], ()))
    if incident.get("stage") == "THREATENED":
        types.add("THREATEN")
    return event.event_type in types


def date_right(incident: dict[str, Any], event: Event) -> bool:
    """The event's range overlaps the gold range widened by a day."""
    if event.date is None or event.date.start is None or event.date.end is None:
        return False
    if incident.get("date_end") is None:
        return False
    gold_end = date.fromisoformat(incident["date_end"]) + SLACK
    start = date.fromisoformat(event.date.start)
    if start > gold_end:
        return False
    if incident.get("date_start") is None:
        return True
    return date.fromisoformat(event.date.end) >= date.fromisoformat(incident["date_start"]) - SLACK


def country_right(incident: dict[str, Any], event: Event) -> bool:
    code = incident.get("country_code")
    return bool(code) and event.location is not None and event.location.country_code == code


def perpetrator_right(incident: dict[str, Any], event: Event) -> bool:
    """A predicted actor's words name one of the gold perpetrator organisations."""
    names = [n.lower() for n in incident.get("perp_org") or []]
    for filler in (incident.get("fillers") or {}).get("perp_org", []):
        names += [alt.lower() for alt in filler.get("alts", [])]
    if not names:
        return False
    said = [a.text.lower() for a in event.actors]
    return any(n in s or s in n for n in names for s in said if s)


@dataclass
class Tally:
    required: int = 0
    found: int = 0
    found_optional: int = 0
    predicted: int = 0
    date_ok: int = 0
    country_ok: int = 0
    perp_judged: int = 0
    perp_ok: int = 0
    both_ok: int = 0

    def add(self, incidents: list[dict[str, Any]], events: list[Event]) -> None:
        """Match one message's incidents to its events, required incidents first."""
        scored = [e for e in events if e.event_type in SCORED_TYPES]
        self.predicted += len(scored)
        free = list(range(len(events)))
        ordered = sorted(incidents, key=lambda i: bool(i.get("optional")))
        for incident in ordered:
            optional = bool(incident.get("optional"))
            self.required += not optional
            choice = _best(incident, events, free)
            if choice is None:
                continue
            free.remove(choice)
            event = events[choice]
            if optional:
                self.found_optional += event.event_type in SCORED_TYPES
                continue
            self._count(incident, event)

    def _count(self, incident: dict[str, Any], event: Event) -> None:
        self.found += 1
        when, where = date_right(incident, event), country_right(incident, event)
        self.date_ok += when
        self.country_ok += where
        self.both_ok += when and where
        if incident.get("perp_org"):
            self.perp_judged += 1
            self.perp_ok += perpetrator_right(incident, event)

    def metrics(self) -> dict[str, float | int | None]:
        matched_scored = self.found + self.found_optional
        precision = matched_scored / self.predicted if self.predicted else 0.0
        recall = prf(self.found, self.found, self.required)["recall"]
        found = self.found or 1
        return {
            "incidents": self.required, "found": self.found, "recall": recall,
            "predicted_events": self.predicted, "precision": precision,
            "date_right": self.date_ok / found, "country_right": self.country_ok / found,
            "perpetrator_right": self.perp_ok / self.perp_judged if self.perp_judged else None,
            "found_with_date_and_country": self.both_ok,
            "recall_with_date_and_country": self.both_ok / self.required if self.required
            else 0.0,
        }


def _best(incident: dict[str, Any], events: list[Event], free: list[int]) -> int | None:
    """The free compatible event that agrees best on date, country and perpetrator."""
    best, best_score = None, -1.0
    for i in free:
        event = events[i]
        if not compatible(incident, event):
            continue
        score = 2 * date_right(incident, event) + 2 * country_right(incident, event) \
            + perpetrator_right(incident, event) + event.confidence / 10
        if score > best_score:
            best, best_score = i, score
    return best


def evaluate(path: Path, coder, limit: int | None = None) -> Report:  # noqa: ANN001
    """Code every MUC message and score its events against the gold incidents."""
    records = load_gold(path, limit)
    tally = Tally()
    coded_all = coder.code_articles(gold_articles(records, str(path)))
    for record, coded in zip(records, coded_all, strict=True):
        tally.add(record.get("incidents") or [], coded.events)
    return Report(name="incidents", metrics=tally.metrics())
