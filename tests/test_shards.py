"""Coding sharded JSON Lines on a two-worker Dask LocalCluster, then storing the coded shards."""

from __future__ import annotations

import json

import pytest

from sitrep.model import Article
from sitrep.shards import code_on_dask, load_shards, read_coded
from sitrep.store import Store

TEXTS = ["Kenya closed its border with Somalia on Tuesday, the ministry said.",
         "Brazil signed a trade agreement with Argentina on Friday.",
         "Protesters marched through Lima on Sunday to demand higher wages.",
         "Chile reopened the port of Valparaiso on Monday after a strike ended."]


@pytest.mark.slow
def test_shards_coded_on_a_local_cluster_match_the_coder_and_load_once(tmp_path, coder):
    shards = []
    for part in range(2):
        path = tmp_path / f"part-{part}.jsonl"
        rows = [{"id": f"p{part}-{n}", "text": text, "published": f"2024-05-0{part + 1}"}
                for n, text in enumerate(TEXTS[part:] + TEXTS[:part])]
        path.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{bad\n", encoding="utf-8")
        shards.append(path)
    out = tmp_path / "coded"

    results = sorted(code_on_dask(shards, out, workers=2), key=lambda r: r.source)

    assert [r.articles for r in results] == [4, 4]
    assert all(len(r.errors) == 1 and ":5" in r.errors[0] for r in results)
    coded = [c for r in results for c in read_coded(tmp_path / r.out)]
    expected = list(coder.code_articles(
        Article(id=f"p{p}-{n}", text=t, published=f"2024-05-0{p + 1}")
        for p in range(2) for n, t in enumerate(TEXTS[p:] + TEXTS[:p])))
    assert sorted(e.id for c in coded for e in c.events) == sorted(
        e.id for c in expected for e in c.events)
    assert not list(out.glob("*.partial"))

    with Store(tmp_path / "d.db") as store:
        first = load_shards(store, sorted(out.glob("*.jsonl")))
        again = load_shards(store, sorted(out.glob("*.jsonl")))
        assert (first.added, first.skipped, again.added, again.skipped) == (4, 4, 0, 8)
        assert store.stats().events == first.events
