"""Past one machine: code sharded JSON Lines on a Dask cluster, one shard per task.

Each Dask worker process codes with its own process-wide coder (loaded on its first shard, then
reused) and writes a coded shard next to the others: one line per article,
``{"coded": 1, "article": {...}, "events": [...]}``. ``sitrep ingest`` recognises such files
and stores them without coding again, so the store keeps one writer. A local cluster of
``workers`` processes is started when no scheduler address is given.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.errors import InputError, SitrepError
from sitrep.model import Article, CodedArticle, Event
from sitrep.store.db import Store
from sitrep.store.loader import LoadResult

CODED_KEY = "coded"
"""The field that marks a line of a coded shard (its value is the shard format's version)."""
FORMAT = 1


@dataclass(slots=True)
class ShardResult:
    """One shard coded: where it came from, where it went, and what it held."""

    source: str
    out: str
    articles: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)


def coded_line(coded: CodedArticle) -> str:
    return json.dumps({CODED_KEY: FORMAT, "article": coded.article.to_dict(),
                       "events": [e.to_dict() for e in coded.events]}, ensure_ascii=False)


def code_shard(source: str, out: str, published: str | None = None) -> ShardResult:
    """Code one JSON Lines shard into ``out`` (written whole, then renamed into place, so a
    shard that is there is complete). Bad documents are named in the result, not raised."""
    from sitrep.coder import default_coder
    from sitrep.ingest import read_documents

    result = ShardResult(source=source, out=out)
    articles = []
    for item in read_documents([source], published=published):
        if isinstance(item, InputError):
            result.errors.append(str(item))
        else:
            articles.append(item)
    partial = f"{out}.partial"
    with open(partial, "w", encoding="utf-8") as handle:
        for coded in default_coder().code_articles(
                articles, on_error=lambda err: result.errors.append(str(err))):
            handle.write(coded_line(coded) + "\n")
            result.articles += 1
            result.events += len(coded.events)
    os.replace(partial, out)
    return result


def warm_worker() -> str:
    """Load this worker process's coder now (all workers at once, before any shard)."""
    from sitrep.coder import default_coder

    return default_coder().options.model


def code_on_dask(paths: Iterable[Path], out: Path, *, scheduler: str | None = None,
                 workers: int = 2, published: str | None = None) -> Iterator[ShardResult]:
    """Code every shard as one Dask task, yielding results as shards finish.

    ``scheduler`` is an existing cluster's address (``tcp://host:8786``); its workers need
    sitrep installed and read the input paths themselves (a shared file system). Without it a
    ``LocalCluster`` of ``workers`` single-threaded processes runs here.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    shards = [Path(p) for p in paths]
    missing = [str(p) for p in shards if not p.is_file()]
    if missing:
        raise InputError(missing[0], "no such shard file")
    out.mkdir(parents=True, exist_ok=True)
    targets = [str(out / f"{n:05d}-{p.stem}.coded.jsonl") for n, p in enumerate(shards)]
    cluster = None if scheduler else LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            client.run(warm_worker)
            futures = client.map(code_shard, [str(p.resolve()) for p in shards], targets,
                                 published=published, pure=False)
            for future in as_completed(futures):
                yield future.result()
    finally:
        if cluster is not None:
            cluster.close()


def is_coded_shard(path: Path) -> bool:
    """Whether ``path`` is a JSON Lines file whose first record is a coded article."""
    if path.suffix.lower() != ".jsonl" or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8") as handle:
            first = next((line for line in handle if line.strip()), "")
        return CODED_KEY in json.loads(first) if first.lstrip().startswith("{") else False
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False


def read_coded(path: Path) -> Iterator[CodedArticle | InputError]:
    """The coded articles of a shard; a bad line is an error naming ``path:LINE``."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                yield CodedArticle(article=Article.from_dict(data["article"]),
                                   events=[Event.from_dict(e) for e in data["events"]])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                yield InputError(f"{path}:{number}", f"not a coded article ({exc})")


def load_shards(store: Store, paths: Iterable[Path]) -> LoadResult:
    """Store coded shards as they are, :data:`SHARD_BATCH` articles a transaction (a commit
    costs more than an article's inserts), stored ones skipped; an article refused for a
    conflict is reported and leaves nothing behind.

    The result is the loader's, so ``ingest`` reports shards and coded articles alike.
    """
    result = LoadResult()
    for path in paths:
        batch: list[CodedArticle] = []
        for item in read_coded(path):
            if isinstance(item, InputError):
                result.errors.append(item)
                continue
            batch.append(item)
            if len(batch) >= SHARD_BATCH:
                _store_batch(store, path, batch, result)
                batch = []
        _store_batch(store, path, batch, result)
    return result


SHARD_BATCH = 100


def _store_batch(store: Store, path: Path, batch: list[CodedArticle],
                 result: LoadResult) -> None:
    if not batch:
        return
    try:
        outcomes = store.add_many(batch)
    except SitrepError as exc:
        result.errors.append(InputError(str(path), str(exc)))
        return
    for item, outcome in zip(batch, outcomes, strict=True):
        if isinstance(outcome, SitrepError):
            result.errors.append(InputError(str(path), str(outcome)))
        elif outcome:
            result.added += 1
            result.events += len(item.events)
            result.article_ids.append(item.article.id)
        else:
            result.skipped += 1
