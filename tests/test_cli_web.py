"""`sitrep watch`, `sitrep ingest URL`, `--workers` and the coded shards of `--dask`, end to
end through the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import make_coded, make_event
from localsite import LocalSite
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.shards import coded_line, is_coded_shard
from sitrep.store import EventQuery, Store
from sitrep.store.db import ArticleSource

runner = CliRunner()

STORY = ("<html><head><title>Bridge reopens</title></head><body><article><p>Peru reopened "
         "the main bridge over the river on Monday after floods damaged it last month, the "
         "transport ministry said.</p><p>Engineers said lorries would be allowed to cross "
         "again from next week once the last repairs are finished.</p></article></body></html>")
TEXTS = ["Kenya closed its border with Somalia on Tuesday, the ministry said.",
         "Brazil signed a trade agreement with Argentina on Friday.",
         "Protesters marched through Lima on Sunday to demand higher wages.",
         "Chile reopened the port of Valparaiso on Monday after a strike ended."]


@pytest.fixture
def site():
    with LocalSite() as local:
        local.page("/story", STORY)
        items = f"<item><title>Bridge</title><link>{local.url('/story')}</link></item>"
        local.page("/feed", f"<rss version=\"2.0\"><channel>{items}</channel></rss>",
                   content_type="application/rss+xml")
        yield local


def test_watch_rejects_a_bad_interval(tmp_path):
    result = runner.invoke(app, ["watch", "http://x.example/feed", "--db",
                                 str(tmp_path / "w.db"), "--every", "soon", "--once"])
    assert result.exit_code == 2
    assert "not a duration" in result.output


def test_watch_rejects_a_list_that_holds_no_urls(tmp_path):
    listing = tmp_path / "feeds.txt"
    listing.write_text("my favourite paper\n", encoding="utf-8")
    result = runner.invoke(app, ["watch", str(listing), "--db", str(tmp_path / "w.db"), "--once"])
    assert result.exit_code == 2
    assert "not an http(s) URL" in result.output


@pytest.mark.slow
def test_watch_once_from_a_list_of_feeds_then_nothing_new(tmp_path, site):
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"# the outlets I follow\n{site.url('/feed')}\n", encoding="utf-8")
    db = tmp_path / "w.db"
    args = ["watch", str(listing), "--db", str(db), "--once", "--host-interval", "0"]
    first = runner.invoke(app, args)
    second = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "1 articles stored" in first.output
    assert "not modified" in second.output and "0 articles stored" in second.output
    with Store(db) as store:
        assert store.stats().articles == 1


@pytest.mark.slow
def test_ingest_a_url_and_a_missing_one(tmp_path, site):
    db = tmp_path / "u.db"
    result = runner.invoke(app, ["ingest", site.url("/story"), site.url("/gone"), "--db",
                                 str(db)])
    assert result.exit_code == 1
    assert f"error: {site.url('/gone')}: HTTP 404" in result.output
    with Store(db) as store:
        [article] = list(store.iter_articles())
    assert article.title == "Bridge reopens" and article.url == site.url("/story")


@pytest.mark.slow
def test_code_with_two_workers_gives_what_one_gives(tmp_path):
    data = tmp_path / "docs.jsonl"
    rows = [{"id": f"d{n}", "text": text, "published": "2024-05-07"}
            for n, text in enumerate(TEXTS * 5)]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    one = runner.invoke(app, ["code", str(data), "-q"])
    two = runner.invoke(app, ["code", str(data), "-q", "--workers", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout and two.stdout == one.stdout


@pytest.mark.slow
def test_coded_shards_are_ingested_without_coding_again(tmp_path, coder, monkeypatch):
    from sitrep.model import Article

    coded = list(coder.code_articles(Article(id=f"s{n}", text=t, published="2024-05-07")
                                     for n, t in enumerate(TEXTS)))
    shard = tmp_path / "part-0.coded.jsonl"
    shard.write_text("".join(coded_line(c) + "\n" for c in coded) + "{broken\n",
                     encoding="utf-8")
    assert is_coded_shard(shard)
    monkeypatch.setattr("sitrep.cli._coder", lambda *a: pytest.fail("shards were coded again"))
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["ingest", str(shard), "--db", str(db)])
    assert result.exit_code == 1 and f"{shard}:5" in result.output
    with Store(db) as store:
        assert store.stats().articles == 4
        assert store.stats().events == sum(len(c.events) for c in coded)


def test_a_document_shard_is_not_a_coded_shard(tmp_path: Path):
    plain = tmp_path / "docs.jsonl"
    plain.write_text(json.dumps({"id": "a", "text": "Hello."}) + "\n", encoding="utf-8")
    assert not is_coded_shard(plain)


def test_show_names_the_other_outlets_that_printed_the_story(tmp_path):
    text = "The USA forces withdrew from Niger."
    event = make_event("wire", sentence=text)
    db = tmp_path / "o.db"
    with Store(db) as store:
        store.add(make_coded("wire", text, [event], url="http://a.example/1", publisher="A"))
        for n, name in enumerate(["A", "B", "C"]):
            store.add_article_source(ArticleSource("wire", f"http://{name.lower()}.example/1",
                                                   publisher=name, title=f"copy {n}"))
    result = runner.invoke(app, ["show", event.id, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "also printed by 2 outlets: B, C" in result.output


@pytest.mark.slow
def test_ingest_with_two_workers_stores_what_one_stores(tmp_path):
    data = tmp_path / "docs.jsonl"
    rows = [{"id": f"d{n}", "text": text, "published": "2024-05-07"}
            for n, text in enumerate(TEXTS)]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    counts = []
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.db"
        result = runner.invoke(app, ["ingest", str(data), "--db", str(db), "-q",
                                     "--workers", workers])
        assert result.exit_code == 0, result.output
        with Store(db) as store:
            counts.append((store.stats().articles, sorted(e.id for e in store.iter_events(
                EventQuery(limit=None)))))
    assert counts[0] == counts[1] and counts[0][0] == 4
