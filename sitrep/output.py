"""Every record output goes through here: ``jsonl`` (the contract), ``csv``, ``table``, GeoJSON.

JSON Lines prints the contract's record exactly. CSV prints one flat row per record; for events
the columns are :data:`EVENT_COLUMNS`, each holding one typed value (dates ISO, coordinates as
numbers), so a spreadsheet, ``pandas.read_csv`` or csvkit read the file as it is. Columns that
hold one value per actor (or outlet) join the values with ``;`` in actor order, an unknown
value left empty (``USA;`` is a known and an unknown country). Tables are drawn by ``rich`` to
the width of the terminal. Every writer streams: nothing holds the whole output.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, TextIO

from sitrep.model import Event, Record

FORMATS = ("jsonl", "csv", "table")
MULTI = ";"
"""What joins the values of a multi-valued CSV cell."""
EVENT_COLUMNS = (
    "id", "date_start", "date_end", "date_precision", "date_basis", "event_type", "mode", "quad",
    "modality", "confidence", "actor_names", "actor_countries", "actor_sectors",
    "recipient_names", "recipient_countries", "recipient_sectors", "place_name",
    "place_country", "lat", "lon", "place_precision", "claimant", "claimant_country",
    "outlets", "trigger", "sentence", "article_id", "article_url",
)
TABLE_WHOLE = ("id", "date", "type", "modality")
"""Columns a table never cuts, as wide as their widest value (the id is what ``sitrep show``
takes; a cut date or type would say something else)."""
TABLE_LEFT_OUT = ("trigger", "place", "recipients", "actors")
"""Columns a narrow terminal leaves out, first to last, until the table fits; a footnote names
them. The others are cut with an ellipsis, never narrower than :data:`TABLE_MIN_TEXT`."""
TABLE_MIN_TEXT = 8
TABLE_MAX_TEXT = 40
TABLE_GAP = 2
"""Spaces between two columns of a table."""
UNPLACED = "unplaced"
"""GeoJSON foreign member: how many events had no place and were left out."""

Sourced = Event | tuple[Event, str | None]
"""An event, or an event with the URL of its article (what exports of the store give)."""


def _split(item: Sourced) -> tuple[Event, str | None]:
    return item if isinstance(item, tuple) else (item, None)


def _joined(values: Iterable[str | None]) -> str:
    return MULTI.join(v or "" for v in values)


def event_row(event: Event, url: str | None = None) -> dict[str, Any]:
    """An event as one flat row of typed values (:data:`EVENT_COLUMNS`)."""
    date, loc, claimant = event.date, event.location, event.claimant
    return {
        "id": event.id,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "date_precision": date.precision if date else None,
        "date_basis": date.basis if date else None,
        "event_type": event.event_type,
        "mode": event.mode,
        "quad": event.quad,
        "modality": event.modality,
        "confidence": round(event.confidence, 3),
        "actor_names": _joined(a.name or a.text for a in event.actors),
        "actor_countries": _joined(a.country for a in event.actors),
        "actor_sectors": _joined(a.sector for a in event.actors),
        "recipient_names": _joined(a.name or a.text for a in event.recipients),
        "recipient_countries": _joined(a.country for a in event.recipients),
        "recipient_sectors": _joined(a.sector for a in event.recipients),
        "place_name": (loc.name or loc.text) if loc else None,
        "place_country": loc.country_code if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "place_precision": loc.precision if loc else None,
        "claimant": claimant.text if claimant else None,
        "claimant_country": claimant.country if claimant else None,
        "outlets": _joined(event.reported_by),
        "trigger": event.evidence.trigger,
        "sentence": event.evidence.sentence,
        "article_id": event.doc_id,
        "article_url": url,
    }


def _people(actors: Iterable[Any]) -> str:
    return "; ".join(f"{a.name or a.text} ({a.country or '?'})" for a in actors)


def date_label(start: str | None, end: str | None) -> str | None:
    """A date range as short as it is exact: ``2024-02-14``, ``2024-02`` (the whole month),
    ``2024`` (the whole year), ``2024-02-05..11``, ``2024-02-27..03-02``,
    ``2023-12-30..2024-01-02``; an open end stays open (``2024-02-05..``)."""
    if not start and not end:
        return None
    if start == end:
        return start
    if not (start and end and len(start) == len(end) == 10):
        return f"{start or ''}..{end or ''}"
    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        return f"{start}..{end}"
    whole_month = first.day == 1 and last == _month_end(first)
    if whole_month:
        return start[:7]
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and \
            first.year == last.year:
        return start[:4]
    if first.year != last.year:
        return f"{start}..{end}"
    return f"{start}..{end[8:]}" if first.month == last.month else f"{start}..{end[5:]}"


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def table_row(event: Event) -> dict[str, Any]:
    """What a terminal table shows of an event: short, one line per event."""
    date, loc = event.date, event.location
    when = date_label(date.start, date.end) if date else None
    return {"id": event.id, "date": when, "type": event.event_type,
            "modality": event.modality, "actors": _people(event.actors),
            "recipients": _people(event.recipients),
            "place": f"{loc.name or loc.text} ({loc.country_code or '?'})" if loc else None,
            "trigger": event.evidence.trigger}


def flat_row(record: Record | dict[str, Any]) -> dict[str, Any]:
    """Any other record as a flat row: its fields, nested values as compact JSON."""
    data = record if isinstance(record, dict) else record.to_dict()
    return {
        k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
        for k, v in data.items()
    }


def record_dict(record: Record | dict[str, Any]) -> dict[str, Any]:
    return record if isinstance(record, dict) else record.to_dict()


def write_records(records: Iterable[Record | dict[str, Any] | Sourced], fmt: str,
                  stream: TextIO, *, header: tuple[str, ...] | None = None) -> int:
    """Write records in ``fmt`` to ``stream``; returns how many. JSON Lines and CSV stream.

    ``header``: CSV columns to write even when no record follows (exports of events pass
    :data:`EVENT_COLUMNS`, so an empty result still loads as a table).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "table":
        return _write_table(records, stream)
    count = 0
    for chunk in record_chunks(records, fmt, header=header):
        stream.write(chunk)
        count += 1
    return count - (1 if header and fmt == "csv" else 0)


def record_chunks(records: Iterable[Record | dict[str, Any] | Sourced], fmt: str, *,
                  header: tuple[str, ...] | None = None) -> Iterator[str]:
    """JSON Lines or CSV, one string per record, for streaming. CSV starts with its header:
    ``header`` as its own first chunk when given, else the first record's columns."""
    if fmt == "jsonl":
        for record in records:
            value = record[0] if isinstance(record, tuple) else record
            yield json.dumps(record_dict(value), ensure_ascii=False) + "\n"
        return
    if fmt != "csv":
        raise ValueError(f"unknown format {fmt!r}; use jsonl or csv")
    buffer = io.StringIO()
    writer: csv.DictWriter | None = None
    if header:
        writer = csv.DictWriter(buffer, fieldnames=list(header), extrasaction="ignore")
        writer.writeheader()
        yield _drain(buffer)
    for record in records:
        row = _csv_row(record)
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(row)
        yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _csv_row(record: Record | dict[str, Any] | Sourced) -> dict[str, Any]:
    if isinstance(record, tuple | Event):
        return event_row(*_split(record))
    return flat_row(record)


def _write_table(records: Iterable[Record | dict[str, Any] | Sourced], stream: TextIO) -> int:
    from rich.console import Console
    from rich.table import Table

    rows = [{k: "" if v is None else str(v).replace("\n", " ") for k, v in row.items()}
            for row in (table_row(_split(r)[0]) if isinstance(r, tuple | Event) else flat_row(r)
                        for r in records)]
    if not rows:
        stream.write("(none)\n")
        return 0
    console = Console(file=stream, soft_wrap=False, highlight=False)
    widths = _table_widths(rows, console.width)
    table = Table(box=None, header_style="bold", pad_edge=False)
    for column, width in widths.items():
        table.add_column(column, overflow="ellipsis", no_wrap=True, width=width)
    for row in rows:
        table.add_row(*(row[column] for column in widths))
    console.print(table)
    left_out = [column for column in rows[0] if column not in widths]
    if left_out:
        console.print(f"({', '.join(left_out)} left out to fit {console.width} columns; "
                      "--format csv or jsonl gives every field)")
    return len(rows)


def _table_widths(rows: list[dict[str, str]], width: int) -> dict[str, int]:
    """The columns that fit ``width`` and the width of each: whole columns as wide as their
    widest value; the others at least :data:`TABLE_MIN_TEXT` (or their header), then sharing
    what is left up to their widest value (at most :data:`TABLE_MAX_TEXT`). Columns of
    :data:`TABLE_LEFT_OUT` are left out, in order, while the table would be too wide."""
    widest = {column: max(len(column), *(len(row[column]) for row in rows))
              for column in rows[0]}
    widths = {column: most if column in TABLE_WHOLE
              else min(most, max(TABLE_MIN_TEXT, len(column)))
              for column, most in widest.items()}

    def spare() -> int:
        return width - sum(widths.values()) - TABLE_GAP * (len(widths) - 1)

    for column in TABLE_LEFT_OUT:
        if spare() >= 0:
            break
        widths.pop(column, None)
    growing = [c for c in widths if c not in TABLE_WHOLE]
    while spare() > 0:
        wanting = [c for c in growing if widths[c] < min(widest[c], TABLE_MAX_TEXT)]
        if not wanting:
            break
        for column in wanting[:spare()]:
            widths[column] += 1
    return widths


def write_details(event: Event, stream: TextIO, url: str | None = None) -> None:
    """One event as field/value lines (``sitrep show``): every column of the CSV row."""
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column("field", style="bold", no_wrap=True)
    table.add_column("value", overflow="fold")
    for name, value in event_row(event, url).items():
        if value not in (None, ""):
            table.add_row(name, str(value))
    Console(file=stream, highlight=False).print(table)


def country_point(code: str | None) -> tuple[float, float] | None:
    """(lat, lon) of a country's representative point (``country_points.tsv`` or the
    countries package), or None for codes that are no country (IGO, UNO, ...)."""
    if not code:
        return None
    from sitrep.resolve.places.countries import country_by_iso3

    country = country_by_iso3(code)
    if country is None or country.lat is None or country.lon is None:
        return None
    return country.lat, country.lon


OF_ACTOR = "country-of-actor"
"""GeoJSON ``precision`` of an event with no place, drawn at its first actor's country."""


def event_point(event: Event) -> tuple[tuple[float, float], str] | None:
    """Where a map draws an event, as ((lat, lon), precision), or None when nothing says.

    A place known to a facility, city or district is its own point; one known only to a
    province or a country carries that area's representative point with ``precision`` saying
    which (``admin1``, ``country``), so a map can draw an area rather than a pin. An event with
    no place at all is drawn at its first actor's country with precision ``country-of-actor``:
    never a place the text gave, and marked so that a map can leave it out or style it apart.
    """
    loc = event.location
    if loc is not None:
        if loc.lat is not None and loc.lon is not None:
            return (loc.lat, loc.lon), loc.precision or "unknown"
        point = country_point(loc.country_code)
        if point is not None:
            return point, "country"
    for actor in event.actors:
        point = country_point(actor.country)
        if point is not None:
            return point, OF_ACTOR
    return None


def event_feature(event: Event) -> dict[str, Any] | None:
    """An event as a GeoJSON Feature with a Point (see :func:`event_point`), or None."""
    placed = event_point(event)
    if placed is None:
        return None
    (lat, lon), precision = placed
    properties = event.to_dict()
    properties["precision"] = precision
    properties["country_code"] = event.location.country_code if event.location else None
    return {"type": "Feature", "id": event.id,
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties}


class GeoJSONWriter:
    """Streams events as one FeatureCollection, every feature with a point. Events that
    nothing places (no location and no actor country) are left out and counted in
    :attr:`unplaced`, which the collection also carries as the member ``"unplaced"``."""

    def __init__(self) -> None:
        self.unplaced = 0
        self.features = 0

    def chunks(self, events: Iterable[Sourced]) -> Iterator[str]:
        yield '{"type": "FeatureCollection", "features": [\n'
        for item in events:
            feature = event_feature(_split(item)[0])
            if feature is None:
                self.unplaced += 1
                continue
            yield ("" if not self.features else ",\n") + json.dumps(feature, ensure_ascii=False)
            self.features += 1
        yield f'\n], "{UNPLACED}": {self.unplaced}}}\n'


def events_geojson(events: Iterable[Event]) -> dict[str, Any]:
    """Events as a GeoJSON FeatureCollection held in memory (for small sets and tests)."""
    return json.loads("".join(GeoJSONWriter().chunks(events)))
