"""What a feed lists: RSS 2.0 (and 1.0), Atom, sitemaps (and sitemap indexes), plain URL lists.

XML is parsed with ``defusedxml``: a document that declares entities (the billion-laughs bomb)
or reaches for external ones is refused, and the fetcher has already capped the body's size.
Links are made absolute against the feed's own URL.
"""

from __future__ import annotations

import email.utils
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeTree
from defusedxml import DefusedXmlException

from sitrep.errors import InputError
from sitrep.ingest.dates import normalise_published


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One listed article: where it is, and what the feed says of it (title, date)."""

    url: str
    title: str | None = None
    published: str | None = None


@dataclass(slots=True)
class Feed:
    """A parsed feed: its kind, its items, and the further feeds it points to (a sitemap
    index lists sitemaps)."""

    kind: str
    items: list[FeedItem] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)


def is_url(text: str) -> bool:
    """Whether ``text`` is an absolute http(s) URL with a host."""
    parts = urlsplit(text.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def parse_feed(body: bytes, url: str) -> Feed:
    """The items of a feed body fetched from ``url``; :class:`InputError` when it is none of
    RSS, Atom, a sitemap or a list of URLs, or when its XML is unsafe or broken."""
    head = body.lstrip()[:1]
    if head != b"<":
        return _url_list(body, url)
    try:
        root = SafeTree.fromstring(body, forbid_dtd=False, forbid_entities=True,
                                   forbid_external=True)
    except DefusedXmlException as exc:
        raise InputError(url, f"unsafe XML refused ({type(exc).__name__}: entity or external "
                              "declarations are not read)") from exc
    except ParseError as exc:
        raise InputError(url, f"broken XML: {exc}") from exc
    name = _local(root.tag)
    if name == "rss" or name == "RDF":
        return Feed("rss", [_rss_item(item, url) for item in _all(root, "item")
                            if _rss_link(item)])
    if name == "feed":
        return Feed("atom", [i for e in _children(root, "entry") if (i := _atom_item(e, url))])
    if name == "urlset":
        return Feed("sitemap", [_sitemap_item(u, url) for u in _children(root, "url")
                                if _text(u, "loc")])
    if name == "sitemapindex":
        return Feed("sitemapindex", feeds=[urljoin(url, loc) for s in _children(root, "sitemap")
                                           if (loc := _text(s, "loc"))])
    raise InputError(url, f"not a feed: XML root <{name}> is not rss, feed, urlset or "
                          "sitemapindex")


def _url_list(body: bytes, url: str) -> Feed:
    """One URL a line; blank lines and lines starting with ``#`` are skipped."""
    text = body.decode("utf-8", errors="replace")
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    bad = next((line for line in lines if not is_url(line)), None)
    if bad is not None:
        raise InputError(url, f"not a feed or URL list: {bad[:80]!r} is not an http(s) URL")
    return Feed("urls", [FeedItem(line) for line in lines])


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(node: Element, name: str) -> list[Element]:
    return [child for child in node if _local(child.tag) == name]


def _all(node: Element, name: str) -> list[Element]:
    return [child for child in node.iter() if _local(child.tag) == name]


def _text(node: Element, name: str) -> str | None:
    for child in _children(node, name):
        if child.text and child.text.strip():
            return child.text.strip()
    return None


def _rss_link(item: Element) -> str | None:
    """An RSS item's link, else its guid when the guid is a permalink."""
    link = _text(item, "link")
    if link:
        return link
    for guid in _children(item, "guid"):
        if guid.text and guid.get("isPermaLink", "true") != "false" and is_url(guid.text):
            return guid.text.strip()
    return None


def _rss_item(item: Element, base: str) -> FeedItem:
    return FeedItem(urljoin(base, _rss_link(item) or ""), _text(item, "title"),
                    _published(_text(item, "pubDate") or _text(item, "date")))


def _atom_item(entry: Element, base: str) -> FeedItem | None:
    """An Atom entry's alternate link (a link without ``rel`` is one)."""
    href = next((link.get("href") for link in _children(entry, "link")
                 if link.get("rel", "alternate") == "alternate" and link.get("href")), None)
    if not href:
        return None
    return FeedItem(urljoin(base, href), _text(entry, "title"),
                    _published(_text(entry, "published") or _text(entry, "updated")))


def _sitemap_item(node: Element, base: str) -> FeedItem:
    """A sitemap ``<url>``; a news sitemap's title and publication date when it has them."""
    news = next(iter(_all(node, "news")), None)
    title = _text(news, "title") if news is not None else None
    day = (_text(news, "publication_date") if news is not None else None) or _text(node,
                                                                                    "lastmod")
    return FeedItem(urljoin(base, _text(node, "loc") or ""), title, _published(day))


def _published(value: str | None) -> str | None:
    """A feed date (RFC 822 in RSS, ISO 8601 in Atom and sitemaps) in the contract's form."""
    if not value:
        return None
    iso = normalise_published(value)
    if iso:
        return iso
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return normalise_published(when.isoformat(timespec="minutes"))
