"""Several processes on one store: no false error, the same content as one writer."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import store_workers

from sitrep.store import Store

CTX = multiprocessing.get_context("forkserver")
CTX.set_forkserver_preload(["store_workers", "factories", "sitrep.store"])
COUNTRIES = ["USA", "FRA", "RUS", "CHN", "NER", "MLI", "TCD", "SDN", "GBR", "DEU"]


def _run_two(target, args_a: tuple, args_b: tuple) -> list:
    barrier, results = CTX.Barrier(2), CTX.Queue()
    procs = [CTX.Process(target=target, args=(*args, barrier, results))
             for args in (args_a, args_b)]
    for proc in procs:
        proc.start()
    out = [results.get(timeout=120) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
        assert proc.exitcode == 0
    return out


def _docs(prefix: str, n: int) -> list[tuple[str, str]]:
    return [(f"{prefix}{i}", COUNTRIES[i % len(COUNTRIES)]) for i in range(n)]


def _content(path: Path) -> tuple[list, list, list]:
    conn = sqlite3.connect(path)
    articles = conn.execute("SELECT id, content_hash FROM articles ORDER BY id").fetchall()
    events = conn.execute("SELECT id, record FROM events ORDER BY id").fetchall()
    sources = conn.execute("SELECT * FROM event_sources ORDER BY 1, 2").fetchall()
    conn.close()
    return articles, events, sources


def _one_writer(path: Path, docs: list[tuple[str, str]]) -> tuple[list, list, list]:
    barrier, results = CTX.Barrier(1), CTX.Queue()
    store_workers.store_articles(str(path), docs, barrier, results)
    assert results.get(timeout=10) == []
    return _content(path)


def test_two_processes_open_a_new_database_at_once_twenty_times(tmp_path: Path) -> None:
    paths = [str(tmp_path / f"new{i}.db") for i in range(20)]
    reports_a, reports_b = _run_two(store_workers.open_new_stores, (paths,), (paths,))
    assert len(reports_a) == len(reports_b) == 20
    assert [error for _, error in reports_a + reports_b if error] == []


def test_two_writers_of_the_same_articles_report_no_error_and_store_them_once(
        tmp_path: Path) -> None:
    docs = _docs("same", 40)
    Store(tmp_path / "two.db").close()
    errors = _run_two(store_workers.store_articles, (str(tmp_path / "two.db"), docs),
                      (str(tmp_path / "two.db"), docs))
    assert errors == [[], []]
    assert _content(tmp_path / "two.db") == _one_writer(tmp_path / "one.db", docs)


def test_two_writers_of_disjoint_articles_store_both(tmp_path: Path) -> None:
    left, right = _docs("left", 25), _docs("right", 25)
    errors = _run_two(store_workers.store_articles, (str(tmp_path / "two.db"), left),
                      (str(tmp_path / "two.db"), right))
    assert errors == [[], []]
    assert _content(tmp_path / "two.db") == _one_writer(tmp_path / "one.db", left + right)


def test_a_real_conflict_is_still_reported_for_what_it_is(tmp_path: Path) -> None:
    from factories import make_coded, make_event

    from sitrep.store import StoreError

    with Store(tmp_path / "s.db") as store:
        store.add(make_coded("a", "One text.", [make_event("a")]))
        try:
            store.add(make_coded("a", "Another text.", [make_event("a")]))
        except StoreError as exc:
            assert "already stored with different text" in str(exc)
        else:
            raise AssertionError("a second text under one id must be refused")
