"""Following feeds end to end against a local server, with the real coder.

The texts are made up for these tests: a story about a made-up ministry and harbour.
"""

from __future__ import annotations

import pytest
from localsite import LocalSite

from sitrep.errors import InputError
from sitrep.ingest.fetch import Fetcher, FetchPolicy
from sitrep.ingest.watch import Watcher
from sitrep.store import Store

pytestmark = pytest.mark.slow

STORY = (
    "Kenya closed its border with Somalia on Tuesday after a week of clashes near the town "
    "of Mandera, the interior ministry said. Officials said the crossing would stay shut "
    "until talks between the two governments resume in Nairobi. Traders waiting at the "
    "border told reporters that hundreds of lorries carrying food had been turned back. "
    "The ministry said police reinforcements had been sent to the area and that the army "
    "would patrol the road. Aid groups warned that families on both sides depend on the "
    "market in the town and asked the authorities to let food through. Somalia's foreign "
    "ministry said it regretted the decision and called for a meeting of officials from "
    "both countries within days."
)
OTHER = (
    "Brazil signed a trade agreement with Argentina on Friday in Buenos Aires, the two "
    "governments said in a joint statement. The accord lowers tariffs on farm machinery and "
    "steel and sets up a committee to settle disputes. Ministers from both countries said "
    "the deal would take effect next year once their parliaments approve it. Business "
    "groups in Sao Paulo welcomed the agreement, while farmers' unions said they would "
    "study its terms before taking a position."
)
THIRD = (
    "Protesters marched through the centre of Lima on Sunday to demand higher wages for "
    "teachers, the union that organised the march said. Police said about two thousand "
    "people took part and that the march ended peacefully in front of the congress "
    "building. The education minister said the government would meet union leaders next "
    "week to discuss a new pay scale for public schools across the country."
)
FRENCH = (
    "Les autorités ont fermé la frontière mardi après une semaine d'affrontements près de la "
    "ville, a indiqué le ministère de l'Intérieur. Les responsables ont déclaré que le poste "
    "resterait fermé jusqu'à la reprise des discussions entre les deux gouvernements."
)


def page(text: str, outlet: str, title: str = "News") -> str:
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in text.split(". ") if sentence)
    return (f"<html><head><title>{title}</title><meta property=\"og:site_name\" "
            f"content=\"{outlet}\"></head><body><article><h1>{title}</h1>{paragraphs}"
            "</article></body></html>")


def rss(site: LocalSite, paths: list[str]) -> str:
    items = "".join(f"<item><title>{p}</title><link>{site.url(p)}</link>"
                    "<pubDate>Tue, 07 May 2024 09:00:00 +0000</pubDate></item>" for p in paths)
    return f"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>{items}</channel></rss>"


class CountingCoder:
    """The real coder, counting how often it is made and which articles it codes."""

    def __init__(self, coder) -> None:
        self.coder, self.made, self.coded = coder, 0, []

    def __call__(self):
        self.made += 1
        return self

    def code_articles(self, articles, on_error=None):
        for coded in self.coder.code_articles(articles, on_error=on_error):
            self.coded.append(coded.article.url)
            yield coded


@pytest.fixture
def site():
    with LocalSite() as local:
        yield local


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "watch.db") as opened:
        yield opened


def watcher(store, coder, notes=None) -> Watcher:
    fetcher = Fetcher(FetchPolicy(host_interval=0.0))
    return Watcher(store, fetcher, coder, say=(notes.append if notes is not None else print))


def test_a_feed_is_ingested_then_only_new_items_are_added(site, store, coder):
    site.page("/a", page(STORY, "Daily Post"))
    site.page("/b", page(OTHER, "Evening Star"))
    site.page("/feed", rss(site, ["/a", "/b"]), content_type="application/rss+xml")
    counting = CountingCoder(coder)
    w = watcher(store, counting)

    first = w.poll([site.url("/feed")])
    assert (first.stored, first.errors) == (2, [])
    assert store.stats().articles == 2 and first.events > 0

    second = w.poll([site.url("/feed")])
    assert second.not_modified == 1 and second.stored == 0
    assert counting.made == 1, "a 304 must cost no coding"

    site.page("/c", page(THIRD, "Morning News"))
    site.page("/feed", rss(site, ["/a", "/b", "/c"]), content_type="application/rss+xml")
    third = w.poll([site.url("/feed")])
    assert (third.stored, third.seen) == (1, 2)
    assert counting.coded == [site.url("/a"), site.url("/b"), site.url("/c")]
    assert [site.requests(p) for p in ("/a", "/b", "/c")] == [1, 1, 1]
    assert site.requests("/feed") == 3


def test_forty_syndicated_copies_are_one_article_with_forty_sources(site, store, coder):
    paths = [f"/paper{n}/story" for n in range(40)]
    for n, path in enumerate(paths):
        site.page(path, page(f"From our wire service, paper {n}. " + STORY, f"Paper {n}"))
    site.page("/feed", rss(site, paths), content_type="application/rss+xml")
    counting = CountingCoder(coder)

    report = watcher(store, counting).poll([site.url("/feed")])

    assert (report.stored, report.duplicates) == (1, 39)
    assert store.stats().articles == 1 and len(counting.coded) == 1
    article = next(store.iter_articles())
    sources = store.article_sources(article.id)
    assert len(sources) == 40
    assert {s.publisher for s in sources} == {f"Paper {n}" for n in range(40)}


def test_a_copy_met_in_a_later_run_joins_the_stored_story(site, store, coder):
    site.page("/a", page(STORY, "Daily Post"))
    site.page("/copy", page("Reprinted with permission. " + STORY, "Weekly Echo"))
    watcher(store, CountingCoder(coder)).ingest_urls([site.url("/a")])
    counting = CountingCoder(coder)

    report = watcher(store, counting).ingest_urls([site.url("/copy")])

    assert report.duplicates == 1 and counting.made == 0
    article = next(store.iter_articles())
    assert [s.publisher for s in store.article_sources(article.id)] == ["Daily Post",
                                                                          "Weekly Echo"]


def test_items_that_fail_are_named_with_their_reason_and_the_others_go_on(site, store, coder):
    site.page("/good", page(OTHER, "Evening Star"))
    site.page("/empty", "<html><head><title>Nothing</title></head><body></body></html>")
    site.page("/fr", page(FRENCH, "Le Matin"))
    site.slow("/slow", 2.0)
    site.page("/feed", rss(site, ["/missing", "/empty", "/fr", "/slow", "/good"]),
              content_type="application/rss+xml")
    notes: list[str] = []
    w = Watcher(store, Fetcher(FetchPolicy(host_interval=0.0, timeout=0.5)), CountingCoder(coder),
                say=notes.append)

    report = w.poll([site.url("/feed")])

    reasons = {e.source.removeprefix(site.base): e.reason for e in report.errors}
    assert set(reasons) == {"/missing", "/empty", "/slow"}
    assert "HTTP 404" in reasons["/missing"]
    assert "no article text" in reasons["/empty"]
    assert "timed out" in reasons["/slow"]
    assert report.stored == 1 and report.skipped == 1
    assert any("/fr" in note and "'fr'" in note and "not English" in note for note in notes)

    site.page("/feed", rss(site, ["/missing", "/empty", "/fr", "/slow", "/good", "/x"]),
              content_type="application/rss+xml")
    w.poll([site.url("/feed")])
    assert [site.requests(p) for p in ("/missing", "/empty", "/fr", "/good")] == [1, 1, 1, 1]
    assert site.requests("/slow") == 2, "a timeout may pass: tried again next poll"


def test_a_poll_that_crashed_resumes_without_fetching_stored_items_again(site, store, coder):
    site.page("/a", page(STORY, "Daily Post"))
    site.page("/b", page(OTHER, "Evening Star"))
    site.page("/feed", rss(site, ["/a", "/b"]), content_type="application/rss+xml")

    class CrashingCoder(CountingCoder):
        def code_articles(self, articles, on_error=None):
            for n, coded in enumerate(super().code_articles(articles, on_error)):
                if n == 1:
                    raise KeyboardInterrupt
                yield coded

    with pytest.raises(KeyboardInterrupt):
        watcher(store, CrashingCoder(coder)).poll([site.url("/feed")])
    assert store.stats().articles == 1

    report = watcher(store, CountingCoder(coder)).poll([site.url("/feed")])

    assert (report.stored, report.seen) == (1, 1)
    assert store.stats().articles == 2
    assert site.requests("/a") == 1


def test_a_feed_that_cannot_be_fetched_is_named(site, store, coder):
    report = watcher(store, CountingCoder(coder)).poll([site.url("/nofeed")])
    assert [(e.source, "HTTP 404" in e.reason) for e in report.errors] == [
        (site.url("/nofeed"), True)]
    assert all(isinstance(e, InputError) for e in report.errors)


def test_atom_feeds_and_sitemap_indexes_are_followed(site, store, coder):
    site.page("/a", page(STORY, "Daily Post"))
    site.page("/b", page(OTHER, "Evening Star"))
    entry = f"<entry><title>A</title><link href=\"{site.url('/a')}\"/></entry>"
    site.page("/atom", f"<feed xmlns=\"http://www.w3.org/2005/Atom\">{entry}</feed>",
              content_type="application/atom+xml")
    urlset = (f"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
              f"{site.url('/b')}</loc></url></urlset>")
    site.page("/sitemap-1.xml", urlset, content_type="application/xml")
    site.page("/sitemap.xml", "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
              "<sitemap><loc>/sitemap-1.xml</loc></sitemap></sitemapindex>",
              content_type="application/xml")

    report = watcher(store, CountingCoder(coder)).poll([site.url("/atom"),
                                                        site.url("/sitemap.xml")])

    assert (report.stored, report.errors) == (2, [])
    assert {a.url for a in store.iter_articles()} == {site.url("/a"), site.url("/b")}
