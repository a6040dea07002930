"""Reading feeds: RSS, Atom, sitemaps, URL lists; unsafe XML is refused."""

from __future__ import annotations

import pytest

from sitrep.errors import InputError
from sitrep.ingest.feeds import FeedItem, parse_feed

BASE = "http://news.example/feed"

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example</title>
<item><title>Troops leave</title><link>http://news.example/a</link>
<pubDate>Mon, 06 May 2024 10:30:00 +0000</pubDate></item>
<item><title>Relative link</title><link>/b</link></item>
<item><title>Guid only</title><guid isPermaLink="true">http://news.example/c</guid></item>
<item><title>No link at all</title><guid isPermaLink="false">x-123</guid></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title>
<entry><title>One</title><link rel="alternate" href="http://news.example/one"/>
<link rel="edit" href="http://news.example/edit/one"/><updated>2024-05-06T08:00:00Z</updated></entry>
<entry><title>Two</title><link href="two"/><published>2024-05-07</published></entry>
</feed>"""

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>http://news.example/s1</loc><lastmod>2024-05-01</lastmod></url>
<url><loc>http://news.example/s2</loc><news:news><news:title>Talks</news:title>
<news:publication_date>2024-05-02T09:15:00+02:00</news:publication_date></news:news></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>http://news.example/sitemap-1.xml</loc></sitemap>
<sitemap><loc>/sitemap-2.xml</loc></sitemap></sitemapindex>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss><channel><item><title>&lol3;</title><link>http://news.example/a</link></item></channel></rss>"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&secret;</title><link>http://news.example/a</link></item></channel></rss>"""


def test_rss_items_with_absolute_links_and_dates():
    feed = parse_feed(RSS, BASE)
    assert feed.kind == "rss"
    assert feed.items == [
        FeedItem("http://news.example/a", "Troops leave", "2024-05-06T10:30+00:00"),
        FeedItem("http://news.example/b", "Relative link", None),
        FeedItem("http://news.example/c", "Guid only", None),
    ]


def test_atom_entries_take_their_alternate_link():
    feed = parse_feed(ATOM, BASE)
    assert feed.kind == "atom"
    assert [(i.url, i.published) for i in feed.items] == [
        ("http://news.example/one", "2024-05-06T08:00:00+00:00"),
        ("http://news.example/two", "2024-05-07"),
    ]


def test_a_news_sitemap_gives_titles_and_publication_dates():
    feed = parse_feed(SITEMAP, BASE)
    assert feed.kind == "sitemap"
    assert feed.items == [FeedItem("http://news.example/s1", None, "2024-05-01"),
                          FeedItem("http://news.example/s2", "Talks", "2024-05-02T09:15:00+02:00")]


def test_a_sitemap_index_lists_further_feeds():
    feed = parse_feed(INDEX, BASE)
    assert feed.kind == "sitemapindex" and feed.items == []
    assert feed.feeds == ["http://news.example/sitemap-1.xml", "http://news.example/sitemap-2.xml"]


def test_a_plain_list_of_urls_skips_blanks_and_comments():
    feed = parse_feed(b"# morning\nhttp://news.example/a\n\nhttps://news.example/b\n", BASE)
    assert [i.url for i in feed.items] == ["http://news.example/a", "https://news.example/b"]


@pytest.mark.parametrize("body", [LAUGHS, EXTERNAL])
def test_entity_declarations_are_refused_unread(body):
    with pytest.raises(InputError, match="unsafe XML refused"):
        parse_feed(body, BASE)


@pytest.mark.parametrize(("body", "words"), [
    (b"<rss><channel><item>", "broken XML"),
    (b"<html><body>hello</body></html>", "not a feed: XML root <html>"),
    (b"just some words\n", "not a feed or URL list"),
])
def test_what_is_no_feed_is_named(body, words):
    with pytest.raises(InputError, match=words) as caught:
        parse_feed(body, BASE)
    assert caught.value.source == BASE
