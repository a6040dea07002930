"""The store at scale: ingest rate per block and the latency of the page's and the API's queries.

    .venv/bin/python bench/store.py --events 1000000 --db /tmp/sitrep-bench.db

1. Fills a new store through ``Store.add_many`` (100 articles a transaction, as coded shards
   are loaded; ``Store.add`` is the same with one) with
   generated records shaped like coded events: PLOVER types and trigger words from the
   codebook, actor and recipient countries weighted by population, sectors, places (capitals
   with coordinates, or country-level), day/week/month/year dates and some undated, the four
   modalities, claimants and outlets; articles of 1 to 8 events published day after day, as a
   news feed arrives, a fifth of them re-reporting an event of the last days from another
   outlet (so the same-event merge finds matches). Prints events/s per block.
2. Times the typical queries on the full store, one client: the first page, a page by actor
   country, by place (country or place name), in a month's window, by text (each with its
   total; a text search's counted up to 1,000, as the API does), a deep page through the
   keyset cursor, the first 1,000 rows of a CSV export, and the situation.
3. Serves the store on 127.0.0.1 (``--server-workers`` processes, 2 by default) and runs 8
   client threads (a bounded number of requests each)
   against the API while a writer process adds articles; prints p50/p95 per request kind.
4. Times ``sitrep --help`` and ``sitrep events`` on the full store (wall clock, median of 5).

Between 2 and 3 (``api-cpu``), the server's CPU time per request of each page query: one server
process, one client asking in turn, where the time of a request goes without queueing.

``--skip-ingest`` reuses an existing store. Everything stops by itself.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import statistics
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from sitrep.codebook.actor_tables import sector_codes
from sitrep.codebook.lexicon import load_codebook
from sitrep.model import (
    Actor,
    Article,
    Claimant,
    CodedArticle,
    Event,
    EventDate,
    Evidence,
    Location,
)
from sitrep.output import record_chunks
from sitrep.query import TEXT_TOTAL_CAP, EventQuery
from sitrep.resolve.places.countries import Country, all_countries
from sitrep.store import Store

FIRST_DAY = date(2015, 1, 1)
MODALITIES = (("asserted", 80), ("future", 10), ("hypothetical", 5), ("negated", 5))
PRECISIONS = (("day", 70), ("week", 8), ("month", 12), ("year", 5), (None, 5))


@dataclass
class Generator:
    """Coded articles shaped like sitrep's output, reproducible from a seed."""

    seed: int
    events_per_day: int

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        book = load_codebook()
        self.types = list(book.types.values())
        self.triggers: dict[str, list[str]] = {}
        for trigger in book.triggers:
            self.triggers.setdefault(trigger.type, []).append(trigger.lemma)
        self.sectors = list(sector_codes())
        countries = [c for c in all_countries().values() if c.capital and c.capital_lat]
        self.countries: list[Country] = countries
        self.weights = [max(c.population, 1) ** 0.6 for c in countries]
        self.recent: deque[Event] = deque(maxlen=2000)
        self.count = 0

    def _pick(self, pairs: tuple) -> object:
        return self.rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]

    def _country(self) -> Country:
        return self.rng.choices(self.countries, self.weights)[0]

    def _actor(self, country: Country) -> Actor:
        sector = self.rng.choice(self.sectors)
        return Actor(text=f"{country.demonym or country.name} {sector.lower()}",
                     name=country.name, country=country.iso3, sector=sector)

    def _date(self, published: date) -> EventDate | None:
        precision = self._pick(PRECISIONS)
        if precision is None:
            return None
        day = published - timedelta(days=self.rng.choice((0, 0, 0, 1, 1, 2, 3, 7)))
        if precision == "day":
            start = end = day
        elif precision == "week":
            start = day - timedelta(days=day.weekday())
            end = start + timedelta(days=6)
        elif precision == "month":
            start = day.replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        else:
            start, end = day.replace(month=1, day=1), day.replace(month=12, day=31)
        return EventDate(text=None, start=start.isoformat(), end=end.isoformat(),
                         precision=str(precision), basis="relative")

    def _event(self, doc_id: str, published: date, at: int) -> Event:
        kind = self.rng.choice(self.types)
        actor, recipient, place = self._country(), self._country(), self._country()
        trigger = self.rng.choice(self.triggers.get(kind.name) or [kind.name.lower()])
        located = self.rng.random()
        location = None
        if located < 0.45:
            location = Location(text=place.capital or place.name, name=place.capital,
                                lat=place.capital_lat, lon=place.capital_lon,
                                country_code=place.iso3, precision="city", basis="sentence")
        elif located < 0.85:
            location = Location(text=place.name, name=place.name, lat=place.lat, lon=place.lon,
                                country_code=place.iso3, precision="country", basis="sentence")
        where = f" in {location.text}" if location else ""
        sentence = f"{actor.name} {trigger} {recipient.name}{where}."
        claimant = (Claimant(text=f"a {actor.demonym or actor.name} official",
                             country=actor.iso3, sector="GOV")
                    if self.rng.random() < 0.3 else None)
        return Event(
            doc_id=doc_id, event_type=kind.name,
            mode=self.rng.choice(kind.modes) if kind.modes else None, context=[],
            quad=kind.quad, actors=[self._actor(actor)],
            recipients=[self._actor(recipient)] if self.rng.random() < 0.8 else [],
            location=location, date=self._date(published),
            modality=str(self._pick(MODALITIES)), claimant=claimant,
            reported_by=["Example Wire"] if self.rng.random() < 0.1 else [], quantities=[],
            evidence=Evidence(sentence=sentence, start=at, end=at + len(sentence),
                              trigger=trigger, trigger_start=at + len(actor.name) + 1,
                              trigger_end=at + len(actor.name) + 1 + len(trigger)),
            confidence=round(self.rng.uniform(0.4, 0.95), 2),
        )

    def article(self) -> CodedArticle:
        """The next article of the feed (its day follows from how many events came before)."""
        published = FIRST_DAY + timedelta(days=self.count // self.events_per_day)
        doc_id = f"bench-{self.count:09d}-{self.rng.getrandbits(32):08x}"
        events, text = [], ""
        for _ in range(self.rng.randint(1, 8)):
            if self.recent and self.rng.random() < 0.2:
                old = self.rng.choice(self.recent)
                event = replace(old, doc_id=doc_id, id="", mentions=[], evidence=replace(
                    old.evidence, start=len(text), end=len(text) + len(old.evidence.sentence)))
            else:
                event = self._event(doc_id, published, len(text))
            text += event.evidence.sentence + " "
            events.append(event)
        self.recent.extend(e for e in events if e.date is not None)
        self.count += len(events)
        article = Article(id=doc_id, text=text.strip(), title=events[0].evidence.sentence,
                          published=published.isoformat(), url=f"https://example.org/{doc_id}",
                          publisher="Example Wire")
        return CodedArticle(article=article, events=events)


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return (f"p50 {statistics.median(ordered) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  "
            f"(n={len(ordered)})")


def ingest(path: Path, total: int, block: int, seed: int, per_day: int, batch: int) -> None:
    gen = Generator(seed, per_day)
    print(f"ingest: {total:,} events into {path} (blocks of {block:,}; {batch} articles a "
          "transaction; time in Store.add_many, wall clock and CPU time of this process)")
    with Store(path) as store:
        done, spent, cpu, block_events = 0, 0.0, 0.0, 0
        started = time.perf_counter()
        while done < total:
            articles = [gen.article() for _ in range(batch)]
            t0, c0 = time.perf_counter(), time.process_time()
            store.add_many(articles)
            spent += time.perf_counter() - t0
            cpu += time.process_time() - c0
            events = sum(len(coded.events) for coded in articles)
            done += events
            block_events += events
            if block_events >= block or done >= total:
                print(f"  events {done - block_events:>9,}-{done:>9,}: "
                      f"{block_events / spent:8,.0f} events/s wall, "
                      f"{block_events / cpu:8,.0f} per CPU second", flush=True)
                spent, cpu, block_events = 0.0, 0.0, 0
        print(f"  total wall time {time.perf_counter() - started:,.0f} s (with generation)")
        store.conn.execute("PRAGMA optimize")


@dataclass
class Probe:
    """One kind of query and how to run it against the library and the API."""

    name: str
    library: Callable[[Store, random.Random], object]
    api: Callable[[httpx.Client, random.Random], object]


def _probes(path: Path, seed: int) -> list[Probe]:
    rng = random.Random(seed)
    with Store(path) as store:
        conn = store.conn
        countries = [r[0] for r in conn.execute(
            "SELECT country FROM event_countries WHERE role = 'actor' AND country != '' "
            "GROUP BY country ORDER BY count(*) DESC LIMIT 40")]
        words = sorted({c.capital for c in all_countries().values() if c.capital
                        and c.iso3 in countries[:20] and " " not in c.capital})
        total = store.stats().events
        places = sorted({c.capital for c in all_countries().values() if c.capital
                         and c.iso3 in countries[:30]})
        last = conn.execute("SELECT max(date_start) FROM events").fetchone()[0]
        first = conn.execute("SELECT min(date_start) FROM events").fetchone()[0]
        span = (date.fromisoformat(last[:10]) - date.fromisoformat(first[:10])).days
        months = [date.fromisoformat(first[:10]) + timedelta(days=rng.randint(0, span - 31))
                  for _ in range(50)]
        deep = [r[0] for r in conn.execute(
            "SELECT id FROM events WHERE seq IN (" + ",".join(
                str(rng.randint(1, total)) for _ in range(200)) + ")")]

    def by_country(store: Store, r: random.Random) -> object:
        q = EventQuery(country=r.choice(countries), limit=100)
        return store.count_events(q), store.page_events(q)

    def by_text(store: Store, r: random.Random) -> object:
        q = EventQuery(text=r.choice(words), limit=100)
        return store.count_events(q, at_most=TEXT_TOTAL_CAP), store.page_events(q)

    def by_place(store: Store, r: random.Random) -> object:
        q = EventQuery(place=r.choice(places + countries), limit=100)
        return store.count_events(q), store.page_events(q)

    def window(r: random.Random) -> dict[str, str]:
        start = r.choice(months)
        return {"since": start.isoformat(), "until": (start + timedelta(days=30)).isoformat()}

    def by_month(store: Store, r: random.Random) -> object:
        q = EventQuery(**window(r), limit=100)
        return store.count_events(q), store.page_events(q)

    def first_page(store: Store, r: random.Random) -> object:
        q = EventQuery(limit=100)
        return store.count_events(q), store.page_events(q)

    def deep_page(store: Store, r: random.Random) -> object:
        return store.page_events(EventQuery(after=r.choice(deep), limit=100))

    def export_page(store: Store, r: random.Random) -> object:
        rows = store.iter_sourced(EventQuery(country=r.choice(countries), limit=None))
        chunks = record_chunks(rows, "csv")
        return [next(chunks, None) for _ in range(1000)]

    def situation(store: Store, r: random.Random) -> object:
        from sitrep.situation import stored_situation

        return stored_situation(store)

    def api_get(url: str, **params: str) -> Callable[[httpx.Client], object]:
        return lambda client: client.get(url, params=params).raise_for_status()

    def api_export(client: httpx.Client, r: random.Random) -> object:
        params = {"format": "csv", "country": r.choice(countries)}
        with client.stream("GET", "/api/export", params=params) as response:
            lines = 0
            for _line in response.iter_lines():
                lines += 1
                if lines > 1000:
                    break
        return lines

    return [
        Probe("first events page", first_page, lambda c, r: api_get("/api/events")(c)),
        Probe("events page by country", by_country, lambda c, r: api_get(
            "/api/events", country=r.choice(countries))(c)),
        Probe("events page by place", by_place, lambda c, r: api_get(
            "/api/events", place=r.choice(places + countries))(c)),
        Probe("events page in a month", by_month, lambda c, r: api_get(
            "/api/events", **window(r))(c)),
        Probe("events page by text", by_text, lambda c, r: api_get(
            "/api/events", text=r.choice(words))(c)),
        Probe("deep page (keyset)", deep_page, lambda c, r: api_get(
            "/api/events", after=r.choice(deep))(c)),
        Probe("export first 1,000 rows", export_page, api_export),
        Probe("situation", situation, lambda c, r: api_get("/api/situation")(c)),
    ]


def library_latency(path: Path, probes: list[Probe], rounds: int, seed: int) -> None:
    print(f"queries through the library, one client ({rounds} each):")
    rng = random.Random(seed)
    with Store(path) as store:
        for probe in probes:
            rounds_here = 3 if probe.name == "situation" else rounds
            samples = []
            for _ in range(rounds_here):
                t0 = time.perf_counter()
                probe.library(store, rng)
                samples.append(time.perf_counter() - t0)
            print(f"  {probe.name:28s} {percentiles(samples)}", flush=True)
        _situation_size(store)


def _situation_size(store: Store) -> None:
    """How large the situation's answer is (its lists' entries, the JSON the API sends)."""
    from sitrep.api.heavy import situation_json

    body = situation_json(store, None)
    lists = {k: len(v) for k, v in json.loads(body).items() if isinstance(v, list)}
    print(f"  situation answer: {', '.join(f'{n:,} {k}' for k, n in lists.items())}; "
          f"{len(body) / 1e6:.2f} MB", flush=True)


def _writer(path: str, stop: Any, seed: int, per_day: int, added: Any) -> None:
    """Adds articles to the served store at about 20 a second until told to stop: the feed
    goes on from the store's last day (a later run's date windows stay where the events are),
    with a seed of its own, so a second run over the same store adds new articles."""
    with Store(path) as store:
        stored = store.stats().events
        gen = Generator(seed + stored, per_day)
        gen.count = stored
        while not stop.is_set():
            store.add(gen.article())
            added.value += 1
            time.sleep(0.05)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def served_latency(path: Path, probes: list[Probe], clients: int, requests: int,
                   seed: int, per_day: int, workers: int) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "import sys; from sitrep.api.server import serve; "
         "serve(sys.argv[1], port=int(sys.argv[2]), workers=int(sys.argv[3]))", str(path),
         str(port), str(workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    ctx = multiprocessing.get_context("spawn")
    stop, added = ctx.Event(), ctx.Value("i", 0)
    writer = ctx.Process(target=_writer, args=(str(path), stop, seed + 1, per_day, added))
    try:
        _wait_for(base)
        writer.start()
        samples: dict[str, list[float]] = {p.name: [] for p in probes}
        lock = threading.Lock()

        def client_loop(number: int) -> None:
            rng = random.Random(seed * 100 + number)
            with httpx.Client(base_url=base, timeout=120) as client:
                for i in range(requests):
                    probe = probes[(number + i) % len(probes)]
                    if probe.name == "situation" and (number or i >= len(probes)):
                        continue  # reads every event: once, by one client
                    t0 = time.perf_counter()
                    probe.api(client, rng)
                    with lock:
                        samples[probe.name].append(time.perf_counter() - t0)

        threads = [threading.Thread(target=client_loop, args=(n,)) for n in range(clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        print(f"the API on 127.0.0.1 ({workers} server processes), {clients} clients x "
              f"{requests} requests, one writer ({added.value} articles added meanwhile, "
              f"{elapsed:.0f} s):")
        for name, values in samples.items():
            if values:
                print(f"  {name:28s} {percentiles(values)}", flush=True)
    finally:
        stop.set()
        if writer.pid is not None:
            writer.join(timeout=30)
        server.terminate()
        server.wait(timeout=30)


def served_cpu(path: Path, probes: list[Probe], requests: int, seed: int) -> None:
    """Server CPU per request: one server process, one client asking in turn, the process's
    CPU time (``/proc``) before and after each kind's requests; no writer."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "import sys; from sitrep.api.server import serve; "
         "serve(sys.argv[1], port=int(sys.argv[2]))", str(path), str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def cpu() -> float:
        fields = Path(f"/proc/{server.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    base = f"http://127.0.0.1:{port}"
    rng = random.Random(seed)
    try:
        _wait_for(base)
        print(f"server CPU per request (one process, one client in turn, {requests} each):")
        with httpx.Client(base_url=base, timeout=120) as client:
            for probe in probes:
                if probe.name in ("situation", "export first 1,000 rows"):
                    continue
                probe.api(client, rng)  # warm
                before = cpu()
                for _ in range(requests):
                    probe.api(client, rng)
                print(f"  {probe.name:28s} {(cpu() - before) / requests * 1000:6.1f} ms",
                      flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(base: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{base}/api/event-types", timeout=5).raise_for_status()
            return
        except httpx.HTTPError:
            time.sleep(0.5)
    raise RuntimeError(f"the server on {base} did not start")


def command_wall_time(path: Path) -> None:
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    print("commands on the full store (5 runs: wall clock, and CPU time of the process):")
    for args in (["--help"], ["--version"], ["events", "--db", str(path)],
                 ["events", "--db", str(path), "--country", "USA"],
                 ["show", "0", "--db", str(path)]):
        times, cpu = [], []
        for _ in range(5):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run([sitrep, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env={**os.environ, "COLUMNS": "120"})
            times.append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        print(f"  sitrep {' '.join(a if a != str(path) else 'DB' for a in args):30s} "
              f"wall median {statistics.median(times):.2f} s (min {min(times):.2f} s), "
              f"CPU median {statistics.median(cpu):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--block", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("sitrep-bench.db"))
    parser.add_argument("--events-per-day", type=int, default=600,
                        help="how fast the feed's publication day moves on")
    parser.add_argument("--rounds", type=int, default=50, help="library queries per kind")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=25, help="requests per client")
    parser.add_argument("--server-workers", type=int, default=2,
                        help="server processes (sitrep serve --workers)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=100, help="articles per transaction")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--parts", default="library,api-cpu,api,commands",
                        help="what to measure after the ingest: library, api-cpu (server CPU "
                             "per request), api, commands")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    print("load average at the start: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    if not args.skip_ingest:
        if args.db.exists():
            sys.exit(f"{args.db} exists: remove it or pass --skip-ingest")
        ingest(args.db, args.events, args.block, args.seed, args.events_per_day, args.batch)
    probes = _probes(args.db, args.seed)
    if "library" in parts:
        library_latency(args.db, probes, args.rounds, args.seed)
    if "api-cpu" in parts:
        served_cpu(args.db, probes, args.requests * 4, args.seed)
    if "api" in parts:
        served_latency(args.db, probes, args.clients, args.requests, args.seed,
                       args.events_per_day, args.server_workers)
    if "commands" in parts:
        command_wall_time(args.db)
    size = sum(p.stat().st_size for p in args.db.parent.glob(args.db.name + "*"))
    print(f"store size {size / 2**20:,.0f} MiB")
    print("load average at the end: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
