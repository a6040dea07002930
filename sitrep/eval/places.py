"""Scoring of place mentions against gold toponyms with coordinates (the GeoVirus format), or
against the countries of gold events (the articles and seed formats).

Detection: any character overlap, one to one, in text order. On matched places: accuracy within
161 km and 20 km (an unresolved prediction counts as a miss), median and mean error in km. End to
end: gold places resolved within 161 km over all gold places; and the share of gold places that
no prediction covers with coordinates (unresolved).

Event countries: for every gold event with a ``location_country``, whether some place of the
article that can be where an event happened resolves to that country; the events for which
none does are listed, to be read against the text (a story may leave the country unnamed).
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sitrep.eval.report import Report, gold_articles, load_gold, prf
from sitrep.model import PlaceMention
from sitrep.resolve.places import is_event_place

EARTH_KM = 6371.0088
NEAR_KM = 161.0
CLOSE_KM = 20.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(min(1.0, a)))


def match(gold: list[dict[str, Any]], predicted: list[PlaceMention]
          ) -> list[tuple[dict[str, Any], PlaceMention]]:
    """One-to-one pairs of overlapping spans, each gold taking the first free overlap."""
    pairs = []
    used: set[int] = set()
    for item in sorted(gold, key=lambda g: g["start"]):
        for i, place in enumerate(predicted):
            if i not in used and place.start < item["end"] and item["start"] < place.end:
                used.add(i)
                pairs.append((item, place))
                break
    return pairs


def _error(item: dict[str, Any], place: PlaceMention) -> float | None:
    if place.lat is None or place.lon is None:
        return None
    return distance_km(item["lat"], item["lon"], place.lat, place.lon)


def score(documents: Iterable[tuple[list[dict[str, Any]], list[PlaceMention]]]) -> Report:
    """The places report from (gold places, predicted places) per document."""
    n_gold = n_pred = n_matched = 0
    errors: list[float | None] = []
    for gold, predicted in documents:
        pairs = match(gold, predicted)
        n_gold, n_pred, n_matched = n_gold + len(gold), n_pred + len(predicted), n_matched + len(
            pairs)
        errors += [_error(item, place) for item, place in pairs]
    known = [e for e in errors if e is not None]
    detection = prf(n_matched, n_pred, n_gold)
    within = sum(1 for e in known if e <= NEAR_KM)
    metrics: dict[str, float | int | None] = {
        "documents": 0, "gold_places": n_gold, "predicted_places": n_pred,
        "matched_places": n_matched,
        "detection_precision": detection["precision"], "detection_recall": detection["recall"],
        "detection_f1": detection["f1"],
        "accuracy_161km": within / len(errors) if errors else 0.0,
        "accuracy_20km": (sum(1 for e in known if e <= CLOSE_KM) / len(errors)
                          if errors else 0.0),
        "median_error_km": statistics.median(known) if known else None,
        "mean_error_km": statistics.fmean(known) if known else None,
        "end_to_end_161km": within / n_gold if n_gold else 0.0,
        "unresolved_share": (n_gold - len(known)) / n_gold if n_gold else 0.0,
    }
    return Report(name="places", metrics=metrics)


def evaluate(path: Path, coder: Any, limit: int | None = None) -> Report:
    """Run the gold documents through ``coder.code_articles`` and score their places: against
    gold toponyms, or (a seed folder, or records with gold ``events``) against the countries
    of the gold events."""
    if path.is_dir():
        from sitrep.eval.seed import read_article, read_gold

        article = read_article(path)
        record = {"id": article.id, "events": read_gold(path)}
        return score_countries([(record, coder.code_article(article).places)])
    records = load_gold(path, limit)
    if records and "places" not in records[0] and "events" in records[0]:
        coded = coder.code_articles(gold_articles(records, str(path)))
        return score_countries([(record, result.places) for record, result in zip(
            records, coded, strict=True)])
    coded = coder.code_articles(gold_articles(records, str(path)))
    pairs = [(record.get("places") or [], result.places) for record, result in zip(
        records, coded, strict=True)]
    report = score(pairs)
    report.metrics["documents"] = len(records)
    return report


def score_countries(documents: Iterable[tuple[dict[str, Any], list[PlaceMention]]]
                    ) -> Report:
    """The event-country report from (gold record with ``events``, predicted places)."""
    total = found = documents_seen = 0
    missing: list[str] = []
    for record, places in documents:
        documents_seen += 1
        countries = {p.country_code for p in places if is_event_place(p) and p.country_code}
        for event in record.get("events") or []:
            country = event.get("location_country")
            if not country:
                continue
            total += 1
            if country in countries:
                found += 1
            else:
                missing.append(f"{record.get('id')} {event.get('id')} {country}: "
                               f"{event.get('note', '')}")
    metrics: dict[str, float | int | None] = {
        "documents": documents_seen, "events_with_country": total,
        "country_among_places": found,
        "share": found / total if total else 0.0,
    }
    return Report(name="places: event countries", metrics=metrics,
                  sections={"events whose country no place gives": "\n".join(missing)}
                  if missing else {})


def benchmark(coder: Any, path: Path, limit: int | None = None, rounds: int = 5
              ) -> dict[str, float]:
    """Place mentions per second of ``Geocoder.resolve`` alone (finding the names and resolving
    them), on parsed documents: per second
    of wall time and per second of this process's CPU time (steady when other programs share
    the machine)."""
    records = load_gold(path, limit)
    articles = gold_articles(records, str(path))
    # Parsed without the place finder, so that the time includes finding the names too.
    resolving = ("sitrep_places", "sitrep_place_resolver", "sitrep_actors")
    with coder.nlp.select_pipes(disable=[p for p in coder.nlp.pipe_names if p in resolving]):
        docs = list(coder.nlp.pipe(a.text for a in articles))
    coder.geocoder.resolve(docs[0], articles[0])
    mentions = 0
    began, cpu_began = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for doc, article in zip(docs, articles, strict=True):
            mentions += len(coder.geocoder.resolve(doc, article))
    seconds = time.perf_counter() - began
    cpu = time.process_time() - cpu_began
    return {"mentions": mentions, "seconds": seconds, "cpu_seconds": cpu,
            "mentions_per_second": mentions / seconds,
            "mentions_per_cpu_second": mentions / cpu if cpu else 0.0}
