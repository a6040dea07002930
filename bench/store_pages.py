"""Pages the write-ahead log takes for each event stored, by the b-tree they belong to.

    .venv/bin/python bench/store_pages.py --db /tmp/sitrep-bench.db --events 4000

Continues the feed of a store that ``bench/store.py`` filled (the same seed and rate: the
feed is generated again up to the last article the store holds; not by counting articles,
as an article whose text came twice is stored once) for ``--events`` more events, on a
copy, with the log never copied into the database meanwhile; then reads the page number of
every frame of the log and names its table or index through SQLite's ``dbstat``. A page a
transaction changes is written once per commit, so the count says how many distinct pages of
each index a transaction of ``--batch`` articles touches, per event: an index whose inserts
scatter (a random key, or many insertion points) nears one page per row it takes as the store
grows. Prints the CPU time an event took as well. The copy is removed at the end.
"""

from __future__ import annotations

import argparse
import collections
import shutil
import sqlite3
import struct
import sys
import tempfile
import time
from pathlib import Path

from sitrep.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from store import Generator  # noqa: E402  (bench/store.py, the feed itself)

FRAME_HEADER = 24
LOG_HEADER = 32


def log_pages(log: Path) -> list[int]:
    """The page number of each frame of a write-ahead log, in order."""
    data = log.read_bytes()
    size = struct.unpack(">I", data[8:12])[0]
    pages, at = [], LOG_HEADER
    while at + FRAME_HEADER + size <= len(data):
        pages.append(struct.unpack(">I", data[at:at + 4])[0])
        at += FRAME_HEADER + size
    return pages


def owners(db: Path) -> dict[int, str]:
    """Each page's table or index (through ``dbstat``, on the database with its log)."""
    conn = sqlite3.connect(db)
    try:
        return dict((page, name) for name, page in
                    conn.execute("SELECT name, pageno FROM dbstat"))
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a store bench/store.py filled")
    parser.add_argument("--events", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--events-per-day", type=int, default=600)
    parser.add_argument("--batch", type=int, default=100, help="articles per transaction")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.db.parent) as work:
        copy = Path(work) / "store.db"
        with Store(args.db) as source:  # folds the source's log in and reads where it stands
            source.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            last = source.conn.execute("SELECT max(id) FROM articles").fetchone()[0]
            events = source.stats().events
        shutil.copy(args.db, copy)
        gen = Generator(args.seed, args.events_per_day)
        while gen.article().article.id < last:
            pass  # the feed again up to the last article stored
        added, cpu = 0, 0.0
        with Store(copy) as store:
            store.conn.execute("PRAGMA wal_autocheckpoint = 0")
            while added < args.events:
                batch = [gen.article() for _ in range(args.batch)]
                started = time.process_time()
                store.add_many(batch)
                cpu += time.process_time() - started
                added += sum(len(coded.events) for coded in batch)
            log = copy.with_name(copy.name + "-wal")
            kept = Path(work) / "read.db"
            shutil.copy(copy, kept)
            shutil.copy(log, kept.with_name(kept.name + "-wal"))
        pages = log_pages(kept.with_name(kept.name + "-wal"))
        named = owners(kept)
    counts = collections.Counter(named.get(page, "(free or new)") for page in pages)
    print(f"{added:,} events added to a store of {events:,}: {cpu / added * 1e6:.0f} µs of CPU "
          f"an event; {len(pages) / added:.2f} log pages an event")
    for name, count in counts.most_common():
        if count / added >= 0.01:
            print(f"  {name:36s} {count / added:6.2f}")


if __name__ == "__main__":
    main()
