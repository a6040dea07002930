"""Every record output goes through here: ``jsonl`` (the contract), ``csv``, ``table``, GeoJSON.

JSON Lines prints the contract's record exactly; CSV and tables print a flat row per record.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable
from typing import Any, TextIO

from sitrep.model import Event, Record

FORMATS = ("jsonl", "csv", "table")
POINT_PRECISIONS = {"facility", "city", "admin2"}
TABLE_CELL = 40


def _people(actors: Iterable[Any]) -> str:
    return "; ".join(
        f"{a.name or a.text} ({a.country or '?'}/{a.sector or '?'})" for a in actors
    )


def _place(loc: Any) -> str | None:
    return f"{loc.name or loc.text} ({loc.country_code}, {loc.precision})" if loc else None


def event_row(event: Event) -> dict[str, Any]:
    """An event as one flat row: what a table or a spreadsheet shows."""
    date, loc = event.date, event.location
    when = None
    if date and date.start:
        when = date.start if date.start == date.end else f"{date.start}..{date.end or ''}"
    return {
        "id": event.id,
        "date": when,
        "type": event.event_type,
        "mode": event.mode,
        "modality": event.modality,
        "actors": _people(event.actors),
        "recipients": _people(event.recipients),
        "location": _place(loc),
        "claimant": event.claimant.text if event.claimant else None,
        "trigger": event.evidence.trigger,
        "confidence": round(event.confidence, 2),
        "doc_id": event.doc_id,
    }


def flat_row(record: Record | dict[str, Any]) -> dict[str, Any]:
    """Any record as a flat row: events get :func:`event_row`, others their fields, nested
    values as compact JSON."""
    if isinstance(record, Event):
        return event_row(record)
    data = record if isinstance(record, dict) else record.to_dict()
    return {
        k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
        for k, v in data.items()
    }


def record_dict(record: Record | dict[str, Any]) -> dict[str, Any]:
    return record if isinstance(record, dict) else record.to_dict()


def write_records(records: Iterable[Record | dict[str, Any]], fmt: str, stream: TextIO) -> int:
    """Write records in ``fmt`` to ``stream``; returns how many. JSON Lines and CSV stream."""
    if fmt == "jsonl":
        count = 0
        for record in records:
            stream.write(json.dumps(record_dict(record), ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt == "csv":
        return _write_csv(records, stream)
    if fmt == "table":
        return _write_table([flat_row(r) for r in records], stream)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def _write_csv(records: Iterable[Record | dict[str, Any]], stream: TextIO) -> int:
    writer: csv.DictWriter | None = None
    count = 0
    for record in records:
        count += 1
        row = flat_row(record)
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(row)
    return count


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _write_table(rows: list[dict[str, Any]], stream: TextIO) -> int:
    if not rows:
        stream.write("(none)\n")
        return 0
    columns = list(rows[0])
    budget = max(TABLE_CELL, shutil.get_terminal_size((160, 20)).columns // max(len(columns), 1))
    cells = [[_cell(r.get(c), budget) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))
    stream.write(line.rstrip() + "\n")
    stream.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        padded = "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True))
        stream.write(padded.rstrip() + "\n")
    return len(rows)


def events_geojson(events: Iterable[Event]) -> dict[str, Any]:
    """Events as a GeoJSON FeatureCollection.

    Only facility-, city- and district-precise events get a point; events known to a province or
    a country keep ``geometry: null`` and carry ``country_code``, so a map shades the area
    instead of inventing a pin.
    """
    features = []
    for event in events:
        loc = event.location
        geometry = None
        pinned = loc is not None and loc.precision in POINT_PRECISIONS
        if loc is not None and pinned and loc.lat is not None and loc.lon is not None:
            geometry = {"type": "Point", "coordinates": [loc.lon, loc.lat]}
        properties = event.to_dict()
        properties["country_code"] = loc.country_code if loc else None
        features.append({"type": "Feature", "id": event.id, "geometry": geometry,
                         "properties": properties})
    return {"type": "FeatureCollection", "features": features}
